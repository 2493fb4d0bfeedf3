"""Small builders shared by the history tests."""

import io

from openpyxl import Workbook

from healthcentre.importing.formats import rows_to_dataset


def dataset(rows):
    return rows_to_dataset(rows)


def workbook_bytes(sheets: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
