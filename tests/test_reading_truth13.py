"""Reading misses seen on the thirteenth set (bench/reading/truth13.jsonl, a development set since scored once at
766d470), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import links, nygard, records


# KU-BIG/2026_SPRING-Fincoach f1b8ae89c285 docs/decisions/0001-record-architecture-decisions.md: Korean bullets under
# the title, `- 날짜: 2026-05-15`, `- 상태: 채택됨 (Accepted)`, `- 결정자: ...`, then `## 컨텍스트`.
def test_korean_status_and_date_bullets_are_read(tmp_path):
    body = "\n\n- 날짜: 2026-05-15\n- 상태: {}\n- 결정자: 병승\n\n## 컨텍스트\n\n이유.\n\n## 결정\n\n결정.\n"
    write(tmp_path / "docs/decisions/0001-adr.md", "# ADR 0001: ADR 도입" + body.format("채택됨 (Accepted)"))
    write(tmp_path / "docs/decisions/0002-draft.md", "# ADR 0002: 모듈 경계" + body.format("제안됨"))
    got = records(tmp_path)
    assert [(got[n]["status"], got[n]["date"]) for n in ("0001-adr.md", "0002-draft.md")] == [
        ("accepted", "2026-05-15"), ("proposed", "2026-05-15")]  # (the Korean word itself, not only its gloss)


# JavyWorld/Aventide.gift docs/01-ADR/ADR-STR-001-criterio-retiro-sistemas.md: `## Estado` over `Pendiente`;
# other records of the folder: `Aprobado`.
def test_spanish_pendiente_is_proposed(tmp_path):
    for name, word in (("0001-retiro.md", "Pendiente"), ("0002-versionado.md", "Aprobado")):
        write(tmp_path / "docs/adr" / name, f"# ADR-STR-00{name[3]}: Criterio\n\n## Estado\n{word}\n\n## Contexto\n\nPor qué.\n")
    got = records(tmp_path)
    assert (got["0001-retiro.md"]["status"], got["0002-versionado.md"]["status"]) == ("proposed", "accepted")


# BenniKiel/OpenFrame 43e72d409c11 docs/decisions/0001-record-architecture-decisions.md: `*Status: accepted*  ` and
# `*Date: 2026-05-01*` in italics under the title (a Markdown line break after each), then MADR sections.
ITALIC = ("# Record architecture decisions with MADR\n\n*Status: accepted*  \n*Date: 2026-05-01*\n\n"
          "## Context and Problem Statement\n\nWhy.\n\n## Decision Outcome\n\nWhat.\n")


def test_italic_status_and_date_lines_are_metadata_lines_and_edits_keep_the_italics(tmp_path):
    path = tmp_path / "docs/decisions/0001-record-architecture-decisions.md"
    write(path, ITALIC)
    got = records(tmp_path)["0001-record-architecture-decisions.md"]
    assert (got["status"], got["date"]) == ("accepted", "2026-05-01")
    assert run_cli(["status", "1", "deprecated"], tmp_path).code == 0
    assert path.read_text().splitlines()[2].lower() == "*status: deprecated*"  # (one line changed, its closing mark kept)
    assert records(tmp_path)["0001-record-architecture-decisions.md"]["status"] == "deprecated"


# AlexandrBukhtatyy/log-viewer 2afb8cec3ed9 docs/adr/0011-server-side-aggregations-and-regex.md: no level-1 heading,
# `## 0011. Server-side aggregates ...` first, then `- Status: proposed`, `- Date: 2026-05-02`, then MADR's
# `## Context and Problem Statement`.
def test_bullets_under_a_numbered_level_2_title_are_its_metadata_and_edits_stay_there(tmp_path):
    path = tmp_path / "docs/adr/0011-aggregates.md"
    write(path, "## 0011. Server-side aggregates\n\n- Status: proposed\n- Date: 2026-05-02\n\n"
                "## Context and Problem Statement\n\nWhy.\n\n## Decision Outcome\n\nWhat.\n")
    got = records(tmp_path)["0011-aggregates.md"]
    assert (got["title"], got["status"], got["date"]) == ("Server-side aggregates", "proposed", "2026-05-02")
    assert run_cli(["status", "11", "accepted"], tmp_path).code == 0
    assert path.read_text().splitlines()[2].lower() == "- status: accepted"


# CQEN-QDCE/wiki-innovation cbfcfaf55502 Decisions/2023-01-30-Gestion_des_acces_Github_CQEN.md: front matter with
# capitalised French keys (`Titre: Décision (MADR)`, `Date: 2023-01-30`, `Statut: Accepté`) over a level-1 title.
def test_front_matter_keys_are_read_whatever_their_case(tmp_path):
    write(tmp_path / "docs/decisions/2023-01-30-acces.md",
          "---\nTitre: Décision (MADR)\nDate: 2023-01-30\nStatut: Accepté\n---\n# Gestion des accès\n\n## Contexte\n\nPourquoi.\n")
    got = records(tmp_path)["2023-01-30-acces.md"]
    assert (got["title"], got["status"], got["date"]) == ("Gestion des accès", "accepted", "2023-01-30")


# AmadouMamane/Limes b6c368c67a99 docs/decisions/0006-egress-redaction.md: `Accepted. Extends ADR 0004 (...) and ADR
# 0002 (...). Applies to ...` under `## Status`; mikevalstar/grimoire 4437db85c1a8 docs/adrs/0012-*.md (truth14):
# `Accepted. Extends [ADR 0011](0011-....md),` over the rest of the sentence.
def test_extends_in_the_status_types_every_record_of_its_sentence(tmp_path):
    folder = tmp_path / "docs/decisions"
    for n in (2, 4, 5, 11):
        write(folder / f"000{n}-x{n}.md" if n < 10 else folder / f"00{n}-x{n}.md", nygard(f"{n}. X{n}", "Accepted"))
    write(folder / "0006-egress.md", nygard("6. Egress", "Accepted. Extends ADR 0004 (core) and ADR 0002 (a\nverdict). "
                                                         "Applies beside ADR 0005."))
    write(folder / "0012-hardcover.md", nygard("12. Hardcover", "Accepted. Extends [ADR 0011](0011-x11.md),\nwhich made "
                                                                "books ours."))
    got = records(tmp_path)
    assert sorted(links(got["0006-egress.md"])) == [("amends", "0002"), ("amends", "0004")]  # (not 0005: next sentence)
    assert links(got["0012-hardcover.md"]) == [("amends", "0011")]


# Joey9801/coppice-rs ce3496752f87 docs/decisions/0015-durable-format-versioning.md (`- **Extends:** [ADR 0002](...),`
# then `  [ADR 0003](...)`) and 0002-*.md (`- **Amended by:** [ADR 0017](...)`, `  (...); extended by`, `  [ADR
# 0015](...), [ADR 0016](...), and [ADR 0018](...).`): a relation bullet goes on over its indented lines.
def test_a_relation_bullet_continues_on_its_indented_lines(tmp_path):
    folder = tmp_path / "docs/decisions"
    for n in (2, 3, 15, 16, 17, 18):
        write(folder / f"{n:04d}-x{n}.md", nygard(f"{n}. X{n}", "Accepted"))
    write(folder / "0015-x15.md", "# 15. Versioning\n\n- **Status:** Accepted\n- **Date:** 2026-07-07\n"
                                  "- **Extends:** [ADR 0002](0002-x2.md),\n  [ADR 0003](0003-x3.md)\n\n## Context\n\nWhy.\n")
    write(folder / "0002-x2.md", "# 2. Storage\n\n- **Status:** Accepted\n- **Amended by:** [ADR 0017](0017-x17.md)\n"
                                 "  (truncatable); extended by\n  [ADR 0015](0015-x15.md), [ADR 0016](0016-x16.md), and "
                                 "[ADR 0018](0018-x18.md).\n- **Date:** 2026-07-01\n\n## Context\n\nWhy.\n")
    got = records(tmp_path)
    assert sorted(links(got["0015-x15.md"])) == [("amends", "0002"), ("amends", "0003")]
    assert sorted(links(got["0002-x2.md"])) == [("amended-by", n) for n in ("0015", "0016", "0017", "0018")]
    assert got["0002-x2.md"]["date"] == "2026-07-01"  # (the next bullet is its own line)


# breakthrough-rc/wallchart dcf8705bacb8 doc/architecture/decisions/0004-csv-uploads.md: `## Status` over `Proprosed`.
def test_proprosed_is_proposed(tmp_path):
    write(tmp_path / "doc/adr/0004-csv-uploads.md", nygard("4. CSV uploads", "Proprosed"))
    assert records(tmp_path)["0004-csv-uploads.md"]["status"] == "proposed"


# Joey9801/coppice-rs ce3496752f87 docs/decisions/0013-job-attempt-allocation-state-machines.md: `- **Status:** Accepted;
# job machine amended by` over `  [ADR 0030](0030-...md); terminal-outcome table` and `  amended by [ADR 0033](...)`.
def test_a_status_bullet_s_relation_word_types_the_link_on_its_indented_next_line(tmp_path):
    folder = tmp_path / "docs/decisions"
    for n in (4, 30, 33):
        write(folder / f"{n:04d}-x{n}.md", nygard(f"{n}. X{n}", "Accepted"))
    write(folder / "0013-jobs.md", "# 13. Jobs\n\n- **Status:** Accepted; job machine amended by\n  [ADR 0030](0030-x30.md);"
                                   " terminal-outcome table\n  amended by [ADR 0033](0033-x33.md)\n- **Date:** 2026-07-07\n"
                                   "- **Supersedes:** [ADR 0004](0004-x4.md)\n\n## Context\n\nWhy.\n")
    got = records(tmp_path)["0013-jobs.md"]
    assert (got["status"], sorted(links(got))) == (
        "accepted", [("amended-by", "0030"), ("amended-by", "0033"), ("supersedes", "0004")])


# AetherizeGmbH/harbor-workload-identity-bridge docs/adr/0015-plugin-duplicates-wire-types.md, under `## See also`:
# `- [ADR-0002](0002-...md) — the` over `  package-isolation discipline this ADR extends to the plugin.`; AlexandrBukhtatyy/
# log-viewer 2afb8cec3ed9 docs/adr/0011-*.md, under `## Links`: `- [ADR-0005](...) — индексер OPFS+FTS5,` over
# `  расширяется этим ADR.` ("is extended by this ADR"). Other entries there stay untyped.
def test_a_see_also_or_links_entry_whose_wrapped_description_states_the_relation_types_it(tmp_path):
    folder = tmp_path / "docs/adr"
    for n in (2, 5, 7, 13):
        write(folder / f"{n:04d}-x{n}.md", nygard(f"{n}. X{n}", "Accepted"))
    write(folder / "0015-plugin.md", nygard("15. Plugin", "Accepted", "\n## See also\n\n- [ADR-0002](0002-x2.md) — the\n"
                                            "  package-isolation discipline this ADR extends to the plugin.\n"
                                            "- [ADR-0013](0013-x13.md) — pins the\n  bridge response.\n"))
    write(folder / "0011-aggregates.md", nygard("11. Aggregates", "Proposed", "\n## Links\n\n- [ADR-0005](0005-x5.md) — "
                                                "индексер OPFS+FTS5,\n  расширяется этим ADR.\n- [ADR-0007](0007-x7.md) — "
                                                "ViewStore-контракт, к\n  которому добавлены actions.\n"))
    got = records(tmp_path)
    assert links(got["0015-plugin.md"]) == [("amends", "0002")]
    assert links(got["0011-aggregates.md"]) == [("amends", "0005")]


# CQEN-QDCE/wiki-innovation cbfcfaf55502 Decisions/gabarit.md: the French word for template names the folder's template
# (MADR front matter with `{Titre de la décision}` placeholders) beside its dated records.
def test_a_gabarit_is_a_template_not_a_record(tmp_path):
    write(tmp_path / "docs/decisions/gabarit.md", "---\nstatus: {proposé | accepté}\n---\n# {Titre de la décision}\n\n"
                                                  "## Contexte et problème\n\n{Décrivez le contexte.}\n")
    write(tmp_path / "docs/decisions/2021-09-15-infra.md", "---\nstatus: accepté\n---\n# Infra\n\n## Contexte\n\nPourquoi.\n")
    assert sorted(records(tmp_path)) == ["2021-09-15-infra.md"]


# AetherizeGmbH/harbor-workload-identity-bridge docs/adr/0002-bridge-control-plane-data-plane-split.md: `## Status` over
# `Accepted`; in the Decision's list, "(*Note 2026-05-12: originally specified as ...; superseded by [ADR-0013](...). The
# split decision below is unaffected.*)". The Status section's own superseded-by line still supersedes.
def test_a_later_section_s_superseded_by_remark_does_not_unsay_the_status_section(tmp_path):
    folder = tmp_path / "docs/adr"
    write(folder / "0013-x13.md", nygard("13. X13", "Accepted"))
    note = ("\n- `dataplane` — returns credentials. (*Note 2026-05-12: originally specified as \"mints tokens\"; superseded"
            " by [ADR-0013](0013-x13.md). The split decision below is unaffected.*)\n")
    write(folder / "0002-split.md", nygard("2. Split", "Accepted", note))
    write(folder / "0003-old.md", nygard("3. Old", "Accepted\n\nSuperseded by [13. X13](0013-x13.md)", note))
    got = records(tmp_path)
    assert (got["0002-split.md"]["status"], links(got["0002-split.md"])) == ("accepted", [])
    assert (got["0003-old.md"]["status"], links(got["0003-old.md"])) == ("superseded", [("superseded-by", "0013")])


# Joey9801/coppice-rs ce3496752f87 docs/decisions/0003-protobuf-serialization-and-cluster-version-gates.md, in its
# Decision: "The public HTTP API is JSON at the edge. *(Amended 2026-07-14 by ADR 0031: that JSON is handwritten ...)*".
def test_a_passive_relation_naming_the_changer_by_number_types_the_link_whatever_its_date_or_language(tmp_path):
    """The participle, a date it may carry, the agent word, then the changing record by number or by link.

    Variants a careful reader reads the same way: no date (`Amended by ADR-0031`), `on DATE`, lower case inside a
    sentence, bold (`**amended by ADR-0031**`) in a table cell or a list item, the number linked
    (`Amended 2026-07-14 by [ADR 0031](...)`), German (`Geändert am DATE durch ADR 0031`), French (`Modifié par
    l'ADR 0031`), Spanish (`Modificado por el ADR 0031`); in the Status section `Superseded 2026-07-14 by ADR 0031`
    is the status too.  Not read: a sentence whose subject is another record (`ADR 0005 was superseded by ADR 0031`,
    `[ADR-0004](...) — Original decision (superseded by ADR-0031)`, top-cat-software/skelly-sass docs/adr/0001-*.md)
    a status quoted as code (`` `superseded by ADR-0031` ``, AlexandrBukhtatyy/log-viewer docs/adr/0010-*.md), and a
    thing as the subject (`the tag model is superseded by ADR-0055`, ADORSYS-GIS/ai-helm docs/adr/0132-*.md).
    """
    folder = tmp_path / "docs/decisions"
    amended = {
        "0003-dated.md": "The API is JSON. *(Amended 2026-07-14 by ADR 0031: handwritten DTOs.)*",
        "0004-plain.md": "Amended by ADR-0031.",
        "0005-on-date.md": "This part was amended on 2026-07-14 by ADR 0031.",
        "0006-table.md": "| Part | Change |\n|---|---|\n| API | **amended by ADR-0031** |",
        "0007-list.md": "- The wire format: amended by ADR 31.",
        "0008-linked.md": "The API is JSON. *(Amended 2026-07-14 by [ADR 0031](0031-http-api.md).)*",
        "0009-german.md": "Die API ist JSON (geändert am 2026-07-14 durch ADR 0031).",
        "0010-french.md": "L'API est en JSON (modifié par l'ADR 0031).",
        "0011-spanish.md": "La API es JSON (modificado por el ADR 0031).",
    }
    write(folder / "0012-status.md", nygard("12. status", "Accepted. Superseded 2026-07-14 by ADR 0031."))
    unrelated = {
        "0013-other-subject.md": "ADR 0005 was superseded by ADR 0031.",
        "0014-other-link.md": "- [ADR-0004](0004-plain.md) — Original decision (superseded by ADR-0031)",
        "0015-quoted.md": "Its status was set to `superseded by ADR-0031`.",
        "0016-a-thing.md": "Slotting into the old pipeline was rejected: the\n  tag model is amended by ADR-0031 and ...",
    }
    for name, text in {**amended, **unrelated}.items():
        write(folder / name, nygard(f"{int(name[:4])}. {name[5:-3]}", "Accepted", f"\n{text}\n"))
    write(folder / "0031-http-api.md", nygard("31. HTTP API", "Accepted"))
    got = records(tmp_path)
    assert {name: links(got[name]) for name in amended} == {name: [("amended-by", "0031")] for name in amended}
    assert (got["0012-status.md"]["status"], links(got["0012-status.md"])) == ("superseded", [("superseded-by", "0031")])
    assert [("amended-by", "0031") in links(got[n]) or ("superseded-by", "0031") in links(got[n]) for n in unrelated] == \
        [False, False, False, False]
