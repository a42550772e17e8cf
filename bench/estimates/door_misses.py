"""Every two-way door the shipped estimate reads as one-way, over every studied split, clustered by why.

    python3 bench/judgement/extract.py       # once: the labelled records, from the mirrors
    python3 bench/estimates/door_misses.py           # the clusters, with counts per split
    python3 bench/estimates/door_misses.py --list    # and every miss under its cluster

Why a miss happened is read off the model's own inputs (`estimate_door`):

- **no cue**: neither the title, the Decision nor the first other section that
  speaks holds a door cue, so the "lean one-way" rule decides (issue 15);
- **two-way signs too weak**: the two-way cues outweigh the one-way ones, or
  stand alone, but the score stays under the threshold (ln(60/40)) or the short
  text's flag pulls it under;
- **a one-way cue won**: by the group that gave the reason (contract, data,
  foundation, identifiers), and whether the record holds any two-way cue at all
  where the model reads.

Beside the clusters, the one-way cue words found most often in these misses,
with how often each is found in one-way and in two-way records where the model
reads: a word as common in two-way records as in one-way ones is a subject-
neutral word the model weighs as one-way (bench/README.md, "Fifth round").
A sealed split is never read (door_cv.labelled).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import door_cv  # noqa: E402  (the labels of the unsealed splits, as adrtool reads them)

NO_CUE, TOO_WEAK = "no cue where the model reads (lean one-way)", "two-way signs too weak for the threshold"


def cluster(reason: str, cues: list[tuple[str, str, str]], lean: bool) -> str:
    """The cluster of a two-way record read as one-way: from the estimate's reason and whether it leans, and the
    (place, cue, door) of every cue the model read."""
    if not cues:
        return NO_CUE
    if lean:
        return TOO_WEAK
    alone = "" if any(door == "two-way" for _, _, door in cues) else ", no two-way cue"
    return f"one-way cue won: {reason.split(',')[0].split(' (')[0]}{alone}"


def place(cues: list[tuple[str, str, str]]) -> str:
    """Where the one-way cues of a miss were read: the title, the Decision, both, or the rest of the text."""
    return "+".join(sorted({p for p, _, door in cues if door == "one-way"})) or "-"


def misses() -> tuple[list[dict], dict[str, list[int]]]:
    """(every two-way record estimated one-way, with its cluster; cue word -> [one-way records, two-way records])."""
    from adrtool.reasoning import estimate_door, estimate_text

    out, seen = [], defaultdict(lambda: [0, 0])
    for row, d, repo in door_cv.labelled():
        if d is None:
            if row["door"] == "two-way":
                out.append(dict(row, cluster="not read by adrtool", one_way_cues=[]))
            continue
        found = estimate_door.cues_by_place(estimate_text.read(d, repo))
        for word in {c.text for _, _, c in found}:
            seen[word][row["door"] == "two-way"] += 1
        if row["door"] != "two-way":
            continue
        value, reason, _, lean = estimate_door.door(estimate_text.read(d, repo))
        if value == "one-way":
            cues = [(place, c.text, c.door) for place, _, c in found]
            out.append(dict(row, cluster=cluster(reason, cues, lean), place=place(cues),
                            one_way_cues=sorted({t for _, t, door in cues if door == "one-way"})))
    return out, seen


def report(items: list[dict], seen: dict[str, list[int]], listing: bool) -> str:
    splits = sorted({i["split"] for i in items}, key=lambda s: (len(s), s))
    counts = Counter(i["cluster"] for i in items)
    lines = [f"{len(items)} two-way records estimated one-way", "",
             "| cluster | all | " + " | ".join(splits) + " |", "|---|---|" + "---|" * len(splits)]
    for name, n in counts.most_common():
        per = Counter(i["split"] for i in items if i["cluster"] == name)
        lines.append(f"| {name} | {n} | " + " | ".join(str(per[s]) for s in splits) + " |")
    won = [i for i in items if i["cluster"].startswith("one-way cue won")]
    lines += ["", "| where the one-way cues of those a one-way cue won were read | misses |", "|---|---|"]
    lines += [f"| {p} | {n} |" for p, n in Counter(i["place"] for i in won).most_common()]
    words = Counter(w for i in items for w in i["one_way_cues"])
    lines += ["", "| one-way cue | in these misses | in one-way records | in two-way records |", "|---|---|---|---|"]
    for word, n in words.most_common(25):
        lines.append(f"| {word} | {n} | {seen[word][0]} | {seen[word][1]} |")
    if listing:
        for name, _ in counts.most_common():
            lines += ["", f"{name}:"] + [f"  {i['id']:28} {i['split']:9} {', '.join(i['one_way_cues'][:5])}"
                                          for i in items if i["cluster"] == name]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="list every miss under its cluster")
    args = ap.parse_args(argv)
    print(report(*misses(), args.list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
