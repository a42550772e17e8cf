"""`adrtool tag` then reading the file gives the tags, in every dialect, and changes only the tag lines.

The writer must put a tag where the reader looks for it: a Nygard record with no title line once got its
`Choice:`/`Door:` lines under `## Status`, where they were read as status text (fixtures below name the
real folders the shapes were seen in).
"""

from __future__ import annotations

import difflib
import itertools
import json

import pytest

from tests.conftest import run_cli, write
from tests.record_samples import DIALECTS, make_log

# Shapes beyond the six sample logs, each seen in a real folder.
SHAPES = {
    # scieloorg/kernel 7cb52b1d019f docs/adr/0007-container-de-relacionamento.md: no title line, a date, then Status.
    "doc/adr/0007-container.md": "Data: 2019-08-09\n\n## Status\n\nProposto\n\n## Contexto\nA estratégia.\n",
    # jclemente-tlm/tlm-doc-architecture a7d528e949ee docs/adrs/adr-001-estrategia-multi-tenancy.md:
    # a Docusaurus title in front matter, the first heading is the status.
    "doc/adr/0008-estrategia.md": '---\ntitle: "ADR-008: Estrategia Multi-Tenancy"\nsidebar_position: 1\n---\n\n'
                                  "## ✅ ESTADO\n\nAceptada – Agosto 2025\n\n---\n\n## 🗺️ CONTEXTO\n\nPaíses.\n",
    # cardano-scaling/hydra ca8d19bca docs/adr/2021-06-06_002-reactive-core.md: a block-scalar title, date-named.
    "doc/adr/2021-06-06_009-reactive-core.md": "---\nslug: 9\ntitle: | \n  9. Reactive Core\nauthors: []\n"
                                               "tags: [Accepted]\n---\n\n## Status\n\nAccepted\n\n## Context\n\nState.\n",
    # a record that is only its sections (no metadata, no title): the tag lines open the file
    "doc/adr/0010-bare.md": "## Status\n\nAccepted\n\n## Decision\n\nUse it.\n",
    # phodal's `adr` (zh-cn template): a dated status log
    "doc/adr/0011-单元测试.md": "# 11. 编写完整的单元测试\n\n日期: 2017/11/22\n\n## 状态\n\n2017-11-22 提议\n\n"
                               "2017-11-26 完成\n\n## 上下文\n\n测试。\n\n## 决策\n\n写。\n",
    # nats-io/nats-architecture-and-design adr/ADR-2.md (2025 HEAD): a metadata table under the title, and a
    # `## Status` section of the design itself (status headers), which is no record status.
    "doc/adr/ADR-13.md": "# Typed Messages\n\n|Metadata|Value|\n|--------|-----|\n|Date    |2020-05-06|\n"
                         "|Status  |Implemented|\n|Tags    |server, client|\n\n## Context\n\nTypes.\n\n"
                         "## Status\n\nA message carries a status header with a code.\n",
    # opendatahub-io/architecture-decision-records 6325c10cd213 architecture-decision-records/ODH-ADR-0003-*.md: the
    # project's name before `ADR` in the file name, a table with an empty header row under the title.
    "doc/adr/ODH-ADR-0014-licence.md": "# Open Data Hub - ODH-ADR-0014 - Licence\n\n|        |      |\n| ------ | ---- |\n"
                                       "| Date   | 2023-04-11 |\n| Status | Accepted |\n| Supersedes | N/A |\n\n"
                                       "## What\n\nApache 2.0.\n",
    # krtw00/agentmine 5ebb6cff7af2 docs/10-decisions/005-ai-agnostic-orchestration.md: front matter, then the
    # status quoted under the title.
    "doc/adr/015-orchestrator.md": "---\ntags: [decisions, adr]\n---\n\n# ADR-015: AI非依存のOrchestrator設計\n\n"
                                   "> Status: Accepted\n> 最終更新: 2026-01-28\n\n## コンテキスト\n\n背景。\n",
    # an Open edX RST record
    "doc/adr/0012-naming.rst": "12. Events naming\n=================\n\nStatus\n------\n\nAccepted\n\n"
                               "Context\n-------\n\nNames.\n",
}
TAGS = list(itertools.product(("deliberate", "arbitrary"), ("one-way", "two-way")))


def records(root) -> dict[str, dict]:
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return {d["path"]: d for d in json.loads(result.out) if d["kind"] == "record"}


def changed(before: str, after: str) -> list[str]:
    return [l for l in difflib.ndiff(before.splitlines(True), after.splitlines(True)) if l[:1] in "+-"]


def is_tag_line(line: str) -> bool:
    text = line[2:].strip().lower().lstrip(":-*|> ")
    return text.startswith(("choice", "door")) or not text


def check_round_trip(root) -> int:
    """Tag every record twice (every choice and door), reading it back each time; the number of records."""
    before = records(root)
    assert before
    for path, item in before.items():
        for choice, door in TAGS:
            text = (root / path).read_text(encoding="utf-8")
            result = run_cli(["tag", path, "--choice", choice, "--door", door], root)
            assert result.code == 0, (path, result.err)
            after = (root / path).read_text(encoding="utf-8")
            diff = changed(text, after)
            assert all(is_tag_line(l) for l in diff), (path, diff)  # only tag lines (and a blank) change
            again = records(root)[path]
            assert (again["choice"], again["door"]) == (choice, door), (path, after)
            for field in ("id", "title", "status", "date", "links"):
                assert again[field] == item[field], (path, field)
    return len(before)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_tag_round_trip_on_every_sample_dialect(tmp_path, dialect):
    make_log(tmp_path, dialect)
    assert check_round_trip(tmp_path) == 3


def test_tag_round_trip_on_real_shapes(tmp_path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["doc/adr"]\n')
    for name, text in SHAPES.items():
        write(tmp_path / name, text)
    assert check_round_trip(tmp_path) == len(SHAPES)
    titled = records(tmp_path)
    assert titled["doc/adr/0008-estrategia.md"]["title"] == "Estrategia Multi-Tenancy"  # the front matter's title
    assert titled["doc/adr/2021-06-06_009-reactive-core.md"]["id"] == "0009"  # the number after the date
    assert titled["doc/adr/2021-06-06_009-reactive-core.md"]["title"] == "Reactive Core"
    assert (tmp_path / "doc/adr/0010-bare.md").read_text().startswith("Choice: ")
    assert "> Status: Accepted\n> Choice: arbitrary\n> Door: two-way\n" in (tmp_path / "doc/adr/015-orchestrator.md").read_text()
    assert titled["doc/adr/015-orchestrator.md"]["status"] == "accepted"  # the quoted status line
    assert titled["doc/adr/ODH-ADR-0014-licence.md"]["id"] == "0014"  # the number after the project's name
