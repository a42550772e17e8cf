"""Reading misses seen on the fifteenth set (bench/reading/truth15.jsonl, a development set since scored once at
d588052), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import links, nygard, records


# CodeAnd-Co/Documentacion 18c9888b1ac0 documentation/docs/proyectos/tractores/documentacion/Decisiones tecnológicas/
# registroEJS.md, registroFormulas.md: front matter `title: Registro de decisiones arquitectónicas Migrar a EJS`, the
# heading with ` - `, then (after a `---` rule in one) a `### Título de la decisión arquitectónica` subtitle over
# `Status: Aceptado` and `Fecha: 19-05-2025` (or `Fecha: s.f.`, no date); no number in the file name.
def test_a_spanish_record_label_and_metadata_under_a_subtitle(tmp_path):
    body = ("---\ntitle: Registro de decisiones arquitectónicas {0}\n---\n\n# Registro de decisiones arquitectónicas"
            " - {0}\n\n{1}### Título de la decisión arquitectónica\nStatus: Aceptado\nEncargados: Ana\nFecha: {2}\n\n"
            "### Contexto y problema\nPor qué.\n\n### Resultado de la decisión\nQué.\n")
    folder = tmp_path / "docs/adr"
    write(folder / "registroEJS.md", body.format("Migrar a EJS", "", "19-05-2025"))
    write(folder / "registroFormulas.md", body.format("HyperFormula & SheetJS", "---\n", "s.f."))
    got = records(tmp_path)
    assert [(got[n]["title"], got[n]["status"], got[n]["date"]) for n in ("registroEJS.md", "registroFormulas.md")] == [
        ("Migrar a EJS", "accepted", "2025-05-19"), ("HyperFormula & SheetJS", "accepted", None)]


# A subtitle over prose keeps its metadata-less reading: the section is no metadata block.
def test_a_section_of_prose_under_the_title_gives_no_metadata(tmp_path):
    write(tmp_path / "docs/adr/0001-x.md", "# 1. X\n\n## Context\nNote: this is prose.\n\n## Decision\n\nWhat.\n")
    got = records(tmp_path)["0001-x.md"]
    assert (got["status"], got["date"]) == ("unknown", None)


# DOI-OS-ORDA/DARTS 902ff04724aa docs/adrs/0001-record-architecture-decisions.md, 0002-python-django-postgres.md:
# `# Architecture decision record 2: Python, Django, PostgreSQL`, a sentence, then `* :white_check_mark: _Status:_
# Implemented [December 2024](...)` and `* :ticket: _Issue:_ [...]` bullets.
def test_numbered_record_label_and_an_emoji_bullet_with_an_italic_status_label(tmp_path):
    path = tmp_path / "docs/adrs/0002-python-django-postgres.md"
    write(path, "# Architecture decision record 2: Python, Django, PostgreSQL\n\nWe record decisions here.\n\n"
                "* :white_check_mark: _Status:_ Implemented [December 2024](https://example.org/c/1)\n"
                "* :ticket: _Issue:_ [Pick a stack](https://example.org/i/2)\n\n## Context\n\nWhy.\n")
    got = records(tmp_path)["0002-python-django-postgres.md"]
    assert (got["title"], got["status"], got["date"]) == ("Python, Django, PostgreSQL", "accepted", None)
    (tmp_path / ".git").mkdir()
    assert run_cli(["status", "2", "deprecated"], tmp_path).code == 0  # (the shortcode and italics kept as written)
    assert "* :white_check_mark: _Status:_ deprecated\n" in path.read_text()


# fablabbcn/smartcitizen-api e813c667845d docs/adr/0000-use-markdown-architectural-decision-records.md: `- Status: trial`.
def test_a_trial_status_is_proposed(tmp_path):
    write(tmp_path / "docs/adr/0000-use-madr.md",
          "# Use Markdown Architectural Decision Records\n\n- Status: trial\n- Date: 2020-12-03\n\n## Why?\n\nMemory.\n")
    assert records(tmp_path)["0000-use-madr.md"]["status"] == "proposed"


# cpritchett/homelab 1fbebc8ad64c docs/adr/ADR-0013-ytt-data-values.md: `# ADR-0013: ytt Data Values for Talos Templating
# (Supersedes ADR-0011, ADR-0012)` over `## Status` / `Accepted`; the title keeps its parenthesis.
def test_a_supersedes_parenthesis_in_the_heading_types_the_links(tmp_path):
    for n in (11, 12):
        write(tmp_path / f"docs/adr/ADR-00{n}-old.md", nygard(f"ADR-00{n}: Old {n}", "Superseded"))
    write(tmp_path / "docs/adr/ADR-0013-new.md", nygard("ADR-0013: New (Supersedes ADR-0011, ADR-0012)", "Accepted"))
    got = records(tmp_path)["ADR-0013-new.md"]
    assert got["title"] == "New (Supersedes ADR-0011, ADR-0012)"
    assert sorted(links(got)) == [("supersedes", "0011"), ("supersedes", "0012")]


# fuj1g0n/slidev-editable-pptx d65e2428e401 docs/adr/0005-diag-component-api.md: `# Diag\* コンポーネント体系の整理`;
# 0007-three-layer-architecture.md: `# 3 層フォールバック構成（...）` ("three-layer fallback") in record 0007.
def test_a_markdown_escape_and_a_leading_count_stay_in_the_title(tmp_path):
    write(tmp_path / "docs/adr/0005-diag.md", nygard("Diag\\* コンポーネント体系の整理", "Accepted"))
    write(tmp_path / "docs/adr/0007-layers.md", nygard("3 層フォールバック構成", "Accepted"))
    write(tmp_path / "docs/adr/0030-audit.md", nygard("29 Kubernetes auditing", "Accepted"))  # (a number, misnumbered)
    got = records(tmp_path)
    assert [got[n]["title"] for n in ("0005-diag.md", "0007-layers.md", "0030-audit.md")] == [
        "Diag* コンポーネント体系の整理", "3 層フォールバック構成", "Kubernetes auditing"]


# fuj1g0n/slidev-editable-pptx d65e2428e401 docs/adr/0004-shape-pattern-vocabulary.md: `- Related documents:
# [ADR-0001](...)、` then the indented `  [ADR-0008（契約語彙）](0008-contract-vocabulary.md)、` and a research note;
# 0014-*.md: `- ADR-0000 の「...」` / `  の一項は本 ADR により廃止する。` ("this ADR abolishes that item of ADR-0000").
def test_a_related_documents_bullet_and_a_japanese_abolition_by_this_adr(tmp_path):
    folder = tmp_path / "docs/adr"
    for n in ("0000", "0001", "0008"):
        write(folder / f"{n}-x{n}.md", nygard(f"{n}. X", "Accepted"))
    write(folder / "0004-shapes.md", nygard("4. Shapes", "Accepted", "\n## More Information\n\n- Related documents: "
                                            "[ADR-0001](0001-x0001.md)、\n  [ADR-0008（契約語彙）](0008-x0008.md)、\n"
                                            "  [research](../research/2026-07-07-notes.md)\n"))
    write(folder / "0014-one-log.md", nygard("14. One log", "Accepted", "\n- ADR-0000 の「下位ログを維持する」\n"
                                             "  の一項は本 ADR により廃止する。\n"))
    got = records(tmp_path)
    assert sorted(links(got["0004-shapes.md"])) == [("relates-to", "0001"), ("relates-to", "0008")]
    assert links(got["0014-one-log.md"]) == [("supersedes", "0000")]
