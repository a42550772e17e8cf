"""Decision folders whose files carry no usual number: unnumbered records with a Decision section, and numbers run
into a CamelCase name. Fixtures are our own files, written after the real folders named at each test."""

from __future__ import annotations

import json

from tests.conftest import run_cli, write


def _listed(root) -> dict[str, dict]:
    result = run_cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return {d["path"].rsplit("/", 1)[-1]: d for d in json.loads(result.out)}


def test_an_unnumbered_file_with_a_decision_section_is_a_record(tmp_path):
    # Skyscanner/backpack decisions/logos.md (bench/judgement holdout8): no number, no status, a title and
    # `## Decision`; a notes page beside it with no record section stays a document, as does the folder's template.
    write(tmp_path / "decisions" / "logos.md", "# Logo usage in our open source repos\n\n## Decision\n\n"
          "Having consulted with legal, we will host logo assets on a CDN.\n")
    write(tmp_path / "decisions" / "notes.md", "# Notes\n\n## Tools\n\nWe use eslint_d to speed up linting.\n")
    write(tmp_path / "decisions" / "adr-template-bare-minimal.md", "# {short title}\n\n## Decision Outcome\n\n"
          "Chosen option: \"{title of option 1}\"\n")
    listed = _listed(tmp_path)
    assert listed["logos.md"]["kind"] == "record" and listed["logos.md"]["title"] == "Logo usage in our open source repos"
    assert listed["notes.md"]["kind"] == "document" and listed["adr-template-bare-minimal.md"]["kind"] == "document"


def test_a_number_run_into_a_camel_case_name_numbers_the_record(tmp_path):
    # Universal-Connect-Project/architecture-decision-record architectureDecisionRecords/0003Styling.md: `# Title`
    # over the title's line, then Context, Decision, Consequences; no status.
    write(tmp_path / "decisions" / "0003Styling.md", "# Title\n\nStyling our html\n\n## Context\n\nSlow styles.\n\n"
          "## Decision\n\nWe will use CSS modules for our styling.\n\n## Consequences\n\nFaster pages.\n")
    write(tmp_path / "decisions" / "3rdParty.md", "# Third parties\n\nA page about vendors.\n")
    listed = _listed(tmp_path)
    record = listed["0003Styling.md"]
    assert record["kind"] == "record" and record["number"] == 3 and record["title"] == "Styling our html"
    assert listed["3rdParty.md"]["kind"] == "document" and listed["3rdParty.md"]["number"] is None
