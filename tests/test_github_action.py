"""The composite GitHub Action (action.yml), run step by step as a real runner would, on a real repository.

The harness does what the runner does for a composite action: it evaluates the
`${{ ... }}` expressions of each step (inputs with their defaults, `github.*`,
`runner.temp`, the outputs of earlier steps), runs each `run:` script with
`bash --noprofile --norc -eo pipefail`, in the workspace, with the GITHUB_*
variables set, reads each step's GITHUB_OUTPUT file, prepends GITHUB_PATH
entries to PATH for the steps after, and stops at the first failing step.
adrtool is installed by the action itself, from a copy of this checkout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests import checkout
from tests.conftest import ROOT, git, require_tool, write

_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Run:
    code: int
    log: str
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    summary: str = ""


def _read_outputs(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    lines = path.read_text().splitlines() if path.exists() else []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and "=" not in line.split("<<", 1)[0]:  # key<<DELIMITER multi-line form
            key, delimiter = line.split("<<", 1)
            value = []
            i += 1
            while lines[i] != delimiter:
                value.append(lines[i])
                i += 1
            out[key] = "\n".join(value)
        elif "=" in line:
            key, value = line.split("=", 1)
            out[key] = value
        i += 1
    return out


def run_action(action_path: Path, python_bin: Path, workspace: Path, temp: Path, with_: dict[str, str],
               base_ref: str) -> Run:
    bash = require_tool("bash")
    spec = yaml.safe_load((action_path / "action.yml").read_text())
    assert spec["runs"]["using"] == "composite"
    inputs = {name: str(value.get("default", "")) for name, value in spec.get("inputs", {}).items()}
    unknown = set(with_) - set(inputs)
    assert not unknown, f"inputs the action does not declare: {unknown}"
    inputs.update(with_)
    context = {"github.action_path": str(action_path), "github.workspace": str(workspace),
               "github.base_ref": base_ref, "runner.temp": str(temp)}
    steps: dict[str, dict[str, str]] = {}

    def evaluate(text: str) -> str:
        def value(m: re.Match) -> str:
            expr = m.group(1)
            if expr.startswith("inputs."):
                return inputs[expr[len("inputs."):]]
            if expr.startswith("steps."):
                _, step_id, _, key = expr.split(".", 3)
                return steps.get(step_id, {}).get(key, "")
            if expr in context:
                return context[expr]
            raise AssertionError(f"the harness does not evaluate ${{{{ {expr} }}}}; keep action.yml simple")
        return _EXPR.sub(value, str(text))

    summary = temp / "step-summary.md"
    path_file = temp / "github-path"
    extra_path: list[str] = []
    env_base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_", "PYTHON"))}
    env_base.update({
        "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_ACTION_PATH": str(action_path),
        "GITHUB_WORKSPACE": str(workspace), "GITHUB_BASE_REF": base_ref, "GITHUB_HEAD_REF": "feature",
        "GITHUB_EVENT_NAME": "pull_request", "GITHUB_REPOSITORY": "example/service",
        "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_PATH": str(path_file), "RUNNER_TEMP": str(temp),
        "PIP_NO_INPUT": "1", "PATH": f"{python_bin}{os.pathsep}{os.environ['PATH']}",
    })
    # The runner sets INPUT_<NAME> for every input; a composite's scripts must not rely on it, but it is there.
    env_base.update({f"INPUT_{name.upper()}": value for name, value in inputs.items()})
    log = []
    for n, step in enumerate(spec["runs"]["steps"]):
        assert "run" in step and step.get("shell") == "bash", f"step {n}: only bash `run:` steps are used"
        assert "if" not in step, "the harness runs every step; keep conditions inside the scripts"
        output_file = temp / f"output-{n}"
        output_file.write_text("")
        env = dict(env_base, GITHUB_OUTPUT=str(output_file))
        env.update({k: evaluate(v) for k, v in (step.get("env") or {}).items()})
        if extra_path:
            env["PATH"] = os.pathsep.join(extra_path + [env["PATH"]])
        script = temp / f"step-{n}.sh"
        script.write_text(evaluate(step["run"]))
        cwd = Path(evaluate(step.get("working-directory", str(workspace))))
        done = subprocess.run([bash, "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=300)
        log.append(f"## {step.get('name')}\n{done.stdout}{done.stderr}")
        if step.get("id"):
            steps[step["id"]] = _read_outputs(output_file)
        if path_file.exists():
            extra_path = [p for p in reversed(path_file.read_text().splitlines()) if p]
        if done.returncode != 0:
            return Run(done.returncode, "\n".join(log), steps, summary.read_text() if summary.exists() else "")
    return Run(0, "\n".join(log), steps, summary.read_text() if summary.exists() else "")


GOOD = "---\nstatus: accepted\ndate: 2026-01-05\nchoice: arbitrary\ndoor: two-way\nrevisit: when p99 passes 50 ms\n---\n" \
       "# Cache lookups for 60 seconds\n\n- **What:** cache lookups for 60 s.\n- **Why this guess:** it is cheap to change.\n" \
       "- **Revisit when:** p99 latency passes 50 ms.\n"


@pytest.fixture(scope="module")
def action_path(tmp_path_factory) -> Path:
    return checkout.copy_to(tmp_path_factory.mktemp("action"))


@pytest.fixture(scope="module")
def runner_python(tmp_path_factory) -> Path:
    """The job's Python, as actions/setup-python gives it: a virtual environment of its own (so the action's
    `pip install` never touches this test run's environment), which sees the already installed dependencies
    through a .pth file (so installing needs no download but the build backend's)."""
    venv = tmp_path_factory.mktemp("runner") / "python"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site_packages = next((venv / "lib").glob("python3*/site-packages"))
    outer = [p for p in sys.path if p.endswith("-packages") and Path(p).is_dir()]
    (site_packages / "zz_outer_environment.pth").write_text("\n".join(outer) + "\n")
    return venv / "bin"


@pytest.fixture
def pull_request(git_repo) -> Path:
    """A repository with a base branch and a pull-request branch that adds a decision."""
    write(git_repo / "decisions/0001-cache-lookups.md", GOOD)
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "base")
    git(git_repo, "checkout", "-qb", "feature")
    write(git_repo / "decisions/0002-retry-twice.md", GOOD.replace("Cache lookups for 60 seconds", "Retry twice"))
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "add a decision")
    return git_repo


def test_a_clean_pull_request_passes_with_annotations_and_sarif(action_path, runner_python, pull_request, tmp_path):
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    run = run_action(action_path, runner_python, pull_request, temp, {}, base_ref="main")
    assert run.code == 0, run.log
    assert "adrtool review: 1 changed decision" in run.log or "adrtool review:" in run.log
    assert "adrtool: decisions reviewed and readable" in run.log
    assert run.outputs["review"]["exit-code"] == "0" and run.outputs["lint"]["exit-code"] == "0"
    assert run.outputs["review"]["sarif"] == "adrtool-review.sarif"
    sarif = json.loads((pull_request / "adrtool-review.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"] == "adrtool"
    assert run.summary.startswith("## adrtool review")
    # adrtool ran from the action's own installation, not from this checkout's import path.
    installed = subprocess.run([str(runner_python / "python"), "-c", "import adrtool; print(adrtool.__file__)"],
                               capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, cwd=runner_python).stdout
    assert installed.startswith(str(runner_python.parent)), installed


def test_an_unreadable_decision_file_fails_the_job(action_path, runner_python, pull_request, tmp_path):
    write(pull_request / "decisions/0003-broken.md", "---\nstatus: [accepted\n---\n# Broken\n")
    git(pull_request, "add", "-A")
    git(pull_request, "commit", "-qm", "a broken decision")
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    run = run_action(action_path, runner_python, pull_request, temp, {"fail-on": "error", "sarif": "out/review.sarif"},
                     base_ref="main")
    assert run.code == 1, run.log
    assert run.outputs["lint"]["exit-code"] == "1"
    assert re.search(r"^::error file=decisions/0003-broken\.md,line=\d+,title=adrtool lint%3A front-matter::", run.log,
                     re.MULTILINE), run.log
    assert "::error title=adrtool lint::decision files that cannot be read" in run.log
    assert (pull_request / "out/review.sarif").is_file()  # written before the job fails, for the upload step


def test_fail_on_and_dirs_reach_the_review(action_path, runner_python, pull_request, tmp_path):
    # Deliberate and two-way, with no rationale: a warning, no error (so only fail-on: warning fails).
    write(pull_request / "decisions/0004-four-workers.md",
          "---\nstatus: proposed\nchoice: deliberate\ndoor: two-way\n---\n# Use four workers\n")
    git(pull_request, "add", "-A")
    git(pull_request, "commit", "-qm", "a decision with a warning")
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    run = run_action(action_path, runner_python, pull_request, temp, {"fail-on": "warning", "dirs": "decisions", "sarif": ""},
                     base_ref="main")
    assert run.code == 1 and run.outputs["review"]["exit-code"] == "1", run.log
    assert "::warning file=decisions/0004-four-workers.md" in run.log
    assert not re.search(r"^::error file=", run.log, re.MULTILINE)  # it fails on the warning alone
    assert "::error title=adrtool review::a finding reached fail-on: warning" in run.log
    assert run.outputs["review"]["sarif"] == "" and not (pull_request / "adrtool-review.sarif").exists()


def test_the_documented_workflow_uses_this_action():
    workflow = yaml.safe_load((ROOT / "docs/ci/adrtool-review.yml").read_text())
    steps = workflow["jobs"]["review"]["steps"]
    ours = [s for s in steps if str(s.get("uses", "")).split("@")[0].endswith("/adrtool")]
    assert len(ours) == 1
    declared = set(yaml.safe_load((ROOT / "action.yml").read_text())["inputs"])
    assert set(ours[0].get("with", {})) <= declared
    checkout_step = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout_step["with"]["fetch-depth"] == 0
    upload = next(s for s in steps if "upload-sarif" in str(s.get("uses", "")))
    assert upload["with"]["sarif_file"] == ours[0]["with"]["sarif"]
