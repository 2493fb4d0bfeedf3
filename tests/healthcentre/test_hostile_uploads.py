"""Every kind of hostile file (tests/hostile_files.py) through every import endpoint: each
RecordAdmin's import page, the indicator import in both layouts and the history workbook. Each
gets a clear Vietnamese message, no error page, no confirm, and writes nothing."""

import functools
from dataclasses import dataclass

import pytest
from django.contrib import admin

from healthcentre.importing.admin import RecordAdmin
from indicators.models import DataValue
from tests.admins import registered_models
from tests.attack import database_fingerprint
from tests.hostile_files import HostileFile, hostile_files, utf16_tab_file
from tests.uploads import named

LONG_COLUMNS = ["unit_code", "indicator_code", "period", "note", "value"]
LONG_ROW = ["TTYT-BINHXUYEN", "TT-BUOI", "2001", "ghi chú", "1"]
UNIT_COLUMNS = ["code", "name", "kind", "parent_code", "province_code"]
UNIT_ROW = ["TYT-HOSTILE", "Trạm Y tế thử", "commune_station", "TTYT-BINHXUYEN", 25]
# The kinds whose message is about the header, which the report layout (fixed cells, no
# header row) answers with its own problems instead.
HEADER_KINDS = {"duplicate_header", "missing_header", "no_recognised_column", "header_only", "duplicate_key_rows"}


@pytest.fixture(autouse=True)
def own_upload_store(settings, tmp_path):
    """An upload store of this test's own: the store sweeps its folder on every save, and the
    shared one holds every earlier run's previews."""
    settings.IMPORT_UPLOAD_DIR = tmp_path


@dataclass(frozen=True)
class Endpoint:
    name: str
    url: str
    columns: tuple[str, ...]
    row: tuple
    fields: dict
    file_field: str = "import_file"
    xlsx_only: bool = False
    reads_header: bool = True
    sheet: str = "Sheet1"
    maps_first: bool = False
    """An office's own table is mapped before any cell is read: a file that opens is answered
    with the mapping step, one that does not with the opener's message."""

    def file(self, name: str) -> HostileFile:
        return next(hostile for hostile in _files(self.columns, self.row, self.sheet) if hostile.name == name)

    def post(self, client, hostile: HostileFile):
        data = dict(self.fields)
        if "format" in data:
            data["format"] = 1 if hostile.name.endswith(".csv") else 0
        data[self.file_field] = named(hostile.data, hostile.name)
        return client.post(self.url, data)


@functools.cache
def _files(columns: tuple[str, ...], row: tuple, sheet: str) -> list[HostileFile]:
    return hostile_files(list(columns), list(row), sheet)


def _record_admin_endpoints() -> list[Endpoint]:
    endpoints = []
    for model in registered_models():
        model_admin = admin.site.get_model_admin(model)
        if not isinstance(model_admin, RecordAdmin) or model is DataValue or not model_admin.resource_classes:
            continue
        resource = model_admin.resource_classes[0]()
        required = resource.required_columns()
        columns = required + [f.column_name for f in resource.get_import_fields() if f.column_name not in required]
        opts = model._meta
        endpoints.append(
            Endpoint(
                opts.label,
                f"/admin/{opts.app_label}/{opts.model_name}/import/",
                tuple(columns),
                ("x",) * len(columns),
                {"resource": 0, "format": 0},
            )
        )
    return endpoints


ENDPOINTS = [
    *_record_admin_endpoints(),
    Endpoint(
        "indicators long layout",
        "/admin/indicators/datavalue/import/",
        tuple(LONG_COLUMNS),
        tuple(LONG_ROW),
        {"layout": "long"},
    ),
    Endpoint(
        "indicators report layout",
        "/admin/indicators/datavalue/import/",
        tuple(LONG_COLUMNS),
        tuple(LONG_ROW),
        {"layout": "report"},
        xlsx_only=True,
        reads_header=False,
    ),
    Endpoint(
        "indicators office table",
        "/admin/indicators/datavalue/office-import/",
        tuple(LONG_COLUMNS),
        tuple(LONG_ROW),
        {"step": "upload"},
        maps_first=True,
    ),
    Endpoint(
        "history workbook",
        "/admin/healthcentre/event/import-workbook/",
        tuple(UNIT_COLUMNS),
        tuple(UNIT_ROW),
        {},
        file_field="workbook",
        xlsx_only=True,
        sheet="organisations",
    ),
]

NOT_XLSX = ("Đây không phải tệp Excel", "rỗng")


def expected_messages(endpoint: Endpoint, hostile: HostileFile) -> tuple[str, ...]:
    """What the user must read: the file's own message, except where the endpoint refuses it
    earlier (a CSV where only xlsx is read) or reads no header at all."""
    if endpoint.xlsx_only and hostile.name.endswith(".csv"):
        return NOT_XLSX
    if endpoint.maps_first:
        return (*hostile.expect, "Ghép bảng một lần", "Không tìm thấy bảng")
    if not endpoint.reads_header and hostile.kind in HEADER_KINDS:
        return ("Chưa ghi dữ liệu nào", "không có dòng dữ liệu nào", "Tệp chưa có số liệu")
    return hostile.expect


def refusal_problems(client, endpoint: Endpoint) -> list[str]:
    """What is wrong with the endpoint's answer to each hostile file: an error page, no
    clear message, or a confirm offered."""
    found = []
    for hostile in _files(endpoint.columns, endpoint.row, endpoint.sheet):
        # An xlsx named .csv is, to an endpoint reading only xlsx, a well-formed workbook.
        if endpoint.xlsx_only and hostile.kind == "xlsx_named_csv":
            continue
        response = endpoint.post(client, hostile)
        body = response.content.decode()
        if response.status_code >= 500:
            found.append(f"{hostile.name}: HTTP {response.status_code}")
        elif not any(fragment in body for fragment in expected_messages(endpoint, hostile)):
            found.append(f"{hostile.name}: none of {expected_messages(endpoint, hostile)} in the page")
        elif 'name="confirm"' in body or 'value="confirm"' in body or "confirm_form" in (response.context or {}):
            found.append(f"{hostile.name}: a confirm is offered")
    return found


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[endpoint.name for endpoint in ENDPOINTS])
def test_every_hostile_file_is_refused_with_a_message_and_writes_nothing(client_for, superuser, endpoint):
    """One test per endpoint, every kind of file in turn: the database is compared once, after
    all of them, since any write by any of them would still show then."""
    client = client_for(superuser)
    before = database_fingerprint()
    assert refusal_problems(client, endpoint) == []
    assert database_fingerprint() == before


def test_the_endpoints_cover_every_import_page():
    """A new RecordAdmin is in the table by itself; the four custom import pages are listed."""
    names = {endpoint.name for endpoint in ENDPOINTS}
    assert {
        "indicators long layout",
        "indicators report layout",
        "indicators office table",
        "history workbook",
    } <= names
    assert len(names) == len(ENDPOINTS) > 20


@pytest.mark.usefixtures("seeded")
def test_a_thousand_problems_list_two_hundred_and_count_the_rest(client_for, superuser):
    rows = [LONG_COLUMNS] + [["TTYT-KHONG-CO", "TT-BUOI", "2001", "", "1"] for _n in range(1000)]
    data = "".join(",".join(row) + "\n" for row in rows).encode()
    response = client_for(superuser).post(
        "/admin/indicators/datavalue/import/", {"layout": "long", "import_file": named(data, "many.csv")}
    )
    body = response.content.decode()
    assert body.count("TTYT-KHONG-CO") == 200
    assert "… và 800 lỗi khác chưa liệt kê" in body


def test_a_header_of_many_unknown_columns_gives_a_small_page(client_for, superuser, settings):
    settings.IMPORT_MAX_COLUMNS = 20_000
    header = ["code", "name"] + [f"cot-{n}" for n in range(10_000)]
    data = (",".join(header) + "\nTYT-X,Trạm\n").encode()
    response = client_for(superuser).post(
        "/admin/healthcentre/organisation/import/", {"resource": 0, "format": 1, "import_file": named(data, "wide.csv")}
    )
    body = response.content.decode()
    assert "… và 9.800 lỗi khác chưa liệt kê" in body
    assert len(body) < 200_000


@pytest.mark.usefixtures("seeded")
def test_excel_unicode_text_utf16_with_tabs_is_read(client_for, superuser):
    data = utf16_tab_file([LONG_COLUMNS, LONG_ROW])
    response = client_for(superuser).post(
        "/admin/indicators/datavalue/import/", {"layout": "long", "import_file": named(data, "unicode.csv")}
    )
    body = response.content.decode()
    assert 'name="confirm"' in body and "TT-BUOI" in body


@pytest.mark.usefixtures("seeded")
def test_excel_unicode_text_is_read_by_the_admin_import_too(client_for, superuser):
    data = utf16_tab_file([UNIT_COLUMNS, UNIT_ROW])
    response = client_for(superuser).post(
        "/admin/healthcentre/organisation/import/",
        {"resource": 0, "format": 1, "import_file": named(data, "unicode.csv")},
    )
    assert "confirm_form" in response.context
    assert "Trạm Y tế thử" in response.content.decode()


@pytest.mark.usefixtures("seeded")
def test_a_header_in_another_case_with_spaces_is_read_as_the_column(client_for, superuser):
    data = ("Code , NAME,kind,parent_code,province_code\n" + ",".join(map(str, UNIT_ROW)) + "\n").encode()
    response = client_for(superuser).post(
        "/admin/healthcentre/organisation/import/", {"resource": 0, "format": 1, "import_file": named(data, "u.csv")}
    )
    assert "confirm_form" in response.context


def test_the_awards_import_refuses_a_record_given_twice_naming_both_rows(client_for, superuser):
    header = ["issuer_code", "decision_number", "decision_date", "form_code", "recipient_kind", "organisation_code"]
    row = ["SYT-PHUTHO", "QD-THU-1", "2025", "GIAY-KHEN", "collective", "TTYT-BINHXUYEN"]
    rows = [[*header, "count"], [*row, 2], [*row, 3]]
    data = "".join(",".join(map(str, r)) + "\n" for r in rows).encode()
    before = database_fingerprint()
    response = client_for(superuser).post(
        "/admin/awards/awardrecord/import/", {"resource": 0, "format": 1, "import_file": named(data, "awards.csv")}
    )
    problems = [(p.row, p.message) for p in response.context["result"].problems]
    assert (3, "Bản ghi này đã có ở dòng 2; mỗi bản ghi chỉ ghi một lần.") in problems
    assert database_fingerprint() == before
