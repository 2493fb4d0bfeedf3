"""Undoing an import from the import log.

What an import did is read back from the history rows it wrote (`audit.written_by_import_q`):
a record whose first row of the import is "+" was created by it and is deleted; one whose
first row is "~" was changed by it and is put back to its history row before the import.
All of it in one transaction, audited (history rows whose reason names the undone import),
and refused with nothing written when:

- a record changed after the import: it has a later history row not from the import, and is
  not as the import left it (undoing would lose that change; a later import that was itself
  undone loses nothing);
- the state before the import is not recorded (rows written before imports were audited);
- the user is neither the import's user nor a superuser, lacks the change permission on the
  records, or a record (as it is now, or as it would be put back) lies outside their units;
- deleting a record the import created would delete or orphan records made since.

Records that nothing points to and that Django saves and deletes as it is (indicator values
and plans, written 100.000 at a time) are put back and deleted set-based, with their history
rows; every other record through its own save() and delete(), so that a unit's tree path and
a person's code stay right.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models, router, transaction
from django.db.models import Max, OuterRef, Subquery
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from simple_history.utils import get_history_model_for_model

from ..models import ImportedRecord, ImportRun
from ..scoping import scope_q
from .audit import (
    CHANGE_REASON,
    HISTORY_DATE,
    HISTORY_USER,
    Stamp,
    delete_many,
    restore_from_history,
    undo_reason,
    write_history_of,
    written_by_import_q,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SHOWN = 10  # records named in a refusal
CHUNK = 2000  # records read into memory at a time


class UndoRefused(Exception):
    """The import cannot be undone; the message says why, in the user's language."""


@dataclass
class UndoOutcome:
    deleted: int = 0
    restored: int = 0


@dataclass
class RunRows:
    """What one import did to the records of one model, as their history tells it."""

    model: type[models.Model]
    created: list[int] = field(default_factory=list)
    previous: dict[int, int | None] = field(default_factory=dict)  # changed record → its history row before
    last_own: dict[int, int] = field(default_factory=dict)  # record → the import's last history row of it

    @property
    def history(self) -> type[Any]:
        return get_history_model_for_model(self.model)

    def __bool__(self) -> bool:
        return bool(self.last_own)


def may_undo(run: ImportRun, user: "User") -> bool:
    """Whether the import log offers `user` to undo `run` (the records are checked on undoing)."""
    return run.status == ImportRun.Status.COMMITTED and (user.is_superuser or run.user_id == user.pk)


def undo_import(run: ImportRun, user: "User") -> UndoOutcome:
    """Puts every record `run` created or changed back as it was before; raises UndoRefused."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        _refuse_unless_undoable(run, user)
        touched = [rows for rows in (_rows_of(model, run) for model in audited_models()) if rows]
        if not touched:
            raise UndoRefused(_nothing_known(run))
        for rows in touched:
            _refuse_unless_allowed(rows, run, user)
            _refuse_later_changes(rows, run)
            _refuse_unknown_states(rows)
        stamp = Stamp(timezone.now(), user, undo_reason(run))
        outcome = UndoOutcome()
        for rows in touched:
            outcome.restored += _restore(rows, stamp)
        for rows in touched:
            outcome.deleted += _delete_created(rows, stamp)
        run.status, run.undone_by, run.undone_at = ImportRun.Status.UNDONE, user, stamp.date
        run.save(update_fields=["status", "undone_by", "undone_at"])
    return outcome


def audited_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models() if issubclass(model, ImportedRecord)]


def _refuse_unless_undoable(run: ImportRun, user: "User") -> None:
    if run.status == ImportRun.Status.UNDONE:
        raise UndoRefused(_("This import has already been undone."))
    if run.status != ImportRun.Status.COMMITTED:
        raise UndoRefused(_("Only a committed import can be undone; this one wrote nothing."))
    if not (user.is_superuser or run.user_id == user.pk):
        raise UndoRefused(_("Only the user who imported the file, or a superuser, may undo an import."))


def _nothing_known(run: ImportRun) -> str:
    if run.rows_created or run.rows_updated:
        return _(
            "This import cannot be undone: it was written before imports were audited, so what it changed is not known."
        )
    return _("This import changed nothing: there is nothing to undo.")


def _own_rows(model: type[models.Model], run: ImportRun) -> models.QuerySet:
    return get_history_model_for_model(model).objects.filter(written_by_import_q(run))


def _with_row_before(model: type[models.Model], run: ImportRun) -> models.QuerySet:
    """The import's history rows, each with the history row of the same record just before it."""
    history = get_history_model_for_model(model)
    # MAX, not ORDER BY … LIMIT 1: PostgreSQL would walk the whole primary key backwards for each row.
    before = (
        history.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        .order_by()
        .values("id")
        .annotate(before=Max("history_id"))
        .values("before")
    )
    return _own_rows(model, run).annotate(before=Subquery(before))


def _rows_of(model: type[models.Model], run: ImportRun) -> RunRows:
    rows = RunRows(model)
    own = _with_row_before(model, run).order_by("history_id")
    for record_id, history_id, history_type, before in own.values_list("id", "history_id", "history_type", "before"):
        # A record the import wrote twice (given twice in a file) counts by its first row.
        if record_id not in rows.last_own:
            if history_type == "+":
                rows.created.append(record_id)
            else:
                rows.previous[record_id] = before
        rows.last_own[record_id] = history_id
    return rows


def _kind(model: type[models.Model]) -> str:
    return str(model._meta.verbose_name)


def _numbered(model: type[models.Model], pk: int) -> str:
    return _("%(kind)s no. %(id)s") % {"kind": _kind(model), "id": pk}


def _listed(descriptions: list[str], total: int) -> str:
    text = "; ".join(descriptions[:SHOWN])
    if total > SHOWN:
        text += " " + _("… and %(count)s more") % {"count": total - SHOWN}
    return text


def _refuse_unless_allowed(rows: RunRows, run: ImportRun, user: "User") -> None:
    opts = rows.model._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        raise UndoRefused(
            _("You may not change %(kind)s, so you may not undo this import.") % {"kind": _kind(rows.model)}
        )
    if user.is_superuser:
        return
    units = scope_q(rows.model, user)
    own_ids = _own_rows(rows.model, run).values("id")
    now_outside = rows.model._base_manager.filter(pk__in=own_ids).exclude(units).values_list("pk", flat=True)
    earlier = _with_row_before(rows.model, run).values("before")
    earlier_outside = rows.history.objects.filter(history_id__in=earlier).exclude(units).values_list("id", flat=True)
    found = list(dict.fromkeys([*now_outside[: SHOWN + 1], *earlier_outside[: SHOWN + 1]]))
    if found:
        raise UndoRefused(
            _("This import cannot be undone by you: these records lie outside your units: %(rows)s.")
            % {"rows": _listed([_numbered(rows.model, pk) for pk in found], len(found))}
        )


def _refuse_later_changes(rows: RunRows, run: ImportRun) -> None:
    history = rows.history
    latest = (
        history.objects.filter(id__in=_own_rows(rows.model, run).values("id"))
        .order_by()
        .values("id")
        .annotate(latest=Max("history_id"))
        .values_list("id", "latest")
    )
    moved_on = {pk: latest_id for pk, latest_id in latest if latest_id != rows.last_own[pk]}
    lost = _changed_since(rows, moved_on)
    if lost:
        shown = history.objects.filter(history_id__in=[moved_on[pk] for pk in lost[:SHOWN]]).select_related(
            "history_user"
        )
        raise UndoRefused(
            _(
                "This import cannot be undone: these records were changed after it, and undoing it "
                "would lose those changes: %(rows)s."
            )
            % {"rows": _listed([_later_change(rows.model, record) for record in shown], len(lost))}
        )


def _changed_since(rows: RunRows, moved_on: dict[int, int]) -> list[int]:
    """The records whose latest history row is not as the import left them (a later import that
    was undone has put them back: nothing would be lost)."""
    tracked = ["history_type", *(f.attname for f in rows.history.tracked_fields)]
    pks, lost = list(moved_on), []
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        wanted = [moved_on[pk] for pk in chunk] + [rows.last_own[pk] for pk in chunk]
        states = {
            values[0]: values[1:]
            for values in rows.history.objects.filter(history_id__in=wanted).values_list("history_id", *tracked)
        }
        for pk in chunk:
            latest, left = states[moved_on[pk]], states[rows.last_own[pk]]
            if latest[0] == "-" or latest[1:] != left[1:]:
                lost.append(pk)
    return lost


def _later_change(model: type[models.Model], record: Any) -> str:
    return _("%(record)s, changed on %(date)s by %(user)s") % {
        "record": _numbered(model, record.id),
        "date": date_format(localtime(record.history_date), "d/m/Y H:i"),
        "user": record.history_user or _("an import or the system"),
    }


def _refuse_unknown_states(rows: RunRows) -> None:
    unknown = [pk for pk, previous in rows.previous.items() if previous is None]
    if unknown:
        raise UndoRefused(
            _("This import cannot be undone: the state before it is not recorded for: %(rows)s.")
            % {"rows": _listed([_numbered(rows.model, pk) for pk in unknown], len(unknown))}
        )


def _stands_alone(model: type[models.Model]) -> bool:
    """Nothing points to its records and Django saves and deletes them as it is: writing them
    set-based does what saving or deleting each would."""
    return (
        not model._meta.related_objects
        and not model._meta.many_to_many
        and model.save is models.Model.save
        and model.delete is models.Model.delete
    )


def _mark(instance: models.Model, stamp: Stamp) -> None:
    setattr(instance, HISTORY_USER, stamp.user)
    setattr(instance, HISTORY_DATE, stamp.date)
    setattr(instance, CHANGE_REASON, stamp.reason)


def _chunks[T](items: list[T], size: int = CHUNK) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _restore(rows: RunRows, stamp: Stamp) -> int:
    model, history = rows.model, rows.history
    known = [history_id for history_id in rows.previous.values() if history_id is not None]  # unknown: refused
    for history_ids in _chunks(known):
        states = history.objects.filter(history_id__in=history_ids)
        if _stands_alone(model):
            restore_from_history(model, history_ids)
            write_history_of(model, stamp, "~", list(states.values_list("id", flat=True)))
        else:
            for record in states:
                instance = record.instance
                _mark(instance, stamp)
                instance.save()
    return len(rows.previous)


def _delete_created(rows: RunRows, stamp: Stamp) -> int:
    if not rows.created:
        return 0
    if _stands_alone(rows.model):
        for pks in _chunks(rows.created):
            write_history_of(rows.model, stamp, "-", pks)
            delete_many(rows.model, pks)
    else:
        _delete_one_by_one(rows, stamp)
    return len(rows.created)


def _delete_one_by_one(rows: RunRows, stamp: Stamp) -> None:
    """Through Django's collector, refused if it would take or find in its way a record the
    import did not create."""
    model = rows.model
    queryset = model._base_manager.filter(pk__in=rows.created)
    created = list(queryset)
    collector = Collector(using=router.db_for_write(model), origin=queryset)
    try:
        collector.collect(created)
    except (ProtectedError, RestrictedError) as exc:
        blocking = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        _refuse_dependents(list(blocking))
    own = set(rows.created)
    others = [
        record
        for related, records in collector.data.items()
        for record in records
        if not (related is model and record.pk in own)
    ]
    if others:
        _refuse_dependents(others)
    for records in collector.data.values():
        for record in records:
            _mark(record, stamp)
    collector.delete()


def _refuse_dependents(records: list[models.Model]) -> None:
    raise UndoRefused(
        _("This import cannot be undone: these records depend on records it created: %(rows)s.")
        % {"rows": _listed([f"{_kind(type(r))} “{r}”" for r in records], len(records))}
    )
