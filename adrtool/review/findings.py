"""A review finding: what every rule (rubric, workflow, AI) reports, and every format prints."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("note", "warning", "error")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Finding:
    rule: str  # stable id, e.g. "rubric/one-way-missing-options"
    severity: str  # note | warning | error
    path: str  # repository-relative file
    line: int | None
    message: str  # what is wrong, one line
    recommendation: str  # what to do about it, one line
    decision_id: str | None = None
    source: str = "rules"  # "rules" for the offline checks, "ai" for the optional AI pass

    def at_least(self, severity: str) -> bool:
        return SEVERITY_RANK[self.severity] >= SEVERITY_RANK[severity]
