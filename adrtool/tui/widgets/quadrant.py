"""The 2x2: deliberate/arbitrary by one-way/two-way door, with counts; the heart of the product.

Counts are decisions in force, as the digest counts them (adrtool.digest.content.in_force:
not proposed, superseded, deprecated or rejected), and the chart says so.  On a
small terminal the chart collapses to one line above the table (QuadrantSummary).
Selecting a quadrant (click, or arrows + enter when focused) posts
`QuadrantChart.Selected`; selecting it again clears the filter.
"""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from adrtool.model import Decision
from adrtool.tui import keys

QUADRANTS = ("deliberate/one-way", "deliberate/two-way", "arbitrary/one-way", "arbitrary/two-way", "untagged")
# (x, y) -> quadrant; x: door (one-way, two-way), y: choice (deliberate, arbitrary)
LAYOUT = {(0, 0): QUADRANTS[0], (1, 0): QUADRANTS[1], (0, 1): QUADRANTS[2], (1, 1): QUADRANTS[3], (0, 2): QUADRANTS[4]}


def in_force_counts(decisions: list[Decision]) -> tuple[Counter, int]:
    """(quadrant -> decisions in force, how many are in force): the digest's rule, from the digest."""
    from adrtool.digest.content import in_force

    live = [d for d in decisions if in_force(d)]
    return Counter(d.quadrant for d in live), len(live)


def summary_markup(counts: Counter, live: int, selected: str = "", estimated: Counter | None = None) -> str:
    """The 2x2 in one line (80 columns): `8 in force · delib 1w 2 2w 1 · arbit 1w ⚠2 2w 1 · untagged 2`,
    with the untagged ones' estimates apart and dimmed (`1w 2 ~5`)."""
    def cell(quadrant: str, label: str) -> str:
        n = counts.get(quadrant, 0)
        guessed = (estimated or {}).get(quadrant, 0)
        text = f"{label} [b]{'⚠' if quadrant == 'arbitrary/one-way' and n else ''}{n}[/b]"
        if guessed:
            text += f" [i $text-muted]~{guessed}[/]"
        return f"[reverse]{text}[/reverse]" if quadrant == selected else text

    return (f"[b]{live}[/b] in force · delib {cell('deliberate/one-way', '1w')} {cell('deliberate/two-way', '2w')}"
            f" · arbit {cell('arbitrary/one-way', '1w')} {cell('arbitrary/two-way', '2w')} · {cell('untagged', 'untagged')}")


HINTS = {
    "deliberate/one-way": "weighed, hard to undo",
    "deliberate/two-way": "weighed, cheap to undo",
    "arbitrary/one-way": "⚠ hasty, hard to undo",
    "arbitrary/two-way": "picked, cheap to undo",
    "untagged": "not yet tagged",
}


class QuadrantCell(Static):
    def __init__(self, quadrant: str) -> None:
        super().__init__(classes="cell " + quadrant.replace("/", "-"), id="q-" + quadrant.replace("/", "-"))
        self.quadrant = quadrant
        self.count = self.estimated = 0

    def show(self, count: int, total: int, estimated: int = 0) -> None:
        """The tagged count and its share; the untagged decisions estimated here on a line of their own."""
        self.count, self.estimated = count, estimated
        share = f"{round(100 * count / total)}%" if total else "-"
        if self.quadrant == "untagged":
            how = "t tags them, estimates first" if count else HINTS["untagged"]
            self.update(f"[b]{count}[/b] untagged  [$text-muted]{how}[/]")
        else:
            guessed = f"\n[i]~{estimated} estimated[/i]" if estimated else ""
            self.update(f"[b]{count}[/b] · {share}\n[i]{HINTS[self.quadrant]}[/i]{guessed}")

    def on_click(self) -> None:
        self.query_ancestor(QuadrantChart).choose(self.quadrant)


class QuadrantChart(Widget, can_focus=True):
    BINDINGS = keys.bindings("quadrant")

    selected: reactive[str] = reactive("")
    cursor: reactive[tuple[int, int]] = reactive((0, 0))

    class Selected(Message):
        def __init__(self, quadrant: str) -> None:
            super().__init__()
            self.quadrant = quadrant  # "" when the filter is cleared

    def compose(self) -> ComposeResult:
        yield Static("", id="quadrant-caption")
        with Grid(id="quadrant-grid"):
            yield Static("", classes="corner")
            yield Static("[b]one-way[/b] door", classes="axis col")
            yield Static("[b]two-way[/b] door", classes="axis col")
            yield Static("[b]deliberate[/b]", classes="axis row")
            yield QuadrantCell("deliberate/one-way")
            yield QuadrantCell("deliberate/two-way")
            yield Static("[b]arbitrary[/b]", classes="axis row")
            yield QuadrantCell("arbitrary/one-way")
            yield QuadrantCell("arbitrary/two-way")
            yield Static("", classes="corner")
            yield QuadrantCell("untagged")

    def show_counts(self, counts: Counter, live: int, total: int, estimated: Counter | None = None) -> None:
        """Counts of decisions in force (see in_force_counts); `total` is every decision, for the caption;
        `estimated`: the untagged ones by estimated quadrant (estimated.counts), drawn apart."""
        caption = f"[b]{live}[/b] in force [$text-muted](of {total}: proposed and closed ones are not counted)[/]"
        if estimated:
            caption += "\n[$text-muted]~N estimated: untagged, by their estimates (not tags)[/]"
        self.query_one("#quadrant-caption", Static).update(caption)
        for cell in self.query(QuadrantCell):
            cell.show(counts.get(cell.quadrant, 0), live, (estimated or {}).get(cell.quadrant, 0))

    def counts(self) -> dict[str, int]:
        return {cell.quadrant: cell.count for cell in self.query(QuadrantCell)}

    def estimated_counts(self) -> dict[str, int]:
        return {cell.quadrant: cell.estimated for cell in self.query(QuadrantCell) if cell.quadrant != "untagged"}

    def choose(self, quadrant: str) -> None:
        self.selected = "" if quadrant == self.selected else quadrant
        self.post_message(self.Selected(self.selected))

    def watch_selected(self, selected: str) -> None:
        for cell in self.query(QuadrantCell):
            cell.set_class(cell.quadrant == selected, "-selected")

    def watch_cursor(self) -> None:
        self._paint_cursor()

    def on_focus(self) -> None:
        self._paint_cursor()

    def on_blur(self) -> None:
        self._paint_cursor()

    def _paint_cursor(self) -> None:
        current = LAYOUT[self.cursor]
        for cell in self.query(QuadrantCell):
            cell.set_class(self.has_focus and cell.quadrant == current, "-cursor")

    def action_move(self, dx: int, dy: int) -> None:
        x, y = self.cursor
        x, y = max(0, min(1, x + dx)), max(0, min(2, y + dy))
        if y == 2:
            x = 0
        self.cursor = (x, y)

    def action_select(self) -> None:
        self.choose(LAYOUT[self.cursor])


class QuadrantSummary(Static):
    """The 2x2 as one line, for terminals too small for the chart; a click clears the quadrant filter."""

    def show_counts(self, counts: Counter, live: int, selected: str = "", estimated: Counter | None = None) -> None:
        self._counts, self._live, self._estimated = counts, live, estimated
        self.update(summary_markup(counts, live, selected, estimated))

    def show_selected(self, selected: str) -> None:
        if hasattr(self, "_counts"):
            self.update(summary_markup(self._counts, self._live, selected, self._estimated))
