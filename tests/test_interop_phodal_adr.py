"""phodal's `adr` (npm package `adr`) and adrtool work on the same folder, both ways.

The real tool is installed by .ci/run as `phodal-adr` (its own name is `adr`,
which adr-tools' /usr/bin/adr already holds).
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from tests.conftest import require_tool, run_cli, write

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def phodal(cwd, *args) -> str:
    import subprocess

    done = subprocess.run([require_tool("phodal-adr"), *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return ANSI.sub("", done.stdout)


def init(cwd, language: str) -> None:
    phodal(cwd, "init", language)
    config = json.loads((cwd / ".adr.json").read_text())
    config["editor"] = "true"  # `adr new` opens the record in an editor; `true` is one that returns at once
    (cwd / ".adr.json").write_text(json.dumps(config))


def listed(cwd) -> dict[str, dict]:
    result = run_cli(["list", "--json"], cwd)
    assert result.code == 0, result.err
    return {d["id"]: d for d in json.loads(result.out)}


def last_statuses(cwd) -> dict[int, str]:
    """What phodal's own reader says each record's status is (`adr export json`)."""
    phodal(cwd, "export", "json")
    return {item["index"]: item["lastStatus"] for item in json.loads((cwd / "export.json").read_text())}


def titles(cwd) -> list[str]:
    """The decisions of `adr list`'s table, as it prints them ('2.使用 Kafka')."""
    return [cells[1].strip() for line in phodal(cwd, "list").splitlines()
            if len(cells := re.split(r"[║│]", line)) > 2 and re.match(r"\s*\d+\.", cells[1])]


@pytest.mark.parametrize("language, proposed, heading", [("zh-cn", "提议", "状态"), ("en", "proposed", "Status")])
def test_adrtool_reads_what_adr_new_wrote(git_repo, language, proposed, heading):
    init(git_repo, language)
    phodal(git_repo, "new", "编写完整的单元测试" if language == "zh-cn" else "Write complete unit tests")
    phodal(git_repo, "new", "添加目录生成" if language == "zh-cn" else "Generate a table of contents")
    text = next((git_repo / "docs/adr").glob("0001-*.md")).read_text()
    assert f"## {heading}\n\n{date.today().isoformat()} {proposed}\n" in text  # what phodal's template writes
    data = listed(git_repo)
    assert sorted(data) == ["0001", "0002"]  # its README.md (a table of contents) is not a decision
    first = data["0001"]
    assert first["title"] == ("编写完整的单元测试" if language == "zh-cn" else "Write complete unit tests")
    assert first["status"] == "proposed" and first["date"] == date.today().isoformat()
    assert first["dialect"] == "phodal" and first["problems"] == []


@pytest.mark.parametrize("language, accepted, superseded", [("zh-cn", "通过", "已取代"), ("en", "accepted", "superseded")])
def test_adr_list_shows_what_adrtool_wrote(git_repo, language, accepted, superseded):
    init(git_repo, language)
    phodal(git_repo, "new", "Use PostgreSQL")                                              # 0001, by phodal's adr
    out = run_cli(["new", "Use CockroachDB", "--choice", "deliberate", "--door", "one-way"], git_repo)
    assert out.code == 0, out.err                                                          # 0002, by adrtool
    assert run_cli(["status", "2", "accepted"], git_repo).code == 0
    assert run_cli(["supersede", "1", "2"], git_repo).code == 0
    today = date.today().isoformat()
    assert last_statuses(git_repo) == {1: f"{today} {superseded}", 2: f"{today} {accepted}"}
    assert titles(git_repo) == ["1.Use PostgreSQL", "2.Use CockroachDB"]
    logs = phodal(git_repo, "logs", "2")
    assert logs.count(today) == 2 and accepted in logs  # the proposal and its acceptance, each an entry
    # and adrtool reads its own edits back, with phodal's records beside them
    data = listed(git_repo)
    assert data["0001"]["status"] == "superseded" and data["0001"]["superseded_by"] == ["0002"]
    assert data["0002"]["status"] == "accepted" and data["0002"]["supersedes"] == ["0001"]
    assert data["0002"]["choice"] == "deliberate" and data["0002"]["door"] == "one-way"
    second = next((git_repo / "docs/adr").glob("0002-*.md")).read_text()
    assert second.startswith("# 2. Use CockroachDB\n")  # `adr list` reads the first line


def test_adrtool_continues_a_russian_log(git_repo):
    # Russian is the one template that writes the word first: "Предложено: 2024-01-01".
    init(git_repo, "ru")
    phodal(git_repo, "new", "Использовать Kafka")
    assert listed(git_repo)["0001"]["status"] == "proposed"
    assert run_cli(["status", "1", "accepted"], git_repo).code == 0
    assert last_statuses(git_repo)[1] == f"Принято: {date.today().isoformat()}"
    assert listed(git_repo)["0001"]["status"] == "accepted"


def test_a_folder_adrtool_starts_is_one_phodal_adr_reads(git_repo):
    # .adr.json alone (no records yet) makes adrtool write phodal's layout in its language.
    write(git_repo / ".adr.json", json.dumps({"language": "zh-cn", "path": "decisions/adr/", "editor": "true"}))
    (git_repo / "decisions/adr").mkdir(parents=True)
    assert run_cli(["new", "使用 Rust 重写"], git_repo).code == 0
    assert last_statuses(git_repo) == {1: f"{date.today().isoformat()} 提议"}
    assert titles(git_repo) == ["1.使用 Rust 重写"]
