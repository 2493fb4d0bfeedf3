"""When each station is next due for supervision, and which have gone too long without one."""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from healthcentre.models import Organisation, OrganisationKind

from .models import Visit

# Centres supervise every commune station once a year; a visit may agree another date.
DEFAULT_INTERVAL_MONTHS = 12
STATION_KINDS = (OrganisationKind.COMMUNE_STATION, OrganisationKind.STATION_POINT)


def is_station(unit: Organisation) -> bool:
    """A station receives supervision visits; every other unit (a centre) runs rounds."""
    return unit.kind in STATION_KINDS


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class StationPlan:
    station: Organisation
    last_visit: Visit | None
    next_due: dt.date | None

    @property
    def last_visited_on(self) -> dt.date | None:
        return self.last_visit.visited_on if self.last_visit else None

    def is_due(self, today: dt.date) -> bool:
        return self.next_due is None or self.next_due <= today


def station_plans(
    stations: QuerySet[Organisation], interval_months: int = DEFAULT_INTERVAL_MONTHS
) -> list[StationPlan]:
    """One plan per station: its last visit and next due date (the date agreed at the last
    visit, or the last visit plus the interval; none for a station never visited)."""
    listed = list(stations.filter(kind__in=STATION_KINDS).select_related("parent").order_by("path", "name"))
    # Ascending, so each station keeps its latest visit.
    last_visits = {
        visit.station_id: visit
        for visit in Visit.objects.with_day_visited()
        .filter(station__in=listed)
        .select_related("round")
        .order_by("day_visited", "pk")
    }
    plans = []
    for station in listed:
        visit = last_visits.get(station.pk)
        next_due = None if visit is None else visit.next_visit_due or add_months(visit.visited_on, interval_months)
        plans.append(StationPlan(station, visit, next_due))
    return plans


def not_visited_within(stations: QuerySet[Organisation], months: int, today: dt.date) -> list[StationPlan]:
    """Stations with no visit in the last `months` months (never visited included)."""
    since = add_months(today, -months)
    return [p for p in station_plans(stations, months) if p.last_visited_on is None or p.last_visited_on < since]
