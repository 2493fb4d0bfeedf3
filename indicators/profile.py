"""Key figures for a unit's profile (the unitprofile app): the rows of this app's own report
for every period in which the unit, or a unit under it, reported figures of its own."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from healthcentre.domains import ProfileSpan, Sheet
from healthcentre.models import Organisation

from .models import DataValue
from .periods import label_of
from .report_xlsx import figure_cells
from .reports import ReportRow, build_report, organisations_for


@dataclass
class ProfileFigure:
    period: str
    row: ReportRow

    @property
    def indicator(self) -> str:
        name = self.row.indicator.name
        return f"{name} — {self.row.breakdown.name}" if self.row.breakdown else name

    @property
    def unit_of_measure(self) -> str:
        return self.row.indicator.unit

    plan_text = property(lambda self: self.row.plan_text)
    result_text = property(lambda self: self.row.result_text)
    percent_text = property(lambda self: self.row.percent_text)
    previous_text = property(lambda self: self.row.last_year_text)
    change_text = property(lambda self: self.row.change_text)

    def as_cells(self) -> list:
        return [self.indicator, self.unit_of_measure, self.period, *figure_cells(self.row)]


def key_figures(unit: Organisation, start_year: int, end_year: int) -> list[ProfileFigure]:
    organisations = organisations_for(None, unit=unit)
    # Periods with figures the sources gave; a figure derived from another (a "same period
    # last year" worked back from a stated change) shows beside its source, not as its own period.
    codes = (
        DataValue.objects.filter(
            organisation__in=organisations.values("id"),
            period__year__gte=start_year,
            period__year__lte=end_year,
            is_derived=False,
        )
        .values_list("period__code", "period__start", "period__end")
        .distinct()
        .order_by("period__start", "period__code")
    )
    spans = dict.fromkeys(codes)
    # A month inside a reported year is already in that year's report (staff "as of 12/2024"
    # is the year's figure): tell each figure once, under the widest period that holds it.
    widest = [
        code
        for code, start, end in spans
        if not any((s, e) != (start, end) and s <= start and end <= e for _c, s, e in spans)
    ]
    figures = []
    for code in dict.fromkeys(widest):
        report = build_report(organisations, code)
        figures += [ProfileFigure(label_of(code), row) for row in report.rows if row.result is not None]
    return figures


def profile_figures(span: ProfileSpan) -> list[ProfileFigure]:
    return key_figures(span.unit, span.start_year, span.end_year)


def figures_sheet(rows: list[ProfileFigure]) -> Sheet:
    return Sheet(
        _("Key figures"),
        [
            _("Indicator"),
            _("Unit of measure"),
            _("Period"),
            _("Plan"),
            _("Result"),
            _("Percent of plan"),
            _("Same period last year"),
            pgettext("difference from the same period last year", "Change"),
            _("Change (%)"),
        ],
        [row.as_cells() for row in rows],
    )
