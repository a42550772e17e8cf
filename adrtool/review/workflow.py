"""Workflow rules: what a change to the decision log must not do, judged on the diff.

What may change in an accepted record is set by `[tool.adrtool.review]`
(`review.settings`); metadata lines (status, tags, links) always may.  The
typo threshold: the texts are compared word by word.  The edit
is typo-sized when no word was added or removed, at most three words were
replaced, and each replacement is spelled nearly the same: the same letters
swapped ("teh" -> "the"), or a difflib ratio of at least 0.75 ("recieve" ->
"receive").  Punctuation, case and
whitespace changes never count.  Anything more changes what was decided,
and an accepted decision is changed by superseding it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

from adrtool import lint, record_names, vocabulary
from adrtool.authoring import lifecycle
from adrtool.model import Choice, Decision, Door, Kind, Status
from adrtool.reasoning import meaning
from adrtool.review.changes import Change, Diff
from adrtool.review.findings import Finding
from adrtool.review.settings import ReviewSettings

MAX_TYPO_WORDS = 3
MIN_TYPO_SIMILARITY = 0.75
STALE_PROPOSAL_DAYS = 30
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
_CLOSED = (Status.SUPERSEDED, Status.DEPRECATED, Status.REJECTED)


# ---- rules on one changed decision ----------------------------------------------


def accepted_rewritten(change: Change, settings: ReviewSettings, corrected: bool = False) -> list[Finding]:
    """An accepted record's body rewritten on the branch; `corrected`: a commit says `Correction:`."""
    before, after = change.before, change.decision
    if settings.accepted_edits == "any" or before is None or after is None or before.status is not Status.ACCEPTED \
            or after.kind is Kind.INLINE:
        return []
    old, new = body_text(before), body_text(after)
    if _words(old) == _words(new):
        return []
    if settings.accepted_edits == "typo":
        allowed, how = is_typo_sized(old, new), "more than a typo-sized edit"
    elif corrected or settings.corrected_by_label:
        allowed = is_typo_sized(_decided_text(before) or "", _decided_text(after) or "")
        how = "its decision or rationale changed beyond a typo fix, even as a correction"
    else:
        allowed, how = False, "with no `Correction:` trailer or correction label"
    if allowed:
        return []
    return [Finding("workflow/accepted-rewritten", "error", after.path, after.field_lines.get("title"),
                    f"{after.id} was accepted, and its body was rewritten in place ({how})",
                    f"supersede it instead (`adrtool new \"...\" --supersedes {after.id}`); for a typo or link fix, "
                    f"add a `Correction:` trailer to the commit or the `{settings.correction_label}` label", after.id)]


# Metadata lines of every dialect: they may change on an accepted record (status, tags, links).
_META_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:status|date|deciders|decision-makers|decision makers|choice|door|revisit|"
    r"tags|governs|references|supersedes|superseded by|superseded-by|amends|amended by|relates to|relates-to)"
    r"(?:\*\*)?\s*:", re.IGNORECASE)


def body_text(d: Decision) -> str:
    """The record's body without its metadata: status, tag and link lines, and the Status and Links sections."""
    from adrtool.dialects.link_lines import parse_link_line

    out = []
    skipping = False
    for line in d.body.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            heading = meaning.normalize(stripped.lstrip("#"))
            skipping = meaning.meaning_of(heading) == meaning.STATUS or heading in ("links", "related decisions")
            if not skipping:
                out.append(stripped)
            continue
        if skipping or not stripped or _META_LINE.match(line) or parse_link_line(line):
            continue
        out.append(stripped)
    return "\n".join(out)


def changed_body(change: Change) -> bool:
    """Whether the change rewrote the record's words (not only its status, tags or links)."""
    if change.decision is None:
        return False
    if change.before is None:
        return True
    return _words(body_text(change.before)) != _words(body_text(change.decision))


def _decided_text(d: Decision) -> str | None:
    found = meaning.read(d.body)
    parts = [found.with_children(m) for m in (meaning.DECISION, meaning.RATIONALE) if found.get(m)]
    return "\n".join(parts) if parts else None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", vocabulary.strip_accents(text).lower())


def is_typo_sized(old: str, new: str) -> bool:
    """Whether `new` differs from `old` only by typo fixes (see the module's docstring)."""
    a, b = _words(old), _words(new)
    replaced = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or (i2 - i1) != (j2 - j1):
            return False
        for x, y in zip(a[i1:i2], b[j1:j2]):
            if sorted(x) != sorted(y) and difflib.SequenceMatcher(None, x, y).ratio() < MIN_TYPO_SIMILARITY:
                return False
            replaced += 1
    return replaced <= MAX_TYPO_WORDS


def deleted(change: Change) -> list[Finding]:
    if change.kind != "deleted" or change.before is None:
        return []
    d = change.before
    if d.status in _CLOSED:
        return [Finding("workflow/deleted-closed-record", "note", change.path, None,
                        f"decision record {d.id} ({d.title}) was deleted; it was {d.status.value}",
                        "history is cheaper to keep than to lose: consider restoring it", d.id)]
    return [Finding("workflow/deleted-record", "error", change.path, None,
                    f"decision record {d.id} ({d.title}) was deleted while {d.status.value}",
                    f"restore it and deprecate or supersede it instead: `adrtool status {d.id} deprecated`", d.id)]


def unreadable(problems) -> list[Finding]:
    """Decision files that could not be read at all: each is a finding, with its file and line."""
    return [Finding("workflow/unreadable-file", "error" if p.severity == "error" else "warning", p.path, p.line,
                    f"{p.path} cannot be read: {p.message}",
                    "fix the file (front matter, encoding) so that adrtool and every other reader can parse it")
            for p in problems]


def invalid_metadata(d: Decision) -> list[Finding]:
    """A decision's own problems (a value adrtool does not know), and the file's encoding when it is not UTF-8."""
    return [Finding("workflow/legacy-encoding", p.severity, p.path, p.line, p.message,
                    "other tools and editors may not read it: convert it to UTF-8 (the message says how)", d.id)
            if p.code == "legacy-encoding" else
            Finding("workflow/invalid-metadata", p.severity, p.path, p.line, p.message,
                    "use a value adrtool knows (`adrtool lint` lists them)", d.id)
            for p in d.problems if p.severity in ("error", "warning") and p.code != "front-matter"]


def proposed_on_main(d: Decision, settings: ReviewSettings, target: str | None) -> list[Finding]:
    if not settings.proposed_on_main or d.status is not Status.PROPOSED or not settings.is_main(target):
        return []
    return [Finding("workflow/proposed-on-main", "error", d.path, d.field_lines.get("status") or d.line,
                    f"{d.id} is still proposed, and would reach {target}",
                    f"decide it before it merges: `adrtool status {d.id} accepted` or `rejected`", d.id)]


def status_outside_lifecycle(change: Change) -> list[Finding]:
    before, after = change.before, change.decision
    if before is None or after is None or before.status is after.status:
        return []
    if lifecycle.is_allowed(before.status, after.status):
        return []
    return [Finding("workflow/status-outside-lifecycle", "error", after.path,
                    after.field_lines.get("status") or after.line,
                    f"{after.id}: status {lifecycle.explain(before.status, after.status)}",
                    "restore the status; a decision that changes this much is superseded by a new one", after.id)]


def links_and_references(repo, d: Decision) -> list[Finding]:
    if d.kind is not Kind.RECORD:
        return []
    out = []
    for p in lint.link_problems(repo, d):
        out.append(Finding("workflow/broken-link", "error", p.path, p.line, p.message,
                           "point the link at an existing decision (`adrtool list`), or remove it", d.id))
    for p in lint.link_title_problems(repo, d):
        out.append(Finding("workflow/link-title-mismatch", "warning", p.path, p.line, p.message,
                           "check the number: the entry's title is another record's, or none", d.id))
    for ref in d.references:
        p = lint.reference_problem(repo, d, ref)
        if p:
            out.append(Finding("workflow/missing-reference", p.severity, p.path, p.line, p.message,
                               "add the file, fix the path, or remove the reference", d.id))
    return out


def revisit_due(d: Decision, today: dt.date) -> list[Finding]:
    when = _date(d.revisit)
    if when is None or when > today or d.status in _CLOSED:
        return []
    return [Finding("workflow/revisit-due", "warning", d.path, d.field_lines.get("revisit") or d.line,
                    f"{d.id} was due for a revisit on {when.isoformat()}",
                    f"revisit it: confirm it (and set a new date with `adrtool tag {d.id} --revisit ...`), or supersede it",
                    d.id)]


def stale_proposal(d: Decision, today: dt.date, history=None) -> list[Finding]:
    if d.status is not Status.PROPOSED or d.kind is not Kind.RECORD:
        return []
    opened = _date(d.date)
    created = getattr(history, "created", None) if history is not None else None
    if created is not None:
        opened = created.date() if opened is None else min(opened, created.date())
    if opened is None or (today - opened).days <= STALE_PROPOSAL_DAYS:
        return []
    return [Finding("workflow/stale-proposal", "note", d.path, d.field_lines.get("status"),
                    f"{d.id} has been proposed since {opened.isoformat()} ({(today - opened).days} days)",
                    f"decide it: `adrtool status {d.id} accepted` or `rejected`", d.id)]


def _date(text: str | None) -> dt.date | None:
    m = _ISO_DATE.match(text or "")
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None


# ---- rules on the whole change ------------------------------------------------------


def number_collisions(repo, d: Diff, settings: ReviewSettings | None = None) -> list[Finding]:
    """New (or renumbered) records whose number the base branch's tip or another branch gives another file."""
    added = [c.decision for c in d.changes if c.decision is not None and c.decision.kind is Kind.RECORD
             and c.decision.number is not None
             and (c.kind == "added" or (c.kind == "renamed" and c.before is not None and c.before.number != c.decision.number))]
    if not added or d.gitrepo is None:
        return []
    elsewhere = _numbers_on_other_refs(repo, d, settings is None or settings.numbers_on_other_branches)
    used = {r.number for r in repo.records if r.number is not None} | set(elsewhere)
    next_free = max(used, default=0) + 1
    out = []
    for rec in added:
        others = [(ref, path) for ref, path in elsewhere.get(rec.number, []) if path != rec.path]
        if not others:
            continue
        where = ", ".join(f"{path} on {ref}" for ref, path in others[:3])
        out.append(Finding("workflow/number-collision", "error", rec.path, rec.field_lines.get("title"),
                           f"number {rec.number} is already used: {where}",
                           f"renumber this record: `adrtool renumber {rec.path} {next_free}`", rec.id))
        next_free += 1
    return out


def _numbers_on_other_refs(repo, d: Diff, other_branches: bool = True) -> dict[int, list[tuple[str, str]]]:
    """number -> (ref, repository-relative path) on the base's tip and (unless told not to) every other branch."""
    from adrtool.history import pathspecs, prefix_of

    gitrepo = d.gitrepo
    top = Path(gitrepo.working_tree_dir)
    specs = pathspecs(repo, top)
    prefix = prefix_of(repo, top)
    try:
        current = gitrepo.git.symbolic_ref("--short", "-q", "HEAD").strip()
    except Exception:
        current = ""  # detached HEAD
    try:
        own_upstream = gitrepo.git.rev_parse("--abbrev-ref", "--symbolic-full-name", "@{upstream}").strip()
    except Exception:
        own_upstream = ""
    refs: dict[str, str] = {d.base_commit: d.base}
    listing = gitrepo.git.for_each_ref("--format=%(objectname) %(refname:short) %(symref)", "refs/heads",
                                       "refs/remotes") if other_branches else ""
    for line in listing.splitlines():
        parts = line.split(" ")
        if len(parts) < 2 or (len(parts) > 2 and parts[2]) or parts[1] in (current, own_upstream) or parts[0] == d.head:
            continue
        refs.setdefault(parts[0], parts[1])
    found: dict[int, list[tuple[str, str]]] = {}
    for commit, name in refs.items():
        if not specs:
            break
        for path in gitrepo.git.ls_tree("-r", "--name-only", "-z", commit, "--", *specs).split("\0"):
            if not path.lower().endswith((".md", ".rst")) or (prefix and not path.startswith(prefix)):
                continue
            number = record_names.file_number(path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
            rel = path[len(prefix):]
            if number is not None and (name, rel) not in found.get(number, []):
                found.setdefault(number, []).append((name, rel))
    return found


def governed_changes(repo, d: Diff) -> list[Finding]:
    """Accepted decisions whose `governs` globs match files this change touches."""
    changed = [f for f in d.files if f not in repo.texts]
    if not changed:
        return []
    out = []
    for dec in repo.decisions:
        if dec.status is not Status.ACCEPTED or not dec.governs:
            continue
        spec = governs_spec(dec.governs)
        hits = [f for f in changed if spec.match_file(f)]
        if not hits:
            continue
        one_way = (dec.choice or Choice.DELIBERATE) is Choice.DELIBERATE and (dec.door or Door.ONE_WAY) is Door.ONE_WAY
        shown = ", ".join(hits[:5]) + (f" and {len(hits) - 5} more" if len(hits) > 5 else "")
        out.append(Finding("workflow/governed-change", "warning" if one_way else "note", dec.path,
                           dec.field_lines.get("governs") or dec.line,
                           f"this change touches files governed by {dec.id} ({dec.title}): {shown}",
                           f"read {dec.id} before changing what it protects; supersede it if the change goes against it",
                           dec.id))
    return out


def governs_spec(patterns: list[str]):
    """A decision's `governs` globs as one matcher (`adrtool.governs`: the digest and `adrtool governs` use it too)."""
    from adrtool import governs

    return governs.spec(patterns)
