#!/usr/bin/env python3
"""Which public repositories the benches read, newest set first, and which the local mirror lacks.

Every hand-labelled set (bench/reading/collections*.json, bench/judgement/labels.jsonl) names its records by
repository and commit; the texts come from the search tool's mirror (/work/.mirror/<owner>+<name>/repo), which a
new machine does not have.  The search tool's `fetch` brings one repository at a time and allows a limited number a
session (about 500 here; the benches name more), so a session fetches what this prints, in order, and the newest
sets, the ones measured at first contact, come first.

    python3 bench/mirror_needs.py              # the missing ones, one owner/name a line, newest set first
    python3 bench/mirror_needs.py --all        # every one, present or not
    python3 bench/mirror_needs.py --summary    # per set: repositories named, missing
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

BENCH = Path(__file__).resolve().parent
MIRROR = Path(os.environ.get("ADRTOOL_MIRROR", "/work/.mirror"))


def in_mirror(repo: str) -> bool:
    base = MIRROR / repo.replace("/", "+") / "repo"
    return (base / "HEAD").is_file() or (base / ".git" / "HEAD").is_file()


def sets() -> list[tuple[str, list[str]]]:
    """(set name, its repositories) for every labelled set, newest first."""
    found: list[tuple[int, str, list[str]]] = []
    for path in (BENCH / "reading").glob("collections*.json"):
        n = int(path.stem[len("collections"):] or 1)
        repos = [c["repo"] for c in json.loads(path.read_text(encoding="utf-8"))]
        found.append((n, f"truth{n if n > 1 else ''}", repos))
    splits: dict[str, list[str]] = {}
    for line in (BENCH / "judgement" / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            splits.setdefault(label["split"], []).append(label["repo"])
    for split, repos in splits.items():
        m = re.fullmatch(r"holdout(\d*)", split)
        # Interleave the two kinds by age: holdoutN was labelled about when truth(2N) was.
        found.append(((int(m.group(1) or 1) * 2) if m else 0, split, repos))
    found.sort(key=lambda item: -item[0])
    return [(name, list(dict.fromkeys(repos))) for _, name, repos in found]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--all", action="store_true", help="every repository, present or not")
    ap.add_argument("--summary", action="store_true", help="per set: repositories named and missing")
    args = ap.parse_args(argv)
    seen: set[str] = set()
    for name, repos in sets():
        if args.summary:
            print(f"{name}\t{len(repos)} repositories\t{sum(not in_mirror(r) for r in repos)} missing")
            continue
        for repo in repos:
            if repo not in seen and (args.all or not in_mirror(repo)):
                print(repo)
            seen.add(repo)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
