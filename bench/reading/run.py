#!/usr/bin/env python3
"""Score adrtool's reading against a hand-checked truth: truth.jsonl, truth2.jsonl or truth3.jsonl.

All three are the sets the reader is developed against; `truth3` was made from folders
no reading work saw and scored once at 9790541 while held out, then became a
development set. A set marked held out in truths.py (truth8 today) gets its per-field
tables printed, but its per-file misses only with `--show-misses-of-held-out` (whoever
looks at them has made it a development set, and should say so). The first line printed names the set scored
and says when it is held out. For each collection of the set's collections file, the
folder `extract.py` made under bench/out/reading/<owner>+<name>/ (truth2:
bench/out/reading2/, truth3: bench/out/reading3/) is read with `adrtool --dir <dir> list
--json` as a real process (the folder is made a git repository first, so that
adrtool takes it, not this checkout, as the repository root).  Files are
matched by path, and each field is compared:

- is_record: listed with kind "record" (a document, a design document or an
  unlisted file is not a record), over every file of the truth;
- title (casefolded, whitespace collapsed, emphasis markers removed), status,
  date and links (the set of (relation, target file) pairs, a target being the
  path of the record the link's `id` resolves to, else the file written beside
  the record; a web address or a bare id that resolves to no record is left
  out, as the truth lists only links to files that exist, and so is a written path
  naming no file of a folder extract.py wrote whole): over the truth's records; a
  record adrtool does not list as one misses every field.

    python bench/reading/run.py                   # every collection of truth.jsonl
    python bench/reading/run.py --truth truth2    # the second development set (extract.py --truth truth2 first)
    python bench/reading/run.py --truth truth3    # the third set (held out until scored once)
    python bench/reading/run.py --repo phodal/adr --misses 50
    python bench/reading/run.py --truth my.jsonl --collections my.json --out DIR
    python bench/reading/run.py --markdown        # the tables for bench/README.md

    python bench/reading/run.py --truth truth5 --available   # only the folders materialized (a partial mirror)

Exit status 0; 2 when a folder is missing (run extract.py first), unless `--available`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from truths import resolve  # noqa: E402  (a sibling module of this script)

FIELDS = ("is_record", "title", "status", "date", "links")
RECORD_FIELDS = FIELDS[1:]
_EMPHASIS = re.compile(r"[*_`]+")


def normal_title(title: str | None) -> str | None:
    if title is None:
        return None
    return " ".join(_EMPHASIS.sub("", title).casefold().split())


def run_adrtool(folder: Path, directory: str) -> list[dict]:
    """`adrtool --dir DIR list --json` in the collection's folder, as a user runs it."""
    if not (folder / ".git").exists():
        subprocess.run(["git", "init", "-q", str(folder)], check=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "adrtool", "--dir", directory, "list", "--json"], cwd=folder,
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{folder}: adrtool exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return json.loads(proc.stdout)


def target_path(item: dict, link: dict, by_id: dict[str, list[str]]) -> str:
    """The repository path a link points to: its resolved record's, else the written file beside the record.

    An id two records share (a folder holding `ADR-0004-x.md` and `ADR-004-x.md`, douhuaa/Zss.BilliardHall
    docs/adr/constitutional) names the one the written file is, when it is one of them.
    """
    target = link["target"].split("#", 1)[0]
    written = None
    if target.endswith((".md", ".rst")) and not target.startswith(("http://", "https://")):
        written = os.path.normpath(os.path.join(os.path.dirname(item["path"]), target)).replace(os.sep, "/")
    paths = by_id.get(link.get("id"))
    if paths:
        return written if written in paths else paths[-1]  # (the last listed, as before)
    # A target outside the folder read (a slice of it) is still a file the truth names.
    return written or link["target"]


def got_fields(item: dict | None, by_id: dict[str, list[str]], absent=lambda path: False) -> dict:
    """The fields of one listed item, in the truth's terms; `absent(path)` says a written path names no file of a folder
    materialized whole (see `absent_in`)."""
    if item is None or item.get("kind") != "record":
        return {"is_record": False, "title": None, "status": None, "date": None, "links": []}
    # A web address that resolves to no record names no file of the repository: adrtool keeps it (its `id` null,
    # as the JSON contract says), the truth lists links to files that exist only (DEFINITIONS.md, links).
    # Likewise a bare number naming no record of the folder (`- ADR 0004: Data Partitioning Strategy` under Related
    # Decisions, where no 0004 exists: GO-Commerce-Platform/mcp 5413ffc6ee49 wiki/architecture/adr/0001-*.md).
    # And a written path that resolves to no record and names no file of the folder, which extract.py wrote whole at
    # the commit: a file absent at the commit, which the truth does not list either (a `## Related` entry naming
    # `0008-use-target-aware-....md`, not in the folder at f01ae7ec7148: akonwi/ard docs/adrs/0015-*.md, 0017-*.md).
    links = sorted({(l["relation"], path) for l in item.get("links", [])
                    if l.get("id") in by_id or not l["target"].startswith(("http://", "https://"))
                    and (l["target"].endswith((".md", ".rst")) or "/" in l["target"])
                    for path in [target_path(item, l, by_id)] if l.get("id") in by_id or not absent(path)})
    return {"is_record": True, "title": item["title"], "status": item["status"], "date": item["date"],
            "links": [list(l) for l in links]}


def expected_fields(row: dict) -> dict:
    links = sorted({(l["relation"], l["target"]) for l in row.get("links") or []})
    return {"is_record": row["is_record"], "title": row.get("title"), "status": row.get("status"),
            "date": row.get("date"), "links": [list(l) for l in links]}


def same(field: str, want, got) -> bool:
    if field == "title":
        return normal_title(want) == normal_title(got)
    return want == got


class Tally:
    def __init__(self) -> None:
        self.right: dict[str, int] = defaultdict(int)
        self.total: dict[str, int] = defaultdict(int)

    def add(self, field: str, ok: bool) -> None:
        self.total[field] += 1
        self.right[field] += ok

    def share(self, field: str) -> str:
        n = self.total[field]
        return f"{100 * self.right[field] / n:.1f}% ({self.right[field]}/{n})" if n else "-"


def absent_in(folder: Path, directory: str, rows: list[dict]):
    """`absent(path)` for one materialized collection: whether a repository path inside its decision folder names no
    file there, told only of a folder extract.py wrote whole (from a mirror: it holds files the truth has no line for;
    one fetched file by file holds the truth's files alone, and a file missing there may exist at the commit)."""
    prefix = "" if directory in ("", ".") else directory.rstrip("/") + "/"
    named = {r["path"] for r in rows}
    base = folder / prefix if prefix else folder
    whole = base.is_dir() and any(p.is_file() and p.relative_to(folder).as_posix() not in named
                                  for p in base.iterdir() if p.suffix in (".md", ".rst"))

    def absent(path: str) -> bool:
        return whole and path.startswith(prefix) and path.endswith((".md", ".rst")) and not (folder / path).exists()

    return absent


def score(truth: list[dict], collections: list[dict], out: Path, only: str | None = None):
    overall, by_dialect, by_language = Tally(), defaultdict(Tally), defaultdict(Tally)
    misses: list[tuple[str, str, object, object]] = []
    for coll in collections:
        if only and coll["repo"] != only:
            continue
        folder = out / coll["repo"].replace("/", "+")
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: missing; run bench/reading/extract.py first, with the same --truth")
        items = run_adrtool(folder, coll["dir"] or ".")
        by_path = {}
        for item in items:
            if item.get("kind") == "inline":
                continue  # a line of a document; the file itself is matched by its record, if any
            by_path.setdefault(item["path"], item)
        by_id: dict[str, list[str]] = {}
        for item in items:
            if item.get("kind") == "record":
                by_id.setdefault(item["id"], []).append(item["path"])
        rows = [r for r in truth if r["repo"] == coll["repo"] and r["dir"] == coll["dir"]]
        absent = absent_in(folder, coll["dir"], rows)
        for row in rows:
            want, got = expected_fields(row), got_fields(by_path.get(row["path"]), by_id, absent)
            fields = FIELDS if row["is_record"] else ("is_record",)
            for field in fields:
                # A record not listed as one misses every field, even one whose truth is empty.
                ok = same(field, want[field], got[field]) and (field == "is_record" or got["is_record"])
                for tally in (overall, by_dialect[row["dialect"]], by_language[row["language"]]):
                    tally.add(field, ok)
                if not ok:
                    misses.append((f"{coll['repo']}:{row['path']}", field, want[field], got[field]))
    return overall, by_dialect, by_language, misses


def table(title: str, groups: dict[str, Tally], markdown: bool) -> str:
    rows = [[name] + [t.share(f) for f in FIELDS] for name, t in groups.items()]
    head = [title, *FIELDS]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in [head, *rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--truth", default="truth", help="truth (default), truth2 .. truth24, or a truth file")
    ap.add_argument("--collections", type=Path, help="default: the set's own collections file")
    ap.add_argument("--out", type=Path, help="where extract.py wrote the folders (default: the set's own)")
    ap.add_argument("--repo", help="only this owner/name")
    ap.add_argument("--misses", type=int, default=40, help="how many misses to print (all: -1)")
    ap.add_argument("--markdown", action="store_true", help="tables as Markdown")
    ap.add_argument("--available", action="store_true",
                    help="score only the folders extract.py materialized (a mirror not fetched: say which are left out)")
    ap.add_argument("--show-misses-of-held-out", action="store_true",
                    help="print the per-file misses of a held-out set too (it stops being held out)")
    args = ap.parse_args(argv)
    chosen = resolve(args.truth, args.collections, args.out)
    truth = [json.loads(line) for line in chosen.truth.read_text(encoding="utf-8").splitlines() if line.strip()]
    collections = json.loads(chosen.collections.read_text(encoding="utf-8"))
    if args.available:
        # A machine whose mirror lacks some repositories (fetch has a per-session quota) still scores the rest,
        # and says so on the first lines, so a partial figure is never read as the set's.
        absent = [c for c in collections if not (chosen.out / c["repo"].replace("/", "+")).is_dir()]
        collections = [c for c in collections if c not in absent]
        keep = {(c["repo"], c["dir"]) for c in collections}
        truth = [r for r in truth if (r["repo"], r["dir"]) in keep]
        if absent:
            print(f"partial: {len(absent)} folders not materialized, left out: " + ", ".join(c["repo"] for c in absent))
    try:
        overall, by_dialect, by_language, misses = score(truth, collections, chosen.out, args.repo)
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"run.py: {exc}", file=sys.stderr)
        return 2
    # The header is the first table's corner cell, so the first line says which truth is scored.
    header = f"truth: {chosen.label}, {len(truth)} files in {len(collections)} folders"
    print(table(header, {"all": overall}, args.markdown), end="\n\n")
    print(table("dialect", dict(sorted(by_dialect.items())), args.markdown), end="\n\n")
    print(table("language", dict(sorted(by_language.items())), args.markdown), end="\n\n")
    if chosen.held_out and not args.show_misses_of_held_out:
        # Counting the misses tells nothing to tune against; naming them would.
        print(f"{len(misses)} misses, not listed: {chosen.label.split()[0]} is held out (--show-misses-of-held-out lists them)")
        return 0
    if chosen.held_out:
        print(f"listing the misses of {chosen.label.split()[0]}, which is held out: from now on it is a development set")
    shown = misses if args.misses < 0 else misses[: args.misses]
    print(f"{len(misses)} misses" + (f" (first {len(shown)})" if len(shown) < len(misses) else ""))
    for where, field, want, got in shown:
        print(f"  {where}  {field}: expected {json.dumps(want, ensure_ascii=False)}, got {json.dumps(got, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
