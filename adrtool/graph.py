"""The link graph between decision records: build it from a Repository, render it as Mermaid or Graphviz dot.

Edges are stored in one direction per relation (A supersedes B, A amends B,
A relates to B), whichever side of the link was written, so a link recorded
in both files is one edge.  Nodes are styled by the two tags: a one-way door
gets a double border and a bold outline, an arbitrary choice a dashed one,
and an untagged decision is grey.  Output is sorted, so it diffs cleanly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adrtool.model import Choice, Decision, Door, Relation

# Every link is stored as one of these forward relations.
FORWARD = {
    Relation.SUPERSEDES: (Relation.SUPERSEDES, False),
    Relation.SUPERSEDED_BY: (Relation.SUPERSEDES, True),  # B superseded-by A == A supersedes B
    Relation.AMENDS: (Relation.AMENDS, False),
    Relation.AMENDED_BY: (Relation.AMENDS, True),
    Relation.RELATES_TO: (Relation.RELATES_TO, False),
}
EDGE_LABEL = {Relation.SUPERSEDES: "supersedes", Relation.AMENDS: "amends", Relation.RELATES_TO: "relates to"}


@dataclass(frozen=True)
class Edge:
    source: str  # node key (the record's path)
    target: str
    relation: Relation  # supersedes, amends or relates-to


@dataclass
class Graph:
    nodes: list[Decision] = field(default_factory=list)  # sorted by number, then id
    edges: list[Edge] = field(default_factory=list)  # sorted, no duplicates
    dangling: list[tuple[str, str, str]] = field(default_factory=list)  # (path, relation, target) that resolve to no record

    def node(self, key: str) -> Decision:
        return next(d for d in self.nodes if d.path == key)


def _sort_key(d: Decision):
    return (d.number is None, d.number if d.number is not None else 0, d.id, d.path)


def build(repo) -> Graph:
    """Records as nodes (keyed by path, so two records sharing a number stay two nodes), links as edges."""
    nodes = sorted(repo.records, key=_sort_key)
    keys = {d.path for d in nodes}
    order = {d.path: i for i, d in enumerate(nodes)}
    edges: set[Edge] = set()
    dangling = []
    for d in nodes:
        for link in d.links:
            target = repo.resolve_link(d, link.target)
            if target is None or target.path not in keys:
                dangling.append((d.path, link.relation.value, link.target))
                continue
            if target.path == d.path:
                continue
            relation, flipped = FORWARD[link.relation]
            source, dest = (target.path, d.path) if flipped else (d.path, target.path)
            if relation is Relation.RELATES_TO and order[dest] < order[source]:
                source, dest = dest, source  # undirected: one edge whichever file wrote it
            edges.add(Edge(source, dest, relation))
    ordered = sorted(edges, key=lambda e: (order[e.source], order[e.target], e.relation.value))
    return Graph(nodes=nodes, edges=ordered, dangling=sorted(dangling))


def node_style(d: Decision) -> list[str]:
    """Style classes of a node: 'one-way', 'arbitrary', 'untagged' (a node may have several)."""
    classes = []
    if d.choice is None or d.door is None:
        classes.append("untagged")
    if d.door is Door.ONE_WAY:
        classes.append("one-way")
    if d.choice is Choice.ARBITRARY:
        classes.append("arbitrary")
    return classes


def _label(d: Decision) -> str:
    return f"{d.id}: {d.title}"


def _node_ids(graph: Graph) -> dict[str, str]:
    """A diagram-safe, unique identifier per node, derived from its id."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for d in graph.nodes:
        base = "adr_" + re.sub(r"\W", "_", d.id, flags=re.ASCII)
        name, n = base, 2
        while name in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name)
        ids[d.path] = name
    return ids


# ---- Mermaid ------------------------------------------------------------------

_MERMAID_CLASSES = {
    "one-way": "stroke-width:4px,font-weight:bold",
    "arbitrary": "stroke-dasharray:5 5",
    "untagged": "fill:#eeeeee,stroke:#999999,color:#666666",
}
_MERMAID_ARROW = {Relation.SUPERSEDES: "-->", Relation.AMENDS: "-.->", Relation.RELATES_TO: "---"}


def _mermaid_text(text: str) -> str:
    # Inside a quoted label, '"' ends the label; Mermaid reads '#quot;' as a quote.
    return text.replace('"', "#quot;")


def to_mermaid(graph: Graph) -> str:
    ids = _node_ids(graph)
    out = ["flowchart LR"]
    for d in graph.nodes:
        label = f'"{_mermaid_text(_label(d))}"'
        # A one-way door gets the double-bordered "subroutine" shape.
        shape = f"[[{label}]]" if d.door is Door.ONE_WAY else f"[{label}]"
        out.append(f"    {ids[d.path]}{shape}")
    for e in graph.edges:
        out.append(f"    {ids[e.source]} {_MERMAID_ARROW[e.relation]}|{EDGE_LABEL[e.relation]}| {ids[e.target]}")
    for name, style in _MERMAID_CLASSES.items():
        members = [ids[d.path] for d in graph.nodes if name in node_style(d)]
        if members:
            css = name.replace("-", "")
            out.append(f"    classDef {css} {style}")
            out.append(f"    class {','.join(members)} {css}")
    return "\n".join(out) + "\n"


# ---- Graphviz dot -------------------------------------------------------------

_DOT_EDGE = {
    Relation.SUPERSEDES: 'label="supersedes"',
    Relation.AMENDS: 'label="amends", style=dashed',
    Relation.RELATES_TO: 'label="relates to", dir=none, style=dotted',
}


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _dot_node_attributes(d: Decision) -> str:
    attrs = [f'label="{_dot_text(_label(d))}"', f'URL="{_dot_text(d.path)}"']
    styles = node_style(d)
    if "one-way" in styles:
        attrs += ["peripheries=2", "penwidth=2", 'fontname="Helvetica-Bold"']
    if "arbitrary" in styles:
        attrs.append("style=dashed")
    if "untagged" in styles:
        attrs += ["color=grey", "fontcolor=grey"]
    return ", ".join(attrs)


def to_dot(graph: Graph) -> str:
    ids = _node_ids(graph)
    out = ["digraph decisions {", "    rankdir=LR;", "    node [shape=box];"]
    for d in graph.nodes:
        out.append(f"    {ids[d.path]} [{_dot_node_attributes(d)}];")
    for e in graph.edges:
        out.append(f"    {ids[e.source]} -> {ids[e.target]} [{_DOT_EDGE[e.relation]}];")
    out.append("}")
    return "\n".join(out) + "\n"


RENDERERS = {"mermaid": to_mermaid, "dot": to_dot}
