"""Reading misses seen on the sixteenth set (bench/reading/truth16.jsonl, a development set since scored once at
d588052), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import write
from tests.test_reading_truth6 import records


# MTES-MCT/dialog a55692369d5d docs/adr/003_technical_stack.md (`* Création : 2022-09-14` over `* Dernière mise à
# jour : 2023-07-17`), 008_bdtopo.md (misspelt `* Créatrion :`): the creation bullet is the date, the update is not.
def test_a_french_creation_bullet_is_the_date(tmp_path):
    page = "# 00{0} - Titre\n\n* {1} : 2022-09-14\n* Dernière mise à jour : 2023-07-17\n* Statut : Accepté\n\n## Contexte\n\nPourquoi.\n"
    write(tmp_path / "docs/adr/003_stack.md", page.format(3, "Création"))
    write(tmp_path / "docs/adr/008_bdtopo.md", page.format(8, "Créatrion"))
    got = records(tmp_path)
    assert [(got[n]["date"], got[n]["status"]) for n in ("003_stack.md", "008_bdtopo.md")] == [
        ("2022-09-14", "accepted")] * 2


# jeel-st/Sipster 1853253a00fe docs/dokumentationen/architecture-decision-record-adrs/nr.-001-verwendung-von-react-
# native-fur-die-app-entwicklung.md: `# Nr. 001: Verwendung von React Native für die App-Entwicklung`.
def test_the_german_number_abbreviation_goes_with_the_number(tmp_path):
    write(tmp_path / "docs/adr/nr.-001-react-native.md",
          "# Nr. 001: Verwendung von React Native für die App-Entwicklung\n\n* Status: Akzeptiert\n\n## Kontext\n\nWarum.\n")
    got = records(tmp_path)["nr.-001-react-native.md"]
    assert got["title"] == "Verwendung von React Native für die App-Entwicklung"


# ONSdigital/sdc 208151f19349 doc/architecture/decisions/godaddy-structured-json-logging-java.md: no number, no status,
# `# Godaddy structured JSON logger for Java services` over Context, Decision and Consequences; README.md beside it.
def test_an_unnumbered_page_with_context_and_decision_sections_is_a_record(tmp_path):
    folder = tmp_path / "doc/architecture/decisions"
    write(folder / "structured-logging.md", "# Structured JSON logger for Java services\n\n## Context\n\nWhy.\n\n"
                                            "## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n")
    write(folder / "notes.md", "# Notes\n\n## Context\n\nOnly a context.\n")  # (no decision section: a document)
    got = records(tmp_path)
    assert set(got) == {"structured-logging.md"}
    assert (got["structured-logging.md"]["title"], got["structured-logging.md"]["status"]) == (
        "Structured JSON logger for Java services", "unknown")
