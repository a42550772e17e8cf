"""`adrtool renumber OLD NEW`: the rename, the title, and every reference across the repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from adrtool import store
from adrtool.authoring.changes import apply
from adrtool.authoring.renumber import renumber
from tests.conftest import git, make_read_only, require_tool, run_cli, run_process, write
from tests.record_samples import make_log


def texts(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*.md")) if ".git" not in p.parts}


def links_of(root: Path) -> dict[str, list[tuple[str, str | None]]]:
    """Each record's links as (relation, resolved file or None)."""
    repo = store.load(root)
    out = {}
    for d in repo.records:
        out[d.id] = sorted((l.relation.value, getattr(repo.resolve_link(d, l.target), "path", None)) for l in d.links)
    return out


@pytest.mark.parametrize("dialect", ["native", "madr4", "madr3", "madr2", "nygard"])
def test_renumber_renames_and_rewrites_every_reference(tmp_path, dialect):
    log = make_log(tmp_path, dialect)
    before = texts(tmp_path)
    result = run_cli(["renumber", "2", "12"], tmp_path)
    assert result.code == 0, result.err
    new_rel = f"{log.folder}/0012-use-tabs.md"
    assert f"created {new_rel}\ndeleted {log.rel('B')}\n" in result.out
    assert not log.path("B").exists()
    after = texts(tmp_path)
    # The record itself: only its number changed.
    old_b = before[log.rel("B")]
    expected_b = old_b.replace("# 2. Use tabs", "# 12. Use tabs")
    assert after[new_rel] == expected_b
    # Every other file: each reference to B points at the new name, and nothing else changed.
    for rel, text in before.items():
        if rel == log.rel("B"):
            continue
        expected = (text.replace("0002-use-tabs.md", "0012-use-tabs.md").replace("ADR-0002", "ADR-0012")
                    .replace("[2. Use tabs]", "[12. Use tabs]"))
        if dialect == "native" and rel == log.rel("C"):
            expected = expected.replace("supersedes: [2]", "supersedes: [12]")
        assert after[rel] == expected, rel
    # And the store agrees: C still supersedes B, A is untouched, B is superseded.
    repo = store.load(tmp_path)
    b = repo.resolve("12")
    assert b.path == new_rel and b.status.value == "superseded"
    if dialect not in ("madr3", "madr4"):  # MADR 3/4 records carry no 'supersedes' key
        assert ("supersedes", new_rel) in links_of(tmp_path)["0003"]
    assert run_cli(["lint"], tmp_path).code in (0, 1)
    assert "0012" in run_cli(["list"], tmp_path).out


def test_log4brains_records_have_no_number_to_change(tmp_path):
    log = make_log(tmp_path, "log4brains")
    before = texts(tmp_path)
    result = run_cli(["renumber", log.ids["B"], "5"], tmp_path)
    assert result.code == 2
    assert result.err == f"adrtool: error: {log.rel('B')}: '{log.ids['B']}' has no number to change\n"
    assert texts(tmp_path) == before


def test_dry_run_shows_the_rename_and_writes_nothing(tmp_path):
    log = make_log(tmp_path, "nygard")
    before = texts(tmp_path)
    result = run_cli(["renumber", "ADR-0002", "7", "--dry-run"], tmp_path)
    assert result.code == 0
    assert f"--- /dev/null\n+++ b/{log.folder}/0007-use-tabs.md" in result.out
    assert f"--- a/{log.rel('B')}\n+++ /dev/null" in result.out
    assert "+Supersedes [7. Use tabs](0007-use-tabs.md)" in result.out
    assert texts(tmp_path) == before


def test_padding_style_is_kept(tmp_path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["adr"]\n')
    write(tmp_path / "adr/1-first.md", "# 1. First\n\n## Status\n\nAccepted\n")
    write(tmp_path / "adr/2-second.md", "# 2. Second\n\n## Status\n\nAccepted\n\nAmends [1. First](1-first.md)\n")
    assert run_cli(["renumber", "1", "10"], tmp_path).code == 0
    assert (tmp_path / "adr/10-first.md").read_text() == "# 10. First\n\n## Status\n\nAccepted\n"
    assert "Amends [10. First](10-first.md)\n" in (tmp_path / "adr/2-second.md").read_text()


def test_references_in_code_urls_and_to_other_records_are_left_alone(tmp_path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(tmp_path / "decisions/0001-a.md", "---\nstatus: accepted\n---\n\n# A\n")
    write(tmp_path / "decisions/0012-b.md", "---\nstatus: accepted\n---\n\n# B\n")
    c = ("---\nstatus: accepted\nrelates-to:\n  - 12\n  - 1\n---\n\n# C\n\n"
         "See ADR-0012, ADR 12, ADR-0001 and [b][ref].\n\n"
         "Old notes: https://example.com/ADR-0012 and issue #12.\n\n"
         "```\nADR-0012 in a code block\n```\n\n[ref]: ./0012-b.md#context\n")
    write(tmp_path / "decisions/0003-c.md", c)
    assert run_cli(["renumber", "12", "4"], tmp_path).code == 0
    assert (tmp_path / "decisions/0003-c.md").read_text() == (
        "---\nstatus: accepted\nrelates-to:\n  - 4\n  - 1\n---\n\n# C\n\n"
        "See ADR-0004, ADR 4, ADR-0001 and [b][ref].\n\n"
        "Old notes: https://example.com/ADR-0012 and issue #12.\n\n"
        "```\nADR-0012 in a code block\n```\n\n[ref]: ./0004-b.md#context\n"
    )


def test_two_records_sharing_a_number_only_file_links_are_rewritten(tmp_path):
    """The branch-collision case: renumber one of the two 0002s; 'ADR-0002' may mean the other one."""
    log = make_log(tmp_path, "nygard")
    write(tmp_path / log.folder / "0002-use-yaml.md", "# 2. Use YAML\n\n## Status\n\nAccepted\n")
    result = run_cli(["renumber", log.rel("B"), "4"], tmp_path)
    assert result.code == 0, result.err
    assert "also carries number 2" in result.err
    c = log.path("C").read_text()
    assert "Supersedes [4. Use tabs](0004-use-tabs.md)" in c
    assert "and ADR-0002." in c  # ambiguous: left for the user


@pytest.mark.parametrize("dialect", ["native", "madr4", "madr3", "madr2", "nygard"])
def test_bad_input_is_one_line_and_exit_2(tmp_path, dialect):
    log = make_log(tmp_path, dialect)
    before = texts(tmp_path)
    for args, message in [
        (["renumber", "99", "5"], "no decision '99'"),
        (["renumber", "2", "3"], f"number 3 is taken by {log.rel('C')}; choose another"),
        (["renumber", "2", "2"], "is already number 2"),
        (["renumber", "2", "two"], "NEW must be a number, not 'two'"),
        (["renumber", "2", "123456"], "a record number is between 0 and 99999"),
        (["renumber", "overview#1", "5"], "'overview#1' has no number to change"),
    ]:
        result = run_cli(args, tmp_path)
        assert result.code == 2, args
        assert message in result.err and len(result.err.strip().splitlines()) == 1, result.err
    assert texts(tmp_path) == before


def test_a_number_used_on_another_branch_is_refused(git_repo):
    log = make_log(git_repo, "nygard")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "log")
    git(git_repo, "checkout", "-qb", "feature")
    write(git_repo / log.folder / "0004-use-kafka.md", "# 4. Use Kafka\n\n## Status\n\nProposed\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "kafka")
    git(git_repo, "checkout", "-q", "main")
    result = run_cli(["renumber", "2", "4"], git_repo)
    assert result.code == 2 and result.err == "adrtool: error: number 4 is used on branch feature; choose another\n"
    assert log.path("B").exists()
    assert run_cli(["renumber", "2", "5"], git_repo).code == 0


def test_read_only_folder_touches_nothing(tmp_path):
    log = make_log(tmp_path, "nygard")
    before = texts(tmp_path)
    undo = make_read_only(tmp_path / log.folder)
    try:
        result = run_cli(["renumber", "2", "9"], tmp_path)
    finally:
        undo()
    assert result.code == 2 and "not writable" in result.err
    assert texts(tmp_path) == before


def test_a_file_changed_on_disk_after_planning_is_not_overwritten(tmp_path):
    log = make_log(tmp_path, "native")
    repo = store.load(tmp_path)
    changes = renumber(repo, repo.resolve("2"), 9)
    log.path("C").write_text(log.path("C").read_text() + "Edited elsewhere.\n")
    with pytest.raises(store.ConflictError):
        apply(repo, changes)
    assert log.path("B").exists() and not (tmp_path / log.folder / "0009-use-tabs.md").exists()
    assert log.path("C").read_text().endswith("Edited elsewhere.\n")


def test_adr_tools_follows_the_renumbered_log(git_repo):
    adr = require_tool("adr")

    def run_adr(*args):
        return subprocess.run([adr, *args], cwd=git_repo, capture_output=True, text=True, check=True).stdout

    run_adr("init", "doc/adr")
    run_adr("new", "Use Postgres")
    run_adr("new", "-s", "2", "Use MySQL")
    result = run_cli(["renumber", "2", "7"], git_repo)
    assert result.code == 0, result.err
    assert [Path(p).name for p in run_adr("list").split()] == [
        "0001-record-architecture-decisions.md", "0003-use-mysql.md", "0007-use-postgres.md"]
    toc = run_adr("generate", "toc")
    assert "* [7. Use Postgres](0007-use-postgres.md)" in toc
    graph = run_adr("generate", "graph")
    assert '_3 -> _7 [label="Supersedes"' in graph
    # adr-tools keeps working on the renumbered log: it supersedes 7 by its new file name.
    run_adr("new", "-s", "7", "Use SQLite")
    assert "Superseded by [8. Use SQLite](0008-use-sqlite.md)" in (git_repo / "doc/adr/0007-use-postgres.md").read_text()


def test_as_a_real_process_errors_are_one_line_without_traceback(tmp_path):
    make_log(tmp_path, "nygard")
    result = run_process(["renumber", "2", "3"], tmp_path)
    assert result.code == 2
    assert result.err == "adrtool: error: number 3 is taken by doc/adr/0003-use-spaces.md; choose another\n"


def test_rst_references_follow_the_renumbered_record(tmp_path):
    # The forms of openedx/enterprise-access and openedx-events docs/decisions: a `.. _ADR-7:` label and
    # `:ref:` to it, `:doc:` roles with and without a title, an inline link and a named target to the file.
    folder = tmp_path / "docs/decisions"
    write(folder / "0007-use-kafka.rst", ".. _ADR-7:\n\n7. Use Kafka\n============\n\nStatus\n------\n\nAccepted\n")
    events = ("2. Events\n=========\n\nStatus\n------\n\nSuperseded by :doc:`0007-use-kafka`\n\nContext\n-------\n\n"
              "See `Kafka <0007-use-kafka.rst>`_, :doc:`the choice <./0007-use-kafka>`, `Kafka ADR`_, ADR-0007,"
              " :ref:`ADR-7` and :doc:`0002-events`.\n\n.. _Kafka ADR: 0007-use-kafka.rst\n")
    write(folder / "0002-events.rst", events)
    write(tmp_path / "README.md", "# Index\n\n* [Kafka](docs/decisions/0007-use-kafka.rst)\n")
    result = run_cli(["renumber", "7", "12"], tmp_path)
    assert result.code == 0, result.err
    # the title's number, its underline made as long as the title, and the label that names it
    assert (folder / "0012-use-kafka.rst").read_text() == (
        ".. _ADR-12:\n\n12. Use Kafka\n=============\n\nStatus\n------\n\nAccepted\n")
    assert (folder / "0002-events.rst").read_text() == (
        events.replace("0007-use-kafka", "0012-use-kafka").replace("ADR-0007", "ADR-0012").replace("ADR-7", "ADR-12"))
    assert (tmp_path / "README.md").read_text() == "# Index\n\n* [Kafka](docs/decisions/0012-use-kafka.rst)\n"
    repo = store.load(tmp_path)
    assert repo.resolve("2").status.value == "superseded" and repo.resolve("12").title == "Use Kafka"


def test_obsidian_wiki_links_to_the_record_are_rewritten_and_others_left(tmp_path):
    """BeardedRepoWrangler/EQAggroMeter b72a2eab44e7 decisions/0005-*.md lists its related records as Obsidian wiki
    links, `[[0002-tlo-surface]]` and `[[0004-...|ADR 0004]]`; the reader resolves them (truth31), so renumber keeps
    them pointing at the record, alias and all.  A wiki link to a page of another slug names no record."""
    write(tmp_path / "decisions/0002-tlo-surface.md", "# 2. TLO surface\n\n## Status\n\nAccepted\n")
    write(tmp_path / "decisions/0003-chat.md", "# 3. Chat\n\n## Status\n\nAccepted\n\n## Related\n\n"
          "- [[0002-tlo-surface]] — the constraints\n- [[0002-tlo-surface|ADR 0002]] — again\n"
          "- [[0002-tlo-surface#Decision]] — its decision\n- [[0002-other]] — another page\n")
    assert _wiki_links(tmp_path) == [("relates-to", ""), ("relates-to", "decisions/0002-tlo-surface.md")]
    assert run_cli(["renumber", "2", "7"], tmp_path).code == 0
    assert (tmp_path / "decisions/0003-chat.md").read_text().endswith(
        "- [[0007-tlo-surface]] — the constraints\n- [[0007-tlo-surface|ADR 0007]] — again\n"
        "- [[0007-tlo-surface#Decision]] — its decision\n- [[0002-other]] — another page\n")
    assert _wiki_links(tmp_path) == [("relates-to", ""), ("relates-to", "decisions/0007-tlo-surface.md")]


def _wiki_links(root: Path) -> list[tuple[str, str]]:
    repo = store.load(root)
    d = next(d for d in repo.records if d.id == "0003")
    return sorted((l.relation.value, getattr(repo.resolve_link(d, l.target), "path", "")) for l in d.links)
