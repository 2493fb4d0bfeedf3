"""Records the tests build for themselves, beside the seeds."""

import datetime as dt

from healthcentre.models import Organisation
from supervision.models import SupervisionRound, Visit


def supervision_visit(unit_code: str, round_code: str, title: str, day: dt.date, station_code: str = "") -> Visit:
    """A round of `unit_code` over the week of `day`, with one visit that day (to its own unit's first
    station, or to `station_code`)."""
    unit = Organisation.objects.get(code=unit_code)
    round_ = SupervisionRound.objects.create(
        code=round_code,
        title=title,
        supervising_unit=unit,
        start_date=day - dt.timedelta(days=1),
        end_date=day + dt.timedelta(days=3),
    )
    station = Organisation.objects.get(code=station_code) if station_code else (unit.children.first() or unit)
    return Visit.objects.create(round=round_, station=station, date=day)
