"""The organisation history's sections of a unit's profile: the timeline of what happened to
the unit and the units it grew out of, its facilities, and its chronicle."""

from django.db.models import Q
from django.utils.translation import gettext as _

from ..domains import ProfileSpan, Sheet
from ..models import ChronicleEntry, Event, Facility


def _in_span_q(start_year: int, end_year: int) -> Q:
    """Entries dated inside the span, and spans (2020–2022) that overlap it."""
    on_a_date = Q(end__isnull=True, start__year__gte=start_year, start__year__lte=end_year)
    overlapping = Q(end__isnull=False, start__year__lte=end_year, end__year__gte=start_year)
    return on_a_date | overlapping


def events(span: ProfileSpan) -> list[Event]:
    return list(
        Event.objects.filter(
            Q(organisation__in=span.story_ids) | Q(successors__in=span.story_ids), date__year__lte=span.end_year
        )
        .select_related("organisation", "decision__issuer")
        .prefetch_related("predecessors", "successors")
        .distinct()
        .order_by("date", "code")
    )


def events_sheet(rows: list[Event]) -> Sheet:
    return Sheet(
        _("Timeline"),
        [_("Date"), _("Event"), _("Unit"), _("Decision"), _("Summary")],
        [(e.date_text, e.get_kind_display(), e.organisation.name, str(e.decision or ""), e.summary) for e in rows],
    )


def facilities(span: ProfileSpan) -> list[Facility]:
    return list(
        Facility.objects.filter(organisation__in=span.story_ids)
        .filter(Q(start__isnull=True) | Q(start__year__lte=span.end_year))
        .filter(Q(end__isnull=True) | Q(end__year__gte=span.start_year))
        .select_related("organisation")
        .order_by("kind", "start", "name")
    )


def facilities_sheet(rows: list[Facility]) -> Sheet:
    return Sheet(
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
            for f in rows
        ],
    )


def chronicle(span: ProfileSpan) -> list[ChronicleEntry]:
    return list(
        ChronicleEntry.objects.filter(organisation__in=span.story_ids)
        .filter(_in_span_q(span.start_year, span.end_year))
        .select_related("organisation", "decision")
        .prefetch_related("participants__person", "participants__organisation", "photos")
        .order_by("start", "code")
    )


def chronicle_sheet(rows: list[ChronicleEntry]) -> Sheet:
    return Sheet(
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
            for c in rows
        ],
    )
