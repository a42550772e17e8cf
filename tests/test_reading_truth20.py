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
from tests.test_reading_truth6 import records


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
