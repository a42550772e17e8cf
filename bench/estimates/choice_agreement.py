"""How often the cheap choice (cue words) agrees with the reasoning card's, on thousands of unlabelled real records.

    python3 bench/reading/extract.py --truth truthN   # once per set: bench/out/reading<N>/ (as the reading bench)
    python3 bench/judgement/extract.py                # once: the labelled records (their text only is read here)
    python3 bench/estimates/choice_agreement.py                 # agreement overall, per language, per dialect
    python3 bench/estimates/choice_agreement.py --disagreements # and every record the two read differently
    python3 bench/estimates/choice_agreement.py --json          # one JSON line a record, to study

`list --json` estimates the choice from cue words (`estimate_choice`), the card's reading done cheaply;
the review and `run.py` can estimate it from the card itself (`estimate(d, repo, card=read_card(d, repo))`),
which costs tens of milliseconds a real record.  The card is the reference, and it needs no label: so the
two are compared on every record of every reading truth's real folder (`bench/reading/collections*.json`,
the folders `real-10000` is copied from, each once) and of the judgement's labelled collections
(materialized as run.py does; their labels are not read).  A record is counted once (by repository and
path).  Language and dialect are the collection's, as its collections file or label row names them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from multiprocessing import Pool
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(BENCH / "reading"))

import truths  # noqa: E402  (bench/reading/truths.py: which sets are held out)

OUT = BENCH / "out"


def units() -> list[tuple[str, str, list[str], str, str]]:
    """(repository, folder, decision dirs, language, dialect) for every collection, each folder once."""
    found, seen = [], set()
    for suffix, collections in truths.open_collections(BENCH):
        root = OUT / f"reading{suffix}"
        for coll in json.loads(collections.read_text(encoding="utf-8")):
            folder = root / coll["repo"].replace("/", "+")
            key = (coll["repo"], coll["dir"])
            if coll["dir"] in ("", ".") or key in seen or not (folder / coll["dir"]).is_dir():
                continue
            seen.add(key)
            found.append((coll["repo"], str(folder), [coll["dir"]], coll.get("language", "?"), coll.get("dialect", "?")))
    import run  # the labelled collections, put back at their own paths (bench/out/estimates/<owner+name>/)

    rows = [r for r in run.labels() if r["split"] in run.STUDIED]
    if rows and (run.RECORDS.is_dir()):
        meta = {}
        for r in rows:
            meta.setdefault(r["repo"], (r.get("language", "?"), r.get("dialect", "?")))
        for repo, folder in run.materialize(rows).items():
            found.append((repo, str(folder), [], *meta[repo]))
    return found


def read_unit(unit) -> list[dict]:
    from adrtool import store
    from adrtool.reasoning import read_card
    from adrtool.reasoning.card import ALTERNATIVES, REASON
    from adrtool.reasoning.estimate import estimate

    repo_name, folder, dirs, language, dialect = unit
    repo = store.load(Path(folder), dirs or None)
    out = []
    for d in repo.decisions:
        cheap = estimate(d, repo)
        card = read_card(d, repo)
        by_card = estimate(d, repo, card=card)
        lines = []
        for name in (REASON, ALTERNATIVES):
            item = card.get(name)
            if item is not None:
                lines.append({"name": name, "state": item.state, "summary": item.summary,
                              "quotes": [f"{q.line}: {q.text.strip()[:140]}" for q in item.quotes[:2]]})
        out.append({"repo": repo_name, "path": d.path, "language": language, "dialect": dialect,
                    "reader": d.dialect if isinstance(getattr(d, "dialect", None), str) else "",
                    "cue": cheap.choice.value, "cue_reason": cheap.choice.reason,
                    "cue_quotes": [f"{e.line}: [{e.cue}] {e.text.strip()[:140]}" for e in cheap.choice.evidence],
                    "card": by_card.choice.value, "card_reason": by_card.choice.reason, "card_lines": lines,
                    "closed": card.closed, "unfilled": card.unfilled})
    return out


def read_all(jobs: int) -> list[dict]:
    todo = units()
    if jobs > 1:
        with Pool(jobs) as pool:
            parts = pool.map(read_unit, todo, chunksize=1)
    else:
        parts = [read_unit(u) for u in todo]
    out, seen = [], set()
    for part in parts:
        for r in part:
            key = (r["repo"], r["path"])
            if key not in seen:
                seen.add(key)
                out.append(r)
    return out


def pct(hits: int, n: int) -> str:
    return f"{100 * hits / n:.1f}% ({hits}/{n})" if n else "-"


def table(results: list[dict], field: str) -> list[str]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        groups[r[field]].append(r)
    lines = [f"| {field} | records | agree | cue deliberate, card arbitrary | cue arbitrary, card deliberate |",
             "|---|---|---|---|---|"]
    for name, rs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"| {name} | {len(rs)} | {pct(sum(r['cue'] == r['card'] for r in rs), len(rs))} | "
                     f"{sum(r['cue'] == 'deliberate' != r['card'] for r in rs)} | "
                     f"{sum(r['cue'] == 'arbitrary' != r['card'] for r in rs)} |")
    return lines


def report(results: list[dict]) -> str:
    n = len(results)
    agree = sum(r["cue"] == r["card"] for r in results)
    both = Counter((r["cue"], r["card"]) for r in results)
    lines = [f"records: {n} in {len({r['repo'] for r in results})} collections; cue words agree with the card on "
             f"{pct(agree, n)}",
             f"cue deliberate / card arbitrary: {both[('deliberate', 'arbitrary')]}; "
             f"cue arbitrary / card deliberate: {both[('arbitrary', 'deliberate')]}; "
             f"card deliberate on {pct(sum(r['card'] == 'deliberate' for r in results), n)}", ""]
    lines += table(results, "language") + [""] + table(results, "dialect")
    return "\n".join(lines)


def disagreements(results: list[dict]) -> str:
    out = []
    for r in sorted(results, key=lambda r: (r["cue"], r["repo"], r["path"])):
        if r["cue"] == r["card"]:
            continue
        out.append(f"{r['repo']}:{r['path']} [{r['language']}/{r['dialect']}]  cue {r['cue']} ({r['cue_reason']}) "
                   f"card {r['card']} ({r['card_reason']})")
        for q in r["cue_quotes"]:
            out.append(f"    cue  {q}")
        for item in r["card_lines"]:
            out.append(f"    card {item['name']} {item['state']}: {item['summary'][:100]}")
            for q in item["quotes"]:
                out.append(f"         {q}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--disagreements", action="store_true", help="list every record the two read differently")
    ap.add_argument("--json", action="store_true", help="print every record read as a JSON line")
    ap.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    args = ap.parse_args(argv)
    results = read_all(args.jobs)
    if not results:
        print("no records: run bench/reading/extract.py and bench/judgement/extract.py first", file=sys.stderr)
        return 2
    if args.json:
        for r in results:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    print(report(results))
    if args.disagreements:
        print("\nDisagreements:\n" + disagreements(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
