"""The one import pattern: preview, confirm, all or nothing, an ImportRun, errors by row and column."""

import io
import zipfile

import pytest

from healthcentre.models import ImportRun, Organisation
from tests.records import binh_xuyen_director
from tests.uploads import named
from tests.uploads import xlsx_bytes as xlsx

URL = "/admin/healthcentre/organisation/"


def preview(client, data, name="units.xlsx", fmt=0):
    return client.post(URL + "import/", {"resource": 0, "format": fmt, "import_file": named(data, name)})


GOOD = [
    ["code", "name", "kind", "parent_code", "province_code"],
    ["TYT-THU-1", "Trạm Y tế thử nghiệm Một", "commune_station", "TTYT-BINHXUYEN", 25],
    ["TYT-THU-2", "Trạm Y tế thử nghiệm Hai", "Trạm Y tế xã/phường", "TTYT-BINHXUYEN", 25],
]


@pytest.mark.usefixtures("world")
def test_it_previews_then_writes_only_on_confirm(client_for, superuser):
    client = client_for(superuser)
    response = preview(client, xlsx(GOOD))
    assert response.status_code == 200
    assert not Organisation.objects.filter(code__startswith="TYT-THU").exists()
    assert "Trạm Y tế thử nghiệm Một" in response.content.decode()
    confirm = response.context["confirm_form"]
    done = client.post(URL + "process_import/", confirm.initial)
    assert done.status_code == 302
    created = Organisation.objects.filter(code__startswith="TYT-THU")
    assert created.count() == 2
    run = ImportRun.objects.filter(status=ImportRun.Status.COMMITTED).latest("started_at")
    assert (run.user, run.file_name, run.rows_created, run.error_count) == (superuser, "units.xlsx", 2, 0)
    assert len(run.file_sha256) == 64
    assert {unit.import_run_id for unit in created} == {run.pk}
    assert created.get(code="TYT-THU-2").kind == "commune_station"  # the Vietnamese label is accepted
    assert created.first().parent.code == "TTYT-BINHXUYEN"


@pytest.mark.usefixtures("world")
def test_one_bad_row_writes_nothing_and_names_row_column_and_problem(client_for, superuser):
    rows = [*GOOD, ["TYT-THU-3", "", "commune_station", "TTYT-KHONG-CO", 25]]
    response = preview(client_for(superuser), xlsx(rows))
    problems = {(p.row, p.column): p.message for p in response.context["result"].problems}
    assert problems[(4, "parent_code")] == "Không có đơn vị nào mang mã “TTYT-KHONG-CO”."
    assert (4, "name") in problems
    assert "confirm_form" not in response.context
    assert not Organisation.objects.filter(code__startswith="TYT-THU").exists()
    body = response.content.decode()
    assert "Chưa ghi dữ liệu nào" in body and "TTYT-KHONG-CO" in body
    run = ImportRun.objects.latest("started_at")
    assert run.status == ImportRun.Status.REJECTED and run.error_count == 2
    assert "dòng 4, parent_code" in run.errors


@pytest.mark.usefixtures("world")
def test_row_numbers_are_the_spreadsheets_even_after_blank_rows(client_for, superuser):
    rows = [GOOD[0], GOOD[1], [None] * 5, ["TYT-THU-9", "Trạm 9", "no-such-kind", "", 25]]
    response = preview(client_for(superuser), xlsx(rows))
    assert [(p.row, p.column) for p in response.context["result"].problems] == [(4, "kind")]


@pytest.mark.usefixtures("world")
def test_a_vietnamese_excel_csv_with_semicolons_and_a_bom_is_read(client_for, superuser):
    text = "code;name;kind;parent_code;province_code\nTYT-THU-5;Trạm Y tế Đồng Tâm;commune_station;TTYT-BINHXUYEN;25\n"
    response = preview(client_for(superuser), ("\ufeff" + text).encode("utf-8"), "units.csv", fmt=1)
    assert "confirm_form" in response.context
    assert "Trạm Y tế Đồng Tâm" in response.content.decode()


def zip_bomb():
    handle = io.BytesIO()
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 300_000_000)
    return handle.getvalue()


def xml_bomb():
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    doc = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e0 "boom">{entities}]><r>&e9;</r>'
    data = xlsx([["code", "name"], ["A", "B"]])
    source = zipfile.ZipFile(io.BytesIO(data))
    handle = io.BytesIO()
    with zipfile.ZipFile(handle, "w") as archive:
        for info in source.infolist():
            body = source.read(info.filename)
            archive.writestr(info.filename, doc if info.filename == "xl/sharedStrings.xml" else body)
    return handle.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "fmt", "message"),
    [
        (b"", "empty.xlsx", 0, "Tập tin được gửi là rỗng."),
        (b"just some text, not a spreadsheet", "fake.xlsx", 0, "Đây không phải tệp Excel"),
        (zip_bomb(), "bomb.xlsx", 0, "giải nén ra lượng dữ liệu lớn bất thường"),
        ("code,name\nA,Bình Xuyên\n".encode("cp1252"), "old.csv", 1, "không ở bảng mã UTF-8"),
        (b"\x00\x01\x02binary", "units.csv", 1, "Tệp không phải tệp văn bản (CSV)."),
        (b"\n\n", "blank.csv", 1, "Tệp không có dòng dữ liệu nào."),
    ],
)
def test_hostile_or_broken_files_get_a_clear_message_and_no_500(client_for, superuser, data, name, fmt, message):
    response = preview(client_for(superuser), data, name, fmt)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_an_xml_entity_bomb_is_not_expanded(client_for, superuser):
    response = preview(client_for(superuser), xml_bomb(), "bomb.xlsx")
    assert response.status_code == 200
    assert "boom" * 100 not in response.content.decode()


def test_too_many_rows_are_refused_with_the_limit(client_for, superuser, settings):
    settings.IMPORT_MAX_ROWS = 1
    response = preview(client_for(superuser), xlsx(GOOD))
    assert "mỗi lần chỉ nhập được tối đa 1 dòng" in response.content.decode()


def test_a_file_over_the_size_limit_is_refused(client_for, superuser, settings):
    settings.IMPORT_MAX_FILE_BYTES = 1024 * 1024
    response = preview(client_for(superuser), b"x" * (1024 * 1024 + 1), "big.csv", fmt=1)
    assert "giới hạn là 1 MB" in response.content.decode()


@pytest.mark.usefixtures("world")
def test_an_unchanged_row_is_reported_unchanged_and_keeps_its_origin(client_for, superuser):
    person = binh_xuyen_director(ImportRun.objects.create(target="people", status=ImportRun.Status.COMMITTED))
    origin = person.import_run_id
    rows = [["code", "full_name", "degrees", "honour_title", "organisation_code", "notes"]]
    rows.append([person.code, person.full_name, person.degrees, person.honour_title, "TTYT-BINHXUYEN", person.notes])
    client = client_for(superuser)
    response = client.post(
        "/admin/healthcentre/person/import/", {"resource": 0, "format": 0, "import_file": named(xlsx(rows), "p.xlsx")}
    )
    assert response.context["result"].totals["skip"] == 1
    client.post("/admin/healthcentre/person/process_import/", response.context["confirm_form"].initial)
    person.refresh_from_db()
    assert person.import_run_id == origin


@pytest.mark.usefixtures("world")
def test_a_problem_names_the_column_as_the_file_heads_it(client_for, superuser):
    """A file exported in Vietnamese comes back with Vietnamese headings: its problems name
    "Đơn vị cấp trên", not the code `parent_code` the file never shows."""
    from django.utils import translation

    from healthcentre.resources import OrganisationResource

    with translation.override("vi"):
        resource = OrganisationResource()
        heading = {field.column_name: resource.heading(field) for field in resource.get_import_fields()}
    header = [heading[column] for column in GOOD[0]]
    rows = [header, *GOOD[1:], ["TYT-THU-3", "", "commune_station", "TTYT-KHONG-CO", 25]]
    response = preview(client_for(superuser), xlsx(rows))
    problems = {(p.row, p.column): p.message for p in response.context["result"].problems}
    assert problems[(4, heading["parent_code"])] == "Không có đơn vị nào mang mã “TTYT-KHONG-CO”."
    assert (4, heading["name"]) in problems
    assert heading["parent_code"] != "parent_code"
    assert f"dòng 4, {heading['parent_code']}" in ImportRun.objects.latest("started_at").errors
