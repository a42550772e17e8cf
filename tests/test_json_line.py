"""`model.json_line` writes `Decision.to_json()` as JSON text directly (for `list --json`'s speed):
it must give the very bytes `json.dumps(to_json(), ensure_ascii=False)` gives, for every dialect
and every awkward value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adrtool import store
from adrtool.model import Choice, Decision, Door, Kind, Link, Problem, Relation, Status, json_line
from tests.record_samples import DIALECTS, make_log

ROOT = Path(__file__).resolve().parent.parent


def _same(decision: Decision, link_ids=None) -> None:
    want = json.dumps(decision.to_json(link_ids), ensure_ascii=False)
    assert json_line(decision, link_ids) == want


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_decision_of_each_dialect(tmp_path, dialect):
    make_log(tmp_path, dialect)
    repo = store.load(tmp_path)
    assert len(repo.decisions) >= 4 and any(d.links for d in repo.decisions)
    for d in repo.decisions + repo.documents:
        _same(d, repo.link_ids(d) if d.links else None)
        _same(d)  # links unresolved: their ids are null


def test_this_repositorys_own_decisions():
    repo = store.load(ROOT)
    assert len(repo.records) > 50
    for d in repo.decisions + repo.documents:
        _same(d, repo.link_ids(d))


def test_awkward_values():
    d = Decision(id='D"7\\', title="Ünïcode \u2028 tab\t \x00 \x1f 😀 </script>", path="a b/ç.md", kind=Kind.INLINE,
                 dialect="inline", number=None, status=Status.PROPOSED, status_raw="draft\nsecond line",
                 date="2024-01-01", decision_makers=["Ana \"A\"", "Bo"], choice=Choice.ARBITRARY, door=Door.ONE_WAY,
                 revisit="when p99 > 200 ms", tags=["x", "ÿ"], references=["https://e.x/?a=1&b=2"],
                 governs=["src/**"], inline_id="design#3", line=12,
                 links=[Link(Relation.SUPERSEDES, "0003-x.md", 4), Link(Relation.SUPERSEDED_BY, "7"),
                        Link(Relation.RELATES_TO, "ADR-9", 9)],
                 problems=[Problem("a b/ç.md", "unknown door 'maybe'", 3, "unknown-tag")])
    _same(d, ["0003", None, "0009"])
    _same(d)
    _same(Decision(id="0001", title="", path="x.md", number=0))


@pytest.mark.parametrize("count", [0, 1, 511, 512, 513, 1100])
def test_list_json_is_written_in_chunks_as_one_list(tmp_path, cli, count):
    """`list --json` writes its items a few hundred at a time: the bytes are still one list, one item a line."""
    from tests.conftest import write

    for n in range(1, count + 1):
        write(tmp_path / f"docs/decisions/{n:04d}-r{n}.md", f"---\nstatus: accepted\n---\n# R{n}\n")
    if not count:
        write(tmp_path / "docs/decisions/0001-r1.md", "---\nstatus: accepted\n---\n# R1\n")
    result = cli(["list", "--json", "--no-estimates", *(["--status", "rejected"] if not count else [])], tmp_path)
    assert result.code == 0, result.err
    items = json.loads(result.out)
    assert len(items) == count
    want = "[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + ("\n]\n" if items else "]\n")
    assert result.out == want
