"""The slower work behind the detail pane, the reading view and the editors: the offline rubric, the
reasoning card, a file's git history, stored AI results and the optional AI review.  Called from
worker threads; imports what each needs when it is needed; never fatal to the UI."""

from __future__ import annotations

from adrtool import dialects
from adrtool.model import Decision


def check(decision: Decision, repo=None, history=None):
    """Findings for one decision, or None when the review engine is not installed.

    A failing rule must not take the UI down with it: it becomes one finding.
    """
    try:
        from adrtool.review import rubric

        return rubric.check(decision, repo=repo, history=history)
    except ImportError:
        return None
    except Exception as exc:
        return [_finding(decision.path, f"the review could not run: {type(exc).__name__}: {exc}",
                         "report this as a bug in adrtool")]


def card_for(decision: Decision, repo=None, history=None):
    """The reasoning card (adrtool.reasoning), or one line saying why there is none."""
    try:
        from adrtool.reasoning import read_card

        return read_card(decision, repo, history)
    except ImportError:  # adrtool.reasoning.essentials not built yet
        return "not available in this build"
    except Exception as exc:  # a failing reader must not take the pane with it
        return f"could not be read: {type(exc).__name__}: {exc}"


# Below this many records a single file's `git log` is quick enough to ask for while the
# whole history is still loading; above it, the detail pane waits for the whole history.
PER_FILE_HISTORY_LIMIT = 2000


def repository_history(repo):
    """The whole repository's history (None outside git or when git fails: history is a nicety)."""
    try:
        from adrtool import history

        return history.load(repo)
    except Exception:
        return None


def history_of(repo, decision: Decision, histories=None):
    """The git history of one decision's file, from the whole history when it is loaded."""
    try:
        if histories is not None:
            entry = histories.get(decision.path)
        elif repo is not None and len(repo.records) <= PER_FILE_HISTORY_LIMIT:
            from adrtool import history

            found = history.load(repo, [decision.path])
            entry = found.get(decision.path) if found else None
        else:
            return None
        if entry is not None:
            entry.timeline  # reads the file's old versions now, in this worker
        return entry
    except Exception:
        return None


def ai_enabled(repo) -> bool:
    try:
        from adrtool import ai
    except ImportError:
        return False
    return repo is not None and ai.enabled(repo.config)


def findings_for(decision: Decision, repo=None, history=None):
    """The rubric's findings merged with the stored AI verdict (no network, no SDK import).

    With AI on and a current verified verdict stored, a rubric error the judge cleared with a quote
    it verified becomes a warning marked "cleared by AI review", and the judge's own findings follow
    (`adrtool.ai.verdicts.merged_findings`, what `adrtool review` prints).  None when the review
    engine is not installed.
    """
    found = check(decision, repo, history)
    if not ai_enabled(repo):
        return found
    try:
        from adrtool.ai import verdicts

        return verdicts.merged_findings(repo, decision, found or []).findings
    except Exception as exc:  # a damaged results file must not hide the rubric's findings
        return (found or []) + [_finding(decision.path, f"stored AI results unreadable: {exc}", "run the AI review again")]


def stored_summary(repo, decision: Decision) -> str | None:
    """The stored AI summary of this decision when current (no network); None when AI is off or there is none."""
    if not ai_enabled(repo):
        return None
    try:
        from adrtool.ai.summarize import summary_for

        return summary_for(repo, decision)
    except Exception:
        return None


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
        return [_finding(path, (str(exc).strip().splitlines() or [type(exc).__name__])[0], "fix the front matter")]
    if record is None:
        return []
    return check(record, repo)


def _finding(path: str, message: str, recommendation: str):
    from adrtool.review.findings import Finding

    return Finding("tui/review", "error", path, None, message, recommendation)
