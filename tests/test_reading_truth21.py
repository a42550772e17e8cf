"""Reading misses seen on the twenty-first set (bench/reading/truth21.jsonl, a development set since scored once at
8c0fce7), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from adrtool.vocabulary import normalize_status
from tests.conftest import write
from tests.test_reading_truth6 import links, records

BODY = "# ADR-008 — Architecture multi-VM\n\n## 📘 Contexte\n\nPourquoi.\n\n## Décision\n\nQuoi.\n\n"


# dexteee-r/media-server-home 3e2ae1e703d2 docs/ADR/008-architecture multi-VM  EXTRANET + INTRANET.md: the record's
# status and date after its last rule, each label after an emoji.
@pytest.mark.parametrize("closing, status, date", [
    ("---\n\n🗓️ **Date :** 02/11/2025  \n**Statut :** ✅ Adopté et déployé  \n**Révision prévue :** 6 mois\n",
     "accepted", "2025-11-02"),
    ("---\n\n**Status:** Accepted\n**Date:** 2025-11-02\n", "accepted", "2025-11-02"),
    ("---\n\n- Estado: Aceptado\n- Fecha: 2025-11-02\n", "accepted", "2025-11-02"),
    ("***\n\n**Status:** Rejected\n", "rejected", None),
    ("---\n\nThanks to **Status:** folks for the review, and to everyone.\nMore prose here.\n", "unknown", None),
])
def test_a_closing_block_gives_the_status_and_date(tmp_path, closing, status, date):
    write(tmp_path / "docs/adr/008-multi-vm.md", BODY + closing)
    got = records(tmp_path)["008-multi-vm.md"]
    assert (got["status"], got["date"]) == (status, date)


def test_the_title_block_wins_over_the_closing_block(tmp_path):
    write(tmp_path / "docs/adr/0001-x.md", "# X\n\nStatus: Proposed\nDate: 2025-01-01\n\n## Context\n\nWhy.\n\n---\n\n"
                                           "**Statut :** Adopté\n**Date :** 02/11/2025\n")
    got = records(tmp_path)["0001-x.md"]
    assert (got["status"], got["date"]) == ("proposed", "2025-01-01")


# dexteee-r/media-server-home 001-hyperviseur-proxmox.md (the logbook last), 007-strategie-stockage.md (a summary for
# the wiki after it), 004-zfs-vs-btrfs.md (an entry recording an update: no date).
@pytest.mark.parametrize("closing, date", [
    ("---\n\n🗓️ **Journal de bord – 21/10/2025**  \n- Décision : adoption de **Proxmox VE 8**.  \n- Raisons : x.\n",
     "2025-10-21"),
    ("---\n\n🗓️ **Journal de bord — 23/10/2025**  \n- Décision : répartition SSD / HDD\n\n---\n\n### 💡 Résumé\n\n"
     "> - SSD : Proxmox\n", "2025-10-23"),
    ("---\n\n**Decision log – 2025-10-21**\n- Decision: adopt Proxmox VE 8.\n", "2025-10-21"),
    ("---\n\n**Logbuch – 21.10.2025**\n- Entscheidung: Proxmox VE 8.\n", "2025-10-21"),
    ("---\n\n🗓️ **Journal de bord – 24/10/2025**  \n- Mise à jour : ajout de la section sauvegarde.\n", None),
    ("---\n\n🗓️ **Journal de bord**  \n- Décision : adoption de **Proxmox VE 8**.\n", None),
])
def test_a_closing_logbook_entry_recording_the_decision_dates_the_record(tmp_path, closing, date):
    write(tmp_path / "docs/adr/001-proxmox.md", BODY.replace("## Décision", "## Décision finale") + closing)
    assert records(tmp_path)["001-proxmox.md"]["date"] == date


# dexteee-r/media-server-home 013-tinyauth-authentification.md: `📋 **Planifié** - À implémenter (prochaine session)`.
@pytest.mark.parametrize("raw", ["📋 **Planifié** - À implémenter (prochaine session)", "Geplant",
                                 "Planificado", "Pianificato", "Planejado"])
def test_planned_is_decided(raw):
    assert normalize_status(raw).value == "accepted"


def test_english_planned_stays_no_status_word():
    # cgbarlow/iris (truth11) docs/adrs/specs/SPEC-010-A-Search-Roadmap.md: a `### Status` subsection over a roadmap
    # item's `| **Status** | Planned |` must not outrank the spec's own `| **Status** | Active |` under its title.
    assert normalize_status("Planned").value == "unknown"


# DFE-Digital/single-unique-identifier 5426ff918506 Docs/Architecture decisions/Systems landscape/0006-*.md:
# `Rejected - 2025-12-08 - Superceded by decision to use NHS number in the clear`.
@pytest.mark.parametrize("raw, status", [
    ("Rejected - 2025-12-08 - Superceded by decision to use NHS number in the clear", "superseded"),
    ("Proposed 2024-01-02, accepted 2024-02-03", "accepted"),
    ("Proposed (2024-01-02), rejected", "rejected"),
    ("Accepted - 2025-12-08 - see ADR 4 for the rollout", "accepted"),
    ("Accepted 2024-01-01: implemented in v2", "accepted"),
    ("Accepted (2024-01-01)", "accepted"),
])
def test_the_later_of_two_dated_states_on_a_line_counts(raw, status):
    assert normalize_status(raw).value == status


def test_a_superseded_record_in_words_gets_no_link(tmp_path):
    write(tmp_path / "docs/adr/0006-custodian.md", "# 6. Custodian ids\n\nDate: 2025-11-01\n\n## Status\n\n"
                                                   "Rejected - 2025-12-08 - Superceded by decision to use NHS number\n")
    got = records(tmp_path)["0006-custodian.md"]
    assert (got["status"], got["links"]) == ("superseded", [])


# DFE-Digital/single-unique-identifier 5426ff918506 Docs/Architecture decisions/Systems landscape/0008-*.md (`Superseded by
# ADR-SUI-0013` under `## Status`), 0013-*.md (`This ADR supersedes **ADR-SUI-0008**, which ...`), 0006-*.md (`## Related
# Decisions` over `- **ADR-SUI-0007** — Cryptographic scheme ...`), 0007-*.md (`**ADR‑SUI-0006**`, a non-breaking hyphen).
@pytest.mark.parametrize("code", ["SUI-", "SUI\u2011", "", "PAY-"])
def test_a_project_code_between_adr_and_the_number_names_the_record_by_number(tmp_path, code):
    folder = tmp_path / "docs/adr"
    write(folder / "0006-custodian.md", f"# 6. Custodian\n\nDate: 2025-11-01\n\n## Status\n\nAccepted\n\n"
                                        f"## Related Decisions\n- **ADR-{code}0007** — Cryptographic scheme\n")
    write(folder / "0007-crypto.md", "# 7. Crypto\n\nDate: 2025-11-01\n\n## Status\n\nAccepted\n")
    write(folder / "0008-lifecycle.md", f"# 8. Lifecycle\n\nDate: 2025-11-01\n\n## Status\nSuperseded by ADR-{code}0013\n")
    write(folder / "0013-shared.md", f"# 13. Shared\n\nDate: 2025-12-01\n\n## Status\n\nAccepted\n\n## Context\n\n"
                                     f"This ADR supersedes **ADR-{code}0008**, which addressed similar concerns.\n")
    got = records(tmp_path)
    assert links(got["0006-custodian.md"]) == [("relates-to", "0007")]
    assert (got["0008-lifecycle.md"]["status"], links(got["0008-lifecycle.md"])) == ("superseded", [("superseded-by", "0013")])
    assert links(got["0013-shared.md"]) == [("supersedes", "0008")]


@pytest.mark.parametrize("text", ["ADR-for-0007 reasons", "ADR-sui-0007", "ADR-TOOLONGCODE-0007"])
def test_words_between_adr_and_a_number_are_no_project_code(tmp_path, text):
    folder = tmp_path / "docs/adr"
    write(folder / "0006-x.md", f"# 6. X\n\nDate: 2025-11-01\n\n## Status\n\nAccepted\n\n## Related Decisions\n- {text}\n")
    write(folder / "0007-y.md", "# 7. Y\n\nDate: 2025-11-01\n\n## Status\n\nAccepted\n")
    assert links(records(tmp_path)["0006-x.md"]) == []
