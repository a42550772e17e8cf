"""Reading misses seen on the thirty-eighth and thirty-ninth sets (bench/reading/truth38.jsonl and truth39.jsonl,
each scored once at 18964bb; development sets since), each fixed by a general rule (bench/reading/DEFINITIONS.md,
"Added for truth38" and "Added for truth39").

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import links, records


# Michal11K/nfosync 7cadf04c20c4 docs/adr/ADR-0002.md: the heading is the record's id alone, its title the line under it.
@pytest.mark.parametrize("heading", ["ADR-0002", "ADR 0002", "0002"])
def test_an_id_only_heading_is_titled_by_the_plain_line_under_it(tmp_path, heading):
    write(tmp_path / "docs/adr/ADR-0001.md", "# ADR-0001\nNFO is the Single Source of Truth.\n")
    write(tmp_path / "docs/adr/ADR-0002.md", f"# {heading}\nRepository Pattern.\n")
    got = records(tmp_path)
    assert got["ADR-0001.md"]["title"] == "NFO is the Single Source of Truth."
    assert got["ADR-0002.md"]["title"] == "Repository Pattern."


@pytest.mark.parametrize("below", ["Status: Accepted\n", "## Context\n\nWhy.\n", "- a list\n"])
def test_an_id_only_heading_over_metadata_or_a_section_keeps_the_id(tmp_path, below):
    write(tmp_path / "docs/adr/ADR-0003.md", f"# ADR-0003\n{below}")
    assert records(tmp_path)["ADR-0003.md"]["title"] == "ADR-0003"


# Control39/portfolio-system-architect afc854fba81b docs/architecture/decisions/ADR-001-*.md: two "Consolidated"
# notes, then a byte-order mark opening the heading's line.
PASTED = ("> **Former ID:** ADR-001-system-thinking **Current ID:** ADR-001\n> **Consolidated:** 2026-05-30\n\n"
          "______________________________________________________________________\n\n"
          "\ufeff# ADR-001: Выбор методологии\n\n## Status\n\nПринято\n\n## Context\n\nПочему.\n")


def test_a_byte_order_mark_opening_a_heading_inside_the_file_is_invisible(tmp_path):
    path = write(tmp_path / "docs/architecture/decisions/ADR-001-system-thinking.md", PASTED)
    got = records(tmp_path)["ADR-001-system-thinking.md"]
    assert (got["title"], got["status"]) == ("Выбор методологии", "accepted")
    # Reading changed nothing in the file: the mark is still where its author's tool put it.
    assert path.read_text(encoding="utf-8") == PASTED


def test_a_status_write_keeps_a_byte_order_mark_inside_the_file(tmp_path):
    path = write(tmp_path / "docs/architecture/decisions/ADR-001-system-thinking.md", PASTED)
    result = run_cli(["status", "1", "deprecated"], tmp_path)
    assert result.code == 0, result.err
    text = path.read_text(encoding="utf-8")
    assert "\ufeff# ADR-001: Выбор методологии" in text and text.count("\ufeff") == 1
    assert records(tmp_path)["ADR-001-system-thinking.md"]["status"] == "deprecated"


# PlebeianApp/market 8841cc8d0c92 docs/adr/ADR-016-*.md: under `## Related`, an entry typed by its own verb.
def test_a_related_entry_opened_by_its_relation_verb_gets_that_relation_only(tmp_path):
    write(tmp_path / "docs/adr/ADR-0002-ndk-relays.md", "# ADR-0002: NDK relays\n\n## Status\n\nAccepted\n")
    write(tmp_path / "docs/adr/ADR-0013-transport.md", "# ADR-013: Transport\n\n## Status\n\nAccepted\n")
    write(tmp_path / "docs/adr/ADR-016-zap-isolation.md",
          "# ADR-016: Zap NDK Isolation\n\n## Status\n\nAccepted\n\n## Related\n\n"
          "- Extends ADR-0002 (NDK external relay connections cause e2e flakiness)\n- ADR-013: Transport\n"
          "- PR: PlebeianApp/market#1211\n\n## Context\n\nWhy.\n")
    got = records(tmp_path)["ADR-016-zap-isolation.md"]
    assert sorted(links(got)) == [("amends", "0002"), ("relates-to", "0013")]


# Infer-Lab/inferlab e3d28d138550 docs/adr/ADR-0003.md, under References: another record the entry's subject, `it`
# the object of this record's verb.
@pytest.mark.parametrize("entry, expected", [
    ("- [ADR-0002](ADR-0002.md) remains historical context after this ADR supersedes it.", [("supersedes", "0002")]),
    ("- ADR-0002 stays in force where this decision amends it.", [("amends", "0002")]),
    # Two records before the verb: `it` could be either, so neither is typed by it.
    ("- ADR-0001 and ADR-0002 stay as context after this ADR supersedes it.", []),
])
def test_this_record_superseding_it_names_the_record_the_line_opens_with(tmp_path, entry, expected):
    for n in (1, 2):
        write(tmp_path / f"docs/adr/ADR-000{n}.md", f"# ADR-000{n}: Earlier {n}\n\n> **Status:** accepted\n")
    write(tmp_path / "docs/adr/ADR-0003.md",
          f"# ADR-0003: Separate environments\n\n> **Status:** accepted | **Date:** 2026-07-01\n\n## Context\n\nWhy.\n\n"
          f"## References\n\n{entry}\n")
    got = records(tmp_path)["ADR-0003.md"]
    assert [(r, i) for r, i in links(got) if r != "relates-to"] == expected


# Hopeful117/trading-os eb9b4609cde5 docs/architecture/adr/ADR-007.md: `Related ADRs:` a line of its own, a blank
# line, then its list at the label's indent.
def test_a_related_label_line_over_a_blank_line_and_a_list_relates_its_entries(tmp_path):
    for n, title in ((2, "Pipeline"), (5, "Broker Service"), (6, "Market Data")):
        write(tmp_path / f"docs/adr/ADR-00{n}.md", f"# ADR-00{n} — {title}\n\n## Status\n\nAccepted\n")
    write(tmp_path / "docs/adr/ADR-007.md",
          "# ADR-007 — Execution\n\n## Status\n\nAccepted\n\n## References\n\nRelated ADRs:\n\n"
          "- ADR-002 — Pipeline\n- ADR-005 — Broker Service\n- ADR-006 — Market Data\n\nSee the runbook: ADR-009 is next.\n")
    got = records(tmp_path)["ADR-007.md"]
    assert sorted(links(got)) == [("relates-to", "0002"), ("relates-to", "0005"), ("relates-to", "0006")]

