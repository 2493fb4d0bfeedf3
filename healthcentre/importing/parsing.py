"""Numbers and dates as Vietnamese offices write them.

Numbers: "27.662" is twenty-seven thousand (a dot followed by groups of three digits is a
thousands separator), "57,6" and "57.6" are both fifty-seven point six, "05" is five,
"1.010" is one thousand and ten. A trailing "%" is dropped.

Dates: "21/7/2025", "3-8-1979", "05.10.2004", "2025-07-21", "ngày 05 tháng 10 năm 2004",
and, where a partial date is allowed, "7/2013", "tháng 7/2013" and "1958".
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$")
THOUSANDS_WITH_DECIMALS = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+,\d+$")
COMMA_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+\.\d+$")


class ParseError(ValueError):
    """A value the user typed that cannot be read; the message is shown to them."""


def parse_decimal(value) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ParseError(_("“%(value)s” is not a number.") % {"value": value})
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text == "":
        return None
    text = text.removesuffix("%")
    if THOUSANDS.match(text):
        text = text.replace(".", "")
    elif THOUSANDS_WITH_DECIMALS.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif COMMA_THOUSANDS.match(text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ParseError(_("“%(value)s” is not a number.") % {"value": value}) from None
    if not number.is_finite():
        raise ParseError(_("“%(value)s” is not a number.") % {"value": value})
    return number


def parse_integer(value) -> int | None:
    number = parse_decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ParseError(_("“%(value)s” is not a whole number.") % {"value": value})
    return int(number)


class Precision:
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_WORDY = re.compile(r"^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$", re.IGNORECASE)
_WORDY_MONTH = re.compile(r"^tháng\s*(\d{1,2})\s*(?:năm|/|-)\s*(\d{4})$", re.IGNORECASE)
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_Y = re.compile(r"^(\d{4})$")


def _make_date(year: int, month: int, day: int, original) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError(_("“%(value)s” is not a valid date.") % {"value": original}) from None


def parse_partial_date(value) -> tuple[dt.date, str] | None:
    """A date and how precisely it is known: ("1958" → 1958-01-01, "year")."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date(), Precision.DAY
    if isinstance(value, dt.date):
        return value, Precision.DAY
    if isinstance(value, int | float) and 1000 <= value <= 9999 and int(value) == value:
        return dt.date(int(value), 1, 1), Precision.YEAR
    text = " ".join(str(value).strip().split())
    if text == "":
        return None
    if m := _WORDY.match(text):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), value), Precision.DAY
    if m := _DMY.match(text):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), value), Precision.DAY
    if m := _YMD.match(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), value), Precision.DAY
    if m := _WORDY_MONTH.match(text) or _MY.match(text):
        return _make_date(int(m[2]), int(m[1]), 1, value), Precision.MONTH
    if m := _Y.match(text):
        return _make_date(int(m[1]), 1, 1, value), Precision.YEAR
    raise ParseError(_("“%(value)s” is not a date. Write it as 21/7/2025, 7/2013 or 1958.") % {"value": value})


def parse_date(value) -> dt.date | None:
    """A full date; a month or a year alone is refused."""
    parsed = parse_partial_date(value)
    if parsed is None:
        return None
    date, precision = parsed
    if precision != Precision.DAY:
        raise ParseError(_("“%(value)s” needs a day, month and year, e.g. 21/7/2025.") % {"value": value})
    return date


def format_partial_date(date: dt.date | None, precision: str) -> str:
    """Show a partial date as it was written: 1958, 7/2013, 01/5/2005."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        return str(date.year)
    if precision == Precision.MONTH:
        return f"{date.month}/{date.year}"
    return f"{date.day:02d}/{date.month}/{date.year}"
