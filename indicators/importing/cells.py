"""Reading one reported figure out of a cell: "27.662", "57,6", "hơn 63 nghìn", "279/796"."""

import re

from healthcentre.importing.parsing import ParseError, parse_decimal
from healthcentre.search import fold

from ..models import Qualifier

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
    r"^(?P<word>[^\d]*?)\s*(?P<number>[\d.,]+)\s*(?P<scale>nghin|nghìn|ngàn|ngan|trieu|triệu)?\s*%?$"
)
_SCALES = {"nghin": 1000, "ngan": 1000, "trieu": 1_000_000}


def parse_qualifier(value) -> str:
    key = fold(str(value or "").strip()) or ""
    if key in QUALIFIER_WORDS:
        return QUALIFIER_WORDS[key]
    from django.utils.translation import gettext as _

    raise ParseError(
        _("“%(value)s” is not a qualifier. Write hơn, trên, gần, khoảng or leave it empty.") % {"value": value}
    )


def parse_figure(value):
    """(qualifier, value, numerator, denominator) from a cell; numbers pass straight through."""
    if value is None or isinstance(value, int | float):
        return "", parse_decimal(value), None, None
    text = " ".join(str(value).split())
    if text == "":
        return "", None, None, None
    if "/" in text:
        left, _sep, right = text.partition("/")
        return "", None, parse_decimal(left), parse_decimal(right)
    match = _WORD_NUMBER.match(text)
    if match and match["word"]:
        qualifier = parse_qualifier(match["word"])
        number = parse_decimal(match["number"])
        scale = fold(match["scale"] or "")
        return qualifier, number * _SCALES.get(scale, 1), None, None
    return "", parse_decimal(text), None, None
