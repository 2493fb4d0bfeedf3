"""What a unit was on a date, and which units existed on a date.

A change counts once its date has certainly come ("2006" counts from 31/12/2006); while the
asked date lies inside a change's window the answer says the change is uncertain.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from ..models import Organisation
from ..models.history import (
    Event,
    PositionTitle,
    RankRecord,
    RelationKind,
    StructureSnapshot,
    UnitRelation,
)
from .dates import PartialDate, partial
from .rules import END, START, event_role


@dataclass
class Lifespan:
    start: PartialDate | None = None  # None when no founding is recorded
    end: PartialDate | None = None
    start_event: object = None
    end_event: object = None

    def status_on(self, day: dt.date) -> str:
        """'before', 'existing' or 'after'."""
        if self.start and not self.start.certainly_by(day):
            return "before"
        if self.end and self.end.certainly_by(day):
            return "after"
        return "existing"


def lifespans(unit_ids=None) -> dict[int, Lifespan]:
    """Founding and end of every unit (or of `unit_ids`) read from the events, in one query."""
    events = Event.objects.prefetch_related("predecessors", "successors").order_by("date")
    if unit_ids is not None:
        events = events.filter(
            Q(organisation_id__in=unit_ids) | Q(predecessors__in=unit_ids) | Q(successors__in=unit_ids)
        ).distinct()
    spans: dict[int, Lifespan] = {}
    for event in events:
        preds = {u.pk for u in event.predecessors.all()}
        succs = {u.pk for u in event.successors.all()}
        when = partial(event.date, event.date_precision)
        for unit_id in {event.organisation_id} | preds | succs:
            role = event_role(unit_id, event.kind, event.organisation_id, preds, succs)
            span = spans.setdefault(unit_id, Lifespan())
            if role == START and span.start is None:
                span.start, span.start_event = when, event
            elif role == END and span.end is None:
                span.end, span.end_event = when, event
    return spans


def valid_on(facts, day: dt.date):
    """The facts in force on `day`: started certainly by then, not certainly ended. Latest first.
    A fact with only an end ("until 7/2025") held before it; one with no dates is never used."""
    current = []
    for fact in facts:
        start, end = partial(fact.start, fact.start_precision), partial(fact.end, fact.end_precision)
        if start is None and end is None:
            continue
        if (start is None or start.certainly_by(day)) and not (end and end.certainly_by(day)):
            current.append(fact)
    return sorted(current, key=lambda f: f.start or dt.date.min, reverse=True)


def uncertain_on(records, day: dt.date) -> list:
    """Records with a date, start or end whose window contains `day`: whether they applied is unknown."""
    found = []
    for record in records:
        windows = [
            partial(getattr(record, f, None), getattr(record, f"{f}_precision", "")) for f in ("date", "start", "end")
        ]
        if any(w and w.contains(day) for w in windows):
            found.append(record)
    return found


@dataclass
class UnitState:
    unit: Organisation
    day: dt.date
    status: str
    lifespan: Lifespan
    name: str = ""
    parent: Organisation | None = None
    managing_authority: UnitRelation | None = None
    professional_supervision: UnitRelation | None = None
    rank: RankRecord | None = None
    structure: StructureSnapshot | None = None
    leaders: list = field(default_factory=list)
    units_under: list = field(default_factory=list)
    uncertain: list = field(default_factory=list)
    events_so_far: list = field(default_factory=list)

    @property
    def status_text(self) -> str:
        if self.status == "before":
            return _("not yet founded (founded %(date)s)") % {"date": self.lifespan.start}
        if self.status == "after":
            return _("no longer existed (ceased %(date)s)") % {"date": self.lifespan.end}
        return _("existed")


def parent_on(unit: Organisation, day: dt.date, relations=None) -> Organisation | None:
    """The unit's parent on `day`: its dated parent relations; without any, today's parent,
    but only within the dates of the unit's relations to that same body (Tân Yên's district
    People's Committee since 1/1/2025 is no answer for 2020)."""
    relations = relations if relations is not None else list(unit.relations.all())
    parents = [r for r in relations if r.kind == RelationKind.PARENT]
    if parents:
        current = valid_on(parents, day)
        return current[0].authority if current else None
    if unit.parent_id is None:
        return None
    bounding = [r for r in relations if r.authority_id == unit.parent_id and (r.start or r.end)]
    if bounding and not valid_on(bounding, day):
        return None
    return unit.parent


def state_on(unit: Organisation, day: dt.date) -> UnitState:
    """Name, parent, managing authority, supervision, rank, structure, leader and units under
    `unit` on `day`, as far as the records say."""
    span = lifespans([unit.pk]).get(unit.pk, Lifespan())
    relations = list(unit.relations.select_related("authority", "decision"))
    names = list(unit.names.all())
    ranks = list(unit.ranks.all())
    structures = list(unit.structures.all())
    positions = list(unit.positions.select_related("person"))
    events = list(unit.events.select_related("decision").order_by("date"))
    state = UnitState(unit=unit, day=day, status=span.status_on(day), lifespan=span)
    current_names = valid_on(names, day)
    state.name = current_names[0].name if current_names else unit.name
    state.parent = parent_on(unit, day, relations)
    for kind, attr in (
        (RelationKind.MANAGING, "managing_authority"),
        (RelationKind.PROFESSIONAL, "professional_supervision"),
    ):
        current = valid_on([r for r in relations if r.kind == kind], day)
        setattr(state, attr, current[0] if current else None)
    state.rank = next(iter(valid_on(ranks, day)), None)
    state.structure = next(iter(valid_on(structures, day)), None)
    state.leaders = [p for p in valid_on(positions, day) if p.title == PositionTitle.DIRECTOR]
    state.units_under = units_under_on(unit, day)
    state.uncertain = uncertain_on([*events, *relations, *names, *ranks, *structures, *positions], day)
    state.events_so_far = [e for e in events if (when := partial(e.date, e.date_precision)) and when.certainly_by(day)]
    return state


def units_under_on(unit: Organisation, day: dt.date) -> list[Organisation]:
    """Units whose parent on `day` was `unit` and that existed then."""
    dated = UnitRelation.objects.filter(kind=RelationKind.PARENT)
    with_dated_parent = set(dated.values_list("organisation_id", flat=True))
    candidates = {
        *Organisation.objects.filter(parent=unit).exclude(pk__in=with_dated_parent),
        *Organisation.objects.filter(pk__in=dated.filter(authority=unit).values("organisation_id")),
    }
    spans = lifespans([c.pk for c in candidates])
    under = []
    for child in candidates:
        if spans.get(child.pk, Lifespan()).status_on(day) != "existing":
            continue
        if parent_on(child, day) != unit:
            continue
        under.append(child)
    return sorted(under, key=lambda c: c.name)


def units_on(day: dt.date, queryset=None) -> list[tuple[Organisation, Lifespan]]:
    """Every unit (of `queryset`) that existed on `day`, with its recorded lifespan. A unit with
    no founding recorded is counted as existing: the records do not say otherwise."""
    queryset = queryset if queryset is not None else Organisation.objects.all()
    spans = lifespans()
    found = []
    for unit in queryset.select_related("province").order_by("name"):
        span = spans.get(unit.pk, Lifespan())
        if span.status_on(day) == "existing":
            found.append((unit, span))
    return found


def inactive_on(day: dt.date) -> set[int]:
    """Ids of the units whose recorded lifespan does not include `day`, in one query."""
    return {unit_id for unit_id, span in lifespans().items() if span.status_on(day) != "existing"}


def served_communes(unit: Organisation):
    """For a regional centre: today's communes its legacy district became (the 2025 reform);
    none for a unit that had ceased before it."""
    return unit.communes_since_reform().order_by("name")
