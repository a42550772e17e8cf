"""Reading misses seen on the thirty-sixth and thirty-seventh sets (bench/reading/truth36.jsonl, scored once at
b4d378f, and truth37.jsonl, at 945a7fc; development sets since), each fixed by a general rule
(bench/reading/DEFINITIONS.md, "Added for truth36" and "Added for truth37"), and the write that goes with the first:
a date written where it is read from.  (The set's fifth case, a project's own pyproject.toml that TOML
refuses, is in tests/test_cli_errors.py.)

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import records


# PublicDataWorks/complaint-manager 4815734f1d08 doc/adr/009-add-crud-functionality-to-ui-for-updating-officer-
# information.md: the Date label and its date in a heading of their own, above `### Status`.
def dated_heading(date: str, status: str = "Proposed") -> str:
    return (f"# ADR 009 - Add CRUD Functionality to UI\n\n### Date: {date}\n\n### Status\n\n{status}\n\n"
            "### Context\n\nThe roster is hard to keep.\n\n### Decision\n\nBuild a form.\n")


def test_a_date_in_a_heading_dates_the_record(tmp_path):
    write(tmp_path / "doc/adr/009-add-crud.md", dated_heading("2024-05-02"))
    got = records(tmp_path)["009-add-crud.md"]
    assert (got["title"], got["status"], got["date"]) == ("Add CRUD Functionality to UI", "proposed", "2024-05-02")


def test_a_heading_that_only_names_a_date_section_still_reads_the_line_under_it(tmp_path):
    text = dated_heading("2024-05-02").replace("### Date: 2024-05-02", "### Date\n\n2024-05-03")
    write(tmp_path / "doc/adr/009-add-crud.md", text)
    assert records(tmp_path)["009-add-crud.md"]["date"] == "2024-05-03"


def test_accepting_it_writes_the_date_in_that_heading(tmp_path):
    path = write(tmp_path / "doc/adr/009-add-crud.md", dated_heading("2024-05-02"))
    result = run_cli(["status", "9", "accepted"], tmp_path)
    assert result.code == 0, result.err
    text = path.read_text(encoding="utf-8")
    written = records(tmp_path)["009-add-crud.md"]
    # The heading keeps its place and its label; only its date changed, and no second Date line was added.
    assert text == dated_heading(written["date"], "Accepted") and text.count("Date") == 1
    assert written["date"] != "2024-05-02"


# shaes-farm/dcc e4f7af9e80f8 docs/adr/adr-0000.md: the folder's template, numbered 0 and titled by its kind alone.
TEMPLATE = ("# ADR-0000: Template\n\n**Date:** YYYY-MM-DD\n**Status:** proposed | accepted | superseded by "
            "[ADR-NNNN](adr-NNNN.md)\n\n## Context\n\nWhat forced the decision.\n\n## Decision\n\nWhat we do.\n")


@pytest.mark.parametrize("title", ["ADR-0000: Template", "ADR Template", "Decision record template"])
def test_a_record_titled_template_is_the_folders_template(tmp_path, title):
    write(tmp_path / "docs/adr/adr-0000.md", TEMPLATE.replace("ADR-0000: Template", title))
    write(tmp_path / "docs/adr/adr-0001.md", TEMPLATE.replace("ADR-0000: Template", "ADR-0001: Use Postgres")
          .replace("YYYY-MM-DD", "2025-01-02").replace("proposed | accepted | superseded by [ADR-NNNN](adr-NNNN.md)",
                                                       "accepted"))
    assert sorted(records(tmp_path)) == ["adr-0001.md"]


def test_a_title_about_templates_is_still_a_record(tmp_path):
    write(tmp_path / "docs/adr/adr-0003.md", TEMPLATE.replace("ADR-0000: Template", "ADR-0003: Use a PR template")
          .replace("YYYY-MM-DD", "2025-01-02").replace("proposed | accepted | superseded by [ADR-NNNN](adr-NNNN.md)",
                                                       "accepted"))
    assert records(tmp_path)["adr-0003.md"]["title"] == "Use a PR template"


# zhuxiangqun/RANGEN-V2 39c03948fd55 docs/architecture/adr/adr-001.md: the index's status mark repeated after the
# title (✅ accepted, 🔶 proposed).
@pytest.mark.parametrize("heading, title", [
    ("ADR-001: 采用渐进式工具加载 (Progressive Tool Loading) ✅", "采用渐进式工具加载 (Progressive Tool Loading)"),
    ("ADR-003: 评审升级为主流程 🔶", "评审升级为主流程"),
    ("ADR-004: Keep the cache ⚠️", "Keep the cache"),
    ("ADR-005: Ship 🚀", "Ship 🚀"),  # another emoji is the title's own
    ("ADR-006: Mark done items with ✅ ticks", "Mark done items with ✅ ticks"),
])
def test_a_status_mark_after_the_title_is_not_part_of_it(tmp_path, heading, title):
    write(tmp_path / "docs/adr/adr-001.md", f"# {heading}\n\n**状态**: 已接受\n\n## 背景\n\n为什么。\n\n## 决策\n\n做什么。\n")
    assert records(tmp_path)["adr-001.md"]["title"] == title


# raskolnikoff/RAGfish 54c0473abe29 docs/adr/adr-0001.md: every heading at level 2, the first, unnumbered, opening the
# file with the Status and Date bullets under it.
RAGFISH = ("## RAGpack ZIP as Unified Knowledge Package; Tokenizer Removal\n\n{meta}\n\n## Context\n\nSeparate files.\n\n"
           "## Decision\n\nOne zip.\n\n## Consequences\n\nEasier.\n")


@pytest.mark.parametrize("meta", ["- Status: Proposed\n- Date: 2025-08-01", "Status: Proposed\nDate: 2025-08-01",
                                  "* Status: Proposed\n* Date: 2025-08-01"])
def test_a_level_two_title_over_the_status_lines_titles_the_record(tmp_path, meta):
    write(tmp_path / "docs/adr/adr-0001.md", RAGFISH.format(meta=meta))
    got = records(tmp_path)["adr-0001.md"]
    assert (got["title"], got["status"], got["date"]) == (
        "RAGpack ZIP as Unified Knowledge Package; Tokenizer Removal", "proposed", "2025-08-01")


def test_a_level_two_status_section_first_is_no_title(tmp_path):
    write(tmp_path / "docs/adr/adr-0002.md", "## Status\n\nStatus: Accepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n")
    got = records(tmp_path)["adr-0002.md"]
    assert got["status"] == "accepted" and got["title"] != "Status"


# truth37 (scored once at 945a7fc; a development set since).

# Dmitriy-Bondarev/TimeWoven 72d6a4a609e6 docs/adr/ADR-003.md: no heading titles it; its first line names the record.
def test_a_first_line_naming_the_record_titles_it_over_its_sections(tmp_path):
    write(tmp_path / "docs/adr/ADR-003.md", "ADR-003: Аудио пайплайн и транскрипция через Whisper\nДата: 2026-04-18\n"
          "Статус: Принято\nАвтор: Dmitriy Bondarev\n\n## Контекст\nНужна транскрипция.\n\n## Решение\nWhisper API.\n")
    got = records(tmp_path)["ADR-003.md"]
    assert (got["title"], got["status"], got["date"]) == ("Аудио пайплайн и транскрипция через Whisper", "accepted",
                                                         "2026-04-18")


# TimeWoven ADR-002: a Russian Related heading (`## Связанные документы`); ADR-008: `**Related:** PROJECT_OPS_PROTOCOL.md`.
def test_a_russian_related_heading_lists_related_records_and_a_capitalised_page_is_none(tmp_path):
    body = "## Контекст\n\nПочему.\n\n## Решение\n\nЧто.\n"
    write(tmp_path / "docs/adr/ADR-001.md", f"# ADR-001: Миграция на PostgreSQL\n\nСтатус: Принято\n\n{body}")
    write(tmp_path / "docs/adr/ADR-002.md", f"# ADR-002: Временные связи\n\nСтатус: Принято\n\n{body}\n"
          "## Связанные документы\n\n- [ADR-001: Миграция на PostgreSQL](ADR-001.md)\n- [DB_CHANGELOG.md](../../DB_CHANGELOG.md)\n")
    write(tmp_path / "docs/adr/ADR-008.md", "# ADR-008: Webhook deployment\n\n**Status:** Accepted\n"
          "**Related:** PROJECT_OPS_PROTOCOL.md\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n")
    got = records(tmp_path)
    assert [(l["relation"], l["id"]) for l in got["ADR-002.md"]["links"]] == [("relates-to", "0001")]
    assert got["ADR-008.md"]["links"] == []


# DouglasPrado/alexandria 3d1ed9fa4b84 docs/adr/ADR-002.md: a superseded record's title struck through, a feminine
# Portuguese status word.
def test_a_struck_through_title_reads_as_it_renders_and_substituida_is_superseded(tmp_path):
    write(tmp_path / "docs/adr/ADR-002.md", "# ADR-002: ~~Axum como web framework~~ — Substituída\n\n"
          "**Data:** 2026-03-16\n\n**Status:** Substituída\n\n## Contexto\n\nPor quê.\n\n## Decisão\n\nO quê.\n")
    got = records(tmp_path)["ADR-002.md"]
    assert (got["title"], got["status"]) == ("Axum como web framework — Substituída", "superseded")


# Abraha33/ERP 3adb527919bf docs/adr/ADR-001-stack-tecnologico.md: the first decision's day over later revisions.
def test_an_original_date_label_dates_the_record(tmp_path):
    write(tmp_path / "docs/adr/ADR-001-stack.md", "# ADR-001 — Stack tecnológico\n\n**Fecha original:** 2026-04-07  \n"
          "**Última revisión:** 2026-04-18 — móvil\n**Estado:** ACEPTADO\n\n## Contexto\n\nPor qué.\n\n## Decisión\n\nQué.\n")
    got = records(tmp_path)["ADR-001-stack.md"]
    assert (got["date"], got["status"]) == ("2026-04-07", "accepted")


@pytest.mark.parametrize("status", ["Substituída — incorporada na ADR-001", "Sustituido (ver ADR-001)",
                                    "Substituído por [ADR-001](ADR-001.md)"])
def test_a_romance_participle_alone_names_the_replacement_after_it(tmp_path, status):
    body = "## Contexto\n\nPor quê.\n\n## Decisão\n\nO quê.\n"
    write(tmp_path / "docs/adr/ADR-001.md", f"# ADR-001: Stack\n\n**Status:** Aceita\n\n{body}")
    write(tmp_path / "docs/adr/ADR-002.md", f"# ADR-002: Axum\n\n**Status:** {status}\n\n{body}")
    got = records(tmp_path)
    assert got["ADR-002.md"]["status"] == "superseded"
    assert [(l["relation"], l["id"]) for l in got["ADR-002.md"]["links"]] == [("superseded-by", "0001")]
    assert got["ADR-002.md"]["superseded_by"] == ["0001"]


# skijima404/architecture-review-knowledge 254e72487980 docs/adr/adr-0004.md (truth36): the Decision says what becomes
# of two earlier records, with no agent.
@pytest.mark.parametrize("tail, expected", [
    ("", [("amends", "0002"), ("supersedes", "0001")]),
    (" by ADR-0009", [("amends", "0002")]),  # an agent: the relation is that record's
])
def test_an_earlier_record_marked_superseded_or_its_scope_extended_by_this_one(tmp_path, tail, expected):
    body = "## Context\n\nWhy.\n\n## Decision\n\nWhat.\n"
    for n in (1, 2):
        write(tmp_path / f"docs/adr/adr-000{n}.md", f"# ADR-000{n}: Earlier {n}\n\n## Status\n\nAccepted\n\n{body}")
    write(tmp_path / "docs/adr/adr-0004.md", "# ADR-0004: Unify the labels\n\n## Status\n\nAccepted\n\n## Context\n\n"
          "Why.\n\n## Decision\n\nWe adopt the labels.\n\n"
          f"ADR-0001 is marked as **Superseded**{tail} and retained only as history.\n"
          "ADR-0002 remains **Accepted** as the original definition, but its scope is extended to cover all graphs.\n")
    got = records(tmp_path)["adr-0004.md"]
    assert sorted((l["relation"], l["id"]) for l in got["links"]) == expected
