"""Writing a report as an .xlsx download, one section under another on one sheet, through the
project's spreadsheet writer (numbers and dates stay numbers and dates)."""

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from healthcentre.spreadsheets import append_row, workbook_bytes, xlsx_response


def sheet_response(filename: str, sections) -> HttpResponse:
    """`sections`: (heading, header row or None, rows) written one under another on one sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = filename[:31]
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
    return xlsx_response(workbook_bytes(book), f"{filename}.xlsx")
