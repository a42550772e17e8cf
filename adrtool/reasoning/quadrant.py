"""Which quadrant a decision is judged in: the one its tags name, or a stand-in when it has none."""

from __future__ import annotations

from adrtool.model import Choice, Decision, Door

TAGS, DEFAULT, ESTIMATE = "tags", "default", "estimate"


def judged_quadrant(decision: Decision) -> tuple[Choice, Door, str]:
    """(choice, door, basis) the reasoning of `decision` is judged by.

    A tagged decision is judged by its tags (basis "tags").  An untagged one
    (either tag missing) is judged as a deliberate one-way door, the quadrant
    that owes the most (basis "default"): a missing tag must not lower the
    bar.  This is the one place that choice is made; when adrtool can
    estimate the quadrant of an untagged decision, this function returns the
    estimate with basis "estimate", and every caller (the card, the rubric,
    the TUI) follows.
    """
    if decision.choice is not None and decision.door is not None:
        return decision.choice, decision.door, TAGS
    return decision.choice or Choice.DELIBERATE, decision.door or Door.ONE_WAY, DEFAULT


def label(choice: Choice, door: Door) -> str:
    return f"{choice.value}/{door.value}"
