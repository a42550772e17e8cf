"""Reading misses seen on the ninth set (bench/reading/truth9.jsonl, a development set since scored once at
64592a8), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import links, records

# maphilipps/ZH-DEMO 4cdc9cd8f9e0 doc/architecture/decisions/0002-enhanced-research-workflow-architecture.md: no
# Date line under the title, a bold `**Date**:` line after a rule at the end (with Markdown's two-space break).
LATE_DATE = "# ADR-0002: Research workflow\n\n## Status\nACCEPTED\n\n## Context\nWhy.\n\n---\n\n**Date**: 2025-09-06  \n"


def test_a_bold_date_line_at_the_end_dates_a_record_with_none_under_its_title(tmp_path):
    write(tmp_path / "doc/architecture/decisions/0002-research.md", LATE_DATE)
    record = records(tmp_path)["0002-research.md"]
    assert (record["status"], record["date"]) == ("accepted", "2025-09-06")


# ADORSYS-GIS/ai-helm c23aafc4258e docs/adr/0005-per-user-attribution-via-authorino-headers.md: two bold
# `**Supplemented by:**` lines under the title; 0011: `**Supplements:**` there and `- **Supplements** [...]` under
# `## Related`; 0013: every heading level 2, the first one `## ADR-0013: ...`, a wrapped Related entry naming
# ADR-0010 in its prose.
SUPPLEMENTED = """# ADR-0005: Propagate identity via headers

**Status:** Accepted
**Date:** 2026-05-24
**Supplemented by:** [ADR-0011](./0011-oidc-headers.md) — header prefix renamed; the contract is now in ADR-0011.
**Supplemented by:** [ADR-0046](./0046-envelope-repair.md) — repairs the promotion mechanism.

## Context

Why.
"""
SUPPLEMENTS = """# ADR-0011: Canonical header contract

**Status:** Accepted
**Date:** 2026-05-24
**Supplements:** [ADR-0005](./0005-identity.md)

## Related

- **Supplements** [ADR-0005](./0005-identity.md)
  — the propagation pipeline; this ADR specifies the payload contract.
- [ADR-0003](./0003-skip-opa.md) — SA detection
"""
LEVEL_TWO = """## ADR-0013: Defer write-back; manual bumps stay

**Status:** Superseded by [ADR-0055](./0055-oci-charts.md)
**Date:** 2026-05-24
**Supersedes:** [ADR-0010](./0010-writeback.md)

## Context

Why.

## Related

- **Supersedes** [ADR-0010](./0010-writeback.md)
  — the original plan.
- The dropped tasks were created based on
  ADR-0010 and are deleted with this ADR.
"""


def test_supplements_type_amends_and_a_numbered_level_two_first_heading_titles_the_record(tmp_path):
    folder = tmp_path / "docs/adr"
    write(folder / "0005-identity.md", SUPPLEMENTED)
    write(folder / "0011-oidc-headers.md", SUPPLEMENTS)
    write(folder / "0013-defer.md", LEVEL_TWO)
    for name in ("0003-skip-opa", "0010-writeback", "0046-envelope-repair", "0055-oci-charts"):
        write(folder / f"{name}.md", f"# {name}\n\n**Status:** Accepted\n")
    got = records(tmp_path)
    assert sorted(links(got["0005-identity.md"])) == [("amended-by", "0011"), ("amended-by", "0046")]
    assert sorted(links(got["0011-oidc-headers.md"])) == [("amends", "0005"), ("relates-to", "0003")]
    assert got["0013-defer.md"]["title"] == "Defer write-back; manual bumps stay"
    assert sorted(links(got["0013-defer.md"])) == [("superseded-by", "0055"), ("supersedes", "0010")]


# EricSanchezok/repo-seed 979e338fbca3 docs/decisions/0004-optional-extensions-core-minimal.md: a Links entry whose
# description says this record extends its target.
EXTENDS = """# Optional extension packs

## Status

Accepted

## Context and Problem Statement

Why.

## Links

- [ADR 0002](0002-governance.md) — five-layer governance this extends.
- [ADR 0003](0003-tooling.md) — tooling this record leaves as it is.
"""


def test_a_links_entry_saying_this_record_extends_its_target_types_amends(tmp_path):
    write(tmp_path / "docs/decisions/0004-extensions.md", EXTENDS)
    write(tmp_path / "docs/decisions/0002-governance.md", "# Governance\n\n## Status\n\nAccepted\n")
    write(tmp_path / "docs/decisions/0003-tooling.md", "# Tooling\n\n## Status\n\nAccepted\n")
    assert links(records(tmp_path)["0004-extensions.md"]) == [("amends", "0002")]


# Altinn/altinn-studio e049d2c021c4 docs/adr/: records named `YYYY-MM-DD-slug.md`; 2025-09-04-studio-library-
# persistence.md's `- Status: Exceeded by 2025-10-08-studio-library-persistence-2`, that record's `- Status: Replaces
# 2025-09-04-studio-library-persistence` (bare file names without extension), and 2025-10-22-pdf-generation-
# architecture.md's `## Related` entry `- ADR 2025-10-17-using-go.md: Rationale ...`.
DATED = "# {title}\n\n- Status: {status}\n- Deciders: Team Studio\n- Date: {date}\n\n## Result\n\nA4\n{extra}"


def test_records_named_by_dashed_dates_are_ids_by_stem_and_link_by_bare_file_name(tmp_path):
    folder = tmp_path / "docs/adr"
    write(folder / "2025-09-04-persistence.md", DATED.format(
        title="Studio library persistence", status="Exceeded by 2025-10-08-persistence-2", date="04.09.2025", extra=""))
    write(folder / "2025-10-08-persistence-2.md", DATED.format(
        title="Studio library persistence", status="Replaces 2025-09-04-persistence", date="08.10.2025", extra=""))
    write(folder / "2025-10-17-using-go.md", DATED.format(title="Using Go", status="Accepted", date="17.10.2025",
                                                          extra=""))
    write(folder / "2025-10-22-pdf.md", DATED.format(
        title="PDF generation", status="Accepted", date="22.10.2025",
        extra="\n## Related\n\n- Issue #16257: Original problem\n- ADR 2025-10-17-using-go.md: Rationale for Go\n"))
    got = records(tmp_path)
    assert [got[name]["id"] for name in sorted(got)] == [
        "2025-09-04-persistence", "2025-10-08-persistence-2", "2025-10-17-using-go", "2025-10-22-pdf"]
    old, new = got["2025-09-04-persistence.md"], got["2025-10-08-persistence-2.md"]
    assert (old["status"], links(old)) == ("superseded", [("superseded-by", "2025-10-08-persistence-2")])
    assert (new["status"], links(new)) == ("unknown", [("supersedes", "2025-09-04-persistence")])
    assert links(got["2025-10-22-pdf.md"]) == [("relates-to", "2025-10-17-using-go")]


def test_a_dashed_date_names_the_one_record_of_that_day(tmp_path):
    folder = tmp_path / "docs/adr"
    write(folder / "2025-09-04-persistence.md", DATED.format(title="Persistence", status="Proposed", date="04.09.2025",
                                                             extra=""))
    for name in ("2025-06-12-config", "2025-06-12-signing"):
        write(folder / f"{name}.md", DATED.format(title=name, status="Accepted", date="12.06.2025", extra=""))
    result = run_cli(["status", "2025-09-04", "accepted"], tmp_path)
    assert result.code == 0, result.err
    assert "- Status: accepted\n" in (folder / "2025-09-04-persistence.md").read_text(encoding="utf-8")
    result = run_cli(["status", "2025-06-12", "accepted"], tmp_path)
    assert result.code != 0 and "ambiguous" in result.err and "2025-06-12-signing" in result.err
