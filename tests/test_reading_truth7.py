"""Reading misses seen on the seventh set (bench/reading/truth7.jsonl, a development set since scored once at
90cf582), each fixed by a general rule; and the writer on the status location those rules read.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import records


# Letterbook/Letterbook 419ac4885881 Letterbook.Docs/_adr/02-architecture-design-patterns.md and 04-error-reporting.md:
# a front-matter `statusHistory` log, no Status section, no Date line; 04 keeps its template's `# Subject` heading.
LOGGED = """\ufeff---
title: Queue Design
code: adr-2
statusHistory:
- status: decided
  date: 2023-07-24
- status: revised
  date: 2023-09-01
- status: superseded
  date: 2024-02-16
order: 2
---

# Queue Design

Use one queue per tenant.

# Decision

One queue per tenant.
"""
SUBJECT = """---
title: Error Reporting
statusHistory:
- status: deferred
  date: 2023-12-30
---

# Subject

Patterns for exceptions.

# Decision

Use builders.
"""


def test_a_status_history_log_gives_status_from_its_last_status_and_date_from_its_first_entry(tmp_path):
    write(tmp_path / "docs/adr/02-queue-design.md", LOGGED)
    write(tmp_path / "docs/adr/04-error-reporting.md", SUBJECT)
    found = records(tmp_path)
    queue, errors = found["02-queue-design.md"], found["04-error-reporting.md"]
    assert (queue["title"], queue["status"], queue["date"]) == ("Queue Design", "superseded", "2023-07-24")
    # `deferred` is proposed; the template's `# Subject` gives way to the front-matter title.
    assert (errors["title"], errors["status"], errors["date"]) == ("Error Reporting", "proposed", "2023-12-30")


def test_a_status_write_appends_an_entry_to_the_status_history_and_changes_nothing_else(tmp_path):
    path = write(tmp_path / "docs/adr/02-queue-design.md", LOGGED)
    result = run_cli(["status", "2", "accepted", "--force"], tmp_path)  # (superseded is final without it)
    assert result.code == 0, result.err
    after = path.read_text(encoding="utf-8")
    lines, before = after.splitlines(), LOGGED.splitlines()
    at = before.index("order: 2")
    assert lines[:at] == before[:at] and lines[at + 2:] == before[at:]  # two new lines, nothing else moved
    assert lines[at] == "- status: accepted" and lines[at + 1].startswith("  date: 20")
    assert records(tmp_path)["02-queue-design.md"]["status"] == "accepted"


def test_clearing_a_status_history_is_refused_in_one_line(tmp_path):
    from adrtool.dialects import status_history
    from adrtool.errors import StoreError

    try:
        status_history.append(LOGGED, None)
    except StoreError as exc:
        assert "statusHistory" in str(exc) and "\n" not in str(exc)
    else:
        raise AssertionError("clearing a logged status must be refused")


def test_date_identifiers_title_lead_ins_and_bare_placeholders():
    from adrtool.record_names import strip_title_number

    # actions/actions-runner-controller 2ee6b3b8e8d2 docs/adrs/2022-10-17-runner-image.md.
    assert strip_title_number("ADR 2022-10-17: Produce the runner image") == ("Produce the runner image", None)
    # ESIPFed/science-on-schema.org 229b5515d714 decisions/101-spatialExtent.md; trivedisorabh/ferris b2ca635f827f
    # docs/adr/002-tabs.md keeps its bare `# Title`.
    assert strip_title_number("Title - Clarify Spatial Extent encoding.") == ("Clarify Spatial Extent encoding.", None)
    assert strip_title_number("Title") == ("Title", None)
    # nextflow-io/nextflow 2aad02f65758 adr/20250929-repository-directory-traversal.md: the word ADR without a
    # number is part of the title; a label of many words is not.
    assert strip_title_number("ADR: Repository Directory Traversal API") == ("ADR: Repository Directory Traversal API",
                                                                           None)
    assert strip_title_number("Architecture Decision Record: Configuration") == ("Configuration", None)
    assert strip_title_number("ADR 041: Foo") == ("Foo", 41)


def test_a_date_in_backticks_under_the_title_is_the_date(tmp_path):
    # trivedisorabh/ferris b2ca635f827f docs/adr/002-tabs.md: `# Title`, then `2021-04-26` in backticks.
    write(tmp_path / "docs/adr/002-tabs.md", "# Tabs\n\n`2021-04-26`\n\n## Status\n\n`✅ Accepted`\n\n## Context\n\nx\n")
    tabs = records(tmp_path)["002-tabs.md"]
    assert (tabs["title"], tabs["status"], tabs["date"]) == ("Tabs", "accepted", "2021-04-26")


# touka-aoi/parallel-vs-single d52ee2b4b525 docs/adr/ADR-007-session-id-bytes-no-error.md and ADR-006 (`¥# ADR-006:`):
# every level-1 heading is a section, the opening plain line names the record.
OPENING_LINE = "{opening}\n\n# Status\nAccepted\n\n# Decision\nReturn no error.\n\n# Context\nx\n\n# Consideration\ny\n"


def test_a_plain_opening_line_titles_a_record_whose_level_1_headings_are_sections(tmp_path):
    write(tmp_path / "docs/adr/ADR-007-bytes.md", OPENING_LINE.format(opening="ADR: Bytes() returns no error"))
    write(tmp_path / "docs/adr/ADR-006-rooms.md", OPENING_LINE.format(opening="¥# ADR-006: Room lifecycle"))
    found = records(tmp_path)
    assert (found["ADR-007-bytes.md"]["title"], found["ADR-007-bytes.md"]["status"]) == (
        "ADR: Bytes() returns no error", "accepted")
    assert (found["ADR-006-rooms.md"]["title"], found["ADR-006-rooms.md"]["status"]) == ("Room lifecycle", "accepted")


# touka-aoi/parallel-vs-single d52ee2b4b525 docs/adr/ADR-004-session-endpoint-close.md.md: the status in the Status
# heading itself, right under the title (and a doubled `.md.md`).
HEADING_STATUS = "# ADR SessionEndpoint Close\n# Status: proposed\n\n# Decision\nClose once.\n\n# Context\nx\n"


def test_a_status_in_the_status_heading_is_read_and_written_in_place(tmp_path):
    path = write(tmp_path / "docs/adr/ADR-004-close.md.md", HEADING_STATUS)
    close = records(tmp_path)["ADR-004-close.md.md"]
    assert (close["title"], close["status"]) == ("ADR SessionEndpoint Close", "proposed")
    result = run_cli(["status", "4", "rejected"], tmp_path)
    assert result.code == 0, result.err
    assert path.read_text(encoding="utf-8") == HEADING_STATUS.replace("# Status: proposed", "# Status: Rejected")
    assert records(tmp_path)["ADR-004-close.md.md"]["status"] == "rejected"


def test_a_bold_adr_lie_label_is_relates_to(tmp_path):
    # SandrineCipolla/stockhub_back fb7863cdd36d docs/adr/ADR-002-choix-prisma-orm.md: `- **ADR lié :** [ADR-001 ...]`.
    write(tmp_path / "docs/adr/ADR-001-ddd.md", "# ADR-001 : DDD\n\n**Statut:** Accepté\n\n## Décision\n\nDDD.\n")
    write(tmp_path / "docs/adr/ADR-002-prisma.md", "# ADR-002 : Prisma\n\n**Statut:** Accepté\n\n## Décision\n\nPrisma.\n\n"
          "## Références\n\n- **Issue :** #192\n- **ADR lié :** [ADR-001 (DDD)](./ADR-001-ddd.md)\n")
    links = records(tmp_path)["ADR-002-prisma.md"]["links"]
    assert [(link["relation"], link["id"]) for link in links] == [("relates-to", "0001")]


def test_a_heading_indented_by_one_space_titles_the_record(tmp_path):
    # nextflow-io/nextflow 2aad02f65758 adr/20250929-repository-directory-traversal.md: ` # ADR: ...` (CommonMark
    # allows up to three spaces), then bold `**Date**:` / `**Status**:` labels.
    write(tmp_path / "adr/20250929-directory-traversal.md",
          " # ADR: Directory Traversal API\n\n**Date**: 2025-09-29  \n**Status**: Accepted  \n\n## Decision\n\nList.\n")
    write(tmp_path / "adr/20250930-indented-code.md",
          "## Status\n\nAccepted\n\n```\n # not a heading\n```\n\n## Decision\n\nx\n")
    found = records(tmp_path)
    assert (found["20250929-directory-traversal.md"]["title"], found["20250929-directory-traversal.md"]["status"]) == (
        "ADR: Directory Traversal API", "accepted")
    assert found["20250930-indented-code.md"]["title"] != "not a heading"


def test_a_relation_stated_after_the_link_in_japanese_is_superseded_by(tmp_path):
    # touka-aoi/parallel-vs-single d52ee2b4b525 docs/adr/ADR-001-heartbeat.md: `- Deprecated: ...`, and under
    # References `- [ADR-002: ...](ADR-002-per-connection-management.md) によって破棄` ("discarded by ADR-002").
    write(tmp_path / "docs/adr/ADR-002-owner-loop.md", "# ADR: Owner loop\n\n# Status\n- Draft: 記述中\n\n# Decision\nx\n")
    write(tmp_path / "docs/adr/ADR-001-heartbeat.md", "# ADR: Heartbeat\n\n# Status\n- Deprecated: 破棄された\n\n"
          "# Decision\nx\n\n# References\n- [ADR-002: Owner loop](ADR-002-owner-loop.md) によって破棄\n")
    heartbeat = records(tmp_path)["ADR-001-heartbeat.md"]
    assert heartbeat["status"] == "deprecated"  # the written word stays
    assert [(link["relation"], link["id"]) for link in heartbeat["links"]] == [("superseded-by", "0002")]
