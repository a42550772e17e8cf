"""What estimating costs `adrtool list --json`: the same command with and without estimates, side by side.

    python3 bench/generate.py --sizes 10000 --variants mixed,adr-tools   # once
    python3 bench/estimates/speed.py [--runs 5]
    python3 bench/estimates/speed.py --before /tmp/main   # and another checkout's `list --json`, in the same turns

The two commands run alternately (with, without, with, ...), so that a busy
machine slows both alike; the best wall time and the best CPU time (user +
system, the forked children's included) of each are kept, and both ratios
printed: on a machine other sessions share, the CPU ratio is the steadier.  `mixed-10000`: 12,000 decisions, 8,700 of them untagged
(every dialect, inline decisions); `adr-tools-10000`: 10,000 untagged
Nygard records.  Both repositories are generated text dense in the words
the estimates look for, so this is the expensive case.  With `--before`,
that checkout's `list --json` runs in each turn too (before, after, without),
and the table gives both, with the CPU each one's estimates add.
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


def side_by_side(repo: Path, runs: int, before: Path | None = None) -> dict:
    turn = [("with", ROOT, []), ("without", ROOT, ["--no-estimates"])]
    if before is not None:
        turn.insert(0, ("before", before, []))
    best = {f"{cpu}{name}": float("inf") for name, _, _ in turn for cpu in ("", "cpu ")}
    untagged = 0
    for _ in range(runs):
        for name, checkout, extra in turn:
            env = {"PYTHONPATH": str(checkout)}
            wall, _, cpu, code, out, err = run_with_cpu([*ADRTOOL, "list", "--json", *extra], repo, env)
            if code != 0:
                raise SystemExit(f"{repo.name}: list --json {' '.join(extra)} failed: {err.strip()[:200]}")
            best[name] = min(best[name], wall)
            best[f"cpu {name}"] = min(best[f"cpu {name}"], cpu)
            if name == "with" and not untagged:  # (counted once: the output is the same in every turn)
                untagged = sum(1 for d in json.loads(out) if d["estimate_evidence"] is not None)
    return {"repo": repo.name, "untagged": untagged, **best, "ratio": best["with"] / best["without"],
            "cpu ratio": best["cpu with"] / best["cpu without"]}


def before_after_row(r: dict) -> str:
    """One row of bench/README.md's before/after cost table."""
    wo, cwo = r["without"], r["cpu without"]
    verdict = "met" if r["with"] / wo <= 1.2 else "missed"
    added_before, added = r["cpu before"] - cwo, r["cpu with"] - cwo
    return (f"| {r['repo']} | {r['untagged']:,} | {wo:.2f} s ({cwo:.2f} CPU-s) | {r['before']:.2f} s, "
            f"{r['cpu before']:.2f} CPU-s | {r['with']:.2f} s, {r['cpu with']:.2f} CPU-s | "
            f"{r['before'] / wo:.2f}, {r['with'] / wo:.2f}; {r['cpu before'] / cwo:.2f}, {r['cpu with'] / cwo:.2f} | "
            f"{added_before:.2f}, {added:.2f} CPU-s ({(added - added_before) / added_before:+.0%}) | 1.20 ({verdict}) |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=BENCH / "out")
    ap.add_argument("--before", type=Path, help="another checkout, whose `list --json` runs in the same turns")
    args = ap.parse_args(argv)
    print(f"machine: {machine()}; load {load_average()} at the start")
    if args.before:
        print("| repository | untagged | `--no-estimates`: wall (CPU) | `list --json` before: wall, CPU | after: wall, "
              "CPU | ratio before, after: wall; CPU | CPU the estimates add, before, after | target |")
    else:
        print("| repository | untagged | list --json --no-estimates | list --json | ratio | CPU: without / with "
              "| CPU ratio | target |")
    print("|---|---|---|---|---|---|---|---|")
    for name in REPOS:
        repo = args.out / name
        if not repo.is_dir():
            print(f"| {name} | - | missing: run `python3 bench/generate.py --sizes 10000 --variants "
                  f"{name.rsplit('-', 1)[0]}` | | | | | |")
            continue
        r = side_by_side(repo, args.runs, args.before.resolve() if args.before else None)
        if args.before:
            print(before_after_row(r))
            continue
        verdict = "met" if r["ratio"] <= 1.2 else "missed"
        print(f"| {name} | {r['untagged']:,} | {r['without']:.2f} s | {r['with']:.2f} s | {r['ratio']:.2f} | "
              f"{r['cpu without']:.2f} / {r['cpu with']:.2f} s | {r['cpu ratio']:.2f} | 1.20 ({verdict}) |")
    print(f"load {load_average()} at the end; cores: {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
