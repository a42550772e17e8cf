"""`adrtool review`: the decisions a branch changed, judged by the rubric and the workflow rules.

`run_review` gathers the findings into a `ReviewReport`, with each reviewed
decision's reasoning card; `formats.render` prints it.  Everything here runs
offline and imports nothing of `adrtool.ai`: the command (`cli/review_cmd.py`)
adds stored AI results on top.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from adrtool.review.changes import Change, ReviewError
from adrtool.review.findings import SEVERITY_RANK, Finding

__all__ = ["Change", "Finding", "ReviewError", "ReviewReport", "run_review"]


@dataclass
class ReviewReport:
    mode: str  # "branch", "worktree", "all" or "ids"
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    base: str | None = None  # the base ref used
    base_commit: str | None = None
    merge_base: str | None = None
    head: str | None = None
    prefix: str = ""  # where the paths are inside the git work tree, for annotations and SARIF
    cards: dict = field(default_factory=dict)  # decision id -> reasoning card of each reviewed decision
    history: list = field(default_factory=list)  # closed decisions listed, not judged on reasoning
    files_read: int = 0  # decision files read (in the change, or all with --all)
    files_unreadable: int = 0  # of those, the ones that could not be read

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "note": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def fails(self, fail_on: str) -> bool:
        """Whether a finding reaches `fail_on` (error, warning or note)."""
        return any(f.at_least(fail_on) for f in self.findings)

    def add(self, findings) -> None:
        """Add findings (e.g. stored AI ones) and keep the report's order."""
        self.findings = sorted(set(self.findings) | set(findings),
                               key=lambda f: (f.path, f.line or 0, -SEVERITY_RANK[f.severity], f.rule, f.message))


def run_review(repo, *, base: str | None = None, worktree: bool = False, all: bool = False,
               ids: list[str] | None = None, labels: list[str] | tuple = (), today: dt.date | None = None) -> ReviewReport:
    """Review the decisions changed since the merge base of `base` (every decision with `all`, or `ids`)."""
    from adrtool.reasoning import read_card
    from adrtool.review import changes as changes_mod, rubric, settings as settings_mod, workflow

    today = today or dt.date.today()
    try:
        settings = settings_mod.read(repo.config, labels)
    except ValueError as exc:
        raise ReviewError(str(exc)) from None
    git_diff = None
    corrected: set[str] = set()
    if all or ids:
        chosen = repo.decisions if all else _resolve(repo, ids)
        report = ReviewReport("all" if all else "ids", changes=[Change("unchanged", d.path, d) for d in chosen])
        histories = _histories(repo, [d.path for d in chosen] if ids else None, None)
        if histories is not None and histories.shallow:
            from adrtool.history import SHALLOW_NOTICE

            report.notices.append(SHALLOW_NOTICE)
        problems = [p for p in repo.problems] if all else []
        report.files_read = len(repo.files) if all else len({d.path for d in chosen})
    else:
        git_diff = changes_mod.diff(repo, base, worktree)
        report = ReviewReport("worktree" if worktree else "branch", changes=git_diff.changes,
                              notices=list(git_diff.notices), base=git_diff.base, base_commit=git_diff.base_commit,
                              merge_base=git_diff.merge_base, head=git_diff.head,
                              prefix=git_diff.prefix)
        paths = sorted({c.path for c in git_diff.changes} | {c.old_path for c in git_diff.changes if c.old_path})
        histories = _histories(repo, paths, git_diff.merge_base)
        changed_files = set(git_diff.files)
        problems = [p for p in repo.problems if p.path in changed_files]
        report.files_read = len({c.path for c in git_diff.changes if c.decision is not None} | {p.path for p in problems})
        corrected = changes_mod.corrected_paths(git_diff) if not worktree else set()
    # Broken front matter no longer drops the record (the rest of it is read), but it is still a file
    # that could not be read whole: the same error as before.
    scope = None if git_diff is None and all else (set(git_diff.files) if git_diff is not None else {d.path for d in chosen})
    problems += [p for d in repo.records if d.problems and (scope is None or d.path in scope)
                 for p in d.problems if p.code == "front-matter"]
    report.files_unreadable = len({p.path for p in problems})
    target = report.base if git_diff is not None else _current_branch(repo)
    findings: list[Finding] = workflow.unreadable(problems)
    for change in report.changes:
        findings += workflow.deleted(change) + workflow.status_outside_lifecycle(change)
        findings += workflow.accepted_rewritten(change, settings, change.path in corrected)
        d = change.decision
        if d is None:
            continue
        history = histories.get(d.path) if histories else None
        card = read_card(d, repo, history)
        report.cards[d.id] = card
        rewritten = change.kind != "unchanged" and workflow.changed_body(change)
        if card.closed and not rewritten:
            report.history.append(d)
        findings += rubric.check(d, repo=repo, history=history, changed=rewritten, card=card)
        findings += workflow.invalid_metadata(d) + workflow.links_and_references(repo, d)
        findings += workflow.revisit_due(d, today) + workflow.stale_proposal(d, today, history)
        findings += workflow.proposed_on_main(d, settings, target)
    if git_diff is not None:
        findings += workflow.number_collisions(repo, git_diff, settings) + workflow.governed_changes(repo, git_diff)
    report.add(findings)
    return report


def _resolve(repo, ids: list[str]):
    """The decisions `ids` name, resolved as every command resolves them (a bad id is a usage error)."""
    from adrtool.store import StoreError

    out = []
    for ref in ids:
        try:
            d = repo.resolve(ref)
        except StoreError as exc:
            raise ReviewError(str(exc)) from None
        if d not in out:
            out.append(d)
    return out


def _current_branch(repo) -> str | None:
    from adrtool.history import git_repo

    try:
        gitrepo = git_repo(repo.root)
        return gitrepo.active_branch.name if gitrepo is not None else None
    except Exception:  # detached HEAD, no commits, no git
        return None


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
