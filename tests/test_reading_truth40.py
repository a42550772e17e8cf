"""Reading misses seen on the fortieth, forty-first and forty-third sets (bench/reading/truth40.jsonl, scored once at b42609d,
truth41.jsonl, at 0a93f5e, and truth43.jsonl, at 4cfa71e; development sets since), each fixed by a general rule (DEFINITIONS.md,
"Added for truth40", "Added for truth41" and "Added for truth43"), and the status write that goes with one of them.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import links, records


# CDROBAYOM/ops-report-ai b23d8ee7e494 docs/adr/ADR-001.md: a Spanish relation heading over a table of records.
@pytest.mark.parametrize("heading", ["Relación con otros ADRs", "ADRs relacionados", "Decisiones relacionadas"])
def test_a_spanish_relation_heading_over_a_table_relates_its_rows(tmp_path, heading):
    for n in (0, 2):
        write(tmp_path / f"docs/adr/ADR-00{n}.md", f"# ADR-00{n} — Registro {n}\n\n## Estado\n\nAceptado\n")
    write(tmp_path / "docs/adr/ADR-001.md",
          f"# ADR-001 — Arquitectura hexagonal\n\n## Estado\n\nAceptado\n\n## Contexto\n\nPor qué.\n\n## {heading}\n\n"
          "| ADR | Relación |\n|---|---|\n| ADR-000 | Esta estructura garantiza el dominio |\n"
          "| ADR-002 | Define el adaptador de entrada |\n")
    assert sorted(links(records(tmp_path)["ADR-001.md"])) == [("relates-to", "0000"), ("relates-to", "0002")]



# VM-s-Solutions/cleansia ac2162aad90f agents/backlog/adr/0008-*.md: two labels joined by a slash, one of them a link's.
@pytest.mark.parametrize("label, expected", [
    ("Backs / extends", [("amends", "0002")]),
    ("Supersedes/Clarifies", [("supersedes", "0002")]),
    # Both labels name a relation: which one the line means is not said, so it types nothing.
    ("Supersedes / Extends", []),
])
def test_a_slash_joined_label_takes_the_relation_of_its_one_link_label(tmp_path, label, expected):
    write(tmp_path / "docs/adr/0002-outbox-contract.md", "# ADR-0002 — Outbox contract\n\n- **Status:** accepted\n")
    write(tmp_path / "docs/adr/0008-outbox-table.md",
          f"# ADR-0008 — Outbox table\n\n- **Status:** accepted\n- **Date:** 2026-06-06\n"
          f"- **{label}:** ADR-0002 (the deferred table design)\n\n## Context\n\nWhy.\n")
    got = records(tmp_path)["0008-outbox-table.md"]
    assert links(got) == expected and got["status"] == "accepted"


# TechWithHer/Enterprise-Amazon-S3-Platform 73e43109ed72 docs/adr/ADR-0001.md: no heading, a bold Status label and no colon.
BARE = "**Status** Accepted\n\n**Context** : *Why S3*\n\n**Decision**\n\nWe use S3 for object storage.\n"


def test_a_bold_status_label_without_a_colon_is_read_and_the_name_titles_it(tmp_path):
    write(tmp_path / "docs/adr/ADR-0001.md", BARE)
    got = records(tmp_path)["ADR-0001.md"]
    assert (got["title"], got["status"]) == ("ADR-0001", "accepted")


def test_a_status_write_edits_that_label_in_place(tmp_path):
    path = write(tmp_path / "docs/adr/ADR-0001.md", BARE)
    result = run_cli(["status", "1", "deprecated"], tmp_path)
    assert result.code == 0, result.err
    assert path.read_text(encoding="utf-8") == BARE.replace("**Status** Accepted", "**Status** Deprecated")
    assert records(tmp_path)["ADR-0001.md"]["status"] == "deprecated"


@pytest.mark.parametrize("line", ["**Statusy** Accepted", "**Status**", "**Context** Accepted"])
def test_other_bold_lines_give_no_status(tmp_path, line):
    write(tmp_path / "docs/adr/ADR-0001.md", f"{line}\n\n**Decision**\n\nWe use S3.\n")
    # (With no status and no heading the file may read as a document; either way no status is read from the line.)
    assert records(tmp_path).get("ADR-0001.md", {"status": "unknown"})["status"] == "unknown"


# TechWithHer/Enterprise-Amazon-S3-Platform 73e43109ed72 docs/adr/ADR-003.md: a dash after the number on the first
# line, plain numbered sections below, no Markdown heading.
def test_a_first_line_with_a_dash_after_the_number_titles_a_file_without_headings(tmp_path):
    write(tmp_path / "docs/adr/ADR-003.md", "ADR-003 – Object Lock Mode Selection\n\n1. Problem Statement\n\n"
                                            "Why does CloudMart need Object Lock?\n\n2. Options Considered\n"
                                            "Governance Mode\nCompliance Mode\n3. Decision\n\n(Leave blank for now.)\n")
    assert records(tmp_path)["ADR-003.md"]["title"] == "Object Lock Mode Selection"


# PurnaOS/iBuildOS edd45728c680 docs/decisions/dc-0002.md: the file's own name as the title's prefix.
@pytest.mark.parametrize("heading, expected", [
    ("DC-0002 — Insights domain wire-contract shape", "Insights domain wire-contract shape"),
    ("dc-0002: Insights domain", "Insights domain"),
    # Not the file's name: the words stay the title's.
    ("DC-0003 — Insights domain", "DC-0003 — Insights domain"),
])
def test_the_files_own_name_before_the_title_is_not_the_title(tmp_path, heading, expected):
    write(tmp_path / "docs/decisions/dc-0002.md", f"# {heading}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n")
    assert records(tmp_path)["dc-0002.md"]["title"] == expected


# marciojolima/tc_fiap_fase5 295ef48ec53a docs/ADRs/ADR-003.md (truth43): a Portuguese "related to" label under the title.
@pytest.mark.parametrize("label", ["Relacionada a", "Relacionado com", "Relacionado con"])
def test_a_portuguese_or_spanish_related_label_relates_its_records(tmp_path, label):
    for n in (2, 11):
        write(tmp_path / f"docs/adr/ADR-{n:03d}.md", f"# ADR-{n:03d}: Registro {n}\n\n- Status: aceito\n")
    write(tmp_path / "docs/adr/ADR-003.md", f"# ADR-003: Trilha conversacional\n\n- Status: aceito\n- Data: 02-05-2026\n"
                                            f"- {label}: [ADR-002](ADR-002.md), [ADR-011](ADR-011.md)\n\n## Contexto\n\nPor quê.\n")
    assert sorted(links(records(tmp_path)["ADR-003.md"])) == [("relates-to", "0002"), ("relates-to", "0011")]


# sbomify/sbomify 7c7f26119255 docs/ADR/0004-*.md (truth43): `## Relationship to Other ADRs` over a sentence naming one.
def test_a_relationship_heading_relates_the_record_its_text_names(tmp_path):
    write(tmp_path / "docs/adr/0003-plugins.md", "# 3. Plugin-based assessments\n\n## Status\n\nAccepted\n")
    write(tmp_path / "docs/adr/0004-immutable.md",
          "# 4. Immutable security artifacts\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n"
          "## Relationship to Other ADRs\n\nThis principle is foundational to the design decisions in ADR-003 "
          "(Plugin-based Assessments):\n\n- plugins read the artifact but never write to it.\n")
    assert links(records(tmp_path)["0004-immutable.md"]) == [("relates-to", "0003")]
