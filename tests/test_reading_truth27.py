"""Reading misses seen on the twenty-seventh and twenty-eighth sets (bench/reading/truth27.jsonl and truth28.jsonl,
development sets since scored once at ab1fda4), each fixed by a general rule (bench/reading/DEFINITIONS.md, "Added
for truth27" and "Added for truth28").

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from adrtool import dates
from tests.conftest import write
from tests.test_reading_truth6 import records


def bold_fields(title: str, date_line: str) -> str:
    return (f"# 0003 — {title}\n\n**Date:** {date_line}\n**Status:** accepted\n\n## Context\n\nWhy.\n\n"
            "## Decision\n\nWhat.\n")


# G977A/BOG-retail-client360 4b3b5d6e2337 docs/decisions/0003-bog-grounded-personas.md (`**Date:** <2026-07-28>`),
# 0002-seal-ground-truth.md (`<!2026-07-25>`), 0006-*.md (`<!-- YYYY-MM-DD -->`), 0008-*.md (`<!-- 2026-08-12 -->`):
# the template's comment placeholder overwritten in part or in full.
@pytest.mark.parametrize("written, expected", [
    ("<2026-07-28>", "2026-07-28"),
    ("<!2026-07-25>", "2026-07-25"),
    ("<!-- YYYY-MM-DD -->", None),
    ("<!-- 2026-08-12 -->", None),  # inside a comment: renders as nothing
    ("<date>", None),
    ("<YYYY-MM-DD>", None),
])
def test_a_date_between_angle_brackets_is_read_and_a_commented_one_is_not(tmp_path, written, expected):
    assert dates.read(written)[0] == expected
    write(tmp_path / "docs/decisions/0003-personas.md", bold_fields("Personas", written))
    assert records(tmp_path)["0003-personas.md"]["date"] == expected


# Shiva-Br/architecture-decision-records b9576d5d5160 teams-engagement.md: no number, status or date; a title over
# Context, Decision Drivers, Proposed Solutions, Solution and Consequences.
@pytest.mark.parametrize("weighed, chosen, is_record", [
    ("Proposed Solutions", "Solution", True),
    ("Possible solutions", "Solution", True),
    ("Proposed Solutions", "Notes", False),  # solutions proposed, none kept: a discussion page
    ("Background", "Solution", False),
])
def test_proposed_solutions_and_the_solution_make_an_unnumbered_file_a_record(tmp_path, weighed, chosen, is_record):
    write(tmp_path / "docs/adr/0001-record-architecture-decisions.md",
          "# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n")
    write(tmp_path / "docs/adr/teams-engagement.md",
          f"# Team Engagement\n\n## Context\n\nWhy.\n\n## Decision Drivers\n\n- speed\n\n## {weighed}\n\n"
          f"1. One.\n2. Two.\n\n## {chosen}\n\nWe pick one.\n\n## Consequences\n\nSome.\n")
    assert ("teams-engagement.md" in records(tmp_path)) is is_record


def nygard(title: str, body: str, tail: str = "") -> str:
    return f"# {title}\n\nDate: 2026-08-19\n\n## Status\n\nAccepted\n\n## Context\n\n{body}\n\n## Decision\n\nWhat.\n{tail}"


def linked(root, name: str) -> list[tuple[str, str | None]]:
    return sorted((l["relation"], l["id"]) for l in records(root)[name]["links"])


def folder(root, body: str, tail: str = "", others=("0001-first", "0005-speed", "0011-later")) -> None:
    for stem in others:
        write(root / f"docs/decisions/{stem}.md", nygard(stem, "Why."))
    write(root / "docs/decisions/0012-this.md", nygard("12. This", body, tail))


# J5kinner/Bushwhacker 7e13d310f95a docs/decisions/0011-observability-on-hobby.md.
@pytest.mark.parametrize("body, expected", [
    ("This overrides ADR 0005's rejection of the package; that ADR is amended rather than superseded, so both stay.",
     [("amends", "0005")]),
    ("This overrides ADR 0005's rejection; the ADR was amended, not superseded.", [("amends", "0005")]),
    ("ADR 0001 and ADR 0005 disagree; that ADR is amended rather than superseded.", []),  # which one: not said
    ("ADR 0005 is amended later by another team.", []),
])
def test_that_adr_is_amended_rather_than_superseded_amends_the_one_record_named(tmp_path, body, expected):
    folder(tmp_path, body)
    assert linked(tmp_path, "0012-this.md") == expected


# JuriSOK/OpenPortfolio 84412bde1154 docs/decisions/0011-politique-completude-traductions.md.
@pytest.mark.parametrize("body, expected", [
    ("L'ADR-0001 interdit de modifier un ADR : cette précision est donc formalisée dans un nouvel ADR, qui référence "
     "et complète l'ADR-0005 sans le remplacer.", [("amends", "0005")]),
    ("This record complements ADR 0005 without replacing it.", [("amends", "0005")]),
    ("L'ADR-0011 complète l'ADR-0005 sans le remplacer.", []),  # another record's clause
    ("Cet ADR complète l'ADR-0005.", []),  # no word on replacing: untyped
])
def test_completing_a_record_without_replacing_it_amends_it(tmp_path, body, expected):
    folder(tmp_path, body)
    assert linked(tmp_path, "0012-this.md") == expected


# cadesalaberry/vitest-sentry-reporter b9b529c6b74c docs/decisions/0006-automate-releases-with-release-please.md.
@pytest.mark.parametrize("entries, expected", [
    ("- ADR-0001: Adopt Bun as the package manager and runtime\n- ADR-0011: Make the release workflow reusable by "
     "forks (token / Azure Artifacts\n  publishing) — supplements this decision so forks can publish.\n",
     [("amended-by", "0011")]),
    ("- ADR-0011: the later release flow — amends this decision.\n", [("amended-by", "0011")]),
    ("- ADR-0001: Adopt Bun\n\nA later ADR supplements this decision.\n", []),  # the entry ended before the verb
])
def test_a_references_entry_whose_record_changes_this_decision(tmp_path, entries, expected):
    folder(tmp_path, "Why.", tail=f"\n## References\n\n{entries}")
    assert linked(tmp_path, "0012-this.md") == expected


# dnlcodes4-spec/ThinkRich b91b63a22e23 docs/architecture/decisions/0014-two-origin-host-split.md.
@pytest.mark.parametrize("line, expected", [
    ("- **Supersedes / Superseded by:** none. Narrows the PWA scope set by [ADR-0005](0005-speed.md); extends "
     "[ADR-0001](0001-first.md) with a URL topology.", [("amends", "0001"), ("amends", "0005")]),
    ("This module extends the parser of [ADR-0005](0005-speed.md).", []),  # a thing extended, not the record
    ("Refines the retry budget defined in [ADR-0011](0011-later.md).", [("amends", "0011")]),
])
def test_extending_a_record_by_its_link_or_narrowing_what_it_set_amends_it(tmp_path, line, expected):
    folder(tmp_path, line)
    assert linked(tmp_path, "0012-this.md") == expected
