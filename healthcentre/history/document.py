"""A unit's history as a Word document its director signs: the timeline of its lineage, its
names and its leaders, under the unit's own heading."""

from typing import Any

from django.utils.translation import gettext as _

from ..documents import DocumentObject, Frame, Signer, add_paragraph, add_table, unit_heading


def history_frame(unit) -> Frame:
    return Frame(
        unit_heading(unit),
        _("Report"),
        _("History of %(unit)s") % {"unit": unit.name},
        signers=(Signer(_("Director")),),
    )


def write_history(document: DocumentObject, context: dict[str, Any]) -> None:
    """The timeline of the unit's lineage, its names and its leaders."""
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
