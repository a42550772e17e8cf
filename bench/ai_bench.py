"""What the AI pass costs for 1,000 decisions, measured against the fake Messages API.

    python bench/ai_bench.py bench/out/mixed-1000      # prints one JSON line (rows for bench/run.py)

The real `adrtool ai review` runs as a process with the real anthropic SDK,
pointed at tests/fake_anthropic.py on loopback.  The fake reports usage from
the size of what it receives (about four characters a token) and simulates
prompt caching of the system prompt's cached prefix, so the token counts are
what the requests contain, not what a real model would write: output tokens
are the fake's short answers and are shown beside adrtool's own estimate
(`--show-payload`), which uses a typical review length.

Runs, each on a fresh copy of the repository that opts in to AI:
1. `--show-payload`: adrtool's own estimate, nothing sent;
2. direct: one request per decision;
3. direct again on unchanged decisions: must make zero requests;
4. `--batch`: one Message Batch.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fake_anthropic import KEY, FakeAnthropic  # noqa: E402

from adrtool.ai import config as ai_config  # noqa: E402

DECISIONS = 1000
AI_SETTINGS = "\n[ai]\nenabled = true\nmax-retry-wait = 0\nbatch-poll-seconds = 0\n"


class CountingFake(FakeAnthropic):
    """The test fake, adding up the usage it reports."""

    def __init__(self):
        super().__init__()
        self.usage = {"input_tokens": 0, "output_tokens": 0, "cache_creation_input_tokens": 0,
                      "cache_read_input_tokens": 0}

    def message_for(self, body, text=None, stop_reason=None):
        message = super().message_for(body, text, stop_reason)
        with self._lock:
            for key in self.usage:
                self.usage[key] += message["usage"][key]
        return message

    def take(self) -> tuple[int, dict]:
        """(HTTP requests, usage) since the last call, and start counting again."""
        with self._lock:
            count, usage = len(self.requests), dict(self.usage)
            self.requests.clear()
            for key in self.usage:
                self.usage[key] = 0
        return count, usage


def cost(usage: dict, model: str, batch: bool = False) -> float | None:
    price = ai_config.PRICES.get(model)
    if price is None:
        return None
    per_in, per_out = price[0] / 1e6, price[1] / 1e6
    dollars = (usage["input_tokens"] * per_in
               + usage["cache_creation_input_tokens"] * per_in * ai_config.CACHE_WRITE_FACTOR
               + usage["cache_read_input_tokens"] * per_in * ai_config.CACHE_READ_FACTOR
               + usage["output_tokens"] * per_out)
    return dollars * (ai_config.BATCH_FACTOR if batch else 1.0)


def cached_share(usage: dict) -> float:
    total = usage["input_tokens"] + usage["cache_creation_input_tokens"] + usage["cache_read_input_tokens"]
    return usage["cache_read_input_tokens"] / total if total else 0.0


def opted_in_copy(source: Path, into: Path) -> Path:
    repo = into / source.name
    shutil.copytree(source, repo, symlinks=True)
    with open(repo / ".adrtool.toml", "a", encoding="utf-8") as fh:
        fh.write(AI_SETTINGS)
    return repo


def record_ids(repo: Path) -> list[str]:
    proc = subprocess.run([sys.executable, "-m", "adrtool", "list", "--json", "--kind", "record"], cwd=repo,
                          capture_output=True, text=True, check=True)
    return [d["id"] for d in json.loads(proc.stdout)][:DECISIONS]


def run_ai(repo: Path, fake: FakeAnthropic, ids: list[str], *flags: str) -> tuple[int, float, str]:
    env = dict(os.environ, ANTHROPIC_API_KEY=KEY, ANTHROPIC_BASE_URL=fake.url)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "adrtool", "ai", "review", *ids, "--yes", *flags], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=1800)
    return proc.returncode, time.perf_counter() - start, proc.stdout + proc.stderr


def row(figure: str, value: str, target: str = "", verdict: str = "", note: str = "") -> dict:
    return {"figure": figure, "value": value, "target": target, "verdict": verdict, "note": note}


def usage_rows(label: str, requests: int, usage: dict, model: str, batch: bool, seconds: float, code: int) -> list[dict]:
    dollars = cost(usage, model, batch)
    return [
        row(f"{label}: HTTP requests", f"{requests:,}", note=f"exit {code}, {seconds:.1f} s"),
        row(f"{label}: input tokens (uncached + cache write + cache read)",
            f"{usage['input_tokens']:,} + {usage['cache_creation_input_tokens']:,} + {usage['cache_read_input_tokens']:,}"),
        row(f"{label}: cached share of input", f"{cached_share(usage):.0%}"),
        row(f"{label}: output tokens (fake's short answers)", f"{usage['output_tokens']:,}"),
        row(f"{label}: cost at list price ({model})", f"${dollars:.2f}" if dollars is not None else "no price"),
    ]


def main(argv: list[str]) -> int:
    source = Path(argv[1]).resolve()
    model = ai_config.DEFAULT_MODEL
    fake = CountingFake().start()
    rows: list[dict] = []
    try:
        with tempfile.TemporaryDirectory(prefix="adrtool-ai-bench-") as tmp:
            repo = opted_in_copy(source, Path(tmp) / "direct")
            ids = record_ids(repo)
            code, _, out = run_ai(repo, fake, ids, "--show-payload", "--json")
            sent, _ = fake.take()
            try:
                estimate = json.loads(out[out.index("{"):]) if "{" in out else {}
            except ValueError:
                estimate = {}
            totals = estimate.get("totals", estimate)
            rows.append(row("--show-payload: requests sent", str(sent), "0", "PASS" if sent == 0 else "FAIL"))
            if isinstance(totals, dict) and "cost_direct" in totals:
                rows.append(row("--show-payload estimate: input tokens, cached share",
                                f"{totals.get('input_tokens', 0):,}, {totals.get('cached_share', 0):.0%}"))
                rows.append(row("--show-payload estimate: direct / batch",
                                f"${totals.get('cost_direct') or 0:.2f} / ${totals.get('cost_batch') or 0:.2f}",
                                note="with typical review output"))
            code, seconds, out = run_ai(repo, fake, ids)
            requests, usage = fake.take()
            rows += usage_rows(f"direct, {len(ids):,} decisions", requests, usage, model, False, seconds, code)
            code, seconds, out = run_ai(repo, fake, ids)
            requests, _ = fake.take()
            rows.append(row("second run on unchanged decisions: requests", f"{requests:,}", "0",
                            "PASS" if requests == 0 and code == 0 else "FAIL", f"exit {code}, {seconds:.1f} s"))

            fake.reset()  # the batch starts with a cold prompt cache, as a separate run would
            batch_repo = opted_in_copy(source, Path(tmp) / "batch")
            code, seconds, out = run_ai(batch_repo, fake, ids, "--batch")
            requests, usage = fake.take()
            rows += usage_rows(f"batch, {len(ids):,} decisions", requests, usage, model, True, seconds, code)
    finally:
        fake.stop()
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
