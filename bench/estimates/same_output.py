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
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
OUT = BENCH / "out"
REPOSITORIES = ("mixed-10000", "adr-tools-10000")
COMMAND = ["list", "--json"]


def folders(only: set[str] | None) -> list[tuple[str, Path]]:
    out = [(name, OUT / name) for name in REPOSITORIES if (OUT / name).is_dir() and (not only or name in only)]
    labelled = OUT / "estimates"
    if labelled.is_dir() and (not only or "estimates" in only):
        out += [(f"estimates/{f.name}", f) for f in sorted(labelled.iterdir()) if f.is_dir()]
    return out


def run(checkout: Path, folder: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(checkout), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "adrtool", *COMMAND], cwd=folder, capture_output=True, env=env)


def compare(before: Path, after: Path, name: str, folder: Path) -> str | None:
    a, b = run(before, folder), run(after, folder)
    if (a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr):
        return None
    if a.returncode != b.returncode:
        return f"{name}: exit {a.returncode} before, {b.returncode} after"
    for label, x, y in (("stdout", a.stdout, b.stdout), ("stderr", a.stderr, b.stderr)):
        if x != y:
            lines_x, lines_y = x.splitlines(), y.splitlines()
            at = next((i for i, (p, q) in enumerate(zip(lines_x, lines_y)) if p != q), min(len(lines_x), len(lines_y)))
            show = lambda lines: lines[at][:300].decode(errors="replace") if at < len(lines) else "(end)"  # noqa: E731
            return f"{name}: {label} differs at line {at + 1}:\n  before {show(lines_x)}\n  after  {show(lines_y)}"
    return name


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
        results = list(pool.map(lambda f: compare(args.before.resolve(), ROOT, *f), found))
    differences = [r for r in results if r]
    for line in differences:
        print(line)
    empty = sum(1 for _, f in found if not any(f.iterdir()))
    print(f"{len(found) - len(differences)} of {len(found)} folders the same (`adrtool {' '.join(COMMAND)}`)"
          + (f"; {empty} empty" if empty else ""))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
