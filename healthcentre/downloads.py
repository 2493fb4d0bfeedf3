"""A generated file as a download: the bytes of a saved workbook or document, and the response
that hands them to the browser under their name."""

import io
from typing import Protocol

from django.http import HttpResponse


class Saveable(Protocol):
    def save(self, handle: io.BytesIO) -> None: ...


def saved_bytes(file: Saveable) -> bytes:
    handle = io.BytesIO()
    file.save(handle)
    return handle.getvalue()


def attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """A download; `filename` includes its extension."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
