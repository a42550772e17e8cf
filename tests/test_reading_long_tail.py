"""The long tail of real folders (issue 11): dates, statuses, titles, links, sub-decisions, documents, ids.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment.
"""

from __future__ import annotations

import json

import pytest

from adrtool import store
from adrtool.model import Kind, Status
from tests.conftest import run_cli, run_process, write

NYGARD = "# {n}. {title}\n\nDate: {date}\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n"


def listed(root) -> dict[str, dict]:
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return {d["id"]: d for d in json.loads(result.out)}


# ---- dates --------------------------------------------------------------------------


@pytest.mark.parametrize("written, iso, problem", [
    ("[2023-05-09]", "2023-05-09", None),             # a template's brackets kept around the date (issue 11)
    ("[YYYY-MM-DD]", None, None),                     # the template's placeholder, unfilled: no date, no fuss
    ("2023-13-10", "2023-10-13", "read as year-day-month"),  # cisagov/manage.get.gov 0023 (also 2024-14-02)
    ("10/04/18", "2018-04-10", None),                 # ministryofjustice/cloud-platform 004: day first, two-digit year
    ("05/02/2018", "2018-02-05", None),               # ministryofjustice/cloud-platform 001
    ("3rd March 2022", "2022-03-03", None),           # a date in words (issue 11)
    ("11-April-2023", "2023-04-11", None),            # opendatahub-io/architecture-decision-records ODH-ADR-0003
    ("2020-Nov-09", "2020-11-09", None),              # operate-first/blueprint 0003
    ("05 de outubro de 2024", "2024-10-05", None),    # marciovmartins/jtonynet-go-payments-api
    ("2024-05-22 (back dated)", "2024-05-22", None),  # cisagov/manage.get.gov 0027
    ("2019-05-13, updated 2023-02-05", "2019-05-13", None),  # home-assistant/architecture 0002
    ("2023-02-30", None, "not a calendar date"),
    ("soon-ish", None, "cannot read the date 'soon-ish'"),
])
def test_dates_are_iso_or_null_and_say_why(tmp_path, written, iso, problem):
    write(tmp_path / "doc/adr/0001-x.md", NYGARD.format(n=1, title="X", date=written, status="Accepted"))
    item = listed(tmp_path)["0001"]
    assert item["date"] == iso
    notes = [p for p in item["problems"] if "date" in p]
    if problem:
        assert len(notes) == 1 and notes[0].startswith("doc/adr/0001-x.md:3: ") and problem in notes[0]
    else:
        assert notes == []


def test_a_date_line_without_its_colon(tmp_path):
    # ministryofjustice/cloud-platform 006: "Date 09/04/2018".
    write(tmp_path / "doc/adr/0006-x.md", "# 6 Use GitHub\n\nDate 09/04/2018\n\n## Status\n\n✅ Accepted\n")
    assert listed(tmp_path)["0006"]["date"] == "2018-04-09"


def test_no_date_line_the_status_log_or_the_status_dates_it(tmp_path):
    # phodal's adr log without a date line; openedx/event-bus-kafka 0011 "**Accepted** 2023-05-11".
    write(tmp_path / "doc/adr/0001-log.md", "# 1. Log\n\n## Status\n\n2017-11-22 proposed\n\n2017-11-26 accepted\n")
    write(tmp_path / "doc/adr/0002-bold.md", "# 2. Bold\n\n## Status\n\n- **Accepted** 2023-05-11\n\n## Context\n\nx\n")
    write(tmp_path / "doc/adr/0003-month.md", "# 3. Month\n\n## Status\n\nAccepted - January 2022\n")  # enterprise-access
    data = listed(tmp_path)
    assert (data["0001"]["date"], data["0001"]["status"]) == ("2017-11-22", "accepted")
    assert (data["0002"]["date"], data["0002"]["status"]) == ("2023-05-11", "accepted")
    assert data["0003"]["date"] is None  # a month is no date


# ---- statuses -------------------------------------------------------------------------


def test_accepted_supersedes_in_madr_front_matter_points_the_right_way(tmp_path):
    # A MADR 4 record: "status: accepted; supersedes ADR-0003" says THIS record supersedes 0003.
    write(tmp_path / "docs/decisions/0003-old.md", "---\nstatus: accepted\n---\n# Old\n")
    write(tmp_path / "docs/decisions/0007-new.md", "---\nstatus: accepted; supersedes ADR-0003\n---\n# New\n")
    data = listed(tmp_path)
    assert data["0007"]["status"] == "accepted" and data["0007"]["supersedes"] == ["0003"]
    assert data["0007"]["superseded_by"] == []
    assert data["0007"]["links"] == [{"relation": "supersedes", "target": "0003", "id": "0003"}]


@pytest.mark.parametrize("written, status", [
    ("Partly superseded", Status.SUPERSEDED),                 # alphagov/govuk-aws 0003
    ("Superseded (see ADR-33)", Status.SUPERSEDED),
    ("**Accepted**", Status.ACCEPTED),                        # openedx/openedx-events
    ("The status of this decision:\n\nAccepted", Status.ACCEPTED),  # a status on a later line
    ("We have **accepted** this proposal.", Status.ACCEPTED),  # in bold, inside prose
    ("Proposé", Status.PROPOSED),                             # CaenCamp (phodal's French template)
    ("Proposition", Status.PROPOSED),
    ("[Accepted](https://github.com/org/repo/pull/12)", Status.ACCEPTED),  # its only word is a link
    ("Provisional (2023-04-07)", Status.PROPOSED),            # openedx/edx-django-utils 0006
    ("🤔 Incomplete", Status.PROPOSED),                       # ministryofjustice/cloud-platform 034
    ("Reverted by [discussion #1198](https://github.com/org/repo/discussions/1198)", Status.DEPRECATED),
    ("{Proposed|Accepted|Deprecated}", Status.UNKNOWN),       # an unfilled template
])
def test_statuses_as_written(tmp_path, written, status):
    write(tmp_path / "doc/adr/0001-x.md", NYGARD.format(n=1, title="X", date="2024-01-01", status=written))
    assert store.load(tmp_path).resolve("1").status is status


def test_a_superseded_status_names_its_successor(tmp_path):
    write(tmp_path / "doc/adr/0033-ip-ranges.md", NYGARD.format(n=33, title="IP ranges", date="2018-01-01", status="Accepted"))
    write(tmp_path / "doc/adr/0003-networking.md", NYGARD.format(n=3, title="Networking", date="2017-06-30",
                                                                 status="Superseded (see ADR-33)"))
    assert listed(tmp_path)["0003"]["superseded_by"] == ["0033"]


# ---- titles ---------------------------------------------------------------------------


@pytest.mark.parametrize("heading, title", [
    ("# Architecture Decision Record: Configuration", "Configuration"),  # arachne-framework/architecture adr-002
    ("# n. Login.gov", "Login.gov"),                                      # cisagov/manage.get.gov 0011
    ("# 0009. Translations 2.0", "Translations 2.0"),                     # home-assistant/architecture 0009
])
def test_titles_lose_their_labels_and_placeholders(tmp_path, heading, title):
    write(tmp_path / "doc/adr/0011-x.md", f"{heading}\n\nDate: 2022-01-01\n\n## Status\n\nAccepted\n")
    assert listed(tmp_path)["0011"]["title"] == title


def test_a_record_with_no_heading_is_titled_from_its_file_name(tmp_path):
    # scieloorg/kernel 0007: sections, but no H1 until one far below them.
    write(tmp_path / "docs/adr/0007-container-de-relacionamento.md",
          "Data: 2019-08-09\n\n## Status\n\nProposto\n\n## Contexto\n\nx\n\n# Consequências\n\ny\n")
    item = listed(tmp_path)["0007"]
    assert (item["title"], item["status"], item["date"]) == ("container de relacionamento", "proposed", "2019-08-09")


# ---- links ----------------------------------------------------------------------------


def test_links_in_the_status_line_resolve_both_ways(tmp_path):
    # alphagov/govuk-aws: "Superseded by [33. IP ranges](0033-ip-ranges.md)" and "Supersedes [3. ...](...)".
    write(tmp_path / "doc/adr/0003-networking.md", NYGARD.format(
        n=3, title="Networking", date="2017-06-30", status="Superseded by [33. IP ranges](0033-ip-ranges.md)"))
    write(tmp_path / "doc/adr/0033-ip-ranges.md", NYGARD.format(
        n=33, title="IP ranges", date="2018-01-01", status="Accepted\n\nSupersedes [3. Networking](0003-networking.md)"))
    data = listed(tmp_path)
    assert data["0003"]["status"] == "superseded" and data["0003"]["superseded_by"] == ["0033"]
    assert data["0003"]["links"] == [{"relation": "superseded-by", "target": "0033-ip-ranges.md", "id": "0033"}]
    assert data["0033"]["supersedes"] == ["0003"]
    findings = run_cli(["lint"], tmp_path).out.splitlines()
    assert findings and all(f.endswith("[untagged]") for f in findings)  # no broken or one-sided link: each names the other


def test_links_that_resolve_nowhere_keep_the_written_form_and_a_null_id(tmp_path):
    write(tmp_path / "doc/adr/0003-x.md", NYGARD.format(n=3, title="X", date="2017-06-30",
                                                        status="Superseded by [ADR-0099](0099-gone.md)"))
    item = listed(tmp_path)["0003"]
    assert item["superseded_by"] == ["0099-gone.md"]
    assert item["links"] == [{"relation": "superseded-by", "target": "0099-gone.md", "id": None}]


def test_superseded_by_a_dated_update_links_no_record(tmp_path):
    # AWLL-inc/work-management d5391db681a2 docs/adr/005-ui-library-and-data-table.md: `## Status` then
    # "Superseded by Update 2025-01-10", a section of the same file (`## Update 2025-01-10: ...`), not record 2025.
    write(tmp_path / "doc/adr/0005-ui.md", "# ADR-005: UI\n\n## Status\nSuperseded by Update 2025-01-10\n\n"
          "## Context\n\nx\n\n## Update 2025-01-10: AG Grid\n\ny\n")
    item = listed(tmp_path)["0005"]
    assert (item["status"], item["links"]) == ("superseded", [])


def test_typed_links_in_prose_count(tmp_path):
    # alphagov/govuk-aws 0033 "This ADR in part supersedes [0003](...)"; arachne adr-017 "supersedes some aspects
    # of [ADR-15](...) and [ADR-16](...)"; a bold line "**... superseded by [ADR #0033](...).**" (govuk-aws 0003).
    write(tmp_path / "doc/adr/0015-a.md", NYGARD.format(n=15, title="A", date="2017-01-01", status="Accepted"))
    write(tmp_path / "doc/adr/0016-b.md", NYGARD.format(n=16, title="B", date="2017-01-01", status="Accepted"))
    write(tmp_path / "doc/adr/0017-c.md", "# 17. C\n\nDate: 2017-01-02\n\n## Status\n\nProposed\n\n## Context\n\n"
          "Note: this ADR supersedes some aspects of [ADR-15](0015-a.md) and [ADR-16](0016-b.md).\n\n"
          "Not a link: `superseded by [ADR-0005](0005-example.md)` is how a status reads.\n")
    assert listed(tmp_path)["0017"]["supersedes"] == ["0015", "0016"]


def links_of_a_record_ending(tmp_path, tail: str, n: int = 7) -> list[tuple[str, str]]:
    """(relation, resolved id) of each link of record n, whose body ends with `tail`, beside records 2 to 6."""
    for other in range(2, 7):
        write(tmp_path / f"doc/adr/000{other}-r.md", NYGARD.format(n=other, title="R", date="2017-01-01", status="Accepted"))
    write(tmp_path / f"doc/adr/000{n}-c.md", NYGARD.format(n=n, title="C", date="2017-01-02", status="Accepted") + tail)
    return [(l["relation"], l["id"]) for l in listed(tmp_path)[f"000{n}"]["links"]]


def test_a_related_label_before_its_links(tmp_path):
    # SUNET/go-trust 218de410543a docs/adr/0001-pipeline-architecture.md, under `## Links`: "- Related: [ADR-0006](0006-
    # error-handling.md) - Error Handling Strategy"; Altinn/altinn-authentication ad4f6f3671c0 docs/adr/0004-*.md:
    # "- Related: [ADR-0002](...), [ADR-0003](...)."
    assert links_of_a_record_ending(tmp_path, "\n## Links\n\n- Implementation: `pkg/pipeline.go`\n"
                                    "- Related: [ADR-0006](0006-r.md) - Error Handling Strategy\n"
                                    "- Related: [ADR-0002](0002-r.md), [ADR-0003](0003-r.md).\n") == [
        ("relates-to", "0006"), ("relates-to", "0002"), ("relates-to", "0003")]
    # Without its colon, "related" is prose and links nothing.
    assert links_of_a_record_ending(tmp_path, "\nThe work related to [ADR-0006](0006-r.md) is done.\n", n=8) == []


def test_a_related_label_names_its_records_in_plain_text_over_wrapped_lines(tmp_path):
    # openstatusHQ/openstatus 22df52eb0dbd docs/adr/0004-go-for-the-probing-tier.md (no Markdown link in the file):
    # "- Related: ADR-0001 (business logic ...),\n  ADR-0005 (check results land in Tinybird)." A label inside a
    # sentence is prose, and the next bullet is another entry.
    assert links_of_a_record_ending(tmp_path, "\n## More Information\n\n- Related: ADR-0002 (business logic),\n"
                                    "  ADR-0005 (check results).\n- Next: ADR-0003 is another story.\n"
                                    "Work that is related: ADR-0004 here.\n") == [("relates-to", "0002"), ("relates-to", "0005")]


def test_a_links_section_entry_that_says_it_relates_names_its_record_in_plain_text(tmp_path):
    # opendatahub-io/odh-dashboard b9d09633b0ee packages/gen-ai/docs/adr/0004-*.md and 0011-*.md, under `## Links`:
    # "* [Related to] ADR-0002 - System Architecture", "* [Related to ADR-0006] - Factory pattern". An untyped entry
    # there (theupdateframework/python-tuf docs/adr/0002: "* [ADR 0001](0001-...md) Python version") links nothing.
    assert links_of_a_record_ending(tmp_path, "\n## Links\n\n* [Related to] ADR-0002 - System Architecture (logging)\n"
                                    "* [Related to ADR-0003] - Flows\n* [ADR 0004](0004-r.md) Python version\n"
                                    "* [External] [Go slog](https://pkg.go.dev/log/slog) - docs\n") == [
        ("relates-to", "0002"), ("relates-to", "0003")]


def test_japanese_related_and_successor_headings(tmp_path):
    # krtw00/agentmine 5ebb6cff7af2 docs/10-decisions/005-*.md: `## 後続ADR` ("this ADR is extended by the following")
    # then `## 関連ADR`; 007-*.md marks a related entry "（本ADRで拡張）" (extended in this ADR): it amends it.
    assert links_of_a_record_ending(tmp_path, "\n## 後続ADR\n\n本ADRは以下のADRで拡張されている：\n\n"
                                    "- [ADR-006](./0006-r.md) - 依存関係\n\n## 関連ADR\n\n- [ADR-002](./0002-r.md) - SQLite\n"
                                    "- [ADR-003](./0003-r.md) - 設計（本ADRで拡張）\n\n## 関連ドキュメント\n\n"
                                    "- [Worker](../07-runtime/worker.md) - 詳細\n") == [
        ("amended-by", "0006"), ("relates-to", "0002"), ("amends", "0003")]


# ---- inline decisions inside a record ------------------------------------------------------


def test_a_tagged_decision_line_in_a_record_is_a_sub_decision(tmp_path):
    write(tmp_path / "decisions/0012-storage.md",
          "---\nstatus: accepted\nchoice: deliberate\ndoor: one-way\n---\n# Storage\n\n## Decision\n\nUse Postgres.\n\n"
          "- Decision (arbitrary, two-way): Vacuum nightly; revisit when tables pass 1 TB.\n"
          "Decision: untagged label lines in a record are its own decision, not another one.\n")
    data = listed(tmp_path)
    assert sorted(data) == ["0012", "0012#1"]
    sub = data["0012#1"]
    assert (sub["kind"], sub["path"], sub["line"], sub["choice"], sub["door"]) == (
        "inline", "decisions/0012-storage.md", 12, "arbitrary", "two-way")
    assert sub["title"] == "Vacuum nightly" and sub["revisit"] == "when tables pass 1 TB"


# ---- files that are not decisions ------------------------------------------------------------


def test_a_how_to_in_the_decision_folder_is_a_document(tmp_path):
    write(tmp_path / "doc/adr/0001-use-postgres.md", NYGARD.format(n=1, title="Use Postgres", date="2020-01-01", status="Accepted"))
    # an install how-to numbered like the records (seen beside records in several adr-tools folders)
    write(tmp_path / "doc/adr/0002-how-to-install.md", "# How to install the tools\n\nRun `brew install adr-tools`.\n")
    data = listed(tmp_path)
    assert data["0001"]["kind"] == "record"
    doc = data["0002-how-to-install"]
    assert doc["kind"] == "document" and doc["status"] == "unknown" and doc["title"] == "How to install the tools"
    assert "not a decision record" in doc["problems"][0]
    assert listed(tmp_path).keys() == {"0001", "0002-how-to-install"}
    assert run_cli(["list", "--json", "--status", "unknown"], tmp_path).out.strip() == "[\n]"  # never counted
    assert "0002-how" not in run_cli(["lint"], tmp_path).out + run_cli(["digest"], tmp_path).out


# ---- ids ----------------------------------------------------------------------------------------


def test_date_named_records_answer_to_any_unique_start(tmp_path):
    # thomvaill/log4brains: the id is the whole stem.
    write(tmp_path / ".log4brains.yml", "project:\n  adrFolder: ./docs/adr\n")
    bullet = "# {t}\n\n- Status: {s}\n- Date: {d}\n"
    write(tmp_path / "docs/adr/20200925-use-markdown.md", bullet.format(t="Use Markdown", s="proposed", d="2020-09-25"))
    write(tmp_path / "docs/adr/20201016-use-nextjs.md", bullet.format(t="Use Next.js", s="proposed", d="2020-10-16"))
    write(tmp_path / "docs/adr/20201026-use-lunr.md", bullet.format(t="Use Lunr", s="proposed", d="2020-10-26"))
    assert run_cli(["status", "20200925", "accepted"], tmp_path).code == 0
    assert run_cli(["show", "2020-10-16"], tmp_path).out.startswith("20201016-use-nextjs  Use Next.js")
    ambiguous = run_cli(["show", "202010"], tmp_path)
    assert ambiguous.code == 2
    assert "'202010' is ambiguous: docs/adr/20201016-use-nextjs.md, docs/adr/20201026-use-lunr.md" in ambiguous.err
    assert listed(tmp_path)["20200925-use-markdown"]["status"] == "accepted"


def test_show_says_a_record_failed_to_parse_and_why(tmp_path):
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions/0007-broken.md").write_bytes(b"# Broken \x00\n")
    result = run_process(["show", "7"], tmp_path)
    assert result.code == 2 and "Traceback" not in result.err
    assert "decisions/0007-broken.md" in result.err and "could not be read" in result.err and "binary file" in result.err
    # Malformed front matter no longer loses the record: it is read, and shows its problem.
    write(tmp_path / "decisions/0007-broken.md", "---\nstatus: [accepted\n---\n# Broken\n")
    result = run_process(["show", "7"], tmp_path)
    assert result.code == 0 and "0007  Broken" in result.out and "problem:  invalid YAML front matter" in result.out


def test_list_without_a_decision_folder_says_so(tmp_path):
    result = run_process(["list"], tmp_path)
    assert result.code == 2 and result.err.startswith("adrtool: error: no decision folder found")


def test_hand_written_chinese_records(tmp_path):
    # Hand-written Chinese decision logs (found by code search, 2026): full-width colons, "ADR-0014：" titles,
    # "- 状态：已接受" bullets, a partial supersession as "- 局部取代：ADR-0013 的语料 v1".
    write(tmp_path / "docs/adr/0013-corpus.md", "# ADR 0013：语料 v1\n\n- 状态：已接受\n- 日期：2026-08-01\n\n## 背景\n\nx\n")
    write(tmp_path / "docs/adr/0014-stage1.md", "# ADR-0014：Stage 1 并行化\n\n- 状态：已接受（定稿，2026-08-13）\n"
          "- 日期：2026-08-13\n- 局部取代：ADR-0013 的语料 v1 与串行实现\n\n## 决定\n\nx\n")
    write(tmp_path / "docs/adr/0008-parse.md", "# ADR-0008 · 通用文档解析\n\n状态：已弃用\n日期：2026-09-21\n\n## 背景\n\nx\n")
    data = listed(tmp_path)
    assert [(data[i]["title"], data[i]["status"], data[i]["date"]) for i in ("0008", "0013", "0014")] == [
        ("通用文档解析", "deprecated", "2026-09-21"), ("语料 v1", "accepted", "2026-08-01"),
        ("Stage 1 并行化", "accepted", "2026-08-13")]
    assert data["0014"]["supersedes"] == ["0013"]


def test_an_rst_reference_with_its_underscore_misplaced(tmp_path):
    # openedx/enterprise-access 0009: "Supercedes `_0003 Initial API Specification`" and the target below.
    write(tmp_path / "docs/decisions/0003-initial-api.rst", "0003 Initial API\n****************\n\nStatus\n======\n\nAccepted\n")
    write(tmp_path / "docs/decisions/0009-refactoring.rst",
          "0009 Refactoring\n****************\n\nStatus\n======\n\nAccepted - May 2023\n\n"
          "Supercedes `_0003 Initial API Specification`\n\n.. _0003 Initial API Specification: 0003-initial-api.rst\n")
    assert listed(tmp_path)["0009"]["supersedes"] == ["0003"]
