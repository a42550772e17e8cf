"""`adrtool list` from two checkouts, byte for byte: what a change to the readers must leave alone.

    python bench/same_list.py                      # this checkout against /work/main
    python bench/same_list.py --before ../main --only mixed-10000
    python bench/same_list.py --quick              # --no-estimates only (the estimates take a second each)

For each bench repository (`mixed-100`, `mixed-1000`, `mixed-10000`, `adr-tools-10000`, those
`generate.py` made) and each folder of the reading truths (`bench/out/reading*/`, made by
`reading/extract.py`; `collections*.json` say which folder of each is read), it runs
`adrtool list --json --no-estimates`, `adrtool list --json` (with the tag estimates, which read
the bodies) and `adrtool list` (the table) with `PYTHONPATH` set to each checkout, and compares
standard output, standard error and the exit status.  Prints one line per difference and a
count; exit status 1 when anything differs, 2 when a folder is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH / "reading"))

import truths  # noqa: E402  (bench/reading/truths.py: which sets are held out)
ROOT = BENCH.parent
OUT = BENCH / "out"
REPOSITORIES = ("mixed-100", "mixed-1000", "mixed-10000", "adr-tools-10000")
COMMANDS = (["list", "--json", "--no-estimates"], ["list", "--json"], ["list"])


def cases(only: set[str] | None) -> list[tuple[str, Path, list[str]]]:
    """(name, working folder, arguments before the command) of every folder compared."""
    out = []
    for name in REPOSITORIES:
        if (OUT / name).is_dir() and (not only or name in only):
            out.append((name, OUT / name, []))
    for suffix, collections in truths.open_collections(BENCH):
        for item in json.loads(collections.read_text()):
            folder = OUT / f"reading{suffix}" / item["repo"].replace("/", "+")
            name = f"reading{suffix}/{folder.name}"
            if only and name not in only and f"reading{suffix}" not in only:
                continue
            if not folder.is_dir():
                print(f"missing: {folder} (run bench/reading/extract.py)", file=sys.stderr)
                continue
            if not (folder / ".git").exists():  # as reading/run.py does: the folder is its own repository
                subprocess.run(["git", "init", "-q", str(folder)], check=True)
            out.append((name, folder, ["--dir", item["dir"]]))
    return out


def run(checkout: Path, folder: Path, args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(checkout), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "adrtool", *args], cwd=folder, capture_output=True, env=env)


def compare(before: Path, after: Path, case, command) -> str | None:
    name, folder, lead = case
    a, b = run(before, folder, lead + command), run(after, folder, lead + command)
    what = f"{name}: adrtool {' '.join(command)}"
    if (a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr):
        return None
    if a.returncode != b.returncode:
        return f"{what}: exit {a.returncode} before, {b.returncode} after"
    for label, x, y in (("stdout", a.stdout, b.stdout), ("stderr", a.stderr, b.stderr)):
        if x != y:
            lines_x, lines_y = x.splitlines(), y.splitlines()
            at = next((i for i, (p, q) in enumerate(zip(lines_x, lines_y)) if p != q), min(len(lines_x), len(lines_y)))
            show = lambda lines: lines[at][:300].decode(errors="replace") if at < len(lines) else "(end)"  # noqa: E731
            return f"{what}: {label} differs at line {at + 1}:\n  before {show(lines_x)}\n  after  {show(lines_y)}"
    return what


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", type=Path, default=Path("/work/main"), help="the other checkout")
    ap.add_argument("--only", help="comma-separated names: mixed-10000, reading2, reading2/adr+madr, ...")
    ap.add_argument("--quick", action="store_true", help="only `list --json --no-estimates`")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    found = cases(set(args.only.split(",")) if args.only else None)
    if not found:
        print("nothing to compare (run bench/generate.py and bench/reading/extract.py)", file=sys.stderr)
        return 2
    commands = COMMANDS[:1] if args.quick else COMMANDS
    work = [(case, command) for case in found for command in commands]
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda w: compare(args.before.resolve(), ROOT, *w), work))
    differences = [r for r in results if r]
    for line in differences:
        print(line)
    print(f"{len(work) - len(differences)} of {len(work)} the same ({len(found)} folders, {len(commands)} commands each)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
