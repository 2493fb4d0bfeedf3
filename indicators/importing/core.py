"""The set-based import of indicator values and plans, shared by both spreadsheet layouts.

Why not django-import-export row by row: an office uploads 100.000 values at a time, and a
per-row query, model clean and history row make that minutes. Here every code is resolved
with one query and a dict, every check runs in Python over the whole file, the rules run
once per unit and period, and rows are written with bulk_create / bulk_update in one
transaction. Anything wrong → nothing written, every problem listed with row and column.
"""

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.utils.translation import gettext as _

from healthcentre.importing.audit import (
    import_stamp,
    update_many,
    write_history,
    write_history_of,
    write_missing_history,
)
from healthcentre.importing.concurrency import CONFLICTS, conflict_message, take_turn
from healthcentre.importing.resources import Problem
from healthcentre.models import ImportRun, Organisation
from healthcentre.scoping import Viewer

from ..models import Breakdown, DataValue, Indicator, PlanTarget
from ..periods import period_ids_for
from ..validation import active_rules, check_value_fields, figures_of, rule_message

VALUE_FIELDS = (
    "value",
    "numerator",
    "denominator",
    "qualifier",
    "note",
    "is_derived",
    "stated_change",
    "stated_change_kind",
    "published_plan_percent",
)
PLAN_FIELDS = ("value", "qualifier", "note", "is_derived")
BATCH = 5000
PREVIEW_ROWS = 200

# What a file would write: {(unit, indicator, period, breakdown) or (unit, indicator, year): (entry, fields)}.
type Planned = dict[tuple[Any, ...], tuple["Entry", dict[str, Any]]]
# (rows to create as (key, values), rows to update as (id, values)).
type WritePlan = tuple[list[tuple[tuple[Any, ...], tuple[Any, ...]]], list[tuple[int, tuple[Any, ...]]]]


@dataclass(slots=True)
class Entry:
    """One figure read from a file, with where it was, for messages."""

    row: int
    columns: dict[str, str]  # field → the column name the user sees
    unit_code: str
    indicator_code: str
    period: str | None = None  # a value; None for a plan
    year: int | None = None  # a plan
    breakdown_code: str = ""
    fields: dict[str, Any] = field(default_factory=dict)

    def column(self, name: str) -> str:
        return self.columns.get(name, name)


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rows_total: int = 0
    preview: list[dict[str, Any]] = field(default_factory=list)
    import_run: ImportRun | None = None

    @property
    def totals(self) -> dict[str, int]:
        return {"new": self.created, "update": self.updated, "skip": self.unchanged}

    @property
    def has_errors(self) -> bool:
        return bool(self.problems)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is read and checked: the 100.000 rows are
    live objects, not garbage, yet each collection walks them all, again and again, which
    cost more than the reading itself. Reference counting still frees what is dropped."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Lookups:
    """Every code a file may use, resolved once per import."""

    def __init__(self, user: Viewer | None) -> None:
        self.user = user
        self.writable: set[int] | None
        self.organisations = dict(Organisation.objects.values_list("code", "id"))
        if user is None or user.is_superuser:
            self.writable = None
        else:
            self.writable = set(Organisation.objects.visible_to(user).values_list("id", flat=True))
        self.indicators = {i.code.upper(): i for i in Indicator.objects.all()}
        self.indicator_by_id = {i.pk: i for i in self.indicators.values()}
        self.breakdowns = {b.code.upper(): b for b in Breakdown.objects.all()}


def import_entries(
    entries: list[Entry],
    *,
    user: Viewer | None,
    dry_run: bool,
    file_name: str,
    file_sha256: str,
    problems: Iterable[Problem] | None = None,
) -> Outcome:
    """Check every entry, then (unless dry_run or anything is wrong) write them all, the run
    ended whatever happens (ImportRun.track). Both layouts import indicator values."""
    target = str(_("indicator values"))
    with ImportRun.track(
        user=user, target=target, file_name=file_name, file_sha256=file_sha256, dry_run=dry_run
    ) as run:
        outcome = Outcome(problems=list(problems or []), rows_total=len(entries), import_run=run)
        if entries and dry_run:
            _check(entries, user, outcome, create_periods=False)
        elif entries:
            _confirm(entries, user, outcome, run)
        _finish(run, outcome)
    return outcome


def _check(
    entries: list[Entry], user: Viewer | None, outcome: Outcome, *, create_periods: bool
) -> tuple[WritePlan, WritePlan]:
    """Every check of every entry against what is stored; returns what would be written."""
    lookups = Lookups(user)
    values, plans = _resolve(entries, lookups, outcome.problems, create_periods)
    # The rules run even when some rows are already wrong, so one upload lists every problem.
    value_plan = _plan_values(values, outcome)
    plan_plan = _plan_plans(plans, outcome)
    _check_rules(values, lookups, outcome.problems)
    return value_plan, plan_plan


def _confirm(entries: list[Entry], user: Viewer | None, outcome: Outcome, run: ImportRun) -> None:
    """Checks and writes in one transaction, in this import's turn (concurrency.take_turn): a
    second confirm of the same figures waits for the first, then reads and builds on what the
    first wrote, instead of both writing the same figures. A writer that takes no turn (a form
    saved meanwhile) can still collide: the database refuses, and the user is asked to upload
    again."""
    try:
        with transaction.atomic():
            take_turn(DataValue._meta.label)
            value_plan, plan_plan = _check(entries, user, outcome, create_periods=True)
            if outcome.problems:
                transaction.set_rollback(True)  # the periods made for the check go too
            else:
                _write(value_plan, plan_plan, run)
    except CONFLICTS:
        outcome.problems.append(Problem(None, "", conflict_message()))


def _finish(run: ImportRun, outcome: Outcome) -> None:
    outcome.problems.sort(key=lambda problem: problem.row or 0)
    if outcome.problems:
        outcome.created = outcome.updated = outcome.unchanged = 0
    run.tally(
        total=outcome.rows_total,
        created=outcome.created,
        updated=outcome.updated,
        unchanged=outcome.unchanged,
        problems=outcome.problems,
    )


def _resolve(
    entries: list[Entry], lookups: Lookups, problems: list[Problem], create_periods: bool
) -> tuple[Planned, Planned]:
    """Codes → ids, and the per-value checks; returns {key: (entry, fields)} for values and plans.
    Periods the file names are made only at a confirm (`create_periods`): a preview writes
    nothing but its run."""
    period_codes = {entry.period for entry in entries if entry.period}
    period_ids = period_ids_for(period_codes, create=create_periods) if period_codes else {}
    organisations, writable = lookups.organisations, lookups.writable
    indicators, breakdowns = lookups.indicators, lookups.breakdowns
    values: Planned = {}
    plans: Planned = {}
    key: tuple[Any, ...]
    for entry in entries:
        org_id = organisations.get(entry.unit_code)
        if org_id is None:
            problems.append(
                Problem(
                    entry.row,
                    entry.column("unit_code"),
                    _("No unit has the code “%(code)s”.") % {"code": entry.unit_code},
                )
            )
        elif writable is not None and org_id not in writable:
            problems.append(
                Problem(entry.row, entry.column("unit_code"), _("You may only import records of your own units."))
            )
            org_id = None
        indicator = indicators.get(entry.indicator_code.upper())
        if indicator is None:
            problems.append(
                Problem(
                    entry.row,
                    entry.column("indicator_code"),
                    _("No indicator has the code “%(code)s”.") % {"code": entry.indicator_code},
                )
            )
        breakdown = None
        if entry.breakdown_code:
            breakdown = breakdowns.get(entry.breakdown_code.upper())
            if breakdown is None:
                problems.append(
                    Problem(
                        entry.row,
                        entry.column("breakdown_code"),
                        _("No breakdown item has the code “%(code)s”.") % {"code": entry.breakdown_code},
                    )
                )
        fields = entry.fields
        get = fields.get
        errors = check_value_fields(
            indicator,
            value=get("value"),
            numerator=get("numerator"),
            denominator=get("denominator"),
            breakdown=breakdown,
            stated_change=get("stated_change"),
            stated_change_kind=get("stated_change_kind", ""),
        )
        for name, message in errors.items():
            # A cell already reported as unreadable is not reported again as missing.
            if name not in get("unreadable", ()):
                problems.append(Problem(entry.row, entry.column(name), message))
        if org_id is None or indicator is None or entry.period == "" or (entry.breakdown_code and breakdown is None):
            continue
        if entry.period is None:
            key, target = (org_id, indicator.id, entry.year), plans
        else:
            key, target = (org_id, indicator.id, period_ids[entry.period], breakdown.id if breakdown else None), values
        if key in target:
            problems.append(
                Problem(
                    entry.row,
                    entry.column("value"),
                    _("The same figure is already given in row %(row)s.") % {"row": target[key][0].row},
                )
            )
            continue
        target[key] = (entry, fields)
    return values, plans


DEFAULTS = {"qualifier": "", "note": "", "is_derived": False, "stated_change_kind": ""}


def _diff(
    incoming: Planned,
    existing: dict[tuple[Any, ...], tuple[int, tuple[Any, ...]]],
    names: Iterable[str],
    outcome: Outcome,
    describe: Callable[[Entry, dict[str, Any]], dict[str, Any]],
) -> WritePlan:
    """What would be created, changed or left alone. Decimals compare by value (5000 == 5000.0000)."""
    to_create: list[tuple[tuple[Any, ...], tuple[Any, ...]]] = []
    to_update: list[tuple[int, tuple[Any, ...]]] = []
    labels = {"new": _("new"), "changed": _("changed")}
    defaults = [(name, DEFAULTS.get(name)) for name in names]
    for key, (entry, fields) in incoming.items():
        get = fields.get
        new = tuple([get(name, default) for name, default in defaults])
        old = existing.get(key)
        if old is None:
            to_create.append((key, new))
            action = "new"
        elif old[1] != new:
            to_update.append((old[0], new))
            action = "changed"
        else:
            outcome.unchanged += 1
            continue
        if len(outcome.preview) < PREVIEW_ROWS:
            outcome.preview.append({"row": entry.row, "action": labels[action], **describe(entry, fields)})
    outcome.created += len(to_create)
    outcome.updated += len(to_update)
    return to_create, to_update


def _describe(entry: Entry, fields: dict[str, Any]) -> dict[str, Any]:
    figure = fields.get("value")
    if fields.get("numerator") is not None:
        figure = f"{fields['numerator'].normalize():f}/{fields['denominator'].normalize():f}"
    return {
        "unit": entry.unit_code,
        "indicator": entry.indicator_code,
        "period": entry.period or str(entry.year),
        "breakdown": entry.breakdown_code,
        "figure": figure,
        "qualifier": fields.get("qualifier", ""),
        "note": fields.get("note", ""),
    }


def _plan_values(values: Planned, outcome: Outcome) -> WritePlan:
    existing: dict[tuple[Any, ...], tuple[int, tuple[Any, ...]]] = {}
    if values:
        org_ids = {key[0] for key in values}
        period_ids = {key[2] for key in values}
        rows = DataValue.objects.filter(organisation_id__in=org_ids, period_id__in=period_ids).values_list(
            "id", "organisation_id", "indicator_id", "period_id", "breakdown_id", *VALUE_FIELDS
        )
        for row in rows:
            existing[row[1:5]] = (row[0], row[5:])
    return _diff(values, existing, VALUE_FIELDS, outcome, _describe)


def _plan_plans(plans: Planned, outcome: Outcome) -> WritePlan:
    existing: dict[tuple[Any, ...], tuple[int, tuple[Any, ...]]] = {}
    if plans:
        rows = PlanTarget.objects.filter(
            organisation_id__in={k[0] for k in plans}, year__in={k[2] for k in plans}
        ).values_list("id", "organisation_id", "indicator_id", "year", *PLAN_FIELDS)
        for row in rows:
            existing[row[1:4]] = (row[0], row[4:])
    return _diff(plans, existing, PLAN_FIELDS, outcome, _describe)


def _check_rules(values: Planned, lookups: Lookups, problems: list[Problem]) -> None:
    """The stored rules, once per unit and period the file touches, on the figures as they would be."""
    rules = active_rules()
    if not rules or not values:
        return
    touched_codes = {lookups.indicator_by_id[key[1]].code.upper() for key in values}
    rules = [r for r in rules if r.codes & touched_codes]
    if not rules:
        return
    wanted = set().union(*(r.codes for r in rules))
    wanted_ids = [i.pk for code, i in lookups.indicators.items() if code in wanted]
    pairs: dict[tuple, dict] = {}
    origin: dict[tuple, dict] = {}
    stored = DataValue.objects.filter(
        organisation_id__in={k[0] for k in values},
        period_id__in={k[2] for k in values},
        indicator_id__in=wanted_ids,
        breakdown__isnull=True,
    ).values_list("organisation_id", "indicator_id", "period_id", "value", "numerator", "denominator")
    for org_id, indicator_id, period_id, value, numerator, denominator in stored:
        indicator = lookups.indicator_by_id[indicator_id]
        pairs.setdefault((org_id, period_id), {}).update(figures_of(indicator, value, numerator, denominator))
    for (org_id, indicator_id, period_id, breakdown_id), (entry, fields) in values.items():
        indicator = lookups.indicator_by_id[indicator_id]
        if breakdown_id is not None or indicator.code.upper() not in wanted:
            continue
        figures = pairs.setdefault((org_id, period_id), {})
        for part in ("value", "numerator", "denominator"):
            figures.pop((indicator.code.upper(), part), None)
        figures.update(figures_of(indicator, fields.get("value"), fields.get("numerator"), fields.get("denominator")))
        origin.setdefault((org_id, period_id), {})[indicator.code.upper()] = entry
    for pair, entries in origin.items():
        for compiled in rules:
            if not compiled.codes & entries.keys():
                continue
            broken = compiled.broken_by(pairs[pair])
            if broken:
                entry = min((entries[c] for c in compiled.codes if c in entries), key=lambda e: e.row)
                problems.append(Problem(entry.row, entry.column("value"), rule_message(compiled, *broken)))


def _insert_many(model: type[models.Model], columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Rows written straight to the driver (COPY on PostgreSQL, executemany on SQLite). bulk_create builds a model
    instance per row and, on SQLite, splits into statements of under a hundred rows; this is
    the slowest part of a 100.000-row import, so the rows go to the driver as tuples."""
    quote = connection.ops.quote_name
    table, names = quote(model._meta.db_table), ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command, several times faster than INSERTs. It goes
            # to the driver's own cursor, so its errors are turned into Django's by hand.
            with connection.wrap_database_errors, cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", rows)


# Every row written gets its history row (who, when, which import, the value before); only the
# bench turns this off, to print what the audit costs.
WRITE_HISTORY = True


@transaction.atomic
def _write(value_plan: WritePlan, plan_plan: WritePlan, run: ImportRun) -> None:
    for model, (to_create, to_update), names, key_names in (
        (DataValue, value_plan, VALUE_FIELDS, ("organisation_id", "indicator_id", "period_id", "breakdown_id")),
        (PlanTarget, plan_plan, PLAN_FIELDS, ("organisation_id", "indicator_id", "year")),
    ):
        columns = ["import_run_id", *key_names, *names]
        run_id = run.pk
        for start in range(0, len(to_create), BATCH):
            _insert_many(model, columns, [(run_id, *key, *new) for key, new in to_create[start : start + BATCH]])
        stamp = import_stamp(run)
        if to_create and WRITE_HISTORY:
            # Before the updates, the only rows that name this run are the ones it created.
            write_history(model, stamp, "+", "t.import_run_id = %s", [run_id])
        for start in range(0, len(to_update), BATCH):
            batch = to_update[start : start + BATCH]
            pks = [pk for pk, _new in batch]
            if WRITE_HISTORY:
                write_missing_history(model, run, pks)
            update_many(model, [*names, "import_run_id"], [(*new, run_id, pk) for pk, new in batch])
            if WRITE_HISTORY:
                write_history_of(model, stamp, "~", pks)
