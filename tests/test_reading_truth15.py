"""Reading misses seen on the fifteenth set (bench/reading/truth15.jsonl, a development set since scored once at
d588052), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import records


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
