"""Reading misses seen on the sixth set (bench/reading/truth6.jsonl, a development set since scored once at
915e76f), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import json

from tests.conftest import run_cli, write


def records(root) -> dict[str, dict]:
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return {d["path"].rsplit("/", 1)[-1]: d for d in json.loads(result.out) if d["kind"] == "record"}


def links(record: dict) -> list[tuple[str, str | None]]:
    return [(l["relation"], l["id"]) for l in record["links"]]


def nygard(title: str, status: str, extra: str = "") -> str:
    return f"# {title}\n\nDate: 2018-10-31\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n{extra}"


def test_a_custom_link_label_types_nothing_and_is_no_status(tmp_path):
    # Branchout/branchout 4af9e2261ced doc/adr/0002-language.md: `Testing [3. testing](0003-testing.md)` under Status.
    write(tmp_path / "doc/adr/0002-language.md", nygard("2. language", "Accepted\n\nTesting [3. testing](0003-testing.md)"))
    write(tmp_path / "doc/adr/0003-testing.md", nygard("3. testing", "Accepted\n\nSuperseded by [2. language](0002-language.md)"))
    got = records(tmp_path)
    assert (got["0002-language.md"]["status"], links(got["0002-language.md"])) == ("accepted", [])
    assert links(got["0003-testing.md"]) == [("superseded-by", "0002")]  # a known label still types its link


def test_a_line_opening_with_relates_to_and_a_link(tmp_path):
    # fire/fire-proposals 664a87cffaab docs/decisions/20210212-use-markdown-architectural-decision-records.md:
    # `- Relates to [Use Log4brains to manage the ADRs](20210212-use-log4brains-to-manage-the-adrs.md)` under References.
    body = ("# Use Markdown records\n\n- Status: accepted\n- Date: 2021-02-11\n\n## Context and Problem Statement\n\nHow?\n\n"
            "## Decision Outcome\n\nMADR, as the changes related to [records](20210212-use-log4brains.md) show.\n\n"
            "## References\n\n- Relates to [Use Log4brains](20210212-use-log4brains.md)\n")
    write(tmp_path / "docs/decisions/20210212-use-markdown.md", body)
    write(tmp_path / "docs/decisions/20210212-use-log4brains.md",
          body.replace("- Relates to [Use Log4brains](20210212-use-log4brains.md)\n", "- See [the guide](guide.md)\n"))
    got = records(tmp_path)
    assert links(got["20210212-use-markdown.md"]) == [("relates-to", "20210212-use-log4brains")]
    assert got["20210212-use-log4brains.md"]["links"] == []  # "related to [..]" inside a sentence is prose


def test_a_related_label_in_running_text_names_records_over_its_paragraph(tmp_path):
    # BPMNscript/bpmnscript b5125aaca860 docs/decisions/0013-target-users-without-bpmn-knowledge.md ("Related
    # decisions: ADR-0008 (...) settled the surface shape;\nADR-0010 (...) is ...") and 0014-honest-bpmn-import-
    # contract.md ("... README.md`. Related: ADR-0006 (...)\nand ADR-0007 (...)"), in More Information.
    more = {"0013-users.md": "## More Information\n\nRelated decisions: ADR-0008 (grammar) settled the shape;\n"
                             "ADR-0010 (ids) is the model.\n\nADR-0006 is unrelated prose.\n",
            "0014-import.md": "## More Information\n\nA summary is in `README.md`. Related: ADR-0006 (the IR)\n"
                              "and ADR-0007 (the fork).\n",
            "0012-plain.md": "## More Information\n\nThe related work: ADR-0008 shows it. Unrelated: ADR-0010.\n"}
    for name, extra in more.items():
        write(tmp_path / "docs/decisions" / name, nygard("A", "Accepted", "\n" + extra))
    for n in ("0006", "0007", "0008", "0010"):
        write(tmp_path / f"docs/decisions/{n}-x{n}.md", nygard("B", "Accepted"))
    got = records(tmp_path)
    assert links(got["0013-users.md"]) == [("relates-to", "0008"), ("relates-to", "0010")]
    assert links(got["0014-import.md"]) == [("relates-to", "0006"), ("relates-to", "0007")]
    assert got["0012-plain.md"]["links"] == []


# dreamlx/evolvai 995cac703b72 docs/development/architecture/adrs/001-*.md .. 004-*.md: front matter naming the
# epic it serves, `**创建日期**:`, `## 🔗 相关决策 (Related Decisions)` holding `### 依赖的ADR` (depends on) lists,
# `### 相关 ADR` over links, and a `## 🔗 相关决策` of bold numbers; lwpk110/sprout-chat faed39383237
# docs/adr/adr-002-taskmaster-local.md: `### 相关文档` with `- **ADR-001**: [..](./adr-001-linear-eval.md)`.
ZH_HEAD = "# ADR-00{n}: 标题{n}\n\n**状态**: [APPROVED]\n**创建日期**: 2025-10-{n:02d}\n\n## 背景 (Context)\n\n原因。\n\n"


def test_chinese_related_headings(tmp_path):
    adrs = tmp_path / "docs/adrs"
    write(adrs / "001-got.md", "---\nstatus: approved\ndate: 2025-10-27\nrelated: [epic-003]\n---\n\n" + ZH_HEAD.format(n=1)
          + "## 🔗 相关决策 (Related Decisions)\n\n### 依赖的ADR\n- [ADR-002](./002-monorepo.md) - 选型\n- 待定：ADR-003（调度）\n\n"
            "### 相关文档\n- [Roadmap](../roadmap/epics.md) - 关系\n")
    write(adrs / "002-monorepo.md", ZH_HEAD.format(n=2) + "## 相关决策\n\n### 相关 ADR\n\n- [ADR-001: GoT](001-got.md)\n")
    write(adrs / "003-engine.md", ZH_HEAD.format(n=3) + "## 🔗 相关决策\n\n- **ADR-001**: GoT - 目标\n- **Epic-001**: 框架\n\n"
          "### 相关文档\n\n- **ADR-002**: [docs/002.md](./002-monorepo.md)\n- **宪章**: [constitution.md](../constitution.md)\n")
    # A record declaring its relations with bold labels: a `### 相关 ADR` reading list beside them is no relation
    # (douhuaa/Zss.BilliardHall b35cd8cf1cb0 docs/adr/runtime/ADR-201-handler-lifecycle-management.md).
    write(adrs / "004-declared.md", ZH_HEAD.format(n=4) + "### 相关 ADR\n- [ADR-001：GoT](001-got.md)\n\n"
          "## 关系声明（Relationships）\n\n**相关（Related）**：\n- [ADR-003：引擎](003-engine.md) - 执行\n")
    got = records(tmp_path)
    assert (got["001-got.md"]["date"], got["001-got.md"]["links"]) == ("2025-10-27", [])  # no epic, no dependency
    assert (got["002-monorepo.md"]["date"], links(got["002-monorepo.md"])) == ("2025-10-02", [("relates-to", "0001")])
    assert links(got["003-engine.md"]) == [("relates-to", "0001"), ("relates-to", "0002")]
    assert links(got["004-declared.md"]) == [("relates-to", "0003")]


def test_a_created_date_label_in_chinese(tmp_path):
    write(tmp_path / "docs/adrs/004-monitor.md", ZH_HEAD.format(n=30) + "## 决策 (Decision)\n\n保留。\n")
    assert records(tmp_path)["004-monitor.md"]["date"] == "2025-10-30"


def test_a_links_entry_whose_description_states_the_relation(tmp_path):
    # EricSanchezok/chatgame d0a479b9b9e9 docs/decisions/0013-adopt-repo-seed-governance-layer.md, under `## Links`:
    # `- [ADR 0009](0009-documentation-and-agent-notes.md) — 被本决策取代的旧决策记录体系`; 0009 likewise `取代本记录...`.
    madr = "---\nstatus: {status}\n---\n\n# {title}\n\n## Context and Problem Statement\n\n为什么。\n\n## Links\n\n{entry}\n"
    adrs = tmp_path / "docs/decisions"
    write(adrs / "0013-seed.md", madr.format(status="accepted", title="采用治理层",
                                            entry="- [ADR 0009](0009-notes.md) — 被本决策取代的旧决策记录体系。\n"
                                                  "- [ADR 0010](0010-other.md) — 本决策改变的 L3 层。"))
    write(adrs / "0009-notes.md", madr.format(status="accepted", title="旧体系",
                                             entry="- [ADR 0013](0013-seed.md) — 取代本记录的治理层。"))
    write(adrs / "0010-other.md", madr.format(status="accepted", title="L3", entry="- [指南](guide.md)"))
    got = records(tmp_path)
    assert links(got["0013-seed.md"]) == [("supersedes", "0009")]  # "changes" a part of 0010: untyped
    assert links(got["0009-notes.md"]) == [("superseded-by", "0013")]


def test_a_related_adr_label_naming_a_bare_file(tmp_path):
    # basher83/Sombrero-Edge-Control d3fa6f5e6419 docs/decisions/20250910-ansible-collection-structure.md, under Links:
    # `- Planning document: docs/planning/x.md`, `- Related ADR: 20250906-ansible-roles.md (Ansible Role-First ...)`.
    log4 = "# {t}\n\n- Status: accepted\n- Date: 2025-09-10\n\n## Context and Problem Statement\n\nWhy.\n\n## Links\n\n{e}\n"
    adrs = tmp_path / "docs/decisions"
    write(adrs / "20250910-structure.md", log4.format(t="Structure", e="- Planning document: docs/planning/migration.md\n"
                                                       "- Related ADR: 20250906-ansible-roles.md (Role-First)"))
    write(adrs / "20250906-ansible-roles.md", log4.format(t="Roles", e="- Related: the planning.md notes"))
    got = records(tmp_path)
    assert links(got["20250910-structure.md"]) == [("relates-to", "20250906-ansible-roles")]
    assert got["20250906-ansible-roles.md"]["links"] == []
