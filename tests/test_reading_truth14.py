"""Reading misses seen on the fourteenth set (bench/reading/truth14.jsonl, a development set since scored once at
766d470), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import links, nygard, records


# tiagonpsilva/architecture-decision-records 9df2b2f270b4 architectural-patterns/adr-003-microservices.md
# (`# 003 - 📝 🏛️ Arquitetura de Microsserviços`), adr-021-microfrontends.md (`# 🎨 ADR-021: Arquitetura de
# Micro-frontends`), ai-and-ml/adr-040-mcp-api-agents.md (`# ADR-040 - 🤖 MCPs para APIs como Agentes`).
def test_icon_emoji_beside_the_number_prefix_go_with_it(tmp_path):
    headings = {"adr-003-micro.md": "003 - 📝 🏛️ Arquitetura de Microsserviços",
                "adr-021-front.md": "🎨 ADR-021: Arquitetura de Micro-frontends",
                "adr-040-mcp.md": "ADR-040 - 🤖 MCPs para APIs como Agentes",
                "adr-041-ship.md": "🚀 Ship it"}  # (no number: the emoji is the title's own)
    for name, heading in headings.items():
        write(tmp_path / "docs/adr" / name, nygard(heading, "Accepted"))
    got = records(tmp_path)
    assert {n: got[n]["title"] for n in headings} == {
        "adr-003-micro.md": "Arquitetura de Microsserviços", "adr-021-front.md": "Arquitetura de Micro-frontends",
        "adr-040-mcp.md": "MCPs para APIs como Agentes", "adr-041-ship.md": "🚀 Ship it"}


# max578/janusplot 1fb7b67c0d68 adr/0002-class-system.md: `**Status.** Accepted · 2026-04-22.` under the title, no
# Date line.
def test_a_bold_label_closed_by_a_full_stop_is_the_status_line_and_gives_its_date(tmp_path):
    path = tmp_path / "adr/0002-class-system.md"
    write(path, "# 0002. Class system — stay on S3\n\n**Status.** Accepted · 2026-04-22.\n\n## Context\n\nWhy.\n")
    got = records(tmp_path)["0002-class-system.md"]
    assert (got["status"], got["date"]) == ("accepted", "2026-04-22")
    assert run_cli(["status", "2", "deprecated"], tmp_path).code == 0
    assert path.read_text().splitlines()[2].lower() == "**status.** deprecated"  # (the label kept as written)


# mikevalstar/grimoire 4437db85c1a8 docs/adrs/0002-one-http-api-three-delivery-targets.md: okq's front matter
# (`status: stable`, `generated: { by: okq/0.8.0, at: ... }`) over `## Status` / `Accepted.`.
def test_a_page_maturity_in_front_matter_gives_way_to_the_status_section(tmp_path):
    page = ("---\ntype: adr\ntitle: One HTTP API\ntags: [architecture]\nstatus: {}\n---\n\n# One HTTP API\n\n"
            "## Status\n\n{}\n\n## Context\n\nWhy.\n")
    write(tmp_path / "docs/adrs/0002-one-api.md", page.format("stable", "Accepted."))
    write(tmp_path / "docs/adrs/0003-draft.md", page.format("draft", "Proposed."))
    write(tmp_path / "docs/adrs/0004-said.md", page.format("accepted", "Proposed."))  # (a state in front matter wins)
    got = records(tmp_path)
    assert [got[n]["status"] for n in ("0002-one-api.md", "0003-draft.md", "0004-said.md")] == [
        "accepted", "proposed", "accepted"]
    # A status write goes where the status was read: the Status section, with the page maturity left alone.
    (tmp_path / ".git").mkdir()
    stable = tmp_path / "docs/adrs/0002-one-api.md"
    assert run_cli(["status", "0002", "deprecated"], tmp_path).code == 0
    text = stable.read_text()
    assert "status: stable\n" in text and "## Status\n\nDeprecated\n" in text and "Accepted" not in text
    assert records(tmp_path)["0002-one-api.md"]["status"] == "deprecated"
    said = tmp_path / "docs/adrs/0004-said.md"  # (a state in front matter is the status, and is written there)
    assert run_cli(["status", "0004", "deprecated"], tmp_path).code == 0
    assert "status: deprecated\n" in said.read_text() and "## Status\n\nProposed.\n" in said.read_text()


# thoni56/c-xrefactory 79dcabe2b5bb doc/adr/0011-remove-support-for-java.md: `Superceeds [Remove support for
# JavaDoc](0010-remove-support-for-javadoc.md).` under Status.
def test_superceeds_is_supersedes(tmp_path):
    write(tmp_path / "doc/adr/0010-javadoc.md", nygard("10. Remove JavaDoc", "Accepted"))
    write(tmp_path / "doc/adr/0011-java.md", nygard("11. Remove Java", "Accepted\n\nSuperceeds [Remove JavaDoc](0010-javadoc.md)."))
    assert links(records(tmp_path)["0011-java.md"]) == [("supersedes", "0010")]


# tosin2013/aider-lint-fixer 3a34d7034c1d docs/adrs/0002-ai-integration-architecture.md, under `## Links`:
# `* [ADR-0003](0003-modular-plugin-system.md) - Related plugin architecture decisions` beside a link to a website.
def test_a_links_entry_described_as_related_relates_to(tmp_path):
    folder = tmp_path / "docs/adrs"
    write(folder / "0003-plugins.md", nygard("3. Plugins", "Accepted"))
    write(folder / "0004-other.md", nygard("4. Other", "Accepted"))
    write(folder / "0002-ai.md", nygard("2. AI", "Accepted", "\n## Links\n\n* [aider.chat](https://aider.chat/) - AI tool\n"
                                        "* [ADR-0003](0003-plugins.md) - Related plugin architecture decisions\n"
                                        "* [ADR-0004](0004-other.md) - The other decision\n"))
    assert links(records(tmp_path)["0002-ai.md"]) == [("relates-to", "0003")]  # (a description saying what it is: none)


# zeroae/zae-limiter ced59de08fc2 docs/adr/100-centralized-config.md: `**Status:** Proposed`, then a note "Two
# sub-decisions have since been superseded — ... ([ADR-118](118-...md) supersedes [ADR-102](102-...md)) ... The original
# per-limit `#LIMIT#` config keys were replaced by composite `#CONFIG` items ([ADR-114](114-...md), [ADR-115](...))", and
# a table row "[ADR-102](102-...md) *(superseded by [ADR-118](118-...md))*": relations of other records, not this one's.
def test_relations_between_other_records_and_cited_records_are_not_this_record_s(tmp_path):
    folder = tmp_path / "docs/adr"
    for n in (102, 114, 115, 118):
        write(folder / f"{n}-x{n}.md", f"# ADR-{n}: X{n}\n\n**Status:** Accepted\n**Date:** 2026-01-18\n")
    write(folder / "100-config.md", "# ADR-100: Config\n\n**Status:** Proposed\n**Date:** 2026-01-18\n\n> **Note:** Two "
                                    "sub-decisions have since been superseded — the hierarchy grew ([ADR-118](118-x118.md) "
                                    "supersedes [ADR-102](102-x102.md)). The original `#LIMIT#` config keys were replaced"
                                    " by composite `#CONFIG` items ([ADR-114](114-x114.md), [ADR-115](115-x115.md)).\n\n"
                                    "## Decision\n\n| Decision | ADR |\n|---|---|\n| Hierarchy | [ADR-102](102-x102.md) "
                                    "*(superseded by [ADR-118](118-x118.md))* |\n")
    write(folder / "101-old.md", "# ADR-101: Old\n\n**Status:** Superseded by [ADR-118](118-x118.md)\n")
    write(folder / "103-later.md", "# ADR-103: Later\n\n**Status:** Accepted\n\nThis ADR supersedes [ADR-102](102-x102.md)"
                                   " and is replaced by the approach in [ADR-115](115-x115.md).\n")
    got = records(tmp_path)
    assert (got["100-config.md"]["status"], links(got["100-config.md"])) == ("proposed", [])
    assert (got["101-old.md"]["status"], links(got["101-old.md"])) == ("superseded", [("superseded-by", "0118")])
    assert sorted(links(got["103-later.md"])) == [("superseded-by", "0115"), ("supersedes", "0102")]
