"""The answers a coding agent (or `adrtool governs`) gets: plain JSON-ready data, no SDK.

The point of the two tags is what they mean for a change: an arbitrary
two-way decision may be changed as soon as there is better data; a
deliberate one-way door must be engaged with first.  `advice` says so in
one line, and says "untagged" rather than guess (an untagged decision is
treated as deliberate and one-way, as the review does).
"""

from __future__ import annotations

import re
from pathlib import Path

from adrtool import governs
from adrtool.model import Choice, Decision, Door, Kind, Status

_ADVICE = {
    (Choice.DELIBERATE, Door.ONE_WAY): "read the reasoning before changing this; a change against it needs a new "
                                       "decision that supersedes it",
    (Choice.DELIBERATE, Door.TWO_WAY): "thought through but cheap to undo: engage with the reasoning, then change it",
    (Choice.ARBITRARY, Door.ONE_WAY): "a best guess that is expensive to undo: gather data first, then propose a "
                                      "replacement",
    (Choice.ARBITRARY, Door.TWO_WAY): "free to change with better data; say so in the record",
}
MAX_SUMMARY = 200
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(`*])")
_IN_FORCE = (Status.ACCEPTED, Status.PROPOSED, Status.UNKNOWN)
# Most binding first: what an agent must read before it may go on.
_WEIGHT = {(Choice.DELIBERATE, Door.ONE_WAY): 0, (Choice.ARBITRARY, Door.ONE_WAY): 1,
           (Choice.DELIBERATE, Door.TWO_WAY): 2, (Choice.ARBITRARY, Door.TWO_WAY): 3}


def tags_label(d: Decision) -> str:
    """'deliberate, one-way', 'untagged', or 'arbitrary, door untagged'."""
    if d.choice is None and d.door is None:
        return "untagged"
    choice = d.choice.value if d.choice else "choice untagged"
    door = d.door.value if d.door else "door untagged"
    return f"{choice}, {door}"


def _effective(d: Decision) -> tuple[Choice, Door]:
    # A missing tag is read as the side that asks more care, as the review judges untagged decisions.
    return d.choice or Choice.DELIBERATE, d.door or Door.ONE_WAY


def advice(d: Decision) -> str:
    """What the decision means for a change, in one line."""
    if d.status not in _IN_FORCE:
        return f"{d.status.value}: no longer in force; it does not constrain this change"
    text = f"{tags_label(d)}: {_ADVICE[_effective(d)]}"
    if not d.is_tagged:
        text += " (treated as deliberate, one-way until tagged)"
    if d.status is Status.PROPOSED:
        text = "proposed, not yet accepted; " + text
    return text


def summary_reader(repo):
    from adrtool.digest.summary import stored_summary_reader

    return stored_summary_reader(repo)


def summary(repo, d: Decision, stored=None) -> str:
    """One line: the first sentence of the stored AI summary or of the digest's extract, else the title."""
    from adrtool.digest.summary import summarize

    text = " ".join(summarize(repo, d, stored).text.split())
    if not text:
        return d.title
    first = _SENTENCE_END.split(text, 1)[0]
    return first if len(first) <= MAX_SUMMARY else first[: MAX_SUMMARY - 1].rsplit(" ", 1)[0] + "…"


def brief(repo, d: Decision, stored=None) -> dict:
    """A decision as an agent needs it first: id, title, tags, status, where, summary, advice."""
    return {
        "id": d.id,
        "title": d.title,
        "status": d.status.value,
        "choice": d.choice.value if d.choice else None,
        "door": d.door.value if d.door else None,
        "path": d.path,
        "line": d.line,
        "kind": d.kind.value,
        "summary": summary(repo, d, stored),
        "advice": advice(d),
    }


def binding_order(d: Decision) -> tuple:
    return (d.status not in _IN_FORCE, _WEIGHT[_effective(d)], d.id)


def decisions_for_paths(repo, paths: list[str], include_closed: bool = False) -> dict:
    """The decisions whose `governs` globs match `paths` (repository-relative), most binding first.

    Decisions no longer in force (superseded, deprecated, rejected) are only
    counted, unless `include_closed`: they do not constrain a change.
    """
    stored = summary_reader(repo)
    # A folder is asked about as a folder ("src/storage/"), which the patterns covering it match.
    as_given = {(p.rstrip("/") + "/" if (repo.root / p).is_dir() else p): p for p in paths}
    found = sorted(governs.governing(repo.decisions, list(as_given)), key=lambda pair: binding_order(pair[0]))
    found = [(d, [as_given[h] for h in hits]) for d, hits in found]
    out, closed = [], 0
    for d, hits in found:
        if d.status not in _IN_FORCE and not include_closed:
            closed += 1
            continue
        item = brief(repo, d, stored)
        item["governs"] = list(d.governs)
        item["matches"] = hits
        out.append(item)
    return {"paths": list(paths), "decisions": out, "not_in_force": closed}


def full(repo, d: Decision) -> dict:
    """The JSON contract of `adrtool show --json`, plus the one-line summary and the advice."""
    data = d.to_json()
    data["body"] = d.body
    data["summary"] = summary(repo, d, summary_reader(repo))
    data["advice"] = advice(d)
    return data


def resource_text(repo, d: Decision) -> str:
    """A decision as a resource: the record file as written; for an inline decision its line and where it is."""
    if d.kind is Kind.RECORD:
        return repo.text(d)
    return f"{d.body}\n\n(inline decision {d.id} in {d.path}, line {d.line}; {advice(d)})\n"


def changed_paths(repo, base: str | None) -> list[str]:
    """The files this branch changes against the merge base of `base`, committed or not (repository-relative)."""
    from adrtool.review.changes import diff

    return sorted(set(diff(repo, base, worktree=True).files))


def relative_to_root(repo, paths: list[str], cwd: Path) -> list[str]:
    """Shell paths (relative to `cwd`, or absolute inside the repository) as repository-relative ones."""
    from adrtool.agents.paths import confine

    return [confine(repo.root, p, cwd=cwd, absolute_ok=True) for p in paths]
