"""Reading misses seen on the third set (bench/reading/truth3.jsonl, a development set since scored once), each
fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli, write


def listed(root) -> dict[str, dict]:
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return {d["id"]: d for d in json.loads(result.out)}


def record(status_section: str, title: str = "# 1. X", heading: str = "## Status") -> str:
    return f"{title}\n\nDate: 2023-11-22\n\n{heading}\n\n{status_section}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n"


@pytest.mark.parametrize("written, status", [
    # MTES-MCT/monitorfish c3da8a4b024d adrs/0001-frontend-runtime-env-var-injection.md: `## Statut` then `Résolu`.
    ("Résolu", "accepted"),
    # ionic-team/stencil 160c6ff4fc1a docs/adr/0003-supported-node-versions.md: `historical`.
    ("historical", "accepted"),
    # SimonDingemans/Escape-Room-AGV 9d34ad4f8799 producten/software-guidebook/11-decision-log/adr-004-...md.
    ("Deels afgekeurd", "rejected"),
    # uktrade/trade-remedies-api 9c30764da186 docs/adr/adr-001-use-adrs.md: the alt text says nothing.
    ("[![Generic badge](https://badgen.net/badge/ADR/approved/green/)](https://example.org/adr/README.md)", "accepted"),
    ("![Status](https://img.shields.io/badge/status-superseded-lightgrey)", "superseded"),
    ("![Accepted](https://img.shields.io/badge/adr-accepted-green)", "accepted"),  # (read by its alt text already)
    # route06/actions 5c9a07f11333 docs/adr/001-adrの導入.md: a checklist, one box checked.
    ("- [ ] 提案中\n- [x] 承認\n- [ ] 否認\n- [ ] 廃止\n- [ ] 保留", "accepted"),
    ("- [ ] 提案中\n- [ ] 承認\n- [x] 否認", "rejected"),
    ("- [x] Proposed\n- [ ] Accepted", "proposed"),
    # ionic-team/stencil 160c6ff4fc1a docs/adr/0010-deno-vendoring.md: a status with a pointer is no link line.
    ("deprecated - see [0002-y.md](./0002-y.md)", "deprecated"),
    # openedx/license-manager d1fc5d9d3a72 docs/decisions/0004-renewal-processing.rst (here in Markdown): a
    # bulleted log with months, its last status entry counts; `Updated` is no status.
    ("* Proposed May 2021\n* Accepted June 2021\n* Updated to match reality August 2021", "accepted"),
    ("* Proposed\n* Accepted", "proposed"),  # no dates: not a log, the first status counts as before
])
def test_status_words_and_forms(tmp_path, written, status):
    write(tmp_path / "doc/adr/0001-x.md", record(written))
    write(tmp_path / "doc/adr/0002-y.md", record("Accepted", "# 2. Y"))
    item = listed(tmp_path)["0001"]
    assert item["status"] == status
    assert item["links"] == []


def test_a_japanese_status_heading(tmp_path):
    # route06/actions 5c9a07f11333 docs/adr/002-セマンティックバージョニングの採用.md: `## ステータス`.
    write(tmp_path / "docs/adr/002-採用.md", "# 2. 採用\n\n## ステータス\n\n- [ ] 提案中\n- [x] 承認\n\n## 背景\n\nx\n")
    assert listed(tmp_path)["0002"]["status"] == "accepted"


def test_a_heading_written_with_a_no_break_space(tmp_path):
    # guardian/dotcom-rendering f72cb8fc59ac dotcom-rendering/docs/architecture/028-react-context-api.md:
    # `##\u00a0Status` below the Decision section.
    write(tmp_path / "docs/decisions/028-react-context-api.md",
          "# React Context API\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n##\u00a0Status\n\nApproved\n")
    item = listed(tmp_path)["0028"]
    assert (item["status"], item["title"]) == ("accepted", "React Context API")


def test_dates_introduced_and_written_with_the_status(tmp_path):
    # GSA-TTS/FAC fe766b09799c docs/architecture/decisions/0005-record-product-decisions.md: `Introduced: 2022-03-30`.
    write(tmp_path / "doc/adr/0005-record.md",
          "# 5. Record product decisions\n\nIntroduced: 2022-03-30\n\n## Status\nAccepted\n\n## Context\nx\n")
    # openedx/course-discovery e519c2834f2d docs/decisions/0013-ranking-in-algolia-by-start-date.rst (here in
    # Markdown): no date line, `Accepted (07/13/2022)`: 13 cannot be a month, so month first.
    write(tmp_path / "doc/adr/0013-ranking.md", "# 13. Ranking\n\n## Status\n\nAccepted (07/13/2022)\n\n## Context\n\nx\n")
    write(tmp_path / "doc/adr/0014-other.md", "# 14. Other\n\n## Status\n\nAccepted (05/02/2022)\n\n## Context\n\nx\n")
    write(tmp_path / "doc/adr/0015-rst.rst", "Ranking\n=======\n\nStatus\n------\n\nAccepted (07/13/2022)\n\n"
          "Context\n-------\n\nx\n")
    data = listed(tmp_path)
    assert [data[i]["date"] for i in ("0005", "0013", "0014", "0015")] == ["2022-03-30", "2022-07-13", "2022-02-05",
                                                                          "2022-07-13"]
    assert data["0005"]["status"] == "accepted"


def test_link_forms(tmp_path):
    folder = tmp_path / "doc/adr"
    write(folder / "0001-old.md", record("Accepted", "# 1. Old"))
    # allancascante/cenfosoft-civisguard c246e5bd1d6e docs/adrs/0003-persistencia-poliglota-distribuida.md: a link
    # field filled with a dash.
    write(folder / "0003-dash.md", "# ADR-003: Dash\n\n**Date:** 2026-07-19\n**Status:** 2026-07-19 proposed\n"
          "**Supersedes:** —\n**Relates to:** ADR-001 (Old)\n\n## Contexto\n\nx\n")
    write(folder / "0004-none.md", "# 4. None\n\n* Status: accepted\n* Supersedes: none\n\n## Context\n\nx\n")
    # elastisys/compliantkubernetes 04884fa09dae docs/adr/0046-handle-crds.md, in its Decision Outcome.
    write(folder / "0046-crds.md", record("Accepted", "# 46. CRDs").replace(
        "What.", 'Chosen option: "Option 2". We decided to supersede [ADR-0001](0001-old.md) and instead ...'))
    # ionic-team/stencil 160c6ff4fc1a docs/adr/0010-deno-vendoring.md: a Links entry.
    write(folder / "0010-deno.md", record("deprecated - see [0001-old.md](./0001-old.md)", "# 10. Deno")
          + "\n## Links\n\n- Document that supersedes this one: [0001-old.md](./0001-old.md)\n")
    data = listed(tmp_path)
    links = {i: [(l["relation"], l["id"]) for l in data[i]["links"]] for i in ("0003", "0004", "0046", "0010")}
    assert links == {"0003": [("relates-to", "0001")], "0004": [], "0046": [("supersedes", "0001")],
                     "0010": [("superseded-by", "0001")]}
    assert data["0010"]["status"] == "deprecated"


def test_an_rst_status_subsection_names_the_record_that_replaced_it(tmp_path):
    # openedx/license-manager d1fc5d9d3a72 docs/decisions/0003-subscription-renewals.rst: the status is the title
    # of a subsection, whose paragraph says what superseded it.
    write(tmp_path / "docs/decisions/0003-renewals.rst",
          "3. Renewals\n===========\n\nStatus\n======\n\nMostly Rejected May 2021\n------------------------\n"
          "We implemented the model. The rest has now been rejected and superceded by ADR 0004.\n\n"
          "(Originally Accepted circa November 2020)\n\nContext\n=======\n\nx\n")
    write(tmp_path / "docs/decisions/0004-processing.rst",
          "4. Processing\n=============\n\nStatus\n======\n\n* Proposed May 2021\n* Accepted June 2021\n\n"
          "Context\n=======\n\nx\n")
    data = listed(tmp_path)
    assert (data["0003"]["status"], data["0003"]["superseded_by"]) == ("rejected", ["0004"])
    assert data["0004"]["status"] == "accepted"


def test_a_record_written_as_a_chapter_is_titled_by_its_first_heading(tmp_path):
    # SimonDingemans/Escape-Room-AGV 9d34ad4f8799 producten/software-guidebook/11-decision-log/adr-007-meerdere-paginas.md:
    # no level-1 heading; `### ADR-007 meerdere pagina's` over `####` sections (the file name drops the apostrophe).
    folder = tmp_path / "doc/adr"
    write(folder / "adr-007-meerdere-paginas.md", "### ADR-007 meerdere pagina's\n\nDatum: 2025-05-13\n\n#### Status\n\n"
          "Geaccepteerd\n\n#### Context\n\nx\n")
    # scieloorg/kernel docs/adr/0007: the first heading is a section among equals: the file name titles it.
    write(folder / "0008-container-de-relacionamento.md", "## Status\n\nAceito\n\n## Contexto\n\nx\n")
    data = listed(tmp_path)
    assert (data["0007"]["title"], data["0007"]["status"], data["0007"]["date"]) == ("meerdere pagina's", "accepted",
                                                                                     "2025-05-13")
    assert data["0008"]["title"] == "container de relacionamento"
    # Writing agrees: a tag goes under the title, where the reader looks for it, and reads back.
    assert run_cli(["tag", "0007", "--choice", "arbitrary", "--door", "two-way"], tmp_path).code == 0
    text = (folder / "adr-007-meerdere-paginas.md").read_text()
    assert text.startswith("### ADR-007 meerdere pagina's\n\n")
    item = listed(tmp_path)["0007"]
    assert (item["choice"], item["door"], item["title"], item["status"]) == ("arbitrary", "two-way", "meerdere pagina's",
                                                                             "accepted")
