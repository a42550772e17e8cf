"""`adrtool graph [--format mermaid|dot]`: the link graph on standard output."""

from __future__ import annotations

import sys

from adrtool.cli.common import load_repo


def add_arguments(p) -> None:
    p.add_argument("--format", choices=["mermaid", "dot"], default="mermaid",
                   help="mermaid (default; GitHub renders it in Markdown) or dot (Graphviz)")


def run(args) -> int:
    from adrtool import graph

    repo = load_repo(args, require=True)
    g = graph.build(repo)
    sys.stdout.write(graph.RENDERERS[args.format](g))
    for path, relation, target in g.dangling:
        print(f"{path}: {relation} link to '{target}' matches no record; left out of the graph", file=sys.stderr)
    return 0
