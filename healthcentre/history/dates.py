"""A partial date ("1958", "7/2013", "01/5/2005") as the window of days it can mean.

"In 2006" may be any day of 2006, so on 1 January 2006 a change dated "2006" has not certainly
happened yet: the as-of questions count a change only once its window is over, and report it
as uncertain while the asked date lies inside the window.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from ..vocabulary import Precision, format_partial_date


@dataclass(frozen=True)
class PartialDate:
    date: dt.date
    precision: str

    @property
    def first(self) -> dt.date:
        return self.date

    @property
    def last(self) -> dt.date:
        if self.precision == Precision.YEAR:
            return dt.date(self.date.year, 12, 31)
        if self.precision == Precision.MONTH:
            return dt.date(self.date.year, self.date.month, calendar.monthrange(self.date.year, self.date.month)[1])
        return self.date

    @property
    def text(self) -> str:
        return format_partial_date(self.date, self.precision)

    def __str__(self) -> str:
        return self.text

    def certainly_before(self, other: "PartialDate") -> bool:
        return self.last < other.first

    def certainly_by(self, day: dt.date) -> bool:
        """Has this date certainly come by `day`?"""
        return self.last <= day

    def contains(self, day: dt.date) -> bool:
        """Is `day` inside the window but before its end (so the change may or may not have happened)?"""
        return self.first <= day < self.last


def partial(date, precision) -> PartialDate | None:
    if date is None:
        return None
    return PartialDate(date, precision or Precision.DAY)
