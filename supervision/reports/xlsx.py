"""A report as an .xlsx workbook, one section under another on one sheet, through the
project's spreadsheet writer (numbers and dates stay numbers and dates)."""

from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from healthcentre.spreadsheets import active_sheet, append_row, workbook_bytes

# A section: its heading, its header row or None, its rows.
type Section = tuple[object, Sequence[object] | None, Iterable[Iterable[object]]]


def sections_workbook(title: str, sections: Iterable[Section]) -> bytes:
    """`sections`: (heading, header row or None, rows) written one under another on one sheet."""
    book = Workbook()
    sheet = active_sheet(book)
    sheet.title = title[:31]
    for heading, header, rows in sections:
        if heading:
            append_row(sheet, [heading])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        if header:
            append_row(sheet, header)
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        for row in rows:
            append_row(sheet, row)
        append_row(sheet)
    for column in ("A", "B", "C", "D", "E", "F", "G"):
        sheet.column_dimensions[column].width = 28
    return workbook_bytes(book)
