"""adrtool writes what the real adr-tools reads: `adr list`, `adr generate toc|graph`, `adr new -s`."""

from __future__ import annotations

import os
import re
import subprocess

from adrtool import lint, store
from adrtool.model import Status
from tests.conftest import require_tool, run_cli

FOLDER = "doc/architecture/decisions"


def adr(cwd, *args) -> str:
    env = dict(os.environ, EDITOR="true", VISUAL="true")
    done = subprocess.run([require_tool("adr"), *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


def adrtool(cwd, *args) -> str:
    r = run_cli(list(args), cwd)
    assert r.code == 0, (args, r.err)
    return r.out


def read(root, name_start: str) -> str:
    (path,) = (root / FOLDER).glob(f"{name_start}-*.md")
    return path.read_text()


def test_adrtool_continues_an_adr_tools_log(git_repo):
    adr(git_repo, "init", FOLDER)
    adr(git_repo, "new", "Use PostgreSQL")                                       # 0002, by adr-tools
    adrtool(git_repo, "new", "Use CockroachDB", "--supersedes", "2",
            "--choice", "deliberate", "--door", "one-way")                        # 0003
    adrtool(git_repo, "new", "Cache reads", "--link", "amends:3",
            "--choice", "arbitrary", "--door", "two-way")                         # 0004
    adrtool(git_repo, "link", "4", "relates-to", "1")
    adr(git_repo, "new", "-s", "4", "Cache nothing")                             # 0005, by adr-tools
    adrtool(git_repo, "new", "Cache at the edge", "-s", "5")                     # 0006
    adrtool(git_repo, "status", "6", "accepted")
    adrtool(git_repo, "new", "Use Spanner", "--choice", "deliberate", "--door", "one-way")  # 0007
    adrtool(git_repo, "supersede", "3", "7")

    listed = adr(git_repo, "list").split()
    assert [p.rsplit("/", 1)[-1] for p in listed] == [
        "0001-record-architecture-decisions.md", "0002-use-postgresql.md", "0003-use-cockroachdb.md",
        "0004-cache-reads.md", "0005-cache-nothing.md", "0006-cache-at-the-edge.md", "0007-use-spanner.md"]

    toc = adr(git_repo, "generate", "toc")
    for line in ("* [3. Use CockroachDB](0003-use-cockroachdb.md)", "* [4. Cache reads](0004-cache-reads.md)",
                 "* [6. Cache at the edge](0006-cache-at-the-edge.md)", "* [7. Use Spanner](0007-use-spanner.md)"):
        assert line in toc.splitlines()

    graph = adr(git_repo, "generate", "graph")
    edges = set(re.findall(r"(_\d+ -> _\d+) \[label=\"([^\"]+)\"", graph))
    # adr-tools draws forward links only (it drops labels ending in " by").
    assert edges == {("_3 -> _2", "Supersedes"), ("_4 -> _3", "Amends"), ("_4 -> _1", "Relates to"),
                     ("_1 -> _4", "Relates to"), ("_5 -> _4", "Supersedes"), ("_6 -> _5", "Supersedes"),
                     ("_7 -> _3", "Supersedes")}

    # The record adr-tools made with `adr new -s` is superseded as adr-tools itself would do it.
    fifth = read(git_repo, "0005")
    status = fifth.split("## Status\n", 1)[1].split("\n## ", 1)[0]
    assert "Accepted" not in status
    assert "Superseded by [6. Cache at the edge](0006-cache-at-the-edge.md)" in status
    assert "Supersedes [4. Cache reads](0004-cache-reads.md)" in status
    sixth = read(git_repo, "0006")
    assert sixth.startswith("# 6. Cache at the edge\n\nDate: ")
    assert "\n## Status\n\nAccepted\n\nSupersedes [5. Cache nothing](0005-cache-nothing.md)\n" in sixth

    repo = store.load(git_repo)
    states = {d.id: d.status for d in repo.records}
    # `adr new -s` removes only the word "Accepted", so 0004 (proposed, made by adrtool) keeps its word
    # and gains the link, which the store reads as superseded; 0005 (accepted, made by adr-tools)
    # lost its word to adrtool's `-s`.
    assert states == {"0001": Status.ACCEPTED, "0002": Status.SUPERSEDED, "0003": Status.SUPERSEDED,
                      "0004": Status.SUPERSEDED, "0005": Status.SUPERSEDED, "0006": Status.ACCEPTED,
                      "0007": Status.PROPOSED}
    third = read(git_repo, "0003").split("## Status\n", 1)[1].split("\n## ", 1)[0]
    assert "Superseded by [7. Use Spanner](0007-use-spanner.md)" in third.splitlines() and "Proposed" not in third
    assert repo.resolve("4").superseded_by == ["0005-cache-nothing.md"]
    assert [p for p in lint.lint(repo) if p.severity == "error"] == []


def test_adr_tools_continues_a_log_adrtool_wrote(git_repo):
    adr(git_repo, "init", FOLDER)
    adrtool(git_repo, "new", "Use Kafka", "--choice", "deliberate", "--door", "one-way", "--status", "accepted")
    adr(git_repo, "new", "-s", "2", "Use NATS")
    adr(git_repo, "link", "3", "Amends", "1", "Amended by")
    second = read(git_repo, "0002")
    assert "Superseded by [3. Use NATS](0003-use-nats.md)" in second and "\nAccepted\n" not in second
    assert "Choice: deliberate\nDoor: one-way\n" in second  # adr-tools leaves adrtool's tags alone
    repo = store.load(git_repo)
    second_record = repo.resolve("2")
    assert second_record.status is Status.SUPERSEDED and second_record.door.value == "one-way"
    # and adrtool picks up again after adr-tools
    out = adrtool(git_repo, "new", "Use Pulsar", "-s", "3")
    assert out.splitlines()[0] == f"created {FOLDER}/0004-use-pulsar.md"
    assert "Superseded by [4. Use Pulsar](0004-use-pulsar.md)" in read(git_repo, "0003")
