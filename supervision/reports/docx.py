"""A supervision report as a Word document: its sections (the same as its xlsx: label and
value lines, or tables) inside the frame of its page (healthcentre.documents)."""

from healthcentre.documents import DocumentObject, add_paragraph, add_table, cell_text

from .xlsx import Section


def write_sections(document: DocumentObject, sections: list[Section]) -> None:
    for section_title, header, rows in sections:
        if header is None:
            for label, value in rows:
                add_paragraph(document, f"{label}: {cell_text(value)}")
        else:
            add_paragraph(document, str(section_title), bold=True)
            add_table(document, [str(column) for column in header], rows)
