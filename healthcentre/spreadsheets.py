"""The one writer of every spreadsheet the system serves. Each value goes through `cell_value`:
numbers and dates stay typed cells, so an office can add them up, and anything else is written
as text a spreadsheet will not run as a formula (a unit's name is typed by a centre
administrator and read in the province's report). Callers lay out and style their sheets;
only this module puts values into cells (a test greps the source tree for writes elsewhere)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from .downloads import attachment, saved_bytes

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What makes Excel or LibreOffice read a text as a formula (or a DDE command).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Written as typed cells (bool is an int); a datetime is a date.
TYPED_VALUES = (int, float, Decimal, dt.date)
# Display formats as Vietnamese write dates and times; Excel shows the grouping and decimal
# marks of the reader's locale ("27.662,5" in Vietnamese).
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


@dataclass(frozen=True)
class Formatted:
    """A typed value written with a display format of its caller's (a qualified figure,
    "hơn" 63.000, stays a number that adds up); `shown` is how a document writes it."""

    value: object
    number_format: str
    shown: str = ""


def neutralise_formula(value: object) -> object:
    """A text a spreadsheet would run as a formula is kept as text, with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def cell_value(value: object) -> object:
    """Numbers and dates as themselves (a moment in local time: a cell holds no time zone);
    anything else as text a spreadsheet will not run."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)
    if value is None or isinstance(value, TYPED_VALUES):
        return value
    return neutralise_formula(str(value))


def display_format(value: object) -> str | None:
    """How a typed cell is shown: dates as dd/mm/yyyy, a decimal grouped with its significant
    places (57,6). Whole numbers keep Excel's General format:
    a year or a code-like number must not read "2.024"."""
    if isinstance(value, dt.datetime):
        return DATETIME_FORMAT
    if isinstance(value, dt.date):
        return DATE_FORMAT
    if isinstance(value, Decimal) and value.is_finite():
        return places_format(value)
    return None


def places_format(value: object, signed: bool = False, places: int | None = None) -> str:
    """A grouped number format showing the decimal places `value` holds without its trailing
    zeros (a column stores four places: 57,6000 is shown 57,6; a float or a whole number shows
    none), or `places` for a computed figure; `signed` writes "+" before a rise."""
    if places is None:
        significant = value.normalize() if isinstance(value, Decimal) and value.is_finite() else Decimal(0)
        places = max(-int(significant.as_tuple().exponent), 0)
    shown = "#,##0." + "0" * places if places else "#,##0"
    return f"+{shown};-{shown};0" if signed else shown


def append_row(sheet: Worksheet, values: Iterable[object] = ()) -> None:
    """Writes `values` in the row below the last one written; no values leave a blank row."""
    given = list(values)
    plain = [value.value if isinstance(value, Formatted) else value for value in given]
    sheet.append([cell_value(value) for value in plain])
    for cell, value, raw in zip(sheet[sheet.max_row], given, plain, strict=False):
        shown = value.number_format if isinstance(value, Formatted) else display_format(raw)
        if shown is not None and raw is not None:
            cell.number_format = shown


def add_sheet(workbook: Workbook, title: str, header: Iterable[object], rows: Iterable[Iterable[object]]) -> Worksheet:
    """A sheet with a bold header and columns wide enough to read."""
    sheet = workbook.create_sheet(str(title)[:31])
    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(sheet, row)
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    return sheet


def active_sheet(workbook: Workbook) -> Worksheet:
    """The sheet a new workbook opens on (openpyxl types it as any kind of sheet, or none)."""
    sheet = workbook.active
    assert isinstance(sheet, Worksheet), "a new workbook opens on a worksheet"
    return sheet


def workbook_bytes(workbook: Workbook) -> bytes:
    return saved_bytes(workbook)


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    """A .xlsx download; `filename` includes the .xlsx extension."""
    return attachment(content, filename, XLSX_CONTENT_TYPE)
