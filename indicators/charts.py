"""Bar charts drawn on the server as inline SVG: no script, nothing fetched from the internet,
and they print."""

from decimal import Decimal

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .presentation import number_text

WIDTH, HEIGHT, BAR_GAP, TOP, BOTTOM = 260, 120, 10, 16, 18


def bar_chart(title: str, history: list[tuple[int, Decimal | None]]) -> str:
    """One bar per year for the same period; the last (current) bar is darker. With no figure
    of an earlier year there is nothing to compare: a sentence says so, not one lonely bar."""
    values = [v for _year, v in history if v is not None]
    if not [v for _year, v in history[:-1] if v is not None]:
        return format_html('<p class="chart-note">{}</p>', _("No earlier data to compare with."))
    peak = max(values) if values else Decimal(1)
    peak = peak or Decimal(1)
    slot = WIDTH / max(len(history), 1)
    bars = []
    for index, (year, value) in enumerate(history):
        x = index * slot + BAR_GAP / 2
        label_y = HEIGHT - 4
        bars.append(
            format_html(
                '<text x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>',
                round(x + (slot - BAR_GAP) / 2, 1),
                label_y,
                year,
            )
        )
        if value is None:
            continue
        height = float(value / peak) * (HEIGHT - TOP - BOTTOM)
        y = HEIGHT - BOTTOM - height
        colour = "#1f5f8b" if index == len(history) - 1 else "#9cc3dd"
        bars.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>',
                round(x, 1),
                round(y, 1),
                round(slot - BAR_GAP, 1),
                round(height, 1),
                colour,
                year,
                number_text(value),
                round(x + (slot - BAR_GAP) / 2, 1),
                round(y - 3, 1),
                number_text(value),
            )
        )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="indicator-chart" width="{WIDTH}" '
        f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"><title>{escape(title)}</title>{"".join(bars)}</svg>'
    )
