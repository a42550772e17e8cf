"""Errors as a contract: with --json a usage error is one JSON object on stderr with a stable code, exit 2."""

from __future__ import annotations

import json
import re

import pytest

from adrtool.errors import CODES
from tests.conftest import ROOT, run_process, write

RECORD = "---\nstatus: accepted\nchoice: arbitrary\ndoor: two-way\n---\n# Use tabs\n"


@pytest.fixture
def repo(tmp_path):
    write(tmp_path / "decisions/0001-use-tabs.md", RECORD)
    write(tmp_path / "decisions/0002-other.md", RECORD.replace("Use tabs", "Other"))
    return tmp_path


@pytest.mark.parametrize("args, code", [
    (["frobnicate", "--json"], "unknown-command"),
    (["show", "--json"], "usage"),
    (["list", "--json", "--bogus"], "usage"),
    (["list", "--json", "--status", "nope"], "usage"),
    (["show", "99", "--json"], "not-found"),
    (["list", "--json", "--dir", "nowhere", "--choice", "x"], "usage"),
])
def test_json_errors_carry_a_stable_code(cli, repo, args, code):
    result = cli(args, repo)
    assert result.code == 2
    assert result.out == ""
    error = json.loads(result.err)
    assert set(error) == {"error", "message", "hint"}
    assert error["error"] == code and code in CODES
    assert error["message"] and "\n" not in error["message"]


def test_the_text_form_stays_one_line(cli, repo):
    result = cli(["show", "99"], repo)
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("adrtool: error: no decision '99'")
    argparse_error = cli(["show"], repo)
    assert argparse_error.err.count("\n") == 1
    assert argparse_error.err == ("adrtool: error: the following arguments are required: id "
                                  "(run `adrtool show --help`)\n")
    ours = cli(["tag"], repo)  # tag takes any number of ids (for --suggest) and says what it needs itself
    assert ours.code == 2 and ours.err == "adrtool: error: give one decision id (or --suggest for several)\n"


def test_hints_say_what_to_do(cli, repo, git_repo):
    empty = git_repo  # a repository of its own, so the search for decisions stops there
    missing = json.loads(cli(["show", "1", "--json"], empty).err)
    assert missing["error"] == "no-decisions" and "adrtool init" in missing["hint"]
    unknown = json.loads(cli(["tag", "--json"], repo).err)
    assert unknown["hint"] == "run `adrtool tag --help`"
    nested = json.loads(cli(["ai", "review", "--json", "--bogus"], repo).err)
    assert nested["hint"] == "run `adrtool ai --help`"


def test_errors_from_the_core_keep_their_code(cli, repo, monkeypatch):
    monkeypatch.setenv("ADRTOOL_ERRORS", "json")  # for commands that have no --json of their own
    bad_tag = cli(["tag", "1", "--choice", "maybe"], repo)
    assert json.loads(bad_tag.err)["error"] == "invalid-value"
    monkeypatch.delenv("ADRTOOL_ERRORS")
    ai_off = cli(["ai", "review", "1", "--json"], repo)
    error = json.loads(ai_off.err)
    assert error["error"] == "ai"
    # Both places a repository can opt in, since many repositories with ADRs are not Python projects.
    assert "[tool.adrtool.ai] in pyproject.toml" in error["message"] and "[ai] in .adrtool.toml" in error["message"]
    write(repo / "pyproject.toml", "[tool.adrtool\n")
    broken = cli(["list", "--json"], repo)
    assert broken.code == 2 and json.loads(broken.err)["error"] == "config"


def test_a_project_pyproject_that_never_names_adrtool_is_not_parsed(cli, repo):
    # zhuxiangqun/RANGEN-V2 (truth36) writes a key twice in its pyproject.toml: TOML refuses it, the project's
    # own tools do not, and adrtool has no business there, so the folder is still read.
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.black]\nline-length = 1\nline-length = 2\n')
    listed = cli(["list", "--json"], repo)
    assert listed.code == 0 and [d["id"] for d in json.loads(listed.out)] == ["0001", "0002"]
    write(repo / "pyproject.toml", '[tool.adrtool]\ndirs = ["decisions"]\ndirs = ["x"]\n')
    broken = cli(["list", "--json"], repo)
    assert broken.code == 2 and json.loads(broken.err)["error"] == "config"
    assert "pyproject.toml: invalid TOML" in broken.err and "line 3" in broken.err


def test_a_real_process_prints_no_traceback(repo):
    result = run_process(["status", "1", "bogus"], repo, env={"ADRTOOL_ERRORS": "json"})
    assert result.code == 2 and "Traceback" not in result.err
    assert json.loads(result.err)["error"] == "invalid-value"


def test_the_readme_lists_every_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Error codes", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([a-z-]+)` \|", section, re.MULTILINE)
    assert listed == list(CODES)
