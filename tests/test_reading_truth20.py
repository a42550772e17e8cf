"""Reading misses seen on the twentieth set (bench/reading/truth20.jsonl, a development set since scored once at
b184275), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from adrtool.reasoning.meaning import CONSEQUENCES, CONTEXT, DECISION, OPTIONS, RATIONALE, STATUS, meaning_of
from adrtool.vocabulary import normalize_status
from tests.conftest import write
from tests.test_reading_truth6 import links, records


# rflibrary/rf-library-meta-os fbebcc12badf docs/adrs/0001-record-architecture-decisions.md and 0002-*.md: under
# `# ADR 0001: Sử dụng ...`, `**Trạng thái:** Được chấp nhận (Accepted)` and `**Ngày:** 2026-06-14`.
@pytest.mark.parametrize("label, word, status", [
    ("**Trạng thái:**", "Được chấp nhận (Accepted)", "accepted"),
    ("**Trạng thái:**", "Đã phê duyệt", "accepted"),
    ("Trạng thái:", "Đề xuất", "proposed"),
    ("Tình trạng:", "Bị từ chối", "rejected"),
    ("**Trạng thái**:", "Đã bị thay thế", "superseded"),
    ("**Trạng thái:**", "Lỗi thời", "deprecated"),
])
@pytest.mark.parametrize("date_label", ["**Ngày:**", "**Ngày quyết định:**", "Ngày tạo:"])
def test_vietnamese_status_and_date_labels(tmp_path, label, word, status, date_label):
    write(tmp_path / "docs/adrs/0001-sync.md",
          f"# ADR 0001: Giao thức đồng bộ\n\n{label} {word}\n{date_label} 2026-06-14\n**Người đề xuất:** Hải\n\n"
          "## 1. Bối cảnh (Context)\nVì sao.\n\n## 2. Quyết định (Decision)\nLàm gì.\n")
    got = records(tmp_path)["0001-sync.md"]
    assert (got["status"], got["date"]) == (status, "2026-06-14")


def test_vietnamese_bullets(tmp_path):
    write(tmp_path / "docs/adrs/0003-queue.md",
          "# ADR 0003: Hàng đợi\n\n- Trạng thái: Đề xuất\n- Ngày: 2026-06-15\n\n## Bối cảnh\nVì sao.\n")
    got = records(tmp_path)["0003-queue.md"]
    assert (got["status"], got["date"]) == ("proposed", "2026-06-15")


def test_a_vietnamese_update_date_is_no_date_and_a_status_heading_reads(tmp_path):
    # `Ngày cập nhật` is when it was updated; a `## Trạng thái` section reads as `## Status` does.
    write(tmp_path / "docs/adr/0002-cache.md",
          "# 2. Bộ nhớ đệm\n\n**Ngày cập nhật:** 2026-07-01\n\n## Trạng thái\n\nĐược chấp nhận\n\n## Bối cảnh\n\nVì sao.\n")
    got = records(tmp_path)["0002-cache.md"]
    assert (got["status"], got["date"]) == ("accepted", None)


@pytest.mark.parametrize("text, status", [
    ("Chấp nhận", "accepted"), ("Đã hoàn thành", "accepted"), ("Dự thảo", "proposed"), ("Đang xem xét", "proposed"),
    ("Bác bỏ", "rejected"), ("Ngừng sử dụng", "deprecated"), ("Được thay thế bởi ADR-0003", "superseded"),
    # `Thay thế ADR-0001` says the record replaces another: no status of its own.
    ("Thay thế ADR-0001", "unknown"),
    # Japanese (kai-5908/harmony-study-app 7e08c5f6d508 docs/ADR/*.md: `提案中`, `承認`, `承認済み`): awaiting approval is
    # proposed, not the 承認 it opens with.
    ("承認待ち", "proposed"), ("未承認", "proposed"), ("レビュー中", "proposed"), ("採択", "accepted"),
    ("実装済み", "accepted"), ("不採用", "rejected"), ("取り下げ", "rejected"), ("廃止済み", "deprecated"),
    ("置換", "superseded"), ("承認済み", "accepted"), ("提案中", "proposed"),
])
def test_vietnamese_and_japanese_status_words(text, status):
    assert normalize_status(text).value == status


# kai-5908/harmony-study-app 7e08c5f6d508 docs/ADR/adr_harmony_task_model.md: `# 和声課題データモデル設計` over
# `## 1. タイトル`, `## 2. ステータス` (`承認`), `## 3. コンテキスト`, `## 4. 決定`: a numbered Status section.
@pytest.mark.parametrize("heading, word, status", [
    ("## 2. ステータス", "承認", "accepted"),
    ("## 2. Status", "Accepted", "accepted"),
    ("## 2) Statut", "Accepté", "accepted"),
    ("## 1.2 Estado", "Propuesto", "proposed"),
    ("## 2. Trạng thái", "Được chấp nhận", "accepted"),
])
def test_a_numbered_status_section_reads(tmp_path, heading, word, status):
    write(tmp_path / "docs/adr/adr_task_model.md",
          f"# 和声課題データモデル設計\n\n## 1. タイトル\n和声課題データモデルの設計\n\n{heading}\n{word}\n\n"
          "## 3. コンテキスト\n- 柔軟なモデル\n\n## 4. 決定\n- 必須属性\n")
    got = records(tmp_path)["adr_task_model.md"]
    assert (got["title"], got["status"]) == ("和声課題データモデル設計", status)


def test_a_numbered_heading_that_only_starts_with_status_is_no_status_section(tmp_path):
    # juliusl/adr-skill 3c3c26f8aad5 docs/adr/0003-*.md: `### 3. Status lifecycle summary` deep in a record.
    write(tmp_path / "docs/adr/plan.md", "# Plan\n\n## 3. Status lifecycle summary\n\nAccepted ADRs move on.\n")
    assert "plan.md" not in records(tmp_path)


@pytest.mark.parametrize("heading, meaning", [
    ("1. Bối cảnh (Context)", CONTEXT), ("Bối cảnh", CONTEXT), ("2. Quyết định (Decision)", DECISION),
    ("Hệ quả", CONSEQUENCES), ("Hậu quả", CONSEQUENCES), ("Lý do", RATIONALE), ("Các phương án", OPTIONS),
    ("Trạng thái", STATUS), ("コンテキスト", CONTEXT), ("決定事項", DECISION), ("根拠", RATIONALE), ("結果", CONSEQUENCES),
    ("代替案の検討", OPTIONS), ("2. ステータス", STATUS),
    # Folded Vietnamese inside English words is no cue.
    ("The quality bar", None), ("Only do this", None),
])
def test_vietnamese_and_japanese_section_names(heading, meaning):
    assert meaning_of(heading) == meaning


# RealRogerWinter/onestreamer docs/architecture/adr/0002-mediasoup-primary-livekit-dormant.md (and 0007-*.md):
# `_Status: Superseded by [ADR-0008](0008-...md), and ultimately by [ADR-0024](0024-...md) (MediaSoup retired; ...)._`
@pytest.mark.parametrize("status", [
    "_Status: Superseded by [ADR-0008](0008-revive.md), and ultimately by [ADR-0024](0024-retire.md) (retired)._",
    "_Status: Superseded by [ADR-0008](0008-revive.md) (no longer dormant; paused), and ultimately by "
    "[ADR-0024](0024-retire.md) (retired)._",
    "Status: Superseded by ADR-0008, then by ADR-0024",
    "- Status: superseded by [ADR-0008](0008-revive.md) and later by [ADR-0024](0024-retire.md)",
])
def test_a_status_naming_two_replacements_links_both(tmp_path, status):
    folder = tmp_path / "docs/adr"
    write(folder / "0002-mediasoup.md", f"# ADR-0002: MediaSoup is primary\n\n{status}\n_Date: 2026-05-23_\n\n## Context\n\nWhy.\n")
    write(folder / "0008-revive.md", "# ADR-0008: Revive LiveKit\n\nStatus: Accepted\n")
    write(folder / "0024-retire.md", "# ADR-0024: Retire MediaSoup\n\nStatus: Accepted\n")
    got = records(tmp_path)["0002-mediasoup.md"]
    assert got["status"] == "superseded"
    assert sorted(links(got)) == [("superseded-by", "0008"), ("superseded-by", "0024")]


def test_an_aside_naming_another_agent_is_no_second_replacement(tmp_path):
    folder = tmp_path / "docs/adr"
    write(folder / "0002-a.md", "# 2. A\n\nStatus: Superseded by ADR-0008 (drafted by the team, and approved by ADR-0009)\n")
    write(folder / "0008-b.md", "# 8. B\n\nStatus: Accepted\n")
    write(folder / "0009-c.md", "# 9. C\n\nStatus: Accepted\n")
    assert links(records(tmp_path)["0002-a.md"]) == [("superseded-by", "0008")]


# itsamiitt/waterfall adr/0002-api-first-no-scraping.md: `- **Status:** Accepted · **Superseded by [ADR-0025](...)**
# (2026-07-09) — 0025 narrowly restates ...`: the later state after a middle dot (or a dash) counts.
@pytest.mark.parametrize("status, want", [
    ("Accepted · **Superseded by [ADR-0025](0025-x.md)** (2026-07-09) — restates", "superseded"),
    ("Accepted — superseded by ADR-0025", "superseded"),
    ("Accepté • superseded by ADR-0025", "superseded"),
    ("Accepted — see ADR-0025, which was superseded by nothing", "accepted"),
])
def test_a_later_superseded_after_a_middle_dot_or_dash(status, want):
    assert normalize_status(status).value == want


# Maxjiang03/Trustworthy-Agentic-Communication adr/0011-commitment-string-encoding.md: `This ADR closes both; it
# **extends** ADR 0003/0009 and re-opens neither.`; 0012-*.md: `This ADR settles it; it extends the` / `ADR 0009
# classification and re-opens neither ADR 0009 nor ADR 0003.`
@pytest.mark.parametrize("prose, want", [
    ("This ADR closes both; it **extends** ADR 0003/0009 and re-opens neither.", [("amends", "0003"), ("amends", "0009")]),
    ("This ADR settles it; it extends the\nADR 0009 classification and re-opens neither ADR 0009 nor ADR 0003.",
     [("amends", "0009")]),
    ("This record narrows the scope, it supersedes ADR 0003.", [("supersedes", "0003")]),
    # `it` whose antecedent is another thing is not this record.
    ("The gateway failed; it replaces ADR 0003 in practice.", []),
])
def test_this_record_as_it_in_a_second_clause(tmp_path, prose, want):
    folder = tmp_path / "adr"
    write(folder / "0011-encoding.md", f"# 0011 — Encoding\n\n## Status\n\nAccepted\n\n## Context\n\n{prose}\n")
    write(folder / "0003-scheme.md", "# 0003 — Scheme\n\n## Status\n\nAccepted\n")
    write(folder / "0009-hjcs.md", "# 0009 — HJCS\n\n## Status\n\nAccepted\n")
    assert sorted(links(records(tmp_path)["0011-encoding.md"])) == want


# nibralab/joomla-architecture 99ab82e904fc docs/Architecture/filesystem-meta.md: `# Filesystem Abstraction Layer`
# over `## Why bother?`, `## Factors`, `## Criteria`, `## Options`, `## Solution`, `## Consequences`; no status, no
# number: the options weighed and the one chosen make it a record.
@pytest.mark.parametrize("options, solution", [
    ("Options", "Solution"), ("Alternatives", "Chosen solution"), ("Optionen", "Lösung"), ("Opciones", "Solución"),
])
def test_options_and_a_solution_make_a_record(tmp_path, options, solution):
    folder = tmp_path / "docs/adr"
    write(folder / "filesystem-meta.md", f"# Filesystem Abstraction Layer\n\n## Why bother?\n\nMedia.\n\n## {options}\n\n"
                                         f"Flysystem, Filicious.\n\n## {solution}\n\nFlysystem.\n")
    got = records(tmp_path)["filesystem-meta.md"]
    assert (got["title"], got["status"]) == ("Filesystem Abstraction Layer", "unknown")


def test_options_alone_or_a_solution_alone_make_no_record(tmp_path):
    folder = tmp_path / "docs/adr"
    write(folder / "overview.md", "# Overview\n\n## Options\n\nFlags the tool takes.\n\n## Usage\n\nRun it.\n")
    write(folder / "faq.md", "# FAQ\n\n## Problem with login\n\nClear cookies.\n\n## Solution\n\nRetry.\n")
    got = records(tmp_path)
    assert "overview.md" not in got and "faq.md" not in got
