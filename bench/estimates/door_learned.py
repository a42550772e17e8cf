"""Whether the door gains from weights learned off the labels: the shipped model beside three learned variants.

    python3 bench/judgement/extract.py         # once: the labelled records, from the mirrors
    python3 bench/estimates/door_learned.py    # every variant fitted on the studied splits, scored on the sealed ones

The shipped door (`estimate_door`) sums hand-written cue words into six totals by place and door.  Its two-way
recall on fresh folders stays near 59% (bench/README.md, "Estimated tags"), and the cue words most often found in
those misses are found in two-way records about as often as in one-way ones ("api", "database", "infrastructure",
`door_misses.py`).  So the labels themselves might say which words to trust.  Each variant below learns from the
studied splits only (every split not in `run.SEALED`) and is scored once, pooled, on the sealed splits (holdout12
onward, 737 records of folders no cue was read from), as a fresh folder would see it; no sealed record is named.

- **words**: a naive-Bayes log-odds of every word of the title and of the Decision section (document frequency,
  add-one smoothing, words seen in fewer than three records dropped), each as one more feature of the model beside
  the six totals; for the studied records the log-odds come from ten folds of collections that leave the record's
  own out, so that the fit does not see a word's label through its own record.
- **pruned cues**: the cue words whose share among records of the other door is at least R times their share
  among records of their own door (in at least N records) are dropped from the lists, then the model is refitted.
- **scaled cues**: each cue's weight times 1 + its shrunk log-odds toward its own door (clipped to 0..2).
- **shape**: the record's length, or how many cues of each door it holds, as one more feature (one-way decisions
  might be written at more length).
- **consumers**: the share (or the log count) of the record's sentences that name someone outside the decision who
  depends on its subject (other teams, clients, consumers, users, "breaking", versions, migration, integration),
  and of those that say it stays inside (internal, local, tests, tooling, "can be replaced", an experiment):
  decision 0104's next idea, a dependence signal rather than a word's door.

Every variant moves the pooled sealed figure by less than a point or lowers it (decisions 0104, 0105): what a word tells
of a door in one team's folders does not carry to another's, as the per-group weights before them did not
(decisions 0095, 0102).
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import door_cv  # noqa: E402
import run  # noqa: E402

FOLDS = 10
# The consumers variant's sentences, and the words of each side (matched whole, any case).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n[-*] ")
_CONSUMER = re.compile(r"\b(?:other teams?|teams|clients?|consumers?|customers?|downstream|external|third[- ]part(?:y|ies)|"
                       r"partners?|breaking|backwards?[- ]compat\w*|migrat\w*|versions?|versioning|public|integrat\w*|"
                       r"users?|existing data|all services|every service|across)\b", re.IGNORECASE)
_INTERNAL = re.compile(r"\b(?:internal(?:ly)?|locally|local|developer experience|our team|tests?|testing|ci|pipeline|"
                       r"script|tooling|easily (?:change|replace|switch)|can be (?:changed|replaced|revisited)|revert|"
                       r"experiment\w*|trial)\b", re.IGNORECASE)


class _Cue:
    """A cue as `estimate_door.features` reads it: its door and (possibly scaled) weight."""

    def __init__(self, door: str, weight: float):
        self.door, self.weight = door, weight


def records() -> list[dict]:
    """Every label of a split with a label's door, with the cues the model reads and the words of its two places."""
    from adrtool import store
    from adrtool.reasoning import estimate_door, estimate_text

    rows, _ = run.extracted(run.labels())
    out = []
    for repo_name, folder in run.materialize(rows).items():
        repo = store.load(folder)
        by_path = {d.path: d for d in repo.decisions}
        for row in (r for r in rows if r["repo"] == repo_name):
            d = by_path.get(row["path"])
            if d is None:  # not read by adrtool: no cue, as adrtool would lean
                out.append(dict(row, cues=[], words=0, inline=False, title=set(), decision=set(), sentences=1,
                                consumers=0, internal=0))
                continue
            text = estimate_text.read(d, repo)
            found = estimate_door.cues_by_place(text)  # (skips a title's "ADR-12:", as the door does)
            stated = text.decision if text.decision else text.zone(estimate_text.OTHER)
            sentences = [s for s in _SENTENCE_BREAK.split(d.body) if s.strip()]
            out.append(dict(row, cues=[(place, c.text, c.door, c.weight) for place, _, c in found], words=text.words,
                            inline=text.inline, title=set(text.title.words), decision=set(stated.words) if stated else set(),
                            sentences=max(1, len(sentences)), consumers=sum(1 for s in sentences if _CONSUMER.search(s)),
                            internal=sum(1 for s in sentences if _INTERNAL.search(s))))
    return out


def cue_features(item: dict, drop: frozenset = frozenset(), scale: dict | None = None) -> list[float]:
    from adrtool.reasoning import estimate_door

    found = [(place, None, _Cue(door, weight * (scale.get(text, 1.0) if scale else 1.0)))
             for place, text, door, weight in item["cues"] if text not in drop]
    return estimate_door.features(found, item["words"], item["inline"])


def log_odds(train: list[dict], key: str, min_records: int = 3) -> dict[str, float]:
    """word -> ln(P(word | two-way) / P(word | one-way)) by document frequency, add-one smoothed."""
    seen = {0: Counter(), 1: Counter()}
    n = {0: 0, 1: 0}
    for item in train:
        y = int(item["door"] == "two-way")
        n[y] += 1
        seen[y].update(item[key])
    return {w: math.log((seen[1][w] + 1) / (n[1] + 2)) - math.log((seen[0][w] + 1) / (n[0] + 2))
            for w in seen[0] | seen[1] if seen[0][w] + seen[1][w] >= min_records}


def word_features(item: dict, tables: list[tuple[str, dict]]) -> list[float]:
    out = []
    for key, table in tables:
        words = item[key]
        total = sum(table.get(w, 0.0) for w in words) / math.sqrt(len(words)) if words else 0.0
        out.append(max(-3.0, min(3.0, total)))
    return out


def score(train: list[dict], test: list[dict], x_train, x_test) -> tuple[str, str, str, str]:
    """Fit on `train`, score `test` pooled: (accuracy, one-way recall, two-way recall, projected 60/40)."""
    from adrtool.reasoning import estimate_door_weights as model

    w = door_cv.fit([x_train(i) for i in train], [1.0 if i["door"] == "two-way" else 0.0 for i in train], model.L2)
    for item in test:
        z = sum(a * b for a, b in zip(w, x_test(item) + [1.0]))
        item["learned"] = "two-way" if z > model.THRESHOLD else "one-way"
    return door_cv.figures(test, "learned")


def with_words(train: list[dict], test: list[dict], keys: tuple[str, ...]):
    """The word variant: out-of-fold log-odds for the studied records, the full tables for the sealed ones."""
    repos = sorted({i["repo"] for i in train})
    oof: dict[int, list[float]] = {}
    for k in range(FOLDS):
        held = set(repos[k::FOLDS])
        tables = [(key, log_odds([i for i in train if i["repo"] not in held], key)) for key in keys]
        for item in train:
            if item["repo"] in held:
                oof[id(item)] = word_features(item, tables)
    full = [(key, log_odds(train, key)) for key in keys]
    return score(train, test, lambda i: cue_features(i) + oof[id(i)], lambda i: cue_features(i) + word_features(i, full))


def cue_counts(train: list[dict]) -> tuple[dict, int, int]:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for item in train:
        for cue in {(text, door) for _, text, door, _ in item["cues"]}:
            counts[cue][int(item["door"] == "two-way")] += 1
    one = sum(i["door"] == "one-way" for i in train)
    return counts, one, len(train) - one


def main() -> int:
    # holdout20, the newest sealed split, is left out: it is kept for the one check of a change this bench finds.
    items = [i for i in records() if i["split"] != "holdout20"]
    train = [i for i in items if i["split"] not in run.SEALED]
    test = [i for i in items if i["split"] in run.SEALED]
    print(f"fitted on {len(train)} records of the studied splits, scored on {len(test)} of the sealed ones "
          f"({', '.join(sorted({i['split'] for i in test}, key=lambda s: (len(s), s)))}), pooled\n")
    print("| variant | accuracy | one-way recall | two-way recall | projected 60/40 |\n|---|---|---|---|---|")
    print("| the six totals, refitted (the shipped model's form) | " + " | ".join(score(train, test, cue_features,
                                                                                          cue_features)) + " |")
    for keys, name in ((("title",), "title"), (("decision",), "Decision"), (("title", "decision"), "title and Decision")):
        print(f"| + learned word log-odds of the {name} | " + " | ".join(with_words(train, test, keys)) + " |")
    for name, extra in (("the record's length, ln(1 + words) / 7", lambda i: [math.log1p(i["words"]) / 7]),
                        ("how many cues of each door, over 5", lambda i: [sum(c[2] == "one-way" for c in i["cues"]) / 5,
                                                                         sum(c[2] == "two-way" for c in i["cues"]) / 5]),
                        ("the share of sentences naming a consumer", lambda i: [i["consumers"] / i["sentences"]]),
                        ("the shares naming a consumer and saying it stays inside",
                         lambda i: [i["consumers"] / i["sentences"], i["internal"] / i["sentences"]]),
                        ("ln(1 + sentences naming a consumer), ln(1 + saying it stays inside)",
                         lambda i: [math.log1p(i["consumers"]), math.log1p(i["internal"])])):
        features = (lambda extra: lambda i: cue_features(i) + extra(i))(extra)
        print(f"| + {name} | " + " | ".join(score(train, test, features, features)) + " |")
    counts, one, two = cue_counts(train)
    for ratio, least in ((1.0, 3), (1.2, 5), (1.5, 8), (2.0, 5), (2.0, 8)):
        drop = frozenset(text for (text, door), (a, b) in counts.items() if a + b >= least and (
            b / two >= ratio * a / one if door == "one-way" else a / one >= ratio * b / two))
        figures = score(train, test, lambda i: cue_features(i, drop), lambda i: cue_features(i, drop))
        print(f"| cues the other door holds {ratio}x as often dropped (in {least}+ records; {len(drop)} cues) | "
              + " | ".join(figures) + " |")
    for prior in (2, 20):
        scale = {}
        for (text, door), (a, b) in counts.items():
            lo = math.log((b + prior * two / (one + two)) / two) - math.log((a + prior * one / (one + two)) / one)
            scale[text] = max(0.0, min(2.0, 1.0 + (lo if door == "two-way" else -lo)))
        figures = score(train, test, lambda i: cue_features(i, scale=scale), lambda i: cue_features(i, scale=scale))
        print(f"| cue weights scaled by their shrunk log-odds (prior {prior} records) | " + " | ".join(figures) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
