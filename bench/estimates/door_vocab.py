"""A learned vocabulary for the estimated door, measured and not shipped: words of the title and the Decision.

    python3 bench/judgement/extract.py         # once: the labelled records, from the mirrors
    python3 bench/estimates/door_vocab.py      # both by-round cross-validations, the cue model and the vocabulary
    python3 bench/estimates/door_vocab.py --loco   # and leave-one-collection-out (a few minutes)

The door's cue model (`door_cv.py`: six cue totals by place, two flags for
a short text) beside the same model with a learned vocabulary added: every
word and pair of adjacent words of the title and of the Decision section
(numbers left out), each a 0/1 feature of its place, kept when it occurs in
at least `--min-collections` collections of the records fitted on, with an
L2 penalty of its own (`--l2-words`; the cue features keep
`estimate_door_weights.L2`).  `--no-function-words` leaves out the
commonest English function words, to see whether the words carrying the
gain name subjects or only a way of writing.  The fit is a logistic
regression by L-BFGS in plain Python, deterministic; a two-way door needs
the score above `estimate_door_weights.THRESHOLD`, as in adrtool.

What it found (decision 0095, bench/README.md, "Fourth round"): the
vocabulary gains one to two points projected in both cross-validations,
carried by function words ("with", "the following", "into", "we will"),
and nothing once they are left out; it was not shipped.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import door_cv  # noqa: E402  (the cue model's records, folds and figures)

FUNCTION_WORDS = frozenset("""a an the and or but if then else of to in on at by for with from into onto up down out
over under about as is are was were be been being this that these those it its we our us you your they their them he
she his her i me my there here which who whom whose what when where why how will would shall should can could may
might must do does did done have has had not no nor so than too very just also only both each all any some such same
other more most less few following follows use used using make made e g s re l etc via per""".split())


def records() -> list[dict]:
    """door_cv's records, each with the words of its title (its document prefix skipped) and of its Decision."""
    from adrtool.reasoning import estimate_door, estimate_text
    from adrtool.reasoning.estimate_text import OTHER

    out = []
    for row, d, repo in door_cv.labelled():
        if d is None:
            out.append(dict(row, x=[0.0] * 8, title=[], decision=[]))
            continue
        text = estimate_text.read(d, repo)
        x = estimate_door.features(estimate_door.cues_by_place(text), text.words, text.inline)
        title = text.title
        if title:
            estimate_door._skip_prefix(title)
        stated = text.decision if text.decision else text.zone(OTHER)
        out.append(dict(row, x=x, title=_tokens(title), decision=_tokens(stated)))
    return out


def _tokens(zone) -> list[str]:
    if not zone:
        return []
    zone.padded  # noqa: B018  (tokenised)
    return list(zone._tokens)


def terms(item: dict, function_words: bool) -> set[str]:
    """The record's vocabulary features: "t:" title and "d:" Decision words and adjacent pairs."""
    out = set()
    for place in ("title", "decision"):
        words = [w for w in item[place] if not w.isdigit() and (function_words or w not in FUNCTION_WORDS)]
        out.update(f"{place[0]}:{w}" for w in words)
        out.update(f"{place[0]}:{a} {b}" for a, b in zip(words, words[1:]))
    return out


def design(items: list[dict], train: list[dict], min_collections: int, function_words: bool) -> list[tuple]:
    """(dense cue features, indices of vocabulary features) of each item; the vocabulary is the train records'."""
    seen = defaultdict(set)
    for i in train:
        for t in i["terms"]:
            seen[t].add(i["repo"])
    vocab = {t: k for k, t in enumerate(sorted(t for t, repos in seen.items() if len(repos) >= min_collections))}
    return [(i["x"], [vocab[t] for t in sorted(i["terms"]) if t in vocab]) for i in items], len(vocab)


def fit(rows: list[tuple], ys: list[float], n_terms: int, l2: float, l2_words: float, start=None) -> list[float]:
    """Logistic regression weights (8 cue weights, the terms', the bias last) by L-BFGS: deterministic."""
    dense = len(rows[0][0]) if rows else 8
    d = dense + n_terms + 1
    penalty = [l2] * dense + [l2_words] * n_terms + [0.0]

    def loss_grad(w):
        grad = [p * v for p, v in zip(penalty, w)]
        loss = 0.5 * sum(p * v * v for p, v in zip(penalty, w))
        for (x, idx), y in zip(rows, ys):
            z = w[-1] + sum(a * b for a, b in zip(w, x)) + sum(w[dense + k] for k in idx)
            loss += (z if z > 30 else math.log1p(math.exp(z))) - y * z
            g = (1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0) - y
            for j, a in enumerate(x):
                if a:
                    grad[j] += g * a
            for k in idx:
                grad[dense + k] += g
            grad[-1] += g
        return loss, grad

    return _lbfgs(loss_grad, list(start) if start else [0.0] * d)


def _lbfgs(f, w: list[float], memory: int = 10, steps: int = 1000, tol: float = 1e-9) -> list[float]:
    loss, g = f(w)
    history: list[tuple[list[float], list[float], float]] = []
    for _ in range(steps):
        q = g[:]
        alphas = []
        for s, y, rho in reversed(history):
            a = rho * sum(si * qi for si, qi in zip(s, q))
            alphas.append(a)
            q = [qi - a * yi for qi, yi in zip(q, y)]
        if history:
            s, y, _ = history[-1]
            gamma = sum(a * b for a, b in zip(s, y)) / sum(b * b for b in y)
            q = [gamma * qi for qi in q]
        for (s, y, rho), a in zip(history, reversed(alphas)):
            b = rho * sum(yi * qi for yi, qi in zip(y, q))
            q = [qi + (a - b) * si for qi, si in zip(q, s)]
        direction = [-qi for qi in q]
        slope = sum(a * b for a, b in zip(g, direction))
        if slope >= 0:  # not a descent direction: restart from the gradient
            history, direction = [], [-gi for gi in g]
            slope = -sum(gi * gi for gi in g)
        step = 1.0 if history else 1.0 / max(1.0, math.sqrt(-slope))
        while True:  # backtracking (Armijo)
            trial = [a + step * b for a, b in zip(w, direction)]
            new_loss, new_g = f(trial)
            if new_loss <= loss + 1e-4 * step * slope or step < 1e-10:
                break
            step /= 2
        s = [a - b for a, b in zip(trial, w)]
        y = [a - b for a, b in zip(new_g, g)]
        sy = sum(a * b for a, b in zip(s, y))
        if sy > 1e-12:
            history = (history + [(s, y, 1.0 / sy)])[-memory:]
        w, g, improvement, loss = trial, new_g, loss - new_loss, new_loss
        if improvement < tol * max(1.0, abs(loss)):
            break
    return w


def predict(rows: list[tuple], w: list[float], threshold: float) -> list[str]:
    dense = len(rows[0][0]) if rows else 8
    return ["two-way" if w[-1] + sum(a * b for a, b in zip(w, x)) + sum(w[dense + k] for k in idx) > threshold
            else "one-way" for x, idx in rows]


def score(items: list[dict], train: list[dict], held: list[dict], key: str, args, words: bool, start=None):
    """Fit on `train` (with the vocabulary or without) and set item[key] on `held`; returns the weights."""
    model_min = args.min_collections if words else 10 ** 9  # no term reaches this many collections: the cue model
    rows, n = design(train + held, train, model_min, args.function_words)
    ys = [1.0 if i["door"] == "two-way" else 0.0 for i in train]
    w = fit(rows[:len(train)], ys, n, args.l2, args.l2_words, start if start and len(start) == n + 9 else None)
    for item, door in zip(held, predict(rows[len(train):], w, args.threshold)):
        item[key] = door
    return w


def main(argv: list[str] | None = None) -> int:
    from adrtool.reasoning import estimate_door_weights as model

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--loco", action="store_true", help="also leave-one-collection-out (116 fits of each model)")
    ap.add_argument("--min-collections", type=int, default=5, help="a term is kept in this many collections")
    ap.add_argument("--l2-words", type=float, default=30.0, help="the vocabulary's penalty")
    ap.add_argument("--l2", type=float, default=model.L2, help="the cue features' penalty")
    ap.add_argument("--no-function-words", dest="function_words", action="store_false",
                    help="leave the commonest English function words out of the vocabulary")
    args = ap.parse_args(argv)
    args.threshold = model.THRESHOLD
    items = records()
    for i in items:
        i["terms"] = terms(i, args.function_words)
    lines = ["| door | held out | accuracy | one-way recall | two-way recall | projected 60/40 |", "|---|---|---|---|---|---|"]
    for words, name in ((False, "cue totals"), (True, "cue totals + vocabulary")):
        for key, fitted_on in door_cv.ROUNDS:
            train = [i for i in items if i["split"] in fitted_on]
            held = [i for i in items if i["split"] not in fitted_on]
            score(items, train, held, key, args, words)
            lines.append(f"| {name}, by round (fitted on {fitted_on[0]}..{fitted_on[-1]}) | {len(held)} | "
                         + " | ".join(door_cv.figures(held, key)) + " |")
        if args.loco:
            start = None
            for repo in sorted({i["repo"] for i in items}):
                held = [i for i in items if i["repo"] == repo]
                start = score(items, [i for i in items if i["repo"] != repo], held, "cv", args, words, start)
            lines.append(f"| {name}, leave-one-collection-out | {len(items)} | "
                         + " | ".join(door_cv.figures(items, "cv")) + " |")
    print(f"{len(items)} labels; vocabulary: terms in >= {args.min_collections} collections, L2 {args.l2_words}"
          f"{'' if args.function_words else ', no function words'}\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
