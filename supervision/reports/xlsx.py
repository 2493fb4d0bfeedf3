"""Writing a report as an .xlsx download with openpyxl (numbers and dates stay numbers and dates)."""

import datetime as dt
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from healthcentre.importing.resources import neutralise_formula
from healthcentre.spreadsheets import workbook_bytes, xlsx_response


def cell_value(value):
    """Numbers and dates as themselves; anything else as text a spreadsheet will not execute."""
    if value is None or isinstance(value, int | float | Decimal | dt.date):
        return value
    return neutralise_formula(str(value))


def sheet_response(filename: str, sections) -> HttpResponse:
    """`sections`: (heading, header row or None, rows) written one under another on one sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = filename[:31]
    for heading, header, rows in sections:
        if heading:
            sheet.append([str(heading)])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        if header:
            sheet.append([str(h) for h in header])
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        for row in rows:
            sheet.append([cell_value(v) for v in row])
        sheet.append([])
    for column in ("A", "B", "C", "D", "E", "F", "G"):
        sheet.column_dimensions[column].width = 28
    return xlsx_response(workbook_bytes(book), f"{filename}.xlsx")
