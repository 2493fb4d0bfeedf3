"""The profile as a Word document its director signs: who the unit is, then each app's section
as a table, under the unit's own heading."""

from django.utils.translation import gettext as _

from healthcentre.documents import (
    Heading,
    add_paragraph,
    add_signature,
    add_table,
    cell_text,
    document_bytes,
    local_today,
    official_document,
    place_of,
)

from .xlsx import identity_rows


def profile_document(profile, title: str) -> bytes:
    unit = profile.unit
    parent = unit.parent.name if unit.parent else ""
    heading = Heading(unit.name, place_of(str(unit.province or "")), local_today(), parent)
    document = official_document(heading, _("Report"), title, landscape=True)
    for label, value in identity_rows(profile):
        if value not in ("", None):
            add_paragraph(document, f"{label}: {cell_text(value)}")
    for built in profile.sections:
        sheet = built.section.sheet(built.rows)
        add_paragraph(document, str(sheet.title), bold=True)
        add_table(document, [str(column) for column in sheet.header], sheet.rows)
    add_signature(document, _("Director"))
    return document_bytes(document)
