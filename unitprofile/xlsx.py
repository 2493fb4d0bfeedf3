"""The profile as a workbook an office can edit: its identity, then one sheet per app's section,
numbers as numbers."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook

from healthcentre.spreadsheets import active_sheet, workbook_bytes
from healthcentre.spreadsheets import add_sheet as _sheet


def structure_text(structure) -> str:
    """The same words as the page: the history app's structure template."""
    if structure is None:
        return ""
    return render_to_string("healthcentre/history/_structure.html", {"s": structure}).strip()


def identity_rows(profile) -> list[tuple[object, object]]:
    """Who the unit is in the profile's period: the first sheet, the document's first lines."""
    state = profile.state
    return [
        (_("Name"), state.name),
        (_("Code"), profile.unit.code),
        (_("Kind"), profile.unit.get_kind_display()),
        (_("Parent unit"), str(state.parent or "")),
        (_("Managing authority"), str(state.managing_authority.authority) if state.managing_authority else ""),
        (_("Rank"), str(state.rank or "")),
        (_("Structure"), structure_text(state.structure)),
        (_("Director"), ", ".join(str(p.person) for p in state.leaders)),
        (_("Period"), profile.period_text),
        *[(kind, count) for kind, count in profile.units_under],
    ]


def profile_workbook(profile) -> bytes:
    book = Workbook()
    book.remove(active_sheet(book))
    _sheet(book, _("Identity"), [_("Item"), _("Value")], identity_rows(profile))
    for built in profile.sections:
        sheet = built.section.sheet(built.rows)
        _sheet(book, sheet.title, sheet.header, sheet.rows)
    return workbook_bytes(book)
