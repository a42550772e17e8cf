"""Reading misses seen on the eighth set (bench/reading/truth8.jsonl, a development set since scored once at
f188991), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import records

# Hardhat-Enterprises/Deakin-Detonator-Toolkit 3bec7505b296 documentation/adr/ADR-0003.md: no level-1 heading,
# a `## Title` section over the title's one line, then `## Proposal status` and `## Implementation status`.
TITLE_SECTION = """## Title

Adopt a message queue for scan jobs

## Proposal status

-   Approved

## Implementation status

-   Implemented

## Context

Scans block the interface.
"""
# The same folder's ADR-0014.md: the template's `# Title` heading over the title line.
TITLE_HEADING = "# Title\n\nRemove the legacy scanner\n\n## Proposal status\n\nRejected\n\n## Context\n\nWhy.\n"
# The same folder's ADR-0004.md: bold metadata lines, the proposal status beside the implementation status.
BOLD_PROPOSAL = """# ADR-004: Add a news feed

**Title:** Add a news feed
**Proposal Status:** Proposed
**Implementation Status:** Work in Progress (W-I-P)

## Context

Users ask for news.
"""
# StatusNeo/vms 68d0d5f30033 web-backend/docs/adr/0002-backend-framework.md: a generic level-1 heading over `## Title`.
GENERIC = "# Architecture Decision Record\n\n## Title\nUse PostgreSQL for storage\n\n## Status\nAccepted\n\n## Context\nWhy.\n"
# trivedisorabh/ferris docs/adr (truth7): `# Title` over a backticked date keeps the placeholder.
PLACEHOLDER = "# Title\n\n`2021-04-26`\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"


def test_a_title_section_or_template_title_heading_gives_the_title_and_the_proposal_status_the_status(tmp_path):
    write(tmp_path / "docs/adr/ADR-0003.md", TITLE_SECTION)
    write(tmp_path / "docs/adr/ADR-0014.md", TITLE_HEADING)
    write(tmp_path / "docs/adr/ADR-0004.md", BOLD_PROPOSAL)
    write(tmp_path / "docs/adr/0002-storage.md", GENERIC)
    write(tmp_path / "docs/adr/0005-placeholder.md", PLACEHOLDER)
    found = records(tmp_path)
    assert (found["ADR-0003.md"]["title"], found["ADR-0003.md"]["status"]) == (
        "Adopt a message queue for scan jobs", "accepted")
    assert (found["ADR-0014.md"]["title"], found["ADR-0014.md"]["status"]) == ("Remove the legacy scanner", "rejected")
    assert (found["ADR-0004.md"]["title"], found["ADR-0004.md"]["status"]) == ("Add a news feed", "proposed")
    assert (found["0002-storage.md"]["title"], found["0002-storage.md"]["status"]) == (
        "Use PostgreSQL for storage", "accepted")
    assert found["0005-placeholder.md"]["title"] == "Title"


# zarvent/v2m-lab 6625fd27ac99 docs/docs/en/adr/001-fastapi-migration.md (and docs/docs/es/adr, `## Fecha`):
# front matter with a status and an update date, the decision date in a `## Date` section.
DATE_SECTION = """---
title: 'ADR-001: Move to REST'
status: accepted
last_update: 2026-01-23
---
# ADR-001: Move to REST

## Status

Accepted

## {heading}

2025-01-15

## Context

Why.
"""


def test_a_date_section_dates_a_front_matter_record_whose_front_matter_has_no_date(tmp_path):
    write(tmp_path / "docs/adr/001-rest.md", DATE_SECTION.format(heading="Date"))
    write(tmp_path / "docs/adr/002-rest.md", DATE_SECTION.format(heading="Fecha"))
    write(tmp_path / "docs/adr/003-rest.md", DATE_SECTION.format(heading="Fecha").replace(
        "status: accepted\n", "status: accepted\ndate: 2024-03-01\n"))
    dates = {name: record["date"] for name, record in records(tmp_path).items()}
    # (front matter's own date wins; `last_update` is no decision date)
    assert dates == {"001-rest.md": "2025-01-15", "002-rest.md": "2025-01-15", "003-rest.md": "2024-03-01"}


# PC1-23/Checkpoint2 cb815602ac94 docs/ADR/0007-modifiability.md: the whole file inside one ```markdown fence.
FENCED = "```markdown\n# ADR 0007: Modifiability tactics\n\nStatus: Accepted\n\nContext\n-------\nWhy.\n\n```\n"


def set_status(root, path, number: str, status: str) -> str:
    """`adrtool status NUMBER STATUS` run for real; the file's text after it."""
    result = run_cli(["status", number, status], root)
    assert result.code == 0, result.err
    return path.read_text(encoding="utf-8")


def test_a_file_wrapped_whole_in_a_markdown_fence_is_read_as_the_markdown_it_wraps_and_edits_keep_lines(tmp_path):
    path = write(tmp_path / "docs/adr/0007-modifiability.md", FENCED)
    record = records(tmp_path)["0007-modifiability.md"]
    assert (record["title"], record["status"]) == ("Modifiability tactics", "accepted")
    after = set_status(tmp_path, path, "7", "deprecated").splitlines()
    before = FENCED.splitlines()
    assert after[0] == "```markdown" and after[-1] == "```" and after[2] == before[2]
    assert [l for l in after if l.startswith("Status:")] == ["Status: Deprecated"] and len(after) == len(before)


# PC1-23/Checkpoint2 cb815602ac94 docs/ADR/0012-testability.md: a `Related ADRs` setext heading over backticked
# repository-root paths.
SETEXT = """# ADR 0012: Testability

Status: Accepted

Related ADRs
------------
- `docs/adr/0007-modifiability.md` (adapters help tests)
- `docs/adr/0010-contract.md` (contract-driven validation)

Notes: `docs/adr/0011-versioning.md` is not an entry.
"""


def test_a_related_adrs_setext_section_over_backticked_paths_lists_relates_to(tmp_path):
    write(tmp_path / "docs/adr/0012-testability.md", SETEXT)
    for number, name in (("0007", "modifiability"), ("0010", "contract"), ("0011", "versioning")):
        write(tmp_path / f"docs/adr/{number}-{name}.md", f"# {name}\n\nStatus: Accepted\n")
    record = records(tmp_path)["0012-testability.md"]
    assert sorted((l["relation"], l["id"]) for l in record["links"]) == [("relates-to", "0007"), ("relates-to", "0010")]


# Hardhat-Enterprises/Deakin-Detonator-Toolkit 3bec7505b296 documentation/adr/ADR-0000.md: the template shown filled in.
EXAMPLE = "# THIS IS AN EXAMPLE ADR\n\n## Title\n\nAdopt Rust\n\n## Proposal Status\n\nApproved\n\n## Context\n\nWhy.\n"


def test_a_numbered_file_headed_as_the_templates_example_is_no_record(tmp_path):
    write(tmp_path / "docs/adr/ADR-0000.md", EXAMPLE)
    write(tmp_path / "docs/adr/ADR-0001.md", EXAMPLE.replace("# THIS IS AN EXAMPLE ADR\n\n", ""))
    assert sorted(records(tmp_path)) == ["ADR-0001.md"]


# openedx/openedx-ai-extensions docs/decisions/0004-submission-as-chat-storage.rst: no Status section, the line
# under the title holds the status in bold and its date in italics.
RST = "0004 Use a chat store\n######################\n\n**Accepted** *2026-03-26*\n\nContext\n*******\n\nWhy.\n"


def test_a_bold_status_with_an_italic_date_under_an_rst_title_gives_both(tmp_path):
    path = write(tmp_path / "docs/decisions/0004-chat-store.rst", RST)
    record = records(tmp_path)["0004-chat-store.rst"]
    assert (record["status"], record["date"]) == ("accepted", "2026-03-26")
    after = set_status(tmp_path, path, "4", "deprecated")
    assert "**Accepted** *2026-03-26*" in after  # (the writer adds a Status section; the line written stays)
    record = records(tmp_path)["0004-chat-store.rst"]
    assert (record["status"], record["date"]) == ("deprecated", "2026-03-26")


# a-mroz/cryptocurrencies c6163c4cd09b doc/adr/0005-architecture.md: `# 6. Architecture style` (and 0006-caching.md:
# `# 5. ...`): the file name's number is the record's, and lint says the title gives another; a number the file name
# repeats after its own (`# 508 Systems List` in `0023_508_systems_list.md`) is the title's and says nothing.
def test_a_title_whose_number_disagrees_with_the_file_name_is_a_lint_warning(tmp_path):
    folder = tmp_path / "doc/adr"
    write(folder / "0005-architecture.md", "# 6. Architecture style\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n")
    write(folder / "0006-caching.md", "# 6. Caching\n\nDate: 2020-01-02\n\n## Status\n\nAccepted\n")
    write(folder / "0023_508_systems_list.md", "# 508 Systems List\n\nDate: 2020-01-03\n\n## Status\n\nAccepted\n")
    got = records(tmp_path)
    assert (got["0005-architecture.md"]["id"], got["0005-architecture.md"]["title"]) == ("0005", "Architecture style")
    out = run_cli(["lint"], tmp_path).out
    said = [line for line in out.splitlines() if "[title-number]" in line]
    assert said == ["warning: doc/adr/0005-architecture.md:1: the title numbers this record 6, its file name 5 "
                    "[title-number]"], out
