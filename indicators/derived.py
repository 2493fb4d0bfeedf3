"""Every figure that is worked out rather than reported, in one place.

% of plan, change against the same period last year, ratios from their parts, a centre's
total from its stations, a half-year from its months (year to date): the admin, the
reports, the importers' rules and the tests all call these functions, so a rule is
written once.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from .models import Aggregation, ChangeKind, Indicator, IndicatorKind, Period, Qualifier

HUNDRED = Decimal(100)


def effective_value(
    indicator: Indicator,
    value: Decimal | None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
) -> Decimal | None:
    """A count's value; a ratio's numerator / denominator × factor, or its value as reported."""
    if indicator.kind == IndicatorKind.RATIO and numerator is not None and denominator:
        return numerator / denominator * indicator.factor
    return value


def percent_of_plan(result: Decimal | None, plan: Decimal | None) -> Decimal | None:
    """ "đạt x% kế hoạch": a half-year result against the annual plan, as the articles do."""
    if result is None or not plan:
        return None
    return result / plan * HUNDRED


@dataclass(frozen=True)
class Change:
    absolute: Decimal
    percent: Decimal | None
    kind: str
    stated: bool = False


def change(indicator: Indicator, current: Decimal | None, previous: Decimal | None) -> Change | None:
    """The change against the same period last year. A ratio changes by percentage points."""
    if current is None or previous is None:
        return None
    difference = current - previous
    if indicator.kind == IndicatorKind.RATIO:
        return Change(difference, None, ChangeKind.PERCENTAGE_POINTS)
    percent = difference / previous * HUNDRED if previous else None
    return Change(difference, percent, ChangeKind.ABSOLUTE)


def stated_change(figure: "Figure | None") -> Change | None:
    """The change as the source wrote it, when the previous figure itself is unknown."""
    if figure is None or figure.stated_change is None:
        return None
    if figure.stated_change_kind == ChangeKind.GROWTH_PERCENT:
        return Change(figure.stated_change, figure.stated_change, ChangeKind.GROWTH_PERCENT, stated=True)
    return Change(figure.stated_change, None, figure.stated_change_kind, stated=True)


@dataclass(frozen=True)
class Figure:
    """A value with how it was reported; `value` is the effective value (a ratio computed)."""

    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    qualifier: str = ""
    is_derived: bool = False
    stated_change: Decimal | None = None
    stated_change_kind: str = ""
    published_plan_percent: Decimal | None = None
    parts: int = 1

    @classmethod
    def of(
        cls,
        indicator: Indicator,
        value: Decimal | None,
        numerator: Decimal | None = None,
        denominator: Decimal | None = None,
        qualifier: str | None = "",
        is_derived: bool = False,
        **extra: Any,
    ) -> "Figure":
        return cls(
            effective_value(indicator, value, numerator, denominator),
            numerator,
            denominator,
            qualifier or "",
            is_derived,
            **extra,
        )


def combined_qualifier(figures: Iterable[Figure]) -> str:
    """A sum keeps its parts' qualifier if they share one; mixed qualifiers make it approximate."""
    qualifiers = {f.qualifier for f in figures}
    if len(qualifiers) == 1:
        return qualifiers.pop()
    return Qualifier.ABOUT


def aggregate(indicator: Indicator, figures: Sequence[Figure | None], how: str) -> Figure | None:
    """Several figures (months of a half-year, stations of a centre) combined as the indicator says."""
    known = [f for f in figures if f is not None and f.value is not None]
    if not known:
        return None
    qualifier = combined_qualifier(known)
    derived = any(f.is_derived for f in known)
    if how == Aggregation.SUM:
        total = sum((f.value for f in known if f.value is not None), Decimal(0))
        return Figure(total, qualifier=qualifier, is_derived=derived, parts=len(known))
    if how == Aggregation.LATEST:
        return replace(known[-1], parts=len(known))
    if how == Aggregation.RATIO:
        numerators = [f.numerator for f in known if f.numerator is not None]
        denominators = [f.denominator for f in known if f.denominator is not None]
        if len(numerators) < len(known) or len(denominators) < len(known):
            return None
        numerator, denominator = sum(numerators, Decimal(0)), sum(denominators, Decimal(0))
        return replace(Figure.of(indicator, None, numerator, denominator, qualifier, derived), parts=len(known))
    return None


def tiling(start: dt.date, end: dt.date, available: dict[str, tuple[dt.date, dt.date]]) -> list[str] | None:
    """Stored periods that exactly cover start–end, longest first (S1 + Q3 = 9 months), or None."""
    by_start: dict[dt.date, list[tuple[dt.date, str]]] = {}
    for code, (s, e) in available.items():
        if start <= s and e <= end:
            by_start.setdefault(s, []).append((e, code))
    cursor, chosen = start, []
    while cursor <= end:
        options = sorted(by_start.get(cursor, []), reverse=True)
        if not options:
            return None
        period_end, code = options[0]
        chosen.append(code)
        cursor = period_end + dt.timedelta(days=1)
    return chosen


def year_to_date_span(period: Period) -> tuple[dt.date, dt.date]:
    """From 1 January to the end of the period: the "lũy kế từ đầu năm" of a monthly report."""
    return dt.date(period.end.year, 1, 1), period.end


@dataclass
class FigureSource:
    """Stored figures held in memory, answering "what is the figure of this unit for this
    indicator over these dates", aggregating over time and up the hierarchy as the indicator
    says. Loaded in a fixed number of queries, whatever the number of units."""

    indicators: dict[int, Indicator]
    periods: dict[str, tuple[dt.date, dt.date]]
    stored: dict[tuple[int | None, int, int | None], dict[str, Figure]]
    children: dict[int | None, list[int]]
    plans: dict[tuple[int | None, int, int], Figure] = field(default_factory=dict)
    _memo: dict[tuple[int | None, int, dt.date, dt.date, int | None], Figure | None] = field(default_factory=dict)

    def own(
        self, org_id: int | None, indicator_id: int, start: dt.date, end: dt.date, breakdown_id: int | None = None
    ) -> Figure | None:
        """The unit's stored figure for exactly these dates, or one added up from shorter periods."""
        by_period = self.stored.get((org_id, indicator_id, breakdown_id))
        if not by_period:
            return None
        for code, figure in by_period.items():
            if self.periods[code] == (start, end):
                return figure
        indicator = self.indicators[indicator_id]
        if indicator.time_aggregation == Aggregation.NONE:
            return None
        if indicator.time_aggregation == Aggregation.LATEST:
            # A stock (staff, beds): the last figure reported within the span stands for it.
            inside = [code for code in by_period if start <= self.periods[code][0] and self.periods[code][1] <= end]
            if not inside:
                return None
            return replace(by_period[max(inside, key=lambda code: self.periods[code][::-1])], is_derived=True)
        codes = tiling(start, end, {code: self.periods[code] for code in by_period})
        if not codes:
            return None
        total = aggregate(indicator, [by_period[code] for code in codes], indicator.time_aggregation)
        return replace(total, is_derived=True) if total else None

    def figure(
        self, org_id: int | None, indicator_id: int, start: dt.date, end: dt.date, breakdown_id: int | None = None
    ) -> Figure | None:
        """The unit's own figure if it reported one, else the total of the units under it."""
        key = (org_id, indicator_id, start, end, breakdown_id)
        if key not in self._memo:
            own = self.own(org_id, indicator_id, start, end, breakdown_id)
            if own is None:
                own = self.total_of(self.children.get(org_id, []), indicator_id, start, end, breakdown_id)
            self._memo[key] = own
        return self._memo[key]

    def total_of(
        self,
        org_ids: list[int],
        indicator_id: int,
        start: dt.date,
        end: dt.date,
        breakdown_id: int | None = None,
    ) -> Figure | None:
        indicator = self.indicators[indicator_id]
        how = indicator.hierarchy_aggregation
        if how not in (Aggregation.SUM, Aggregation.RATIO) or not org_ids:
            return None
        parts = [self.figure(child, indicator_id, start, end, breakdown_id) for child in org_ids]
        total = aggregate(indicator, parts, how)
        return replace(total, is_derived=True) if total else None

    def plan(self, org_id: int | None, indicator_id: int, year: int) -> Figure | None:
        """The annual plan of the unit, or the sum of its units' plans for an added-up indicator."""
        if (org_id, indicator_id, year) in self.plans:
            return self.plans[(org_id, indicator_id, year)]
        indicator = self.indicators[indicator_id]
        if indicator.hierarchy_aggregation != Aggregation.SUM:
            return None
        parts = [self.plan(child, indicator_id, year) for child in self.children.get(org_id, [])]
        total = aggregate(indicator, parts, Aggregation.SUM)
        return replace(total, is_derived=True) if total else None
