"""Reading misses seen on the twenty-fifth set (bench/reading/truth25.jsonl, a development set since scored once at
ce2817b), each fixed by a general rule (bench/reading/DEFINITIONS.md, "Added for truth25"), and the writes that must
keep such a record's own layout.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from adrtool.dialects import metadata_lines
from tests.conftest import run_cli, write
from tests.test_reading_truth6 import records

# AMirandaCodes/NextPost 74b9f829ab8a docs/adr/0002-sync-sqlalchemy.md .. 0014-*.md: every record writes its Date and
# its Status as two bold labels on the line under the title, set apart by a middle dot.
NEXTPOST = ("# ADR 0002 — Synchronous SQLAlchemy instead of async\n\n{line}\n\n## Context\n\nWhy.\n\n"
            "## Decision\n\nWhat.\n\n## Consequences\n\nSo.\n")


@pytest.mark.parametrize("line, status, date", [
    ("**Date:** 2026-07-08 · **Status:** Accepted", "accepted", "2026-07-08"),
    ("**Date:** 2026-07-09 · **Status:** Accepted (implements ADR 0004)", "accepted", "2026-07-09"),
    ("**Status:** Proposed · **Date:** 2026-07-10", "proposed", "2026-07-10"),
    ("**Date:** 2026-07-08 • **Status:** Superseded", "superseded", "2026-07-08"),
    ("**Date:** 2026-07-08 | **Status**: Deprecated", "deprecated", "2026-07-08"),
])
def test_two_bold_labels_on_one_line_are_two_fields(tmp_path, line, status, date):
    write(tmp_path / "docs/adr/0002-sync-sqlalchemy.md", NEXTPOST.format(line=line))
    record = records(tmp_path)["0002-sync-sqlalchemy.md"]
    assert (record["status"], record["date"], record["title"]) == (
        status, date, "Synchronous SQLAlchemy instead of async")


@pytest.mark.parametrize("value", [
    "2026-07-08 · **Author:** Ana",  # a label no field has: the line's own value keeps it, as before
    "2026-07-08 · Accepted",  # no bold label after the dot
    "2026-07-08 - **Status:** Accepted",  # a hyphen is not one of the separators
])
def test_a_value_without_a_known_bold_label_after_a_separator_shares_nothing(value):
    assert metadata_lines.shared_fields(value) == []


def test_the_shared_fields_spans():
    value = "2026-07-08 · **Status:** Accepted · **Deciders:** Ana, Bo "
    assert [(name, value[a:b]) for name, a, b in metadata_lines.shared_fields(value)] == [
        ("status", "Accepted"), ("decision-makers", "Ana, Bo")]


LINE = "**Date:** 2026-07-08 · **Status:** Accepted\n"


@pytest.mark.parametrize("name, value, expected", [
    ("status", "Deprecated", "**Date:** 2026-07-08 · **Status:** Deprecated\n"),
    ("date", "2026-08-01", "**Date:** 2026-08-01 · **Status:** Accepted\n"),
    ("status", None, "**Date:** 2026-07-08\n"),
    ("date", None, "**Status:** Accepted\n"),
])
def test_a_write_changes_only_its_own_field_on_a_shared_line(name, value, expected):
    text = "# T\n\n" + LINE + "\n## Context\n"
    changed = metadata_lines.set_line(text, name, value, "", (1, 4), 2)
    assert changed == "# T\n\n" + expected + "\n## Context\n"


def test_status_and_tags_by_the_cli_keep_the_shared_line(tmp_path):
    path = write(tmp_path / "docs/adr/0002-sync-sqlalchemy.md", NEXTPOST.format(line=LINE.rstrip("\n")))
    before = path.read_text(encoding="utf-8")
    for args in (["status", "2", "deprecated"], ["tag", "2", "--choice", "deliberate", "--door", "one-way"]):
        result = run_cli(args, tmp_path)
        assert result.code == 0, result.err
    after = path.read_text(encoding="utf-8")
    assert after.replace("**Status:** Deprecated", "**Status:** Accepted").replace(
        "Choice: deliberate\nDoor: one-way\n", "") == before
    record = records(tmp_path)["0002-sync-sqlalchemy.md"]
    assert (record["status"], record["date"], record["choice"], record["door"]) == (
        "deprecated", "2026-07-08", "deliberate", "one-way")
