"""`adrtool list --json` from two checkouts, byte for byte: what a change to the estimates' speed must leave alone.

    python3 bench/generate.py --sizes 10000 --variants mixed,adr-tools   # once
    python3 bench/estimates/run.py                                       # once: the labelled folders
    python3 bench/estimates/same_output.py [--before /work/main] [--only mixed-10000,estimates]

Runs `adrtool list --json` (with the tag estimates) with `PYTHONPATH` set to each checkout in
`mixed-10000`, `adr-tools-10000` and every labelled collection of `bench/out/estimates/` (as
`run.py` lays them out: each folder its own repository with an `.adrtool.toml`), and compares
standard output, standard error and the exit status.  Prints one line per difference and a count;
exit status 1 when anything differs, 2 when nothing was found to compare.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH))
from same_list import ROOT, compare  # noqa: E402  (bench/same_list.py: run both checkouts, name the first difference)

OUT = BENCH / "out"
REPOSITORIES = ("mixed-10000", "adr-tools-10000")
COMMAND = ["list", "--json"]


def folders(only: set[str] | None) -> list[tuple[str, Path, list[str]]]:
    """same_list's cases: (name, working folder, arguments before the command)."""
    out = [(name, OUT / name, []) for name in REPOSITORIES if (OUT / name).is_dir() and (not only or name in only)]
    labelled = OUT / "estimates"
    if labelled.is_dir() and (not only or "estimates" in only):
        out += [(f"estimates/{f.name}", f, []) for f in sorted(labelled.iterdir()) if f.is_dir()]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", type=Path, default=Path("/work/main"), help="the other checkout")
    ap.add_argument("--only", help="comma-separated: mixed-10000, adr-tools-10000, estimates")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    found = folders(set(args.only.split(",")) if args.only else None)
    if not found:
        print("nothing to compare (run bench/generate.py and bench/estimates/run.py)", file=sys.stderr)
        return 2
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda case: compare(args.before.resolve(), ROOT, case, COMMAND), found))
    differences = [r for r in results if r]
    for line in differences:
        print(line)
    empty = sum(1 for _, f, _ in found if not any(f.iterdir()))
    print(f"{len(found) - len(differences)} of {len(found)} folders the same (`adrtool {' '.join(COMMAND)}`)"
          + (f"; {empty} empty" if empty else ""))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
