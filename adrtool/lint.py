"""Repository consistency checks behind `adrtool lint` (and reused by review).

Each finding is a `Problem` with a stable rule id (`code`) and a severity.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

from adrtool.model import Kind, Problem, Relation, Status

SEVERITY_RANK = {"note": 0, "warning": 1, "error": 2}


def reference_problem(repo, decision, ref: str) -> Problem | None:
    """A reference that is missing, or that escapes the repository (refused, never followed)."""
    if "://" in ref or ref.startswith("mailto:"):
        return None
    line = decision.field_lines.get("references")
    root = repo.root.resolve()
    candidate = Path(ref)
    if candidate.is_absolute():
        return Problem(decision.path, f"reference '{ref}' is an absolute path; references must stay inside the repository",
                       line, "reference-escapes", "error")
    target = (repo.root / ref)
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return Problem(decision.path, f"reference '{ref}' cannot be resolved (symlink loop?)", line, "missing-reference", "warning")
    if resolved != root and root not in resolved.parents:
        return Problem(decision.path, f"reference '{ref}' resolves outside the repository; refused",
                       line, "reference-escapes", "error")
    if not os.path.exists(resolved):
        return Problem(decision.path, f"reference '{ref}' does not exist", line, "missing-reference", "warning")
    return None


def link_problems(repo, decision) -> list[Problem]:
    out = []
    for link in decision.links:
        target = link.target
        if target.startswith(("http://", "https://")):
            continue
        if target.endswith((".md", ".rst")) or "/" in target:
            base = (repo.root / decision.path).parent
            resolved = (base / target.split("#")[0]).resolve()
            root = repo.root.resolve()
            if root not in resolved.parents:
                out.append(Problem(decision.path, f"link '{target}' points outside the repository",
                                   link.line, "link-escapes", "error"))
                continue
        if repo.resolve_link(decision, target) is None:
            out.append(Problem(decision.path, f"{link.relation.value} link to missing decision '{target}'",
                               link.line, "broken-link", "error"))
    return out


# A record named by number and by title in one entry, `- ADR-004 — Trading Core Responsibilities` (Hopeful117/trading-os
# eb9b4609cde5 docs/architecture/adr/ADR-002.md, where 0004 is "Market Intelligence Architecture" and 0005 is that
# title; bench/reading/DEFINITIONS.md, truth38): the number is read, and a title that shares no word with its record's
# is worth a look.
# Only a list entry that opens with the number: in a sentence (`This ADR supersedes ADR-0037 — its core Decision
# Outcome ...`, LayeredCraft/compono docs/adr/0038-*.md) what follows the dash describes, it does not name.
_NAMED_NUMBER = r"^[ \t]*[-*+][ \t]+(?:ADR|adr|Adr)?[-\s#]*0*{n}(?!\d)[ \t]*(?:[—–:]|-(?=[ \t]))[ \t]*(?P<title>[^()\[\]|\n]+)"
_WORD = re.compile(r"[^\W\d_]{3,}")
_SMALL_WORDS = frozenset({"the", "and", "for", "with", "from", "into", "over", "our", "use", "using", "adr", "record",
                          "decision", "architecture", "architectural"})


def _title_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _SMALL_WORDS}


def link_title_problems(repo, decision) -> list[Problem]:
    """Links by number whose entry also gives a title that names another record, or none: a number written wrong."""
    out: list[Problem] = []
    lines = None
    for link in decision.links:
        if not link.target.isdigit() or link.line is None:
            continue
        found = repo.resolve_link(decision, link.target)
        if found is None or not found.title:
            continue
        if lines is None:
            lines = repo.text(decision).splitlines()
        if link.line > len(lines):
            continue
        m = re.match(_NAMED_NUMBER.format(n=int(link.target)), lines[link.line - 1].replace("**", "").replace("__", ""))
        written = _title_words(m.group("title")) if m else set()
        if not written or written & _title_words(found.title) or m.group("title").isascii() != found.title.isascii():
            continue  # (a title in another script, `Initial Design` for a Russian one, cannot be compared word for word)
        named = m.group("title").strip().rstrip(".,;")
        other = max(((len(written & _title_words(d.title)), d) for d in repo.records if d is not found and d.title),
                    key=lambda pair: pair[0], default=(0, None))
        hint = f"; {other[1].id} is '{other[1].title}'" if other[0] * 2 >= len(written) else ""
        out.append(Problem(decision.path, f"{link.relation.value} link names {found.id} as '{named}', but {found.id} is "
                           f"'{found.title}'{hint}", link.line, "link-title-mismatch", "warning"))
    return out


def lint(repo) -> list[Problem]:
    findings: list[Problem] = list(repo.problems)
    by_id: dict[str, list] = defaultdict(list)
    for d in repo.decisions:
        findings.extend(d.problems)
        by_id[d.id].append(d)
    for ident, group in by_id.items():
        if len(group) > 1:
            paths = ", ".join(g.path + (f":{g.line}" if g.line else "") for g in group)
            for g in group:
                findings.append(Problem(g.path, f"duplicate id {ident} ({paths})", g.line, "duplicate-id", "error"))
    for d in repo.decisions:
        if d.kind is Kind.RECORD:
            findings.extend(link_problems(repo, d))
            findings.extend(link_title_problems(repo, d))
            for ref in d.references:
                p = reference_problem(repo, d, ref)
                if p:
                    findings.append(p)
        if not d.is_tagged:
            missing = [name for name, v in (("choice", d.choice), ("door", d.door)) if v is None]
            findings.append(Problem(d.path, f"{d.id} is untagged (no {' or '.join(missing)}); "
                                    f"run `adrtool tag {d.id} --choice ... --door ...`",
                                    d.line or d.field_lines.get("title"), "untagged", "warning"))
        if d.kind is Kind.RECORD and d.status is Status.UNKNOWN:
            what = f"unrecognised status '{d.status_raw}'" if d.status_raw else "no status"
            findings.append(Problem(d.path, f"{d.id} has {what}", d.field_lines.get("status"), "unknown-status", "warning"))
    # Supersession must be written on both sides.
    for d in repo.records:
        for link in d.links:
            target = repo.resolve_link(d, link.target)
            if target is None:
                continue
            if link.relation is Relation.SUPERSEDES:
                if target.status is not Status.SUPERSEDED and not any(
                    repo.resolve_link(target, l.target) is d for l in target.links if l.relation is Relation.SUPERSEDED_BY
                ):
                    findings.append(Problem(target.path, f"{target.id} is superseded by {d.id} but does not say so",
                                            target.field_lines.get("status"), "supersede-one-sided", "error"))
            if link.relation is Relation.SUPERSEDED_BY:
                if not any(repo.resolve_link(target, l.target) is d for l in target.links if l.relation is Relation.SUPERSEDES):
                    findings.append(Problem(target.path, f"{target.id} supersedes {d.id} but does not say so",
                                            target.field_lines.get("title"), "supersede-one-sided", "warning"))
        if d.status is Status.SUPERSEDED and not d.superseded_by:
            findings.append(Problem(d.path, f"{d.id} is superseded but names no successor",
                                    d.field_lines.get("status"), "superseded-without-successor", "error"))
    findings.sort(key=lambda p: (p.path, p.line or 0, p.code))
    return findings
