"""Reading misses seen on the second development set (bench/reading/truth2.jsonl), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli, write

NYGARD = "# {n}. {title}\n\nDate: {date}\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n"


def listed(root) -> dict[str, dict]:
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return {d["id"]: d for d in json.loads(result.out)}


def test_front_matter_that_is_not_a_mapping_is_one_problem_and_the_record_is_still_read(tmp_path):
    # Ensembl/decisions ad5efe81a15d doc/adr/0005-unit-tests.md: `tag:Web Client` (no space after the colon)
    # makes YAML read the block as one string.
    write(tmp_path / "doc/adr/0005-unit-tests.md",
          "---\ntag:Web Client\n---\n\n" + NYGARD.format(n=5, title="Unit Tests", date="2018-08-30", status="Accepted"))
    item = listed(tmp_path)["0005"]
    assert (item["kind"], item["title"], item["status"], item["date"]) == ("record", "Unit Tests", "accepted", "2018-08-30")
    assert item["problems"] == ["doc/adr/0005-unit-tests.md:2: front matter is not a mapping of keys: 'tag:Web Client'"
                                " (a key needs a space after its colon); the rest of the file was read"]
    lint = run_cli(["lint"], tmp_path)
    assert lint.out.count("front matter is not a mapping") == 1 and "Traceback" not in lint.err


def test_salvaged_front_matter_keeps_its_readable_keys(tmp_path):
    write(tmp_path / "doc/adr/0001-x.md", "---\nstatus: proposed\ntag:Web Client\ndate: 2020-01-02\n---\n\n# X\n")
    item = listed(tmp_path)["0001"]
    assert (item["status"], item["date"], item["title"]) == ("proposed", "2020-01-02", "X")
    assert [p.split(": ", 1)[0] for p in item["problems"]] == ["doc/adr/0001-x.md:3"]


def test_superseded_by_link_in_the_status_section_with_no_status_word(tmp_path):
    # Ensembl/decisions ad5efe81a15d doc/adr/0005-unit-tests.md: the Status section holds the link and a sentence.
    write(tmp_path / "doc/adr/0005-unit-tests.md", NYGARD.format(
        n=5, title="Unit Tests", date="2018-08-30",
        status="Superseded by [0021-rtl](0021-rtl.md).\n\nSee [0021-rtl](0021-rtl.md) for the updated discussion."))
    write(tmp_path / "doc/adr/0021-rtl.md", NYGARD.format(n=21, title="RTL", date="2020-11-28", status="Accepted"))
    item = listed(tmp_path)["0005"]
    assert item["status"] == "superseded" and item["superseded_by"] == ["0021"]


def test_fourteen_digit_timestamp_names_number_records(tmp_path):
    # MTES-MCT/zero-logement-vacant e2cca5479e87 docs/decisions/20240516132303-use-markdown-any-decision-records.md:
    # a MADR record with no status, named by a timestamp to the second.
    write(tmp_path / "docs/decisions/20240516132303-use-markdown-any-decision-records.md",
          "# Use Markdown Any Decision Records\n\n## Context and Problem Statement\n\nWhich format?\n")
    write(tmp_path / "docs/decisions/20240603162604-msw.md",
          "---\nstatut: proposé\ndate: 2024-06-03\ndécideurs: Ana, Loïc\n---\n\n# Mocker l’API\n")
    data = listed(tmp_path)
    assert sorted(data) == ["20240516132303", "20240603162604"]
    first, second = data["20240516132303"], data["20240603162604"]
    assert (first["kind"], first["number"], first["status"]) == ("record", 20240516132303, "unknown")
    # a translated front-matter key is the field it names
    assert (second["status"], second["date"], second["decision_makers"]) == ("proposed", "2024-06-03", ["Ana", "Loïc"])


def test_a_numbered_file_with_no_status_is_a_record_of_unknown_status(tmp_path):
    # aquarist-labs/s3gw 80f5ba2c25c4 docs/decisions/0010-sfs-versioning.md: a design, numbered, no status.
    write(tmp_path / "doc/adr/0010-sfs-versioning.md",
          "# SFS Versioning\n\nHow versions are stored.\n\n## Database\n\nTables.\n\n## Timestamps\n\nMtimes.\n")
    item = listed(tmp_path)["0010"]
    assert (item["kind"], item["title"], item["status"]) == ("record", "SFS Versioning", "unknown")


def test_front_matter_below_a_licence_comment_is_read_and_edited_in_place(tmp_path):
    # ethersync/ethersync f945a91bf3b3 docs/decisions/07-cursor-positions.md: an SPDX header, then front matter.
    header = "<!--\nSPDX-FileCopyrightText: 2024 Ana <ana@example.org>\n\nSPDX-License-Identifier: CC-BY-SA-4.0\n-->\n\n"
    write(tmp_path / "docs/decisions/07-cursor-positions.md",
          header + "---\nstatus: superseded by ADR 10\ndate: 2024-06-27\n---\n# How do we transmit cursor positions?\n")
    write(tmp_path / "docs/decisions/10-ephemeral.md", header + "---\nstatus: proposed\ndate: 2025-06-25\n---\n# Ephemeral\n")
    data = listed(tmp_path)
    assert (data["0007"]["status"], data["0007"]["date"], data["0007"]["superseded_by"]) == ("superseded", "2024-06-27", ["0010"])
    assert (data["0010"]["status"], data["0010"]["title"]) == ("proposed", "Ephemeral")
    assert run_cli(["tag", "10", "--choice", "arbitrary", "--door", "two-way"], tmp_path).code == 0
    text = (tmp_path / "docs/decisions/10-ephemeral.md").read_text()
    assert text == header + "---\nstatus: proposed\ndate: 2025-06-25\nchoice: arbitrary\ndoor: two-way\n---\n# Ephemeral\n"


def test_a_list_of_choices_links_nothing(tmp_path):
    # hyperledger/identus-cloud-agent 8b8d521b14ff docs/decisions: MADR 2's unfilled status list.
    write(tmp_path / "docs/decisions/20230206-use-scala3.md",
          "# Use Scala3\n\n- Status: [ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->\n"
          "- Date: [YYYY-MM-DD when the decision was last updated]\n\n## Context and Problem Statement\n\nx\n")
    # kun-g/reading d8556922ef70 doc/adr/0001-使用adr.md: the choices listed above a dated log.
    write(tmp_path / "docs/decisions/0001-adr.md", "# 1. 使用adr\n\nDate: 2017-12-12\n\n## Status\n\n"
          "STATUS：proposed/accepted/done/deprecated/superseded\n\n2017-12-12 accepted\n\n## Context\n\nx\n")
    data = listed(tmp_path)
    assert (data["20230206-use-scala3"]["status"], data["20230206-use-scala3"]["links"]) == ("unknown", [])
    assert (data["0001"]["status"], data["0001"]["links"]) == ("accepted", [])


def test_depreciated_is_deprecated(tmp_path):
    # Ensembl/decisions ad5efe81a15d doc/adr/0014-breakpoints.md: "Depreciated."
    write(tmp_path / "doc/adr/0014-breakpoints.md", NYGARD.format(n=14, title="Breakpoints", date="2018-09-01", status="Depreciated."))
    assert listed(tmp_path)["0014"]["status"] == "deprecated"


def test_dates_written_without_a_date_line(tmp_path):
    # DFE-Digital/get-an-identity 2033bc3c584c docs/architecture/decisions/0004: a bare date under the title.
    write(tmp_path / "doc/adr/0004-oidc.md", "# Create an oidc server\n\n27 July 2022\n\n## Status\n\nAccepted\n")
    # Green-Software-Foundation/carbon-aware-sdk casdk-docs/docs/architecture/decisions/0006: a `## Date` section.
    write(tmp_path / "doc/adr/0006-registration.md", "# 6. Data Source Registration\n\n## Status\n\nAccepted\n\n"
          "## Date\n\n2022-11-1\n\n## Context\n\nx\n")
    # theupdateframework/python-tuf docs/adr/0002: a `* Date:` bullet and no status bullet.
    write(tmp_path / "doc/adr/0002-deprecation.md", "# Deprecation strategy\n\n* Date: 2020-11-05\n\nTechnical Story: x\n\n"
          "## Context and Problem Statement\n\nx\n")
    # hyperledger/identus-cloud-agent 8b8d521b14ff docs/decisions/20230926-...: `- Date 2023-09-26`, no colon.
    write(tmp_path / "doc/adr/20230926-use-keycloak.md", "# Use keycloak\n\n- Status: accepted\n- Date 2023-09-26\n"
          "- Tags: authorisation\n\n## Context and Problem Statement\n\nx\n")
    # a sentence with a date in it is not a date line
    write(tmp_path / "doc/adr/0007-prose.md", "# 7. Prose\n\nWe met on 2022-01-02 to decide.\n\n## Status\n\nAccepted\n")
    data = listed(tmp_path)
    assert [data[i]["date"] for i in ("0004", "0006", "0002", "20230926-use-keycloak", "0007")] == [
        "2022-07-27", "2022-11-01", "2020-11-05", "2023-09-26", None]


def test_a_numbered_markdown_record_without_its_extension_is_read(tmp_path):
    # SmartBear/git-en-boite 3e9dcdb1e537 doc/adr/0016-handle-concurrent-git-operations (no `.md`).
    write(tmp_path / "doc/adr/0016-handle-concurrent-git-operations",
          NYGARD.format(n=16, title="Handle concurrent git operations", date="2021-05-04", status="Accepted"))
    write(tmp_path / "doc/adr/LICENSE", "MIT\n")  # not numbered: not read
    (tmp_path / "doc/adr/0017-diagram").write_bytes(b"\x89PNG\x00\x00")  # numbered but binary: one clear line
    result = run_cli(["list", "--json"], tmp_path)
    data = {d["id"]: d for d in json.loads(result.out)}
    assert (data["0016"]["title"], data["0016"]["status"], data["0016"]["date"]) == (
        "Handle concurrent git operations", "accepted", "2021-05-04")
    assert sorted(data) == ["0016"]
    assert "doc/adr/0017-diagram: binary file with no extension; skipped" in run_cli(["lint"], tmp_path).out


def test_status_words_and_phrases(tmp_path):
    # OliverSchlueter/mauerstrassenloewen docs/src/adr/deutsch/adr-001-de.md: "**Status:** In Arbeit" (the word
    # "in" alone once read as accepted); SocialGouv/pass-emploi-api docs/decisions/ADR-001: "* Statut : mergé".
    write(tmp_path / "doc/adr/0001-x.md", "# 1. X\n\n**Datum:** 05.04.2025  \n**Status:** In Arbeit  \n\n## Kontext\n\nx\n")
    write(tmp_path / "doc/adr/0002-y.md", "# [Harmonisation Domaine]\n\n* Statut : mergé\n* Date : 2022-06-15\n\n"
          "## Contexte et définition du problème\n\nx\n")
    data = listed(tmp_path)
    assert (data["0001"]["status"], data["0001"]["date"]) == ("proposed", "2025-04-05")
    assert (data["0002"]["status"], data["0002"]["title"]) == ("accepted", "Harmonisation Domaine")


@pytest.mark.parametrize("heading, stem, title", [
    ("# Use [sqlx](https://github.com/jmoiron/sqlx) for Go Database Access", "0017-go-orm", "Use sqlx for Go Database Access"),
    # CMS-Enterprise/easi-app docs/adr/0023_508_systems_list_as_view_of_system_intakes.md: the name repeats 508
    ("# 508 Systems List as View", "0023_508_systems_list_as_view", "508 Systems List as View"),
    ("# 23. Systems List", "0023_systems_list", "Systems List"),
    ("# [titre du problème résolu et de sa solution]", "ADR-002-keycloak", "titre du problème résolu et de sa solution"),
    ("# [Superseded by [ADR-0019](0019-x.md)] Push Metrics via InfluxDB", "0012-push", "Push Metrics via InfluxDB"),
    ("# [Kafka] Use brackets", "0013-kafka", "[Kafka] Use brackets"),  # not a status: kept as written
])
def test_titles_as_they_read(tmp_path, heading, stem, title):
    write(tmp_path / f"doc/adr/{stem}.md", f"{heading}\n\n## Status\n\nAccepted\n")
    assert [d["title"] for d in listed(tmp_path).values()] == [title]


def test_a_record_that_states_its_own_status_in_one_sentence(tmp_path):
    # aquarist-labs/s3gw 80f5ba2c25c4 docs/decisions 0007 and 0004; CMS-Enterprise/easi-app docs/adr/0040.
    write(tmp_path / "doc/adr/0007-release.md", "# Release Process\n\n## Note Before\n\nThis document is superseded "
          "by three different ADRs.\n\n## Context and Problem Statement\n\nx\n")
    write(tmp_path / "doc/adr/0004-captain.md", "# Context and Problem Statement\n\nx\n\n## Decision Outcome\n\n"
          "The proposed steps are approved and this document can be used as reference.\n")
    write(tmp_path / "doc/adr/0040-caching.md", "# CEDAR caching\n\n**Superseded:** The proxy was decommissioned.\n\n"
          "## Context\n\nx\n")
    write(tmp_path / "doc/adr/0041-adopted.md", "# Pick\n\n## Decision\n\nPostgres is adopted.\n")  # the decision, no status
    # opendatahub-io/odh-dashboard b9d09633b0ee packages/gen-ai/docs/adr/0008-caching-strategy.md: why an option lost.
    write(tmp_path / "doc/adr/0042-cache.md", "# Cache\n\n## Considered Options\n\n### Redis\n\n**Rejected** because:\n"
          "- one more service\n")
    data = listed(tmp_path)
    assert [data[i]["status"] for i in ("0007", "0004", "0040", "0041", "0042")] == [
        "superseded", "accepted", "superseded", "unknown", "unknown"]


def test_link_forms(tmp_path):
    folder = tmp_path / "docs/decisions"
    write(folder / "0005-unit-tests.md", NYGARD.format(n=5, title="Unit Tests", date="2018-08-30", status="Accepted"))
    # Ensembl/decisions ad5efe81a15d doc/adr/0021: a `## Related ADR(s)` section lists a record.
    write(folder / "0021-rtl.md", "# 21. RTL\n\nDate: 2020-11-28\n\n## Status\n\nAccepted.\n\n## Related ADR(s)\n"
          "- [0005-unit-tests](0005-unit-tests.md)\n\n## Context\n\nIn [0005-unit-tests](0005-unit-tests.md), we chose.\n")
    # cloudoperators/documentation 0e75f22e4122 architecture-decision-records/001: a bold name under the heading
    # (and pictures in the body, as there).
    write(folder / "0001-concept.md", "# 1. Concept\n\n## Status\n\nAccepted\n\n![](./assets/roles.png)\n\n"
          "## Related Decision Records <!-- optional -->\n\n**005 Unit tests for everything**\n")
    # aquarist-labs/s3gw 80f5ba2c25c4 docs/decisions/0015: a reference-style link, root-relative.
    write(folder / "0015-methodology.md", "# Release Methodology\n\n## Status\n\nAccepted\n\n## Context\n\n"
          "This document supersedes the [Unit Tests ADR][tests_adr].\n\n[tests_adr]: /docs/decisions/0005-unit-tests.md\n")
    # digitalservicebund/ris-backend-service doc/adr/0014: `Extended by`; `Depends on` (openedx/enterprise-access
    # 0011) and a page on the web (hyperledger/identus-cloud-agent 20220919) are no relation between records.
    write(folder / "0014-errors.md", "# 14. Errors\n\n## Status\n\nAccepted\n\nExtended by [ADR 0021](./0021-rtl.md)\n\n"
          "Depends on [ADR 5](0005-unit-tests.md)\n\n- Relates to [RFC-0016](https://wiki.example.org/RFC+0016)\n")
    data = listed(tmp_path)
    links = {i: [(l["relation"], l["id"]) for l in data[i]["links"]] for i in ("0021", "0001", "0015", "0014")}
    assert links == {"0021": [("relates-to", "0005")], "0001": [("relates-to", "0005")],
                     "0015": [("supersedes", "0005")], "0014": [("amended-by", "0021")]}


def test_the_file_name_date_settles_an_ambiguous_numeric_date(tmp_path):
    # aws/aws-parallelcluster-ui decisions/20220713-use-github-actions-for-pipelines.md: `- Date: 7/12/2022`.
    body = "# Use GitHub Actions\n\n- Status: accepted\n- Date: {}\n\n## Context and Problem Statement\n\nx\n"
    write(tmp_path / "decisions/20220713-use-github-actions.md", body.format("7/12/2022"))
    write(tmp_path / "decisions/20220301-other.md", body.format("12 July 2022"))  # in words: as written
    write(tmp_path / "decisions/20220302-third.md", body.format("05/02/2022"))  # nearer day first: as read
    data = listed(tmp_path)
    assert [data[i]["date"] for i in ("20220713-use-github-actions", "20220301-other", "20220302-third")] == [
        "2022-07-12", "2022-07-12", "2022-02-05"]


def test_a_template_named_with_a_suffix_is_no_record(tmp_path):
    # OffchainLabs/nitro docs/decisions/adr-template-bare.md
    write(tmp_path / "docs/decisions/adr-template-bare.md", "# {short title}\n\n## Status\n\n{proposed | accepted}\n")
    write(tmp_path / "docs/decisions/0001-x.md", NYGARD.format(n=1, title="X", date="2020-01-01", status="Accepted"))
    assert sorted(listed(tmp_path)) == ["0001"]


def test_an_rst_status_paragraph_without_an_underline(tmp_path):
    # openedx/credentials docs/decisions/0007-learner-status-endpoint.rst: "Status" then "**Draft**", no underline.
    write(tmp_path / "docs/decisions/0007-learner-status.rst",
          "######################################\n7. Learner status endpoint\n######################################\n\n"
          "Status\n**Draft**\n\nContext\n*******\n\nThe status of a learner is needed.\n")
    item = listed(tmp_path)["0007"]
    assert (item["title"], item["status"]) == ("Learner status endpoint", "proposed")


def test_a_relation_sentence_over_several_lines(tmp_path):
    folder = tmp_path / "docs/decisions"
    for n in (7, 15, 16):
        write(folder / f"{n:04d}-r{n}.md", NYGARD.format(n=n, title=f"R{n}", date="2022-01-01", status="Accepted"))
    # aquarist-labs/s3gw 80f5ba2c25c4 docs/decisions/0007-release-process.md: the sentence runs over three lines,
    # its links by reference, a code fence further down.
    write(folder / "0007-r7.md", "# Release Process\n\n## Note Before\n\nThis document is superseded by two ADRs, "
          "covering the same topics\nand expanding them: [Methodology][m],\n[Steps][s].\n\n[m]: /docs/decisions/0015-r15.md\n"
          "[s]: /docs/decisions/0016-r16.md\n\n## Context\n\n```sh\nmake release\n```\n\nSee [Steps](0016-r16.md).\n")
    data = listed(tmp_path)
    assert sorted((l["relation"], l["id"]) for l in data["0007"]["links"]) == [("superseded-by", "0015"), ("superseded-by", "0016")]
    assert data["0007"]["status"] == "superseded"


def test_shapes_seen_in_unlabelled_folders(tmp_path):
    folder = tmp_path / "docs/decisions"
    # microsoft/semantic-kernel b39d95a34435 docs/decisions/0021-aiservice-metadata.md: MADR's braces, filled in (YAML reads a mapping).
    write(folder / "0021-metadata.md", "---\nstatus: {proposed}\ndate: {2023-11-10}\ndeciders: Ana\n---\n# Add metadata\n")
    write(folder / "0022-unfilled.md", "---\nstatus: {proposed | accepted}\ndate: {YYYY-MM-DD}\ndeciders: Ana\n---\n# Unfilled\n")
    # kryota-dev/actions 1b0a97fd1b3e docs/adr/006: a dated log whose last entry is no status.
    write(folder / "0006-review.md", "# 6. Review\n\nDate: 2026-06-13\n\n## Status\n\n2026-06-13 accepted\n\n"
          "2026-06-14 amended: added auto-resolve\n\n## Context\n\nx\n")
    # 1024pix/pix-editor 7e17e9fec433 docs/adr/0002: a French `## État` section.
    write(folder / "0002-usecase.md", "# 2. Suppression\n\nDate : 2020-09-28\n\n## État\n\nProposé\n\n## Contexte\n\nx\n")
    data = listed(tmp_path)
    assert (data["0021"]["status"], data["0021"]["date"]) == ("proposed", "2023-11-10")
    assert (data["0022"]["status"], data["0022"]["date"]) == ("unknown", None)
    assert data["0006"]["status"] == "accepted" and data["0002"]["status"] == "proposed"
