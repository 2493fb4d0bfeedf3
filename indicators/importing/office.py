"""An office's own results table, read through a mapping the user confirms once.

The platform finds the table (healthcentre.importing.tables); here each column is given a role
(the annual plan, the result of the period, the same period last year, the stated change) and
each row an indicator. The system suggests both, from the headings and the indicator names,
and never takes a suggestion the user has not seen: a sheet is imported only through a mapping
the user confirmed, which is kept as a named layout and reused when a file of the same shape
comes again. The figures go through the same checks and writer as every other indicator import.
"""

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from healthcentre.importing.formats import rows_to_cells
from healthcentre.importing.opener import CsvFile, ImportFileError, Workbook
from healthcentre.importing.resources import Problem
from healthcentre.importing.tables import (
    PART,
    BodyRow,
    MergedRange,
    SheetTable,
    folded,
    header_key,
    read_table,
    unit_named_in,
)
from healthcentre.models import SheetLayout
from healthcentre.scoping import Viewer
from healthcentre.search import fold
from healthcentre.vocabulary import ParseError, format_number, limits_of, parse_decimal, shown

from ..models import ChangeKind, DataValue, Indicator, IndicatorKind
from ..periods import label_of, parse_period, period_in_title, same_period_last_year
from ..presentation import figure_text
from .cells import VALUE, parse_figure
from .core import Entry, Outcome, cyclic_gc_paused, import_entries

T = TypeVar("T")
PERCENT = limits_of(DataValue._meta.get_field("published_plan_percent"))
IGNORE, PLAN, RESULT, LAST_YEAR, CHANGE, PUBLISHED = "", "plan", "result", "last_year", "change", "published"
ROLES = [
    (IGNORE, gettext_lazy("not imported")),
    (PLAN, gettext_lazy("annual plan")),
    (RESULT, gettext_lazy("result of the period")),
    (LAST_YEAR, gettext_lazy("same period last year")),
    (CHANGE, gettext_lazy("stated change against last year")),
    (PUBLISHED, gettext_lazy("% of plan as published")),
]
SKIP_ROW = "-"
"""The row is not an indicator (a heading the table finder took for one, a note)."""

SUGGESTION_CUTOFF = 0.75
_CHANGE = re.compile(r"^(?P<word>tang|giam)?\s*(?P<number>[+-]?[0-9.,]+)?\s*(?P<kind>%|diem\s*%?|diem\s*phan\s*tram)?$")


@dataclass
class Mapping:
    """What the user confirmed for a sheet: its unit and period, the role of each column (by
    its letter: a layout is recognised by the headings in their order, so its letters hold)
    and the indicator of each row (by `BodyRow.key`)."""

    unit_code: str
    period: str
    columns: dict[str, str] = field(default_factory=dict)
    rows: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"columns": self.columns, "rows": self.rows, "unit_code": self.unit_code}

    @classmethod
    def of_layout(cls, layout: SheetLayout, unit_code: str, period: str) -> "Mapping":
        """A saved layout's mapping, as far as it makes sense: an edited layout whose columns
        or rows are not texts reads as unmapped, and the mapping step asks again."""
        saved = layout.mapping if isinstance(layout.mapping, dict) else {}
        roles = {role for role, _label in ROLES}

        def texts(part: object, allowed: set[str] | None = None) -> dict[str, str]:
            items = part.items() if isinstance(part, dict) else []
            return {str(k): v for k, v in items if isinstance(v, str) and (allowed is None or v in allowed)}

        return cls(unit_code, period, texts(saved.get("columns"), roles), texts(saved.get("rows")))

    def row_of(self, row: BodyRow) -> str | None:
        return self.rows.get(row.key)


def suggested_role(heading: str, period: str) -> str:
    """The role a heading most likely names: "Kế hoạch năm 2025" the plan, "Thực hiện 9 tháng
    2025" the result, "… 2024" or "cùng kỳ" last year's, "so sánh", "tăng/giảm" the change."""
    key = header_key(heading)
    years = [int(year) for year in re.findall(r"[0-9]{4}", heading)]
    year = parse_period(period).year if period else None
    if "ke hoach" in key or (key.endswith("kh") and "%" not in key):
        return PLAN
    if "%" in key or "ty le dat" in key or "dat % kh" in key:
        return PUBLISHED
    if "so sanh" in key or "tang" in key or "giam" in key or "chenh" in key:
        return CHANGE
    if "cung ky" in key or (year and years and years[-1] == year - 1):
        return LAST_YEAR
    if "thuc hien" in key or "ket qua" in key or (year and years and years[-1] == year):
        return RESULT
    return IGNORE


def suggested_indicator(label: str, indicators: list[Indicator]) -> str:
    """The code of the indicator a row label names, or "" when none is close enough: the same
    name accent- and case-free, a name that holds the other, or one a slip or two away."""
    key = folded(label)
    if not key:
        return ""
    names = {folded(indicator.name): indicator.code for indicator in indicators}
    codes = {folded(indicator.code): indicator.code for indicator in indicators}
    if key in names or key in codes:
        return names.get(key) or codes[key]
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=SUGGESTION_CUTOFF)
    if close:
        return names[close[0]]
    holding = [name for name in names if len(name) > 8 and (name in key or key in name)]
    return names[max(holding, key=len)] if holding else ""


def parse_change(value: object) -> tuple[Decimal | None, str, str]:
    """(figure, kind, note) of a stated change: "tăng 12,5%" → 12,5 in per cent; "giảm 8,25%"
    → −8,25; "giảm" alone is a direction with no figure, kept as a note, never a zero."""
    if value is None or value == "":
        return None, "", ""
    if isinstance(value, int | float):
        return parse_decimal(value, VALUE), ChangeKind.ABSOLUTE, ""
    text = " ".join(str(value).split())
    match = _CHANGE.match((fold(text) or "").replace("\u2212", "-").replace("\u2013", "-"))
    if not match:
        raise ParseError(_("“%(value)s” is not a change. Write tăng 12,5%%, giảm 3 or −2,1 điểm %%.") % {"value": text})
    if match["number"] is None:
        if match["word"] is None:
            raise ParseError(_("“%(value)s” is not a change.") % {"value": text})
        return None, "", _("Change against last year: %(direction)s") % {"direction": text}
    number = parse_decimal(match["number"], VALUE)
    assert number is not None
    if match["word"] == "giam":
        number = -abs(number)
    kind_text = match["kind"] or ""
    kind = (
        ChangeKind.PERCENTAGE_POINTS
        if kind_text.startswith("diem")
        else ChangeKind.GROWTH_PERCENT
        if kind_text
        else ChangeKind.ABSOLUTE
    )
    return number, kind, ""


def parse_percent(value: object) -> Decimal | None:
    """A printed % of plan, "76,9%" or 76,9: the figure as written, in per cent."""
    if isinstance(value, int | float):
        return parse_decimal(value, PERCENT)
    return parse_decimal(str(value).strip().removesuffix("%").strip(), PERCENT)


def shown_cell(value: object) -> str:
    """A cell as the sheet shows it: a number with Vietnamese marks, a text as typed."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(Decimal(str(value)), None)
    return shown(value)


def change_text(change: Decimal | None, kind: str, note: str) -> str:
    if change is None:
        return note
    sign = "+" if change > 0 else ""
    units: dict[str, str] = {ChangeKind.GROWTH_PERCENT: "%", ChangeKind.PERCENTAGE_POINTS: " " + _("points")}
    unit = units.get(kind, "")
    return f"{sign}{format_number(change, None)}{unit}"


@dataclass
class Meaning:
    """What one cell of the sheet will be stored as, for the preview."""

    unit: str
    cell: str
    label: str
    indicator: str
    period: str
    role: str
    shown: str
    """The cell as the sheet writes it."""
    read: str = ""
    """What the system reads in it: "hơn 3.400", "93% (279/300)", "+15,3%"."""
    fields: dict[str, Any] = field(default_factory=dict)


def entries_from_table(
    table: SheetTable,
    mapping: Mapping,
    problems: list[Problem],
    meanings: list[Meaning] | None = None,
    ratios: frozenset[str] = frozenset(),
    unit_code: str = "",
) -> list[Entry]:
    """The figures of the mapped rows and columns; a cell that does not read is a problem at
    its sheet, row and column. A total row is never a record; a part ("Trong đó") is its own
    indicator's figure, never added to the row above."""
    spec = parse_period(mapping.period)
    periods = {RESULT: spec.code, LAST_YEAR: same_period_last_year(spec.code)}
    roles = {column.index: mapping.columns.get(column.letter, IGNORE) for column in table.columns}
    column_of = {role: column for column in table.columns if (role := roles[column.index]) != IGNORE}
    entries: list[Entry] = []

    def beside(
        row: BodyRow, code: str, role: str, parse: Callable[[object], T], read_as: Callable[[T], str]
    ) -> T | None:
        """The cell of a column that qualifies a row's result (its stated change, its published
        % of plan): read, told in the preview, a problem at its row and column if it does not read."""
        column = column_of.get(role)
        cell = row.cell(column.index) if column else None
        if column is None or cell in (None, ""):
            return None
        read: T | None = None
        try:
            read = parse(cell)
        except ParseError as exc:
            problems.append(Problem(row.line, f"{table.sheet}!{column.letter} ({column.heading})", str(exc)))
        if meanings is not None:
            meanings.append(
                Meaning(
                    unit=unit_code or mapping.unit_code,
                    cell=f"{table.sheet}!{column.letter}{row.line}",
                    label=row.label,
                    indicator=code,
                    period=periods[RESULT],
                    role=str(dict(ROLES)[role]),
                    shown=shown_cell(cell),
                    read=read_as(read) if read is not None else "",
                )
            )
        return read

    for row in table.records:
        code = mapping.row_of(row)
        if not code or code == SKIP_ROW:
            continue
        change, kind, note = beside(row, code, CHANGE, parse_change, lambda read: change_text(*read)) or (None, "", "")
        published = beside(row, code, PUBLISHED, parse_percent, lambda read: f"{format_number(read, None)}%")
        for index, role in roles.items():
            if role not in (PLAN, RESULT, LAST_YEAR):
                continue
            column = table.column(index)
            assert column is not None
            where = f"{table.sheet}!{column.letter} ({column.heading})"
            cell = row.cell(index)
            if cell in (None, ""):
                continue
            try:
                qualifier, value, numerator, denominator = parse_figure(cell)
            except ParseError as exc:
                problems.append(Problem(row.line, where, str(exc)))
                continue
            if role == PLAN and numerator is not None:
                problems.append(Problem(row.line, where, _("Write the plan as one number.")))
                continue
            notes = [note] if role == RESULT and note else []
            if numerator is not None and code not in ratios:
                # "12.345/10.000" beside a count is the result and its plan, not the parts of a ratio.
                value, plan = numerator, denominator
                numerator = denominator = None
                notes.append(_("Plan written beside it: %(plan)s") % {"plan": format_number(plan, None)})
            fields: dict[str, Any] = {
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "qualifier": qualifier,
            }
            if role == RESULT:
                fields |= {"stated_change": change, "stated_change_kind": kind, "published_plan_percent": published}
            if notes:
                fields["note"] = "; ".join(notes)
            columns = dict.fromkeys(
                ("value", "numerator", "denominator", "qualifier", "stated_change", "stated_change_kind", "note"),
                where,
            ) | {"unit_code": table.sheet, "period": table.sheet, "indicator_code": f"{table.sheet}!{row.line}"}
            entries.append(
                Entry(
                    row=row.line,
                    columns=columns,
                    unit_code=unit_code or mapping.unit_code,
                    indicator_code=code,
                    period=periods.get(role),
                    year=spec.year if role == PLAN else None,
                    fields=fields,
                )
            )
            if meanings is not None:
                meanings.append(
                    Meaning(
                        unit=unit_code or mapping.unit_code,
                        cell=f"{table.sheet}!{column.letter}{row.line}",
                        label=row.label + (" " + _("(part of the row above)") if row.kind == PART else ""),
                        indicator=code,
                        period=periods.get(role) or str(spec.year),
                        role=str(dict(ROLES)[role]),
                        shown=shown_cell(cell),
                        fields=fields,
                    )
                )
    return entries


TARGET = "indicators.results"
"""What a SheetLayout of this importer reads (SheetLayout.target)."""


@dataclass
class OfficeWorkbook:
    """The tables of one upload that share the first one's shape, read with one mapping (a
    centre's workbook with a sheet per station); the sheets of another shape are named on the
    page, to be uploaded on their own, never dropped unsaid."""

    tables: list[SheetTable]
    other_sheets: list[str] = field(default_factory=list)

    @property
    def first(self) -> SheetTable:
        return self.tables[0]

    @property
    def records(self) -> list[BodyRow]:
        """Every row of figures, once per label (`BodyRow.key`), in the order first met."""
        seen: dict[str, BodyRow] = {}
        for table in self.tables:
            for row in table.records:
                seen.setdefault(row.key, row)
        return list(seen.values())

    def unit_of(self, table: SheetTable, mapping: Mapping, units: list[tuple[str, str]]) -> str:
        """The unit a sheet reports for: the one chosen, for a single sheet; for several, the unit
        each sheet's title or name names, else the one chosen."""
        if len(self.tables) == 1:
            return mapping.unit_code
        return unit_named_in([*table.title, table.sheet], units) or mapping.unit_code


def read_office_workbook(data: bytes, file_name: str) -> OfficeWorkbook:
    """The tables of the upload, found as `read_table` finds them."""
    sheets: list[tuple[str, Iterable[list], Sequence[MergedRange]]]
    if file_name.lower().endswith(".csv"):
        sheets = [("CSV", CsvFile(data).rows(), [])]
    else:
        workbook = Workbook(data)
        sheets = [(name, workbook.rows(name), workbook.merged_ranges(name)) for name in workbook.sheet_names]
    tables = [table for name, rows, merged in sheets if (table := read_table(name, rows_to_cells(rows), merged))]
    tables = [table for table in tables if table.records]
    if not tables:
        raise ImportFileError(
            _(
                "No table was found: the system looks in the first 30 rows of each sheet for a header of at least "
                "three headings, with rows of figures under it."
            )
        )
    shape = tables[0].fingerprint
    return OfficeWorkbook(
        [table for table in tables if table.fingerprint == shape],
        [table.sheet for table in tables if table.fingerprint != shape],
    )


def saved_layout(book: OfficeWorkbook, user: Viewer) -> SheetLayout | None:
    """The layout of this shape the user may read with: their own unit's before a shared one."""
    layouts = SheetLayout.objects.usable_by(user, TARGET).filter(fingerprint=book.first.fingerprint)
    return max(layouts.select_related("owner"), key=lambda layout: len(layout.owner.path), default=None)


def suggested_mapping(book: OfficeWorkbook, layout: SheetLayout | None, units: QuerySet) -> Mapping:
    """The layout's mapping where there is one; else what the headings, the names and the
    title suggest, for the user to confirm."""
    table = book.first
    period = period_in_title(table.title) or ""
    unit = unit_named_in(table.title, units.values_list("code", "name"))
    if layout is not None:
        saved_unit = layout.mapping.get("unit_code") if isinstance(layout.mapping, dict) else None
        return Mapping.of_layout(layout, unit or (saved_unit if isinstance(saved_unit, str) else ""), period)
    indicators = list(Indicator.objects.all())
    columns = {column.letter: suggested_role(column.heading, period) for column in table.columns}
    rows = {row.key: suggested_indicator(row.label, indicators) for row in book.records}
    return Mapping(unit, period, columns, rows)


def is_complete(book: OfficeWorkbook, mapping: Mapping) -> bool:
    """Whether the sheets can be previewed with no question: unit and period known, every
    row given an indicator (or told it is none), a column of figures chosen."""
    figures = {PLAN, RESULT, LAST_YEAR}
    return bool(
        mapping.unit_code
        and mapping.period
        and all(mapping.row_of(row) for row in book.records)
        and any(mapping.columns.get(column.letter) in figures for column in book.first.columns)
    )


def import_office_workbook(
    book: OfficeWorkbook,
    mapping: Mapping,
    units: QuerySet,
    *,
    file_name: str,
    user: Viewer,
    dry_run: bool,
    file_sha256: str,
) -> tuple[Outcome, list[Meaning]]:
    """The mapped sheets through the one indicator import (core.import_entries): all or nothing."""
    problems: list[Problem] = []
    meanings: list[Meaning] = []
    candidates = list(units.values_list("code", "name"))
    with cyclic_gc_paused():
        ratios = frozenset(Indicator.objects.filter(kind=IndicatorKind.RATIO).values_list("code", flat=True))
        entries = [
            entry
            for table in book.tables
            for entry in entries_from_table(
                table, mapping, problems, meanings, ratios, book.unit_of(table, mapping, candidates)
            )
        ]
        if not entries and not problems:
            problems.append(
                Problem(
                    book.first.header_lines[1],
                    book.first.sheet,
                    _("No figure was read: choose the columns of figures and the rows' indicators."),
                )
            )
        outcome = import_entries(
            entries, user=user, dry_run=dry_run, file_name=file_name, file_sha256=file_sha256, problems=problems
        )
    indicators = Indicator.objects.in_bulk({m.indicator for m in meanings}, field_name="code")
    names = dict(candidates)
    for meaning in meanings:
        indicator = indicators.get(meaning.indicator)
        if indicator is not None:
            meaning.indicator = indicator.name
            if meaning.fields:
                read = meaning.fields
                meaning.read = figure_text(
                    indicator, read["value"], read["numerator"], read["denominator"], read["qualifier"]
                )
        meaning.period = label_of(meaning.period) if meaning.period else ""
        meaning.unit = names.get(meaning.unit, meaning.unit)
    return outcome, meanings
