"""`adrtool review`: the decisions a branch changed, judged by the rubric and the workflow rules.

`run_review` gathers the findings into a `ReviewReport`; `formats.render`
prints it.  Everything here runs offline and never imports `adrtool.ai`: stored AI
verdicts are merged on top by `adrtool review` (cli/review_cmd.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from adrtool.review.changes import Change, ReviewError
from adrtool.review.findings import SEVERITY_RANK, Finding

__all__ = ["Change", "Finding", "ReviewError", "ReviewReport", "run_review"]


@dataclass
class ReviewReport:
    mode: str  # "branch", "worktree" or "all"
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    base: str | None = None  # the base ref used
    base_commit: str | None = None
    merge_base: str | None = None
    head: str | None = None
    prefix: str = ""  # where the paths are inside the git work tree, for annotations and SARIF

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "note": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def fails(self, fail_on: str) -> bool:
        """Whether a finding reaches `fail_on` (error, warning or note)."""
        return any(f.at_least(fail_on) for f in self.findings)


def run_review(repo, *, base: str | None = None, worktree: bool = False, all: bool = False,
               today: dt.date | None = None) -> ReviewReport:
    """Review the decisions changed since the merge base of `base` (or every decision, with `all`)."""
    from adrtool.review import rubric, workflow
    from adrtool.review.changes import diff

    today = today or dt.date.today()
    if all:
        report = ReviewReport("all", changes=[Change("unchanged", d.path, d) for d in repo.decisions])
        git_diff = None
        histories = _histories(repo, None, None)
        if histories is not None and histories.shallow:
            from adrtool.history import SHALLOW_NOTICE

            report.notices.append(SHALLOW_NOTICE)
    else:
        git_diff = diff(repo, base, worktree)
        report = ReviewReport("worktree" if worktree else "branch", changes=git_diff.changes,
                              notices=list(git_diff.notices), base=git_diff.base, base_commit=git_diff.base_commit,
                              merge_base=git_diff.merge_base, head=git_diff.head,
                              prefix=git_diff.prefix)
        paths = sorted({c.path for c in git_diff.changes} | {c.old_path for c in git_diff.changes if c.old_path})
        histories = _histories(repo, paths, git_diff.merge_base)
    findings: list[Finding] = []
    for change in report.changes:
        findings += workflow.deleted(change) + workflow.status_outside_lifecycle(change) + workflow.accepted_rewritten(change)
        d = change.decision
        if d is None:
            continue
        history = histories.get(d.path) if histories else None
        findings += rubric.check(d, repo=repo, history=history)
        findings += workflow.links_and_references(repo, d)
        findings += workflow.revisit_due(d, today) + workflow.stale_proposal(d, today, history)
    if git_diff is not None:
        findings += workflow.number_collisions(repo, git_diff) + workflow.governed_changes(repo, git_diff)
    report.findings = sorted(set(findings), key=lambda f: (f.path, f.line or 0, -SEVERITY_RANK[f.severity], f.rule, f.message))
    return report


def _histories(repo, paths, since):
    """The branch's own history of the changed files (whole-repository history with --all).

    Only the branch's commits are read, so that a review stays fast on a long
    history: "the author" is then whoever wrote the change under review, and
    its `Reviewed-by:` trailers are the ones that count.
    """
    from adrtool import history

    if paths is not None and not paths:
        return None
    return history.load(repo, paths, since)
