"""The routes around the scoping pattern that leaked, each attacked as the review found it."""

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from healthcentre.models import ChronicleEntry, ChronicleParticipant, Organisation, Person
from indicators.models import Indicator
from supervision.models import ContentArea, Finding, Visit
from tests.attack import database_fingerprint, form_data
from tests.records import supervision_visit
from tests.uploads import preview, preview_and_confirm


def revert_url(record, version) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[record.pk, version.history_id])


@pytest.mark.usefixtures("seeded")
def test_a_viewer_cannot_revert_a_persons_record(client_for, superuser, lai_chau_viewer):
    person = Person.objects.get(code="vu-van-phi")
    person.full_name = "Vũ Văn Phi (sửa)"
    person.save()
    first = person.history.order_by("history_date").first()
    form = form_data(client_for(superuser).get(revert_url(person, first)))
    before = database_fingerprint()
    response = client_for(lai_chau_viewer).post(revert_url(person, first), form)
    assert response.status_code == 403
    assert Person.objects.get(pk=person.pk).full_name == "Vũ Văn Phi (sửa)"
    assert database_fingerprint() == before


@pytest.mark.usefixtures("seeded")
def test_a_viewer_cannot_revert_the_shared_indicator_catalogue(client_for, superuser, lai_chau_viewer):
    indicator = Indicator.objects.get(code="KCB-LUOT-KHAM")
    indicator.save()
    version = indicator.history.first()
    form = form_data(client_for(superuser).get(revert_url(indicator, version)))
    form["factor"] = "1000"
    response = client_for(lai_chau_viewer).post(revert_url(indicator, version), form)
    assert response.status_code == 403
    assert Indicator.objects.get(pk=indicator.pk).factor == 1


@pytest.mark.usefixtures("seeded")
def test_a_record_moved_to_another_centre_cannot_be_pulled_back(client_for, superuser, other_centre_admin):
    person = Person.objects.get(code="vu-van-phi")
    person.save()
    at_lai_chau = person.history.first()
    person.organisation = Organisation.objects.get(code="TTYT-BINHXUYEN")
    person.save()
    form = form_data(client_for(superuser).get(revert_url(person, at_lai_chau)))
    client = client_for(other_centre_admin)
    assert client.get(revert_url(person, at_lai_chau)).status_code in (403, 404)
    assert client.post(revert_url(person, at_lai_chau), form).status_code in (403, 404)
    assert Person.objects.get(pk=person.pk).organisation.code == "TTYT-BINHXUYEN"


@pytest.mark.usefixtures("seeded")
def test_a_revert_is_audited_with_its_version(client_for, superuser, centre_admin):
    person = Person.objects.get(code="phan-kim-trong")
    original = person.full_name
    person.save()
    version = person.history.first()
    person.full_name = "Tên sai"
    person.save()
    client = client_for(centre_admin)
    response = client.post(revert_url(person, version), form_data(client.get(revert_url(person, version))))
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).full_name == original
    latest = person.history.first()
    assert latest.history_user == centre_admin
    assert latest.history_change_reason.startswith("Khôi phục phiên bản ngày ")


def another_centres_visit(station_code="TYT-X-BINHNGUYEN"):
    """Bình Xuyên's latest visit to one of its stations (12/2025), with a finding and its score."""
    visit = supervision_visit(
        "TTYT-BINHXUYEN", "BX-2024", "Giám sát bí mật Bình Xuyên 2024", dt.date(2025, 12, 2), station_code
    )
    Finding.objects.create(
        visit=visit,
        area=ContentArea.objects.get(code="TC1300-02"),
        findings="Phát hiện riêng của Bình Xuyên",
        recommendations="Khuyến nghị riêng",
        score=3,
    )
    return visit.station


@pytest.mark.usefixtures("seeded")
def test_another_centres_findings_are_not_read_through_the_previous_visit(client_for, second_centre_admin):
    station = another_centres_visit()
    visit = supervision_visit("TTYT-THU", "THU-2025", "Giám sát của trung tâm thử", dt.date(2026, 1, 6), station.code)
    client = client_for(second_centre_admin)
    pages = [
        client.get(reverse("admin:supervision_visit_change", args=[visit.pk])),
        client.get(reverse("admin:supervision_visit_minutes", args=[visit.pk])),
    ]
    for page in pages:
        assert page.status_code == 200
        body = page.content.decode()
        assert "Phát hiện riêng của Bình Xuyên" not in body and "Giám sát bí mật Bình Xuyên" not in body
    xlsx = client.get(reverse("admin:supervision_visit_minutes_xlsx", args=[visit.pk]))
    assert xlsx.status_code == 200
    cells = {str(c.value) for row in openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.iter_rows() for c in row}
    assert "Phát hiện riêng của Bình Xuyên" not in cells


def test_a_centre_cannot_move_itself_into_another_province(client_for, superuser, centre_admin):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    url = reverse("admin:healthcentre_organisation_change", args=[centre.pk])
    client = client_for(centre_admin)
    form = form_data(client.get(url))
    form["province"] = str(Organisation.objects.get(code="TTYT-LAICHAU").province_id)
    response = client.post(url, form)
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["province"]
    assert Organisation.objects.get(pk=centre.pk).province_id == centre.province_id


def test_a_centres_province_autocomplete_offers_only_its_province(client_for, centre_admin):
    response = client_for(centre_admin).get(
        "/admin/autocomplete/",
        {"app_label": "healthcentre", "model_name": "organisation", "field_name": "province", "term": "tỉnh"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Tỉnh Phú Thọ"]


def test_a_no_change_save_of_a_centre_keeps_its_parent(client_for, centre_admin):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    url = reverse("admin:healthcentre_organisation_change", args=[centre.pk])
    client = client_for(centre_admin)
    page = client.get(url)
    assert "Sở Y tế tỉnh Phú Thọ" in page.content.decode()
    response = client.post(url, form_data(page))
    assert response.status_code == 302
    assert Organisation.objects.get(pk=centre.pk).parent.code == "SYT-PHUTHO"


def test_a_centre_adds_a_station_under_itself(client_for, centre_admin):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    response = client_for(centre_admin).post(
        reverse("admin:healthcentre_organisation_add"),
        {"code": "TYT-MOI", "name": "Trạm Y tế mới", "kind": "commune_station", "parent": centre.pk},
    )
    assert response.status_code == 302
    station = Organisation.objects.get(code="TYT-MOI")
    assert station.path.startswith(centre.path)


def test_a_centre_imports_a_station_under_itself(client_for, centre_admin):
    body = preview_and_confirm(
        client_for(centre_admin),
        "/admin/healthcentre/organisation/import/",
        [["code", "name", "kind", "parent_code"], ["TYT-NHAP", "Trạm Y tế nhập", "commune_station", "TTYT-BINHXUYEN"]],
    )
    assert Organisation.objects.filter(code="TYT-NHAP", parent__code="TTYT-BINHXUYEN").exists(), body


@pytest.mark.usefixtures("seeded")
def test_filter_sidebars_list_only_the_users_rounds_and_units(client_for, second_centre_admin, centre_admin):
    another_centres_visit()
    for path in [
        "/admin/supervision/supervisionround/",
        "/admin/supervision/visit/",
        "/admin/supervision/finding/",
        "/admin/supervision/actionitem/",
    ]:
        body = client_for(second_centre_admin).get(path).content.decode()
        assert "Giám sát bí mật Bình Xuyên" not in body, path
        assert "Trung tâm Y tế khu vực Bình Xuyên" not in body, path


@pytest.mark.usefixtures("seeded")
def test_people_met_accept_only_the_users_people(client_for, centre_admin):
    visit = Visit.objects.filter(round__supervising_unit__code="TTYT-BINHXUYEN").first()
    url = reverse("admin:supervision_visit_change", args=[visit.pk])
    client = client_for(centre_admin)
    form = form_data(client.get(url))
    outsider = Person.objects.get(code="vu-van-phi")
    form["people_met_persons"] = [str(outsider.pk)]
    response = client.post(url, form)
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not visit.people_met_persons.filter(pk=outsider.pk).exists()
    assert "Vũ Văn Phi" not in response.content.decode()


@pytest.mark.usefixtures("seeded")
def test_chronicle_participants_accept_only_the_users_people(client_for, centre_admin):
    entry = ChronicleEntry.objects.filter(organisation__code="TTYT-BINHXUYEN").first()
    url = reverse("admin:healthcentre_chronicleentry_change", args=[entry.pk])
    client = client_for(centre_admin)
    form = form_data(client.get(url))
    prefix = "participants"
    total = int(form[f"{prefix}-TOTAL_FORMS"])
    form[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
    form[f"{prefix}-{total}-role"] = "guest"
    form[f"{prefix}-{total}-person"] = str(Person.objects.get(code="vu-van-phi").pk)
    response = client.post(url, form)
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not ChronicleParticipant.objects.filter(entry=entry, person__code="vu-van-phi").exists()


@pytest.mark.usefixtures("seeded")
def test_an_import_cannot_cite_another_units_person_and_says_so_as_for_a_missing_one(client_for, centre_admin):
    entry = ChronicleEntry.objects.filter(organisation__code="TTYT-BINHXUYEN").first()
    client = client_for(centre_admin)
    rows = [
        ["entry_code", "role", "person_code", "organisation_code", "name_as_written", "position_at_the_time"],
        [entry.code, "guest", "vu-van-phi", "", "", ""],
    ]
    outside = preview(client, "/admin/healthcentre/chronicleparticipant/import/", rows).context["result"].problems
    rows[1][2] = "khong-ai-co-ma-nay"
    missing = preview(client, "/admin/healthcentre/chronicleparticipant/import/", rows).context["result"].problems
    assert not ChronicleParticipant.objects.filter(person__code="vu-van-phi", entry=entry).exists()
    assert len(outside) == 1
    assert [str(p).replace("vu-van-phi", "X") for p in outside] == [
        str(p).replace("khong-ai-co-ma-nay", "X") for p in missing
    ]


def test_a_centre_opens_the_first_version_of_its_own_unit(client_for, centre_admin):
    centre = Organisation.objects.get(code="TTYT-BINHXUYEN")
    first = centre.history.order_by("history_date").first()
    assert first.path == ""  # the path is written just after the first save
    assert client_for(centre_admin).get(revert_url(centre, first)).status_code == 200
