"""The two pictures of the HTML digest, drawn as inline SVG (no scripts, no fonts to fetch)."""

from __future__ import annotations

from html import escape

from adrtool.digest import text
from adrtool.digest.content import Digest

_CELL_W, _CELL_H, _LABEL_W, _HEAD_H = 170, 112, 98, 34


def quadrant_chart(d: Digest) -> str:
    """The 2x2 (deliberate/arbitrary by one-way/two-way) plus the untagged bar; each cell filters."""
    width = _LABEL_W + 2 * _CELL_W + 12
    height = _HEAD_H + 2 * _CELL_H + 70
    out = [f'<svg class="quadrants" viewBox="0 0 {width} {height}" role="group" '
           f'aria-label="Decisions by choice and door" xmlns="http://www.w3.org/2000/svg">']
    for col, door in enumerate(("One-way door", "Two-way door")):
        x = _LABEL_W + col * _CELL_W + _CELL_W / 2
        out.append(f'<text class="axis" x="{x:g}" y="22" text-anchor="middle">{door}</text>')
    for row, choice in enumerate(("Deliberate", "Arbitrary")):
        y = _HEAD_H + row * _CELL_H + _CELL_H / 2
        out.append(f'<text class="axis" x="{_LABEL_W - 12}" y="{y + 5:g}" text-anchor="end">{choice}</text>')
    cells = (("deliberate/one-way", 0, 0), ("deliberate/two-way", 1, 0),
             ("arbitrary/one-way", 0, 1), ("arbitrary/two-way", 1, 1))
    for quadrant, col, row in cells:
        x, y = _LABEL_W + col * _CELL_W, _HEAD_H + row * _CELL_H
        out.append(_cell(d, quadrant, x + 4, y + 4, _CELL_W - 8, _CELL_H - 8, big=True))
    y = _HEAD_H + 2 * _CELL_H + 10
    out.append(_cell(d, "untagged", _LABEL_W + 4, y, 2 * _CELL_W - 8, 52, big=False))
    out.append("</svg>")
    return "".join(out)


def _cell(d: Digest, quadrant: str, x: float, y: float, w: float, h: float, big: bool) -> str:
    count = d.counts[quadrant]
    name = text.SHORT_NAMES[quadrant]
    cls = quadrant.replace("/", "-")
    label = f"{count} {name.lower()}: show only these"
    if big and d.counts["untagged"]:
        label += f" ({d.estimated[quadrant]} more estimated, not tagged)"
    parts = [f'<g class="quad q-{cls}" data-quadrant="{quadrant}" role="button" tabindex="0" '
             f'aria-pressed="false" data-name="{escape(text.QUADRANT_NAMES[quadrant])}" aria-label="{escape(label)}">',
             f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="10"/>']
    if big:
        low = 8 if d.counts["untagged"] else 0  # room above the count for the estimate's box
        parts.append(f'<text class="count" data-count="{count}" x="{x + w / 2:g}" y="{y + h / 2 + 6 + low:g}" '
                     f'text-anchor="middle">{count}</text>')
        parts.append(f'<text class="name" x="{x + w / 2:g}" y="{y + h - 14:g}" text-anchor="middle">{escape(name)}</text>')
        if d.counts["untagged"]:  # the estimates, apart from the tagged count: a dashed box of their own
            n = d.estimated[quadrant]
            parts.append(f'<g class="est" data-estimated="{n}"><title>{n} untagged decision{"s" if n != 1 else ""} '
                         f'estimated here (estimates, not tags)</title>'
                         f'<rect class="est-box" x="{x + w - 74:g}" y="{y + 5:g}" width="68" height="22" rx="6"/>'
                         f'<text class="est-count" x="{x + w - 40:g}" y="{y + 20:g}" text-anchor="middle">'
                         f'{n} est.</text></g>')
    else:
        parts.append(f'<text class="count small" data-count="{count}" x="{x + 22:g}" y="{y + h / 2 + 9:g}">{count}</text>')
        what = "untagged, estimated above" if count else "untagged: no tags recorded yet"
        parts.append(f'<text class="name" x="{x + 22 + 16 * len(str(count)) + 14:g}" y="{y + h / 2 + 5:g}">'
                     f'{what}</text>')
    parts.append("</g>")
    return "".join(parts)


_BOX_W, _BOX_H, _GAP_X, _GAP_Y, _CHARS = 220, 46, 46, 12, 27


def chain_graph(chain, entry_of) -> str:
    """One supersession group, oldest on the left; each box links to its record."""
    width = chain.width * (_BOX_W + _GAP_X) - _GAP_X + 4
    height = chain.height * (_BOX_H + _GAP_Y) - _GAP_Y + 4

    def pos(m):
        return 2 + chain.column[id(m)] * (_BOX_W + _GAP_X), 2 + chain.row[id(m)] * (_BOX_H + _GAP_Y)

    out = [f'<svg class="chain" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'role="img" aria-label="Supersession chain" xmlns="http://www.w3.org/2000/svg">']
    for old, new in chain.edges:
        (x1, y1), (x2, y2) = pos(old), pos(new)
        out.append(f'<path class="edge" d="M{x1 + _BOX_W} {y1 + _BOX_H / 2} C{x1 + _BOX_W + _GAP_X / 2} '
                   f'{y1 + _BOX_H / 2} {x2 - _GAP_X / 2} {y2 + _BOX_H / 2} {x2 - 6} {y2 + _BOX_H / 2}"/>'
                   f'<path class="arrow" d="M{x2 - 7} {y2 + _BOX_H / 2 - 5} L{x2 - 1} {y2 + _BOX_H / 2} '
                   f'L{x2 - 7} {y2 + _BOX_H / 2 + 5} Z"/>')
    for m in chain.members:
        e = entry_of[id(m)]
        x, y = pos(m)
        title = m.title if len(m.title) <= _CHARS else m.title[: _CHARS - 1] + "…"
        state = "past" if m.status.value in ("superseded", "deprecated", "rejected") else "live"
        out.append(f'<a href="{escape(e.link)}"><g class="node {state} q-{m.quadrant.replace("/", "-")}" '
                   f'><title>{escape(text.label(e))} ({m.status.value})</title>'
                   f'<rect x="{x}" y="{y}" width="{_BOX_W}" height="{_BOX_H}" rx="8"/>'
                   f'<text class="id" x="{x + 10}" y="{y + 17}">{escape(m.id if m.number is not None else m.date or "")}'
                   f' · {m.status.value}</text>'
                   f'<text x="{x + 10}" y="{y + 36}">{escape(title)}</text></g></a>')
    out.append("</svg>")
    return "".join(out)
