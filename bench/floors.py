"""Issue 14: each figure beside its floor, measured in turns, median of five, with the ratio.

    python bench/floors.py                            # list, scaling, history, authoring
    python bench/floors.py --only list,history --runs 5
    python bench/floors.py --markdown bench/out/floors.md
    python bench/floors.py --only list --before ../main   # and main's figures, in the same turns

Floors: for `list`, `bench/read_floor.py` (walk the folders, read every
file, print a JSON list of paths: what reading everything costs in plain
Python); for whole-repository history, the commit walk `git log
--format=%H%x09%T` and, on the adversarial repository, `git log --raw`;
for the authoring commands and `review`, the same read-everything script on
their repository.  Every case and its floor run in turns (A B A B ...), so
both see the same load on this shared machine; the ratio is of the medians.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run as R  # noqa: E402, N812  (a sibling script: repositories, scratch copies, resets)
from measure import interleaved, load_average, machine, median, tool_version  # noqa: E402

FLOOR = [R.PYTHON, str(BENCH / "read_floor.py")]
WALK = ["git", "log", "--format=%H%x09%T"]
RAW_LOG = ["git", "log", "--raw", "--format=%H"]


@dataclass
class Row:
    figure: str
    seconds: float
    floor: str
    floor_seconds: float
    target: str = ""  # "<= 2.5x" (a ratio) or "<= 0.4 s"
    peak_mb: float = 0.0
    load: str = ""
    cpu: float = 0.0  # median CPU seconds (user + system, children included)
    floor_cpu: float = 0.0
    before: str = ""  # with --before: "wall s, CPU s, MB" of the other checkout, measured in the same turns

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds if self.floor_seconds else float("inf")

    @property
    def verdict(self) -> str:
        if not self.target:
            return ""
        limit = float(self.target.split()[1].rstrip("x"))
        value = self.ratio if self.target.endswith("x") else self.seconds
        return "PASS" if value <= limit else "FAIL"

    def cells(self) -> list[str]:
        cpu_ratio = f"{self.cpu / self.floor_cpu:.1f}x" if self.floor_cpu else ""
        return [self.figure, f"{self.seconds:.3f} s", self.floor, f"{self.floor_seconds:.3f} s", f"{self.ratio:.2f}x",
                self.target, self.verdict, f"{self.cpu:.2f} / {self.floor_cpu:.2f} s ({cpu_ratio})",
                f"{self.peak_mb:.0f} MB" if self.peak_mb else "", self.load] + ([self.before] if BEFORE else [])


HEADERS = ["figure", "median", "floor", "floor median", "ratio", "target", "result", "CPU / floor CPU",
           "peak memory", "load (1m/5m)"]
BEFORE: list[str] = []  # --before DIR: the same cases with PYTHONPATH=DIR (another checkout), in the same turns


def pair(figure: str, cmd: list[str], floor_name: str, floor_cmd: list[str], cwd: Path, runs: int,
         target: str = "", before=None) -> Row:
    load = load_average()
    cases = {"case": (cmd, cwd), "floor": (floor_cmd, cwd)}
    if BEFORE:
        cases["before"] = (["env", f"PYTHONPATH={BEFORE[0]}", *cmd], cwd)
    got = interleaved(cases, runs,
                      before=(lambda name: before() if name != "floor" else None) if before else None)
    row = Row(figure, median([w for w, _, _ in got["case"]]), floor_name, median([w for w, _, _ in got["floor"]]),
              target, max(m for _, m, _ in got["case"]), load, median([c for _, _, c in got["case"]]),
              median([c for _, _, c in got["floor"]]))
    if BEFORE:
        b = got["before"]
        row.before = (f"{median([w for w, _, _ in b]):.3f} s, {median([c for _, _, c in b]):.2f} CPU-s, "
                      f"{max(m for _, m, _ in b):.0f} MB")
    print("  " + " | ".join(row.cells()), flush=True)
    return row


# ---- the cases ---------------------------------------------------------------------


def list_speed(runs: int) -> list[Row]:
    """The target is the reading's: `--no-estimates`; the default (with the tag estimates) beside it."""
    path = R.repo("mixed-10000")
    return [pair("list --json --no-estimates, 10,000 records + 2,000 inline (memory target 100 MB)",
                 [*R.ADRTOOL, "list", "--json", "--no-estimates"], "read_floor.py", FLOOR, path, runs, "<= 2.5x"),
            pair("list --json (with the tag estimates), the same", [*R.ADRTOOL, "list", "--json"], "read_floor.py",
                 FLOOR, path, runs)]


def scaling(runs: int) -> list[Row]:
    rows = []
    for size in (100, 1000, 10000, 50000):
        path = R.repo(f"mixed-{size}")
        rows.append(pair(f"list --json --no-estimates, mixed-{size}", [*R.ADRTOOL, "list", "--json", "--no-estimates"],
                         "read_floor.py", FLOOR, path, runs))
    return rows


def history(runs: int) -> list[Row]:
    rows = []
    realistic = R.repo("realistic-300")
    rows.append(pair("whole history (list --json --history), realistic-300: 20,000 commits, 2% on decisions",
                     [*R.ADRTOOL, "list", "--json", "--history"], "commit walk", WALK, realistic, runs, "<= 3x"))
    print(f"  realistic-300: the two ways of reading history agree: {both_ways_agree(realistic)}", flush=True)
    adversarial = R.repo("history-10000")
    rows.append(pair("whole history (list --json --history), history-10000: every commit on a 10,000-file folder",
                     [*R.ADRTOOL, "list", "--json", "--history"], "git log --raw", RAW_LOG, adversarial, runs, "<= 1x"))
    rows.append(pair("the same, against the commit walk", [*R.ADRTOOL, "list", "--json", "--history"], "commit walk",
                     WALK, adversarial, runs))
    manifest = json.loads((R.OUT / "realistic-300.json").read_text())
    work = R.scratch("realistic-300", branch=manifest["review_branch"])
    rows.append(pair(f"review of a branch touching {manifest['review_touches']} decisions, realistic-300",
                     [*R.ADRTOOL, "review", "--base", "main", "--format", "json"], "read_floor.py", FLOOR, work, runs,
                     "<= 0.5 s"))
    return rows


def both_ways_agree(path: Path) -> bool:
    """history.load with one path-limited log and with the walk of every commit: the same touches."""
    import subprocess

    probe = ("import sys; from pathlib import Path; from adrtool import history, store\n"
             "repo = store.load(Path('.'))\n"
             "def touches(): return {k: [(t.commit, t.change, t.path) for t in h.touches] for k, h in history.load(repo).items()}\n"
             "history.FEW_FILES = 10**9; a = touches(); history.FEW_FILES = 0; b = touches()\n"
             "print(a == b and len(a) > 0)\n")
    done = subprocess.run([R.PYTHON, "-c", probe], cwd=path, capture_output=True, text=True)
    return done.stdout.strip() == "True"


def authoring(runs: int) -> list[Row]:
    work = R.scratch("mixed-10000")
    decisions = [d for d in R.decisions_json(work) if d["kind"] == "record" and d["number"] is not None]
    proposed = [d for d in decisions if d["status"] == "proposed" and d["dialect"] == "native"]
    accepted = [d for d in decisions if d["status"] == "accepted" and d["dialect"] == "native"]
    linked = R._most_linked(decisions)
    top = max(d["number"] for d in decisions)
    cases = [
        ("new", ["new", "Adopt bench decisions for the benchmark", "--choice", "arbitrary", "--door", "two-way"]),
        (f"status {proposed[0]['id']} accepted", ["status", proposed[0]["id"], "accepted"]),
        (f"supersede {accepted[0]['id']} {accepted[-1]['id']}", ["supersede", accepted[0]["id"], accepted[-1]["id"]]),
        (f"renumber {linked['id']} {top + 1}", ["renumber", linked["id"], str(top + 1)]),
    ]
    rows = [pair(f"{name} at 10,000 records", [*R.ADRTOOL, *args], "read_floor.py", FLOOR, work, runs, "<= 0.4 s",
                 before=lambda: R.reset(work)) for name, args in cases]
    R.reset(work)
    return rows


SECTIONS = {"list": list_speed, "scaling": scaling, "history": history, "authoring": authoring}


def markdown(rows: list[Row], header: str) -> str:
    lines = [header, "", "| " + " | ".join(HEADERS) + " |", "|" + " --- |" * len(HEADERS)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="issue 14: figures beside their floors")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated: {', '.join(SECTIONS)}")
    ap.add_argument("--runs", type=int, default=5, help="runs of each case and of its floor, in turns (default 5)")
    ap.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    ap.add_argument("--before", type=Path, help="also run each case from this checkout (its PYTHONPATH), in the same turns")
    args = ap.parse_args(argv)
    if args.before:
        BEFORE.append(str(args.before.resolve()))
        HEADERS.append(f"before ({args.before})")
    started = datetime.now(timezone.utc)
    header = (f"Run {started:%Y-%m-%d %H:%M} UTC on {machine()}; load average at start {load_average()}; "
              f"median of {args.runs} runs in turns with the floor; {tool_version(['git', '--version'])}")
    print(header, flush=True)
    rows: list[Row] = []
    for name in args.only.split(","):
        print(f"{name} ...", flush=True)
        rows += SECTIONS[name](args.runs)
    widths = [max(len(c) for c in column) for column in zip(HEADERS, *(r.cells() for r in rows))]
    for cells in [HEADERS, *(r.cells() for r in rows)]:
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())
    if args.markdown:
        args.markdown.write_text(markdown(rows, header))
    return 1 if any(r.verdict == "FAIL" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
