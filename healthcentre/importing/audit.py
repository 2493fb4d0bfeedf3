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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Model, Q
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.utils import get_history_model_for_model

from ..models import ImportRun

REASON_LENGTH = 100  # django-simple-history's history_change_reason column
IN_LIST = 900  # ids per IN (…): under SQLite's older limit of 999 parameters a statement
# What django-simple-history reads off an instance for the history row its save writes.
HISTORY_USER, HISTORY_DATE, CHANGE_REASON = "_history_user", "_history_date", "_change_reason"


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
    if not hasattr(instance, HISTORY_USER):
        setattr(instance, HISTORY_USER, run.user)
    setattr(instance, HISTORY_DATE, run.started_at)
    setattr(instance, CHANGE_REASON, import_reason(run))


def written_by_import_q(run: ImportRun) -> Q:
    """The historical rows `run` itself wrote."""
    return Q(import_run_id=run.pk, history_date=run.started_at)


def importing_run(historical_record: Any) -> ImportRun | None:
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


def _id_batches(column: str, pks: Sequence[int], alias: str = "t.") -> Iterator[tuple[str, list[Any]]]:
    """(SQL condition, parameters) selecting the rows whose `column` is in `pks`: on PostgreSQL
    one array for them all (one statement, one plan), on SQLite lists of IN_LIST ids."""
    name = f"{alias}{connection.ops.quote_name(column)}"
    if connection.vendor == "postgresql":
        if pks:
            yield f"{name} = ANY(%s)", [list(pks)]
        return
    for start in range(0, len(pks), IN_LIST):
        batch = list(pks[start : start + IN_LIST])
        yield f"{name} IN ({', '.join(['%s'] * len(batch))})", batch


def _pk_column(model: type[Model]) -> str:
    """The column of `model`'s primary key (a concrete field's column is never None)."""
    column = model._meta.pk.column
    assert column is not None
    return column


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
    for where, params in _id_batches(_pk_column(model), pks):
        write_history(model, stamp, history_type, where, params)


def write_missing_history(model: type[Model], run: ImportRun, pks: Sequence[int]) -> None:
    """Before `run` changes rows that have no history (written set-based before imports were
    audited), their state as stored, dated and signed by the import that wrote it: the value
    before is then always the historical row before the import's."""
    quote = connection.ops.quote_name
    history_table = quote(get_history_model_for_model(model)._meta.db_table)
    pk = quote(_pk_column(model))
    written = f"(SELECT r.{{}} FROM {quote(ImportRun._meta.db_table)} r WHERE r.id = t.{quote('import_run_id')})"
    extra = [
        ("history_date", f"COALESCE({written.format(quote('started_at'))}, %s)"),
        ("history_type", "'~'"),
        ("history_user_id", written.format(quote("user_id"))),
        ("history_change_reason", "%s"),
    ]
    for ids, params in _id_batches(_pk_column(model), pks):
        where = f"{ids} AND NOT EXISTS (SELECT 1 FROM {history_table} h WHERE h.{pk} = t.{pk})"
        _insert_select(model, extra, where, [_db_datetime(run.started_at), unaudited_state_reason(run), *params])


def update_many(model: type[Model], columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """UPDATE … SET `columns` for each row given as a tuple (the values, then the id). Django's
    bulk_update builds a CASE of every row for every column, which at 100.000 rows costs
    minutes; here PostgreSQL gets one statement over arrays of the values, SQLite (in process,
    no round trips) one statement per row."""
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), _pk_column(model)
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            types = {field.column: field.db_type(connection) for field in model._meta.concrete_fields}
            names = [*columns, pk]
            arrays = ", ".join(f"unnest(%s::{types[name]}[]) AS {quote(name)}" for name in names)
            assignments = ", ".join(f"{quote(name)} = v.{quote(name)}" for name in columns)
            key = quote(pk)
            cursor.execute(
                f"UPDATE {table} AS t SET {assignments} FROM (SELECT {arrays}) AS v WHERE t.{key} = v.{key}",
                [list(values) for values in zip(*rows, strict=True)],
            )
        else:
            assignments = ", ".join(f"{quote(name)} = %s" for name in columns)
            cursor.executemany(f"UPDATE {table} SET {assignments} WHERE {quote(pk)} = %s", rows)


def restore_from_history(model: type[Model], history_ids: Sequence[int]) -> None:
    """Puts rows back to the historical states `history_ids`: the database copies its own
    stored values, so a row comes back exactly as it was."""
    quote = connection.ops.quote_name
    history = get_history_model_for_model(model)
    table, history_table = quote(model._meta.db_table), quote(history._meta.db_table)
    pk = _pk_column(model)
    columns = [quote(f.column) for f in history.tracked_fields if f.column != pk]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            assignments = ", ".join(f"{column} = h.{column}" for column in columns)
            cursor.execute(
                f"UPDATE {table} AS t SET {assignments} FROM {history_table} AS h "
                f"WHERE h.{quote('history_id')} = ANY(%s) AND t.{quote(pk)} = h.{quote(pk)}",
                [list(history_ids)],
            )
        else:
            cursor.executemany(
                f"UPDATE {table} SET ({', '.join(columns)}) = (SELECT {', '.join(columns)} FROM {history_table} h "
                f"WHERE h.{quote('history_id')} = %s) WHERE {quote(pk)} = "
                f"(SELECT h.{quote(pk)} FROM {history_table} h WHERE h.{quote('history_id')} = %s)",
                [(history_id, history_id) for history_id in history_ids],
            )


def delete_many(model: type[Model], pks: Sequence[int]) -> None:
    """DELETE the rows whose ids are `pks`, without Django's per-row delete signals: for rows
    whose history rows are written set-based beforehand."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        for where, params in _id_batches(_pk_column(model), pks, alias=""):
            cursor.execute(f"DELETE FROM {table} WHERE {where}", params)


def _db_datetime(value: datetime) -> Any:
    """A datetime as the ORM stores it (naive UTC text on SQLite), for a raw statement."""
    return connection.ops.adapt_datetimefield_value(value)
