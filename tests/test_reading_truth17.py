"""Reading misses seen on the seventeenth set (bench/reading/truth17.jsonl, a development set since scored once at
8ec09e7), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import write
from tests.test_reading_truth6 import links, nygard, records


def _madr(number: int, title: str, extra_keys: str = "", body: str = "") -> str:
    return (f"---\nid: {number}\ntitle: {title}\nstatus: accepted\ndate: 2026-06-30\n{extra_keys}---\n\n# {title}\n\n"
            f"## Context and Problem Statement\n\nWhy.\n\n## Decision Outcome\n\nWhat.\n{body}")


# Atypical-Consulting/Koine a408f7d3ec83 adr/0001-record-architecture-decisions.md (`links:` / `- type: relates-to` /
# `target: 10`), adr/0013-*.md (the flow form); an entry whose id names no file (`target: 626`) links nothing.
def test_front_matter_links_entries_are_typed_links(tmp_path):
    folder = tmp_path / "adr"
    write(folder / "0001-record.md", _madr(1, "Record", "links:\n  - type: relates-to\n    target: 10\n"
                                                        "  - type: superseded-by\n    target: 12\n"))
    write(folder / "0010-madr.md", _madr(10, "MADR", "links: [{type: relates-to, target: 1}, {type: relates-to, target: 626}]\n"))
    write(folder / "0012-newer.md", _madr(12, "Newer", "links:\n  - name: GitHub\n    url: https://github.com/x\n"))
    got = records(tmp_path)
    assert links(got["0001-record.md"]) == [("relates-to", "0010"), ("superseded-by", "0012")]
    assert links(got["0010-madr.md"]) == [("relates-to", "0001"), ("relates-to", None)]
    assert links(got["0012-newer.md"]) == []  # (social links: no relation between records)


# Koine a408f7d3ec83 adr/0008-*.md ("- This supersedes ADR 0002's Decision 3 on the specific point ..."), adr/0012-*.md
# ("This **amends** ADR 0011's Consequences rather than superseding the ADR"), adr/0002-*.md ("see [ADR 0008](...),
# which supersedes this point").
def test_this_record_as_the_subject_types_a_plain_reference(tmp_path):
    folder = tmp_path / "adr"
    write(folder / "0002-semver.md", _madr(2, "Semver", body="\n- Tags are pushed by the workflow instead — see "
                                           "[ADR 0008](0008-assets.md), which supersedes this\n  point.\n"))
    write(folder / "0008-assets.md", _madr(8, "Assets", body="\n- This supersedes ADR 0002's Decision 3 on one point.\n"))
    write(folder / "0011-sandbox.md", _madr(11, "Sandbox"))
    write(folder / "0012-confine.md", _madr(12, "Confine", body="\nThis **amends** ADR 0011's Consequences rather than "
                                            "superseding the ADR.\n\nThe decisions ADR 0011 took stand.\n"))
    got = records(tmp_path)
    assert links(got["0002-semver.md"]) == [("superseded-by", "0008")]
    assert got["0002-semver.md"]["status"] == "accepted"  # (the status keeps its written word)
    assert links(got["0008-assets.md"]) == [("supersedes", "0002")]
    assert links(got["0012-confine.md"]) == [("amends", "0011")]
    assert links(got["0011-sandbox.md"]) == []


# 45ck/Portarium docs/internal/adr/ADR-0142-approval-execution-atomic-claim-cas.md ("This ADR extends ADR-0118, ADR-0069,
# and ADR-0101."); ADORSYS-GIS/ai-helm c23aafc4258e docs/adr/0056-*.md (the record linked by file too: one link).
def test_this_adr_extends_a_list_of_records(tmp_path):
    folder = tmp_path / "adr"
    for n in (1, 2, 3):
        write(folder / f"000{n}-r.md", _madr(n, f"R{n}"))
    write(folder / "0004-x.md", _madr(4, "X", body="\nThis ADR extends ADR-0001, ADR-0002, and ADR-0003.\n"))
    write(folder / "0005-y.md", _madr(5, "Y", body="\nThis **amends ADR-0001's scope** as [ADR-0001](./0001-r.md) amends"
                                       " [ADR-0002](0002-r.md).\n\nAmends [ADR-0001](./0001-r.md).\n"))
    got = records(tmp_path)
    assert links(got["0004-x.md"]) == [("amends", "0001"), ("amends", "0002"), ("amends", "0003")]
    assert links(got["0005-y.md"]) == [("amends", "0001")]


# embvm/embvm-core b4de623b6392 docs/architecture/decisions/0006-differentiate-drivers-and-hal.md (`Relates to decision
# [0002: Layering Scheme](0002-layering-scheme.md)` under the title) and 0010-dispatch-callbacks.md (`This relates to
# decision [...]`).
def test_relates_to_decision_under_the_title_is_relates_to(tmp_path):
    folder = tmp_path / "docs/architecture/decisions"
    write(folder / "0002-layering.md", nygard("2. Layering", "Accepted"))
    write(folder / "0006-drivers.md", "# 6. Drivers\n\nDate: 2018-10-31\n\nRelates to decision [0002: Layering]"
                                      "(0002-layering.md)\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n")
    write(folder / "0010-dispatch.md", "# 10. Dispatch\n\nDate: 2018-10-31\n\nThis relates to decision [0002: Layering]"
                                       "(0002-layering.md)\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n")
    got = records(tmp_path)
    assert links(got["0006-drivers.md"]) == links(got["0010-dispatch.md"]) == [("relates-to", "0002")]


# defenseunicorns/pepr b16fc8b7976f adr/0003-use-commonjs-and-esbuild.md: `Accepted (Partially Superseded)` over
# `> **Note**: ... See [ADR-0021](./0021-typescript-module-resolution.md) for the current module resolution strategy`.
def test_a_partially_superseded_status_and_its_see_note(tmp_path):
    folder = tmp_path / "adr"
    note = "Accepted (Partially Superseded)\n\n> **Note**: ESM builds came later. See [ADR-0021](./0021-esm.md) for the current one."
    write(folder / "0003-cjs.md", nygard("3. Use CommonJS", note))
    write(folder / "0004-other.md", nygard("4. Other", "Accepted\n\nSee [ADR-0021](./0021-esm.md) for the current one."))
    write(folder / "0021-esm.md", nygard("21. ESM", "Accepted"))
    got = records(tmp_path)
    assert (got["0003-cjs.md"]["status"], links(got["0003-cjs.md"])) == ("superseded", [("superseded-by", "0021")])
    assert (got["0004-other.md"]["status"], links(got["0004-other.md"])) == ("accepted", [])  # (no status word: untyped)


# dylanmarriner/ATLAS-GATE-MCP e3fa03511455 adr/001-dual-role-governance.md: documentation front matter (`last_updated:`)
# over `# ADR-001: ...`, and a closing `**Decision Date**: 2026-01-19` over `**Review Date**: 2026-04-19` after a rule.
def test_a_closing_decision_date_line_is_the_date(tmp_path):
    write(tmp_path / "adr/001-roles.md", "---\ntitle: \"ADR-001: Roles\"\nlast_updated: \"2026-01-31\"\n---\n\n# ADR-001: Roles\n\n"
                                         "## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n---\n\n**Decision Date**: 2026-01-19  \n"
                                         "**Review Date**: 2026-04-19  \n**Status**: Accepted and Implemented\n")
    got = records(tmp_path)["001-roles.md"]
    assert (got["date"], got["status"]) == ("2026-01-19", "accepted")


# DFE-Digital/early-years-foundation-reform ef1b89948ad9 adr/0007-content-storage-strategy.md (`* Status: accepted,
# superseded by [ADR-0010](0010-contentful.md)`) and adr/0001-*.md (`Rejected, superseded by [ADR-0002](0002-madr.md)`);
# CMS-Enterprise/easi-app docs/adr/0004-using-typescript.md's template list of values stays proposed.
def test_a_later_superseded_state_on_the_status_line_counts(tmp_path):
    folder = tmp_path / "adr"
    write(folder / "0001-record.md", nygard("Record architecture decisions", "Rejected, superseded by [ADR-0002](0002-madr.md)"))
    write(folder / "0002-madr.md", nygard("Use MADR", "Accepted"))
    write(folder / "0007-content.md", "# Use YAML\n\n* Status: accepted, superseded by [ADR-0010](0010-contentful.md)\n\n"
                                      "## Context and Problem Statement\n\nWhy.\n")
    write(folder / "0008-typescript.md", "# Use TypeScript\n\n- Status: Proposed [Proposed, Accepted, Rejected, Deprecated, "
                                         "Superseded, etc.]\n\n## Context and Problem Statement\n\nWhy.\n")
    got = records(tmp_path)
    assert [got[n]["status"] for n in ("0001-record.md", "0007-content.md", "0008-typescript.md")] == [
        "superseded", "superseded", "proposed"]


# drewgingerich/homelab af8cfb7836d5 docs/decisions/241019-use-tailscale-for-personal-remote-access.md (`# Use Tailscale
# ...` over `## Problem`, `## Options`, `## Solution`), 250324A-manage-systems-with-nix.md (Problem and Solution), and
# DRAFT-get-a-server-ups.md (`# DRAFT: Get a UPS` over Problem and Decision, no status line).
def test_drafts_with_a_problem_and_options_are_records(tmp_path):
    folder = tmp_path / "docs/decisions"
    write(folder / "241019-use-tailscale.md", "# Use Tailscale\n\n## Problem\n\nRemote access.\n\n## Options\n\n1. Do not\n"
                                              "2. VPN\n\n## Solution\n\nUse Tailscale.\n")
    write(folder / "250324A-use-nix.md", "# Manage systems with Nix\n\n## Problem\n\nDrift.\n\n## Solution\n\nNix.\n")
    write(folder / "DRAFT-get-a-ups.md", "# DRAFT: Get a UPS\n\n## Problem\n\nPower.\n\n## Decision\n\nBuy one.\n")
    write(folder / "notes.md", "# Notes\n\n## Problem\n\nOnly a problem.\n")  # (no options, no solution: a document)
    got = records(tmp_path)
    assert set(got) == {"241019-use-tailscale.md", "250324A-use-nix.md", "DRAFT-get-a-ups.md"}
    assert [(got[n]["title"], got[n]["status"]) for n in sorted(got)] == [
        ("Use Tailscale", "unknown"), ("Manage systems with Nix", "unknown"), ("Get a UPS", "proposed")]
