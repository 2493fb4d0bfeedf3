"""Reading one reported figure out of a cell: "27.662", "57,6", "hơn 63 nghìn", "279/796".

The qualifier words and the ratio's slash are read here; every number in them is read by the
vocabulary, for the column it goes to (18 digits, 4 of them decimals)."""

import re
from decimal import Decimal

from healthcentre.search import fold
from healthcentre.vocabulary import ParseError, limits_of, parse_decimal

from ..models import DataValue, Qualifier

VALUE = limits_of(DataValue._meta.get_field("value"))
NUMERATOR = limits_of(DataValue._meta.get_field("numerator"))
DENOMINATOR = limits_of(DataValue._meta.get_field("denominator"))

# The words the articles put before a figure, accent-free, and the qualifier they mean.
QUALIFIER_WORDS = {
    "hon": Qualifier.MORE_THAN,
    "tren": Qualifier.ABOVE,
    "gan": Qualifier.ALMOST,
    "khoang": Qualifier.ABOUT,
    "more_than": Qualifier.MORE_THAN,
    "above": Qualifier.ABOVE,
    "almost": Qualifier.ALMOST,
    "about": Qualifier.ABOUT,
    "exact": Qualifier.EXACT,
    "": Qualifier.EXACT,
}
_WORD_NUMBER = re.compile(
    r"^(?P<word>[^0-9+-]*?)\s*(?P<number>[+-]?[0-9.,]+)\s*(?P<scale>nghin|nghìn|ngàn|ngan|trieu|triệu)?\s*%?$"
)
_SCALES = {"nghin": 1000, "ngan": 1000, "trieu": 1_000_000}


def parse_qualifier(value: object) -> str:
    key = fold(str(value or "").strip()) or ""
    if key in QUALIFIER_WORDS:
        return QUALIFIER_WORDS[key]
    from django.utils.translation import gettext as _

    raise ParseError(
        _("“%(value)s” is not a qualifier. Write hơn, trên, gần, khoảng or leave it empty.") % {"value": value}
    )


def parse_figure(value: object) -> tuple[str, Decimal | None, Decimal | None, Decimal | None]:
    """(qualifier, value, numerator, denominator) from a cell; numbers pass straight through."""
    if value is None or isinstance(value, int | float):
        return "", parse_decimal(value, VALUE), None, None
    text = " ".join(str(value).split())
    if text == "":
        return "", None, None, None
    if "/" in text:
        left, _sep, right = text.partition("/")
        return "", None, parse_decimal(left, NUMERATOR), parse_decimal(right, DENOMINATOR)
    match = _WORD_NUMBER.match(text)
    if match and match["word"]:
        qualifier = parse_qualifier(match["word"])
        number = parse_decimal(match["number"], VALUE)
        assert number is not None  # the match holds digits
        scale = fold(match["scale"] or "")
        # "hơn 63 nghìn" is 63.000: the scaled figure must fit the column too.
        return qualifier, parse_decimal(number * _SCALES.get(scale, 1), VALUE), None, None
    return "", parse_decimal(text, VALUE), None, None
