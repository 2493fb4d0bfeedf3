"""The one writer of every spreadsheet the system serves. Each value goes through `cell_value`:
numbers and dates stay typed cells, so an office can add them up, and anything else is written
as text a spreadsheet will not run as a formula (a unit's name is typed by a centre
administrator and read in the province's report). Callers lay out and style their sheets;
only this module puts values into cells (a test greps the source tree for writes elsewhere)."""

import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What makes Excel or LibreOffice read a text as a formula (or a DDE command).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Written as typed cells (bool is an int); a datetime is a date.
TYPED_VALUES = (int, float, Decimal, dt.date)


def neutralise_formula(value: object) -> object:
    """A text a spreadsheet would run as a formula is kept as text, with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def cell_value(value: object) -> object:
    """Numbers and dates as themselves; anything else as text a spreadsheet will not run."""
    if value is None or isinstance(value, TYPED_VALUES):
        return value
    return neutralise_formula(str(value))


def append_row(sheet: Worksheet, values: Iterable[object] = ()) -> None:
    """Writes `values` in the row below the last one written; no values leave a blank row."""
    sheet.append([cell_value(value) for value in values])


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
    handle = io.BytesIO()
    workbook.save(handle)
    return handle.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    """An xlsx download; `filename` includes the .xlsx extension."""
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
