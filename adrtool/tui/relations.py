"""Links of a decision in both directions, resolved to decisions (pure; no Textual)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from adrtool import record_names
from adrtool.model import Decision, Relation
from adrtool.tui.inline_lines import stem as file_stem

_NUMBER_REF = re.compile(r"(?:adr)?[-_ #]*0*(\d{1,5})", re.IGNORECASE)


@dataclass(frozen=True)
class LinkItem:
    relation: Relation
    target: Decision | None  # None when the link does not resolve
    written: str  # the reference as written
    incoming: bool  # found in the other decision's file


def _could_name(target: str, d: Decision) -> bool:
    """A cheap pre-check before the store's resolution (a scan of every decision): can `target` mean d?"""
    stem = file_stem(target.split("#", 1)[0])
    if stem.lower() in (d.stem.lower(), d.id.lower()):
        return True
    if d.number is None:
        return False
    m = _NUMBER_REF.fullmatch(stem)
    return int(m.group(1)) == d.number if m else record_names.file_number(stem) == d.number


def incoming(repo) -> dict[int, list[tuple[Relation, Decision]]]:
    """id(decision) -> the links other decisions write to it, as (relation seen from it, other).

    Made once per load (in the loading worker), so a cursor move does not scan every decision:
    in memory only, thrown away with the repository it was made from.
    """
    out: dict[int, list[tuple[Relation, Decision]]] = {}
    for other in repo.decisions:
        for link in other.links:
            target = repo.resolve_link(other, link.target)
            if target is not None and target is not other:
                out.setdefault(id(target), []).append((link.relation.reverse, other))
    return out


def _incoming_by_scan(repo, decision: Decision) -> list[tuple[Relation, Decision]]:
    out = []
    for other in repo.decisions:
        if other is decision or not other.links:
            continue
        for link in other.links:
            if _could_name(link.target, decision) and repo.resolve_link(other, link.target) is decision:
                out.append((link.relation.reverse, other))
    return out


def links_of(repo, decision: Decision, index: dict | None = None) -> list[LinkItem]:
    """Outgoing links as written, then the other side: a link written only in the other file still shows here.
    `index` is `incoming(repo)` when it has been made; without it every decision is scanned."""
    out: list[LinkItem] = []
    seen: set[tuple[Relation, str]] = set()
    for link in decision.links:
        target = repo.resolve_link(decision, link.target)
        out.append(LinkItem(link.relation, target, link.target, False))
        if target is not None:
            seen.add((link.relation, target.path + target.id))
    others = index.get(id(decision), []) if index is not None else _incoming_by_scan(repo, decision)
    for relation, other in others:
        if (relation, other.path + other.id) not in seen:
            seen.add((relation, other.path + other.id))
            out.append(LinkItem(relation, other, other.id, True))
    return out
