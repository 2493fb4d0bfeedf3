"""How figures are printed: the qualifier in front, Vietnamese number marks, a ratio with its parts."""

from decimal import Decimal

from healthcentre.vocabulary import format_number

from .derived import effective_value
from .models import Indicator, IndicatorKind


def number_text(number: Decimal | None, qualifier: str = "", places: int = 1) -> str:
    if number is None:
        return ""
    text = format_number(number, places)
    return f"{qualifier} {text}" if qualifier else text


def figure_text(
    indicator: Indicator,
    value: Decimal | None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    qualifier: str = "",
) -> str:
    """ "hơn 63.000", "27.662", "35,1% (279/796)"."""
    shown = effective_value(indicator, value, numerator, denominator)
    if shown is None:
        return ""
    suffix = "%" if indicator.kind == IndicatorKind.RATIO and indicator.factor == 100 else ""
    text = number_text(shown, qualifier) + suffix
    if numerator is not None and denominator is not None:
        text += f" ({format_number(numerator)}/{format_number(denominator)})"
    return text
