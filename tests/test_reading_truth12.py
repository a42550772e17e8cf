"""Reading misses seen on the twelfth set (bench/reading/truth12.jsonl, a development set since scored once at
092d690), each fixed by a general rule.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import links, nygard, records


# naninfinite/website-os 4e5f843fa57b docs/decisions/ADR-00X-vfs-id-strategy.md (`# ADR-00X: ...`),
# ADR-TERMINAL-SCOPE.md (`# ADR-TERMINAL-SCOPE: ...`); usnistgov/OSCAL c527e402f674 decisions/0009-*.md (`# : ...`).
def test_placeholder_and_word_identifiers_and_an_orphan_separator_leave_the_title(tmp_path):
    for name, heading in (("0001-vfs.md", "ADR-00X: VFS ID Strategy and Atomic Persistence"),
                          ("0002-scope.md", "ADR-TERMINAL-SCOPE: Terminal.EXE Scope and Intent"),
                          ("0003-lifecycle.md", ": Design simplified system lifecycle"),
                          ("0004-naming.md", "ADR: Naming")):
        write(tmp_path / "docs/adr" / name, nygard(heading, "Accepted"))
    got = records(tmp_path)
    assert [got[n]["title"] for n in ("0001-vfs.md", "0002-scope.md", "0003-lifecycle.md", "0004-naming.md")] == [
        "VFS ID Strategy and Atomic Persistence", "Terminal.EXE Scope and Intent", "Design simplified system lifecycle",
        "ADR: Naming"]  # (no identifier: the lead-in is part of the title)


# testruction/adr 76c9d327fc60 docs/adrs/README.en.md (a README's translation) and process.md (a Hugo page: `title`,
# `date`, `draft`, `weight` in front matter over the team's process, no status): documents, not records.
SITE_PAGE = '---\ntitle: "Bien débuter"\ndate: 2021-04-11T03:01:02+02:00\ndraft: true\nweight: 100\n---\n\n## Processus\n\nLe processus.\n'


def test_a_translated_readme_and_a_site_page_without_status_are_no_records(tmp_path):
    write(tmp_path / "docs/adr/README.en.md", SITE_PAGE.replace("Bien débuter", "What is an ADR ?"))
    write(tmp_path / "docs/adr/process.md", SITE_PAGE)
    write(tmp_path / "docs/adr/0001-use-x.md", SITE_PAGE.replace("draft: true", "status: accepted"))
    assert set(records(tmp_path)) == {"0001-use-x.md"}  # (with a status, the same front matter is a record's)


# maehwasoo/AILSS baf58ba821cc docs/adr/0006-codex-cli-sandbox-vault-permissions.md: `status: superseded` then
# `superseded_by: 0007-obsidian-plugin-hosts-mcp-over-localhost` on plain lines under the title.
def test_an_underscored_key_on_a_metadata_line_is_read(tmp_path):
    write(tmp_path / "docs/adr/0006-sandbox.md", "# 0006. Sandbox\n\nstatus: superseded\nsuperseded_by: 0007-plugin\n\n"
                                                 "## Context\n\nWhy.\n")
    write(tmp_path / "docs/adr/0007-plugin.md", nygard("0007. Plugin", "Accepted"))
    got = records(tmp_path)["0006-sandbox.md"]
    assert (got["status"], links(got)) == ("superseded", [("superseded-by", "0007")])


# ministryofjustice/offender-management-architecture-decisions 478f3e5015ba decisions/0004-*.md: `Amended by [18. Unify
# API and Presentation layer](0018-unify-api-and-presentation-layer.md)`, no such file, 0018 another record, and
# 0020-unify-api-and-presentation-layer.md naming 0004 from its side (a repository URL without `.md`). PC1-23/Checkpoint2
# cb815602ac94 docs/ADR/0015-*.md: `0018-upload-feedback.md`, no such file, 0018 unrelated, 0014-upload-feedback not
# naming 0015: no record. evencycu/go-project-template (truth7) `0004-adr-result.md` for 0004-adr-support-tool: a rename.
def test_a_link_to_a_renumbered_record_resolves_by_its_name_and_confirmation(tmp_path):
    folder = tmp_path / "decisions"
    write(folder / "0004-separate-api.md", nygard("4. Separate API", "Accepted\n\nAmended by [18. Unify API](0018-unify-api.md)"
                                                  "\n\nAmended by [18. Upload feedback](0018-upload-feedback.md)"
                                                  "\n\nAmended by [7. ADR result](0007-adr-result.md)"))
    write(folder / "0018-testing-tls-for-api-access.md", nygard("18. Testing TLS", "Accepted"))
    write(folder / "0014-upload-feedback.md", nygard("14. Upload feedback", "Accepted"))
    write(folder / "0007-adr-support-tool.md", nygard("7. ADR support tool", "Accepted"))
    write(folder / "0020-unify-api.md", nygard("20. Unify API", "Accepted\n\nAmends [Separate API](https://github.com/o/r/"
                                                                 "blob/master/decisions/0004-separate-api)"))
    got = records(tmp_path)["0004-separate-api.md"]
    assert links(got) == [("amended-by", "0020"), ("amended-by", None), ("amended-by", "0007")]


# naninfinite/website-os 4e5f843fa57b docs/decisions/ADR-00X-terminal-arcade-renderers.md: no Markdown heading at all,
# the opening line naming the record, plain `Status` / `Context` lines as its sections.
PLAIN_LINES = """ADR-00X: Terminal-OS Arcade Renderers Use Green-on-Black Canvas

Status

Accepted — Sprint 1

Context

Arcade.EXE ships with Pong and Snake.

Decision

Use canvas renderers.
"""


def test_a_file_with_no_heading_opening_with_a_line_naming_the_record_is_one(tmp_path):
    write(tmp_path / "docs/adr/ADR-00X-arcade.md", PLAIN_LINES)
    write(tmp_path / "docs/adr/notes.md", PLAIN_LINES.replace("ADR-00X: ", "Notes on "))
    got = records(tmp_path)
    assert set(got) == {"ADR-00X-arcade.md"}
    record = got["ADR-00X-arcade.md"]
    assert (record["title"], record["status"], record["date"]) == (
        "Terminal-OS Arcade Renderers Use Green-on-Black Canvas", "accepted", None)


def test_a_status_set_on_a_file_with_no_heading_changes_its_plain_status_line_only(tmp_path):
    path = tmp_path / "docs/adr/ADR-00X-arcade.md"
    write(path, PLAIN_LINES)
    result = run_cli(["status", "ADR-00X-arcade", "deprecated"], tmp_path)
    assert result.code == 0, result.err
    assert path.read_text() == PLAIN_LINES.replace("Accepted — Sprint 1", "Deprecated")
    assert records(tmp_path)["ADR-00X-arcade.md"]["status"] == "deprecated"
