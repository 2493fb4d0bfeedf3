"""Every upload's ImportRun ends: previewed, committed, rejected or failed, even when the import
crashes half-way or the process running it dies; and a preview writes nothing but its run."""

import datetime as dt
import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from healthcentre.history.resources import EventResource
from healthcentre.models import ImportRun, Organisation
from healthcentre.resources import OrganisationResource
from indicators.importing import core
from indicators.models import DataValue, Period
from tests.attack import database_fingerprint
from tests.awards import importing as awards_import
from tests.awards.factories import ubnd_phu_tho
from tests.healthcentre.history_helpers import workbook_bytes
from tests.healthcentre.test_history_workbook import sheets
from tests.indicators.helpers import LONG_HEADER, xlsx
from tests.uploads import preview as preview_records

ORGANISATIONS = "/admin/healthcentre/organisation/"
INDICATORS = "/admin/indicators/datavalue/import/"
WORKBOOK = "/admin/healthcentre/event/import-workbook/"
UNITS = [
    ["code", "name", "kind", "parent_code", "province_code"],
    ["TYT-THU-1", "Trạm Y tế thử nghiệm Một", "commune_station", "TTYT-BINHXUYEN", 25],
]
# A period no seed uses: a preview must not create it.
FIGURES = [LONG_HEADER, ["TTYT-BINHXUYEN", "TT-BUOI", "2031Q3", "90", None, None, None, None]]
FAILED = "lỗi ngoài dự kiến và chưa ghi dữ liệu nào"
CRASH = "mất điện giữa chừng"


def crash_after(monkeypatch, owner, name: str) -> None:
    """`owner.name` does its work, then the process falls over: what it wrote must not stay."""
    original = getattr(owner, name)

    def crashing(*args, **kwargs):
        original(*args, **kwargs)
        raise RuntimeError(CRASH)

    monkeypatch.setattr(owner, name, crashing)


def shown(response) -> str:
    return response.content.decode() + "\n".join(str(m) for m in get_messages(response.wsgi_request))


def latest_run() -> ImportRun:
    return ImportRun.objects.order_by("-pk").first()


def assert_failed_and_nothing_written(response, before) -> None:
    assert response.status_code == 200
    assert FAILED in shown(response)
    assert database_fingerprint() == before
    run = latest_run()
    assert run.status == ImportRun.Status.FAILED
    assert CRASH in run.errors


def upload_figures(client, rows=FIGURES, layout="long", data=None):
    data = data if data is not None else xlsx(rows)
    return client.post(INDICATORS, {"layout": layout, "import_file": SimpleUploadedFile("values.xlsx", data)})


def confirm_figures(client, previewed, layout="long"):
    return client.post(
        INDICATORS,
        {"confirm": "1", "token": previewed.context["token"], "layout": layout, "file_name": "values.xlsx"},
        follow=True,
    )


def upload_workbook(client, data=None):
    data = data if data is not None else workbook_bytes(sheets())
    return client.post(WORKBOOK, {"workbook": SimpleUploadedFile("vinhyen.xlsx", data)})


def confirm_workbook(client, previewed):
    token = previewed.context["token"]
    return client.post(WORKBOOK, {"confirm": "1", "token": token, "file_name": "vinhyen.xlsx"}, follow=True)


@pytest.mark.usefixtures("world")
def test_a_crash_in_a_record_import_fails_its_run_and_writes_nothing(client_for, superuser, monkeypatch):
    client = client_for(superuser)
    previewed = preview_records(client, ORGANISATIONS + "import/", UNITS)
    crash_after(monkeypatch, OrganisationResource, "import_data_inner")
    before = database_fingerprint()
    done = client.post(ORGANISATIONS + "process_import/", previewed.context["confirm_form"].initial, follow=True)
    assert_failed_and_nothing_written(done, before)
    assert not Organisation.objects.filter(code="TYT-THU-1").exists()


@pytest.mark.usefixtures("world", "catalogues")
def test_a_crash_in_the_indicator_import_fails_its_run_and_writes_nothing(client_for, superuser, monkeypatch):
    client = client_for(superuser)
    previewed = upload_figures(client)
    crash_after(monkeypatch, core, "_write")
    before = database_fingerprint()
    assert_failed_and_nothing_written(confirm_figures(client, previewed), before)
    assert not DataValue.objects.filter(period__code="2031Q3").exists()


def test_a_crash_in_a_preview_fails_its_run_and_answers_with_a_message(client_for, superuser, monkeypatch):
    crash_after(monkeypatch, core, "_check_rules")
    before = database_fingerprint()
    assert_failed_and_nothing_written(upload_figures(client_for(superuser)), before)


def test_a_crash_in_the_history_workbook_fails_its_run_and_writes_nothing(client_for, province_admin, monkeypatch):
    ubnd_phu_tho()  # the workbook's decision is the People's Committee's
    client = client_for(province_admin)
    previewed = upload_workbook(client)
    # The units, decisions and people sheets are written by then; the events sheet falls over.
    crash_after(monkeypatch, EventResource, "import_data_inner")
    before = database_fingerprint()
    assert_failed_and_nothing_written(confirm_workbook(client, previewed), before)
    assert not Organisation.objects.filter(code="TTYT-VINHYEN-MOI").exists()


def test_a_confirm_refused_after_its_preview_says_nothing_was_written(client_for, centre_admin):
    client = client_for(centre_admin)
    previewed = preview_records(client, ORGANISATIONS + "import/", UNITS)
    # Meanwhile Lai Châu registers a station under the same code.
    lai_chau = Organisation.objects.get(code="TTYT-LAICHAU")
    Organisation.objects.create(
        code="TYT-THU-1", name="Trạm khác", kind="commune_station", parent=lai_chau, province=lai_chau.province
    )
    done = client.post(ORGANISATIONS + "process_import/", previewed.context["confirm_form"].initial, follow=True)
    told = shown(done)
    assert "Chưa ghi dữ liệu nào." in told and "Mã này đã được dùng" in told
    assert "Đã nhập xong" not in told
    assert Organisation.objects.get(code="TYT-THU-1").parent == lai_chau
    assert latest_run().status == ImportRun.Status.REJECTED


def left_running(user, minutes_ago: int) -> ImportRun:
    run = ImportRun.objects.create(user=user, target="indicator values", file_name="old.xlsx")
    ImportRun.objects.filter(pk=run.pk).update(started_at=timezone.now() - dt.timedelta(minutes=minutes_ago))
    return run


def test_a_run_left_running_by_a_dead_process_is_failed_when_the_log_is_listed(client_for, superuser):
    abandoned, current = left_running(superuser, minutes_ago=120), left_running(superuser, minutes_ago=10)
    page = client_for(superuser).get("/admin/healthcentre/importrun/")
    assert page.status_code == 200
    abandoned.refresh_from_db()
    current.refresh_from_db()
    assert abandoned.status == ImportRun.Status.FAILED
    assert "bị gián đoạn" in abandoned.errors
    assert current.status == ImportRun.Status.RUNNING
    assert "Thất bại" in page.content.decode()


def test_a_run_left_running_is_failed_when_a_new_import_starts(client_for, superuser, settings):
    settings.IMPORT_RUN_TIMEOUT_SECONDS = 5 * 60
    abandoned = left_running(superuser, minutes_ago=10)
    upload_figures(client_for(superuser))
    abandoned.refresh_from_db()
    assert abandoned.status == ImportRun.Status.FAILED


def report_layout_file(client) -> bytes:
    template = client.get("/admin/indicators/datavalue/template/?unit=TTYT-BINHXUYEN&period=2031S2")
    workbook = load_workbook(io.BytesIO(template.content))
    sheet = workbook.active
    line = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "TT-BUOI")
    sheet.cell(row=line, column=6).value = 160  # this half-year
    sheet.cell(row=line, column=7).value = 150  # the same half-year of 2030
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


AWARD = "125/QĐ-UBND,20/12/2025,UBND-PHUTHO,,Tổng kết năm 2025,GIAY-KHEN,,,TYT-X-BINHNGUYEN,,,,,2025,,"
PREVIEWS = {
    "long layout": lambda client: upload_figures(client),
    "report layout": lambda client: upload_figures(client, layout="report", data=report_layout_file(client)),
    "organisations": lambda client: preview_records(client, ORGANISATIONS + "import/", UNITS),
    # The awards import files its decision while reading the rows.
    "awards": lambda client: awards_import.preview(client, AWARD),
    "history workbook": upload_workbook,
}


@pytest.mark.usefixtures("world", "catalogues")
@pytest.mark.parametrize("importer", PREVIEWS)
def test_a_preview_writes_nothing_but_its_run(client_for, superuser, importer):
    ubnd_phu_tho()  # the award's and the workbook's decisions are the People's Committee's
    client = client_for(superuser)
    periods = Period.objects.count()
    before = database_fingerprint()
    previewed = PREVIEWS[importer](client)
    assert previewed.status_code == 200
    assert "token" in previewed.context or "confirm_form" in previewed.context, shown(previewed)
    assert database_fingerprint() == before
    assert Period.objects.count() == periods
    assert latest_run().status == ImportRun.Status.PREVIEWED


@pytest.mark.django_db
def test_a_run_is_named_by_its_local_time():
    """A run at 04:41 in Hà Nội is 21:41 the evening before in UTC; the label says 04:41."""
    run = ImportRun.objects.create(target="x", file_name="chi-tieu.xlsx")
    ImportRun.objects.filter(pk=run.pk).update(started_at=dt.datetime(2026, 12, 2, 21, 41, tzinfo=dt.UTC))
    run.refresh_from_db()
    assert str(run) == "chi-tieu.xlsx (03/12/2026 04:41)"
