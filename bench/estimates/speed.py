"""What estimating costs `adrtool list --json`: the same command with and without estimates, side by side.

    python3 bench/generate.py --sizes 10000 --variants mixed,adr-tools   # once
    python3 bench/estimates/speed.py [--runs 5]

The two commands run alternately (with, without, with, ...), so that a busy
machine slows both alike; the best wall time and the best CPU time (user +
system, the forked children's included) of each are kept, and both ratios
printed: on a machine other sessions share, the CPU ratio is the steadier.  `mixed-10000`: 12,000 decisions, 8,700 of them untagged
(every dialect, inline decisions); `adr-tools-10000`: 10,000 untagged
Nygard records.  Both repositories are generated text dense in the words
the estimates look for, so this is the expensive case.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from measure import load_average, machine, run_with_cpu  # noqa: E402

ADRTOOL = [sys.executable, "-m", "adrtool"]
REPOS = ("mixed-10000", "adr-tools-10000")


def side_by_side(repo: Path, runs: int) -> dict:
    env = {"PYTHONPATH": str(ROOT)}
    best = {"with": float("inf"), "without": float("inf"), "cpu with": float("inf"), "cpu without": float("inf")}
    untagged = 0
    for _ in range(runs):
        for name, extra in (("with", []), ("without", ["--no-estimates"])):
            wall, _, cpu, code, out, err = run_with_cpu([*ADRTOOL, "list", "--json", *extra], repo, env)
            if code != 0:
                raise SystemExit(f"{repo.name}: list --json {' '.join(extra)} failed: {err.strip()[:200]}")
            best[name] = min(best[name], wall)
            best[f"cpu {name}"] = min(best[f"cpu {name}"], cpu)
            if name == "with" and not untagged:
                untagged = sum(1 for d in json.loads(out) if d["estimate_evidence"] is not None)
    return {"repo": repo.name, "untagged": untagged, **best, "ratio": best["with"] / best["without"],
            "cpu ratio": best["cpu with"] / best["cpu without"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=BENCH / "out")
    args = ap.parse_args(argv)
    print(f"machine: {machine()}; load {load_average()} at the start")
    print("| repository | untagged | list --json --no-estimates | list --json | ratio | CPU: without / with | CPU ratio "
          "| target |")
    print("|---|---|---|---|---|---|---|---|")
    for name in REPOS:
        repo = args.out / name
        if not repo.is_dir():
            print(f"| {name} | - | missing: run `python3 bench/generate.py --sizes 10000 --variants "
                  f"{name.rsplit('-', 1)[0]}` | | | | | |")
            continue
        r = side_by_side(repo, args.runs)
        verdict = "met" if r["ratio"] <= 1.2 else "missed"
        print(f"| {name} | {r['untagged']:,} | {r['without']:.2f} s | {r['with']:.2f} s | {r['ratio']:.2f} | "
              f"{r['cpu without']:.2f} / {r['cpu with']:.2f} s | {r['cpu ratio']:.2f} | 1.20 ({verdict}) |")
    print(f"load {load_average()} at the end; cores: {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
