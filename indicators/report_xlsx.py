"""The report table as an xlsx workbook: numbers stay numbers; a qualifier is shown through
the number format ("hơn" 63.000), so the cell still adds up."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from healthcentre.spreadsheets import active_sheet, append_row, workbook_bytes

from .models import ChangeKind, Indicator, IndicatorKind
from .reports import Report

COUNT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"


def _number_format(figure_qualifier: str, indicator: Indicator | None = None) -> str:
    base = DECIMAL_FORMAT if indicator is not None and indicator.kind == IndicatorKind.RATIO else COUNT_FORMAT
    return f'"{figure_qualifier} "{base}' if figure_qualifier else base


def report_workbook(report: Report) -> bytes:
    workbook = Workbook()
    sheet = active_sheet(workbook)
    sheet.title = report.period.code
    append_row(sheet, [report.title])
    append_row(sheet, [report.period_label])
    sheet["A1"].font = Font(bold=True, size=13)
    headings = [
        _("Indicator"),
        _("Unit of measure"),
        _("Annual plan"),
        _("Result"),
        _("Percent of plan"),
        _("Same period last year"),
        pgettext("difference from the same period last year", "Change"),
        _("Change (%)"),
        _("Note"),
    ]
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
        values: list[str | Decimal | None] = [
            name,
            indicator.unit,
            row.plan.value if row.plan else None,
            row.result.value if row.result else None,
            row.percent_of_plan,
            row.last_year.value if row.last_year else None,
            change.absolute if change else None,
            change.percent if change else None,
            "; ".join(notes),
        ]
        append_row(sheet, [float(v) if v is not None and not isinstance(v, str) else v for v in values])
        line = sheet.max_row
        for column, figure in (("C", row.plan), ("D", row.result), ("F", row.last_year)):
            sheet[f"{column}{line}"].number_format = _number_format(figure.qualifier if figure else "", indicator)
        sheet[f"E{line}"].number_format = DECIMAL_FORMAT
        sheet[f"G{line}"].number_format = (
            "+#,##0.0;-#,##0.0;0" if indicator.kind == IndicatorKind.RATIO else "+#,##0;-#,##0;0"
        )
        sheet[f"H{line}"].number_format = "+#,##0.0;-#,##0.0;0"
    for letter, width in zip("ABCDEFGHI", (60, 12, 14, 14, 10, 16, 12, 10, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    return workbook_bytes(workbook)
