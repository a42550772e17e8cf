"""The estimated door's cost per record: CPU time of `estimate_door.door` alone, zones already tokenised.

    python3 bench/judgement/extract.py       # once: the labelled records, from the mirrors
    python3 bench/estimates/door_speed.py    # µs a record, best of --runs

Every labelled record adrtool reads (run.py's folders, sealed splits left
out) is read into its `Text` afresh for each run and each zone tokenised
first, as the choice estimate leaves them in `list --json`; then only the
door is timed (process CPU time, so other work on a shared machine counts
less than in wall time).  The measure of decision 0095's rounds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import door_cv  # noqa: E402  (bench/estimates/door_cv.py: the labelled decisions)


def decisions() -> list[tuple]:
    return [(d, repo) for _, d, repo in door_cv.labelled() if d is not None]


def per_record(items: list[tuple], runs: int) -> float:
    """The best of `runs` CPU times of the door over `items`, in µs a record."""
    from adrtool.reasoning import estimate_door, estimate_text

    best = float("inf")
    for _ in range(runs):
        texts = [estimate_text.read(d, repo) for d, repo in items]
        for text in texts:
            for zone in (text.title, *text.zones.values()):
                zone.present  # noqa: B018  (tokenised, as the choice leaves it)
        start = time.process_time()
        for text in texts:
            estimate_door.door(text)
        best = min(best, time.process_time() - start)
    return best / len(items) * 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=12)
    args = ap.parse_args(argv)
    items = decisions()
    print(f"door: {per_record(items, args.runs):.1f} µs a record ({len(items)} records, best of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
