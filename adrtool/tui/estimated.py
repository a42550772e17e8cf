"""Estimated tags of untagged decisions, as the UI shows them: dimmed, marked "estimated", apart from tags.

An estimate (adrtool.reasoning.estimate) is never a tag: the table draws it
as `~deliberate` in the muted colour, the detail pane and the reading view say
"(estimated)" with the lines it rests on, and the 2x2 counts estimated
decisions beside the tagged ones, as the digest does.  They are made for
every untagged decision once per load, in a worker after the table is up
(about 0.1 ms a decision), and kept only as long as that load.  No Textual here.
"""

from __future__ import annotations

from collections import Counter

from adrtool.model import Decision

MARK = "~"  # before an estimated value in a table cell (the legend says so)
LEGEND = "~ estimated from the text, not a tag (t tags them)"
SHORT_LEGEND = "~ estimated"


def estimates_of(repo) -> dict[int, object]:
    """id(decision) -> Estimate, for every decision with a tag missing (two processes when many)."""
    from adrtool.reasoning.estimate import estimate_many

    untagged = [d for d in repo.decisions if not d.is_tagged]
    return {id(d): est for d, est in zip(untagged, estimate_many(repo, untagged))}


def estimate_of(repo, decision: Decision | None, known: dict | None = None):
    """The decision's estimate (None when it is tagged): from this load's estimates, or made now."""
    if decision is None or decision.is_tagged:
        return None
    found = known.get(id(decision)) if known is not None else None
    if found is None:
        from adrtool.reasoning.estimate import estimate

        found = estimate(decision, repo)
    return found


def cell(value: str) -> str:
    """A table cell for an estimated value (its colour token filled in when the cell is drawn)."""
    return f"[italic @adr-muted]{MARK}{value}[/]"


def counts(decisions: list[Decision], known: dict) -> Counter:
    """quadrant -> untagged decisions in force estimated in it: the digest's `estimated` counts."""
    from adrtool.digest.content import in_force
    from adrtool.reasoning.estimate import judged_quadrant

    return Counter(judged_quadrant(d, known[id(d)]) for d in decisions
                   if not d.is_tagged and id(d) in known and in_force(d))
