"""Reading misses seen on the forty-second and forty-fifth sets (bench/reading/truth42.jsonl, scored once at a9cae1f,
and truth45.jsonl, at 5efad8d; development sets since), each fixed by a general rule (bench/reading/DEFINITIONS.md,
"Added for truth42" and "Added for truth45"), and the status write that goes with the trailing status line.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import links, records

# Eswar-426/ARES-MEMORY-OS 6141e2f92612 docs/decisions/ADR-002.md: the title, the id as a subheading, plain labelled
# paragraphs, and the status as the file's last line.
STUB = ("# Decision: SQLite as Knowledge Graph Store\n## ADR-002\n\nWe decided to use SQLite.\n\nContext:\nA local store."
        "\n\nDecision:\nUse SQLite with WAL.\n\nConsequences:\n- one file to back up.\n\nThis decision satisfies REQ-1.\n\n"
        "Status: Accepted\n")


def test_a_status_line_closing_the_file_is_its_status(tmp_path):
    write(tmp_path / "docs/decisions/ADR-002.md", STUB)
    assert records(tmp_path)["ADR-002.md"]["status"] == "accepted"


def test_a_status_write_edits_that_closing_line_only(tmp_path):
    path = write(tmp_path / "docs/decisions/ADR-002.md", STUB)
    result = run_cli(["status", "2", "deprecated"], tmp_path)
    assert result.code == 0, result.err
    assert path.read_text(encoding="utf-8") == STUB.replace("Status: Accepted", "Status: Deprecated")


def test_a_status_word_in_the_last_sentence_is_no_status_line(tmp_path):
    write(tmp_path / "docs/decisions/ADR-002.md", STUB.replace("Status: Accepted\n", "Status of the work: unclear.\n"))
    assert records(tmp_path)["ADR-002.md"]["status"] == "unknown"


# FHoffarth/timonelo 74fb58c87a35 docs/adr/ADR-SA-001.md: `**FROZEN.** This decision is binding ...` under `## Status`.
def test_a_frozen_decision_is_accepted(tmp_path):
    write(tmp_path / "docs/adr/ADR-SA-001.md", "# ADR-SA-001 — WARC Envelope\n\n## Status\n\n**FROZEN.** This decision "
                                               "is binding for future work.\n\n## Context\n\nWhy.\n")
    assert records(tmp_path)["ADR-SA-001.md"]["status"] == "accepted"


# FredB30/Feeligrane a578b07d358d docs/adr/ADR-0001.md: `# ADR-0001`, then a second level-1 heading with the title.
def test_an_id_only_heading_over_a_second_level_one_heading_is_titled_by_it(tmp_path):
    write(tmp_path / "docs/adr/ADR-0001.md", "# ADR-0001\n\n# Repository Governance\n\n## Status\n\nAccepted\n")
    assert records(tmp_path)["ADR-0001.md"]["title"] == "Repository Governance"


# adrian-mason/wperf cc6dcb3bc5f8 docs/decisions/ADR-002-supplement.md: the whole file name before the title.
@pytest.mark.parametrize("name, heading, expected", [
    ("ADR-002-supplement", "ADR-002-supplement: Kernel Compatibility", "Kernel Compatibility"),
    # A title that begins with a number of its own keeps it (ARCHITECTURA-AI/AIdeator docs/decisions/ADR-003.md).
    ("ADR-003", "ADR-003: 3-node LangGraph core", "3-node LangGraph core"),
])
def test_the_file_name_before_the_title_goes_and_a_title_number_of_its_own_stays(tmp_path, name, heading, expected):
    write(tmp_path / f"docs/decisions/{name}.md", f"# {heading}\n\n- **Status:** Accepted\n\n## Context\n\nWhy.\n")
    assert records(tmp_path)[f"{name}.md"]["title"] == expected


# wellmaintained/packages 97ad8456e526 docs/adrs/0005-*.md (truth45): `### Relation to other ADRs` over paragraphs; a
# record one paragraph types (`Supersedes ADR 0003's promotion model`) is not relates-to where later lines name it.
def test_a_relation_heading_relates_its_paragraphs_records_and_a_typed_one_keeps_its_type(tmp_path):
    for n, slug in ((2, "build-image"), (3, "promote-on-merge"), (4, "repo-structure")):
        write(tmp_path / f"docs/adrs/000{n}-{slug}.md", f"# {n}. {slug}\n\n## Status\n\nAccepted\n")
    write(tmp_path / "docs/adrs/0005-release-pipeline.md",
          "# 5. Release pipeline\n\n## Status\n\nAccepted\n\nSupersedes the promotion section (decisions 2, 3) of ADR 0003.\n\n"
          "## Context\n\nWhy.\n\n### Relation to other ADRs\n\n"
          "Builds on ADR 0002 (`buildCompliantImage`). The build calls\n`nix build` once per image.\n\n"
          "Supersedes ADR 0003's promotion model. ADR 0003's\ncore insight is preserved, and ADR 0003's build workflow\n"
          "remains in effect.\n\nBuilds on ADR 0004 (repo structure).\n\n## Consequences\n\nGood.\n")
    assert sorted(links(records(tmp_path)["0005-release-pipeline.md"])) == [
        ("relates-to", "0002"), ("relates-to", "0004"), ("supersedes", "0003")]
