"""Reading misses seen on the twenty-sixth set (bench/reading/truth26.jsonl, a development set since scored once at
72fcb4a), each fixed by a general rule (bench/reading/DEFINITIONS.md, "Added for truth26").

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from adrtool.model import Status
from adrtool.vocabulary import normalize_status, status_links
from tests.conftest import write
from tests.test_reading_truth6 import links, records


def madr2(title: str, fields: str, body: str = "Why.", tail: str = "") -> str:
    return f"# {title}\n\n{fields}\n\n## Context\n\n{body}\n\n## Decision\n\nWhat.\n{tail}"


# VictorHueni/homemade-claude-kit f014fbaef661 docs/architecture/decisions/adr-0002-*.md: front matter with
# `status: active` and `last_reviewed:`, no date key, then the title over `Date: 2026-06-03`.
@pytest.mark.parametrize("line, expected", [
    ("Date: 2026-06-03", "2026-06-03"),
    ("- Date: 2026-06-03", "2026-06-03"),
    ("Date: 3 June 2026", "2026-06-03"),
    ("Date: soon", None),  # no date written
    ("Dated by the review board.", None),  # no `Date:` line
])
def test_a_date_line_under_the_title_dates_a_front_matter_record_without_a_date(tmp_path, line, expected):
    write(tmp_path / "docs/architecture/decisions/adr-0002-open-items.md",
          "---\ntitle: Open items\nstatus: active\nowner: Victor\nlast_reviewed: 2026-06-04\n---\n\n# Open items\n\n"
          f"{line}\n\n## Context and Problem Statement\n\nWhy.\n\n## Decision Outcome\n\nWhat.\n")
    assert records(tmp_path)["adr-0002-open-items.md"]["date"] == expected


def test_the_front_matter_date_wins_over_a_date_line(tmp_path):
    write(tmp_path / "docs/adr/0002-open-items.md",
          "---\nstatus: accepted\ndate: 2026-06-01\n---\n\n# Open items\n\nDate: 2026-06-03\n\n## Context\n\nWhy.\n")
    assert records(tmp_path)["0002-open-items.md"]["date"] == "2026-06-01"


# mako10k/semdl c2de8f0c7338 docs/adr/0006-*.md: `## Related Artifacts` over `- docs/requirements.md`, `- docs/cli.ebnf`,
# `- docs/adr/0004-structure-cli-help-and-entrypoints.md`.
@pytest.mark.parametrize("heading", ["Related Artifacts", "Related artefacts"])
def test_a_related_artifacts_section_relates_each_record_listed_by_its_path(tmp_path, heading):
    write(tmp_path / "docs/adr/0004-structure-cli-help.md", madr2("0004 Structure CLI help", "- Status: Accepted"))
    write(tmp_path / "docs/adr/0006-prioritize-grammars.md", madr2(
        "0006 Prioritize grammars", "- Status: Accepted\n- Date: 2026-05-14", tail=f"\n## {heading}\n\n"
        "- docs/requirements.md\n- docs/cli.ebnf\n- docs/adr/README.md\n- docs/adr/0004-structure-cli-help.md\n"
        "- src/0009-fixture.md\n- see docs/adr/0005-other.md for more\n"))
    assert links(records(tmp_path)["0006-prioritize-grammars.md"]) == [("relates-to", "0004")]


# saviorsoul/encrypt 83d74dcabde5 docs/adr/0010-*.md (`- **Expands:** [0009](./0009-....md)`) and 0009-*.md (a
# `## Changes` section of dated subsections headed by the later record's link).
def test_expands_amends_and_a_changes_subsection_headed_by_a_record_is_amended_by(tmp_path):
    write(tmp_path / "docs/adr/0009-server-nonces.md", madr2(
        "0009. Server nonces", "- **Status:** Accepted\n- **Date:** 2026-07-01", tail=(
            "\n## Changes\n\n### 2026-07-04 — [0010](./0010-reuse-pending-nonce.md)\n\n| As accepted | Current |\n"
            "|---|---|\n| mint | reuse |\n\n### 2026-07-05 — TTL shortened\n\nOne hour.\n\n## References\n\n- RFC 6749\n")))
    write(tmp_path / "docs/adr/0010-reuse-pending-nonce.md", madr2(
        "0010. Reuse pending nonce", "- **Status:** Accepted\n- **Date:** 2026-07-04\n"
        "- **Expands:** [0009](./0009-server-nonces.md)"))
    got = records(tmp_path)
    assert links(got["0009-server-nonces.md"]) == [("amended-by", "0010")]
    assert links(got["0010-reuse-pending-nonce.md"]) == [("amends", "0009")]


def test_a_record_linked_outside_a_changes_subheading_is_not_amended_by(tmp_path):
    write(tmp_path / "docs/adr/0010-reuse-pending-nonce.md", madr2("0010. Reuse", "- **Status:** Accepted"))
    write(tmp_path / "docs/adr/0009-server-nonces.md", madr2(
        "0009. Server nonces", "- **Status:** Accepted",
        tail="\n## Changes\n\n### 2026-07-04\n\nSee [0010](./0010-reuse-pending-nonce.md).\n"))
    assert ("amended-by", "0010") not in links(records(tmp_path)["0009-server-nonces.md"])


# tangniyuqi/tm-stock 0fec05e3944b docs/adr/0004-*.md: `- **相关**：`.claude/agents/backend-standards-go.md``; 0003-*.md:
# `- **相关**：`.claude/agents/compliance-redline.md`（v2）`.
@pytest.mark.parametrize("value, expected", [
    ("`.claude/agents/backend-standards-go.md`", []),
    ("`.claude/agents/compliance-redline.md`（v2）", []),
    ("`docs/adr/0003-facts-layer.md`", [("relates-to", "0003")]),  # a path into the decision folder is a record's
    ("ADR-0003", [("relates-to", "0003")]),
])
def test_a_related_field_naming_a_file_in_code_outside_decision_folders_links_nothing(tmp_path, value, expected):
    write(tmp_path / "docs/adr/0003-facts-layer.md", madr2("ADR-0003 个股客观事实层", "- **状态**：已采纳"))
    write(tmp_path / "docs/adr/0004-backend.md", madr2("ADR-0004 后端", f"- **状态**：已采纳\n- **相关**：{value}"))
    assert links(records(tmp_path)["0004-backend.md"]) == expected


# tangniyuqi/tm-stock 0fec05e3944b docs/adr/0002-*.md: `- **状态**：⛔ **已废弃 —— 被 [ADR-0003](...) 取代（2026-07-30）**`.
@pytest.mark.parametrize("status, expected", [
    ("⛔ **已废弃 —— 被 [ADR-0003](0003-x.md) 取代（2026-07-30）**", Status.SUPERSEDED),
    ("已废弃，被 ADR-0003 取代", Status.SUPERSEDED),
    ("Deprecated, superseded by ADR-0003", Status.SUPERSEDED),
    ("Deprecated (replaced by [ADR 5](0005-x.md))", Status.SUPERSEDED),
    ("已废弃", Status.DEPRECATED),
    ("Deprecated - see [0013-deno-removal.md](0013-deno-removal.md)", Status.DEPRECATED),  # truth3: no replacing verb
    ("Deprecated (superseded)", Status.DEPRECATED),  # no record named
])
def test_a_retirement_naming_its_replacing_record_is_superseded(status, expected):
    assert normalize_status(status) is expected


# RDXFGXY1/OnyxGhostCam a0bdfdb8882a docs/decisions/0003-*.md: `Status: Paused (steps 1a-1c done; 1d blocked)`.
@pytest.mark.parametrize("status", ["Paused (steps 1a-1c done; 1d blocked)", "Paused", "paused until Q3"])
def test_paused_is_proposed_as_on_hold(status):
    assert normalize_status(status) is Status.PROPOSED


# TannerMidd/Sub-Etha e839763793a2 docs/adr/0009-*.md: `- Status: Superseded by ADR-0016 and ADR-0019`.
@pytest.mark.parametrize("status, expected", [
    ("Superseded by ADR-0016 and ADR-0019", ["0016", "0019"]),
    ("Superseded by [ADR-0016](0016-x.md) and [ADR-0019](0019-y.md)", ["0016-x.md", "0019-y.md"]),
    ("Superseded by ADR-0016 and the platform team", ["0016"]),
])
def test_two_replacing_records_joined_by_and(status, expected):
    assert [t for r, t in status_links(status) if r.value == "superseded-by"] == expected


# NotUserFriendly/final-multiplex 5693625dfdc9 docs/decisions/0005-*.md: `- **Status:** Accepted (pipeline-clock-source
# choice extended by ADR-0027)`; 0011-*.md: `- **Transport mechanism superseded:** ADR-0019 (2026-06-25) replaced ...;
# the raw-decoded-frames payload decision here is retained.`
@pytest.mark.parametrize("fields, expected", [
    ("- **Status:** Accepted (pipeline-clock-source choice extended by ADR-0027)", ("accepted", [("amended-by", "0027")])),
    ("- **Status:** Accepted\n- **Transport mechanism superseded:** ADR-0019 (2026-06-25) replaced the sink; the payload "
     "decision here is retained.", ("accepted", [("superseded-by", "0019")])),
    ("- **Status:** Accepted\n- **Transport mechanism:** ADR-0019", ("accepted", [])),  # no relation word
])
def test_a_part_extended_or_superseded_in_the_header(tmp_path, fields, expected):
    for n in ("0019", "0027"):
        write(tmp_path / f"docs/decisions/{n}-later.md", madr2(f"{n}. Later", "- **Status:** Accepted"))
    write(tmp_path / "docs/decisions/0005-sources.md", madr2("0005. Sources", fields))
    got = records(tmp_path)["0005-sources.md"]
    assert (got["status"], links(got)) == expected


# itsamiitt/waterfall adr/0002-*.md (truth20): `Superseded by [ADR-0025](...) ... in force except as extended by 0025`.
def test_extended_by_the_record_that_superseded_it_is_no_second_link(tmp_path):
    write(tmp_path / "adr/0025-search-apis.md", madr2("0025. Search APIs", "- **Status:** Accepted"))
    write(tmp_path / "adr/0002-api-first.md", madr2("0002. API first", "- **Status:** Accepted · **Superseded by "
          "[ADR-0025](0025-search-apis.md)** (2026-07-09) — the Decision below remains in force except as extended by 0025."))
    assert links(records(tmp_path)["0002-api-first.md"]) == [("superseded-by", "0025")]


# VictorHueni/homemade-claude-kit f014fbaef661 docs/architecture/decisions/adr-0005-*.md: `This decision extends the
# authoring-surface half of ADR-0002; it does not supersede ADR-0002 or ADR-0003, whose ... outcomes stand unchanged.`
@pytest.mark.parametrize("sentence, expected", [
    ("This decision extends the authoring-surface half of ADR-0002; it does not supersede ADR-0002 or ADR-0003.",
     [("amends", "0002")]),
    ("This decision extends the first half of ADR-0002.", [("amends", "0002")]),
    ("This decision does not supersede ADR-0003.", []),  # named only as not superseded
])
def test_a_half_of_another_record_extended_is_a_part_of_it(tmp_path, sentence, expected):
    for n in ("0002", "0003"):
        write(tmp_path / f"docs/adr/{n}-earlier.md", madr2(f"{n}. Earlier", "- Status: Accepted"))
    write(tmp_path / "docs/adr/0005-ledger.md", madr2("0005. Ledger", "- Status: Accepted", tail=f"\n{sentence}\n"))
    assert links(records(tmp_path)["0005-ledger.md"]) == expected


# 8055vineet/peakstorystudio d9ccb53a6503 docs/adr/0005-*.md: `## Status` over `Accepted, then **superseded in part by
# Phase 3 (v0.4)**.`, the Context later saying `This entire approach is superseded by [ADR 0002](0002-...md)`.
@pytest.mark.parametrize("status, expected, linked", [
    ("Accepted, then **superseded in part by Phase 3 (v0.4)**.", Status.SUPERSEDED, []),
    ("Accepted, then superseded by ADR 0004.", Status.SUPERSEDED, [("superseded-by", "0004")]),
    ("Accepted; superseded in part by Step 2.", Status.SUPERSEDED, []),  # a step's number names no record either
    ("Accepted, superseded by 3", Status.SUPERSEDED, [("superseded-by", "3")]),  # a bare number still does
])
def test_a_later_supersession_in_part_by_a_phase(status, expected, linked):
    assert normalize_status(status) is expected
    assert [(r.value, t) for r, t in status_links(status)] == linked


# NotUserFriendly/final-multiplex 5693625dfdc9 docs/decisions/0012-*.md (a Consequences bullet) and 0013-*.md (`- **Refined
# by:** ADR-0020 (...)`, untyped).
@pytest.mark.parametrize("bullet, expected", [
    ("- **Scoped by ADR-0024** — the core-owned resize-to-tile applies to the compositor path only.",
     [("amended-by", "0024")]),
    ("- Scoped by ADR-0024: the compositor path only.", [("amended-by", "0024")]),
    ("- **Refined by ADR-0024:** a watchdog bounds it.", []),
    ("- The resize rule is scoped by ADR-0024.", []),  # a thing of the record the subject, not the record
])
def test_scoped_by_a_record_is_amended_by_it(tmp_path, bullet, expected):
    write(tmp_path / "docs/decisions/0024-gpu-path.md", madr2("0024. GPU path", "- **Status:** Accepted"))
    write(tmp_path / "docs/decisions/0012-sdk-contract.md",
          madr2("0012. SDK contract", "- **Status:** Accepted", tail=f"\n## Consequences\n\n{bullet}\n"))
    assert links(records(tmp_path)["0012-sdk-contract.md"]) == expected
