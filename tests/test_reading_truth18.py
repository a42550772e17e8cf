"""Reading misses seen on the eighteenth set (bench/reading/truth18.jsonl, a development set since scored once at
8ec09e7), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import write
from tests.test_reading_truth6 import links, nygard, records


# top-cat-software/skelly-sass 3bb442edd42e docs/adr/0001-high-level-architecture.md (`- [ADR-0004](...) — Original
# Pulsar decision (superseded by ADR-0009)` under `## Related Decisions`) and 0009-*.md (`- [ADR-0004](...) —
# Superseded by this ADR`, `- [ADR-0007](...) — Bitnami Redis Helm chart replaces Pulsar chart`).
def test_a_related_entry_describing_another_relation_still_relates(tmp_path):
    folder = tmp_path / "docs/adr"
    related = ("\n## Related Decisions\n\n- [ADR-0004](0004-pulsar.md) — Original Pulsar decision (superseded by ADR-0009)\n"
               "- [ADR-0005](0005-svelte.md) — Front-end technology choice\n")
    write(folder / "0001-architecture.md", nygard("1. Architecture", "Accepted", related))
    write(folder / "0004-pulsar.md", nygard("4. Pulsar", "Superseded"))
    write(folder / "0005-svelte.md", nygard("5. Svelte", "Accepted"))
    write(folder / "0009-redis.md", nygard("9. Redis", "Accepted", "\n## Related Decisions\n\n- [ADR-0004](0004-pulsar.md)"
                                           " — Superseded by this ADR\n- [ADR-0005](0005-svelte.md) — The chart replaces"
                                           " the Pulsar chart\n"))
    got = records(tmp_path)
    assert links(got["0001-architecture.md"]) == [("relates-to", "0004"), ("relates-to", "0005")]
    assert links(got["0009-redis.md"]) == [("supersedes", "0004"), ("relates-to", "0005")]


# phikhi/multiplyz b820ae4cdeb4 docs/adr/0004-orchestration-autonome-planning.md (`- **Liens** : [ADR 0003](./0003-x.md)
# (qu'il **étend**) · [WORKFLOW.md](...)`), 0009-*.md (`· relié à [ADR 0008](...)`); 0xTheOldOne/idelia 7fbdf264e82d
# docs/adr/0012-style-scss.md (`- **Statut** : Accepté — **amendé par l'[ADR 0015](0015-bootstrap.md)**`).
def test_french_relation_words_type_their_links(tmp_path):
    folder = tmp_path / "docs/adr"
    page = "# ADR {0} — Titre\n\n- **Statut** : {1}\n- **Liens** : {2}\n\n## Contexte\n\nPourquoi.\n"
    write(folder / "0003-merge.md", page.format("0003", "Accepté", "aucun"))
    write(folder / "0004-planning.md", page.format("0004", "Accepté", "[ADR 0003](./0003-merge.md) (qu'il **étend**) · "
                                                   "[WORKFLOW.md](../../WORKFLOW.md)"))
    write(folder / "0009-style.md", page.format("0009", "Accepté", "issue #160 · relié à [ADR 0003](./0003-merge.md)"))
    write(folder / "0012-scss.md", page.format("0012", "Accepté — **amendé par l'[ADR 0015](0015-bootstrap.md)**", "aucun"))
    write(folder / "0015-bootstrap.md", page.format("0015", "Accepté", "aucun"))
    got = records(tmp_path)
    assert links(got["0004-planning.md"]) == [("amends", "0003")]
    assert links(got["0009-style.md"]) == [("relates-to", "0003")]
    assert (got["0012-scss.md"]["status"], links(got["0012-scss.md"])) == ("accepted", [("amended-by", "0015")])


# marconucara/web-vault 514a7e0e6c2e adr/0007-tolaria-views-evaluator.md, in `## Revision History`: `| 2026-07-30 | r2 |
# marco | Superseding ADR 0032 (...) proposed; supersession pending its implementation — this ADR stays Implemented ... |`.
def test_a_revision_row_naming_the_superseding_record(tmp_path):
    folder = tmp_path / "adr"
    write(folder / "0007-views.md", "---\nadr: 0007\ntitle: Views\nstatus: Implemented\ndate: 2026-07-29\n---\n\n# Views\n\n"
                                    "## Revision History\n\n| Date | Revision | Author | Change |\n|---|---|---|---|\n"
                                    "| 2026-07-29 | r1 | marco | Recorded. |\n| 2026-07-30 | r2 | marco | Superseding ADR 0032 (dual"
                                    " format) proposed; this ADR stays Implemented until then. |\n")
    write(folder / "0032-dual.md", "---\nadr: 0032\ntitle: Dual\nstatus: Proposed\ndate: 2026-07-30\n---\n\n# Dual\n")
    got = records(tmp_path)["0007-views.md"]
    assert (got["status"], links(got)) == ("accepted", [("superseded-by", "0032")])


# StefanMoCoAt/Meldestelle 76307ec79810 docs/01_Architecture/adr/000-PENDING-backend-infrastructure-decisions.md:
# `**Status:** RESOLVED` over `**See:** [ADR 001](...)` and a note that its questions moved to ADR 001.
def test_resolved_is_accepted_and_see_is_no_relation(tmp_path):
    folder = tmp_path / "docs/adr"
    write(folder / "000-PENDING-backend.md", "# PENDING DECISIONS: Backend\n\n**Status:** RESOLVED\n**Date:** 2026-01-15\n"
                                             "**See:** [ADR 001: Backend](001-backend.md)\n\n---\n\n*All decisions have been "
                                             "moved to ADR 001.*\n")
    write(folder / "001-backend.md", nygard("ADR 001: Backend", "Accepted"))
    got = records(tmp_path)["000-PENDING-backend.md"]
    assert (got["status"], links(got)) == ("accepted", [])


# zdanovichnick/adr-test 9de2f827d88e docs/adr/0000-use-markdown-architectural-decision-records.md: every marker
# backslash-escaped by a rich-text editor's export (`\# Use Markdown ...`, `\## Context and Problem Statement`).
def test_a_backslash_escaped_export_is_a_record_titled_by_its_first_line(tmp_path):
    folder = tmp_path / "docs/adr"
    write(folder / "0000-use-markdown.md", "\\# Use Markdown Architectural Decision Records\n\n\n\n\\## Context and Problem "
                                           "Statement\n\nWhy.\n\n\\## Considered Options\n\n\\* \\[MADR](https://adr.github.io/madr/)\n")
    write(folder / "0001-notes.md", "\\# Notes\n\nJust notes.\n")  # (no record section: a document)
    got = records(tmp_path)
    assert set(got) == {"0000-use-markdown.md"}
    assert (got["0000-use-markdown.md"]["title"], got["0000-use-markdown.md"]["status"]) == (
        "Use Markdown Architectural Decision Records", "unknown")
