"""Inline decisions in text being typed: find them, label them, retag one line, write a new one.

No Textual here: the design-document editor calls these on every change (a
scan of one document is a regex per line that mentions "ecision": well under a
millisecond), and tests call them directly.  The parsing is the store's own
(adrtool.dialects.inline), so what the editor marks is what `adrtool list` reads.
"""

from __future__ import annotations

import re

from adrtool.dialects import inline
from adrtool.model import Choice, Decision, Door

MARK_WIDTH = 5  # cells of the gutter mark: "A·2w "
_CHOICE = {Choice.DELIBERATE: "D", Choice.ARBITRARY: "A", None: "?"}
_DOOR = {Door.ONE_WAY: "1w", Door.TWO_WAY: "2w", None: "??"}
LEGEND = "D deliberate · A arbitrary · 1w one-way · 2w two-way · ? untagged"
# A line that already links to a record file (Markdown or RST) has been promoted (or points at its record).
_LINKS_TO_RECORD = re.compile(r"\]\([^)\s]*\.(?:md|rst)\b")


def stem(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    lower = name.lower()
    return name[:-3] if lower.endswith(".md") else name[:-4] if lower.endswith(".rst") else name


def scan(path: str, text: str) -> list[Decision]:
    """The inline decisions of a document as the store would read them (lines are 1-based)."""
    return inline.scan(path, text, stem(path))


def label(decision: Decision) -> str:
    """The gutter mark: choice and door in four cells, e.g. "A·2w"; "?·??" when untagged."""
    return f"{_CHOICE[decision.choice]}·{_DOOR[decision.door]}"


def at_row(decisions: list[Decision], row: int) -> Decision | None:
    """The decision on a 0-based row, if that line is one."""
    return next((d for d in decisions if d.line == row + 1), None)


def retag(line: str, *, choice: Choice | None = None, door: Door | None = None) -> str:
    """The same line with one tag set (the other tokens, their order and everything else kept)."""
    return inline.retag(line, choice=choice, door=door)


def new_line(choice: Choice, door: Door, text: str = "") -> str:
    """A new tagged inline decision, as a list item (the form the README shows)."""
    return f"- Decision ({choice.value}, {door.value}): {text}"


def promoted(decision: Decision) -> bool:
    return bool(_LINKS_TO_RECORD.search(decision.body))


def may_promote(decision: Decision) -> bool:
    """Writing is worth it for one-way doors: a one-way inline decision not yet promoted."""
    return decision.door is Door.ONE_WAY and not promoted(decision)


def newly_one_way(before: list[Decision], after: list[Decision]) -> list[Decision]:
    """Decisions re-tagged one-way: on a line that held a decision that was not one-way (offer promotion).

    A line typed new with `one-way` already in it is offered in the side list, not with a toast
    per keystroke."""
    by_line = {d.line: d for d in before}
    return [d for d in after if may_promote(d) and d.line in by_line and by_line[d.line].door is not Door.ONE_WAY]
