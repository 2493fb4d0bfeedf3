"""The report table as an xlsx workbook: numbers stay numbers; a qualifier is shown through
the number format ("hơn" 63.000), so the cell still adds up."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from healthcentre.spreadsheets import Formatted, active_sheet, append_row, places_format, workbook_bytes

from .derived import Change, Figure
from .models import ChangeKind
from .reports import Report, ReportRow

DECIMAL_FORMAT = "#,##0.0"


# A figure the system computes (a ratio from its parts, a change in %) has no published
# precision: it is shown with one decimal, as the articles write them.
COMPUTED_PLACES = 1


def figure_format(figure: Figure | None) -> str:
    """The figure's published places (a ratio computed from its parts: one), after its
    qualifier ("hơn" 63.000)."""
    computed = figure is not None and figure.numerator is not None
    base = places_format(figure.value if figure else None, places=COMPUTED_PLACES if computed else None)
    return f'"{figure.qualifier} "{base}' if figure and figure.qualifier else base


def figure_headings() -> list[str]:
    """The headings of `figure_cells`, in the user's language."""
    return [
        _("Annual plan"),
        _("Result"),
        _("Percent of plan"),
        _("Same period last year"),
        pgettext("difference from the same period last year", "Change"),
        _("Change (%)"),
    ]


def figure_cells(row: ReportRow) -> list[object]:
    """Plan, result, percent of plan, same period last year, change and change in %: typed
    cells with their formats, for every sheet that shows a report row."""
    change = row.change
    computed = any(f is not None and f.numerator is not None for f in (row.result, row.last_year))
    change_format, percent_format = change_formats(change, computed)
    return [
        Formatted(row.plan.value if row.plan else None, figure_format(row.plan), row.plan_text),
        Formatted(row.result.value if row.result else None, figure_format(row.result), row.result_text),
        Formatted(row.shown_percent, DECIMAL_FORMAT, row.percent_text),
        Formatted(row.last_year.value if row.last_year else None, figure_format(row.last_year), row.last_year_text),
        Formatted(change.absolute if change else None, change_format, row.change_text),
        Formatted(change.percent if change else None, percent_format, " "),
    ]


def change_formats(change: Change | None, row_is_computed: bool) -> tuple[str, str]:
    """The formats of the change and its percent: as stated, with the places the source wrote
    ("giảm 8,25%"); computed, the difference of published figures keeps theirs (of computed
    ratios: one place) and the percent one place."""
    if change is None:
        return places_format(None, signed=True), places_format(None, signed=True)
    absolute_places = None if change.stated or not row_is_computed else COMPUTED_PLACES
    percent_places = None if change.stated else COMPUTED_PLACES
    return (
        places_format(change.absolute, signed=True, places=absolute_places),
        places_format(change.percent, signed=True, places=percent_places),
    )


def report_workbook(report: Report) -> bytes:
    workbook = Workbook()
    sheet = active_sheet(workbook)
    sheet.title = report.period.code
    append_row(sheet, [report.title])
    append_row(sheet, [report.period_label])
    sheet["A1"].font = Font(bold=True, size=13)
    headings = [_("Indicator"), _("Unit of measure"), *figure_headings(), _("Note")]
    append_row(sheet)
    append_row(sheet, headings)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in report.rows:
        indicator = row.indicator
        name = f"– {row.breakdown.name}" if row.breakdown else indicator.name
        change = row.change
        notes = []
        if row.result and row.result.numerator is not None:
            notes.append(f"{row.result.numerator:f}/{row.result.denominator:f}".replace(".0000", ""))
        if any(f is not None and f.is_derived for f in (row.plan, row.result, row.last_year)):
            notes.append(_("contains derived figures"))
        if change is not None and change.stated:
            notes.append(_("change as stated in the source"))
        if change is not None and change.kind == ChangeKind.PERCENTAGE_POINTS:
            notes.append(_("change in percentage points"))
        append_row(sheet, [name, indicator.unit, *figure_cells(row), "; ".join(notes)])
    for letter, width in zip("ABCDEFGHI", (60, 12, 14, 14, 10, 16, 12, 10, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    return workbook_bytes(workbook)
