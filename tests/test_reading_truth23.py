"""Reading misses seen on the twenty-third set (bench/reading/truth23.jsonl, a development set since scored once at
5e892f6), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from adrtool.vocabulary import normalize_status
from tests.conftest import write
from tests.test_reading_truth6 import links, nygard, records


def ard(number: int, title: str, status: str, related: str, body: str = "What.") -> str:
    """A record as akonwi/ard writes one: `# 000N: Title`, a Status section, and a `## Related` list closing it."""
    return (f"# {number:04d}: {title}\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n\n## Decision\n\n{body}\n\n"
            f"## Consequences\n\n- Some.\n\n## Related\n\n{related}\n")


def ard_folder(root, related: str, status: str = "Accepted", body: str = "What.") -> dict:
    """Records 0001, 0002 and 0005 of a `docs/adrs` folder; 0005 carries `related`, `status` and `body`."""
    write(root / "docs/adrs/0001-record-architecture-decisions.md", nygard("1. Record architecture decisions", "Accepted"))
    write(root / "docs/adrs/0002-use-air-as-backend-boundary.md", ard(2, "Use AIR", "Accepted", "- `compiler/air.go`"))
    write(root / "docs/adrs/0005-use-result.md", ard(5, "Use Result", status, related, body))
    return records(root)


# akonwi/ard f01ae7ec7148 docs/adrs/0002-use-air-as-backend-boundary.md, 0005-*.md: `## Related` over repository-root
# paths in backticks, as the setext `Related ADRs` heading of truth8 lists them; a path to code is no record.
@pytest.mark.parametrize("related", [
    "- `docs/adrs/0002-use-air-as-backend-boundary.md`\n- `docs/adrs/0001-record-architecture-decisions.md`",
    "* `docs/adrs/0001-record-architecture-decisions.md`\n* `docs/adrs/0002-use-air-as-backend-boundary.md` (the boundary)",
    "- `compiler/std_lib/async.ard`\n- `docs/adrs/0002-use-air-as-backend-boundary.md`\n"
    "- `docs/adrs/0001-record-architecture-decisions.md`",
])
def test_backticked_root_paths_under_related_are_relates_to(tmp_path, related):
    got = ard_folder(tmp_path, related)["0005-use-result.md"]
    assert sorted(links(got)) == [("relates-to", "0001"), ("relates-to", "0002")]


@pytest.mark.parametrize("related", [
    "- `compiler/std_lib/async.ard`\n- `docs/guide.md`",
    # ADORSYS-GIS/ai-helm c23aafc4258e docs/adr/0010-*.md: a dated page beside the decision folder, not in it.
    "- 2026 currency audit (`docs/2026-currency-audit.md`) — flagged the gap",
    # ai-helm docs/adr/0100-*.md: a labelled entry naming another repository's record by its path there.
    "- Inference knowledge: `inference-ops` `docs/adrs/0002-use-air-as-backend-boundary.md`",
    "- Docs: `docs/adrs/0001-record-architecture-decisions.md`",
])
def test_a_backticked_path_outside_a_decision_folder_is_no_link(tmp_path, related):
    got = ard_folder(tmp_path, related)["0005-use-result.md"]
    assert links(got) == []


# akonwi/ard 0003-use-generic-fibers-for-async-eval.md, 0017-*.md: the Status section names the replacement by a
# repository-root path in backticks, a period after it or not.
@pytest.mark.parametrize("status", [
    "Superseded by `docs/adrs/0002-use-air-as-backend-boundary.md`.",
    "Superseded by `docs/adrs/0002-use-air-as-backend-boundary.md`",
    "Superseded by `0002-use-air-as-backend-boundary.md`",
])
def test_a_status_naming_its_replacement_by_a_backticked_path(tmp_path, status):
    got = ard_folder(tmp_path, "- `docs/adrs/0001-record-architecture-decisions.md`", status=status)["0005-use-result.md"]
    assert got["status"] == "superseded"
    assert sorted(links(got)) == [("relates-to", "0001"), ("superseded-by", "0002")]


def test_a_backticked_path_in_a_status_sentence_is_no_link(tmp_path):
    # A path in backticks inside a sentence of the status shows a file, no replacement.
    got = ard_folder(tmp_path, "- `compiler/x.go`", status="Accepted; see `docs/adrs/0002-use-air-as-backend-boundary.md`"
                     " for the boundary")["0005-use-result.md"]
    assert (got["status"], links(got)) == ("accepted", [])


# akonwi/ard 0009-support-traits-for-shared-behavior.md: "As amended by ADR 0065, a trait method that permits receiver
# mutation declares ...": this record's text as another record changed it, amended-by, by number.
@pytest.mark.parametrize("sentence, relation", [
    ("As amended by ADR 0002, a trait method declares that capability with `fn mut`.", "amended-by"),
    ("Traits are nominal. As amended by ADR-0002, a trait method declares it.", "amended-by"),
    ("- As extended by ADR 0002, traits carry defaults.", "amended-by"),
])
def test_as_amended_by_adr_n_opening_a_sentence(tmp_path, sentence, relation):
    got = ard_folder(tmp_path, "- `compiler/x.go`", body=sentence)["0005-use-result.md"]
    assert links(got) == [(relation, "0002")]


def test_a_thing_as_amended_by_adr_n_is_not_this_record(tmp_path):
    # The subject is a thing of the design, not this record: `the schema, as amended by ADR 0002` says nothing of it.
    got = ard_folder(tmp_path, "- `compiler/x.go`", body="We keep the schema as amended by ADR 0002 for now.")
    assert links(got["0005-use-result.md"]) == []


# customcommander/functionaut 827ed4969c1c adr/0003-test-distributed-files-only.md: the adr-tools link line
# `Relates [2. Use Google Closure Compiler](0002-use-google-closure-compiler.md)` (the verb of `Relates to`), beside
# 0002's custom `Explains [3. ...](...)`, which stays untyped.
def test_relates_link_line_is_relates_to_and_explains_is_untyped(tmp_path):
    write(tmp_path / "adr/0002-use-closure.md", nygard("2. Use Google Closure Compiler",
                                                       "Accepted\n\nExplains [3. Test Distributed Files Only](0003-test.md)"))
    write(tmp_path / "adr/0003-test.md", nygard("3. Test Distributed Files Only",
                                                "Accepted\n\nRelates [2. Use Google Closure Compiler](0002-use-closure.md)"))
    got = records(tmp_path)
    assert (got["0003-test.md"]["status"], links(got["0003-test.md"])) == ("accepted", [("relates-to", "0002")])
    assert (got["0002-use-closure.md"]["status"], links(got["0002-use-closure.md"])) == ("accepted", [])


# defenseunicorns/uds-core c1e3c7523ae8 adrs/0009-standalone-crd-layer.md: "This is an addendum to [ADR 0002](./0002-
# uds-core-functional-layers.md), updating the functional layers to:" changes part of another record: amends.
@pytest.mark.parametrize("sentence", [
    "This is an addendum to [ADR 0002](./0002-layers.md), updating the functional layers to:",
    "This ADR is an addendum to [ADR 0002](0002-layers.md).",
    "An addendum to [2. Layers](0002-layers.md): one more layer.",
])
def test_an_addendum_to_a_linked_record_amends_it(tmp_path, sentence):
    write(tmp_path / "adrs/0002-layers.md", nygard("2. Layers", "Accepted"))
    write(tmp_path / "adrs/0009-crds.md", nygard("9. CRDs", "Accepted", f"\n{sentence}\n"))
    assert links(records(tmp_path)["0009-crds.md"]) == [("amends", "0002")]


def test_an_addendum_to_a_brief_links_nothing(tmp_path):
    write(tmp_path / "adrs/0009-crds.md", nygard("9. CRDs", "Accepted", "\nThis is an addendum to the [brief](../brief.md).\n"))
    assert links(records(tmp_path)["0009-crds.md"]) == []


# AWeber-Imbi/imbi a6483c67e5a0 docs/api/adr/0015-cyclonedx-1.7-sbom-standard.md: `## Status` over `Accepted`, then
# `Date: 2026-05-27` and a line of prose: a date label is no entry of a dated status log.
@pytest.mark.parametrize("status, category", [
    ("Accepted\nDate: 2026-05-27\nSource design lives in [`plans/x.md`](https://example.org/plans/x.md).", "accepted"),
    ("Proposed\n\nDate: 2026-05-27", "proposed"),
    ("Accepted\nLast updated: 2026-05-27", "accepted"),
    # phodal's log, each entry a status word and its date, still counts by its last entry.
    ("Предложено: 2020-01-01\nПринято: 2020-02-01", "accepted"),
    ("Proposed: 2020-01-01\nAccepted: 2020-02-01", "accepted"),
])
def test_a_date_label_in_the_status_is_no_log_entry(status, category):
    assert normalize_status(status).value == category


def test_a_date_line_in_the_status_section_keeps_the_status_and_date(tmp_path):
    write(tmp_path / "docs/api/adr/0015-sbom.md", "# ADR 0015: CycloneDX 1.7 as the SBoM Standard\n\n## Status\n\n"
                                                  "Accepted\n\nDate: 2026-05-27\n\n## Context\n\nWhy.\n")
    write(tmp_path / ".adrtool.toml", 'dirs = ["docs/api/adr"]\n')
    got = records(tmp_path)["0015-sbom.md"]
    assert (got["status"], got["date"]) == ("accepted", "2026-05-27")


# DFE-Digital/find-information-about-academies-and-trusts 0ab17cad649b docs/adrs/0008-release-notes.md: a generic
# `# Architectural Decision Record (ADR)` over `## ADR: Adoption of ...`, whose sections are `###`; `### Status` says
# `To be discussed with wider team`, a decision not yet made.
DFE = """# {generic}

## {title}

### Status

{status}

### Context

Why.

### Decision

What.
"""


@pytest.mark.parametrize("generic", ["Architectural Decision Record (ADR)", "Architecture Decision Record",
                                     "Architecture Decision Records (ADRs)", "ADR"])
def test_a_generic_heading_gives_way_to_the_heading_under_it(tmp_path, generic):
    write(tmp_path / "docs/adrs/0008-release-notes.md", DFE.format(
        generic=generic, title="ADR: Adoption of Keep a Changelog Format", status="To be discussed with wider team"))
    got = records(tmp_path)["0008-release-notes.md"]
    assert (got["title"], got["status"]) == ("ADR: Adoption of Keep a Changelog Format", "proposed")


def test_a_generic_heading_over_a_section_keeps_its_title(tmp_path):
    # `## Status` under the generic heading is a section, not the record's name.
    write(tmp_path / "docs/adrs/0008-release-notes.md", "# Architectural Decision Record (ADR)\n\n## Status\n\nAccepted\n\n"
                                                        "## Context\n\nWhy.\n")
    got = records(tmp_path)["0008-release-notes.md"]
    assert (got["title"], got["status"]) == ("Architectural Decision Record (ADR)", "accepted")


def test_a_real_title_over_a_level_two_heading_is_kept(tmp_path):
    write(tmp_path / "docs/adrs/0008-release-notes.md", DFE.format(
        generic="8. Release notes", title="Background", status="Accepted"))
    assert records(tmp_path)["0008-release-notes.md"]["title"] == "Release notes"


@pytest.mark.parametrize("status, category", [
    ("To be discussed with wider team", "proposed"),
    ("To be decided", "proposed"),
    ("To be reviewed by the architects", "proposed"),
    ("To be implemented", "accepted"),  # (decided, truth19)
    ("Under discussion", "proposed"),
])
def test_a_status_still_to_be_discussed_is_proposed(status, category):
    assert normalize_status(status).value == category
