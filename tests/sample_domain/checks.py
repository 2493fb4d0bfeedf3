"""What a new domain gets without editing the platform, checked with the throwaway domain
installed (run by tests/platform/test_new_domain.py, with tests.sample_domain.settings)."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from healthcentre.models import Organisation
from healthcentre.roles import GROUP_NAMES, Role
from tests.admins import model_names
from tests.sample_domain.models import SelfAssessment

# The throwaway domain's seed file is loaded with the rest, and its checks stand on the seeded units.
pytestmark = pytest.mark.usefixtures("seeded")

PERSONAS = ["superuser", "province_admin", "centre_admin", "viewer"]


def test_its_roles_get_its_permissions(db):
    codenames = lambda role: set(  # noqa: E731
        Group.objects.get(name=GROUP_NAMES[role])
        .permissions.filter(content_type__app_label="selfassessment")
        .values_list("codename", flat=True)
    )
    assert codenames(Role.VIEWER) == {"view_selfassessment", "view_historicalselfassessment"}
    assert {"add_selfassessment", "change_selfassessment"} <= codenames(Role.CENTRE_ADMIN)


def test_its_seeds_are_loaded_through_its_resource(seeded):
    assert SelfAssessment.objects.get(organisation__code="TTYT-BINHXUYEN", year=2024).score == 86.5


def test_its_admin_is_in_the_smoke_tests():
    assert ("selfassessment", "selfassessment") in model_names()


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_role_sees_its_pages_within_its_units(request, client_for, persona):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    page = client.get(reverse("admin:selfassessment_selfassessment_changelist"))
    assert page.status_code == 200
    shown = {str(row.organisation.code) for row in page.context["cl"].result_list}
    assert ("TTYT-LAICHAU" in shown) is (persona == "superuser")
    report = client.get(reverse("admin:selfassessment_report"))
    assert report.status_code == 200
    assert ("TTYT-LAICHAU" in report.content.decode()) is (persona == "superuser")


def test_it_imports_and_exports_through_the_platform(client_for, centre_admin):
    client = client_for(centre_admin)
    url = reverse("admin:selfassessment_selfassessment_import")
    upload = SimpleUploadedFile("tu-danh-gia.csv", b'unit_code,year,score\nTTYT-BINHXUYEN,2025,"90,25"\n')
    previewed = client.post(url, {"resource": 0, "format": 1, "import_file": upload})
    form = previewed.context["confirm_form"]
    confirm = reverse("admin:selfassessment_selfassessment_process_import")
    client.post(confirm, {name: form.initial.get(name, "") for name in form.fields})
    assert SelfAssessment.objects.get(organisation__code="TTYT-BINHXUYEN", year=2025).score == 90.25
    refused = client.post(
        url,
        {
            "resource": 0,
            "format": 1,
            "import_file": SimpleUploadedFile("x.csv", b"unit_code,year,score\nTTYT-LAICHAU,2025,1\n"),
        },
    )
    assert "confirm_form" not in refused.context
    assert not SelfAssessment.objects.filter(organisation__code="TTYT-LAICHAU", year=2025).exists()
    exported = client.post(reverse("admin:selfassessment_selfassessment_export"), {"format": 0, "resource": 0})
    assert exported.status_code == 200


def test_its_section_is_on_the_profile_page_and_in_its_workbook(client_for, superuser):
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    url = reverse("admin:healthcentre_organisation_profile", args=[unit.pk])
    page = client_for(superuser).get(url, {"start": 2024, "end": 2025}).content.decode()
    assert 'id="selfassessment"' in page and "86,50" in page
    workbook = client_for(superuser).get(f"{url}xlsx/", {"start": 2024, "end": 2025})
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content))["Tự đánh giá"]
    assert [cell.value for cell in sheet[2]] == [2024, 86.5]


def test_its_link_is_on_a_units_page(client_for, centre_admin):
    unit = Organisation.objects.get(code="TTYT-BINHXUYEN")
    page = client_for(centre_admin).get(reverse("admin:healthcentre_organisation_change", args=[unit.pk]))
    assert reverse("admin:selfassessment_report") in page.content.decode()


def test_the_attacker_table_asks_for_it():
    """tests/healthcentre/test_attacker.py fails until a new domain's records are in its table."""
    from tests.admins import registered_admins
    from tests.healthcentre.test_attacker import VICTIMS

    assert set(registered_admins()) - set(VICTIMS) == {"selfassessment.selfassessment"}
