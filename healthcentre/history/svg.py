"""The lineage drawn as an SVG picture on the server: older units above, newer below.

A small layered layout: each unit's layer is the longest chain of events leading to it, units
in a layer are ordered by where their predecessors sit (one barycentre pass), and every edge is
a curve from a predecessor's box to its successor's, labelled with the event's date. Each box
links to that unit's history page, so the lineage can be walked by clicking.
"""

import textwrap

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..scoping import organisation_visible
from .lineage import Lineage

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 230, 62, 28, 56, 16
LINE_CHARS = 34


def layers_of(lineage: Lineage) -> list[list[int]]:
    layer = dict.fromkeys(lineage.units, 0)
    # Longest path by relaxation; at most one pass per node, so a cycle cannot loop forever.
    for _round in range(len(layer)):
        changed = False
        for edge in lineage.edges:
            if layer[edge.target] < layer[edge.source] + 1:
                layer[edge.target] = layer[edge.source] + 1
                changed = True
        if not changed:
            break
    rows: list[list[int]] = [[] for _ in range(max(layer.values(), default=0) + 1)]
    for unit_id in sorted(layer, key=lambda i: lineage.units[i].name):
        rows[layer[unit_id]].append(unit_id)
    position: dict[int, float] = {}
    for row in rows:
        original = {unit_id: index for index, unit_id in enumerate(row)}

        def barycentre(unit_id, original=original):
            parents = [position[e.source] for e in lineage.edges if e.target == unit_id and e.source in position]
            return sum(parents) / len(parents) if parents else original[unit_id]

        row.sort(key=lambda i: (barycentre(i), lineage.units[i].name))
        for index, unit_id in enumerate(row):
            position[unit_id] = index
    return rows


def _years(lineage: Lineage, unit_id) -> str:
    span = lineage.span(unit_id)
    if not span.start and not span.end:
        return ""
    return f"{span.start or '?'} – {span.end or ''}".strip()


def render_lineage_svg(lineage: Lineage, url_for) -> str:
    """`url_for(unit)` gives the link of a unit's box."""
    rows = layers_of(lineage)
    widest = max((len(r) for r in rows), default=1)
    width = MARGIN * 2 + widest * BOX_W + (widest - 1) * GAP_X
    height = MARGIN * 2 + len(rows) * BOX_H + (len(rows) - 1) * GAP_Y
    boxes = {}
    for depth, row in enumerate(rows):
        row_width = len(row) * BOX_W + (len(row) - 1) * GAP_X
        left = (width - row_width) / 2
        for index, unit_id in enumerate(row):
            boxes[unit_id] = (left + index * (BOX_W + GAP_X), MARGIN + depth * (BOX_H + GAP_Y))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lineage" role="img" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ]
    for edge in lineage.edges:
        (sx, sy), (tx, ty) = boxes[edge.source], boxes[edge.target]
        x1, y1, x2, y2 = sx + BOX_W / 2, sy + BOX_H, tx + BOX_W / 2, ty
        mid = (y1 + y2) / 2
        parts.append(
            f'<path class="edge" d="M{x1:.0f},{y1:.0f} C{x1:.0f},{mid:.0f} {x2:.0f},{mid:.0f} {x2:.0f},{y2 - 2:.0f}" '
            f'fill="none" stroke="#555" stroke-width="1.4" marker-end="url(#arrow)">'
            f"<title>{escape(str(edge.event))}</title></path>"
        )
        parts.append(
            f'<text x="{(x1 + x2) / 2 + 4:.0f}" y="{mid:.0f}" font-size="11" fill="#333">'
            f"{escape(edge.event.date_text)}</text>"
        )
    for unit_id, (x, y) in boxes.items():
        unit = lineage.units[unit_id]
        focus = unit_id == lineage.focus.pk
        lines = textwrap.wrap(unit.name, LINE_CHARS)[:2] or [unit.code]
        text = "".join(
            f'<tspan x="{x + BOX_W / 2:.0f}" dy="{0 if i == 0 else 15}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        parts.append(
            f'<a href="{escape(url_for(unit))}" class="unit" data-code="{escape(unit.code)}">'
            f"<title>{escape(unit.name)}</title>"
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6" '
            f'fill="{"#fff3cd" if focus else "#eef3f8"}" stroke="{"#b8860b" if focus else "#79aec8"}" '
            f'stroke-width="{2.5 if focus else 1.2}"/>'
            f'<text x="{x + BOX_W / 2:.0f}" y="{y + 18:.0f}" font-size="12" text-anchor="middle" '
            f'font-weight="{"bold" if focus else "normal"}" fill="#222">{text}</text>'
            f'<text x="{x + BOX_W / 2:.0f}" y="{y + BOX_H - 8:.0f}" font-size="11" text-anchor="middle" '
            f'fill="#555">{escape(_years(lineage, unit_id))}</text></a>'
        )
    parts.append("</svg>")
    # Safe: every text and attribute above went through escape().
    return mark_safe("".join(parts))


def linked_lineage_svg(lineage: Lineage, user, url_name: str) -> str:
    """The drawing with each box linked to the admin page `url_name` of its unit, where the
    user may see that unit; a unit outside their scope is drawn but not linked."""

    def url_for(other) -> str:
        return reverse(f"admin:{url_name}", args=[other.pk]) if organisation_visible(other, user) else "#"

    return render_lineage_svg(lineage, url_for)
