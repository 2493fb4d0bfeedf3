"""Writing report workbooks: a bold header, numbers left as numbers, text a spreadsheet
will not execute, columns wide enough to read."""

import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from .importing.resources import neutralise_formula

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def add_sheet(workbook: Workbook, title: str, header, rows):
    sheet = workbook.create_sheet(str(title)[:31])
    sheet.append([str(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise_formula(value) for value in row])
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
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
