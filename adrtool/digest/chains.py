"""Supersession chains: which decision replaced which, as small layered graphs.

Edges run from the old decision to the one that superseded it, taken from
either side's links (a record may name its successor, its predecessor or
both).  Each connected group is laid out in columns by the longest path
from its oldest members, so a straight chain reads left to right.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from adrtool.model import Decision, Relation


@dataclass
class Chain:
    members: list[Decision]  # in layout order: by column, then by id
    edges: list[tuple[Decision, Decision]]  # (old, new)
    column: dict[int, int] = field(default_factory=dict)  # id(decision) -> column
    row: dict[int, int] = field(default_factory=dict)  # id(decision) -> row within its column

    @property
    def newest(self) -> Decision:
        return max(self.members, key=lambda d: (self.column[id(d)], d.date or "", d.id))

    @property
    def width(self) -> int:
        return max(self.column.values()) + 1

    @property
    def height(self) -> int:
        return max(self.row.values()) + 1


def supersession_edges(resolver, decisions: list[Decision]) -> list[tuple[Decision, Decision]]:
    seen: set[tuple[int, int]] = set()
    edges = []
    for d in decisions:
        for link in d.links:
            if link.relation not in (Relation.SUPERSEDES, Relation.SUPERSEDED_BY):
                continue
            other = resolver.resolve(d, link.target)
            if other is None or other is d:
                continue
            old, new = (other, d) if link.relation is Relation.SUPERSEDES else (d, other)
            key = (id(old), id(new))
            if key not in seen:
                seen.add(key)
                edges.append((old, new))
    return edges


def chains(resolver, decisions: list[Decision]) -> list[Chain]:
    """Every group of decisions joined by supersession, newest group first.

    `resolver` has `resolve(source, target) -> Decision | None` (digest.links.LinkResolver).
    """
    edges = supersession_edges(resolver, decisions)
    parent: dict[int, int] = {}
    by_key: dict[int, Decision] = {}

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for old, new in edges:
        for d in (old, new):
            by_key.setdefault(id(d), d)
            parent.setdefault(id(d), id(d))
        parent[find(id(old))] = find(id(new))
    groups: dict[int, list[tuple[Decision, Decision]]] = {}
    for old, new in edges:
        groups.setdefault(find(id(old)), []).append((old, new))
    out = [_layout(group_edges) for group_edges in groups.values()]
    out.sort(key=lambda c: (c.newest.date or "", c.newest.id), reverse=True)
    return out


def _layout(edges: list[tuple[Decision, Decision]]) -> Chain:
    members = {id(d): d for edge in edges for d in edge}
    incoming: dict[int, list[int]] = {k: [] for k in members}
    for old, new in edges:
        incoming[id(new)].append(id(old))
    # Longest path from the oldest members, in topological order (Kahn); members
    # caught in a cycle (hand-edited folders have them) go after what precedes them.
    pending = {k: len(v) for k, v in incoming.items()}
    outgoing: dict[int, list[int]] = {k: [] for k in members}
    for old, new in edges:
        outgoing[id(old)].append(id(new))
    column: dict[int, int] = {}
    ready = sorted((k for k, n in pending.items() if n == 0), key=lambda k: members[k].id)
    while len(column) < len(members):
        if not ready:  # a cycle: start from its member with the smallest id
            ready = [min((k for k in members if k not in column), key=lambda k: members[k].id)]
        k = ready.pop()
        if k in column:
            continue
        column[k] = max((column[p] + 1 for p in incoming[k] if p in column), default=0)
        for n in outgoing[k]:
            pending[n] -= 1
            if pending[n] == 0 and n not in column:
                ready.append(n)
    ordered = sorted(members.values(), key=lambda d: (column[id(d)], d.date or "", d.id))
    row: dict[int, int] = {}
    used: dict[int, int] = {}
    for d in ordered:
        c = column[id(d)]
        row[id(d)] = used.get(c, 0)
        used[c] = row[id(d)] + 1
    edges = sorted(edges, key=lambda e: (column[id(e[0])], e[0].id, e[1].id))
    return Chain(ordered, edges, column, row)
