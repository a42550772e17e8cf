"""A status checklist keeps its boxes when the status changes: the new status's box is checked, the old one
unchecked; a status no box names becomes a new checked box. The shape is route06/actions 5c9a07f11333
docs/adr/001-adrの導入.md (`- [ ] 提案中`, `- [x] 承認`, `- [ ] 否認`); the fixtures are our own."""

from __future__ import annotations

import json

from tests.conftest import run_cli, write

RECORD = "# 1. ADRの導入\n\n## ステータス\n\n- [ ] 提案中\n- [x] 承認\n- [ ] 否認\n{extra}\n## コンテキスト\n\n記録する。\n"


def status(root) -> str:
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return json.loads(result.out)[0]["status"]


def test_the_box_of_the_new_status_is_checked_and_nothing_else_changes(tmp_path):
    path = write(tmp_path / "docs/adr/0001-adr.md", RECORD.format(extra="- [ ] 廃止\n"))
    assert status(tmp_path) == "accepted"
    assert run_cli(["status", "1", "deprecated"], tmp_path).code == 0
    assert path.read_text(encoding="utf-8") == RECORD.format(extra="- [x] 廃止\n").replace("- [x] 承認", "- [ ] 承認")
    assert status(tmp_path) == "deprecated"


def test_a_status_no_box_names_is_a_new_checked_box(tmp_path):
    path = write(tmp_path / "docs/adr/0001-adr.md", RECORD.format(extra=""))
    assert run_cli(["status", "1", "deprecated"], tmp_path).code == 0
    text = path.read_text(encoding="utf-8")
    assert "- [ ] 提案中\n- [ ] 承認\n- [ ] 否認\n- [x] Deprecated\n\n## コンテキスト" in text
    assert status(tmp_path) == "deprecated"


def test_superseding_a_checklist_record_unchecks_its_box_and_links(tmp_path):
    path = write(tmp_path / "docs/adr/0001-adr.md", RECORD.format(extra=""))
    write(tmp_path / "docs/adr/0002-next.md", "# 2. Next\n\n## Status\n\nAccepted\n\n## Context\n\nMore.\n")
    assert run_cli(["supersede", "1", "2"], tmp_path).code == 0
    text = path.read_text(encoding="utf-8")
    assert "- [x]" not in text and "- [ ] 承認" in text and "0002-next.md" in text
    assert status(tmp_path) == "superseded"
