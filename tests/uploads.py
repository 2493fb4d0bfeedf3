"""Real spreadsheet files for the tests, built with openpyxl as Excel would save them."""

import io

import openpyxl


def xlsx_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    handle = io.BytesIO()
    book.save(handle)
    return handle.getvalue()


def named(data: bytes, name: str) -> io.BytesIO:
    """A file object the test client uploads under `name`."""
    handle = io.BytesIO(data)
    handle.name = name
    return handle
