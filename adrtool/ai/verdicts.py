"""The stored AI verdicts, read back, verified, and merged into the offline review; no network.

A stored answer counts only while the request that would be sent now hashes
the same (the record, its references, the offline card, the prompt and the
model are unchanged).  Its quotes are checked again on every read, against
the decision text that request carries, so what `adrtool review` shows is
always what the record says.  The SDK is never imported here.
"""

from __future__ import annotations

from adrtool.ai import config as ai_config
from adrtool.model import Decision


def has_review_results(repo) -> bool:
    """Whether any AI review is stored; checked before anything else is imported, so that
    `adrtool review` in a repository without AI results pays only for this look."""
    return (repo.root / ai_config.load(repo.config).results_dir / "review").is_dir()


def stored_verdict(repo, decision: Decision):
    """(the current stored Verdict, verified, or None; the request it answers, or None when it cannot be built)."""
    from adrtool.ai import review, stored
    from adrtool.store import StoreError

    try:
        request = review.request_for(repo, decision)
        found = stored.current(repo, request)
    except (OSError, StoreError):
        return None, None
    if found is None:
        return None, request
    try:
        return review.verified(request, found.data), request
    except ValueError:  # a hand-damaged results file: as if there were none
        return None, request


def merged_findings(repo, decision: Decision, findings: list):
    """One decision's offline findings merged with its stored AI verdict (unchanged without one):
    a `reasoning.merge.Merged`."""
    from adrtool.reasoning import merge
    from adrtool.review.findings import Finding

    verdict, request = stored_verdict(repo, decision) if has_review_results(repo) else (None, None)
    if verdict is None:
        return merge.Merged(list(findings))
    return merge.merge(request.context, findings, verdict, Finding)


def merge_into_report(repo, report) -> None:
    """Merge every current stored AI verdict into an offline `ReviewReport`, in place.

    The one call `adrtool review` makes for AI results.  Each decision's
    findings keep their place; what the judge added follows them.  Quotes
    that could not be verified become notices, naming the file.  The
    report's cards (when it keeps them) become the merged cards.
    """
    if not has_review_results(repo):
        return  # no AI results: no request to hash, and the offline verdict as it is
    from adrtool.reasoning.merge import merge_card, shorten

    decisions = [c.decision for c in report.changes if c.decision is not None]
    by_id = {d.id: d for d in decisions}
    replaced: dict[str, list] = {}
    cards = getattr(report, "cards", None)  # what `review --explain` prints: the merged card
    for d in decisions:
        own = [f for f in report.findings if f.decision_id == d.id and f.path == d.path]
        merged = merged_findings(repo, d, own)
        if merged.findings != own:
            replaced[d.id] = merged.findings
        if merged.verdict is not None and cards is not None and d.id in cards:
            cards[d.id] = merge_card(cards[d.id], merged.verdict)
        for u in merged.unverified:
            report.notices.append(f"{d.path}: AI review quote ignored ({u.why}), for {u.where}: "
                                  f"\"{shorten(u.quote)}\"")
    if not replaced:
        return
    out, done = [], set()
    for f in report.findings:
        key = f.decision_id if f.decision_id in replaced and by_id[f.decision_id].path == f.path else None
        if key is None:
            out.append(f)
        elif key not in done:
            done.add(key)
            out += replaced[key]
    out += [f for key, found in replaced.items() if key not in done for f in found]  # a decision with no offline finding
    report.findings = out


def review_findings(repo, decisions: list[Decision]) -> list:
    """The findings the AI judge adds for these decisions, from stored, verified verdicts (no network).

    For a view that shows the AI's findings beside the rubric's (the TUI's
    detail pane); `merged_findings` gives the merged list, with clearings.
    """
    out = []
    for d in decisions:
        out += merged_findings(repo, d, []).added
    return out


