"""The profile as a workbook an office can edit: one sheet per section, numbers as numbers."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook

from ..spreadsheets import add_sheet as _sheet
from ..spreadsheets import workbook_bytes


def structure_text(structure) -> str:
    """The same words as the page: the history app's structure template."""
    if structure is None:
        return ""
    return render_to_string("healthcentre/history/_structure.html", {"s": structure}).strip()


def profile_workbook(profile) -> bytes:
    book = Workbook()
    book.remove(book.active)
    state = profile.state
    _sheet(
        book,
        _("Identity"),
        [_("Item"), _("Value")],
        [
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
        ],
    )
    _sheet(
        book,
        _("Timeline"),
        [_("Date"), _("Event"), _("Unit"), _("Decision"), _("Summary")],
        [
            (e.date_text, e.get_kind_display(), e.organisation.name, str(e.decision or ""), e.summary)
            for e in profile.events
        ],
    )
    _sheet(
        book,
        _("Key figures"),
        [
            _("Indicator"),
            _("Unit of measure"),
            _("Period"),
            _("Plan"),
            _("Result"),
            _("Percent of plan"),
            _("Same period last year"),
            _("Change"),
        ],
        [row.as_cells() for row in profile.figures],
    )
    _sheet(
        book,
        _("Supervision"),
        [_("Round or visit"), _("Dates"), _("Unit"), _("Open actions")],
        [
            *[
                (r.title, f"{r.start_date:%d/%m/%Y}–{r.end_date:%d/%m/%Y}", r.supervising_unit.name, r.open_count)
                for r in profile.rounds_given
            ],
            *[(str(v.round), str(v.date or ""), v.station.name, v.open_count) for v in profile.visits_received],
        ],
    )
    _sheet(
        book,
        _("Awards"),
        [_("Year"), _("Award"), _("Recipient"), _("Decision")],
        [
            (a.achievement_year or _("year unknown"), str(a.form), a.recipient_display, str(a.decision or ""))
            for a in profile.awards
        ],
    )
    _sheet(
        book,
        _("Facilities"),
        [
            _("Kind"),
            _("Name"),
            _("Since"),
            _("Quantity"),
            _("Floors"),
            _("Floor area (m²)"),
            _("Beds"),
            _("Description"),
        ],
        [
            (f.get_kind_display(), f.name, f.start_text, f.quantity, f.floors, f.floor_area_m2, f.beds, f.description)
            for f in profile.facilities
        ],
    )
    _sheet(
        book,
        _("Chronicle"),
        [_("When"), _("Kind"), _("Title"), _("Description"), _("Who took part")],
        [
            (
                c.period_text,
                c.get_kind_display(),
                c.title,
                c.description,
                "; ".join(str(p) for p in c.participants.all()),
            )
            for c in profile.chronicle
        ],
    )
    return workbook_bytes(book)
