"""Reading misses seen on the nineteenth set (bench/reading/truth19.jsonl, a development set since scored once at
aaebad1), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from adrtool.record_names import strip_title_number
from adrtool.vocabulary import normalize_status
from tests.conftest import write
from tests.test_reading_truth6 import links, records


# buenhyden/hy-home.docker d6cac43d7765 docs/02.architecture/decisions/adr-0001-traefik-nginx-hybrid.md: front matter
# `status: active`, `created: 2026-03-26`, `updated: 2026-08-10` over `# ADR-0001: Traefik & Nginx Hybrid ...`.
# llevasseur/claude-proxy a29fb9089419 docs/adrs/0003-*.md (truth20): `timestamp: 2026-07-28` is its only date key.
@pytest.mark.parametrize("key", ["created", "Created", "creado", "erstellt", "créé", "作成日", "timestamp"])
def test_a_front_matter_created_key_is_the_date_and_updated_is_not(tmp_path, key):
    folder = tmp_path / "docs/decisions"
    write(folder / "adr-0001-gateway.md", f"---\nstatus: active\nartifact_id: adr-0001\n{key}: 2026-03-26\n"
                                          "updated: 2026-08-10\n---\n# ADR-0001: Gateway\n\n## Context\n\nWhy.\n")
    write(folder / "adr-0002-vault.md", "---\nstatus: active\nupdated: 2026-08-10\n---\n# ADR-0002: Vault\n")
    got = records(tmp_path)
    assert (got["adr-0001-gateway.md"]["date"], got["adr-0001-gateway.md"]["status"]) == ("2026-03-26", "accepted")
    assert got["adr-0002-vault.md"]["date"] is None


def test_a_date_key_wins_over_created(tmp_path):
    folder = tmp_path / "docs/decisions"
    write(folder / "0001-gateway.md", "---\nstatus: accepted\ncreated: 2026-03-26\ndate: 2026-04-01\n---\n# Gateway\n")
    assert records(tmp_path)["0001-gateway.md"]["date"] == "2026-04-01"


# aeells/forge-kit e3fdfe651295 docs/architecture/decisions/0001-record-architecture-decisions.md
# (`# **ADR-0001: Record architecture decisions**`); CamilaParedes23/banquito-ADR b115b6f7477e docs/adr/microservicios/
# adr-r9-e-comision-sobregiro-controlado.md (`# ADR R9-E — Liquidar ...`), adr-r9-f6-control-ventana-eod.md (`R9-F.6`).
@pytest.mark.parametrize("heading, title", [
    ("**ADR-0001: Record architecture decisions**", "Record architecture decisions"),
    ("__0002. Adoption of Quarkus__", "Adoption of Quarkus"),
    ("**Use Postgres**", "Use Postgres"),
    ("**Use Postgres** and **Redis**", "**Use Postgres** and **Redis**"),
    ("ADR R9-E — Liquidar la comisión", "Liquidar la comisión"),
    ("ADR R9-F.6 — Restringir el EOD", "Restringir el EOD"),
    ("ADR R2: Use Kafka", "Use Kafka"),
    ("ADR API — Versioning", "ADR API — Versioning"),
    ("ADR-CO-001: Cobros", "Cobros"),
])
def test_bold_headings_and_identifier_prefixes(heading, title):
    assert strip_title_number(heading)[0] == title


def test_a_bold_heading_titles_its_record(tmp_path):
    folder = tmp_path / "docs/architecture/decisions"
    write(folder / "0001-record.md", "# **ADR-0001: Record architecture decisions**\n\n**Date:** 2025-01-19\n"
                                     "**Status:** Accepted\n\n## Context\n\nWhy.\n")
    write(folder / "adr-0009-grpc.md", "# ADR-0009 — gRPC interno\n\nStatus: Accepted\nDate: 2026-01-02\n\n## Decision\n\nQué.\n")
    write(folder / "adr-r9-e-comision.md", "# ADR R9-E — Liquidar la comisión\n\nStatus: Accepted\nDate: 2026-01-02\n"
                                           "Lifecycle: Microservicios\n\n## Decision\n\nQué.\n")
    got = records(tmp_path)
    assert got["0001-record.md"]["title"] == "Record architecture decisions"
    assert got["adr-r9-e-comision.md"]["title"] == "Liquidar la comisión"


# charchess/hAIrem fdd4c23d42d3 docs/architecture/decisions/001-migration-local-embeddings.md (`## Statut` over
# `Implémenté et Validé le 29/01/2026.`); ActiDoo/actidoo-workflow-engine fd7d9ac16c7d docs/adr/
# adr_010_dynamic_list_row_identity.md (`**Status:** To be implemented`).
@pytest.mark.parametrize("text, state", [
    ("Implémenté et Validé le 29/01/2026.", "accepted"),
    ("Implementado", "accepted"),
    ("To be implemented", "accepted"),
    ("**To be implemented**", "accepted"),
    ("À implémenter", "accepted"),
    ("Por implementar", "accepted"),
    ("Not implemented", "unknown"),
])
def test_implemented_words_and_to_be_implemented(text, state):
    assert normalize_status(text).value == state


def test_a_french_implemented_status_section(tmp_path):
    folder = tmp_path / "docs/architecture/decisions"
    write(folder / "001-embeddings.md", "# ADR 001: Embeddings locaux\n\n## Contexte\n\nPourquoi.\n\n## Statut\n"
                                        "Implémenté et Validé le 29/01/2026.\n")
    write(folder / "010-rows.md", "# ADR 010: Row identity\n\n**Status:** To be implemented\n**Date:** 2026-08-09\n")
    got = records(tmp_path)
    assert got["001-embeddings.md"]["status"] == "accepted"
    assert got["010-rows.md"]["status"] == "accepted"


# charchess/hAIrem fdd4c23d42d3 docs/architecture/decisions/0013-use-modular-visual-bible.md: `## Status` over
# `Accepted - January 28, 2026`, no Date line.
@pytest.mark.parametrize("status, date", [
    ("Accepted - January 28, 2026", "2026-01-28"),
    ("Accepted on 3rd March 2022", "2022-03-03"),
    ("Accepté le 3 mars 2024", "2024-03-03"),
    ("Aceptado el 3 de marzo de 2024", "2024-03-03"),
    ("Accepted", None),
    ("Accepted in 2024 by the team", None),
])
def test_a_named_date_written_with_the_status(tmp_path, status, date):
    folder = tmp_path / "docs/architecture/decisions"
    write(folder / "0013-visual-bible.md", f"# 13. Visual Bible\n\n## Status\n{status}\n\n## Context\n\nWhy.\n")
    assert records(tmp_path)["0013-visual-bible.md"]["date"] == date


# acald-creator/design-token-toolkit b7c782b2b908 doc/architecture/decisions/0001-project-architecture-modernization.md:
# `## Status` over `**IMPLEMENTED** (Updated: 2025-09-26)`: a later change's date, as front matter's `updated:` is.
@pytest.mark.parametrize("status, date", [
    ("**IMPLEMENTED** (Updated: 2025-09-26)", None),
    ("Accepted (last revised 2025-09-26)", None),
    ("Accepté (mis à jour le 2025-09-26)", None),
    ("Accepted 2024-01-01 (updated 2025-09-26)", "2024-01-01"),
    ("Accepted (2024-01-01)", "2024-01-01"),
])
def test_an_update_note_beside_the_status_dates_nothing(tmp_path, status, date):
    folder = tmp_path / "doc/architecture/decisions"
    write(folder / "0001-modernization.md", f"# ADR-001: Modernization\n\n## Status\n{status}\n\n## Context\n\nWhy.\n")
    got = records(tmp_path)["0001-modernization.md"]
    assert (got["status"], got["date"]) == ("accepted", date)


# bitbybit-ar/bitbybit-cursa fe0a90794369 docs/architecture/decisions/0012-multi-tenant-marketplace.md (`- **Status**:
# Superseded by [0014](...)`; under `## References`, `- ADRs that are partially superseded by this one:` over
# `  [0004](0004-static-config-deployment.md),` `  [0008](...)`), 0014-*.md (`- Supersedes ADR 0008 (merchant-admin-
# dashboard) — the panel ...`, `- ADR 0010 (no-yaml-config) is unaffected.`).
def test_references_entries_that_state_the_relation(tmp_path):
    folder = tmp_path / "docs/architecture/decisions"
    page = "# {0}. {1}\n\n- **Date**: 2026-05-06\n- **Status**: {2}\n\n## Context\n\nWhy.\n\n## References\n\n{3}"
    write(folder / "0004-static.md", page.format("0004", "Static", "Accepted", "- None.\n"))
    write(folder / "0008-dashboard.md", page.format("0008", "Dashboard", "Accepted", "- None.\n"))
    write(folder / "0010-yaml.md", page.format("0010", "YAML", "Accepted", "- None.\n"))
    write(folder / "0012-tenant.md", page.format("0012", "Tenant", "Superseded by [0014](0014-open.md)",
                                                 "- Plan: `plans/pivot.md`.\n- ADRs that are partially superseded by this one:\n"
                                                 "  [0004](0004-static.md),\n  [0008](0008-dashboard.md).\n"))
    write(folder / "0014-open.md", page.format("0014", "Open", "Accepted",
                                               "- Supersedes ADR 0008 (dashboard) — the panel is gone.\n"
                                               "- **Amends** ADR 0004 (static) — one clause.\n- ADR 0010 (yaml) is unaffected.\n"))
    write(folder / "0015-rail.md", page.format("0015", "Rail", "Accepted",
                                               "- [0008](0008-dashboard.md) — amended by this ADR.\n"
                                               "- Someone else supersedes ADR 0010 in prose.\n"))
    got = records(tmp_path)
    assert links(got["0012-tenant.md"]) == [("superseded-by", "0014"), ("supersedes", "0004"), ("supersedes", "0008")]
    assert sorted(links(got["0014-open.md"])) == [("amends", "0004"), ("supersedes", "0008")]
    assert links(got["0015-rail.md"]) == [("amends", "0008")]


# bitbybit-ar/bitbybit-cursa fe0a90794369 docs/architecture/decisions/0006-nostr-and-inapp-delivery.md:
# `- **Status**: Accepted (extended by [0007](0007-optional-nostr-buyer-login.md))`.
def test_extended_by_a_record_is_amended_by(tmp_path):
    folder = tmp_path / "docs/architecture/decisions"
    page = "# {0}. {1}\n\n- **Date**: 2026-05-06\n- **Status**: {2}\n\n## Context\n\n{3}\n"
    write(folder / "0006-nostr.md", page.format("0006", "Nostr", "Accepted (extended by [0007](0007-login.md))", "Why."))
    write(folder / "0007-login.md", page.format("0007", "Login", "Accepted",
                                                "The client is extended by [plugins](https://example.org/plugins)."))
    got = records(tmp_path)
    assert (got["0006-nostr.md"]["status"], links(got["0006-nostr.md"])) == ("accepted", [("amended-by", "0007")])
    assert links(got["0007-login.md"]) == []


# llevasseur/claude-proxy a29fb9089419 docs/adrs/0003-allow-narrowly-scoped-writes-in-the-local-server.md (truth20):
# front matter `type:`, `title:`, `tags:`, `timestamp:` over `# Title` and a `## Status` section the Nygard reader reads.
@pytest.mark.parametrize("key", ["timestamp", "created"])
def test_a_nygard_record_takes_its_date_from_front_matter_when_the_body_gives_none(tmp_path, key):
    folder = tmp_path / "docs/adrs"
    write(folder / "0003-allow-writes.md", f"---\ntype: adr\ntitle: Allow writes\ntags: [backend]\n{key}: 2026-07-28\n---\n\n"
                                           "# Allow writes\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n")
    write(folder / "0004-dated-body.md", "---\ntitle: Dated body\ntimestamp: 2026-07-28\n---\n\n# Dated body\n\n"
                                         "Date: 2026-08-01\n\n## Status\n\nAccepted\n")
    write(folder / "0005-undated.md", "---\ntitle: Undated\nupdated: 2026-07-28\n---\n\n# Undated\n\n## Status\n\nAccepted\n")
    got = records(tmp_path)
    assert (got["0003-allow-writes.md"]["date"], got["0003-allow-writes.md"]["status"]) == ("2026-07-28", "accepted")
    assert got["0004-dated-body.md"]["date"] == "2026-08-01"  # the body's own date line wins
    assert got["0005-undated.md"]["date"] is None  # `updated:` dates nothing


# GabrielInnomat/VitalSync docs/architecture/decisions/0006-aggregate-owns-domain-events.md: `> **Implementation note
# (amendment 2026-07-23, supersedes the 2026-07-22 note):** The aggregate hierarchy has been re-unified (see
# [ADR-0025](./0025-unified-state-fold-aggregate-model.md))`: the verb's object is a note; the link is another sentence's.
@pytest.mark.parametrize("prose, want", [
    ("> **Implementation note (amendment 2026-07-23, supersedes the 2026-07-22 note):** The hierarchy was re-unified "
     "(see [ADR-0025](./0025-fold.md)).", []),
    ("Note (this supersedes the [ADR-0025](0025-fold.md) draft): done.", [("supersedes", "0025")]),
    ("This ADR supersedes [ADR-0025](0025-fold.md) (the fold model).", [("supersedes", "0025")]),
])
def test_a_verb_inside_a_parenthesis_ends_with_it(tmp_path, prose, want):
    folder = tmp_path / "docs/architecture/decisions"
    write(folder / "0006-events.md", f"# 6. Events\n\nDate: 2026-06-24\n\n## Status\n\nAccepted\n\n## Decision\n\n{prose}\n")
    write(folder / "0025-fold.md", "# 25. Fold\n\nDate: 2026-07-22\n\n## Status\n\nAccepted\n")
    assert links(records(tmp_path)["0006-events.md"]) == want


# goldh0rse/trellis docs/architecture/decisions/0005-networking-and-sync-by-extension-consensus-over-gob-tcp.md:
# `**Adapter invariant (restated, supersedes ADR-0003 on this point):** the domain ...`.
@pytest.mark.parametrize("prose, want", [
    ("**Adapter invariant (restated, supersedes ADR-0003 on this point):** the domain stays pure.", [("supersedes", "0003")]),
    ("The cache (amends ADR-0003) is kept.", [("amends", "0003")]),
    ("The store (see ADR-0004, which supersedes ADR-0003) is kept.", []),
])
def test_a_parenthesis_without_a_subject_speaks_for_this_record(tmp_path, prose, want):
    folder = tmp_path / "docs/architecture/decisions"
    write(folder / "0005-sync.md", f"# 5. Sync\n\nDate: 2026-06-02\n\n## Status\n\nAccepted\n\n## Decision\n\n{prose}\n")
    for n in (3, 4):
        write(folder / f"000{n}-r{n}.md", f"# {n}. R{n}\n\nDate: 2026-05-31\n\n## Status\n\nAccepted\n")
    assert links(records(tmp_path)["0005-sync.md"]) == want


# bitbybit-ar/bitbybit-cursa docs/architecture/decisions/0015-sats-settlement-rail.md, under `## References`:
# `- ADR [0002](0002-settlement-via-wapu.md) — the original Wapu-only` / `  decision; the settlement-rail-count
# clause is superseded by this` / `  ADR.`: the entry's sentence goes on below its link line.
@pytest.mark.parametrize("entry, want", [
    ("- ADR [0002](0002-wapu.md) — the original Wapu-only\n  decision; the rail clause is superseded by this\n  ADR.\n",
     [("supersedes", "0002")]),
    ("- ADR [0002](0002-wapu.md) — the original\n  decision, amended by this ADR.\n", [("amends", "0002")]),
    # The next entry's words are its own.
    ("- ADR [0002](0002-wapu.md) — the original decision.\n- The old cache is superseded by this\n  ADR.\n", []),
    ("- ADR [0002](0002-wapu.md) — the original\n  decision; still in force.\n", []),
])
def test_a_list_entry_sentence_below_its_link(tmp_path, entry, want):
    folder = tmp_path / "docs/architecture/decisions"
    write(folder / "0015-rail.md", f"# 15. Rail\n\nDate: 2026-05-09\n\n## Status\n\nAccepted\n\n## References\n\n{entry}")
    write(folder / "0002-wapu.md", "# 2. Wapu\n\nDate: 2026-05-05\n\n## Status\n\nAccepted\n")
    assert links(records(tmp_path)["0015-rail.md"]) == want


# CamilaParedes23/banquito-ADR docs/adr/microservicios-cloud/adr-0003-perfiles-local-cloud.md: `Status: Rejected`, then
# `Disposition: Merged into ADR-0001; implementation guidance moved to standards/...`; 0001: `Supersedes: ADR-0003 ...`.
@pytest.mark.parametrize("line, want", [
    ("Disposition: Merged into ADR-0001; guidance moved to standards/configuration/perfiles.md", [("superseded-by", "0001")]),
    ("- **Disposition:** Folded into ADR-0001", [("superseded-by", "0001")]),
    ("Merged into ADR 1 during the review.", [("superseded-by", "0001")]),
    ("Disposition: Merged with ADR-0001 into a single testing standard", []),
    ("The two profiles were later merged into ADR-0001's base.", []),
])
def test_merged_into_another_record_is_superseded_by_it(tmp_path, line, want):
    folder = tmp_path / "docs/adr"
    write(folder / "adr-0003-perfiles.md", f"# ADR-0003 — Perfiles\n\nStatus: Rejected\nDate: 2026-07-25\n{line}\n\n"
                                           "## Decision\n\nNada.\n")
    write(folder / "adr-0001-base.md", "# ADR-0001 — Base\n\nStatus: Accepted\nSupersedes: ADR-0003\n")
    got = records(tmp_path)["adr-0003-perfiles.md"]
    assert got["status"] == "rejected"
    assert [(r, "0001" if i == "adr-0001-base" or i == "0001" else i) for r, i in links(got)] == want
