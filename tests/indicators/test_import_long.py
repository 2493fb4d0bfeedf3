from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from healthcentre.models import ImportRun
from indicators.importing.cells import parse_figure
from indicators.importing.long import import_long
from indicators.models import DataValue

from .helpers import LONG_HEADER, xlsx


def upload(client, data, layout="long", name="values.xlsx"):
    return client.post(
        "/admin/indicators/datavalue/import/",
        {"layout": layout, "import_file": SimpleUploadedFile(name, data)},
    )


def test_it_previews_then_confirms_a_long_layout_file(seeded, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    data = xlsx(
        [
            LONG_HEADER,
            ["TTYT-LAICHAU", "TT-BUOI", "2025Q3", "90", None, None, None, "quý 3"],
            ["TYT-P-DOANKET", "TCMR-DU-8", "2025Q3", None, 50, 60, None, None],
            ["TTYT-LAICHAU", "KCB-LUOT-KHAM", "2025S1", "27.662", None, None, None, None],
        ]
    )
    previewed = upload(client, data)
    assert "Chưa ghi dữ liệu nào" in previewed.content.decode()
    assert not DataValue.objects.filter(period__code="2025Q3").exists()
    run = ImportRun.objects.filter(dry_run=True).first()
    assert (run.rows_created, run.rows_updated, run.status) == (2, 1, "previewed")
    response = client.post(
        "/admin/indicators/datavalue/import/",
        {"confirm": "1", "token": previewed.context["token"], "layout": "long", "file_name": "values.xlsx"},
    )
    assert response.status_code == 302
    stored = DataValue.objects.get(organisation__code="TYT-P-DOANKET", period__code="2025Q3")
    assert (stored.numerator, stored.denominator, stored.value) == (50, 60, None)
    assert stored.import_run.status == "committed"
    assert (
        DataValue.objects.get(
            organisation__code="TTYT-LAICHAU", indicator__code="KCB-LUOT-KHAM", period__code="2025S1"
        ).note
        == ""
    )


def test_an_import_with_errors_changes_nothing_and_names_row_and_column(seeded, client_for, other_centre_admin):
    client = client_for(other_centre_admin)
    before = list(DataValue.objects.order_by("pk").values_list("pk", "value", "note"))
    data = xlsx(
        [
            LONG_HEADER,
            ["TTYT-LAICHAU", "TT-BUOI", "2025Q3", "12", None, None, None, None],
            ["TTYT-LAICHAU", "KHONG-CO", "2025Q3", "1", None, None, None, None],
            ["TTYT-LAICHAU", "TT-HO", "quý 3", "1", None, None, None, None],
            ["TTYT-LAICHAU", "TT-HO", "2025Q3", "mười", None, None, None, None],
            ["TTYT-BINHXUYEN", "TT-HO", "2025Q3", "3", None, None, None, None],
            ["TTYT-LAICHAU", "ATTP-DAT-LN", "2025S1", None, 480, 477, None, None],
            ["TTYT-LAICHAU", "TT-BUOI", "2025Q3", "13", None, None, None, None],
        ]
    )
    page = upload(client, data).content.decode()
    assert "Chưa ghi dữ liệu nào" in page
    for expected in (
        "KHONG-CO",
        "“quý 3” không phải mã kỳ",
        "“mười” không phải là số",
        "Bạn chỉ được nhập dữ liệu của các đơn vị mình",
        "Số cơ sở đạt không được lớn hơn số cơ sở được kiểm tra",
        "đã có ở dòng 2",
    ):
        assert expected in page
    assert list(DataValue.objects.order_by("pk").values_list("pk", "value", "note")) == before
    run = ImportRun.objects.first()
    assert run.status == "rejected" and run.error_count == 6, run.errors


def test_it_checks_rules_against_figures_already_stored(seeded):
    data = xlsx([LONG_HEADER, ["TTYT-LAICHAU", "ATTP-KT-LN", "2025S1", "400", None, None, None, None]])
    outcome = import_long(data, file_name="x.xlsx", dry_run=True)
    # 400 + 399 is not the 876 inspections stored, and 477 inspected establishments exceed 400 inspections.
    assert [(p.row, p.column) for p in outcome.problems] == [(2, "value"), (2, "value")]
    messages = " ".join(p.message for p in outcome.problems)
    assert "ATTP-TONG-KIEM-TRA" in messages and "ATTP-LN-DUOC-KIEM-TRA" in messages


def test_it_keeps_the_qualifier_as_reported(seeded):
    data = xlsx([LONG_HEADER, ["TTYT-BINHXUYEN", "KCB-LUOT-KHAM", "2025", "gần 50 nghìn", None, None, None, None]])
    outcome = import_long(data, file_name="x.xlsx", dry_run=False)
    assert not outcome.problems
    stored = DataValue.objects.get(organisation__code="TTYT-BINHXUYEN", indicator__code="KCB-LUOT-KHAM")
    assert (stored.value, stored.qualifier) == (50000, "gần")


def test_importing_the_same_file_twice_changes_nothing(seeded):
    data = xlsx([LONG_HEADER, ["TTYT-TANYEN", "TT-BUOI", "202501", "7", None, None, None, None]])
    assert import_long(data, file_name="x.xlsx", dry_run=False).created == 1
    again = import_long(data, file_name="x.xlsx", dry_run=False)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_a_signed_figure_is_a_number_not_a_qualifier():
    assert parse_figure("-0") == ("", Decimal("0"), None, None)
    assert parse_figure("+5") == ("", Decimal("5"), None, None)
    assert parse_figure("hơn -5") == ("hơn", Decimal("-5"), None, None)
