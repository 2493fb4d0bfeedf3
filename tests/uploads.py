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


def preview(client, import_url: str, rows, name: str = "upload.xlsx"):
    """Upload `rows` to a django-import-export import page: the preview's response."""
    return client.post(import_url, {"resource": 0, "format": 0, "import_file": named(xlsx_bytes(rows), name)})


def preview_and_confirm(client, import_url: str, rows, name: str = "upload.xlsx") -> str:
    """Preview `rows`, then confirm when the preview offers it; the pages' text, for messages."""
    previewed = preview(client, import_url, rows, name)
    body = previewed.content.decode()
    confirm = (previewed.context or {}).get("confirm_form")
    if confirm is not None:
        done = client.post(import_url.replace("/import/", "/process_import/"), confirm.initial, follow=True)
        body += done.content.decode()
    return body
