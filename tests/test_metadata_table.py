"""A two-column metadata table under the title (`|Status |Implemented|`) is read and edited in place.

The shape is nats-io/nats-architecture-and-design's (adr/ADR-*.md at its 2025 HEAD): every record gives
Date, Author, Status and Tags in a table, and some designs have a section named "Status" of their own
(status headers of messages, a `### Status` field of a key-value entry). The fixtures are our own.
"""

from __future__ import annotations

import json

from tests.conftest import run_cli, write

TABLE = ("# JetStream Purge\n\n| Metadata | Value                 |\n|----------|-----------------------|\n"
         "| Date     | 2021-06-30            |\n| Author   | @someone              |\n"
         "| Status   | Implemented           |\n| Tags     | jetstream, client     |\n| Updates  | ADR-8                 |\n\n"
         "## Context\n\nPurging by subject.\n\n## Entry\n\n### Status\n\nEach entry has a status byte.\n")


def listed(root):
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return {d["id"]: d for d in json.loads(result.out)}


def make(root, text=TABLE):
    write(root / ".adrtool.toml", 'dirs = ["adr"]\n')
    return write(root / "adr/ADR-10.md", text)


def test_status_and_date_are_read_from_the_table_not_from_a_design_section_named_status(tmp_path):
    make(tmp_path)
    record = listed(tmp_path)["0010"]
    assert (record["kind"], record["status"], record["date"], record["title"]) == ("record", "accepted", "2021-06-30",
                                                                                    "JetStream Purge")


def test_a_status_section_that_holds_a_status_still_counts(tmp_path):
    make(tmp_path, TABLE.replace("| Status   | Implemented           |\n", "").replace(
        "## Entry\n\n### Status\n\nEach entry has a status byte.\n", "## Status\n\nDeprecated\n"))
    assert listed(tmp_path)["0010"]["status"] == "deprecated"


def test_status_and_tags_edit_the_table_surgically(tmp_path):
    path = make(tmp_path)
    assert run_cli(["status", "10", "deprecated"], tmp_path).code == 0
    assert run_cli(["tag", "10", "--choice", "deliberate", "--door", "one-way"], tmp_path).code == 0
    text = path.read_text(encoding="utf-8")
    assert "| Status   | Deprecated            |\n" in text
    assert "| Tags     | jetstream, client     |\n| Choice   | deliberate            |\n| Door     | one-way               |\n" in text
    assert text.count("Each entry has a status byte.") == 1 and "Deprecated\n\n## Context" not in text
    before, after = TABLE.splitlines(), text.splitlines()
    assert [l for l in after if l not in before] == ["| Status   | Deprecated            |", "| Choice   | deliberate            |",
                                                    "| Door     | one-way               |"]
    record = listed(tmp_path)["0010"]
    assert (record["status"], record["choice"], record["door"]) == ("deprecated", "deliberate", "one-way")
    assert run_cli(["tag", "10", "--choice", "arbitrary"], tmp_path).code == 0
    assert "| Choice   | arbitrary             |\n" in path.read_text(encoding="utf-8")


def test_a_value_longer_than_its_cell_widens_only_its_row(tmp_path):
    path = make(tmp_path, TABLE.replace("Value                 |", "Value |").replace("| Status   | Implemented           |",
                                                                                         "| Status   | Draft |"))
    assert run_cli(["status", "10", "accepted"], tmp_path).code == 0
    assert "| Status   | Accepted |\n" in path.read_text(encoding="utf-8")


def test_a_top_level_adr_folder_is_found_without_configuration(tmp_path):
    """nats-io/nats-architecture-and-design keeps its records in `adr/` at the top, with no .adr-dir."""
    from tests.conftest import git

    git(tmp_path, "init", "-q")
    write(tmp_path / "adr/ADR-10.md", TABLE)
    write(tmp_path / "docs/README.md", "# Docs\n")
    result = run_cli(["list"], tmp_path)
    assert result.code == 0, result.err
    assert "JetStream Purge" in result.out
    write(tmp_path / "doc/architecture/decisions/0001-record.md", "# 1. Record\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n")
    result = run_cli(["list"], tmp_path)  # adr-tools' own example folder comes first in the search order
    assert "1. Record" not in result.out and "Record" in result.out and "JetStream" not in result.out


# opendatahub-io/architecture-decision-records at 6325c10cd213, architecture-decision-records/ODH-ADR-0001-*.md and
# operator/ODH-ADR-Operator-0002-operator-scope.md: the project's name before `ADR` (and a scope after it) in
# the file name, a table with an empty header row under the title, `Draft`/`Approved` statuses.
ODH = ("# Open Data Hub - Operator Scope\n\n|                |            |\n| -------------- | ---------- |\n"
       "| Date           | Sep 5th, 2023 |\n| Scope          | Open Data Hub Operator |\n| Status         | Approved |\n"
       "| Supersedes     | N/A |\n| Superseded by: | N/A |\n| Other docs:    | none |\n\n## What\n\nScopes.\n\n"
       "## How\n\nCluster scoped.\n")


def test_a_project_prefixed_file_name_numbers_a_record_and_its_table_is_read_and_edited(tmp_path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["adr"]\n')
    path = write(tmp_path / "adr/ODH-ADR-Operator-0002-operator-scope.md", ODH)
    write(tmp_path / "adr/ODH-ADR-0005-labels.md", ODH.replace("Operator Scope", "Labels").replace("Approved", "Draft"))
    found = listed(tmp_path)
    assert (found["0002"]["kind"], found["0002"]["title"], found["0002"]["status"], found["0002"]["date"]) == (
        "record", "Open Data Hub - Operator Scope", "accepted", "2023-09-05")
    assert (found["0005"]["status"], found["0005"]["links"]) == ("proposed", [])  # `N/A` links nothing
    assert run_cli(["status", "2", "deprecated"], tmp_path).code == 0
    assert run_cli(["tag", "2", "--choice", "deliberate", "--door", "two-way"], tmp_path).code == 0
    after = path.read_text(encoding="utf-8").splitlines()
    assert [l for l in after if l not in ODH.splitlines()] == ["| Status         | Deprecated |",
                                                                "| Choice         | deliberate |",
                                                                "| Door           | two-way    |"]  # (padded to the column)
    assert (listed(tmp_path)["0002"]["status"], listed(tmp_path)["0002"]["door"]) == ("deprecated", "two-way")


def test_a_row_without_its_closing_bar_is_read_and_edited(tmp_path):
    # opendatahub-io/architecture-decision-records 6325c10cd213 ODH-ADR-0003-use-apache-2-0-licence.md:
    # `| Date           | 11-April-2023` (no closing bar).
    write(tmp_path / ".adrtool.toml", 'dirs = ["adr"]\n')
    path = write(tmp_path / "adr/ODH-ADR-0003-licence.md", ODH.replace("| Date           | Sep 5th, 2023 |",
                                                                       "| Date           | 11-April-2023").replace(
        "| Status         | Approved |", "| Status         | Accepted"))
    assert listed(tmp_path)["0003"]["date"] == "2023-04-11"
    assert run_cli(["status", "3", "deprecated"], tmp_path).code == 0
    assert "| Status         | Deprecated\n" in path.read_text(encoding="utf-8")
