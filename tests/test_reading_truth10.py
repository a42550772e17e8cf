"""Reading misses seen on the tenth set (bench/reading/truth10.jsonl, a development set since scored once at
64592a8), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import write
from tests.test_reading_truth6 import links, records


def _plain(number: str, name: str) -> str:
    return f"---\nstatus: accepted\ndate: 2025-11-07\n---\n\n# {name}\n\n## Context and Problem Statement\n\nWhy.\n"


# jgough-essextec/openshift-gitops-framework 08b6fdbdb213 docs/decisions/0005-values-hierarchy-pattern.md: in MADR's
# `## Links`, a `- **Related ADRs:**` item ending at its label over nested items naming records by number and title
# (0005), or linking them (0011); a plain number in an entry that is no Related one types nothing.
RELATED_SUB_LIST = """---
status: accepted
date: 2025-11-07
---

# Values Hierarchy Pattern

## Context and Problem Statement

Why.

## Links

- **Implementation:** `docs/VALUES-HIERARCHY.md` - Detailed usage guide
- **Related ADRs:**
  - ADR 002: Validated Patterns Framework
  - {linked}
- **Helm Values Documentation:** https://helm.sh/docs/chart_template_guide/values_files/

## Notes

This follows the topology of ADR 004.
"""


def test_a_related_adrs_item_ending_at_its_label_lists_the_records_nested_under_it(tmp_path):
    for number, name in (("0002", "validated"), ("0003", "topology"), ("0004", "sources")):
        write(tmp_path / f"docs/decisions/{number}-{name}.md", _plain(number, name))
    write(tmp_path / "docs/decisions/0005-values.md", RELATED_SUB_LIST.format(linked="ADR 003: Topology Structure"))
    write(tmp_path / "docs/decisions/0011-secrets.md", RELATED_SUB_LIST.format(
        linked="[ADR-003: Topology](0003-topology.md) - Platform layer"))
    got = records(tmp_path)
    for name in ("0005-values.md", "0011-secrets.md"):
        assert sorted(links(got[name])) == [("relates-to", "0002"), ("relates-to", "0003")], name


# LISBON11/fit-bot 54cec1d83d3a docs/business/decisions/0001-record-business-decisions.md: `## Текущий статус`
# ("current status") over `Принято`; docs/architecture/decisions/0008-fit-app-mobile-architecture.md: a bold
# `**Связанные ADR**:` ("related ADRs") bullet under the title naming records by number.
RUSSIAN = """# 0001. Фиксация бизнес-решений

## Текущий статус

Принято

## Контекст

Почему.
"""
RUSSIAN_RELATED = """# ADR-0008: Архитектура мобильного приложения

- **Статус**: Предложено
- **Дата**: 2026-02-24
- **Связанные ADR**: ADR-0003 (Supabase), ADR-0004 (Deepgram + DeepSeek)

## Контекст

Почему.
"""
# IgorXDDD/HotPoll 1b92e9e58713 doc/adr/0002-modularny-monolit.md: adr-tools' layout in Polish, `Data:` and
# `Zaakceptowany` (accepted).
POLISH = "# 2. Modularny Monolit\n\nData: 2021-05-10\n\n## Status\n\nZaakceptowany\n\n## Kontekst\n\nDlaczego.\n"


def test_russian_and_polish_status_words_and_labels_are_read(tmp_path):
    write(tmp_path / "docs/architecture/decisions/0001-record.md", RUSSIAN)
    write(tmp_path / "docs/architecture/decisions/0008-mobile.md", RUSSIAN_RELATED)
    write(tmp_path / "docs/architecture/decisions/0003-supabase.md", RUSSIAN.replace("0001.", "0003."))
    write(tmp_path / "docs/architecture/decisions/0004-deepgram.md", RUSSIAN.replace("0001.", "0004."))
    write(tmp_path / "docs/architecture/decisions/0002-monolit.md", POLISH)
    got = records(tmp_path)
    assert got["0001-record.md"]["status"] == "accepted"
    assert (got["0008-mobile.md"]["status"], got["0008-mobile.md"]["date"]) == ("proposed", "2026-02-24")
    assert sorted(links(got["0008-mobile.md"])) == [("relates-to", "0003"), ("relates-to", "0004")]
    assert (got["0002-monolit.md"]["status"], got["0002-monolit.md"]["date"]) == ("accepted", "2021-05-10")


# OnkelMato/MFFM 0177bc9bfe96 docs/adr/0120-pattern-adapter-pattern-for-service-registration-and-resolve.md: the
# only level-1 heading holds nothing but MADR's HTML comment; a later `# Datenbindung` in appended slides.
COMMENT_HEADING = """# <!-- short title, representative of solved problem and found solution -->

## Context and Problem Statement

## Decision Outcome

==marp==
# Datenbindung

- Registrierung ist Framework abhängig
"""


def test_a_level_one_heading_holding_only_an_html_comment_titles_the_record_from_its_file_name(tmp_path):
    write(tmp_path / "docs/adr/0120-pattern-adapter-pattern.md", "---\nstatus: accepted\n---\n" + COMMENT_HEADING)
    write(tmp_path / "docs/adr/0150-keep-text.md",
          "---\nstatus: accepted\n---\n# Keep the text <!-- short title -->\n\n## Context and Problem Statement\n")
    got = records(tmp_path)
    assert got["0120-pattern-adapter-pattern.md"]["title"] == "pattern adapter pattern"
    assert got["0150-keep-text.md"]["title"] == "Keep the text"


# llfrometa89/poc-scala-geohash c0fcc102b0cb docs/adrs/1.initial-component-definition.md: the Date label in code.
BACKTICKED = "# Initial component definition\n\n`Date`: 2022-09-19\n\n## Status\n\n`Accepted`\n\n## Context\n\nTBD\n"


def test_a_date_line_whose_label_is_in_code_dates_the_record(tmp_path):
    write(tmp_path / "docs/adrs/1.initial-component-definition.md", BACKTICKED)
    record = records(tmp_path)["1.initial-component-definition.md"]
    assert (record["status"], record["date"]) == ("accepted", "2022-09-19")
