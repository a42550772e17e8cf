"""The catalogue of review rules: stable ids, default severity and what each one asks.

The ids are a contract (SARIF rule ids, suppressions, CI logs); a rule may be
reworded but never renamed, and a rule no longer reported stays listed as
retired.  The essentials kept their first ids when the rubric learnt to look
for them anywhere in a record (missing-options is the alternatives
essential, missing-rationale the reason, missing-negative-consequence the
cost); each has a `thin-` twin for the warning.  Some rules report a different severity by
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
    # The reasoning rubric (one decision at a time; the policy is adrtool/review/POLICY.md).
    # Essentials: an error when absent on a one-way door, a warning when thin.
    Rule("rubric/missing-decision", "error", "No line states what was decided (a template, a sign-post or nothing)"),
    Rule("rubric/thin-decision", "warning", "The decision is only pointed at (another document, the title)"),
    Rule("rubric/missing-options", "error", "A one-way door with no real alternative and a reason it lost"),
    Rule("rubric/thin-options", "warning", "Alternatives are dismissed in a word, or named without why they lost"),
    Rule("rubric/missing-rationale", "error", "No reason of the record's own for the choice (a warning on a deliberate two-way door)"),
    Rule("rubric/thin-rationale", "warning", "The reason is formulaic, or only in the context"),
    Rule("rubric/missing-negative-consequence", "error", "A one-way door that names no downside, trade-off or risk of the choice"),
    Rule("rubric/thin-negative-consequence", "warning", "A downside of the choice appears only in passing"),
    Rule("rubric/unfilled", "error", "The record is still its template (a warning on a two-way door)"),
    Rule("rubric/arbitrary-one-way", "error",
         "An arbitrary choice behind a one-way door, without why an arbitrary pick is acceptable and what undoing it costs"),
    Rule("rubric/untagged", "warning", "Decision has no choice/door tags; judged as a deliberate one-way door until tagged"),
    # Supports: notes.
    Rule("rubric/missing-decision-makers", "note", "A one-way door decided by its author alone (no decision-makers, no Reviewed-by)"),
    Rule("rubric/missing-evidence", "note", "A one-way door with no evidence: no reference, data or experiment"),
    Rule("rubric/missing-confirmation", "note", "A one-way door with no confirmation or revisit plan"),
    Rule("rubric/crowd-wording", "note", "Crowd-following wording stands in for a reason"),
    Rule("rubric/absolute-wording", "note", "Absolute wording hides the trade-off"),
    Rule("rubric/missing-revisit", "note", "An arbitrary two-way door without a revisit trigger"),
    # Retired: kept so that old SARIF results and suppressions still resolve; no longer reported.
    Rule("rubric/missing-context", "note", "Retired: the context is not one of the essentials"),
    Rule("rubric/missing-consequences", "note", "Retired: a downside counts wherever it is written (missing-negative-consequence)"),
    # Workflow rules (on the diff, or every file with --all).
    Rule("workflow/unreadable-file", "error", "A decision file that cannot be read (malformed front matter, a binary file, ...)"),
    Rule("workflow/invalid-metadata", "error", "A decision whose metadata is wrong (an unknown tag or status value)"),
    Rule("workflow/legacy-encoding", "warning", "A decision file saved in cp1252 or latin-1, not UTF-8 (read, and written back in it)"),
    Rule("workflow/accepted-rewritten", "error", "An accepted decision's body was rewritten in place (status and link lines excepted)"),
    Rule("workflow/deleted-record", "error", "A decision record was deleted without being superseded, deprecated or rejected first"),
    Rule("workflow/deleted-closed-record", "note", "A superseded, deprecated or rejected record was deleted"),
    Rule("workflow/status-outside-lifecycle", "error", "A status change outside the lifecycle"),
    Rule("workflow/number-collision", "error", "A record's number is already used on the base branch's tip or another branch"),
    Rule("workflow/proposed-on-main", "error", "A proposed decision would reach the main branch (when [tool.adrtool.review] asks)"),
    Rule("workflow/broken-link", "error", "A link or supersedes to a missing decision"),
    Rule("workflow/link-title-mismatch", "warning", "A link names a record by number and by a title that is not that record's"),
    Rule("workflow/missing-reference", "warning", "A reference to a file that does not exist"),
    Rule("workflow/revisit-due", "warning", "The revisit date has passed"),
    Rule("workflow/stale-proposal", "note", "A proposal open for more than 30 days"),
    Rule("workflow/governed-change", "note", "The change touches files an accepted decision governs"),
]
# The finding ids of each essential: (when absent, when thin).
ESSENTIAL_RULES = {
    "decision": ("rubric/missing-decision", "rubric/thin-decision"),
    "alternatives": ("rubric/missing-options", "rubric/thin-options"),
    "reason": ("rubric/missing-rationale", "rubric/thin-rationale"),
    "cost": ("rubric/missing-negative-consequence", "rubric/thin-negative-consequence"),
}
SUPPORT_RULES = {
    "evidence": "rubric/missing-evidence",
    "decision-makers": "rubric/missing-decision-makers",
    "plan": "rubric/missing-confirmation",
}
RULES: dict[str, Rule] = {r.id: r for r in _RULES}


def summary(rule_id: str) -> str:
    rule = RULES.get(rule_id)
    return rule.summary if rule else rule_id


def default_severity(rule_id: str) -> str:
    rule = RULES.get(rule_id)
    return rule.severity if rule else "warning"
