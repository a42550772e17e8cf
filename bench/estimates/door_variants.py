"""The fifth to seventh rounds' variants of the estimated door, each against the shipped model: every grouping by
round (door_cv.ROUNDS), then leave-one-collection-out (bench/README.md, "Fifth round" to "Seventh round"; decision
0095).

    python3 bench/judgement/extract.py          # once: the labelled records, from the mirrors
    python3 bench/estimates/door_variants.py           # every variant, by round only (about a minute)
    python3 bench/estimates/door_variants.py --loco    # and leave-one-collection-out (about ten minutes)
    python3 bench/estimates/door_variants.py --only "no flags" --loco

Each variant is a function of the records fitted on (so that what it learns,
a word's door or a collection's size, is read from those records only) that
returns the features of a record; the fit and the figures are door_cv.py's.
The records are read as `estimate_door` reads them, every zone's door cues
kept, so a variant can read a place the shipped model does not.  A sealed
split is never read (door_cv.labelled).  Nothing here is shipped: the rows
it prints are what the fifth round measured and did not keep.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import door_cv  # noqa: E402

PLACES = ("title", "decision", "body")
CAP = 12.0
# Structure rather than words (the brief's third idea): phrases anywhere in the record.
STRUCTURE = {
    "scope of one": "this service|the service|this repository|this repo|the repository|this application|"
                    "the application|this app|this project|this library|this component|one service|our service|"
                    "this tool|inside|within|our own|its own",
    "behind an abstraction": "behind|wrapper|wrap|wraps|abstraction|abstract|adapter|adapters|facade|encapsulate|"
                             "encapsulated|isolate|isolated|swap|swappable|replaceable|pluggable|replace it",
    "build or dev time": "build time|at build|dev dependency|devdependencies|development dependency|locally|local|"
                         "during development|in ci|only in tests|developer|developers",
    "a rollout that can be revisited": "later|revisit|for now|future|re evaluate|can always|easily|gradually|"
                                       "incrementally|step by step|phase|initial|first version|v1",
    "others depend on it": "all clients|existing data|migrate|migrating|backwards|breaking|external|third party|"
                           "customers|downstream|consumers|partners",
}


def records() -> list[dict]:
    """Every label with its zones' door cues (title prefix skipped, as the door reads it) and words."""
    from adrtool.reasoning import estimate_cues, estimate_door, estimate_text

    out = []
    for row, d, repo in door_cv.labelled():
        item = dict(row, read=d is not None)
        if d is not None:
            text = estimate_text.read(d, repo)
            if text.title:
                estimate_door._skip_prefix(text.title)
            zones = {"title": text.title, **text.zones}
            item.update(words=text.words, inline=text.inline, has_decision=bool(text.decision),
                        cues={k: [(c.text, c.group, c.weight, c.door) for c in estimate_door.zone_cues(z)]
                              for k, z in zones.items() if z},
                        padded={k: z.padded for k, z in zones.items() if z})
            item["x"] = estimate_door.features(estimate_door.cues_by_place(text), text.words, text.inline)
            # Seventh round: every section besides the title and the Decision by its cue words only (no phrases)
            stated = text.decision if text.decision else text.zone(estimate_text.OTHER)
            keys = estimate_cues.DOOR_WORD_KEYS
            item["body_words"] = [(estimate_cues.DOOR_WORDS[w].door, estimate_cues.DOOR_WORDS[w].weight)
                                  for z in text.zones.values() if z is not stated for w in sorted(z.present & keys)]
            item["short"] = text.words < estimate_door.MIN_WORDS and not text.inline
        out.append(item)
    return out


def places(r: dict) -> list[tuple[str, str]]:
    """(place, zone) the shipped model reads: the title, the Decision (or the prose), else the first that speaks."""
    cues, out = r["cues"], []
    stated = "decision" if r["has_decision"] else "other"
    out += [("title", "title")] if cues.get("title") else []
    out += [("decision", stated)] if cues.get(stated) else []
    if not out:
        out += [("body", k) for k in cues if k not in ("title", stated) and cues[k]][:1]
    return out


def totals(r: dict, drop=frozenset(), flags: tuple[int, ...] = (25, 8)) -> list[float]:
    """The shipped model's features, less the cues of `drop` (cue texts or groups), with the short-text flags at
    these word counts."""
    if not r["read"]:
        return [0.0] * (6 + len(flags))
    s: dict = {}
    for place, zone in places(r):
        for text, group, weight, door in r["cues"][zone]:
            if text not in drop and group not in drop:
                s[place, door] = s.get((place, door), 0.0) + weight
    return [min(s.get((p, d), 0.0), CAP) for p in PLACES for d in ("one-way", "two-way")] + \
        [1.0 if r["words"] < n and not r["inline"] else 0.0 for n in flags]


def rest(r: dict) -> list[float]:
    """Each door's cue weight in every zone besides the title and the Decision, read always."""
    s = [0.0, 0.0]
    for zone, found in (r["cues"] if r["read"] else {}).items():
        if zone != "title" and zone != ("decision" if r["has_decision"] else "other"):
            for _, _, weight, door in found:
                s[door == "two-way"] += weight
    return [min(v, CAP) for v in s]


def body_words(r: dict) -> list[float]:
    """The shipped model's features with the body read always by its cue words (the seventh round)."""
    if not r["read"]:
        return totals(r)
    s = [0.0, 0.0]
    for door, weight in r["body_words"]:
        s[door == "two-way"] += weight
    return totals(r)[:4] + [min(v, CAP) for v in s] + totals(r)[6:]


def structure(r: dict, name: str) -> list[float]:
    phrases = [f" {p} " for p in STRUCTURE[name].split("|")]
    return [min(sum(z.count(p) for z in r["padded"].values() for p in phrases), 3.0) if r["read"] else 0.0]


def cue_counts(train: list[dict]) -> dict[str, list]:
    """cue text -> [one-way records, two-way records, its door] among `train`, where the shipped model reads."""
    out: dict = defaultdict(lambda: [0, 0, ""])
    for r in (r for r in train if r["read"]):
        for text, door in {(t, d) for p, z in places(r) for t, _, _, d in r["cues"][z]}:
            out[text][r["door"] == "two-way"] += 1
            out[text][2] = door
    return out


def pruned(train: list[dict], least: int = 5):
    """The cues whose door the records fitted on contradict (seen in `least` of them at least) left out."""
    drop = {t for t, (one, two, door) in cue_counts(train).items()
            if one + two >= least and (two >= one if door == "one-way" else one >= two)}
    return lambda r: totals(r, drop)


def log_odds(train: list[dict], a: float = 5.0):
    """Beside the totals, each place's summed log-odds of its cues among the records fitted on, drawn toward the
    cue's own door by `a` records' worth (a naive Bayes over the cue words)."""
    counts = cue_counts(train)

    def lo(text: str, door: str) -> float:
        one, two, _ = counts.get(text, (0, 0, ""))
        p = 0.65 if door == "two-way" else 0.35
        return math.log((two + a * p) / (one + a * (1 - p)))

    def feat(r: dict) -> list[float]:
        s: dict = {}
        for place, zone in places(r) if r["read"] else []:
            s[place] = s.get(place, 0.0) + sum(lo(t, d) for t, _, _, d in r["cues"][zone])
        return totals(r) + [s.get(p, 0.0) for p in PLACES]
    return feat


def fixed(feat):
    return lambda train: feat


# name -> (features from the records fitted on, threshold, weights of the records fitted on or None)
VARIANTS = {
    "shipped": (fixed(totals), 0.405, None),
    "threshold 0.3": (fixed(totals), 0.3, None),
    "threshold 0.2": (fixed(totals), 0.2, None),
    "threshold 0": (fixed(totals), 0.0, None),
    "no short-text flags": (fixed(lambda r: totals(r, flags=())), 0.405, None),
    "only the template flag (< 8 words)": (fixed(lambda r: totals(r, flags=(8,))), 0.405, None),
    "every cue weight 1": (fixed(lambda r: totals({**r, "cues": {k: [(t, g, 1, d) for t, g, _, d in v]
                                                                   for k, v in r.get("cues", {}).items()}})), 0.405,
                           None),
    "cap 4": (fixed(lambda r: [min(v, 4.0) for v in totals(r)[:6]] + totals(r)[6:]), 0.405, None),
    "drop policy": (fixed(lambda r: totals(r, {"policy"})), 0.405, None),
    "drop tuning": (fixed(lambda r: totals(r, {"tuning"})), 0.405, None),
    "drop organisation": (fixed(lambda r: totals(r, {"organisation"})), 0.405, None),
    "drop 5 subject-neutral one-way words (read from all labels)":
        (fixed(lambda r: totals(r, {"interface", "javascript", "infrastructure", "markdown", "plugin"})), 0.405, None),
    "cues the fitted records contradict left out": (pruned, 0.405, None),
    "cue log-odds learned on the fitted records": (log_odds, 0.405, None),
    "every other section's totals too": (fixed(lambda r: totals(r) + rest(r)), 0.405, None),
    # Sixth round: the body read always (every section besides the title and the Decision), not only when those two
    # are silent; the same six totals, so the flags and the cap mean what they do in the shipped model.
    "every other section as the body": (fixed(lambda r: totals(r)[:4] + rest(r) + totals(r)[6:]), 0.405, None),
    **{f"structure: {name}": (fixed(lambda r, name=name: totals(r) + structure(r, name)), 0.405, None)
       for name in STRUCTURE},
    # Seventh round: the body by its cue words, always; a short record decided by the lean rule (the shipped
    # model, fitted on every record fitted on); the model fitted on the rest, the bias held at 0 (door_cv.fit).
    "body words always, short records by the lean rule, bias held at 0": (fixed(body_words), 0.405, "rule"),
    "body words always, flags kept, bias fitted": (fixed(body_words), 0.405, None),
    "collections weighed alike (1/sqrt n)": (fixed(totals), 0.405, "sqrt"),
    "weights for the 60/40 mix, threshold 0": (fixed(totals), 0.0, "mix"),
}


def lean_rule(train: list[dict], held: list[dict], key: str, feat, threshold: float) -> None:
    """Sets r[key] on `held`: a short record (fewer than 25 words, not inline) by the shipped model fitted on every
    record of `train`, the rest by `feat`'s model fitted on `train`'s other records with the bias held at 0."""
    y = [1.0 if r["door"] == "two-way" else 0.0 for r in train]
    rest = [(r, v) for r, v in zip(train, y) if not r.get("short")]
    w = door_cv.fit([feat(r) for r, _ in rest], [v for _, v in rest], 1.0, bias=0.0)
    w_short = door_cv.fit([totals(r) for r in train], y, 1.0)
    for r in held:
        ws, x = (w_short, totals(r)) if r.get("short") else (w, feat(r))
        r[key] = "two-way" if sum(a * b for a, b in zip(ws, x + [1.0])) > threshold else "one-way"


def record_weights(train: list[dict], how: str | None) -> list[float] | None:
    if how is None or how == "rule":
        return None
    if how == "sqrt":
        n = Counter(r["repo"] for r in train)
        ws = [1.0 / math.sqrt(n[r["repo"]]) for r in train]
    else:  # the 60/40 mix: each class's records weigh its share of the hidden set
        ones = sum(1 for r in train if r["door"] == "one-way")
        ws = [0.6 / ones if r["door"] == "one-way" else 0.4 / (len(train) - ones) for r in train]
    scale = len(train) / sum(ws)
    return [w * scale for w in ws]


def score(items: list[dict], variant, loco: bool) -> dict[str, tuple]:
    """variant's figures (door_cv.figures) by round, in every grouping, and leave-one-collection-out if asked."""
    maker, threshold, how = variant

    def run(train: list[dict], held: list[dict], key: str) -> None:
        if how == "rule":
            return lean_rule(train, held, key, maker(train), threshold)
        feat = maker(train)
        w = door_cv.fit([feat(r) for r in train], [1.0 if r["door"] == "two-way" else 0.0 for r in train], 1.0,
                        record_weights(train, how))
        for r in held:
            r[key] = "two-way" if sum(a * b for a, b in zip(w, feat(r) + [1.0])) > threshold else "one-way"

    out = {}
    for key, fitted_on in door_cv.ROUNDS:
        held = [r for r in items if r["split"] not in fitted_on]
        run([r for r in items if r["split"] in fitted_on], held, key)
        out[key] = door_cv.figures(held, key)
    if loco:
        for repo in sorted({r["repo"] for r in items}):
            run([r for r in items if r["repo"] != repo], [r for r in items if r["repo"] == repo], "cv")
        out["cv"] = door_cv.figures(items, "cv")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--loco", action="store_true", help="also leave-one-collection-out (slow)")
    ap.add_argument("--only", action="append", choices=sorted(VARIANTS), help="only this variant (repeatable)")
    args = ap.parse_args(argv)
    items = records()
    keys = [k for k, _ in door_cv.ROUNDS] + (["cv"] if args.loco else [])
    print("| variant (projected 60/40; two-way recall) | " + " | ".join(keys) + " |\n|---|" + "---|" * len(keys))
    for name in args.only or VARIANTS:
        figures = score(items, VARIANTS[name], args.loco)
        print(f"| {name} | " + " | ".join(f"{figures[k][3]} ({figures[k][2].split()[0]})" for k in keys) + " |",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
