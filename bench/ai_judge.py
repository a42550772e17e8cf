"""What the AI judge changes in `adrtool review`, with a human standing in for the model.

    python bench/ai_judge.py            # a table per record and the totals (Markdown)
    python bench/ai_judge.py --json     # the same as JSON

A repository is built in a temporary folder from `bench/ai_judge/records/`
(our own records, each written to reproduce a pattern seen in a public
collection: `answers.json` names the repository, commit and path) and some
of adrtool's own `decisions/`.  Then, with the real `adrtool` and the real
anthropic SDK against `tests/fake_anthropic.py` on loopback:

1. `adrtool review --all --format json`: the offline verdict;
2. `adrtool ai review --all --show-payload --json`: the exact requests;
3. `adrtool ai review --all --yes`: the fake answers each request with the
   answer written by a person who read that request's record as the model
   should (`answers.json`), and adrtool stores it;
4. `adrtool review --all --format json` again: the merged verdict.

Each rubric error the merge cleared is scored right when the labeller's
`truth` for the essential it was about is found or thin (the essential is
really there), each AI-added error right when the truth is absent.  Tokens:
input as the fake counts them (about four characters a token, the prompt
cache simulated), output from the answer's length; costs at list price.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ai_bench import cost  # noqa: E402
from tests.fake_anthropic import KEY, FakeAnthropic  # noqa: E402

HERE = ROOT / "bench" / "ai_judge"
OWN = ["0002", "0007", "0008", "0011", "0012", "0019", "0022", "0045", "0048"]
SETTINGS = '[tool.adrtool]\ndirs = ["decisions"]\n\n[tool.adrtool.ai]\nenabled = true\nmax-retry-wait = 0\n'
MODEL = "claude-sonnet-5-5"


def build(folder: Path) -> None:
    (folder / "decisions").mkdir(parents=True)
    (folder / "pyproject.toml").write_text(SETTINGS)
    for path in sorted((HERE / "records").glob("*.md")):
        shutil.copy(path, folder / "decisions" / path.name)
    for number in OWN:
        [path] = (ROOT / "decisions").glob(f"{number}-*.md")
        shutil.copy(path, folder / "decisions" / path.name)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=folder, check=True)


def adrtool(folder: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "adrtool", *args], cwd=folder, env=full, capture_output=True,
                          text=True, timeout=600)


def findings_by_id(folder: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in json.loads(adrtool(folder, "review", "--all", "--format", "json").stdout)["findings"]:
        out.setdefault(f["decision_id"], []).append(f)
    return out


def _essential(rule: str) -> list[str]:
    from adrtool.reasoning.merge import CLEARABLE

    return list(CLEARABLE.get(rule, ()))


def measure() -> dict:
    answers = json.loads((HERE / "answers.json").read_text())
    fake = FakeAnthropic().start()
    fake.reply = lambda body: answers[re.search(r'<decision id="([^"]+)"', body["messages"][0]["content"]).group(1)]["answer"]
    env = {"ANTHROPIC_API_KEY": KEY, "ANTHROPIC_BASE_URL": fake.url}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "repo"
            build(folder)
            before = findings_by_id(folder)
            payload = json.loads(adrtool(folder, "ai", "review", "--all", "--show-payload", "--json").stdout)
            sent = adrtool(folder, "ai", "review", "--all", "--yes", env=env)
            if sent.returncode != 0:
                raise SystemExit(f"ai review failed: {sent.stderr}")
            after = findings_by_id(folder)
            usage = {}
            for path in (folder / ".adrtool/ai/review").glob("*.md"):
                head = path.read_text().split("---\n")[1]
                item = re.search(r"^item: '?([^'\n]+)'?$", head, re.M).group(1)
                usage[item] = {k: int(v) for k, v in re.findall(r"^  (\w+): (\d+)$", head, re.M)}
    finally:
        fake.stop()
    rows = []
    estimates = {r["item"]: r for r in payload["requests"]}
    for ident in sorted(answers):
        truth = answers[ident]["truth"]
        # Reasoning errors only: the workflow's (a link to a record not copied here) are not the judge's.
        offline = [f for f in before.get(ident, []) if f["severity"] == "error" and f["rule"].startswith("rubric/")]
        merged = after.get(ident, [])
        cleared = [f for f in merged if "cleared by AI review" in f["message"]]
        confirmed = [f for f in merged if "confirmed by AI review" in f["message"]]
        added = [f for f in merged if f["source"] == "ai"]
        row = {
            "id": ident, "sent": ident in estimates,
            "offline_errors": [f["rule"] for f in offline],
            "cleared": [{"rule": f["rule"], "right": all(truth[e] != "absent" for e in _essential(f["rule"]))}
                        for f in cleared],
            "confirmed": [f["rule"] for f in confirmed],
            "added": [{"rule": f["rule"], "severity": f["severity"],
                       "right": f["severity"] != "error" or truth.get(f["rule"].removeprefix("ai/absent-")) == "absent"}
                      for f in added],
            "errors_after": sorted(f["rule"] for f in merged if f["severity"] == "error"
                                   and f["rule"].startswith(("rubric/", "ai/"))),
        }
        if ident in estimates:
            u = usage.get(ident, {})
            row["estimated_input_tokens"] = estimates[ident]["estimated_input_tokens"]
            row["usage"] = u
            row["cost_direct"] = cost(u, MODEL) if u else None
        rows.append(row)
    return {"model": MODEL, "rows": rows, "totals": payload["totals"], "not_sent": payload.get("not_sent", [])}


def markdown(result: dict) -> str:
    out = ["| record | offline rubric errors | cleared (right?) | confirmed | AI added (right?) | errors after | input tokens "
           "(uncached + cache write + read) | output tokens | cost, direct |", "|---|---|---|---|---|---|---|---|---|"]
    totals = {"cleared": 0, "right": 0, "added": 0, "added_right": 0, "errors_before": 0, "errors_after": 0}
    for r in result["rows"]:
        if not r["sent"]:
            out.append(f"| {r['id']} | not sent (closed) | | | | | | | |")
            continue
        u = r["usage"]
        cleared = ", ".join(f"{c['rule'].split('/')[1]} ({'yes' if c['right'] else 'NO'})" for c in r["cleared"])
        added = ", ".join(f"{a['rule'].split('/')[1]} {a['severity']} ({'yes' if a['right'] else 'NO'})" for a in r["added"])
        out.append(f"| {r['id']} | {len(r['offline_errors'])} | {cleared or '-'} | {len(r['confirmed']) or '-'} | "
                   f"{added or '-'} | {len(r['errors_after'])} | {u['input_tokens']} + "
                   f"{u['cache_creation_input_tokens']} + {u['cache_read_input_tokens']} | {u['output_tokens']} | "
                   f"${r['cost_direct']:.4f} |")
        totals["cleared"] += len(r["cleared"])
        totals["right"] += sum(c["right"] for c in r["cleared"])
        totals["added"] += len(r["added"])
        totals["added_right"] += sum(a["right"] for a in r["added"])
        totals["errors_before"] += len(r["offline_errors"])
        totals["errors_after"] += len(r["errors_after"])
    sent = [r for r in result["rows"] if r["sent"]]
    spent = sum(r["cost_direct"] for r in sent)
    out += ["", f"{len(sent)} records sent, {len(result['rows']) - len(sent)} not (closed). Rubric errors: "
                f"{totals['errors_before']} offline, {totals['errors_after']} after the merge; cleared "
                f"{totals['cleared']}, right {totals['right']}; AI findings added {totals['added']}, right "
                f"{totals['added_right']}. Cost at list price ({result['model']}), direct with prompt caching: "
                f"${spent:.4f} in all, ${spent / len(sent):.4f} a record; `--show-payload` estimated "
                f"${result['totals']['cost_direct']:.4f} (direct), ${result['totals']['cost_batch']:.4f} (batch)."]
    return "\n".join(out)


if __name__ == "__main__":
    result = measure()
    print(json.dumps(result, indent=1) if "--json" in sys.argv else markdown(result))
