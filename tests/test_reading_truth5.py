"""Reading misses seen on the fifth set (bench/reading/truth5.jsonl, a development set since scored once at
45ac3a0), each fixed by a general rule; and the writers on the layouts those rules read.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli, write


def listed(root) -> list[dict]:
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return json.loads(result.out)


def records(root) -> dict[str, dict]:
    return {d["path"].rsplit("/", 1)[-1]: d for d in listed(root) if d["kind"] == "record"}


# kani3camp/mine-party 7a03cb2e4fcf docs/adr/0004-data-storage-strategy-do-d1-kv.md: a Japanese bullet header, the
# date left unfilled, `関連` naming a record by number among design documents (`設計書 01/02/04`).
JA_BULLETS = """# データストレージ戦略

- 日付: YYYY-MM-DD
- ステータス: Accepted
- 関連: ADR-0003（ランタイム選定）, 設計書 01/02/04, 仕様書 01

## 背景 (Context)
- 整合性が最重要。

## 決定 (Decision)
- DO に保持する。
"""


def test_a_japanese_bullet_header(tmp_path):
    write(tmp_path / "docs/adr/0004-storage.md", JA_BULLETS)
    write(tmp_path / "docs/adr/0003-runtime.md", JA_BULLETS.replace("ADR-0003（ランタイム選定）, 設計書 01/02/04, 仕様書 01",
                                                                   "仕様書 01_requirements.md, 04_api_spec.md")
          .replace("Accepted", "Proposed").replace("データストレージ戦略", "ランタイム選定"))
    write(tmp_path / "docs/adr/0001-transport.md",
          "# 通信方式\n\n- 日付: 2025-01-02\n- ステータス: Proposed\n- 関連: 仕様書 01_requirements.md, 設計書 01/02\n\n"
          "## 背景 (Context)\n- x\n")
    # kani3camp/mine-party's 0000-template.md: every status listed, so none chosen (and the name says template).
    write(tmp_path / "docs/adr/0002-draft.md",
          "# [タイトル]\n\n- 日付: YYYY-MM-DD\n- ステータス: Proposed | Accepted | Rejected | Deprecated\n\n## 背景 (Context)\n")
    got = records(tmp_path)
    assert (got["0004-storage.md"]["status"], got["0004-storage.md"]["date"]) == ("accepted", None)
    assert [(l["relation"], l["id"]) for l in got["0004-storage.md"]["links"]] == [("relates-to", "0003")]
    assert got["0003-runtime.md"]["status"] == "proposed"
    assert got["0003-runtime.md"]["links"] == []  # documents named by file, no record
    assert (got["0001-transport.md"]["status"], got["0001-transport.md"]["date"]) == ("proposed", "2025-01-02")
    assert got["0001-transport.md"]["links"] == []
    assert got["0002-draft.md"]["status"] == "unknown"


def test_writing_a_japanese_bullet_header_changes_only_its_line(tmp_path):
    path = write(tmp_path / "docs/adr/0004-storage.md", JA_BULLETS)
    write(tmp_path / "docs/adr/0003-runtime.md", JA_BULLETS.replace("データストレージ戦略", "ランタイム選定"))
    assert run_cli(["status", "4", "deprecated"], tmp_path).code == 0
    assert path.read_text(encoding="utf-8") == JA_BULLETS.replace("- ステータス: Accepted", "- ステータス: deprecated")
    assert run_cli(["tag", "4", "--choice", "deliberate", "--door", "two-way"], tmp_path).code == 0
    after = path.read_text(encoding="utf-8")
    assert after.replace("- Choice: deliberate\n- Door: two-way\n", "") == JA_BULLETS.replace("Accepted", "deprecated")
    item = records(tmp_path)["0004-storage.md"]
    assert (item["status"], item["choice"], item["door"]) == ("deprecated", "deliberate", "two-way")


# HaoranTong/ecommerce_platform 126b8da8fe76 docs/adr/ADR-0001-调整功能需求和架构设计.md: each heading in Chinese with
# its English name beside it, the status and the date on the line below their headings.
BILINGUAL = """# ADR-0001: 调整功能需求和架构设计

## 状态 (Status)
Accepted

## 日期 (Date)
2025-09-22

## 背景 (Context)

项目在开发过程中暴露出问题。

## 决策 (Decision)

重新梳理。
"""


def test_bilingual_headings(tmp_path):
    write(tmp_path / "docs/adr/ADR-0001-调整.md", BILINGUAL)
    write(tmp_path / "docs/adr/ADR-0002-其他.md", BILINGUAL.replace("0001", "0002").replace("## 状态 (Status)", "## 状态（Status）")
          .replace("Accepted", "Proposed"))
    got = records(tmp_path)
    item = got["ADR-0001-调整.md"]
    assert (item["title"], item["status"], item["date"]) == ("调整功能需求和架构设计", "accepted", "2025-09-22")
    assert got["ADR-0002-其他.md"]["status"] == "proposed"  # full-width brackets


def test_writing_a_status_under_a_bilingual_heading(tmp_path):
    path = write(tmp_path / "docs/adr/ADR-0001-调整.md", BILINGUAL)
    assert run_cli(["status", "1", "deprecated"], tmp_path).code == 0
    assert path.read_text(encoding="utf-8") == BILINGUAL.replace("Accepted", "Deprecated")
    assert records(tmp_path)["ADR-0001-调整.md"]["status"] == "deprecated"


def test_a_generic_heading_with_a_title_field(tmp_path):
    # eduardoshanahan/nix-pi 23a8dc23c35d docs/decisions/ADR-0001-nix-flakes.md: every record headed
    # `# Architecture Decision`, its title in a `- Title:` field.
    write(tmp_path / "docs/decisions/ADR-0001-flakes.md",
          "# Architecture Decision\n\n- ID: 0001\n- Title: Use Nix flakes for onboarding\n- Date: 2026-01-20\n"
          "- Status: accepted\n- Decision: Use `flake.nix`.\n")
    # A `Title:` line under a real title changes nothing (opendatahub-io/odh-dashboard's 0000, truth4).
    write(tmp_path / "docs/decisions/ADR-0002-real.md",
          "# Real title\n\n- Title: something else\n- Status: accepted\n")
    # aquarist-labs/s3gw 80f5ba2c25c4 docs/decisions/0004: a section name as the only heading, no field: still the title.
    write(tmp_path / "docs/decisions/0003-only.md", "# Context and Problem Statement\n\n- Status: accepted\n\nWhy.\n")
    got = records(tmp_path)
    assert got["ADR-0001-flakes.md"]["title"] == "Use Nix flakes for onboarding"
    assert got["ADR-0002-real.md"]["title"] == "Real title"
    assert got["0003-only.md"]["title"] == "Context and Problem Statement"


def test_superseded_by_a_number_in_chinese(tmp_path):
    # luchenqun/cosmos-sdk-docs cb3680d46b91 docs/integrate/architecture/adr-010-modular-antehandler.md:
    # `## 状态` then `被 ADR-045 取代` (superseded by ADR-045).
    write(tmp_path / "docs/adr/adr-010-ante.md", "# ADR 010: 模块化 AnteHandler\n\n## 状态\n\n被 ADR-045 取代\n\n## 背景\n\nx\n")
    write(tmp_path / "docs/adr/adr-045-middlewares.md", "# ADR 045: 中间件\n\n## 状态\n\n已接受\n\n## 背景\n\nx\n")
    # A deprecation naming its replacement is superseded: `deprecated` is a retirement without a replacing record
    # (DEFINITIONS.md, "Added for truth26", tangniyuqi/tm-stock 0002; no label of truth .. truth24 reads otherwise).
    write(tmp_path / "docs/adr/adr-011-old.md", "# ADR 011: 旧\n\n## 状态\n\n已弃用，被 ADR-45 取代\n\n## 背景\n\nx\n")
    got = records(tmp_path)
    ante = got["adr-010-ante.md"]
    assert ante["status"] == "superseded"
    assert [(l["relation"], l["id"]) for l in ante["links"]] == [("superseded-by", "0045")]
    assert ante["superseded_by"] == ["0045"]
    old = got["adr-011-old.md"]
    assert (old["status"], old["superseded_by"]) == ("superseded", ["0045"])


def test_bold_relation_labels_over_lists(tmp_path):
    # douhuaa/Zss.BilliardHall b35cd8cf1cb0 docs/adr/runtime/ADR-201-handler-lifecycle-management.md: a
    # relationships section of bold labels, each over a list; only the typed labels type their links.
    write(tmp_path / "docs/adr/ADR-201-lifecycle.md", """# ADR-201：Handler 生命周期管理

**状态**：✅ Accepted
**依赖 ADR**：ADR-0005（应用内交互模型）

## 决策（Decision）

规则。

## 关系声明（Relationships）

**依赖（Depends On）**：
- [ADR-0005：应用内交互模型](./ADR-0005-interaction.md) - 基于 CQRS

**被依赖（Depended By）**：
- 无

**替代（Supersedes）**：
- [ADR-0100：旧的生命周期](./ADR-0100-old.md)

**被替代（Superseded By）**：
- 无

**相关（Related）**：
- [ADR-0240：Handler 异常约束](./ADR-240-exceptions.md) - 异常处理是生命周期的一部分
- [ADR-0220：事件总线](./ADR-220-bus.md)
  （续行）

**Extended By:**
- [ADR-201-A](./ADR-201-A-extension.md)

---
""")
    for name, title in (("ADR-0005-interaction.md", "交互"), ("ADR-0100-old.md", "旧"), ("ADR-240-exceptions.md", "异常"),
                        ("ADR-220-bus.md", "总线"), ("ADR-201-A-extension.md", "扩展")):
        write(tmp_path / "docs/adr" / name, f"# {title}\n\n**状态**：Accepted\n\n## 决策（Decision）\n\nx\n")
    links = sorted((l["relation"], l["target"]) for l in records(tmp_path)["ADR-201-lifecycle.md"]["links"])
    assert links == [("amended-by", "./ADR-201-A-extension.md"), ("relates-to", "./ADR-220-bus.md"),
                     ("relates-to", "./ADR-240-exceptions.md"), ("supersedes", "./ADR-0100-old.md")]


def test_an_adr_tools_implements_line_is_untyped(tmp_path):
    # ahitrin/SiebenApp e74816666503 doc/adr/0005-forever-alpha-version.md: `Implements [4. ...](0004-...md)`.
    write(tmp_path / "doc/adr/0004-old.md", "# 4. Old\n\nDate: 2020-08-16\n\n## Status\n\nAccepted\n\n## Context\n\nx\n")
    write(tmp_path / "doc/adr/0005-alpha.md", "# 5. Alpha\n\nDate: 2020-08-16\n\n## Status\n\nAccepted\n\n"
          "Implements [4. Old](0004-old.md)\n\n## Context\n\nx\n")
    assert records(tmp_path)["0005-alpha.md"]["links"] == []


def test_templates_and_process_pages_are_no_records(tmp_path):
    body = "\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\ny\n"
    # lmaran/matemaraton 261a443d30e8 doc/architecture-decisions: `000-template-general.md` and
    # `001-template-example.md` (MADR's own example decision), both listed by its README as the templates.
    write(tmp_path / "doc/adr/000-template-general.md", "# [short title]" + body)
    write(tmp_path / "doc/adr/001-template-example.md", "# Use Markdown Architectural Decision Records" + body)
    # inv-george-karsas/zebrasoreilykata2023 dda81bbd93ff Docs/ADRs/ADR_Template.md.
    write(tmp_path / "doc/adr/ADR_Template.md", "# ADR: Title" + body)
    # luchenqun/cosmos-sdk-docs cb3680d46b91 docs/integrate/architecture/PROCESS.md: `# ADR 创建流程` (ADR creation
    # process), explaining the statuses under `### ADR 状态`.
    write(tmp_path / "doc/adr/PROCESS.md", "# ADR 创建流程\n\n1. 复制模板。\n\n### ADR 状态\n\n状态由两个组成部分组成。\n")
    # Records all the same: a decision about templates, a titled unnumbered record (Unleash/unleash's `ADR: Naming`).
    write(tmp_path / "doc/adr/0002-choose-a-template-engine.md", "# 2. Choose a template engine" + body)
    write(tmp_path / "doc/adr/naming.md", "# ADR: Naming\n\n## Background\n\nx\n\n## Decision\n\ny\n")
    kinds = {d["path"].rsplit("/", 1)[-1]: d["kind"] for d in listed(tmp_path)}
    assert {name for name, kind in kinds.items() if kind == "record"} == {"0002-choose-a-template-engine.md", "naming.md"}
    assert kinds.get("PROCESS.md") == "document"


@pytest.mark.parametrize("value, relation, target", [
    ("superseded by ADR-0016", "superseded-by", "0016"),
    ("被 ADR-045 取代", "superseded-by", "045"),
])
def test_status_links_by_number(value, relation, target):
    from adrtool import vocabulary

    assert [(r.value, t) for r, t in vocabulary.status_links(value)] == [(relation, target)]


# ---- the leftovers named after truth4 -------------------------------------------------------------------

RECORD = "# {n}. {title}\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n"


def test_links_entries_named_by_number_in_a_body_without_a_markdown_link(tmp_path):
    # opendatahub-io/odh-dashboard b9d09633b0ee packages/gen-ai/docs/adr/0012-external-vector-stores.md.
    write(tmp_path / "docs/adr/0006-factory.md", RECORD.format(n=6, title="Factory"))
    write(tmp_path / "docs/adr/0007-repository.md", RECORD.format(n=7, title="Repository"))
    write(tmp_path / "docs/adr/0012-stores.md", "# External Vector Stores\n\n* Status: accepted\n* Date: 2026-02-19\n\n"
          "## Context and Problem Statement\n\nWhy.\n\n## Links\n\n* [Related to] ADR-0007 - Domain Repository Pattern\n"
          "* [Related to] ADR-0006 - Factory Pattern\n* [Implementation] `internal/repositories/stores.go`\n")
    links = sorted((l["relation"], l["id"]) for l in records(tmp_path)["0012-stores.md"]["links"])
    assert links == [("relates-to", "0006"), ("relates-to", "0007")]


@pytest.mark.parametrize("sentence, supersedes", [
    # kryota-dev/actions 1b0a97fd1b3e docs/adr/004-composite-actions-support.md, in its consequences.
    ("- ADR 001 is partially superseded: workflow naming changed from snake_case to kebab-case", ["0001"]),
    # ethersync/ethersync f945a91bf3b3 docs/decisions/10-cursor-positions-ephemeral.md.
    ("See ADR 01 for more Information on this decision, which is superseded by this one.", ["0001"]),
    ("ADR 001 is superseded by ADR 0003.", []),  # another record replaces it: no relation of this one
    ("This ADR is superseded.", []),
])
def test_a_sentence_saying_a_named_record_is_superseded(tmp_path, sentence, supersedes):
    write(tmp_path / "docs/adr/0001-old.md", RECORD.format(n=1, title="Old"))
    write(tmp_path / "docs/adr/0003-other.md", RECORD.format(n=3, title="Other"))
    write(tmp_path / "docs/adr/0004-new.md", RECORD.format(n=4, title="New").replace("What.", f"What.\n\n{sentence}"))
    assert records(tmp_path)["0004-new.md"]["supersedes"] == supersedes


def test_a_created_label_anywhere_dates_the_record(tmp_path):
    # AWLL-inc/work-management d5391db681a2 docs/adr/005-ui-library-and-data-table.md: the Status holds an update's
    # date, a footer `**作成日**:` (created) the record's; `**最終更新**:` (last updated) is no decision date.
    write(tmp_path / "docs/adr/005-ui.md", "# ADR-005: UIライブラリ\n\n## Status\nSuperseded by Update 2025-01-10\n\n"
          "## Context\nx\n\n## Update 2025-01-10\ny\n\n---\n\n**最終更新**: 2025-02-01\n**作成日**: 2024-10-04\n")
    write(tmp_path / "docs/adr/006-only-updated.md", "# ADR-006: X\n\n## Status\nAccepted\n\n## Context\nx\n\n"
          "**最終更新**: 2025-02-01\n")
    got = records(tmp_path)
    assert got["005-ui.md"]["date"] == "2024-10-04"
    assert got["006-only-updated.md"]["date"] is None
