"""A supervision report as a Word document: the supervising unit's heading, then its sections
(the same as its xlsx: label and value lines, or tables), and the signatures."""

import datetime as dt
from collections.abc import Sequence

from healthcentre.documents import (
    Heading,
    add_paragraph,
    add_signers,
    add_table,
    cell_text,
    document_bytes,
    official_document,
    place_of,
)
from healthcentre.models import Organisation

from .xlsx import Section


def sections_document(
    unit: Organisation, date: dt.date, title: str, subtitle: str, sections: list[Section], signers: Sequence[str]
) -> bytes:
    heading = Heading(unit.name, place_of(str(unit.province or "")), date, unit.parent.name if unit.parent else "")
    document = official_document(heading, title, subtitle, landscape=True)
    for section_title, header, rows in sections:
        if header is None:
            for label, value in rows:
                add_paragraph(document, f"{label}: {cell_text(value)}")
        else:
            add_paragraph(document, str(section_title), bold=True)
            add_table(document, [str(column) for column in header], rows)
    add_signers(document, signers)
    return document_bytes(document)
