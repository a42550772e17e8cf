"""The pre-commit hooks and the example GitHub Actions workflow run the commands they name, as real processes."""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml

from tests.conftest import ROOT, git, run_process, write
from tests.test_review_workflow import commit, record


def hooks() -> dict[str, dict]:
    return {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def adrtool_args(entry: str) -> list[str]:
    words = shlex.split(entry)
    assert words[0] == "adrtool"
    return words[1:]


def test_the_lint_hook_fails_on_a_staged_record_with_a_broken_link(git_repo: Path):
    hook = hooks()["adrtool-lint"]
    write(git_repo / "decisions/0001-dots.md", record("Dots"))
    commit(git_repo, "first")
    write(git_repo / "decisions/0002-tabs.md", record("Tabs", supersedes="[7]"))
    git(git_repo, "add", "-A")
    staged = git(git_repo, "diff", "--cached", "--name-only").split()
    assert staged == ["decisions/0002-tabs.md"]
    bad = run_process(adrtool_args(hook["entry"]) + staged, git_repo)
    assert bad.code == 1 and "broken-link" in bad.out
    clean = run_process(adrtool_args(hook["entry"]) + ["decisions/0001-dots.md"], git_repo)
    assert clean.code == 0, clean.out + clean.err


def test_the_review_hook_sees_uncommitted_work(git_repo: Path):
    hook = hooks()["adrtool-review"]
    write(git_repo / "decisions/0001-dots.md", record("Dots"))
    commit(git_repo, "first")
    git(git_repo, "checkout", "-q", "-b", "feature")
    write(git_repo / "decisions/0002-tabs.md", record("Tabs", choice="arbitrary", door="one-way"))
    result = run_process(adrtool_args(hook["entry"]), git_repo)
    assert result.code == 1 and "rubric/arbitrary-one-way" in result.out


def test_the_example_workflow_fetches_everything_and_uploads_the_actions_sarif():
    """The workflow runs this repository's action (run step by step in tests/test_github_action.py)."""
    flow = yaml.safe_load((ROOT / "docs/ci/adrtool-review.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["review"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    review = next(s for s in steps if s.get("uses", "").split("@")[0].endswith("/adrtool"))
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["if"] == "always()" and upload["with"]["sarif_file"] == review["with"]["sarif"]
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    script = next(s["run"] for s in action["runs"]["steps"] if s.get("id") == "review")
    assert "--format github" in script and "--sarif" in script


def test_adrtools_own_decisions_pass_review():
    """The project reviews its own decision log in CI; an error finding fails the build."""
    result = run_process(["review", "--all", "--fail-on", "error"], ROOT)
    assert result.code == 0, result.out + result.err
