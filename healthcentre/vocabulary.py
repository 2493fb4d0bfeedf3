"""What Vietnamese users write, read the same way in every form, file and report.

Numbers: "27.662" is twenty-seven thousand (a dot followed by groups of three digits is a
thousands separator, and so is a space or a no-break space: "27 662"), "57,6" and "57.6" are
both fifty-seven point six, "1.010,5" is one thousand and ten point five, "05" is five, an
optional sign leads and a "%" may follow. Only the digits 0–9 are digits: "1_000", "١٢٣",
"１２３", "1e5", "NaN" and "inf" are not numbers, although Python's Decimal and float would read
them. Every number is read for a column (`NumberLimits`): one it cannot hold is refused before
anything is written, and its digits are counted before it is converted, so "1e1000000" or a
100.000-digit cell costs nothing. A float from an xlsx cell is binary, not what anyone typed:
NaN and infinities are refused, its size is checked, and it is rounded to the column's decimals
as the database would round it; text with more decimals than the column keeps is refused.

Dates: "21/7/2025", "3-8-1979", "05.10.2004", "2025-07-21", "ngày 05 tháng 10 năm 2004", and,
where a partial date is allowed, "7/2013", "2013-07", "tháng 7/2013" and "1958".

Yes/no: one list of words (`YES_WORDS`, `NO_WORDS`), compared without accents or case.

Codes are trimmed, NFC-normalised and refused when they hold an invisible character; text is
NFC-normalised, refused when it holds an invisible character or a control character other
than tab and newline, and refused, never cut, when it is longer than its column.
"""

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from django.core import validators
from django.db.models import Field
from django.utils.translation import gettext as _

from .search import fold


class ParseError(ValueError):
    """A value the user wrote that cannot be read; the message is shown to them."""


_SHOWN_CHARACTERS = 40


def shown(value: object) -> str:
    """A value as a message quotes it: a 100.000-character cell is quoted by its start."""
    text = str(value)
    return text if len(text) <= _SHOWN_CHARACTERS else text[:_SHOWN_CHARACTERS] + "…"


# --- numbers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberLimits:
    """What a column holds: digits in all and after the decimal mark (a DecimalField), or the
    smallest and largest whole number (an integer field)."""

    max_digits: int | None = None
    decimal_places: int | None = None
    min_value: int | None = None
    max_value: int | None = None

    @property
    def integer_digits(self) -> int:
        if self.max_digits is None:
            return ANY_NUMBER_DIGITS
        return self.max_digits - (self.decimal_places or 0)


# Without a column to fit (a constant in a validation rule), a number still has a bound, so
# that no cell makes the server build a number of a million digits.
ANY_NUMBER_DIGITS = 30
ANY_NUMBER_DECIMALS = 10
# A whole number with no range of its own: what a 64-bit column holds.
ANY_INTEGER = NumberLimits(min_value=-(2**63), max_value=2**63 - 1)


def limits_of(model_field: Field) -> NumberLimits:
    """The limits of a model's DecimalField (digits) or integer field (the range its
    validators and the database allow)."""
    max_digits = getattr(model_field, "max_digits", None)
    if max_digits is not None:
        return NumberLimits(max_digits=max_digits, decimal_places=getattr(model_field, "decimal_places", None))
    lows = [v.limit_value for v in model_field.validators if isinstance(v, validators.MinValueValidator)]
    highs = [v.limit_value for v in model_field.validators if isinstance(v, validators.MaxValueValidator)]
    return NumberLimits(
        min_value=max(lows, default=ANY_INTEGER.min_value), max_value=min(highs, default=ANY_INTEGER.max_value)
    )


_SPACES = " \u00a0\u202f"  # a space, a no-break space, a narrow no-break space (Word, Excel)
_NUMBER = re.compile(
    rf"""
    (?P<sign>[+-]?)
    (?:
        (?P<dot_groups>[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+)(?:,(?P<dot_fraction>[0-9]+))?
      | (?P<space_groups>[1-9][0-9]{{0,2}}(?:[{_SPACES}][0-9]{{3}})+)(?:[.,](?P<space_fraction>[0-9]+))?
      | (?P<comma_groups>[1-9][0-9]{{0,2}}(?:,[0-9]{{3}})+)\.(?P<comma_fraction>[0-9]+)
      | (?P<whole>[0-9]*)(?:[.,](?P<fraction>[0-9]+))?
    )
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Written:
    """A number as written: its sign, its whole digits and its decimal digits, as text."""

    negative: bool
    whole: str
    fraction: str


def _written(text: str, original: object) -> _Written:
    text = text.strip().removesuffix("%").rstrip()
    match = _NUMBER.fullmatch(text)
    if match is None or (match["whole"] == "" and match["fraction"] is None):
        raise ParseError(
            _("“%(value)s” is not a number: write it with the digits 0–9, e.g. 27.662 or 57,6.")
            % {"value": shown(original)}
        )
    groups = (match["dot_groups"], match["space_groups"], match["comma_groups"], match["whole"])
    whole = next(group for group in groups if group is not None)
    fraction = match["dot_fraction"] or match["space_fraction"] or match["comma_fraction"] or match["fraction"] or ""
    return _Written(
        negative=match["sign"] == "-",
        whole=re.sub(rf"[.,{_SPACES}]", "", whole).lstrip("0"),
        fraction=fraction.rstrip("0"),
    )


def _too_large(original: object, digits: int) -> ParseError:
    return ParseError(
        _("“%(value)s” is too large: at most %(digits)s digits before the decimal mark.")
        % {"value": shown(original), "digits": digits}
    )


def _too_precise(original: object, places: int) -> ParseError:
    if places == 0:
        return ParseError(_("“%(value)s” is not a whole number.") % {"value": shown(original)})
    return ParseError(
        _("“%(value)s” has too many decimals: at most %(places)s digits after the decimal mark.")
        % {"value": shown(original), "places": places}
    )


def _not_finite(original: object) -> ParseError:
    return ParseError(_("“%(value)s” is not a number.") % {"value": shown(original)})


def _is_finite(value: float | int | Decimal) -> bool:
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


def _without_sign_of_zero(number: Decimal) -> Decimal:
    """-0 is 0: shown back as "0", and never below a column's zero."""
    return number.copy_abs() if number.is_zero() else number


def _decimal_places(limits: NumberLimits) -> int:
    return ANY_NUMBER_DECIMALS if limits.decimal_places is None else limits.decimal_places


def _decimal_from_text(text: str, limits: NumberLimits, original: object) -> Decimal:
    written = _written(text, original)
    # Counted on the text, before any conversion: "1e1000000" never becomes a number.
    if len(written.whole) > limits.integer_digits:
        raise _too_large(original, limits.integer_digits)
    if len(written.fraction) > _decimal_places(limits):
        raise _too_precise(original, _decimal_places(limits))
    digits = f"{written.whole or 0}.{written.fraction}" if written.fraction else written.whole or "0"
    return _without_sign_of_zero(Decimal(f"-{digits}" if written.negative else digits))


def _decimal_from_number(value: float | int | Decimal, limits: NumberLimits, original: object) -> Decimal:
    """A number a spreadsheet cell or the code holds: finite, not too large, rounded to the
    column's decimals (a float's last binary digits are no one's writing)."""
    if not _is_finite(value):
        raise _not_finite(original)
    if abs(value) >= 10**limits.integer_digits:
        raise _too_large(original, limits.integer_digits)
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    places = _decimal_places(limits)
    exponent = number.as_tuple().exponent  # an int: the number is finite
    if isinstance(exponent, int) and exponent < -places:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return _without_sign_of_zero(number)


def parse_decimal(value: object, limits: NumberLimits = NumberLimits()) -> Decimal | None:
    """The number a cell or a form field holds, or None when it is empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _not_finite(value)
    if isinstance(value, float | int | Decimal):
        return _decimal_from_number(value, limits, value)
    text = str(value)
    if text.strip() == "":
        return None
    return _decimal_from_text(text, limits, value)


def _out_of_range(original: object, negative: bool, limits: NumberLimits) -> ParseError:
    if negative:
        return ParseError(
            _("“%(value)s” is too small: the smallest allowed is %(limit)s.")
            % {"value": shown(original), "limit": format_number(limits.min_value)}
        )
    return ParseError(
        _("“%(value)s” is too large: the largest allowed is %(limit)s.")
        % {"value": shown(original), "limit": format_number(limits.max_value)}
    )


def _integer_from_number(value: float | int | Decimal, limits: NumberLimits) -> int:
    assert limits.min_value is not None and limits.max_value is not None, "an integer's limits are a range"
    if not _is_finite(value):
        raise _not_finite(value)
    if not limits.min_value <= value <= limits.max_value:
        raise _out_of_range(value, value < 0, limits)
    if value != int(value):
        raise ParseError(_("“%(value)s” is not a whole number.") % {"value": shown(value)})
    return int(value)


def _integer_from_text(text: str, limits: NumberLimits, original: object) -> int:
    assert limits.min_value is not None and limits.max_value is not None, "an integer's limits are a range"
    written = _written(text, original)
    if written.fraction:
        raise ParseError(_("“%(value)s” is not a whole number.") % {"value": shown(original)})
    # Counted on the text, before any conversion: a 100.000-digit cell never becomes a number.
    if len(written.whole) > len(str(max(abs(limits.min_value), abs(limits.max_value)))):
        raise _out_of_range(original, written.negative, limits)
    number = -int(written.whole or 0) if written.negative else int(written.whole or 0)
    if not limits.min_value <= number <= limits.max_value:
        raise _out_of_range(original, number < 0, limits)
    return number


def parse_integer(value: object, limits: NumberLimits = ANY_INTEGER) -> int | None:
    """A whole number within the column's range, or None when the cell is empty. "27.662" is
    27662 and "5,0" is 5; a number longer than the range's bound is refused by its length."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _not_finite(value)
    if isinstance(value, float | int | Decimal):
        return _integer_from_number(value, limits)
    text = str(value)
    if text.strip() == "":
        return None
    return _integer_from_text(text, limits, value)


def format_number(number: Decimal | int | float | None, places: int | None = 1, grouping: bool = True) -> str:
    """A number as Vietnamese write it: 27662 → "27.662", 57.6 → "57,6". `places` rounds the
    decimals a report prints (1 by default); None keeps every decimal the number has, as a
    form shows a stored value back. Years are written without grouping: "2025"."""
    if number is None:
        return ""
    number = Decimal(number) if not isinstance(number, float) else Decimal(repr(number))
    if number == number.to_integral_value():
        text = f"{int(number):,}"
    elif places is None:
        text = f"{number.normalize():,f}"
    else:
        text = f"{number:,.{places}f}"
    if not grouping:
        text = text.replace(",", "")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


# --- dates ---------------------------------------------------------------------------------


class Precision:
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_WORDY = re.compile(r"(?:ngày\s*)?([0-9]{1,2})\s*tháng\s*([0-9]{1,2})\s*năm\s*([0-9]{4})", re.IGNORECASE)
_WORDY_MONTH = re.compile(r"tháng\s*([0-9]{1,2})\s*(?:năm|/|-)\s*([0-9]{4})", re.IGNORECASE)
_DMY = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")
_YMD = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_MY = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{4})")
_YM = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_Y = re.compile(r"([0-9]{4})")


# A date cell is a count of days from Excel's epoch, which includes a 29 February 1900 that
# never was (serial 60, which readers turn into 28 February): no date cell before March 1900
# can be trusted to say what its writer meant.
EXCEL_FIRST_RELIABLE_DATE = dt.date(1900, 3, 1)


def _make_date(year: int, month: int, day: int, original: object) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError(_("“%(value)s” is not a valid date.") % {"value": shown(original)}) from None


def parse_partial_date(value: object) -> tuple[dt.date, str] | None:
    """A date and how precisely it is known: ("1958" → 1958-01-01, "year")."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if value < EXCEL_FIRST_RELIABLE_DATE:
            raise ParseError(
                _(
                    "“%(value)s”: a spreadsheet stores dates before 1/3/1900 wrongly (it counts a 29 February 1900 "
                    "that never was); write the date as text, e.g. 28/2/1900."
                )
                % {"value": format_partial_date(value, Precision.DAY)}
            )
        return value, Precision.DAY
    if isinstance(value, int | float) and not isinstance(value, bool) and 1000 <= value <= 9999 and value == int(value):
        return dt.date(int(value), 1, 1), Precision.YEAR
    text = " ".join(str(value).strip().split())
    if text == "":
        return None
    if m := _WORDY.fullmatch(text):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), value), Precision.DAY
    if m := _DMY.fullmatch(text):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), value), Precision.DAY
    if m := _YMD.fullmatch(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), value), Precision.DAY
    if m := _WORDY_MONTH.fullmatch(text) or _MY.fullmatch(text):
        return _make_date(int(m[2]), int(m[1]), 1, value), Precision.MONTH
    if m := _YM.fullmatch(text):
        return _make_date(int(m[1]), int(m[2]), 1, value), Precision.MONTH
    if m := _Y.fullmatch(text):
        return _make_date(int(m[1]), 1, 1, value), Precision.YEAR
    raise ParseError(_("“%(value)s” is not a date. Write it as 21/7/2025, 7/2013 or 1958.") % {"value": shown(value)})


def parse_date(value: object) -> dt.date | None:
    """A full date; a month or a year alone is refused."""
    parsed = parse_partial_date(value)
    if parsed is None:
        return None
    date, precision = parsed
    if precision != Precision.DAY:
        raise ParseError(_("“%(value)s” needs a day, month and year, e.g. 21/7/2025.") % {"value": shown(value)})
    return date


def parse_month(value: object) -> dt.date | None:
    """The first day of the month written as "7/2025", "2025-07" or "tháng 7/2025"; None when
    the text is not a month (it may be something else: a period code such as 2025S1)."""
    text = " ".join(str(value if value is not None else "").split())
    if m := _WORDY_MONTH.fullmatch(text) or _MY.fullmatch(text):
        year, month = int(m[2]), int(m[1])
    elif m := _YM.fullmatch(text):
        year, month = int(m[1]), int(m[2])
    else:
        return None
    return dt.date(year, month, 1) if year >= dt.MINYEAR and 1 <= month <= 12 else None


def format_partial_date(date: dt.date | None, precision: str) -> str:
    """Show a partial date as far as it is known, as Vietnamese write dates: 1958, 07/2013,
    01/05/2005."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        return str(date.year)
    if precision == Precision.MONTH:
        return f"{date.month:02d}/{date.year}"
    return f"{date.day:02d}/{date.month:02d}/{date.year}"


# --- yes and no ----------------------------------------------------------------------------

# Compared accent-free and case-free: "Có", "CO" and "có" are the same word.
YES_WORDS = frozenset({"co", "x", "1", "true", "yes", "dung"})
NO_WORDS = frozenset({"", "khong", "0", "false", "no", "sai"})


def parse_yes_no(value: object) -> bool:
    """Yes or no as a cell says it: "có", "x", "1", "đúng", "yes" are yes; an empty cell,
    "không", "0", "sai", "no" are no; anything else is refused rather than guessed."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = fold(str(value if value is not None else "").strip())
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise ParseError(_("“%(value)s” is not yes or no; write “có” or leave the cell empty.") % {"value": shown(value)})


# --- codes and text ------------------------------------------------------------------------

# Unicode categories no one sees: control (Cc), format (Cf: zero-width space and joiner, the
# bidi overrides such as U+202E), line and paragraph separators, private use, unassigned.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})
# Free text keeps tab and newline but no other control character (category Cc) and none of
# the invisible format characters: the zero-width space and joiners, the word joiner, a stray
# byte-order mark and the bidi controls, which make a name or a note display as something
# other than what it holds, or two equal-looking names differ. (The soft hyphen, which Word
# puts in pasted text and which shows at a line break, is kept.)
_REFUSED_IN_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def _character_name(character: str) -> str:
    return f"U+{ord(character):04X}"


def clean_code(value: object) -> str:
    """A code (TTYT-TANYEN, 794/QĐ-UBND) as it will be stored and looked up: trimmed and
    NFC-normalised, "" when empty. A code holding a character no one can see is refused: it
    would look like another code and match nothing."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.isascii() and text.isprintable():
        return text  # the common code, TTYT-TANYEN: nothing to normalise, nothing invisible
    text = unicodedata.normalize("NFC", text)
    for character in text:
        if unicodedata.category(character) in _INVISIBLE:
            raise ParseError(
                _("“%(value)s” contains an invisible character (%(character)s); type the code again without it.")
                % {"value": shown(text), "character": _character_name(character)}
            )
    return text


def clean_text(value: object, max_length: int | None = None) -> str:
    """Free text (a name, a note) NFC-normalised, "" when empty. Line breaks are kept (a
    Windows CR LF becomes LF); any other control character is refused, and so is text longer
    than its column: cutting it would store what nobody wrote."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    if refused := _REFUSED_IN_TEXT.search(text):
        raise ParseError(
            _("The text “%(value)s” contains an invisible or control character (%(character)s); remove it.")
            % {"value": shown(text), "character": _character_name(refused[0])}
        )
    if max_length is not None and len(text) > max_length:
        raise ParseError(
            _("The text “%(value)s” is %(length)s characters long; at most %(limit)s fit.")
            % {"value": shown(text), "length": format_number(len(text)), "limit": format_number(max_length)}
        )
    return text
