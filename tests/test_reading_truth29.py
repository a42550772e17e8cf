"""Reading misses seen on the twenty-ninth and thirtieth sets (bench/reading/truth29.jsonl, scored once at 28b3445,
and truth30.jsonl, scored once at 94484a5; development sets since), each fixed by a general rule
(bench/reading/DEFINITIONS.md, "Added for truth29" and "Added for truth30").

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from tests.conftest import write
from tests.test_reading_truth6 import records
from tests.test_reading_truth27 import folder, linked


def bold_bullets(title: str, status: str) -> str:
    return (f"# 0005 — {title}\n\n- **Status:** {status}\n- **Data:** 2026-08-12\n- **Decidido por:** — (em aberto)\n\n"
            "## Contexto\n\nPor quê.\n\n## Decisão\n\nO quê.\n")


# Adamarac/virushunter 1bdc1636deaf docs/decisions/0005-nr-filter-strategy.md (`**Pendente**`) and 0009-*.md (the
# word closing a qualified sentence); 0001-*.md `Aceita`.
@pytest.mark.parametrize("status, expected", [
    ("**Pendente**", "proposed"),
    ("Pendente", "proposed"),
    ("Contexto registrado; a mudança de estratégia que ele exige está **Pendente**", "proposed"),
    ("Aceita", "accepted"),
])
def test_portuguese_pending_is_proposed(tmp_path, status, expected):
    write(tmp_path / "docs/decisions/0005-nr-filter.md", bold_bullets("Estratégia do filtro", status))
    assert records(tmp_path)["0005-nr-filter.md"]["status"] == expected


def adr_tools(number: int, title: str, status_lines: str) -> str:
    return f"# {number}. {title}\n\nDate: 2022-05-28\n\n## Status\n\n{status_lines}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n"


# benjamminj/portfolio 605282f14e9a docs/architecture/decisions/0014-migrate-to-remix.md: `Supercedes [14. Migrate to
# SvelteKit](0014-migrate-to-sveltekit)`, a file that does not exist, whose number is the record's own.
@pytest.mark.parametrize("target, expected", [
    ("0014-migrate-to-sveltekit", [("supersedes", None)]),  # another slug, only this record's number: names no record
    ("0014-migrate-to-remix", [("supersedes", "0014")]),  # its own file, as written: read as written
    ("0013-migrate-to-sveltekit.md", [("supersedes", "0013")]),
])
def test_a_file_name_sharing_only_this_records_number_is_no_link_to_itself(tmp_path, target, expected):
    base = tmp_path / "docs/architecture/decisions"
    write(base / "0013-migrate-to-sveltekit.md", adr_tools(13, "Migrate to SvelteKit", "Accepted"))
    write(base / "0015-migrate-again.md", adr_tools(15, "Migrate again", "Accepted"))
    write(base / "0014-migrate-to-remix.md", adr_tools(
        14, "migrate to Remix", f"Supercedes [14. Migrate to SvelteKit]({target})\n\n"
        "Superceded by [15. Migrate again](0015-migrate-again.md)"))
    got = [(r, i) for r, i in linked(tmp_path, "0014-migrate-to-remix.md") if r == "supersedes"]
    assert got == expected
    assert ("superseded-by", "0015") in linked(tmp_path, "0014-migrate-to-remix.md")


# ezavgorodniy/social-network-api f07b30b375a1 docs/adrs/0014-read-through-pagination.md: a relation word named in
# quotation marks, or negated, is not used.
@pytest.mark.parametrize("body, expected", [
    ('The core is unchanged. It\nrelates to [ADR 11](0011-later.md) (cache framing) and uses\nthe same "amends, not '
     'supersedes" relationship introduced in\n[ADR 5](0005-speed.md).', [("relates-to", "0011")]),
    ("This record does not supersedes [ADR 11](0011-later.md).", []),
    ("This ADR supersedes [ADR 11](0011-later.md) and is \"final\".", [("supersedes", "0011")]),
    ('We call it "the gate" and this supersedes [ADR 11](0011-later.md).', [("supersedes", "0011")]),
])
def test_a_quoted_or_negated_relation_word_types_no_link(tmp_path, body, expected):
    folder(tmp_path, body)
    assert linked(tmp_path, "0012-this.md") == expected


# msulzbrgr/kiro-fishing cb2b96867081 docs/adr/0005-osm-tiles-and-canvas-for-story-export.md (the clause before) and
# rancher/turtles b2e1223c8da2 docs/adr/0011-v1-to-v3-migration.md (the sentence before, by its link).
@pytest.mark.parametrize("body, expected", [
    ("ADR-0005 established that OSM is the map\nstack; this ADR extends that decision to cover tiles.", [("amends", "0005")]),
    ("[ADR #11](./0011-later.md) proposes usage of v3 clusters, as a resource. This ADR extends on the idea, enabling "
     "a migration.", [("amends", "0011")]),
    ("ADR-0005 and ADR-0011 set the stack. This ADR extends that decision.", []),  # which one: not said
    ("Speed matters.\n\nThis ADR extends the idea further.", []),  # nothing named before it
    ("ADR-0001 was first.\n\nThis ADR extends that decision.", []),  # another paragraph
])
def test_this_record_extending_that_decision_amends_the_one_named_before(tmp_path, body, expected):
    folder(tmp_path, body)
    assert linked(tmp_path, "0012-this.md") == expected


# kristofdegrave/homeassistant-smart-charging 623bcf3ea51c docs/adl/0015-managers-package-home.md (passive, no agent)
# and 0004-owned-vs-mapped-entities.md (`It\nalso relates to ADR-0003`; `depends on ADR-0002` untyped).
@pytest.mark.parametrize("body, expected", [
    ("- A fifth subpackage. ADR-0005 and ADR-0011 are **extended, not superseded**: the root stands.",
     [("amends", "0005"), ("amends", "0011")]),
    ("ADR-0005 is amended.", [("amends", "0005")]),
    ("ADR-0005 is extended by ADR-0011 later.", []),  # another record's change of another
    ("ADR-0011 later extended that layout.", []),
    ("This decision depends on ADR-0001 (layout), which it justifies. It\nalso relates to ADR-0005 (adapters): the "
     "only path.", [("relates-to", "0005")]),
    ("The cache relates to ADR-0005 loosely.", []),  # a thing's relation, not this record's
])
def test_other_records_extended_and_this_one_relating_to_another(tmp_path, body, expected):
    folder(tmp_path, body)
    assert linked(tmp_path, "0012-this.md") == expected


# Chamonex/class-to-web doc/adr/0003-DevContainer.md (`Not Approved`) and 0004-Backend.md (`Stopped`), truth31.
@pytest.mark.parametrize("status, expected", [("Not Approved", "rejected"), ("Stopped", "proposed"),
                                              ("Approved", "accepted")])
def test_stopped_is_proposed_and_not_approved_is_rejected(tmp_path, status, expected):
    write(tmp_path / "doc/adr/0003-devcontainer.md", f"# ADR 0003: DevContainer\n\n## Status\n\n{status}\n\n"
          "## Context\n\nWhy.\n\n## Decision\n\nWhat.\n")
    assert records(tmp_path)["0003-devcontainer.md"]["status"] == expected
