import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from ..history.asof import UnitState, state_on
from ..history.lineage import Lineage, lineage_of
from ..models import ChronicleEntry, Event, Facility, Organisation
from . import sections


@dataclass
class Profile:
    unit: Organisation
    start_year: int
    end_year: int
    state: UnitState
    lineage: Lineage
    units_under: list = field(default_factory=list)
    events: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    rounds_given: list = field(default_factory=list)
    visits_received: list = field(default_factory=list)
    awards: list = field(default_factory=list)
    facilities: list = field(default_factory=list)
    chronicle: list = field(default_factory=list)

    @property
    def period_text(self) -> str:
        return str(self.start_year) if self.start_year == self.end_year else f"{self.start_year}–{self.end_year}"


def _in_span_q(start_year: int, end_year: int) -> Q:
    """Entries dated inside the span, and spans (2020–2022) that overlap it."""
    on_a_date = Q(end__isnull=True, start__year__gte=start_year, start__year__lte=end_year)
    overlapping = Q(end__isnull=False, start__year__lte=end_year, end__year__gte=start_year)
    return on_a_date | overlapping


def build_profile(unit: Organisation, start_year: int, end_year: int, *, today: dt.date | None = None) -> Profile:
    today = today or dt.date.today()
    lineage = lineage_of(unit)
    # The story of a unit includes the units it grew out of (Tân Yên's 1958 station, its 2006 hospital).
    story_units = [unit, *lineage.ancestors()]
    story_ids = [u.pk for u in story_units]
    on = min(today, dt.date(end_year, 12, 31))
    profile = Profile(unit=unit, start_year=start_year, end_year=end_year, state=state_on(unit, on), lineage=lineage)
    profile.units_under = sorted(
        Counter(u.get_kind_display() for u in unit.descendants(include_self=False)).items(), key=lambda kv: kv[0]
    )
    profile.events = list(
        Event.objects.filter(Q(organisation__in=story_ids) | Q(successors__in=story_ids), date__year__lte=end_year)
        .select_related("organisation", "decision__issuer")
        .prefetch_related("predecessors", "successors")
        .distinct()
        .order_by("date", "code")
    )
    profile.facilities = list(
        Facility.objects.filter(organisation__in=story_ids)
        .filter(Q(start__isnull=True) | Q(start__year__lte=end_year))
        .filter(Q(end__isnull=True) | Q(end__year__gte=start_year))
        .select_related("organisation")
        .order_by("kind", "start", "name")
    )
    profile.chronicle = list(
        ChronicleEntry.objects.filter(organisation__in=story_ids)
        .filter(_in_span_q(start_year, end_year))
        .select_related("organisation", "decision")
        .prefetch_related("participants__person", "participants__organisation", "photos")
        .order_by("start", "code")
    )
    profile.figures = sections.figures(unit, start_year, end_year)
    profile.rounds_given, profile.visits_received = sections.supervision(unit, start_year, end_year, today)
    profile.awards = sections.awards(unit, story_ids, start_year, end_year)
    return profile
