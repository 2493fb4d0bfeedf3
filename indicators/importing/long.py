"""The long layout, one figure per row, shaped like DHIS2's data value CSV:

unit_code, indicator_code, period, value, numerator, denominator, qualifier, note
and optionally breakdown_code, derived, stated_change, stated_change_kind.
DHIS2's own headers (orgunit, dataelement, categoryoptioncombo, comment) are read too.
"""

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from healthcentre.importing.columns import map_columns, stray_cell_problem, stray_cells
from healthcentre.importing.opener import ImportFileError, check_row_count, open_spreadsheet
from healthcentre.importing.resources import Problem
from healthcentre.scoping import Viewer
from healthcentre.search import fold
from healthcentre.vocabulary import ParseError, clean_code, clean_text, limits_of, parse_decimal, parse_yes_no

from ..models import ChangeKind, DataValue
from ..periods import PeriodCodeError, parse_period
from .cells import DENOMINATOR, NUMERATOR, VALUE, parse_figure, parse_qualifier
from .core import Entry, Outcome, cyclic_gc_paused, import_entries

COLUMNS = [
    "unit_code",
    "indicator_code",
    "period",
    "breakdown_code",
    "value",
    "numerator",
    "denominator",
    "qualifier",
    "note",
    "derived",
    "stated_change",
    "stated_change_kind",
]
REQUIRED = ("unit_code", "indicator_code", "period")
ALIASES = {
    "orgunit": "unit_code",
    "dataelement": "indicator_code",
    "categoryoptioncombo": "breakdown_code",
    "comment": "note",
}
STATED_CHANGE = limits_of(DataValue._meta.get_field("stated_change"))
NOTE_LENGTH = DataValue._meta.get_field("note").max_length


def read_rows(data: bytes, file_name: str) -> Iterator[list[Any]]:
    """The rows of the file's first sheet, one by one, as the opener hands them out. An xlsx
    row keeps calamine's raw cells ("" for an empty cell, 5.0 for 5): they are cleaned in
    entries_from_rows, once, only in the columns read."""
    return open_spreadsheet(data, file_name).rows(0)


def _text(value: Any) -> Any:
    """A cleaned cell, text without its surrounding spaces (a cell of spaces reads as "")."""
    if type(value) is str:
        return value.strip() if value else None
    return _clean(value)


def _clean(value: Any) -> Any:
    """One cell as read_xlsx_rows gives it: "" is empty, a whole float is an int."""
    if value == "":
        return None
    if type(value) is float and value.is_integer():
        return int(value)
    return value


def _header_key(cell: object) -> str:
    return fold(str(cell if cell is not None else "")).strip()


def _header(cells: Sequence[object], problems: list[Problem]) -> dict[str, int]:
    positions, found = map_columns(cells, COLUMNS, required=REQUIRED, aliases=ALIASES, key=_header_key)
    problems += found
    if positions and "value" not in positions and "numerator" not in positions:
        problems.append(Problem(None, "value", _("The column is missing.")))
    return positions


# Columns that, when all empty in a row, leave only the value to read: the common row.
_OPTIONAL = ("breakdown_code", "numerator", "denominator", "qualifier", "note", "derived", "stated_change")
_EMPTY = frozenset({None, ""})
_NUMBER_TYPES = frozenset({int, float})


def entries_from_rows(rows: Iterable[Sequence[Any]], problems: list[Problem]) -> list[Entry]:
    numbered = ((line, row) for line, row in enumerate(rows, 1) if not _EMPTY.issuperset(row))
    first = next(numbered, None)
    if first is None:
        raise ImportFileError(_("The file has no rows."))
    header = [_clean(v) for v in first[1]]
    positions = _header(header, problems)
    if problems:
        return []
    # A row wider than the header, or a header with a blank among its cells, may hold cells
    # that nothing reads: those rows are checked for them (a plain row costs one comparison).
    header_width, blank_heading = len(header), any(h in _EMPTY for h in header)
    columns = {name: name for name in COLUMNS}
    entries = []
    period_cache: dict[object, str | PeriodCodeError] = {}
    codes: dict[object, str] = {}
    width = max(positions.values()) + 1
    unit_at, indicator_at, period_at = positions["unit_code"], positions["indicator_code"], positions["period"]
    value_at = positions.get("value")
    optional_at = [positions[name] for name in _OPTIONAL if name in positions]
    kind_at = positions.get("stated_change_kind")
    cells: dict[str, Any] | None
    fields: dict[str, Any]
    for line, row in numbered:
        if len(row) > header_width or blank_heading:
            problems += [stray_cell_problem(line, index) for index in stray_cells(header, row)]
        if len(row) < width:
            row = list(row) + [None] * (width - len(row))
        value = row[value_at] if value_at is not None else None
        plain = (
            type(value) in _NUMBER_TYPES
            and _EMPTY.issuperset([row[i] for i in optional_at])
            and (kind_at is None or str(row[kind_at] or "").strip() == "")
        )
        if plain:
            cells = None
            unit, indicator, period = (_text(row[unit_at]), _text(row[indicator_at]), _text(row[period_at]))
        else:
            cells = {name: _text(row[index]) for name, index in positions.items()}
            unit, indicator, period = cells.get("unit_code"), cells.get("indicator_code"), cells.get("period")
        # A file names its few hundred units and indicators again on every row.
        unit = codes.get(unit) or _code(line, "unit_code", unit, problems, codes)
        indicator = codes.get(indicator) or _code(line, "indicator_code", indicator, problems, codes)
        if period in (None, ""):
            problems.append(Problem(line, "period", _("This cell is required.")))
        if period not in (None, ""):
            if period not in period_cache:
                try:
                    period_cache[period] = parse_period(period).code
                except PeriodCodeError as exc:
                    period_cache[period] = exc
            if isinstance(period_cache[period], PeriodCodeError):
                problems.append(Problem(line, "period", str(period_cache[period])))
        if plain:
            # A plain number and nothing else: what _read_fields would make of it, without its
            # per-cell parsing (a 100.000-row file is mostly such rows).
            fields = {
                "note": "",
                "value": _plain_value(line, _clean(value), problems),
                "numerator": None,
                "denominator": None,
                "qualifier": "",
                "is_derived": False,
                "stated_change": None,
                "stated_change_kind": "",
            }
            breakdown = ""
        else:
            assert cells is not None  # read above, for a row that is not plain
            fields = _read_fields(line, cells, problems)
            breakdown = _code(line, "breakdown_code", cells.get("breakdown_code"), problems, required=False)
        resolved = period_cache.get(period)
        entries.append(
            Entry(
                row=line,
                columns=columns,
                unit_code=str(unit or ""),
                indicator_code=str(indicator or ""),
                period=resolved if isinstance(resolved, str) else "",
                breakdown_code=breakdown,
                fields=fields,
            )
        )
    if not entries and not problems:
        raise ImportFileError(_("The file has a header row but no data rows."))
    check_row_count(len(entries))
    return entries


def _code(
    line: int,
    name: str,
    value: object,
    problems: list[Problem],
    known: dict[object, str] | None = None,
    required: bool = True,
) -> str:
    """A code cell as the vocabulary cleans it; "" with a problem when it is missing or holds
    an invisible character. A clean code is remembered in `known`, by the cell that held it."""
    try:
        code = clean_code(value)
    except ParseError as exc:
        problems.append(Problem(line, name, str(exc)))
        return ""
    if required and code == "":
        problems.append(Problem(line, name, _("This cell is required.")))
    elif known is not None:
        known[value] = code
    return code


def _plain_value(line: int, value: object, problems: list[Problem]) -> Decimal | None:
    """A number cell alone in its row; a NaN, an infinity or a number too large for the column
    is a problem on the row, as in any other row."""
    try:
        return parse_decimal(value, VALUE)
    except ParseError as exc:
        problems.append(Problem(line, "value", str(exc)))
        return None


def _read_fields(line: int, cells: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """Every figure column of one row, parsed, with a problem for each unreadable cell."""
    get = cells.get
    fields: dict[str, Any]
    try:
        fields = {"note": clean_text(get("note"), NOTE_LENGTH)}
    except ParseError as exc:
        problems.append(Problem(line, "note", str(exc)))
        fields = {"note": ""}
    try:
        qualifier, fields["value"], numerator, denominator = parse_figure(get("value"))
    except ParseError as exc:
        problems.append(Problem(line, "value", str(exc)))
        fields["value"], fields["unreadable"] = None, {"value"}
        qualifier, numerator, denominator = "", None, None
    for name, parsed, limits in (("numerator", numerator, NUMERATOR), ("denominator", denominator, DENOMINATOR)):
        written = get(name)
        try:
            fields[name] = parsed if written is None else parse_decimal(written, limits)
        except ParseError as exc:
            problems.append(Problem(line, name, str(exc)))
            fields[name] = None
            fields.setdefault("unreadable", set()).add(name)
    written = get("qualifier")
    try:
        fields["qualifier"] = qualifier if written in (None, "") else parse_qualifier(written)
    except ParseError as exc:
        problems.append(Problem(line, "qualifier", str(exc)))
    try:
        fields["is_derived"] = parse_yes_no(get("derived"))
    except ParseError as exc:
        problems.append(Problem(line, "derived", str(exc)))
    written = get("stated_change")
    try:
        fields["stated_change"] = None if written is None else parse_decimal(written, STATED_CHANGE)
    except ParseError as exc:
        problems.append(Problem(line, "stated_change", str(exc)))
    kind = str(get("stated_change_kind") or "").strip()
    if kind and kind not in ChangeKind.values:
        problems.append(
            Problem(
                line,
                "stated_change_kind",
                _("“%(value)s” is not one of: %(allowed)s.") % {"value": kind, "allowed": ", ".join(ChangeKind.values)},
            )
        )
    fields["stated_change_kind"] = kind
    return fields


# The last file read: preview and confirm read the same upload, so the confirm reuses the
# preview's reading instead of reading 100.000 rows again. Keyed by the bytes' own SHA-256
# (and the language of the messages); one clean file at most, dropped once confirmed. Another
# worker process simply reads the file again.
_last_read: dict[tuple, tuple[list[Entry], list[Problem]]] = {}


def _entries(data: bytes, file_name: str, dry_run: bool) -> tuple[list[Entry], list[Problem]]:
    key = (hashlib.sha256(data).hexdigest(), file_name.lower().endswith(".csv"), get_language())
    found = _last_read.get(key) if dry_run else _last_read.pop(key, None)
    if found is None:
        problems: list[Problem] = []
        found = entries_from_rows(read_rows(data, file_name), problems), problems
        _last_read.clear()
        if dry_run and not problems:
            _last_read[key] = found
    return found


def import_long(
    data: bytes, *, file_name: str, user: Viewer | None = None, dry_run: bool, file_sha256: str = ""
) -> Outcome:
    """Read a long-layout file and import it (see core.import_entries)."""
    with cyclic_gc_paused():
        entries, problems = _entries(data, file_name, dry_run)
        return import_entries(
            entries,
            user=user,
            dry_run=dry_run,
            file_name=file_name,
            file_sha256=file_sha256,
            problems=problems,
        )
