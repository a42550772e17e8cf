"""Reading misses seen on the thirty-first and thirty-second sets (bench/reading/truth31.jsonl, scored once at 7391e08,
and truth32.jsonl, scored once at 983c913; development sets since), each fixed by a general rule
(bench/reading/DEFINITIONS.md, "Added for truth31" and "Added for truth32").

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import records
from tests.test_reading_truth27 import folder, linked


# BeardedRepoWrangler/EQAggroMeter b72a2eab44e7 decisions/0005-combat-event-detection.md and 0003-0007: Obsidian
# wiki links under `## Related`, bare or with an alias.
@pytest.mark.parametrize("entries, expected", [
    ("- [[0005-speed]] — the constraints that pushed us here\n- [[0011-later|ADR 0011]] — the prior fix this builds on",
     [("relates-to", "0005"), ("relates-to", "0011")]),
    ("- [[0005-speed]], [[0011-later#Decision]]", [("relates-to", "0005"), ("relates-to", "0011")]),
    ("- [[Vision]] — the original framing\n- `design/architecture.md`", []),  # pages, not records
])
def test_obsidian_wiki_links_under_related_relate(tmp_path, entries, expected):
    folder(tmp_path, "What.", f"\n## Related\n\n{entries}\n")
    assert linked(tmp_path, "0012-this.md") == expected


# euforicio/adr-demo aed396017740 adr/0008-use-mongodb-for-session-storage.md: the record superseded by 0009, then
# "**Note:** ADR-0009 was subsequently superseded by [ADR-0010](...)", 0009's relation, not this record's.
@pytest.mark.parametrize("body, expected", [
    ("Superseded by [ADR-0005](0005-speed.md).\n\n**Note:** ADR-0005 was subsequently superseded by "
     "[ADR-0011](0011-later.md) which combines both.", [("superseded-by", "0005")]),
    ("ADR-0005 is superseded by [ADR-0011](0011-later.md).", []),
    ("ADR-0012 is superseded by [ADR-0011](0011-later.md).", [("superseded-by", "0011")]),  # its own number: itself
    ("This record is superseded by [ADR-0011](0011-later.md).", [("superseded-by", "0011")]),
])
def test_another_record_by_number_as_subject_states_its_own_relation(tmp_path, body, expected):
    folder(tmp_path, "Why.")
    write(tmp_path / "docs/decisions/0012-this.md", f"# 12. This\n\n## Status\n\nSuperseded\n\n## Context\n\nWhy.\n\n"
          f"## Decision\n\nWhat.\n\n## Why This Decision Was Superseded\n\n{body}\n")
    assert linked(tmp_path, "0012-this.md") == expected


# codesidh/level-sweep-agent 9923a2dcbd7b adr/0007-pre-trade-sentinel-veto-protocol.md (`... ADR-0006 is unaffected.`)
# and 0005-execution-stop-trail-watchers.md (`closes `architecture-spec.md` v2.4 §22 #2`, a spec's item).
@pytest.mark.parametrize("value, expected", [
    ('detail-fills ADR-0005 §"Sentinel" and `architecture-spec.md` §4.4. Lands the contract; Phase 4\'s '
     "Narrator ADR-0011 is unaffected.", [("supersedes", "0005")]),
    ("closes `architecture-spec.md` v2.4 §22 #5 (tick frequency placeholder)", []),
    ("#5 (the old cache)", [("supersedes", "0005")]),
    ("ADR-0005 and ADR-0011", [("supersedes", "0005"), ("supersedes", "0011")]),
])
def test_a_supersedes_label_names_neither_an_unaffected_record_nor_a_specs_item(tmp_path, value, expected):
    base = tmp_path / "adr"
    for stem in ("0005-speed", "0011-later"):
        write(base / f"{stem}.md", f"# ADR-{stem[:4]}: {stem[5:]}\n\n**Status**: Accepted\n\n## Context\n\nWhy.\n")
    write(base / "0012-this.md", f"# ADR-0012: This\n\n**Status**: Accepted\n**Date**: 2026-05-01\n"
          f"**Supersedes**: {value}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n")
    assert linked(tmp_path, "0012-this.md") == expected


# mstrydom-airs/strydom-holiday-planner 1407084d4cad docs/decisions/0002-store-plans-in-sqlite.rst: a sphinx-needs
# record, its status an option of its `.. adr::` directive; `:links:` name requirements, no record.
@pytest.mark.parametrize("options, expected", [
    ("   :id: ADR-0002\n   :status: approved\n   :links: REQ-002, SPEC-002\n", "accepted"),
    ("   :id: ADR-0002\n   :status: proposed\n", "proposed"),
    ("   :id: ADR-0002\n", "unknown"),
])
def test_a_sphinx_needs_directive_states_the_status(tmp_path, options, expected):
    write(tmp_path / "docs/decisions/0002-store-plans.rst", _sphinx_needs(options))
    got = records(tmp_path)["0002-store-plans.rst"]
    assert (got["status"], got["title"], got["links"]) == (expected, "Store plans in SQLite", [])


def _sphinx_needs(options: str) -> str:
    return ("ADR-0002 — Store plans in SQLite\n================================\n\n.. adr:: Use SQLite as the "
            "persistence layer\n" + options + "\n   **Context.** One user.\n\n   **Decision.** Use SQLite.\n")


def test_a_status_set_on_a_sphinx_needs_record_is_written_in_its_directive_option(tmp_path):
    """`adrtool status` edits the option the status is read from, in its indentation; a Status section added below
    would never be read (the option wins), and the command would report a change nobody sees."""
    path = write(tmp_path / "docs/decisions/0002-store-plans.rst", _sphinx_needs("   :id: ADR-0002\n   :status: approved\n"))
    result = run_cli(["status", "2", "deprecated"], tmp_path)
    assert result.code == 0, result
    assert path.read_text(encoding="utf-8") == _sphinx_needs("   :id: ADR-0002\n   :status: deprecated\n")
    assert records(tmp_path)["0002-store-plans.rst"]["status"] == "deprecated"


# nofuturekid/nova 2e483a7db27c docs/adr/0012-*.md (`- ADR-0008 — the in-app updater this ADR extends.`, under
# `## References`; its status `Superseded by the singleton extraction — see "Revisit (actioned, ADR-0030 D2)" below`)
# and 0015-*.md (`- **Supersedes** (in part): ADR-0006 (...)`).
@pytest.mark.parametrize("status, tail, expected", [
    ('Superseded by the singleton extraction — see "Revisit (ADR-0011 D2)" below', "", []),
    ("Superseded by ADR-0011", "", [("superseded-by", "0011")]),
    ("Accepted", "\n## References\n\n- ADR-0005 — the in-app updater this ADR extends.\n- ADR-0011 — the policy "
     "that scoped it.\n", [("amends", "0005")]),
    ("Accepted", "\n## References\n\n- ADR-0005: the cache this decision replaces.\n", [("supersedes", "0005")]),
    ("Accepted", "\n## References\n\n- ADR-0005 — extends the cache this ADR extends to the edge.\n", []),
])
def test_a_section_pointer_in_a_status_and_an_entry_this_record_extends(tmp_path, status, tail, expected):
    folder(tmp_path, "Why.")
    write(tmp_path / "docs/decisions/0012-this.md", f"# 12. This\n\n- **Status**: {status}\n- **Date**: 2026-05-01\n\n"
          f"## Context\n\nWhy.\n\n## Decision\n\nWhat.\n{tail}")
    assert linked(tmp_path, "0012-this.md") == expected


@pytest.mark.parametrize("label, expected", [
    ("- **Supersedes** (in part): ADR-0005 (the old flow).", [("supersedes", "0005")]),
    ("- **Supersedes**: ADR-0005.", [("supersedes", "0005")]),
    ("- **Supersedes** (see below): ADR-0005.", []),  # a qualifier of another kind: no label read
])
def test_a_partial_qualifier_between_label_and_colon(tmp_path, label, expected):
    folder(tmp_path, "Why.")
    write(tmp_path / "docs/decisions/0012-this.md", f"# 12. This\n\n- **Status**: Accepted\n{label}\n\n"
          "## Context\n\nWhy.\n\n## Decision\n\nWhat.\n")
    assert linked(tmp_path, "0012-this.md") == expected
