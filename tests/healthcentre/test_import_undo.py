"""Undoing an import from the import log: all its rows back as they were, all or nothing,
refused when later changes would be lost, for the set-based indicator import and for a
django-import-export import alike."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from healthcentre.models import ImportRun, Organisation, Person, Position
from indicators.models import DataValue, PlanTarget
from tests.conftest import make_user
from tests.indicators.helpers import data_value, plan_target
from tests.records import binh_xuyen_director
from tests.uploads import preview_and_confirm

INDICATOR_IMPORT = "/admin/indicators/datavalue/import/"
PERSON_IMPORT = "/admin/healthcentre/person/import/"
PERSON_HEADER = ["code", "full_name", "degrees", "honour_title", "organisation_code", "notes"]


def undo_url(run: ImportRun) -> str:
    return f"/admin/healthcentre/importrun/{run.pk}/undo/"


def stored(model) -> list[dict]:
    """Every row of `model` as stored, in id order."""
    return list(model._base_manager.order_by("pk").values())


def report_layout_import(client, figures: dict[str, tuple]) -> ImportRun:
    """Lai Châu's 2025S1 report sheet with `figures` (indicator code → (plan, result)),
    previewed and confirmed through the admin."""
    template = client.get("/admin/indicators/datavalue/template/?unit=TTYT-LAICHAU&period=2025S1")
    workbook = load_workbook(io.BytesIO(template.content))
    sheet = workbook.active
    for row in range(5, sheet.max_row + 1):
        code = sheet.cell(row=row, column=1).value
        if code in figures and not sheet.cell(row=row, column=2).value:
            sheet.cell(row=row, column=5).value, sheet.cell(row=row, column=6).value = figures[code]
    out = io.BytesIO()
    workbook.save(out)
    upload = SimpleUploadedFile("bao-cao.xlsx", out.getvalue())
    preview = client.post(INDICATOR_IMPORT, {"layout": "report", "import_file": upload})
    confirm = {"confirm": "1", "token": preview.context["token"], "layout": "report", "file_name": "bao-cao.xlsx"}
    assert client.post(INDICATOR_IMPORT, confirm).status_code == 302
    return ImportRun.objects.filter(dry_run=False).latest("started_at")


@pytest.fixture
def lai_chau_figures(world, catalogues) -> None:
    """What Lai Châu's 2025S1 sheet already holds of the FIGURES' indicators: the visits and
    their plan, and the communication sessions."""
    data_value("TTYT-LAICHAU", "KCB-LUOT-KHAM", "2025S1", Decimal("27662"))
    plan_target("TTYT-LAICHAU", "KCB-LUOT-KHAM", 2025, Decimal("48024"), qualifier="khoảng")
    data_value("TTYT-LAICHAU", "TT-BUOI", "2025S1", Decimal("158"))


FIGURES = {
    "KCB-LUOT-KHAM": ("50.000", "28.000"),  # plan and value changed
    "TT-BUOI": ("300", "160"),  # plan created, value changed
    "KCB-CHAYTHAN": (None, "12"),  # value created
}


def test_undo_puts_values_and_plans_back_exactly(lai_chau_figures, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    values, plans = stored(DataValue), stored(PlanTarget)
    run = report_layout_import(client, FIGURES)
    assert (run.rows_created, run.rows_updated) == (2, 3)
    assert stored(DataValue) != values and stored(PlanTarget) != plans

    page = client.get(f"/admin/healthcentre/importrun/{run.pk}/change/").content.decode()
    assert "Hoàn tác lần nhập này" in page
    assert "Hoàn tác lần nhập này" in client.get(undo_url(run)).content.decode()
    done = client.post(undo_url(run), follow=True).content.decode()

    assert "Đã hoàn tác lần nhập: xoá 2 bản ghi, đưa 3 bản ghi về như trước" in done
    assert stored(DataValue) == values and stored(PlanTarget) == plans
    run.refresh_from_db()
    assert (run.status, run.undone_by) == (ImportRun.Status.UNDONE, other_centre_admin)
    restored = DataValue.objects.get(
        organisation__code="TTYT-LAICHAU", indicator__code="KCB-LUOT-KHAM", period__code="2025S1"
    )
    latest = restored.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (other_centre_admin, f"Hoàn tác lần nhập #{run.pk}")
    removed = DataValue.history.filter(indicator__code="KCB-CHAYTHAN", history_type="-").get()
    assert removed.history_change_reason == f"Hoàn tác lần nhập #{run.pk}"


def test_undo_is_refused_when_a_value_changed_after_the_import(lai_chau_figures, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    run = report_layout_import(client, FIGURES)
    changed = DataValue.objects.get(organisation__code="TTYT-LAICHAU", indicator__code="TT-BUOI", period__code="2025S1")
    changed.value = 170
    changed._history_user = other_centre_admin
    changed.save()
    values, plans = stored(DataValue), stored(PlanTarget)

    page = client.post(undo_url(run), follow=True).content.decode()

    assert "Không thể hoàn tác lần nhập này" in page
    assert f"số liệu chỉ tiêu số {changed.pk}" in page and "dave" in page
    assert stored(DataValue) == values and stored(PlanTarget) == plans
    run.refresh_from_db()
    assert run.status == ImportRun.Status.COMMITTED


def test_imports_undone_from_the_latest_back_lose_nothing(lai_chau_figures, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    values, plans = stored(DataValue), stored(PlanTarget)
    first = report_layout_import(client, FIGURES)
    second = report_layout_import(client, {"TT-BUOI": ("320", "175")})

    assert "Không thể hoàn tác lần nhập này" in client.post(undo_url(first), follow=True).content.decode()
    client.post(undo_url(second))
    client.post(undo_url(first))

    assert stored(DataValue) == values and stored(PlanTarget) == plans
    assert set(ImportRun.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == {"undone"}


def people_import(client, rows) -> ImportRun:
    preview_and_confirm(client, PERSON_IMPORT, [PERSON_HEADER, *rows], name="nguoi.xlsx")
    return ImportRun.objects.filter(dry_run=False).latest("started_at")


def test_a_django_import_export_import_names_its_run_and_can_be_undone(client_for, centre_admin):
    client = client_for(centre_admin)
    person = binh_xuyen_director()
    people = stored(Person)
    run = people_import(
        client,
        [
            ["nguyen-van-moi", "Nguyễn Văn Mới", "BSCKI", "", "TTYT-BINHXUYEN", "nhập thử"],
            [person.code, person.full_name, "Thạc sĩ (sửa)", person.honour_title, "TTYT-BINHXUYEN", person.notes],
        ],
    )
    assert (run.rows_created, run.rows_updated) == (1, 1)
    for record in Person.objects.filter(code__in=["nguyen-van-moi", person.code]):
        written = record.history.latest()
        assert (written.import_run, written.history_user, written.history_date) == (run, centre_admin, run.started_at)
        assert written.history_change_reason == f"Lần nhập #{run.pk}: nguoi.xlsx"

    done = client.post(undo_url(run), follow=True).content.decode()

    assert "Đã hoàn tác lần nhập" in done
    assert stored(Person) == people


def test_undo_is_refused_when_a_record_made_since_depends_on_a_created_one(client_for, centre_admin):
    client = client_for(centre_admin)
    run = people_import(client, [["nguyen-van-moi", "Nguyễn Văn Mới", "", "", "TTYT-BINHXUYEN", ""]])
    newcomer = Person.objects.get(code="nguyen-van-moi")
    Position.objects.create(
        organisation=Organisation.objects.get(code="TTYT-BINHXUYEN"), person=newcomer, title="director"
    )

    page = client.post(undo_url(run), follow=True).content.decode()

    assert "Không thể hoàn tác lần nhập này" in page
    assert "Nguyễn Văn Mới" in page
    assert Person.objects.filter(code="nguyen-van-moi").exists()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.COMMITTED


def test_only_the_importing_user_or_a_superuser_may_undo_and_only_once(client, centre_admin, superuser):
    client.force_login(centre_admin)
    run = people_import(client, [["nguyen-van-moi", "Nguyễn Văn Mới", "", "", "TTYT-BINHXUYEN", ""]])
    colleague = make_user("bob-2", "centre_admin", "TTYT-BINHXUYEN")
    client.force_login(colleague)
    assert client.post(undo_url(run)).status_code == 404
    assert Person.objects.filter(code="nguyen-van-moi").exists()

    client.force_login(superuser)
    client.post(undo_url(run))
    assert not Person.objects.filter(code="nguyen-van-moi").exists()
    again = client.post(undo_url(run), follow=True).content.decode()
    assert "Lần nhập này đã được hoàn tác" in again
