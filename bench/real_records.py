"""`list --json` on real records at 10,000: the reading truths' real folders, copied until there are 10,000 files.

    python3 bench/reading/extract.py --truth truthN     # once per set (bench/out/reading<N>/), as the reading bench does
    python3 bench/real_records.py                       # build bench/out/real-10000, then measure (median of 5, in turns)
    python3 bench/real_records.py --runs 3 --before /tmp/main   # and another checkout's, in the same turns

The generated repositories (bench/generate.py) are short records of template text; real folders are
longer (3,800 characters a record against about 1,000), written in a dozen layouts and languages, with
links, tables, code and front matter the generator never writes, so every reader and the estimates
meet there what users' folders hold.  Each decision folder of every reading truth (`collections*.json`)
is copied whole, as extract.py materialized it, into `real-10000/c<k>/reading<N>/<owner+name>/<dir>/` for k = 0,
1, ... until 10,000 files are reached; `.adrtool.toml` lists every copy.  Measured beside the floor
(`read_floor.py` on the same folders) and with and without the estimates; prints each, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH / "reading"))

import truths  # noqa: E402  (bench/reading/truths.py: which sets are held out)

from measure import interleaved, load_average, machine, median, run_with_cpu  # noqa: E402

SIZE = 10_000


def folders(out: Path) -> list[Path]:
    """Every reading truth's decision folder that extract.py materialized, in a fixed order."""
    found = []
    for suffix, collections in truths.open_collections(BENCH):
        root = out / f"reading{suffix}"
        for coll in json.loads(collections.read_text(encoding="utf-8")):
            folder = root / coll["repo"].replace("/", "+") / coll["dir"]
            if coll["dir"] not in ("", ".") and folder.is_dir() and folder not in found:
                found.append(folder)
    return found


def _files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.suffix in (".md", ".rst") and p.is_file())


def build(out: Path, size: int = SIZE) -> Path:
    target = out / f"real-{size}"
    sources = folders(out)
    if not sources:
        raise SystemExit("no reading truth folders under bench/out: run python3 bench/reading/extract.py --truth truthN")
    shutil.rmtree(target, ignore_errors=True)
    dirs, total, copy = [], 0, 0
    while total < size:
        for source in sources:
            rel = Path(f"c{copy}", *source.relative_to(out).parts)  # c<k>/reading<N>/<owner+name>/<dir>
            shutil.copytree(source, target / rel, symlinks=True, dirs_exist_ok=True)
            dirs.append(rel.as_posix())
            total += _files(source)
            if total >= size:
                break
        copy += 1
    (target / ".adrtool.toml").write_text("dirs = [" + ", ".join(json.dumps(d) for d in dirs) + "]\n", encoding="utf-8")
    print(f"{target}: {total:,} files in {len(dirs)} folders ({len(sources)} real folders, {copy} copies)")
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=BENCH / "out")
    ap.add_argument("--before", type=Path, help="another checkout: its `list --json` runs in the same turns")
    args = ap.parse_args(argv)
    repo = build(args.out)
    python = [sys.executable]
    here = {"PYTHONPATH": str(BENCH.parent)}
    cases = {"floor (read_floor.py)": ([*python, str(BENCH / "read_floor.py")], repo),
             "list --json --no-estimates": ([*python, "-m", "adrtool", "list", "--json", "--no-estimates"], repo),
             "list --json": ([*python, "-m", "adrtool", "list", "--json"], repo)}
    if args.before:
        before = args.before.resolve()
        # (the env below is the same for every case: a checkout of its own goes by its path on the command line)
        cases["before: list --json --no-estimates"] = ([*python, "-c", _RUN_FROM.format(str(before)), "--no-estimates"], repo)
        cases["before: list --json"] = ([*python, "-c", _RUN_FROM.format(str(before))], repo)
    for name, (cmd, cwd) in cases.items():  # once each first: a case that crashes is no fast case
        _, _, _, code, out, err = run_with_cpu(cmd, cwd, here)
        if code not in (0, 1) or "Traceback" in err or not out.strip():
            raise SystemExit(f"{name} failed (exit {code}): {(err.strip().splitlines() or [''])[-1][:200]}")
    print(f"machine: {machine()}; load {load_average()} at the start; median of {args.runs}, in turns")
    runs = interleaved(cases, args.runs, env=here)
    floor = median([w for w, _, _ in runs["floor (read_floor.py)"]])
    plain = median([w for w, _, _ in runs["list --json --no-estimates"]])
    print("| case | wall | CPU | peak memory | ratio to the floor | ratio to --no-estimates |")
    print("|---|---|---|---|---|---|")
    for name, rows in runs.items():
        wall, cpu = median([w for w, _, _ in rows]), median([c for _, _, c in rows])
        rss = max(r for _, r, _ in rows)
        print(f"| {name} | {wall:.3f} s | {cpu:.2f} s | {rss:.0f} MB | {wall / floor:.2f}x | {wall / plain:.2f}x |")
    print(f"load {load_average()} at the end; cores: {os.cpu_count()}")
    return 0


# `adrtool list --json` from another checkout: its path first on sys.path, then the command line's options.
_RUN_FROM = ("import sys; sys.path.insert(0, {0!r}); sys.argv = ['adrtool', 'list', '--json', *sys.argv[1:]]; "
             "from adrtool.cli import main; sys.exit(main())")


if __name__ == "__main__":
    sys.exit(main())
