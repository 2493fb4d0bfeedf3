"""One vocabulary: what a Vietnamese user writes means the same in every form, file and report.

The table lists inputs and what they mean (or that they are refused); the tests below it type
the same strings into an admin form and into an import file, and check that nothing a user
sends can store a number that is not finite.
"""

import datetime as dt
import io
import re
import unicodedata
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from awards.models import AwardRecord
from awards.resources import AwardRecordResource
from healthcentre.vocabulary import (
    ParseError,
    Precision,
    clean_code,
    clean_text,
    format_number,
    format_partial_date,
    limits_of,
    parse_date,
    parse_decimal,
    parse_integer,
    parse_partial_date,
    parse_yes_no,
)
from indicators.models import DataValue

from ..indicators.helpers import data_value, plan_target
from ..uploads import xlsx_bytes

VALUE = limits_of(DataValue._meta.get_field("value"))  # DecimalField(18, 4)
COUNT = limits_of(AwardRecord._meta.get_field("count"))  # PositiveIntegerField
REFUSED = object()

NUMBERS = [
    ("27.662", Decimal("27662")),
    ("57,6", Decimal("57.6")),
    ("57.6", Decimal("57.6")),
    ("1.010,5", Decimal("1010.5")),
    ("1.010", Decimal("1010")),
    ("0.125", Decimal("0.125")),
    ("1,010.5", Decimal("1010.5")),
    (" 42 ", Decimal("42")),
    ("+5", Decimal("5")),
    ("-0", Decimal("0")),
    ("57,6%", Decimal("57.6")),
    ("27 662", Decimal("27662")),
    ("27\u00a0662,5", Decimal("27662.5")),
    ("5,60000", Decimal("5.6")),
    ("", None),
    (None, None),
    (57.6, Decimal("57.6")),
    (27662, Decimal("27662")),
    (0.1 + 0.2, Decimal("0.3000")),
    ("1_000", REFUSED),
    ("١٢٣", REFUSED),
    ("１２３", REFUSED),
    ("1e5", REFUSED),
    ("1e1000000", REFUSED),
    ("NaN", REFUSED),
    ("inf", REFUSED),
    ("Infinity", REFUSED),
    ("9999999999999999999999999", REFUSED),  # 25 nines: more than DecimalField(18, 4) holds
    ("100000000000000", REFUSED),  # 15 digits before the decimal mark; the column keeps 14
    ("5,12345", REFUSED),  # five decimals; the column keeps four
    ("12.34.567", REFUSED),
    ("+", REFUSED),
    (True, REFUSED),
    (float("nan"), REFUSED),
    (float("inf"), REFUSED),
    (float("-inf"), REFUSED),
    (1e308, REFUSED),
    (1e25, REFUSED),
]


@pytest.mark.parametrize(("written", "meaning"), NUMBERS)
def test_a_number_for_a_decimal_column(written, meaning):
    if meaning is REFUSED:
        with translation.override("vi"), pytest.raises(ParseError) as refused:
            parse_decimal(written, VALUE)
        assert str(written)[:20] in str(refused.value)  # the message names the value
    else:
        assert parse_decimal(written, VALUE) == meaning


WHOLE_NUMBERS = [
    ("27.662", 27662),
    ("5,0", 5),
    ("2.025", 2025),
    (3.0, 3),
    ("0", 0),
    ("5,5", REFUSED),
    ("-5", REFUSED),  # below the column's zero
    ("9223372036854775808", REFUSED),  # beyond the column's range on either database
    ("1e1000000", REFUSED),
    ("9" * 100_000, REFUSED),
    (1e308, REFUSED),
    (float("nan"), REFUSED),
    ("١٢٣", REFUSED),
]


@pytest.mark.parametrize(("written", "meaning"), WHOLE_NUMBERS)
def test_a_number_for_an_integer_column(written, meaning):
    if meaning is REFUSED:
        with pytest.raises(ParseError):
            parse_integer(written, COUNT)
    else:
        assert parse_integer(written, COUNT) == meaning


def test_huge_numbers_are_refused_by_their_length_for_every_kind_of_column():
    """The guard against the 36–40 s of CPU that one "1e1000000" cell cost: refused, whatever
    the column (this asserts the refusal; it does not time it)."""
    huge = "9" * 100_000
    for written in ("1e1000000", huge, "-" + huge, huge + ",5"):
        with pytest.raises(ParseError):
            parse_integer(written, COUNT)
        with pytest.raises(ParseError):
            parse_decimal(written, VALUE)
    count = AwardRecordResource().fields["count"].widget
    # The resource's widget reads for its column: the message names the column's largest count.
    with pytest.raises(ValueError, match=re.escape(format_number(COUNT.max_value))):
        count.clean(huge)


DATES = [
    ("02/03/2025", (dt.date(2025, 3, 2), Precision.DAY)),
    ("21/7/2025", (dt.date(2025, 7, 21), Precision.DAY)),
    ("2025-07-21", (dt.date(2025, 7, 21), Precision.DAY)),
    ("ngày 05 tháng 10 năm 2004", (dt.date(2004, 10, 5), Precision.DAY)),
    ("7/2013", (dt.date(2013, 7, 1), Precision.MONTH)),
    ("2013-07", (dt.date(2013, 7, 1), Precision.MONTH)),
    ("tháng 7/2013", (dt.date(2013, 7, 1), Precision.MONTH)),
    ("1958", (dt.date(1958, 1, 1), Precision.YEAR)),
    (1958.0, (dt.date(1958, 1, 1), Precision.YEAR)),
    ("", None),
    ("31/02/2025", REFUSED),
    ("0000-00-00", REFUSED),
    ("2025-13", REFUSED),
    ("13/2025", REFUSED),
    ("٢٠٢٥", REFUSED),
    ("hôm qua", REFUSED),
    # Date cells: calamine reads Excel's serial 60 (the 29 February 1900 that never was) as 28/2/1900.
    (dt.datetime(2025, 7, 21, 0, 0), (dt.date(2025, 7, 21), Precision.DAY)),
    (dt.date(1900, 3, 1), (dt.date(1900, 3, 1), Precision.DAY)),
    (dt.date(1900, 2, 28), REFUSED),
    (dt.time(0, 0), REFUSED),  # serial 0 and negative serials
    (2958466.0, REFUSED),  # a serial past 31/12/9999
]


@pytest.mark.parametrize(("written", "meaning"), DATES)
def test_a_partial_date(written, meaning):
    if meaning is REFUSED:
        with pytest.raises(ParseError):
            parse_partial_date(written)
    else:
        assert parse_partial_date(written) == meaning


@pytest.mark.parametrize(
    ("date", "precision", "shown"),
    [
        (dt.date(1958, 1, 1), Precision.YEAR, "1958"),
        (dt.date(2013, 7, 1), Precision.MONTH, "07/2013"),
        (dt.date(2005, 5, 1), Precision.DAY, "01/05/2005"),
    ],
)
def test_a_partial_date_is_shown_day_and_month_in_two_digits(date, precision, shown):
    assert format_partial_date(date, precision) == shown


def test_a_full_date_needs_its_day():
    assert parse_date("02/03/2025") == dt.date(2025, 3, 2)
    with pytest.raises(ParseError):
        parse_date("7/2013")


YES_NO = [
    *((word, True) for word in ("có", "Có", "CO", "x", "X", "1", 1, 1.0, True, "đúng", "yes", "TRUE")),
    *((word, False) for word in ("", None, "  ", "không", "Không", "khong", "0", 0, 0.0, False, "sai", "no")),
    *((word, REFUSED) for word in ("có lẽ", "2", 2, "suy ra", float("nan"))),
]


@pytest.mark.parametrize(("written", "meaning"), YES_NO)
def test_yes_or_no(written, meaning):
    if meaning is REFUSED:
        with pytest.raises(ParseError):
            parse_yes_no(written)
    else:
        assert parse_yes_no(written) is meaning


DECOMPOSED = unicodedata.normalize("NFD", "TTYT-TÂNYÊN")

CODES = [
    (" TTYT-TANYEN ", "TTYT-TANYEN"),
    ("794/QĐ-UBND", "794/QĐ-UBND"),
    (DECOMPOSED, "TTYT-TÂNYÊN"),
    (None, ""),
    (2025.0, "2025"),
    ("TTYT\u200b-TANYEN", REFUSED),  # zero-width space
    ("TTYT\u200d-TANYEN", REFUSED),  # zero-width joiner
    ("\u202eNEYNAT-TYTT", REFUSED),  # right-to-left override
    ("TTYT\u2066-TANYEN", REFUSED),  # bidi isolate
    ("TTYT\ufeff-TANYEN", REFUSED),  # byte-order mark
    ("TTYT\x07-TANYEN", REFUSED),  # a control character
]


@pytest.mark.parametrize(("written", "meaning"), CODES)
def test_a_code(written, meaning):
    if meaning is REFUSED:
        with pytest.raises(ParseError, match="U\\+"):
            clean_code(written)
    else:
        assert clean_code(written) == meaning


TEXTS = [
    ("Sơ kết 6 tháng", 500, "Sơ kết 6 tháng"),
    (unicodedata.normalize("NFD", "Sơ kết"), 500, "Sơ kết"),
    ("dòng 1\r\ndòng 2\tcột", 500, "dòng 1\ndòng 2\tcột"),
    ("x" * 500, 500, "x" * 500),
    ("x" * 501, 500, REFUSED),  # refused, never cut to 500
    ("a\x00b", 500, REFUSED),
    ("a\x1bb", 500, REFUSED),
    ("tên\u202e", 500, REFUSED),
    ("Bình\u200dXuyên", 500, REFUSED),  # zero-width joiner: looks like "BìnhXuyên", is not
    ("Bình\u200bXuyên", 500, REFUSED),  # zero-width space
    ("\ufeffGhi chú", 500, REFUSED),  # a stray byte-order mark
    ("tự\u00adđộng", 500, "tự\u00adđộng"),  # a soft hyphen from Word shows at a line break: kept
]


@pytest.mark.parametrize(("written", "limit", "meaning"), TEXTS)
def test_a_text(written, limit, meaning):
    if meaning is REFUSED:
        with pytest.raises(ParseError):
            clean_text(written, limit)
    else:
        assert clean_text(written, limit) == meaning


@pytest.mark.parametrize(
    ("number", "places", "grouping", "written"),
    [
        (27662, None, True, "27.662"),
        (Decimal("27662.0000"), None, True, "27.662"),
        (Decimal("57.6000"), None, True, "57,6"),
        (Decimal("1010.5"), None, True, "1.010,5"),
        (Decimal("0.125"), None, True, "0,125"),
        (Decimal("57.63"), 1, True, "57,6"),
        (2025, None, False, "2025"),
    ],
)
def test_numbers_are_shown_as_vietnamese_write_them(number, places, grouping, written):
    assert format_number(number, places, grouping) == written
    if places is None:
        assert parse_decimal(written, VALUE) == number  # what a form shows back reads as the same number


# --- the same strings in a form and in a file ---------------------------------------------

TYPED = [("27.662", Decimal("27662"), "27.662"), ("57,6", Decimal("57.6"), "57,6")]


def visits_of_lai_chau() -> DataValue:
    """The Lai Châu centre's visits of the first half of 2025, as its report gives them."""
    value = data_value("TTYT-LAICHAU", "KCB-LUOT-KHAM", "2025S1", Decimal("27662"))
    value.note = "Sơ kết 6 tháng đầu năm 2025: khám bệnh cho 27.662 lượt."
    value.save()
    return value


def change_form_data(value: DataValue, typed: str) -> dict:
    """What the change form posts when only the value is retyped."""
    return {
        "organisation": value.organisation_id,
        "indicator": value.indicator_id,
        "period": value.period_id,
        "breakdown": value.breakdown_id or "",
        "value": typed,
        "numerator": "",
        "denominator": "",
        "qualifier": value.qualifier,
        "stated_change": format_number(value.stated_change, places=None),
        "stated_change_kind": value.stated_change_kind,
        "note": value.note,
        "_save": "Lưu",
    }


def input_named(page: str, name: str) -> str:
    match = re.search(rf'<input[^>]*\bname="{name}"[^>]*>', page)
    assert match, f"no input named {name}"
    return match[0]


@pytest.mark.parametrize(("typed", "stored", "shown"), TYPED)
def test_a_value_typed_in_the_admin_form_is_read_as_vietnamese_write_it(
    world, catalogues, superuser, client_for, typed, stored, shown
):
    client = client_for(superuser)
    value = visits_of_lai_chau()
    url = f"/admin/indicators/datavalue/{value.pk}/change/"
    response = client.post(url, change_form_data(value, typed))
    assert response.status_code == 302, response.context["adminform"].form.errors
    value.refresh_from_db()
    assert value.value == stored
    field = input_named(client.get(url).content.decode(), "value")
    assert 'type="text"' in field and 'inputmode="decimal"' in field
    assert f'value="{shown}"' in field


def test_a_year_is_shown_without_grouping_and_a_plan_with_it(world, catalogues, superuser, client_for):
    plan = plan_target("TTYT-LAICHAU", "KCB-LUOT-KHAM", 2025, Decimal("48024"))
    page = client_for(superuser).get(f"/admin/indicators/plantarget/{plan.pk}/change/").content.decode()
    assert 'value="2025"' in input_named(page, "year")
    assert 'value="48.024"' in input_named(page, "value")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (unicodedata.normalize("NFD", "Ghi chú Bình Xuyên"), "Ghi chú Bình Xuyên"),  # stored as NFC
        ("Bình\u200bXuyên", REFUSED),  # a zero-width space: refused as the importer refuses it
        ("Ghi chú\u202e", REFUSED),
    ],
)
def test_a_text_typed_in_the_admin_form_is_read_as_an_import_reads_it(
    world, catalogues, superuser, client_for, typed, stored
):
    client = client_for(superuser)
    value = visits_of_lai_chau()
    before = value.note
    response = client.post(
        f"/admin/indicators/datavalue/{value.pk}/change/",
        {**change_form_data(value, format_number(value.value, places=None)), "note": typed},
    )
    value.refresh_from_db()
    if stored is REFUSED:
        assert response.status_code == 200
        assert "U+" in response.context["adminform"].form.errors["note"][0]
        assert value.note == before
    else:
        assert response.status_code == 302
        assert value.note == stored


def import_long_layout(client, data: bytes, name: str):
    url = "/admin/indicators/datavalue/import/"
    previewed = client.post(url, {"layout": "long", "import_file": SimpleUploadedFile(name, data)})
    token = (previewed.context or {}).get("token")  # offered only for a file without problems
    if token:
        client.post(url, {"confirm": "1", "token": token, "layout": "long", "file_name": name})
    return previewed.content.decode()


def test_the_same_strings_in_an_import_file_mean_what_they_mean_in_the_form(world, catalogues, superuser, client_for):
    indicators = ("KCB-LUOT-KHAM", "KCB-NOITRU")
    rows = [["unit_code", "indicator_code", "period", "value"]]
    rows += [
        ["TTYT-LAICHAU", indicator, "2023S1", typed] for indicator, (typed, *_) in zip(indicators, TYPED, strict=True)
    ]
    for name, data in (
        ("values.csv", "\n".join(";".join(row) for row in rows).encode("utf-8")),
        ("values.xlsx", xlsx_bytes(rows)),
    ):
        DataValue.objects.filter(period__code="2023S1").delete()
        import_long_layout(client_for(superuser), data, name)
        for indicator, (_typed, stored, _shown) in zip(indicators, TYPED, strict=True):
            assert (
                DataValue.objects.get(
                    organisation__code="TTYT-LAICHAU", indicator__code=indicator, period__code="2023S1"
                ).value
                == stored
            ), name


# --- nothing stored is ever not a finite number ---------------------------------------------


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "-inf", "1e1000000", "9999999999999999999999999", "１２３"])
def test_a_form_refuses_what_is_not_a_finite_number_the_column_holds(world, catalogues, superuser, client_for, typed):
    client = client_for(superuser)
    value = visits_of_lai_chau()
    before = value.value
    response = client.post(f"/admin/indicators/datavalue/{value.pk}/change/", change_form_data(value, typed))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["value"]
    assert any(typed[:20] in error for error in errors)
    value.refresh_from_db()
    assert value.value == before


def xlsx_with_raw_cells(rows, raw: dict[int, str]) -> bytes:
    """An xlsx whose number cells hold what a hand-made or hostile file may hold (NaN, INF,
    1E+1000000): openpyxl writes placeholders, replaced in the sheet's XML."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(rows)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for placeholder, written in raw.items():
                    content = content.replace(f"<v>{placeholder}</v>".encode(), f"<v>{written}</v>".encode())
            target.writestr(item, content)
    return out.getvalue()


def test_an_import_refuses_cells_that_are_not_finite_or_too_large_and_writes_nothing(
    world, catalogues, superuser, client_for
):
    header = ["unit_code", "indicator_code", "period", "value"]
    raw = {111111: "NaN", 222222: "INF", 333333: "1E+1000000", 444444: "1E+25"}
    data = xlsx_with_raw_cells(
        [header, *(["TTYT-LAICHAU", "KCB-LUOT-KHAM", f"202{i}S1", placeholder] for i, placeholder in enumerate(raw))],
        raw,
    )
    csv = "\n".join(
        ";".join(row)
        for row in [
            header,
            ["TTYT-LAICHAU", "KCB-NOITRU", "2020S1", "NaN"],
            ["TTYT-LAICHAU", "KCB-NOITRU", "2021S1", "1e1000000"],
        ]
    ).encode()
    client = client_for(superuser)
    before = DataValue.objects.count()
    for name, content, refused in (("hostile.xlsx", data, 4), ("hostile.csv", csv, 2)):
        page = import_long_layout(client, content, name)
        assert "Chưa ghi dữ liệu nào" in page
        assert page.count("không phải là số") + page.count("quá lớn") >= refused
    assert DataValue.objects.count() == before
    assert not DataValue.objects.filter(value__gt=Decimal("99999999999999")).exists()


# --- a cell under no heading -----------------------------------------------------------------


def test_a_decimal_comma_splitting_a_csv_row_is_refused_not_cut(world, catalogues, superuser, client_for):
    """57,6 unquoted in a CSV separated by commas is two cells, 57 and 6: the row is refused,
    naming the cell nothing would read, rather than stored as 57."""
    data = b"unit_code,indicator_code,period,value\nTTYT-LAICHAU,KCB-LUOT-KHAM,2023S1,57,6\n"
    page = import_long_layout(client_for(superuser), data, "values.csv")
    assert "không nằm dưới cột nào có tiêu đề" in page and ">E<" in page
    assert not DataValue.objects.filter(period__code="2023S1").exists()


def test_a_cell_under_no_heading_is_refused_by_every_admin_import(world, catalogues, superuser, client_for):
    from indicators.models import PlanTarget

    upload = SimpleUploadedFile(
        "plans.csv", b"unit_code,indicator_code,year,value\nTTYT-LAICHAU,KCB-LUOT-KHAM,2030,48,5\n"
    )
    page = client_for(superuser).post(
        "/admin/indicators/plantarget/import/", {"resource": 0, "format": 1, "import_file": upload}
    )
    assert (2, "E") in [(p.row, p.column) for p in page.context["result"].problems]
    assert not PlanTarget.objects.filter(year=2030).exists()
