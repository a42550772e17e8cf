"""`adrtool graph`: supersedes, amends and relates edges; nodes styled by choice and door."""

from __future__ import annotations

import re

import pydot
import pytest

from adrtool import graph, store
from tests.conftest import run_cli, write
from tests.record_samples import DIALECTS, make_log

# pydot's DOT grammar still calls pyparsing's old names; that is pydot's to fix, not ours.
pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated - use:DeprecationWarning")


def parse_dot(text: str) -> pydot.Dot:
    parsed = pydot.graph_from_dot_data(text)
    assert parsed and len(parsed) == 1, "not valid DOT"
    return parsed[0]


def dot_nodes(g: pydot.Dot) -> dict[str, dict]:
    return {n.get_name(): n.get_attributes() for n in g.get_nodes() if n.get_name() not in ("node", "edge", "graph")}


def dot_edges(g: pydot.Dot) -> list[tuple[str, str, str]]:
    return sorted((e.get_source(), e.get_destination(), e.get_attributes()["label"].strip('"')) for e in g.get_edges())


@pytest.mark.parametrize("dialect", DIALECTS)
def test_dot_has_one_edge_per_link_in_every_dialect(tmp_path, dialect):
    log = make_log(tmp_path, dialect)
    result = run_cli(["graph", "--format", "dot"], tmp_path)
    assert result.code == 0 and result.err == ""
    g = parse_dot(result.out)
    ids = {k: "adr_" + re.sub(r"\W", "_", v) for k, v in log.ids.items()}
    # B is superseded by C whichever file says so (C, B or both): one edge.
    expected = [(ids["C"], ids["B"], "supersedes")]
    if dialect not in ("madr3", "madr4"):  # their records carry no relates-to key
        expected.append((ids["A"], ids["C"], "relates to"))
    assert dot_edges(g) == sorted(expected)
    assert set(dot_nodes(g)) == set(ids.values())


def test_nodes_are_styled_by_choice_and_door(tmp_path):
    make_log(tmp_path, "native")
    g = parse_dot(run_cli(["graph", "--format", "dot"], tmp_path).out)
    nodes = dot_nodes(g)
    one_way, arbitrary, untagged = nodes["adr_0001"], nodes["adr_0002"], nodes["adr_0003"]
    assert one_way["peripheries"] == "2" and one_way["penwidth"] == "2" and "style" not in one_way
    assert arbitrary["style"] == "dashed" and "peripheries" not in arbitrary
    assert untagged["color"] == "grey" and "peripheries" not in untagged
    assert one_way["label"] == '"0001: Use Postgres"'


def test_mermaid_uses_shapes_and_classes_for_the_tags(tmp_path):
    make_log(tmp_path, "nygard")
    out = run_cli(["graph"], tmp_path).out
    lines = out.splitlines()
    assert lines[0] == "flowchart LR"
    assert '    adr_0001[["0001: Use Postgres"]]' in lines  # one-way: the double-bordered shape
    assert '    adr_0002["0002: Use tabs"]' in lines
    assert "    adr_0003 -->|supersedes| adr_0002" in lines
    assert "    adr_0001 ---|relates to| adr_0003" in lines
    assert "    class adr_0001 oneway" in lines and "    class adr_0002 arbitrary" in lines
    assert "    class adr_0003 untagged" in lines
    assert any(l.startswith("    classDef arbitrary ") and "stroke-dasharray" in l for l in lines)


def test_output_is_stable_and_sorted(tmp_path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    for n in (10, 2, 1):
        write(tmp_path / f"decisions/{n:04d}-r{n}.md",
              f'---\nstatus: accepted\namends: [{1 if n > 1 else 10}]\n---\n\n# R{n} "quoted"\n')
    first = run_cli(["graph"], tmp_path).out
    assert first == run_cli(["graph"], tmp_path).out
    nodes = [l for l in first.splitlines() if "[" in l and "-->" not in l and "-.->" not in l]
    assert [n.split("[")[0].strip() for n in nodes] == ["adr_0001", "adr_0002", "adr_0010"]
    assert '#quot;quoted#quot;' in nodes[0]
    edges = [l.strip() for l in first.splitlines() if "-.->" in l]
    assert edges == ["adr_0001 -.->|amends| adr_0010", "adr_0002 -.->|amends| adr_0001", "adr_0010 -.->|amends| adr_0001"]
    dot = parse_dot(run_cli(["graph", "--format", "dot"], tmp_path).out)
    assert dot_nodes(dot)["adr_0002"]["label"] == '"0002: R2 \\"quoted\\""'


def test_two_records_sharing_a_number_stay_two_nodes_and_dangling_links_are_reported(tmp_path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(tmp_path / "decisions/0001-a.md", "---\nstatus: accepted\nsupersedes: [9]\n---\n\n# A\n")
    write(tmp_path / "decisions/0001-b.md", "---\nstatus: accepted\n---\n\n# B\n")
    result = run_cli(["graph", "--format", "dot"], tmp_path)
    assert set(dot_nodes(parse_dot(result.out))) == {"adr_0001", "adr_0001_2"}
    assert result.err == "decisions/0001-a.md: supersedes link to '9' matches no record; left out of the graph\n"
    assert result.code == 0


def test_build_is_usable_as_a_library(tmp_path):
    log = make_log(tmp_path, "nygard")
    g = graph.build(store.load(tmp_path))
    assert [d.id for d in g.nodes] == ["0001", "0002", "0003"]
    assert [(e.source, e.target, e.relation.value) for e in g.edges] == [
        (log.rel("A"), log.rel("C"), "relates-to"), (log.rel("C"), log.rel("B"), "supersedes")]
    assert graph.node_style(g.node(log.rel("A"))) == ["one-way"]


def test_no_decision_folder_is_an_error(tmp_path):
    result = run_cli(["graph"], tmp_path)
    assert result.code == 2 and "no decision folder found" in result.err
