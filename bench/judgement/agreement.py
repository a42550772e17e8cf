"""Inter-rater agreement between labels.jsonl and second-reader.jsonl.

A second labeller labelled a sample of the records blind (without opening the first
labels), under the same DEFINITIONS.md.  How often two careful readers agree is the
ceiling a tool can be expected to reach against either of them.  Printed, over the
records both files hold (all, then per split):

- verdict: exact 3-way agreement, and binary (inadequate or not, the review's error);
- door, choice, status, and each of the four essentials (3-way found/thin/absent);
- Cohen's kappa beside each figure (agreement corrected for chance);
- the verdict confusion table (rows: first labeller, columns: second reader).

    python3 bench/judgement/agreement.py [--first FILE] [--second FILE] [--show]

`--show` lists every record where the two differ, field by field.
Exit status 2 when a file holds an invalid label.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from extract import ESSENTIALS, read_labels  # noqa: E402  (the labels' own validator)

VERDICTS = ("adequate", "thin", "inadequate")


def read(path: Path) -> tuple[dict[str, dict], list[str]]:
    labels, problems = read_labels(path)
    return {label.get("id"): label for label in labels}, problems


def field(label: dict, name: str) -> str:
    if name == "binary verdict":
        return "inadequate" if label["verdict"] == "inadequate" else "not inadequate"
    if name in ESSENTIALS:
        return label["essentials"][name]
    return label[name]


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa: (observed - chance) / (1 - chance); None when chance is 1."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[k] * second[k] for k in first) / (n * n)
    return None if chance == 1 else (observed - chance) / (1 - chance)


FIELDS = ("verdict", "binary verdict", "door", "choice", "status", *ESSENTIALS)


def report(ids: list[str], first: dict, second: dict, title: str) -> None:
    print(f"\n{title} ({len(ids)} records)")
    print(f"  {'field':<16} {'agree':>14}   kappa")
    for name in FIELDS:
        pairs = [(field(first[i], name), field(second[i], name)) for i in ids]
        same = sum(a == b for a, b in pairs)
        k = kappa(pairs)
        shown = "  n/a" if k is None else f"{k:5.2f}"
        print(f"  {name:<16} {same:>3}/{len(ids):<3} {100 * same / len(ids):5.1f}%   {shown}")


def confusion(ids: list[str], first: dict, second: dict) -> None:
    print("\nverdict confusion (rows: labels.jsonl, columns: second-reader.jsonl)")
    print(f"  {'':<12}" + "".join(f"{v:>12}" for v in VERDICTS))
    for row in VERDICTS:
        counts = [sum(first[i]["verdict"] == row and second[i]["verdict"] == col for i in ids) for col in VERDICTS]
        print(f"  {row:<12}" + "".join(f"{c:>12}" for c in counts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=Path, default=HERE / "labels.jsonl")
    parser.add_argument("--second", type=Path, default=HERE / "second-reader.jsonl")
    parser.add_argument("--show", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)

    (first, bad_first), (second, bad_second) = read(args.first), read(args.second)
    for problem in bad_first + bad_second:
        print(problem, file=sys.stderr)
    if bad_first or bad_second:
        return 2
    ids = [i for i in second if i in first]
    strays = [i for i in second if i not in first]
    if strays:
        print(f"{args.second.name}: ids not in {args.first.name}: {', '.join(strays)}", file=sys.stderr)
        return 2
    if not ids:
        print("no record is labelled in both files", file=sys.stderr)
        return 2
    report(ids, first, second, "all")
    for split in sorted({first[i]["split"] for i in ids}):
        report([i for i in ids if first[i]["split"] == split], first, second, f"split {split}")
    confusion(ids, first, second)
    if args.show:
        print("\ndisagreements (first -> second)")
        for i in ids:
            diffs = [f"{name} {field(first[i], name)}->{field(second[i], name)}" for name in FIELDS
                     if name != "binary verdict" and field(first[i], name) != field(second[i], name)]
            if diffs:
                print(f"  {i}: " + ", ".join(diffs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
