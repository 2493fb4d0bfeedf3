"""Achievement periods as offices write them: a year ("2024") or a span ("2020–2025")."""

import re

from django.utils.translation import gettext as _

from healthcentre.vocabulary import ParseError

_SPAN = re.compile(r"^(?:giai\s*đoạn\s*|năm\s*)?([0-9]{4})(?:\s*[-–—]\s*([0-9]{4}))?$", re.IGNORECASE)


def parse_period(value: object) -> tuple[int | None, int | None]:
    """("2020–2025" → (2020, 2025)); an empty cell is an unknown period (None, None)."""
    if value is None:
        return None, None
    # A year typed in an xlsx cell arrives as 2024.0; NaN and infinities are no year.
    if (isinstance(value, float) and value.is_integer()) or (isinstance(value, int) and not isinstance(value, bool)):
        value = str(int(value))
    text = " ".join(str(value).strip().split())
    if text == "":
        return None, None
    match = _SPAN.match(text)
    if not match:
        raise ParseError(
            _("“%(value)s” is not a year or a span of years. Write it as 2024 or 2020–2025.") % {"value": value}
        )
    start = int(match[1])
    end = int(match[2] or match[1])
    if end < start:
        raise ParseError(_("“%(value)s”: the span ends before it starts.") % {"value": value})
    return start, end


def format_period(start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return ""
    return str(start) if start == end else f"{start}–{end}"
