"""adrtool reads what the real adr-tools writes: numbers, titles, statuses and links."""

from __future__ import annotations

import json
import os
import subprocess

from adrtool.model import Relation, Status
from tests.conftest import require_tool, run_cli


def adr(cwd, *args):
    env = dict(os.environ, EDITOR="true", VISUAL="true")
    return subprocess.run([require_tool("adr"), *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def test_reads_records_made_by_adr_tools(git_repo):
    adr(git_repo, "init", "doc/architecture/decisions")
    adr(git_repo, "new", "Use PostgreSQL for storage")
    adr(git_repo, "new", "-s", "2", "Use CockroachDB instead")
    adr(git_repo, "new", "Clarify backups")
    adr(git_repo, "link", "4", "Amends", "3", "Amended by")
    result = run_cli(["list", "--json"], git_repo)
    assert result.code == 0, result.err
    data = {d["id"]: d for d in json.loads(result.out)}
    assert sorted(data) == ["0001", "0002", "0003", "0004"]
    assert data["0001"]["title"] == "Record architecture decisions"
    assert data["0001"]["status"] == "accepted"
    assert data["0002"]["title"] == "Use PostgreSQL for storage"
    assert data["0002"]["status"] == "superseded"
    # supersedes / superseded_by hold resolved ids; links[] keeps the target as written, with its id
    assert data["0002"]["superseded_by"] == ["0003"]
    assert data["0002"]["links"] == [{"relation": "superseded-by", "target": "0003-use-cockroachdb-instead.md", "id": "0003"}]
    assert data["0003"]["supersedes"] == ["0002"]
    assert data["0003"]["status"] == "accepted"

    from adrtool import store

    repo = store.load(git_repo)
    third, fourth = repo.resolve("3"), repo.resolve("4")
    assert repo.resolve_link(fourth, fourth.linked(Relation.AMENDS)[0]) is third
    assert repo.resolve_link(third, third.linked(Relation.AMENDED_BY)[0]) is fourth
    assert repo.resolve("2").status is Status.SUPERSEDED
    # adr-tools' own listing agrees on the files
    listed = adr(git_repo, "list").split()
    assert [os.path.basename(p) for p in listed] == sorted(os.path.basename(d.path) for d in repo.records)
