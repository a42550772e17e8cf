"""The catalogue of review rules: stable ids, default severity and what each one asks.

The ids are a contract (SARIF rule ids, suppressions, CI logs); a rule may be
reworded but never renamed.  Some rules report a different severity by
context (a missing rationale is an error on a one-way door, a warning on a
two-way door); the default here is the usual one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str


_RULES = [
    # The reasoning rubric (one decision at a time).
    Rule("rubric/untagged", "warning", "Decision has no choice/door tags; judged as a deliberate one-way door until tagged"),
    Rule("rubric/arbitrary-one-way", "error", "An arbitrary choice behind a one-way door: an irreversible decision with no reasoning"),
    Rule("rubric/missing-context", "error", "A one-way door without a context or problem statement"),
    Rule("rubric/missing-options", "error", "A one-way door without at least two considered options that are real alternatives"),
    Rule("rubric/missing-rationale", "error", "No rationale that says why the chosen option wins"),
    Rule("rubric/missing-consequences", "error", "A one-way door without consequences"),
    Rule("rubric/missing-negative-consequence", "error", "A one-way door whose consequences name no negative one"),
    Rule("rubric/missing-decision-makers", "warning", "A one-way door decided by its author alone (no decision-makers, no Reviewed-by)"),
    Rule("rubric/missing-evidence", "warning", "A one-way door with no evidence: no reference, data or experiment"),
    Rule("rubric/missing-confirmation", "warning", "A one-way door with no confirmation or revisit plan"),
    Rule("rubric/crowd-wording", "note", "Crowd-following wording stands in for a reason"),
    Rule("rubric/absolute-wording", "note", "Absolute wording hides the trade-off"),
    Rule("rubric/missing-revisit", "note", "An arbitrary two-way door without a revisit trigger"),
    # Workflow rules (on the diff).
    Rule("workflow/accepted-rewritten", "error", "An accepted decision's decision or rationale was rewritten in place"),
    Rule("workflow/deleted-record", "error", "A decision record was deleted"),
    Rule("workflow/status-outside-lifecycle", "error", "A status change outside the lifecycle"),
    Rule("workflow/number-collision", "error", "A new record's number is already used on the base branch or another branch"),
    Rule("workflow/broken-link", "error", "A link or supersedes to a missing decision"),
    Rule("workflow/missing-reference", "warning", "A reference to a file that does not exist"),
    Rule("workflow/revisit-due", "warning", "The revisit date has passed"),
    Rule("workflow/stale-proposal", "note", "A proposal open for more than 30 days"),
    Rule("workflow/governed-change", "note", "The change touches files an accepted decision governs"),
]
RULES: dict[str, Rule] = {r.id: r for r in _RULES}


def summary(rule_id: str) -> str:
    rule = RULES.get(rule_id)
    return rule.summary if rule else rule_id


def default_severity(rule_id: str) -> str:
    rule = RULES.get(rule_id)
    return rule.severity if rule else "warning"
