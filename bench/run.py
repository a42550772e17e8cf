"""Run the benchmarks of issues 2-7 and print one table per issue (figure, target, pass/fail).

    python bench/run.py                     # everything; generates the repositories if missing
    python bench/run.py --issues 2,3 --runs 5
    python bench/run.py --no-log4brains     # skip the slow `log4brains build` peer
    python bench/run.py --markdown bench/out/results.md

Every figure is a whole process (wall time, peak RSS) measured from outside,
best of --runs; writes run on a scratch copy restored with `git reset --hard`
before each run.  The load average beside each figure says how busy the
shared machine was.  Commands not built yet are reported as "missing".
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (a sibling script, not a package)
from measure import Measurement, load_average, machine, measure, tool_version  # noqa: E402

OUT = BENCH / "out"
WORK = OUT / "work"
PYTHON = sys.executable
ADRTOOL = [PYTHON, "-m", "adrtool"]
LOG4BRAINS_PREFIX = OUT / "log4brains-tool"
LOG4BRAINS_VERSION = "1.1.0"
HEAVY = ("textual", "anthropic", "git")  # packages `adrtool list` must not import


@dataclass
class Row:
    figure: str
    value: str
    target: str = ""
    verdict: str = ""  # PASS | FAIL | missing | error | "" (a figure with no target)
    load: str = ""
    note: str = ""


@dataclass
class Report:
    issue: str
    title: str
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(f"  {row.figure}: {row.value} {row.verdict} {row.note}".rstrip(), flush=True)


# ---- helpers ------------------------------------------------------------------


def repo(name: str) -> Path:
    """A generated repository, made now if it is missing."""
    path = OUT / name
    if not path.exists():
        variant, size = name.rsplit("-", 1)
        print(f"generating {name} ...", flush=True)
        generate.generate(variant, int(size), OUT)
    return path


def scratch(name: str, branch: str | None = None) -> Path:
    """A disposable copy of a generated repository, for commands that write."""
    src, dst = repo(name), WORK / name
    made = (OUT / f"{name}.json").stat().st_mtime
    if dst.exists() and dst.stat().st_mtime < made:  # the repository was generated again since
        shutil.rmtree(dst)
    if not dst.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        shutil.copytree(src, dst, symlinks=True)
    if branch:
        subprocess.run(["git", "checkout", "-q", "-f", branch], cwd=dst, check=True)
    reset(dst)
    return dst


def reset(path: Path) -> None:
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=path, check=True)
    subprocess.run(["git", "clean", "-q", "-fd"], cwd=path, check=True)


def has_command(name: str) -> bool:
    from adrtool.cli import COMMANDS

    module = COMMANDS.get(name, ("",))[0]
    return bool(module) and importlib.util.find_spec(module) is not None


def timed(report: Report, figure: str, m: Measurement, limit_s: float | None = None, limit_mb: float | None = None,
          accept=(0,), note: str = "") -> bool:
    """Add the wall-time row (and the memory row when a limit is given); False when the command failed."""
    if m.code not in accept:
        first = (m.err.strip().splitlines() or ["no output"])[-1][:160]
        report.add(Row(figure, f"exit {m.code}", _target(limit_s, "s"), "error", m.load, first))
        return False
    report.add(Row(figure, f"{m.wall:.2f} s", _target(limit_s, "s"), _verdict(m.wall, limit_s), m.load, note))
    report.add(Row(f"{figure}, peak memory", f"{m.rss_mb:.0f} MB", _target(limit_mb, "MB"), _verdict(m.rss_mb, limit_mb), m.load))
    return True


def _target(limit, unit) -> str:
    return f"<= {limit:g} {unit}" if limit is not None else ""


def _verdict(value: float, limit: float | None) -> str:
    if limit is None:
        return ""
    return "PASS" if value <= limit else "FAIL"


def missing(report: Report, figure: str, command: str, target: str = "") -> None:
    report.add(Row(figure, "-", target, "missing", note=f"`adrtool {command}` is not built yet"))


def decisions_json(path: Path) -> list[dict]:
    proc = subprocess.run([*ADRTOOL, "list", "--json"], cwd=path, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


# ---- issue 2: reading ---------------------------------------------------------


def issue_2(runs: int) -> Report:
    r = Report("2", "Decision store: `adrtool list --json`")
    for size, limit_s, limit_mb in ((1000, None, None), (10000, 1.0, 150.0)):
        path = repo(f"mixed-{size}")
        manifest = json.loads((OUT / f"mixed-{size}.json").read_text())
        m = measure([*ADRTOOL, "list", "--json"], path, runs)
        if timed(r, f"list --json, {size:,} records + {manifest['inline']:,} inline", m, limit_s, limit_mb):
            got = len(json.loads(m.out))
            want = manifest["records"] + manifest["inline"]
            r.add(Row(f"decisions listed at {size:,}", f"{got:,}", f"= {want:,}", "PASS" if got == want else "FAIL"))
    peer = repo("adr-tools-1000")
    timed(r, "adr-tools-1000: adrtool list --json", measure([*ADRTOOL, "list", "--json"], peer, runs))
    if has_command("toc"):
        timed(r, "adr-tools-1000: adrtool toc", measure([*ADRTOOL, "toc"], peer, runs))
    timed(r, "adr-tools-1000: adr generate toc (peer)", measure(["adr", "generate", "toc"], peer, 1),
          note="adr-tools, 1 run")
    r.add(import_check(repo("mixed-1000")))
    return r


def import_check(path: Path) -> Row:
    """`python -X importtime` names every module imported; none of HEAVY may appear for `list`."""
    proc = subprocess.run([PYTHON, "-X", "importtime", "-m", "adrtool", "list", "--json"], cwd=path,
                          capture_output=True, text=True)
    imported = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            imported.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    heavy = sorted(imported & set(HEAVY))
    return Row("list imports textual/anthropic/git", ", ".join(heavy) or "none", "none",
               "PASS" if not heavy and proc.returncode == 0 else "FAIL", note=f"{len(imported)} top-level modules")


# ---- issue 3: authoring -------------------------------------------------------


def issue_3(runs: int) -> Report:
    r = Report("3", "Authoring at 10,000 records")
    work = scratch("mixed-10000")
    decisions = [d for d in decisions_json(work) if d["kind"] == "record" and d["number"] is not None]
    by_status = {}
    for d in decisions:
        by_status.setdefault((d["status"], d["dialect"]), []).append(d)
    proposed = by_status.get(("proposed", "native"), [])
    accepted = by_status.get(("accepted", "native"), [])
    linked = _most_linked(decisions)
    top = max(d["number"] for d in decisions)
    cases = [
        ("new", ["new", "Adopt bench decisions for the benchmark", "--choice", "arbitrary", "--door", "two-way"]),
        ("status", ["status", proposed[0]["id"], "accepted"] if proposed else None),
        ("supersede", ["supersede", accepted[0]["id"], accepted[-1]["id"]] if len(accepted) > 1 else None),
        ("renumber", ["renumber", linked["id"], str(top + 1)] if linked else None),
    ]
    for name, args in cases:
        figure = f"{name} at 10k" + (f" ({' '.join(args[1:3])})" if args and name != "new" else "")
        if not has_command(name):
            missing(r, figure, name, "<= 1 s")
        elif args is None:
            r.add(Row(figure, "-", "<= 1 s", "error", note="no suitable record in the generated repository"))
        else:
            timed(r, figure, measure([*ADRTOOL, *args], work, runs, before=lambda: reset(work)), 1.0)
    reset(work)
    peer = scratch("adr-tools-1000")
    peer_runs = [
        ("adr-tools-1000: adr new (peer)", ["adr", "new", "Adopt bench decisions"]),
        ("adr-tools-1000: adr new -s 5 (peer)", ["adr", "new", "-s", "5", "Adopt bench decisions"]),
        ("adr-tools-1000: adrtool new", [*ADRTOOL, "new", "Adopt bench decisions"]),
        ("adr-tools-1000: adrtool new --supersedes 5", [*ADRTOOL, "new", "--supersedes", "5", "Adopt bench decisions"]),
    ]
    for figure, cmd in peer_runs:
        if cmd[0] != "adr" and not has_command("new"):
            missing(r, figure, "new")
            continue
        timed(r, figure, measure(cmd, peer, runs, env={"VISUAL": "true", "EDITOR": "true"}, before=lambda: reset(peer)))
    reset(peer)
    return r


def _most_linked(decisions: list[dict]) -> dict | None:
    """The numbered record most other records link to (so renumber has links to rewrite)."""
    counts: dict[str, int] = {}
    for d in decisions:
        for link in d.get("links", []):
            counts[link["target"]] = counts.get(link["target"], 0) + 1
    best = None
    for d in decisions:
        n = sum(c for t, c in counts.items() if t in (str(d["number"]), d["id"]) or t.endswith(d["path"].rsplit("/", 1)[-1]))
        if n and (best is None or n > best[0]):
            best = (n, d)
    return best[1] if best else None


# ---- issue 4: git history and review -------------------------------------------


def issue_4(runs: int) -> Report:
    r = Report("4", "History and review: 10,000 decisions, 20,000 commits")
    path = repo("history-10000")
    manifest = json.loads((OUT / "history-10000.json").read_text())
    r.add(Row("commits on main", f"{manifest['commits_main']:,}", "20,000"))
    m = measure([*ADRTOOL, "list", "--json", "--history"], path, runs)
    if timed(r, "whole-repository history (list --json --history)", m, 3.0):
        items = json.loads(m.out)
        dated = sum(1 for d in items if d.get("created"))
        want = manifest["records"] + manifest["inline"]
        r.add(Row("decisions with a created date", f"{dated:,}", f"= {want:,}", "PASS" if dated == want else "FAIL",
                  note="an inline decision has its document's dates"))
    if has_command("log"):
        timed(r, "log of one decision (log 0001)", measure([*ADRTOOL, "log", "0001"], path, runs))
    else:
        missing(r, "log of one decision", "log")
    if has_command("review"):
        work = scratch("history-10000", branch=manifest["review_branch"])
        m = measure([*ADRTOOL, "review", "--base", "main", "--format", "json"], work, runs)
        if timed(r, f"review of a branch touching {manifest['review_touches']} decisions", m, 1.5, accept=(0, 1)):
            r.add(Row("review exit code", str(m.code), "0 or 1", "PASS"))
    else:
        missing(r, "review of a branch touching 20 decisions", "review", "<= 1.5 s")
    return r


# ---- issue 5: the TUI ---------------------------------------------------------


def issue_5(runs: int) -> Report:
    r = Report("5", "Terminal UI at 10,000 decisions (Pilot)")
    if importlib.util.find_spec("adrtool.tui.app") is None:
        missing(r, "TUI", "(no arguments)")
        return r
    path = repo("mixed-10000")
    # (key, label, target in seconds or None); see tui_bench.py for the two clocks.
    figures = [
        ("first_paint", "first screen painted (from process start)", 1.0),
        ("table_usable", "whole table usable (from process start)", 2.0),
        ("filter_keystroke_in_app", "filter keystroke -> table frame (in the app)", 0.1),
        ("filter_keystroke", "filter keystroke, Pilot round trip", None),
        ("cursor_header_in_app", "cursor move -> detail header frame (in the app)", None),
        ("cursor_detail_in_app", "cursor move -> detail Markdown frame, 80 ms debounce incl. (in the app)", 0.1),
        ("cursor_detail", "cursor move -> detail Markdown, Pilot round trip", None),
    ]
    best: dict[str, float] = {}
    load = load_average()
    for _ in range(runs):
        env = dict(os.environ, BENCH_START=repr(time.time()))
        try:
            proc = subprocess.run([PYTHON, str(BENCH / "tui_bench.py")], cwd=path, env=env, capture_output=True,
                                  text=True, timeout=300)
        except subprocess.TimeoutExpired:
            r.add(Row("TUI run", "timeout", "", "error", load, "tui_bench.py did not finish in 300 s"))
            return r
        if proc.returncode != 0:
            r.add(Row("TUI run", f"exit {proc.returncode}", "", "error", load, (proc.stderr.strip().splitlines() or [""])[-1][:160]))
            return r
        for key, value in json.loads(proc.stdout.strip().splitlines()[-1]).items():
            best[key] = min(best.get(key, float("inf")), value)
    for key, label, limit in figures:
        if key in best:
            value = best[key]
            shown = f"{value:.2f} s" if key in ("first_paint", "table_usable") else f"{value * 1000:.0f} ms"
            target = "" if limit is None else (f"<= {limit * 1000:.0f} ms" if limit < 1 else f"<= {limit:g} s")
            r.add(Row(label, shown, target, _verdict(value, limit), load))
    if "rows" in best:
        r.add(Row("rows in the table", f"{best['rows']:,.0f}", "", "", load))
    return r


# ---- issue 6: AI cost ---------------------------------------------------------


def issue_6(runs: int) -> Report:
    r = Report("6", "AI pass: 1,000 decisions against the fake Messages API")
    if not has_command("ai") or not (BENCH.parent / "tests" / "fake_anthropic.py").exists():
        missing(r, "AI cost", "ai")
        return r
    proc = subprocess.run([PYTHON, str(BENCH / "ai_bench.py"), str(repo("mixed-1000"))], capture_output=True,
                          text=True, timeout=900)
    if proc.returncode != 0:
        r.add(Row("AI run", f"exit {proc.returncode}", "", "error", note=(proc.stderr.strip().splitlines() or [""])[-1][:200]))
        return r
    for row in json.loads(proc.stdout.strip().splitlines()[-1]):
        r.add(Row(**row))
    return r


# ---- issue 7: the digest ------------------------------------------------------


def issue_7(runs: int, with_log4brains: bool) -> Report:
    r = Report("7", "Newcomer digest")
    if not has_command("digest"):
        missing(r, "digest", "digest")
    else:
        for name, cases in (("mixed-10000", (("md", 2.0, None), ("html", 3.0, 10.0))),
                            ("log4brains-1000", (("md", None, None), ("html", None, None)))):
            path = repo(name)
            for fmt, limit_s, limit_size in cases:
                out = OUT / f"digest-{name}.{fmt}"
                m = measure([*ADRTOOL, "digest", "--format", fmt, "--out", str(out)], path, runs)
                if timed(r, f"{name}: digest --format {fmt}", m, limit_s) and out.exists():
                    size = out.stat().st_size / 1e6
                    r.add(Row(f"{name}: digest {fmt} size", f"{size:.2f} MB", _target(limit_size, "MB"),
                              _verdict(size, limit_size)))
    if with_log4brains:
        log4brains_build(r)
    return r


def log4brains_build(r: Report) -> None:
    """`log4brains build` on the same 1,000-record repository: one run (it takes minutes)."""
    binary = LOG4BRAINS_PREFIX / "node_modules" / ".bin" / "log4brains"
    if not binary.exists():
        proc = subprocess.run(["npm", "install", "--prefix", str(LOG4BRAINS_PREFIX), "--no-audit", "--no-fund",
                               f"log4brains@{LOG4BRAINS_VERSION}"], capture_output=True, text=True)
        if proc.returncode != 0 or not binary.exists():
            r.add(Row("log4brains build (peer)", "-", "", "error", note="npm install failed: "
                      + (proc.stderr.strip().splitlines() or [""])[-1][:160]))
            return
    work = scratch("log4brains-1000")
    site = WORK / "log4brains-site"
    shutil.rmtree(site, ignore_errors=True)
    m = measure([str(binary), "build", "--out", str(site)], work, 1)
    if timed(r, "log4brains-1000: log4brains build (peer)", m, note=f"log4brains {LOG4BRAINS_VERSION}, 1 run"):
        size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6
        r.add(Row("log4brains-1000: log4brains site size", f"{size:.1f} MB",
                  note=f"{sum(1 for f in site.rglob('*') if f.is_file()):,} files"))
    reset(work)


# ---- report -------------------------------------------------------------------


def markdown(reports: list[Report], header: str) -> str:
    parts = [header]
    for rep in reports:
        parts.append(f"\n### Issue {rep.issue}: {rep.title}\n\n| figure | measured | target | result | load (1m/5m) | note |\n"
                     "| --- | --- | --- | --- | --- | --- |")
        for row in rep.rows:
            parts.append(f"| {row.figure} | {row.value} | {row.target} | {row.verdict} | {row.load} | {row.note} |")
    return "\n".join(parts) + "\n"


def text_table(rep: Report) -> str:
    names = ["figure", "measured", "target", "result", "load", "note"]
    rows = [[r.figure, r.value, r.target, r.verdict, r.load, r.note] for r in rep.rows]
    widths = [max(len(str(v)) for v in column) for column in zip(names, *rows)]
    lines = [f"\nIssue {rep.issue}: {rep.title}"]
    for values in [names, *rows]:
        lines.append("  ".join(str(v).ljust(w) for v, w in zip(values, widths)).rstrip())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="adrtool benchmarks (issues 2-7)")
    ap.add_argument("--issues", default="2,3,4,5,6,7")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure; the best is kept (default 3)")
    ap.add_argument("--no-log4brains", dest="log4brains", action="store_false", help="skip `log4brains build`")
    ap.add_argument("--markdown", type=Path, help="also write the tables as Markdown to this file")
    args = ap.parse_args(argv)
    os.environ.pop("ADRTOOL_DIR", None)
    started = datetime.now(timezone.utc)
    header = (f"Run {started:%Y-%m-%d %H:%M} UTC on {machine()}; load average at start {load_average()}; "
              f"best of {args.runs} runs; {tool_version(['git', '--version'])}; "
              f"adr-tools {_deb_version('adr-tools')}; node {tool_version(['node', '--version'])}")
    print(header, flush=True)
    issues = {"2": issue_2, "3": issue_3, "4": issue_4, "5": issue_5, "6": issue_6,
              "7": lambda runs: issue_7(runs, args.log4brains)}
    reports = []
    for key in args.issues.split(","):
        print(f"issue {key} ...", flush=True)
        reports.append(issues[key](args.runs))
    for rep in reports:
        print(text_table(rep))
    if args.markdown:
        args.markdown.write_text(markdown(reports, header))
    failed = [row for rep in reports for row in rep.rows if row.verdict in ("FAIL", "error")]
    return 1 if failed else 0


def _deb_version(package: str) -> str:
    proc = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
    return proc.stdout.strip() or "not installed"


if __name__ == "__main__":
    sys.exit(main())
