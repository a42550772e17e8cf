"""`lint`'s link-title-mismatch: a list entry naming a record by number and by another record's title.

Seen in Hopeful117/trading-os eb9b4609cde5 docs/architecture/adr/ADR-002.md (`Related ADRs:` over
`- ADR-004 — Trading Core Responsibilities`, where 0004 is "Market Intelligence Architecture" and 0005 is
"Trading Core Responsibilities"); over the reading bench's 420 real folders it reports 11 entries, each a real
mismatch, and nothing else.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli, write


def folder(root, entries: str) -> None:
    for n, title in ((4, "Market Intelligence Architecture"), (5, "Trading Core Responsibilities"),
                     (6, "Market Data Service")):
        write(root / f"docs/adr/ADR-00{n}.md", f"# ADR-00{n} — {title}\n\n## Status\n\nAccepted\n")
    write(root / "docs/adr/ADR-002.md", f"# ADR-002 — Pipeline\n\n## Status\n\nAccepted\n\n## References\n\n"
                                        f"Related ADRs:\n\n{entries}")


def findings(root) -> list[dict]:
    result = run_cli(["lint", "--json"], root)
    return [f for f in json.loads(result.out) if f["rule"] == "link-title-mismatch"]


def test_an_entry_with_another_records_title_is_reported_with_the_record_that_has_it(tmp_path):
    folder(tmp_path, "- ADR-004 — Trading Core Responsibilities\n- ADR-006 — Market Data Service\n")
    [found] = findings(tmp_path)
    assert found["path"] == "docs/adr/ADR-002.md" and found["line"] == 11 and found["severity"] == "warning"
    assert "'Trading Core Responsibilities', but 0004 is 'Market Intelligence Architecture'" in found["message"]
    assert "0005 is 'Trading Core Responsibilities'" in found["message"]


@pytest.mark.parametrize("entries", [
    "- ADR-004 — Market Intelligence\n",  # a shortened title: it shares a word
    "- ADR-004\n",  # no title to compare
    "- ADR-004 — Рыночная аналитика\n",  # another script: not compared
])
def test_entries_that_agree_or_cannot_be_compared_are_not_reported(tmp_path, entries):
    folder(tmp_path, entries)
    assert findings(tmp_path) == []


def test_a_sentence_after_a_dash_describes_and_is_not_compared(tmp_path):
    folder(tmp_path, "")
    path = tmp_path / "docs/adr/ADR-002.md"
    path.write_text(path.read_text() + "This ADR supersedes ADR-004 — its core Decision Outcome is kept.\n")
    assert findings(tmp_path) == []
