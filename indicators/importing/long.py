"""The long layout, one figure per row, shaped like DHIS2's data value CSV:

unit_code, indicator_code, period, value, numerator, denominator, qualifier, note
and optionally breakdown_code, derived, stated_change, stated_change_kind.
DHIS2's own headers (orgunit, dataelement, categoryoptioncombo, comment) are read too.
"""

from django.utils.translation import gettext as _

from healthcentre.importing.formats import ImportFileError, check_row_count, read_csv_rows, read_xlsx_rows
from healthcentre.importing.parsing import ParseError, parse_decimal
from healthcentre.importing.resources import Problem
from healthcentre.search import fold

from ..models import ChangeKind
from ..periods import PeriodCodeError, parse_period
from .cells import parse_figure, parse_qualifier
from .core import Entry, import_entries

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
YES = {"1", "x", "co", "yes", "true", "derived", "suy ra"}


def read_rows(data: bytes, file_name: str) -> list[list]:
    if file_name.lower().endswith(".csv"):
        return read_csv_rows(data)
    return read_xlsx_rows(data)


def _header(cells, problems) -> dict[str, int]:
    positions = {}
    for index, cell in enumerate(cells):
        name = ALIASES.get(fold(str(cell or "")).strip(), fold(str(cell or "")).strip())
        if not name:
            continue
        if name not in COLUMNS:
            problems.append(
                Problem(
                    None,
                    str(cell),
                    _("Unknown column. The columns are: %(columns)s.") % {"columns": ", ".join(COLUMNS)},
                )
            )
        else:
            positions[name] = index
    for name in REQUIRED:
        if name not in positions:
            problems.append(Problem(None, name, _("The column is missing.")))
    if "value" not in positions and "numerator" not in positions:
        problems.append(Problem(None, "value", _("The column is missing.")))
    return positions


def entries_from_rows(rows: list[list], problems: list[Problem]) -> list[Entry]:
    numbered = ((line, row) for line, row in enumerate(rows, 1) if any(v not in (None, "") for v in row))
    first = next(numbered, None)
    if first is None:
        raise ImportFileError(_("The file has no rows."))
    positions = _header(first[1], problems)
    if problems:
        return []
    columns = {name: name for name in COLUMNS}
    entries = []
    period_cache: dict = {}

    width = max(positions.values()) + 1

    for line, row in numbered:
        if len(row) < width:
            row = list(row) + [None] * (width - len(row))
        cells = {
            name: (row[index].strip() if isinstance(row[index], str) else row[index])
            for name, index in positions.items()
        }
        get = cells.get
        fields = {"note": str(get("note") or "")[:500]}
        unit, indicator, period = get("unit_code"), get("indicator_code"), get("period")
        for name, value in (("unit_code", unit), ("indicator_code", indicator), ("period", period)):
            if value in (None, ""):
                problems.append(Problem(line, name, _("This cell is required.")))
        if period not in (None, ""):
            if period not in period_cache:
                try:
                    period_cache[period] = parse_period(period).code
                except PeriodCodeError as exc:
                    period_cache[period] = exc
            if isinstance(period_cache[period], PeriodCodeError):
                problems.append(Problem(line, "period", str(period_cache[period])))
        try:
            qualifier, fields["value"], numerator, denominator = parse_figure(get("value"))
        except ParseError as exc:
            problems.append(Problem(line, "value", str(exc)))
            fields["value"], fields["unreadable"] = None, {"value"}
            qualifier, numerator, denominator = "", None, None
        for name, parsed in (("numerator", numerator), ("denominator", denominator)):
            written = get(name)
            try:
                fields[name] = parsed if written is None else parse_decimal(written)
            except ParseError as exc:
                problems.append(Problem(line, name, str(exc)))
                fields[name] = None
                fields.setdefault("unreadable", set()).add(name)
        written = get("qualifier")
        try:
            fields["qualifier"] = qualifier if written in (None, "") else parse_qualifier(written)
        except ParseError as exc:
            problems.append(Problem(line, "qualifier", str(exc)))
        written = get("derived")
        fields["is_derived"] = written is not None and fold(str(written)).strip() in YES
        written = get("stated_change")
        try:
            fields["stated_change"] = None if written is None else parse_decimal(written)
        except ParseError as exc:
            problems.append(Problem(line, "stated_change", str(exc)))
        kind = str(get("stated_change_kind") or "").strip()
        if kind and kind not in ChangeKind.values:
            problems.append(
                Problem(
                    line,
                    "stated_change_kind",
                    _("“%(value)s” is not one of: %(allowed)s.")
                    % {"value": kind, "allowed": ", ".join(ChangeKind.values)},
                )
            )
        fields["stated_change_kind"] = kind
        resolved = period_cache.get(period)
        entries.append(
            Entry(
                row=line,
                columns=columns,
                unit_code=str(unit or ""),
                indicator_code=str(indicator or ""),
                period=resolved if isinstance(resolved, str) else "",
                breakdown_code=str(get("breakdown_code") or ""),
                fields=fields,
            )
        )
    check_row_count(len(entries))
    return entries


def import_long(data: bytes, *, file_name: str, user=None, dry_run: bool, file_sha256: str = ""):
    """Read a long-layout file and import it (see core.import_entries)."""
    problems: list[Problem] = []
    entries = entries_from_rows(read_rows(data, file_name), problems)
    return import_entries(
        entries,
        user=user,
        dry_run=dry_run,
        file_name=file_name,
        file_sha256=file_sha256,
        target=str(_("indicator values")),
        problems=problems,
    )
