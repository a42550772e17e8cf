"""Which hand-checked reading truth a bench/reading script works on, and where its folders go.

`truth` is the development set (the reader was tuned against it, so its score says
little about folders the reader never saw); `truth2` is held out (made after the
reader, from collections the reading work never looked at). Each set is a
`<name>.jsonl` beside its `collections<suffix>.json`, and extract.py materializes
it in a folder of its own under bench/out/, so the two never mix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_ROOT = HERE.parent / "out"
ROLES = {"truth": "the development set", "truth2": "held out"}


@dataclass(frozen=True)
class TruthSet:
    label: str  # what run.py's header says is being scored
    truth: Path
    collections: Path
    out: Path


def resolve(name_or_path: str, collections: Path | None = None, out: Path | None = None) -> TruthSet:
    """A set by name (`truth`, `truth2`) or a truth file of one's own; explicit paths win over the set's own."""
    if name_or_path in ROLES:
        suffix = name_or_path[len("truth"):]
        return TruthSet(f"{name_or_path} ({ROLES[name_or_path]})", HERE / f"{name_or_path}.jsonl",
                        collections or HERE / f"collections{suffix}.json",
                        out or OUT_ROOT / f"reading{suffix}")
    truth = Path(name_or_path)
    return TruthSet(truth.name, truth, collections or HERE / "collections.json", out or OUT_ROOT / "reading")
