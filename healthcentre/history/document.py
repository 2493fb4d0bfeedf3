"""A unit's history as a Word document its director signs: the timeline of its lineage, its
names and its leaders, under the unit's own heading."""

from typing import Any

from django.utils.translation import gettext as _

from ..documents import (
    Heading,
    add_paragraph,
    add_signature,
    add_table,
    document_bytes,
    local_today,
    official_document,
    place_of,
)


def history_document(context: dict[str, Any]) -> bytes:
    unit = context["unit"]
    heading = Heading(
        unit.name, place_of(str(unit.province or "")), local_today(), unit.parent.name if unit.parent else ""
    )
    document = official_document(heading, _("Report"), _("History of %(unit)s") % {"unit": unit.name})
    add_paragraph(document, _("Events"), bold=True)
    add_table(
        document,
        [_("Date"), _("Unit"), _("Event"), _("Summary"), _("Decision")],
        [
            (event.date_text, event.organisation, event.get_kind_display(), event.summary, event.decision or "")
            for event in context["events"]
        ],
    )
    add_paragraph(document, _("Names over time"), bold=True)
    add_table(
        document, [_("Name"), _("From"), _("Until")], [(n.name, n.start_text, n.end_text) for n in context["names"]]
    )
    add_paragraph(document, _("Positions"), bold=True)
    add_table(
        document,
        [_("Position"), _("Person"), _("From"), _("Until")],
        [(p.get_title_display(), p.person, p.start_text, p.end_text) for p in context["positions"]],
    )
    add_signature(document, _("Director"))
    return document_bytes(document)
