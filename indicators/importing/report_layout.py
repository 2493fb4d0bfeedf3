"""The layout an office already reports in: one sheet per unit and period, indicators down the
side, and columns for the annual plan, the result and the same period last year.

    A1 "Mã đơn vị"  B1 unit code          A2 "Kỳ báo cáo"  B2 period code (2025S1…)
    row 4: headings; from row 5: indicator code, breakdown code, name, unit of measure,
           plan (E), result (F), same period last year (G)

A blank template comes from the admin (`template_workbook`); the sheet filled in goes back
through the same checks as the long layout (core.import_entries).
"""

from collections.abc import Sequence

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from healthcentre.importing.formats import rows_to_cells
from healthcentre.importing.opener import ImportFileError
from healthcentre.importing.opener import Workbook as UploadedWorkbook
from healthcentre.importing.resources import Problem
from healthcentre.models import Organisation
from healthcentre.scoping import Viewer
from healthcentre.spreadsheets import active_sheet, append_row, workbook_bytes
from healthcentre.vocabulary import ParseError, clean_code

from ..models import Breakdown, Indicator
from ..periods import PeriodCodeError, label_of, parse_period, same_period_last_year
from .cells import parse_figure
from .core import Entry, Outcome, cyclic_gc_paused, import_entries

FIRST_DATA_ROW = 5
PLAN, RESULT, LAST_YEAR = 4, 5, 6  # zero-based columns E, F, G


def headings() -> list[str]:
    return [
        _("Indicator code"),
        _("Breakdown code"),
        _("Indicator"),
        _("Unit of measure"),
        _("Annual plan"),
        _("Result"),
        _("Same period last year"),
    ]


def _columns(sheet: str) -> dict[str, str]:
    names = headings()
    return {
        "unit_code": f"{sheet}!B1",
        "period": f"{sheet}!B2",
        "indicator_code": f"{sheet}!A ({names[0]})",
        "breakdown_code": f"{sheet}!B ({names[1]})",
    }


def _figure_columns(sheet: str, index: int) -> dict[str, str]:
    where = f"{sheet}!{'ABCDEFG'[index]} ({headings()[index]})"
    return dict.fromkeys(("value", "numerator", "denominator", "qualifier", "stated_change_kind", "breakdown"), where)


def _text(row: Sequence[object], index: int) -> str:
    value = row[index] if index < len(row) else None
    return "" if value is None else str(value).strip()


def _code(row: Sequence[object], index: int, line: int, column: str, problems: list[Problem]) -> str | None:
    """A code cell as the vocabulary cleans it; None, with a problem, when it holds an
    invisible character."""
    try:
        return clean_code(row[index] if index < len(row) else None)
    except ParseError as exc:
        problems.append(Problem(line, column, str(exc)))
        return None


def entries_from_workbook(data: bytes, problems: list[Problem]) -> list[Entry]:
    entries: list[Entry] = []
    workbook = UploadedWorkbook(data)
    for sheet in workbook.sheet_names:
        rows = rows_to_cells(workbook.rows(sheet))
        if not any(any(v not in (None, "") for v in row) for row in rows):
            continue
        columns = _columns(sheet)
        unit = _code(rows[0], 1, 1, columns["unit_code"], problems) if rows else ""
        period_text = _text(rows[1], 1) if len(rows) > 1 else ""
        if unit is None:
            continue
        if not unit:
            problems.append(Problem(1, columns["unit_code"], _("Write the unit code here.")))
        try:
            spec = parse_period(period_text)
        except PeriodCodeError as exc:
            problems.append(Problem(2, columns["period"], str(exc)))
            continue
        targets: dict[int, str | None] = {PLAN: None, RESULT: spec.code, LAST_YEAR: same_period_last_year(spec.code)}
        for line, row in enumerate(rows[FIRST_DATA_ROW - 1 :], FIRST_DATA_ROW):
            if all(_text(row, index) == "" for index in targets):
                continue
            code = _code(row, 0, line, columns["indicator_code"], problems)
            breakdown = _code(row, 1, line, columns["breakdown_code"], problems)
            if code is None or breakdown is None:
                continue
            if not code:
                problems.append(Problem(line, columns["indicator_code"], _("This cell is required.")))
                continue
            for index, period in targets.items():
                cell = row[index] if index < len(row) else None
                if cell in (None, ""):
                    continue
                where = {**columns, **_figure_columns(sheet, index)}
                try:
                    qualifier, value, numerator, denominator = parse_figure(cell)
                except ParseError as exc:
                    problems.append(Problem(line, where["value"], str(exc)))
                    continue
                if period is None and numerator is not None:
                    problems.append(Problem(line, where["value"], _("Write the plan as one number.")))
                    continue
                entries.append(
                    Entry(
                        row=line,
                        columns=where,
                        unit_code=unit,
                        indicator_code=code,
                        period=period,
                        year=spec.year if period is None else None,
                        breakdown_code=breakdown if period is not None else "",
                        fields={
                            "value": value,
                            "numerator": numerator,
                            "denominator": denominator,
                            "qualifier": qualifier,
                        },
                    )
                )
    if not entries and not problems:
        raise ImportFileError(_("The file has no figures: fill in the plan, result or same-period columns."))
    return entries


def import_report_layout(
    data: bytes, *, file_name: str, user: Viewer | None = None, dry_run: bool, file_sha256: str = ""
) -> Outcome:
    problems: list[Problem] = []
    with cyclic_gc_paused():
        entries = entries_from_workbook(data, problems)
        return import_entries(
            entries,
            user=user,
            dry_run=dry_run,
            file_name=file_name,
            file_sha256=file_sha256,
            problems=problems,
        )


def template_workbook(unit: Organisation, period_code: str) -> bytes:
    """A blank sheet for one unit and period, every indicator (and breakdown item) down the side."""
    spec = parse_period(period_code)
    workbook = Workbook()
    sheet = active_sheet(workbook)
    sheet.title = f"{unit.code} {spec.code}"[:31]
    bold = Font(bold=True)
    append_row(sheet, [_("Unit code"), unit.code, unit.name])
    append_row(sheet, [_("Period"), spec.code, label_of(spec.code)])
    append_row(
        sheet,
        [_("Fill in columns E, F and G. Write 279/796 for a ratio, “hơn 63.000” for a figure reported as more than.")],
    )
    append_row(sheet, headings())
    for index, cell in enumerate(sheet[4], 1):
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if index > 4:
            cell.fill = PatternFill("solid", fgColor="FFF2CC")
    breakdowns: dict[str, list[Breakdown]] = {}
    for item in Breakdown.objects.all():
        breakdowns.setdefault(item.category, []).append(item)
    for indicator in Indicator.objects.all():
        append_row(sheet, [indicator.code, "", indicator.name, indicator.unit])
        for item in breakdowns.get(indicator.breakdown_category, []) if indicator.breakdown_category else []:
            append_row(sheet, [indicator.code, item.code, f"– {item.name}", indicator.unit])
    for letter, width in zip("ABCDEFG", (18, 14, 60, 10, 14, 14, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "E5"
    return workbook_bytes(workbook)
