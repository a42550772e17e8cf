"""Reading misses seen on the eleventh set (bench/reading/truth11.jsonl, a development set since scored once at
092d690), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import write
from tests.test_reading_truth6 import links, records


def _plain(title: str) -> str:
    return f"# {title}\n\n| Field | Value |\n|---|---|\n| **Status** | Accepted |\n\n## Context\n\nWhy.\n"


# cgbarlow/iris 1f1d77ba5af1 docs/adrs/ADR-007-Audit-Log-Integrity.md: a `## Dependencies` table typed by its
# Relationship column; `Depends On` stays untyped, `TBD` names no record, and a table in a fenced example is not
# the record's (ADR-001's second table).
DEPENDENCIES = """# ADR-007: Audit Log Integrity

| Field | Value |
|-------|-------|
| **Date** | 2026-01-09 |
| **Status** | Accepted |

## Context

Why.

## Dependencies

| Relationship | ADR ID | Title | Notes |
|--------------|--------|-------|-------|
| Depends On | ADR-003 | Architectural Vision | Audit trail is part of the Foundation |
| Relates To | ADR-005 | RBAC Design | audit.read permission controls access |
| Relates To | TBD | Control Mapping | Addresses audit controls |

## Example

```markdown
| Relationship | ADR ID | Title | Notes |
|--------------|--------|-------|-------|
| Relates To | ADR-004 | Plugin Architecture | an example row |
```
"""


def test_a_relationship_table_types_each_row_by_its_relationship_column(tmp_path):
    for number, name in (("003", "Vision"), ("004", "Backend"), ("005", "RBAC")):
        write(tmp_path / f"docs/adr/ADR-{number}-{name}.md", _plain(f"ADR-{number}: {name}"))
    write(tmp_path / "docs/adr/ADR-007-Audit-Log-Integrity.md", DEPENDENCIES)
    got = records(tmp_path)["ADR-007-Audit-Log-Integrity.md"]
    assert links(got) == [("relates-to", "0005")]


# cgbarlow/iris 1f1d77ba5af1 docs/adrs/ADR-001-Enhanced-ADR-Format.md: a `## Proposal: ...` subtitle right under the
# title, over the metadata table.
SUBTITLE = """# ADR-001: Enhanced ADR Format

## Proposal: Toggle-able Decision Record Mode

| Field | Value |
|-------|-------|
| **Date** | 2026-01-08 |
| **Status** | Proposed |

---

## Problem Statement

Why.
"""


def test_a_metadata_table_under_a_subtitle_gives_the_status_and_date(tmp_path):
    write(tmp_path / "docs/adrs/ADR-001-Enhanced-ADR-Format.md", SUBTITLE)
    got = records(tmp_path)["ADR-001-Enhanced-ADR-Format.md"]
    assert (got["title"], got["status"], got["date"]) == ("Enhanced ADR Format", "proposed", "2026-01-08")


# furima-share-re/fleapay-lite 5bc50fac57e7 adr/EDO_ICHIBA_1億リーチ戦略.md: a planning document with no number, no
# Status, Context or Decision section, whose note says "this document is the basis of the decision (ADR)".
DECLARED = """# EDO ICHIBA「1億リーチ達成戦略」完全企画書

**参考元**: `戦略.html`

> **注意**: 本ドキュメントは意思決定の根拠（ADR）です。数値・条件の詳細は `truth/business/` を参照してください。

---

## エグゼクティブサマリー

本企画は、段階的に年間リーチを達成することを目的とします。
"""
UNDECLARED = DECLARED.replace("本ドキュメントは意思決定の根拠（ADR）です。", "")


def test_a_page_that_declares_itself_the_decisions_record_is_one(tmp_path):
    write(tmp_path / "adr/EDO_ICHIBA_戦略.md", DECLARED)
    write(tmp_path / "adr/EDO_ICHIBA_比較.md", UNDECLARED)
    got = records(tmp_path)
    assert set(got) == {"EDO_ICHIBA_戦略.md"}
    record = got["EDO_ICHIBA_戦略.md"]
    assert (record["title"], record["status"], record["date"]) == ("EDO ICHIBA「1億リーチ達成戦略」完全企画書", "unknown", None)


# davenkin/andy-springboot4-template 55bc679af27d ADRs/000_what_is_adr.md (`# Title(change me)`) and
# furima-share-re/fleapay-lite 5bc50fac57e7 adr/0001-template.md (`# ADR-0001: [短いタイトル]`, "short title"):
# numbered templates whose title is left to be written.
def test_a_numbered_file_whose_title_is_a_placeholder_is_a_template(tmp_path):
    write(tmp_path / "docs/adr/000_what_is_adr.md", "# Title(change me)\n\n## Context\n\nWhy a decision is needed?\n\n"
                                                "## Decision\n\nWhat is the decision?\n")
    write(tmp_path / "docs/adr/0001-template.md", "# ADR-0001: [短いタイトル]\n\n## Status\nProposed | Accepted | Rejected\n\n"
                                              "## Context\nなぜこの意思決定が必要だったのか。\n")
    write(tmp_path / "docs/adr/0002-use-ddd.md", "# 0002. Use DDD\n\n## Context\n\nWhy.\n\n## Decision\n\nDDD.\n")
    assert set(records(tmp_path)) == {"0002-use-ddd.md"}
