"""Running the offline rubric from the UI: lazily imported, in worker threads, never fatal."""

from __future__ import annotations

from adrtool import dialects
from adrtool.model import Decision


def rubric_available() -> bool:
    try:
        import adrtool.review.rubric  # noqa: F401
    except ImportError:
        return False
    return True


def check(decision: Decision, repo=None, history=None):
    """Findings for one decision, or None when the review engine is not installed.

    A failing rule must not take the UI down with it: it becomes one finding.
    """
    try:
        from adrtool.review import rubric
    except ImportError:
        return None
    try:
        return rubric.check(decision, repo=repo, history=history)
    except Exception as exc:
        return [_finding(decision.path, f"the review could not run: {type(exc).__name__}: {exc}",
                         "report this as a bug in adrtool")]


def ai_enabled(repo) -> bool:
    try:
        from adrtool import ai
    except ImportError:
        return False
    return repo is not None and ai.enabled(repo.config)


def stored_ai_findings(repo, decision: Decision) -> list:
    """The AI review findings already stored for this decision (no network); [] when AI is off."""
    if not ai_enabled(repo):
        return []
    try:
        from adrtool.ai import stored

        return stored.review_findings(repo, [decision])
    except Exception as exc:  # a damaged results file must not hide the rubric's findings
        return [_finding(decision.path, f"stored AI results unreadable: {exc}", "run the AI review again")]


def run_ai_review(repo, decision: Decision, progress, cancel) -> str:
    """Ask the model to review one decision (from a worker thread); returns a one-line outcome."""
    from adrtool.ai import AIError, review

    try:
        run = review.review_decisions(repo, [decision], progress=progress, cancel=cancel)
    except AIError as exc:
        return f"AI review not done: {exc}"
    if cancel.is_set():
        return "AI review cancelled"
    if run.problems:
        return "AI review failed: " + "; ".join(o.message for o in run.problems)
    return "AI review done" + (" (stored result reused)" if all(o.state == "reused" for o in run.outcomes) else "")


def check_text(path: str, text: str, repo=None):
    """Findings for text being edited (parsed as the record it will become), or None."""
    try:
        record, _inline = dialects.parse_file(path, text, True)
    except Exception as exc:  # a half-typed front matter block: say so instead of failing
        return [_finding(path, str(exc).splitlines()[0], "fix the front matter")]
    if record is None:
        return []
    return check(record, repo)


def _finding(path: str, message: str, recommendation: str):
    from adrtool.review.findings import Finding

    return Finding("tui/review", "error", path, None, message, recommendation)
