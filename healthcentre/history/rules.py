"""Contradictions in a unit's history, checked the same way from the admin forms and the importer.

A unit's life is read from the events that involve it: a founding, a merger into a new unit or
a split into new units starts a unit; a dissolution, a merger or founding that absorbs it, or a
split it does not survive ends it. Anything else it takes part in, and every dated fact about
it, shows it active. Caught:
- a merger with fewer than two sources, a split into fewer than two units;
- a unit (e.g. a successor) that appears before it was founded;
- a unit active after it ceased (dissolved, merged away);
- a unit that ceased before it was founded.
Partial dates only contradict when their windows cannot overlap ("1966" and "8/1966" agree).
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from .dates import PartialDate, partial

START, END, ACTIVE = "start", "end", "active"
PROPOSED = "proposed"


@dataclass(frozen=True)
class Appearance:
    unit_id: int
    when: PartialDate
    role: str | None
    label: str
    ref: object = None


def known(date: dt.date, precision: str) -> PartialDate:
    """A date the record always has (an event's date, a fact's start once it is filtered for)."""
    when = partial(date, precision)
    assert when is not None, "a date the caller knows is there"
    return when


def event_role(unit_id, kind, subject_id, predecessor_ids, successor_ids) -> str | None:
    """What the event means for the unit's existence: start, end, active, or None if not involved."""
    from ..models.history import EventKind

    if unit_id == subject_id:
        if kind == EventKind.FOUNDED:
            return START
        if kind == EventKind.MERGED:
            return ACTIVE if unit_id in predecessor_ids else START
        if kind == EventKind.SPLIT:
            return ACTIVE if unit_id in successor_ids else END
        if kind == EventKind.DISSOLVED:
            return END
        return ACTIVE
    if unit_id in predecessor_ids:
        return END if kind in (EventKind.MERGED, EventKind.FOUNDED) else ACTIVE
    if unit_id in successor_ids:
        return START if kind == EventKind.SPLIT else ACTIVE
    return None


def event_links(event) -> tuple[set[int], set[int]]:
    """The event's predecessor and successor ids: the ones a form or import row is about to
    save (`pending_*`), else the stored ones."""
    pending_p = getattr(event, "pending_predecessors", None)
    pending_s = getattr(event, "pending_successors", None)
    stored = bool(event.pk)
    preds = {u.pk for u in pending_p} if pending_p is not None else set()
    succs = {u.pk for u in pending_s} if pending_s is not None else set()
    if pending_p is None and stored:
        preds = set(event.predecessors.values_list("pk", flat=True))
    if pending_s is None and stored:
        succs = set(event.successors.values_list("pk", flat=True))
    return preds, succs


def event_label(event) -> str:
    return f"{event.get_kind_display().lower()} {event.date_text}"


def appearances_of(unit_ids, exclude_event_id=None, exclude_fact=None) -> list[Appearance]:
    """Every dated appearance of the units in the stored events and facts."""
    from ..models.history import Event

    found = []
    events = (
        Event.objects.filter(
            Q(organisation_id__in=unit_ids) | Q(predecessors__in=unit_ids) | Q(successors__in=unit_ids)
        )
        .exclude(pk=exclude_event_id)
        .distinct()
        .prefetch_related("predecessors", "successors")
    )
    for event in events:
        preds = {u.pk for u in event.predecessors.all()}
        succs = {u.pk for u in event.successors.all()}
        for unit_id in unit_ids:
            role = event_role(unit_id, event.kind, event.organisation_id, preds, succs)
            if role:
                found.append(Appearance(unit_id, known(event.date, event.date_precision), role, event_label(event)))
    for model in fact_models():
        for fact in model.objects.filter(organisation_id__in=unit_ids, start__isnull=False):
            if exclude_fact is not None and type(fact) is type(exclude_fact) and fact.pk == exclude_fact.pk:
                continue
            label = f"{model._meta.verbose_name} {fact.start_text}"
            found.append(Appearance(fact.organisation_id, known(fact.start, fact.start_precision), ACTIVE, label))
    return found


def fact_models():
    from ..models.history import Position, RankRecord, StructureSnapshot, UnitName, UnitRelation

    return [UnitName, UnitRelation, RankRecord, StructureSnapshot, Position]


def lifespan(appearances) -> tuple[Appearance | None, Appearance | None]:
    starts = [a for a in appearances if a.role == START]
    ends = [a for a in appearances if a.role == END]
    start = min(starts, key=lambda a: a.when.first) if starts else None
    end = min(ends, key=lambda a: a.when.first) if ends else None
    return start, end


def contradictions(unit, appearances) -> list[tuple[Appearance, str]]:
    """(appearance at fault, message) pairs where a PROPOSED appearance takes part."""
    start, end = lifespan(appearances)
    found = []

    def add(a, b, message):
        if a.ref == PROPOSED or b.ref == PROPOSED:
            found.append((a if a.ref == PROPOSED else b, message))

    for a in appearances:
        if start and a.role != START and a.when.certainly_before(start.when):
            add(
                a,
                start,
                _("%(unit)s appears on %(date)s (%(what)s), before it was founded on %(founded)s (%(how)s).")
                % {"unit": unit, "date": a.when, "what": a.label, "founded": start.when, "how": start.label},
            )
        if end and a.role != END and end.when.certainly_before(a.when):
            add(
                a,
                end,
                _("%(unit)s is active on %(date)s (%(what)s), after it ceased on %(ended)s (%(how)s).")
                % {"unit": unit, "date": a.when, "what": a.label, "ended": end.when, "how": end.label},
            )
    if start and end and end.when.certainly_before(start.when):
        add(
            end,
            start,
            _("%(unit)s ceased on %(ended)s, before it was founded on %(founded)s.")
            % {"unit": unit, "ended": end.when, "founded": start.when},
        )
    return found


def event_problems(event) -> dict[str, list[str]]:
    """Problems of an event about to be saved, keyed by form field."""
    from ..models import Organisation
    from ..models.history import EventKind

    problems: dict[str, list[str]] = {}
    if not event.organisation_id or not event.date or not event.kind or getattr(event, "links_unreadable", False):
        return problems
    preds, succs = event_links(event)
    if event.kind == EventKind.MERGED and len(preds) < 2:
        problems.setdefault("predecessors", []).append(
            _("A merger needs at least two source units; %(count)s given.") % {"count": len(preds)}
        )
    if event.kind == EventKind.SPLIT and len(succs) < 2:
        problems.setdefault("successors", []).append(
            _("A split needs at least two resulting units; %(count)s given.") % {"count": len(succs)}
        )
    unit_ids = {event.organisation_id} | preds | succs
    stored = appearances_of(unit_ids, exclude_event_id=event.pk)
    when = known(event.date, event.date_precision)
    units = Organisation.objects.in_bulk(unit_ids)
    for unit_id in unit_ids:
        role = event_role(unit_id, event.kind, event.organisation_id, preds, succs)
        proposed = Appearance(unit_id, when, role, event_label(event), PROPOSED)
        mine = [a for a in stored if a.unit_id == unit_id] + [proposed]
        field = "date" if unit_id == event.organisation_id else ("predecessors" if unit_id in preds else "successors")
        for _appearance, message in contradictions(units[unit_id], mine):
            problems.setdefault(field, []).append(message)
    return problems


def raise_event_problems(event) -> None:
    problems = event_problems(event)
    if problems:
        raise ValidationError(problems)


def fact_problems(fact) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    start = partial(fact.start, fact.start_precision)
    end = partial(fact.end, fact.end_precision)
    if start and end and end.certainly_before(start):
        problems["end"] = [_("The end (%(end)s) is before the start (%(start)s).") % {"end": end, "start": start}]
    if not start or not fact.organisation_id:
        return problems
    label = f"{fact._meta.verbose_name} {start}"
    proposed = Appearance(fact.organisation_id, start, ACTIVE, label, PROPOSED)
    mine = [*appearances_of({fact.organisation_id}, exclude_fact=fact), proposed]
    for _appearance, message in contradictions(fact.organisation, mine):
        problems.setdefault("start", []).append(message)
    return problems


def raise_fact_problems(fact) -> None:
    problems = fact_problems(fact)
    if problems:
        raise ValidationError(problems)
