"""The table an office hands up: indicator, unit, annual plan, result, % of plan, same
period last year, change; and the same figures for earlier years, for the charts.

Loaded in a fixed number of queries (units, indicators, breakdown items, values, plans)
whatever the number of units; every figure is worked out by derived.py.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from healthcentre.models import Organisation, Province
from healthcentre.scoping import Viewer, organisation_q
from healthcentre.vocabulary import format_number

from .derived import Change, Figure, FigureSource, change, percent_of_plan, stated_change
from .models import Breakdown, ChangeKind, DataValue, Indicator, PeriodKind, PlanTarget
from .periods import PeriodSpec, _spec, label_of, parse_period
from .presentation import figure_text, number_text

CHART_YEARS = 4


@dataclass
class ReportRow:
    indicator: Indicator
    breakdown: Breakdown | None
    plan: Figure | None
    result: Figure | None
    percent_of_plan: Decimal | None
    last_year: Figure | None
    change: Change | None
    history: list[tuple[int, Decimal | None]] = field(default_factory=list)

    @property
    def plan_text(self) -> str:
        return _figure_text(self, self.plan)

    @property
    def result_text(self) -> str:
        return _figure_text(self, self.result)

    @property
    def last_year_text(self) -> str:
        return _figure_text(self, self.last_year)

    @property
    def published_percent(self) -> Decimal | None:
        """The % of plan the source printed for this very figure (not for a total of figures)."""
        return self.result.published_plan_percent if self.result and self.result.parts == 1 else None

    @property
    def shown_percent(self) -> Decimal | None:
        """The published % of plan where the source printed one, else the computed one."""
        published = self.published_percent
        return published if published is not None else self.percent_of_plan

    @property
    def percent_disagrees(self) -> bool:
        """Whether the printed % is not what the plan and the result give, at the places printed:
        a printed 104,3% whose parts give 104,35% disagrees."""
        published, computed = self.published_percent, self.percent_of_plan
        if published is None or computed is None:
            return False
        places = Decimal(1).scaleb(min(published.normalize().as_tuple().exponent, 0))  # type: ignore[arg-type]
        return computed.quantize(places, rounding=ROUND_HALF_UP) != published.quantize(places)

    @property
    def percent_text(self) -> str:
        shown = self.shown_percent
        if shown is None:
            return ""
        text = format_number(shown, None) + "%" if self.published_percent is not None else number_text(shown) + "%"
        if self.percent_disagrees:
            computed = self.percent_of_plan
            assert computed is not None
            text += " " + _("(as published; the plan and the result give %(computed)s%%)") % {
                "computed": format_number(computed, 2)
            }
        return text

    @property
    def change_text(self) -> str:
        return change_text(self)


@dataclass
class Report:
    title: str
    period: PeriodSpec
    rows: list[ReportRow]

    @property
    def period_label(self) -> str:
        return label_of(self.period.code)

    @property
    def last_year_label(self) -> str:
        return label_of(same_year_shift(self.period, -1).code)


def same_year_shift(spec: PeriodSpec, years: int) -> PeriodSpec:
    return parse_period(spec.code.replace(str(spec.year), str(spec.year + years), 1))


def codes_within(spec: PeriodSpec) -> list[str]:
    """Every period code that lies inside this one (for adding up months, quarters, halves)."""
    year = spec.year
    candidates = [_spec(PeriodKind.YEAR, year, 0), _spec(PeriodKind.NINE_MONTHS, year, 9)]
    candidates += [_spec(PeriodKind.HALF_YEAR, year, n) for n in (1, 2)]
    candidates += [_spec(PeriodKind.QUARTER, year, n) for n in range(1, 5)]
    candidates += [_spec(PeriodKind.MONTH, year, n) for n in range(1, 13)]
    return [c.code for c in candidates if spec.start <= c.start and c.end <= spec.end]


def organisations_for(
    user: Viewer | None, unit: Organisation | None = None, province: Province | None = None
) -> QuerySet[Organisation]:
    """The units a report covers: the unit and everything under it, or a whole province,
    limited to what the user may see."""
    queryset = Organisation.objects.all()
    queryset = queryset.filter(path__startswith=unit.path) if unit is not None else queryset.filter(province=province)
    if user is not None:
        queryset = queryset.filter(organisation_q(user))
    return queryset


def build_report(
    organisations: QuerySet[Organisation], period_code: str, title: str = "", years: int = CHART_YEARS
) -> Report:
    spec = parse_period(period_code)
    specs = [same_year_shift(spec, -back) for back in range(years)]
    codes = {code for s in specs for code in codes_within(s)}
    tree = list(organisations.values_list("id", "parent_id"))
    ids = {org_id for org_id, _parent in tree}
    children: dict[int | None, list[int]] = {}
    for org_id, parent_id in tree:
        # The virtual root (None) holds the report's top units, whose parents lie outside it.
        children.setdefault(parent_id if parent_id in ids else None, []).append(org_id)
    indicators = {i.pk: i for i in Indicator.objects.all()}
    breakdowns = list(Breakdown.objects.all())
    stored: dict[tuple[int | None, int, int | None], dict[str, Figure]] = {}
    periods: dict[str, tuple[dt.date, dt.date]] = {}
    org_filter = Q(organisation__in=organisations.values("id"))
    rows = DataValue.objects.filter(org_filter, period__code__in=codes).values_list(
        "organisation_id",
        "indicator_id",
        "breakdown_id",
        "period__code",
        "period__start",
        "period__end",
        "value",
        "numerator",
        "denominator",
        "qualifier",
        "is_derived",
        "stated_change",
        "stated_change_kind",
        "published_plan_percent",
    )
    for org_id, ind_id, bd_id, code, start, end, value, num, den, qualifier, derived, s_change, s_kind, pub in rows:
        periods[code] = (start, end)
        stored.setdefault((org_id, ind_id, bd_id), {})[code] = Figure.of(
            indicators[ind_id],
            value,
            num,
            den,
            qualifier,
            derived,
            stated_change=s_change,
            stated_change_kind=s_kind,
            published_plan_percent=pub,
        )
    plans: dict[tuple[int | None, int, int], Figure] = {
        (org_id, ind_id, year): Figure.of(indicators[ind_id], value, None, None, qualifier, derived)
        for org_id, ind_id, year, value, qualifier, derived in PlanTarget.objects.filter(
            org_filter, year=spec.year
        ).values_list("organisation_id", "indicator_id", "year", "value", "qualifier", "is_derived")
    }
    source = FigureSource(indicators, periods, stored, children, plans)
    tops = children.get(None, [])
    # A report on one unit asks that unit directly, so its own figures are not marked as totals.
    root = tops[0] if len(tops) == 1 else None
    report_rows = []
    for indicator in indicators.values():
        items: list[Breakdown | None] = [None]
        if indicator.breakdown_category:
            items += [b for b in breakdowns if b.category == indicator.breakdown_category]
        for item in items:
            row = _row(source, root, indicator, item, specs)
            if row is not None:
                report_rows.append(row)
    return Report(title, spec, report_rows)


def _row(
    source: FigureSource, root: int | None, indicator: Indicator, breakdown: Breakdown | None, specs: list[PeriodSpec]
) -> ReportRow | None:
    item_id = breakdown.pk if breakdown else None
    history = [(s.year, source.figure(root, indicator.pk, s.start, s.end, item_id)) for s in specs]
    result, last_year = history[0][1], history[1][1] if len(history) > 1 else None
    plan = source.plan(root, indicator.pk, specs[0].year) if breakdown is None else None
    if result is None and last_year is None and plan is None:
        return None
    current = result.value if result else None
    return ReportRow(
        indicator=indicator,
        breakdown=breakdown,
        plan=plan,
        result=result,
        percent_of_plan=percent_of_plan(current, plan.value if plan else None),
        last_year=last_year,
        change=change(indicator, current, last_year.value if last_year else None) or stated_change(result),
        history=[(year, figure.value if figure else None) for year, figure in reversed(history)],
    )


def _figure_text(row: ReportRow, figure: Figure | None) -> str:
    if figure is None:
        return ""
    return figure_text(row.indicator, figure.value, figure.numerator, figure.denominator, figure.qualifier)


def _signed(number: Decimal) -> str:
    return ("+" if number > 0 else "") + number_text(number)


def change_text(row: ReportRow) -> str:
    """ "+138 (+0,5%)", "+5,6 điểm %", marked when taken from the source rather than computed."""
    found = row.change
    if found is None:
        return ""
    if found.kind == ChangeKind.PERCENTAGE_POINTS:
        text = _("%(change)s percentage points") % {"change": _signed(found.absolute)}
    elif found.kind == ChangeKind.GROWTH_PERCENT:
        text = f"{_signed(found.absolute)}%"
    else:
        text = _signed(found.absolute)
        if found.percent is not None:
            text += f" ({_signed(found.percent)}%)"
    return text + (" " + _("(as stated)") if found.stated else "")
