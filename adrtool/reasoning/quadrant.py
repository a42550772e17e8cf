"""Which quadrant a decision is judged in: the one its tags name, or a stand-in when it has none."""

from __future__ import annotations

from adrtool.model import Choice, Decision, Door

TAGS, DEFAULT, ESTIMATE = "tags", "default", "estimate"


def judged_quadrant(decision: Decision) -> tuple[Choice, Door, str]:
    """(choice, door, basis) the reasoning of `decision` is judged by.

    A tagged decision is judged by its tags (basis "tags").  An untagged one
    (either tag missing) is judged by its estimated quadrant (basis
    "estimate"): each missing tag is replaced by the offline estimate
    (`adrtool.reasoning.estimate`), which leans one-way when the text gives
    too little and never calls a pick deliberate without visible reasoning.
    This is the one place that choice is made; the card, the rubric and the
    TUI follow it.
    """
    if decision.choice is not None and decision.door is not None:
        return decision.choice, decision.door, TAGS
    from adrtool.reasoning.estimate import estimate

    est = estimate(decision)
    return (decision.choice or Choice(est.choice.value), decision.door or Door(est.door.value), ESTIMATE)


def label(choice: Choice, door: Door) -> str:
    return f"{choice.value}/{door.value}"
