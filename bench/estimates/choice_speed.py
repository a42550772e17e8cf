"""What the estimated choice costs a record: `estimate_choice.choice` alone, on real records, beside another checkout's.

    python3 bench/estimates/choice_speed.py                        # this checkout
    python3 bench/estimates/choice_speed.py --before /tmp/ref      # and another's, in alternate turns

Every record of the reading truths' real folders and the judgement's collections (the records
choice_agreement.py reads) is read once into its `estimate_text.Text` per checkout, in a child
process per turn (each checkout's own modules); then `choice` is timed over all of them, on fresh
Texts each round (a zone's words are made when first asked for, and the choice asks first), CPU time
(`time.process_time`), best of `--runs` rounds.  The reading of the Text, which the door shares, is
timed apart and left out.  Printed: microseconds per record, for each checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

CHILD = r"""
import json, sys, time
sys.path.insert(0, {here!r})
from pathlib import Path
import choice_agreement as ca
from adrtool import store
from adrtool.reasoning import estimate_choice, estimate_text
pairs = []
for unit in ca.units():
    repo = store.load(Path(unit[1]), unit[2] or None)
    pairs += [(d, repo) for d in repo.decisions]
best_read = best_all = float("inf")
for _ in range({runs}):
    t0 = time.process_time()
    texts = [estimate_text.read(d, repo) for d, repo in pairs]
    t1 = time.process_time()
    for t in texts:
        estimate_choice.choice(t)
    t2 = time.process_time()
    best_read, best_all = min(best_read, t1 - t0), min(best_all, t2 - t1)
print(json.dumps({{"records": len(pairs), "read_us": 1e6 * best_read / len(pairs), "choice_us": 1e6 * best_all / len(pairs)}}))
"""


def turn(checkout: Path, runs: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    proc = subprocess.run([sys.executable, "-c", CHILD.format(here=str(HERE), runs=runs)], env=env,
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{checkout}: {proc.stderr.strip()[-400:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="rounds in each turn (the best is kept)")
    ap.add_argument("--turns", type=int, default=3, help="turns, alternating the checkouts")
    ap.add_argument("--before", type=Path, help="another checkout, timed in alternate turns")
    args = ap.parse_args(argv)
    checkouts = [("after", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    best: dict[str, dict] = {}
    for _ in range(args.turns):
        for name, checkout in checkouts:
            r = turn(checkout, args.runs)
            if name not in best or r["choice_us"] < best[name]["choice_us"]:
                best[name] = r
    print(f"load {os.getloadavg()[0]:.2f}; records {best['after']['records']}")
    for name, r in best.items():
        print(f"{name:6}: choice {r['choice_us']:.1f} us a record (reading the text, shared with the door: "
              f"{r['read_us']:.1f} us)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
