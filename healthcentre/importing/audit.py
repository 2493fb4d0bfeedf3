"""The audit trail of imports: every row an import writes gets its django-simple-history row,
naming the import (the historical row's `import_run`, the change reason), the user and the
import's time.

Rows an import writes row by row (django-import-export) are saved with `mark_written_by`;
rows written set-based (the indicator importer) get their historical rows set-based too, with
`write_history` and `write_missing_history`: one INSERT … SELECT from the rows just written,
on PostgreSQL and SQLite alike. `update_many` and `delete_many` are the set-based writes that
go with them, for the importer; `restore_from_history` for undoing an import.

A historical row was written *by* an import when it names the import and carries the import's
time (`written_by_import_q`): a later change typed in the admin keeps the record's
`import_run` but has its own time, so it is never mistaken for the import's.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection
from django.db.models import Model, Q
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.utils import get_history_model_for_model

from ..models import ImportRun

REASON_LENGTH = 100  # django-simple-history's history_change_reason column
IN_LIST = 900  # ids per IN (…): under SQLite's older limit of 999 parameters a statement


def _clipped(reason: str) -> str:
    return reason[:REASON_LENGTH]


def import_reason(run: ImportRun) -> str:
    """The change reason of the rows `run` wrote, in the records' language whatever the user's."""
    with translation.override(settings.LANGUAGE_CODE):
        return _clipped(_("Import #%(number)s: %(file)s") % {"number": run.pk, "file": run.file_name or run.target})


def undo_reason(run: ImportRun) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _clipped(_("Undo of import #%(number)s") % {"number": run.pk})


def unaudited_state_reason(run: ImportRun) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _clipped(_("State before import #%(number)s, written before imports were audited") % {"number": run.pk})


def mark_written_by(instance: Model, run: ImportRun) -> None:
    """Makes the history row that saving `instance` writes name `run`, its user and its time."""
    if not hasattr(instance, "_history_user"):
        instance._history_user = run.user
    instance._history_date = run.started_at
    instance._change_reason = import_reason(run)


def written_by_import_q(run: ImportRun) -> Q:
    """The historical rows `run` itself wrote."""
    return Q(import_run_id=run.pk, history_date=run.started_at)


def importing_run(historical_record) -> ImportRun | None:
    """The import that wrote this historical row; None for a change made any other way."""
    run = historical_record.import_run if historical_record.import_run_id else None
    return run if run is not None and run.started_at == historical_record.history_date else None


@dataclass(frozen=True)
class Stamp:
    """When, by whom and why: what every history row of one write carries."""

    date: datetime
    user: Model | None
    reason: str

    @property
    def user_id(self) -> int | None:
        return self.user.pk if self.user is not None else None


def import_stamp(run: ImportRun) -> Stamp:
    return Stamp(run.started_at, run.user, import_reason(run))


def _in_list(column: str, count: int, alias: str = "t.") -> str:
    return f"{alias}{connection.ops.quote_name(column)} IN ({', '.join(['%s'] * count)})"


def _insert_select(model: type[Model], extra: Sequence[tuple[str, str]], where: str, params: Sequence) -> None:
    """INSERT INTO the historical table SELECT the tracked columns of `model`'s rows matching
    `where` (SQL on the table as `t`), plus the history columns of `extra` (column, SQL)."""
    quote = connection.ops.quote_name
    history = get_history_model_for_model(model)
    columns = [field.column for field in history.tracked_fields]
    targets = ", ".join(quote(name) for name in [*columns, *(name for name, _sql in extra)])
    sources = ", ".join([*(f"t.{quote(name)}" for name in columns), *(sql for _name, sql in extra)])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(history._meta.db_table)} ({targets}) "
            f"SELECT {sources} FROM {quote(model._meta.db_table)} t WHERE {where}",
            params,
        )


def write_history(model: type[Model], stamp: Stamp, history_type: str, where: str, params: Sequence) -> None:
    """One historical row, stamped, per row of `model` matching `where` (SQL on the table as `t`)."""
    extra = [
        ("history_date", "%s"),
        ("history_type", "%s"),
        ("history_user_id", "%s"),
        ("history_change_reason", "%s"),
    ]
    constants = [_db_datetime(stamp.date), history_type, stamp.user_id, stamp.reason]
    _insert_select(model, extra, where, [*constants, *params])


def write_history_of(model: type[Model], stamp: Stamp, history_type: str, pks: Sequence[int]) -> None:
    """`write_history` for the rows whose ids are `pks`."""
    for start in range(0, len(pks), IN_LIST):
        batch = pks[start : start + IN_LIST]
        write_history(model, stamp, history_type, _in_list(model._meta.pk.column, len(batch)), batch)


def write_missing_history(model: type[Model], run: ImportRun, pks: Sequence[int]) -> None:
    """Before `run` changes rows that have no history (written set-based before imports were
    audited), their state as stored, dated and signed by the import that wrote it: the value
    before is then always the historical row before the import's."""
    quote = connection.ops.quote_name
    history_table = quote(get_history_model_for_model(model)._meta.db_table)
    pk = quote(model._meta.pk.column)
    written = f"(SELECT r.{{}} FROM {quote(ImportRun._meta.db_table)} r WHERE r.id = t.{quote('import_run_id')})"
    extra = [
        ("history_date", f"COALESCE({written.format(quote('started_at'))}, %s)"),
        ("history_type", "'~'"),
        ("history_user_id", written.format(quote("user_id"))),
        ("history_change_reason", "%s"),
    ]
    for start in range(0, len(pks), IN_LIST):
        batch = pks[start : start + IN_LIST]
        where = (
            f"{_in_list(model._meta.pk.column, len(batch))} "
            f"AND NOT EXISTS (SELECT 1 FROM {history_table} h WHERE h.{pk} = t.{pk})"
        )
        _insert_select(model, extra, where, [_db_datetime(run.started_at), unaudited_state_reason(run), *batch])


def update_many(model: type[Model], columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """UPDATE … SET `columns` WHERE id, one statement per tuple (the values, then the id),
    sent through the driver at once: Django's bulk_update builds a CASE of every row for every
    column, which at 100.000 rows costs minutes."""
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def restore_from_history(model: type[Model], states: Sequence[tuple[int, int]]) -> None:
    """Puts rows back to a historical state, given as (history_id, id) pairs: the database copies
    its own stored values, so a row comes back exactly as it was."""
    quote = connection.ops.quote_name
    history = get_history_model_for_model(model)
    pk = model._meta.pk.column
    columns = [quote(f.column) for f in history.tracked_fields if f.column != pk]
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET ({', '.join(columns)}) = "
        f"(SELECT {', '.join(columns)} FROM {quote(history._meta.db_table)} WHERE {quote('history_id')} = %s) "
        f"WHERE {quote(pk)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, states)


def delete_many(model: type[Model], pks: Sequence[int]) -> None:
    """DELETE the rows whose ids are `pks`, without Django's per-row delete signals: for rows
    whose history rows are written set-based beforehand."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for start in range(0, len(pks), IN_LIST):
            batch = pks[start : start + IN_LIST]
            where = _in_list(model._meta.pk.column, len(batch), alias="")
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)} WHERE {where}", batch)


def _db_datetime(value: datetime):
    """A datetime as the ORM stores it (naive UTC text on SQLite), for a raw statement."""
    return connection.ops.adapt_datetimefield_value(value)
