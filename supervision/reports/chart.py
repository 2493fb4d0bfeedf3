"""A horizontal bar chart as inline SVG, drawn on the server (no script, nothing from the internet)."""

from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 330
BAR_WIDTH = 360
TOP = 10


@dataclass
class Bar:
    label: str
    percent: float
    caption: str
    y: int = 0
    width: float = 0.0

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 6


def layout(items: list[tuple[str, float, str]]) -> dict:
    """`items`: (label, percent 0–100, caption). Returns what the SVG template draws."""
    bars = []
    for index, (label, percent, caption) in enumerate(items):
        clamped = max(0.0, min(100.0, float(percent)))
        bars.append(Bar(label, clamped, caption, TOP + index * (BAR_HEIGHT + GAP), round(BAR_WIDTH * clamped / 100, 1)))
    return {
        "bars": bars,
        "height": TOP * 2 + len(bars) * (BAR_HEIGHT + GAP),
        "width": LABEL_WIDTH + BAR_WIDTH + 110,
        "label_width": LABEL_WIDTH,
        "bar_width": BAR_WIDTH,
        "bar_height": BAR_HEIGHT,
        "caption_x": LABEL_WIDTH + BAR_WIDTH + 8,
        "label_x": LABEL_WIDTH - 8,
    }
