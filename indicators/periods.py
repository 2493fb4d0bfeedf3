"""Period codes in the DHIS2 style, and what they mean.

==========  ==================  ===================================================
Code        Kind                Meaning
==========  ==================  ===================================================
2025        year                1/1/2025 – 31/12/2025 (tổng kết năm)
2025S1      half-year           1/1 – 30/6; 2025S2 is 1/7 – 31/12 (sơ kết 6 tháng)
2025N9      first nine months   1/1 – 30/9 (9 tháng đầu năm). Not a DHIS2 code: DHIS2
                                has no cumulative nine-month period, so this project
                                uses N9 ("nine") after the year, in the same pattern.
2025Q3      quarter             1/7 – 30/9
202507      month               1/7 – 31/7 (2025-07 and 7/2025 are read as this too)
==========  ==================  ===================================================

Codes are read case-insensitively and stored in the canonical form above.
"""

import calendar
import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from healthcentre.search import fold
from healthcentre.vocabulary import parse_month

from .models import DataValue, Period, PeriodKind

# ASCII digits only: "٢٠٢٥" is no year here, as in every other reader of the vocabulary.
_PATTERNS = [
    (re.compile(r"^([0-9]{4})$"), PeriodKind.YEAR),
    (re.compile(r"^([0-9]{4})S([12])$"), PeriodKind.HALF_YEAR),
    (re.compile(r"^([0-9]{4})N(9)$"), PeriodKind.NINE_MONTHS),
    (re.compile(r"^([0-9]{4})Q([1-4])$"), PeriodKind.QUARTER),
    (re.compile(r"^([0-9]{4})(0[1-9]|1[0-2])$"), PeriodKind.MONTH),
]


class PeriodCodeError(ValueError):
    pass


@dataclass(frozen=True)
class PeriodSpec:
    code: str
    kind: str
    year: int
    start: dt.date
    end: dt.date

    def as_model(self) -> Period:
        return Period(code=self.code, kind=self.kind, year=self.year, start=self.start, end=self.end)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(code: object) -> PeriodSpec:
    """The period a code names; raises PeriodCodeError with a message for the user."""
    text = str(code if code is not None else "").strip().upper().replace(" ", "")
    if isinstance(code, float) and code.is_integer():
        text = str(int(code))
    # A month written the way dates are ("7/2025", "2025-07") is read by the vocabulary.
    if month := parse_month(text):
        text = f"{month.year}{month.month:02d}"
    for pattern, kind in _PATTERNS:
        if m := pattern.match(text):
            year, number = int(m[1]), int(m[2]) if m.lastindex and m.lastindex > 1 else 0
            if not 1900 <= year <= 2200:
                break
            return _spec(kind, year, number)
    raise PeriodCodeError(
        _("“%(code)s” is not a period code. Write 2025, 2025S1, 2025N9, 2025Q3 or 202507.") % {"code": code}
    )


def _spec(kind: str, year: int, number: int) -> PeriodSpec:
    if kind == PeriodKind.YEAR:
        return PeriodSpec(str(year), kind, year, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if kind == PeriodKind.HALF_YEAR:
        first = 1 if number == 1 else 7
        return PeriodSpec(f"{year}S{number}", kind, year, dt.date(year, first, 1), _month_end(year, first + 5))
    if kind == PeriodKind.NINE_MONTHS:
        return PeriodSpec(f"{year}N9", kind, year, dt.date(year, 1, 1), dt.date(year, 9, 30))
    if kind == PeriodKind.QUARTER:
        first = 3 * number - 2
        return PeriodSpec(f"{year}Q{number}", kind, year, dt.date(year, first, 1), _month_end(year, first + 2))
    return PeriodSpec(f"{year}{number:02d}", kind, year, dt.date(year, number, 1), _month_end(year, number))


def same_period_last_year(code: str) -> str:
    """2025S1 → 2024S1: the "cùng kỳ" every report compares against."""
    spec = parse_period(code)
    return spec.code.replace(str(spec.year), str(spec.year - 1), 1)


def label_of(code: str) -> str:
    """The period as a Vietnamese report heads it: "6 tháng đầu năm 2025"."""
    try:
        spec = parse_period(code)
    except PeriodCodeError:
        return code
    if spec.kind == PeriodKind.YEAR:
        return _("Year %(year)s") % {"year": spec.year}
    if spec.kind == PeriodKind.HALF_YEAR:
        if spec.start.month == 1:
            return _("First half of %(year)s") % {"year": spec.year}
        return _("Second half of %(year)s") % {"year": spec.year}
    if spec.kind == PeriodKind.NINE_MONTHS:
        return _("First nine months of %(year)s") % {"year": spec.year}
    if spec.kind == PeriodKind.QUARTER:
        return _("Quarter %(number)s/%(year)s") % {"number": spec.code[-1], "year": spec.year}
    return _("Month %(month)s/%(year)s") % {"month": spec.start.month, "year": spec.year}


def periods_for(codes: Collection[object]) -> dict[str, Period]:
    """The Period rows for these codes, made if missing, in two queries; keyed by canonical code."""
    specs = {parse_period(code).code: parse_period(code) for code in codes}
    found = {p.code: p for p in Period.objects.filter(code__in=specs)}
    missing = [spec.as_model() for code, spec in specs.items() if code not in found]
    if missing:
        Period.objects.bulk_create(missing, ignore_conflicts=True)
        found = {p.code: p for p in Period.objects.filter(code__in=specs)}
    return found


def period_ids_for(codes: Collection[object], *, create: bool) -> dict[str, int]:
    """The Period id of each code, keyed by canonical code. A period not stored yet is made when
    `create` (a confirm, inside its write transaction); a preview, which writes nothing, gives it
    a provisional id below zero instead, which no stored figure points to."""
    if create:
        return {code: period.id for code, period in periods_for(codes).items()}
    canonical = {parse_period(code).code for code in codes}
    ids = dict(Period.objects.filter(code__in=canonical).values_list("code", "id"))
    for provisional, code in enumerate(sorted(canonical - ids.keys()), start=1):
        ids[code] = -provisional
    return ids


def latest_period_with_data(organisations: QuerySet) -> str | None:
    """The code of the latest period (by its end; the longer one of two ending together) in
    which any of these units has a figure, in one query; None when they have none."""
    return (
        DataValue.objects.filter(organisation__in=organisations.values("id"))
        .order_by("-period__end", "period__start")
        .values_list("period__code", flat=True)
        .first()
    )


def last_ended_half_year(today: dt.date | None = None) -> str:
    """The current reporting period: the last half-year that has ended."""
    today = today or dt.date.today()
    return f"{today.year}S1" if today.month > 6 else f"{today.year - 1}S2"


def default_period(organisations: QuerySet) -> str:
    """The period a report or a template opens on: the latest the units reported, else the
    last half-year that has ended."""
    return latest_period_with_data(organisations) or last_ended_half_year()


# How a report's title names its period, accent-free ("6 thang dau nam 2025"): the first that
# matches wins, so the nine months are read before the year they end in.
_TITLE_PATTERNS = [
    (re.compile(r"9\s*thang(?:\s*dau\s*nam)?\s*(?:nam\s*)?([0-9]{4})"), "{year}N9"),
    (re.compile(r"6\s*thang\s*dau\s*nam\s*([0-9]{4})"), "{year}S1"),
    (re.compile(r"6\s*thang\s*cuoi\s*nam\s*([0-9]{4})"), "{year}S2"),
    (re.compile(r"6\s*thang\s*(?:nam\s*)?([0-9]{4})"), "{year}S1"),
    (re.compile(r"(?:so\s*ket\s*)?(?:quy)\s*(i{1,3}|iv|[1-4])\s*(?:nam\s*)?([0-9]{4})"), "quarter"),
    (re.compile(r"thang\s*([0-9]{1,2})\s*(?:nam|/)\s*([0-9]{4})"), "month"),
    (re.compile(r"(?:tong\s*ket\s*)?nam\s*([0-9]{4})"), "{year}"),
]
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def period_in_title(lines: Collection[str]) -> str | None:
    """The period a report's title names ("… 9 THÁNG ĐẦU NĂM 2025" → 2025N9), or None."""
    text = " ".join(fold(line) or "" for line in lines)
    for pattern, code in _TITLE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        if code == "quarter":
            candidate = f"{match[2]}Q{_QUARTERS[match[1]]}"
        elif code == "month":
            candidate = f"{match[2]}{int(match[1]):02d}"
        else:
            candidate = code.format(year=match[1])
        try:
            return parse_period(candidate).code
        except PeriodCodeError:
            continue
    return None
