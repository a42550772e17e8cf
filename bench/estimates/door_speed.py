"""The estimated door's cost per record: CPU time of `estimate_door.door` alone, zones already tokenised.

    python3 bench/judgement/extract.py       # once: the labelled records, from the mirrors
    python3 bench/estimates/door_speed.py    # µs a record, best of --runs

Every labelled record adrtool reads (run.py's folders, sealed splits left
out) is read into its `Text` afresh for each run and each zone tokenised
first, as the choice estimate leaves them in `list --json`; then only the
door is timed (process CPU time, so other work on a shared machine counts
less than in wall time).  The measure of decision 0095's rounds.

With `--after-choice`, each `Text` is given to the rules' choice estimate
instead (`estimate_choice.choice`, as `estimate` runs it before the door),
and the door pays for tokenising whatever zones the choice did not read: the
choice does not read every zone (the seventh round: a door reading every
section cost 13 µs a record more with every zone tokenised first, 43 µs
after the choice).
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


def per_record(items: list[tuple], runs: int, after_choice: bool = False) -> float:
    """The best of `runs` CPU times of the door over `items`, in µs a record."""
    from adrtool.reasoning import estimate_choice, estimate_door, estimate_text

    best = float("inf")
    for _ in range(runs):
        texts = [estimate_text.read(d, repo) for d, repo in items]
        for text in texts:
            if after_choice:
                estimate_choice.choice(text)  # the zones it reads tokenised, as `estimate` leaves them
                continue
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
    ap.add_argument("--after-choice", action="store_true", help="run the rules' choice first, not every zone's words")
    args = ap.parse_args(argv)
    items = decisions()
    cost = per_record(items, args.runs, args.after_choice)
    print(f"door{' after the choice' if args.after_choice else ''}: {cost:.1f} µs a record ({len(items)} records, "
          f"best of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
