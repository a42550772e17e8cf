"""An unnumbered file in a decision folder whose title calls it a decision record, and which has a
record's sections, is a record (its id the file name); an index page or a notes page stays a document.

The shape is Unleash/unleash's contributing/ADRs/ (2025 HEAD): `title: "ADR: Naming"` in front matter,
then Background and Decision sections, no number and no status, in sub-folders per area. Our own fixtures.
"""

from __future__ import annotations

import json

from tests.conftest import run_cli, write

ADR = '---\ntitle: "ADR: Naming"\n---\n\n## Background\n\nFiles are hard to find.\n\n## Decision\n\nName files after their class.\n'


def listed(root):
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return {d["path"]: d for d in json.loads(result.out)}


def test_a_file_titled_as_a_record_with_a_decision_section_is_a_record(tmp_path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["contributing/ADRs"]\n')
    write(tmp_path / "contributing/ADRs/back-end/naming.md", ADR)
    write(tmp_path / "contributing/ADRs/front-end/styling.md",
          "# ADR: Preferred styling method\n\n## Background\n\nMany ways.\n\n## Decision\n\nUse one.\n")
    write(tmp_path / "contributing/ADRs/ADRs.md", "# ADRs\n\n- [Naming](back-end/naming.md)\n")
    write(tmp_path / "contributing/ADRs/notes.md", "# Architecture Decision Records\n\nHow we write them: see the list.\n")
    found = listed(tmp_path)
    naming = found["contributing/ADRs/back-end/naming.md"]
    # The word ADR without a number is part of the title (bench/reading/DEFINITIONS.md, title; truth7).
    assert (naming["kind"], naming["id"], naming["title"], naming["status"]) == ("record", "naming", "ADR: Naming",
                                                                                "unknown")
    assert found["contributing/ADRs/front-end/styling.md"]["kind"] == "record"
    assert found["contributing/ADRs/ADRs.md"]["kind"] == "document"
    assert found["contributing/ADRs/notes.md"]["kind"] == "document"  # titled so, but no section a record has


def test_a_titled_record_can_be_tagged_and_read_back(tmp_path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["adrs"]\n')
    path = write(tmp_path / "adrs/naming.md", ADR)
    result = run_cli(["tag", "naming", "--choice", "arbitrary", "--door", "two-way"], tmp_path)
    assert result.code == 0, result.err
    again = listed(tmp_path)["adrs/naming.md"]
    assert (again["choice"], again["door"], again["title"]) == ("arbitrary", "two-way", "ADR: Naming")
    assert path.read_text(encoding="utf-8").count("Name files after their class.") == 1
