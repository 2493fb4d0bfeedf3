"""A province loads its centres' history from one workbook, all or nothing: previewed first,
written on confirm, as every import is."""

import io

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from healthcentre.models import Decision, Event, ImportRun, Organisation, Position
from tests.healthcentre.history_helpers import workbook_bytes

URL = "/admin/healthcentre/event/import-workbook/"

ORGS = [
    ["code", "name", "kind", "parent_code", "province_code", "notes"],
    ["BV-VINHYEN-CU", "Bệnh viện thử Vĩnh Yên", "hospital", "", "25", ""],
    ["TTYT-VINHYEN-CU", "Trung tâm thử Vĩnh Yên", "health_centre", "", "25", ""],
    ["TTYT-VINHYEN-MOI", "Trung tâm Y tế thử Vĩnh Yên mới", "health_centre", "SYT-PHUTHO", "25", ""],
]
DECISIONS = [
    ["number", "date", "issuer_code", "title", "filed_by_code"],
    ["12/QĐ-UBND", "05/01/2019", "UBND-PHUTHO", "Thành lập thử", "TTYT-VINHYEN-MOI"],
]
PEOPLE = [
    ["code", "full_name", "degrees", "honour_title", "organisation_code"],
    ["nguoi-thu", "Nguyễn Văn Thử", "BS CKI", "", "TTYT-VINHYEN-MOI"],
]
EVENTS = [
    ["code", "organisation_code", "kind", "date", "decision", "summary", "predecessor_codes", "successor_codes"],
    ["VY-2019", "TTYT-VINHYEN-MOI", "merged", "2019", "12/QĐ-UBND", "Sáp nhập", "BV-VINHYEN-CU;TTYT-VINHYEN-CU", ""],
]
POSITIONS = [
    ["person_code", "organisation_code", "title", "start"],
    ["nguoi-thu", "TTYT-VINHYEN-MOI", "director", "3/2019"],
]


def sheets(events=EVENTS):
    return {"organisations": ORGS, "decisions": DECISIONS, "people": PEOPLE, "events": events, "positions": POSITIONS}


def preview(client, workbook: dict, name="vinhyen.xlsx"):
    return client.post(URL, {"workbook": SimpleUploadedFile(name, workbook_bytes(workbook))})


def confirm(client, previewed):
    """The preview's confirm button, pressed."""
    assert "token" in previewed.context, "the preview offers no confirm"
    return client.post(
        URL, {"confirm": "1", "token": previewed.context["token"], "file_name": previewed.context["file_name"]}
    )


def problems_of(client, workbook: dict, name="x.xlsx"):
    previewed = preview(client, workbook, name)
    assert "token" not in previewed.context
    return previewed.context["result"].problems


def test_it_loads_a_whole_history_from_one_workbook(seeded, client_for, province_admin):
    client = client_for(province_admin)
    previewed = preview(client, sheets())
    result = previewed.context["result"]
    assert result.problems == []
    assert result.totals["organisations"] == (3, 0, 0)
    assert ("mới", "Trung tâm Y tế thử Vĩnh Yên mới") in result.changes["organisations"]
    assert not Organisation.objects.filter(code="TTYT-VINHYEN-MOI").exists()
    done = confirm(client, previewed)
    assert done.status_code == 302
    assert [str(m) for m in get_messages(done.wsgi_request)] == ["Đã nhập xong sổ tính."]
    run = ImportRun.objects.get(file_name="vinhyen.xlsx", dry_run=False)
    assert (run.status, run.rows_created) == (ImportRun.Status.COMMITTED, 7)
    event = Event.objects.get(code="VY-2019")
    assert event.import_run == run
    assert event.decision == Decision.objects.get(number="12/QĐ-UBND")
    assert set(event.predecessors.values_list("code", flat=True)) == {"BV-VINHYEN-CU", "TTYT-VINHYEN-CU"}
    assert Position.objects.get(person__code="nguoi-thu").start_text == "03/2019"


def test_one_mistake_rolls_everything_back_and_names_sheet_row_and_column(seeded, client_for, province_admin):
    bad_events = [*EVENTS, ["VY-2020", "TTYT-VINHYEN-MOI", "renamed", "31/2/2020", "", "", "", ""]]
    problems = problems_of(client_for(province_admin), sheets(bad_events), "vinhyen.xlsx")
    assert [(p.sheet, p.row, p.column) for p in problems] == [("events", 3, "date")]
    assert "31/2/2020" in problems[0].message
    assert "trang tính events, dòng 3, cột date" in str(problems[0])
    assert not Organisation.objects.filter(code__startswith="TTYT-VINHYEN").exists()
    assert not Event.objects.filter(code="VY-2019").exists()
    run = ImportRun.objects.get(file_name="vinhyen.xlsx")
    assert run.status == ImportRun.Status.REJECTED
    assert "events" in run.errors


def test_a_preview_writes_nothing_and_offers_the_confirm(seeded, client_for, province_admin):
    previewed = preview(client_for(province_admin), sheets())
    assert previewed.context["result"].problems == [] and not previewed.context["result"].committed
    assert not Organisation.objects.filter(code="TTYT-VINHYEN-MOI").exists()
    page = previewed.content.decode()
    assert "Chưa ghi dữ liệu nào" in page and 'name="confirm"' in page
    assert 'name="preview"' not in page  # no "check only" box: every upload is checked first


def test_a_confirm_reads_only_its_own_users_upload(seeded, client_for, province_admin, superuser):
    previewed = preview(client_for(province_admin), sheets())
    thief = client_for(superuser)
    stolen = thief.post(URL, {"confirm": "1", "token": previewed.context["token"], "file_name": "vinhyen.xlsx"})
    assert stolen.status_code == 302
    assert [str(m) for m in get_messages(stolen.wsgi_request)] == [
        "Tệp đã xem trước không còn nữa. Hãy tải tệp lên lại."
    ]
    assert not Organisation.objects.filter(code="TTYT-VINHYEN-MOI").exists()


def test_it_refuses_an_unknown_sheet(seeded, client_for, province_admin):
    problems = problems_of(client_for(province_admin), {"su_kien": EVENTS})
    assert problems[0].sheet == "su_kien"
    assert "Đơn vị, tổ chức, Quyết định, Cá nhân, Sự kiện lịch sử" in problems[0].message


def test_a_sheet_given_twice_by_its_code_and_its_title_is_refused(seeded, client_for, province_admin):
    problems = problems_of(client_for(province_admin), {"events": EVENTS, "Sự kiện lịch sử": EVENTS})
    assert [(p.sheet, p.message) for p in problems] == [
        ("Sự kiện lịch sử", "Trang tính này trùng với “events”; chỉ giữ một.")
    ]
    assert not Event.objects.filter(code=EVENTS[1][0]).exists()


def test_a_centre_admin_cannot_load_another_centres_history(seeded, client_for, centre_admin):
    foreign = [*EVENTS[:1], ["LC-1", "TTYT-LAICHAU", "renamed", "2020", "", "", "", ""]]
    problems = problems_of(client_for(centre_admin), {"events": foreign})
    assert [(p.sheet, p.row, p.column) for p in problems] == [("events", 2, "organisation_code")]
    assert not Event.objects.filter(code="LC-1").exists()


def test_the_exported_history_is_in_vietnamese_with_numbers_as_numbers_and_loads_back(seeded, client_for, superuser):
    unit = Organisation.objects.get(code="TTYT-TANYEN")
    response = client_for(superuser).get(f"/admin/healthcentre/event/unit/{unit.pk}/xlsx/")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    events = list(book["Sự kiện lịch sử"].values)
    assert events[0][:4] == ("Mã", "Đơn vị (mã)", "Loại sự kiện", "Ngày")
    merger = next(row for row in events if row[0] == "TANYEN-2019-SAPNHAP")
    assert merger[2:4] == ("Sáp nhập (nhiều đơn vị thành một)", "2019")
    assert merger[6] == "BVDK-TANYEN;TTDS-TANYEN;TTYTDP-TANYEN"
    structures = list(book["Tổ chức bộ máy"].values)
    first = next(row for row in structures[1:] if row[1] == "2019")
    assert first[3:8] == (5, 5, 16, 24, 409)
    loaded_back = client_for(superuser).post(URL, {"workbook": SimpleUploadedFile("tanyen.xlsx", response.content)})
    result = loaded_back.context["result"]
    assert result.problems == []
    assert result.totals["Sự kiện lịch sử"] == (0, 0, len(events) - 1)
