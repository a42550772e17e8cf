"""A compiled matcher against the estimates' own tokenizing: CPU µs a record to find each zone's cue words.

    python3 bench/generate.py --sizes 10000 --variants mixed,adr-tools   # once
    python3 bench/estimates/run.py                                       # once: the labelled (real) folders
    pip install pyahocorasick ahocorasick-rs                             # the matchers measured (not dependencies)
    python3 bench/estimates/matcher_speed.py [--records 3000] [--runs 7]

Every untagged decision's zones (`estimate_text.read`) are made once; then
each way of finding a zone's cue words runs over all of them, best of
`--runs` in CPU time:

- `split + intersection`: what `Zone.present` does (`str.split` of the padded
  words, then `CUE_KEYS.intersection`);
- the same two matchers the brief of issue 15 names, each an Aho-Corasick
  automaton of " key " for every cue key (`CUE_KEYS`), over the padded
  words, overlapping matches, the hits made a set in C where the library
  allows: `pyahocorasick` (`Automaton.iter`) and `ahocorasick_rs`
  (`find_matches_as_strings`), each mapped back from " key " to the key;
- `+ phrases`: the same automaton with every cue phrase of the door and the
  choice too, so that the rules' phrase tests become set members (what
  the current code does by a substring test per candidate phrase, timed
  beside it: `phrase tests`).

Each matcher's sets are checked equal to the estimates' own (zones whose
padded words hold whitespace other than spaces are left out: there a
" word " pattern and `str.split` differ).  A matcher not installed is
skipped.  The choice this measured is decision 0098.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from operator import itemgetter
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH.parent))

from adrtool import store  # noqa: E402
from adrtool.reasoning import estimate_choice_cues as cc  # noqa: E402
from adrtool.reasoning import estimate_cues, estimate_text  # noqa: E402
from adrtool.reasoning.estimate_text import CUE_KEYS  # noqa: E402

_OTHER_SPACES = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
_KINDS = (cc.REASONS, cc.REJECTIONS, cc.ALTERNATIVES, cc.COMPARISONS, cc.STATUS_QUOS, cc.PROBLEMS, cc.CHANGES,
          cc.AGAINSTS)
PHRASES = frozenset(c.text for bucket in estimate_cues.DOOR_PHRASES.values() for c in bucket) | frozenset(
    p for kind in _KINDS for bucket in kind.phrases.values() for p, _ in bucket)


class _Text:
    """A decision's file text, where `estimate_text.read` asks a repository for it."""

    def __init__(self, text: str):
        self._text = text

    def text(self, _decision) -> str:
        return self._text


def zones_of(folders: list[Path], limit: int) -> tuple[int, list[str]]:
    """(records, the padded words of each of their zones), the first `limit` untagged decisions."""
    records, padded = 0, []
    for folder in folders:
        try:
            repo = store.load(folder)
        except Exception:  # (a labelled folder the mirror could not fill)
            continue
        for d in repo.decisions:
            if d.choice is not None and d.door is not None:
                continue
            text = estimate_text.read(d, _Text(repo.text(d)))
            padded += [z.padded for z in (text.title, *text.zones.values())
                       if not any(c in z.padded for c in _OTHER_SPACES)]
            records += 1
            if records >= limit:
                return records, padded
    return records, padded


def ways(with_phrases: bool) -> dict:
    """name -> a function of the padded zones giving each zone's set (keys, and phrases when asked)."""
    patterns = sorted(CUE_KEYS | PHRASES) if with_phrases else sorted(CUE_KEYS)
    out = {}
    try:
        import ahocorasick
    except ImportError:
        ahocorasick = None
    if ahocorasick is not None:
        automaton = ahocorasick.Automaton()
        for p in patterns:
            automaton.add_word(f" {p} ", p)
        automaton.make_automaton()
        second = itemgetter(1)

        def pyahocorasick(zones, it=automaton.iter):
            return [set(map(second, it(z))) for z in zones]
        out["pyahocorasick 2"] = pyahocorasick
    try:
        import ahocorasick_rs
    except ImportError:
        ahocorasick_rs = None
    if ahocorasick_rs is not None:
        spaced = [f" {p} " for p in patterns]
        get = dict(zip(spaced, patterns)).__getitem__
        find = ahocorasick_rs.AhoCorasick(spaced, store_patterns=True).find_matches_as_strings

        def rs(zones):
            return [set(map(get, find(z, overlapping=True))) for z in zones]

        def rs_unmapped(zones):  # (the hits as " key ": what a `present` of padded keys would cost)
            return [set(find(z, overlapping=True)) for z in zones]
        out["ahocorasick_rs 1"] = rs
        out["ahocorasick_rs 1, hits left as ' key '"] = rs_unmapped
    return out


def current(zones: list[str]) -> list[set[str]]:
    inter = CUE_KEYS.intersection
    return [inter(z.split()) for z in zones]


def phrase_tests(zones: list[str], found: list[set[str]]) -> list[set[str]]:
    """The phrases of each zone as the rules find them now: under each first word present, each phrase whose
    second word is present too looked for in the padded words."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    for p in PHRASES:
        first, second = p.split(" ")[:2]
        by_first.setdefault(first, []).append((f" {p} ", second))
    firsts = frozenset(by_first)
    return [{s[1:-1] for first in words & firsts for s, second in by_first[first] if second in words and s in z}
            for z, words in zip(zones, found)]


def best(fn, zones, runs: int) -> float:
    out = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        start = time.process_time()
        fn(zones)
        out = min(out, time.process_time() - start)
        gc.enable()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    out = BENCH / "out"
    sets = [("adr-tools-10000", [out / "adr-tools-10000"]), ("mixed-10000", [out / "mixed-10000"]),
            ("real (bench/out/estimates)", sorted(p for p in (out / "estimates").glob("*") if p.is_dir()))]
    print("| records | zones | way | µs a record |")
    print("|---|---|---|---|")
    for name, folders in sets:
        records, zones = zones_of([f for f in folders if f.exists()], args.records)
        if not records:
            print(f"| {name} | (not generated) | | |")
            continue
        keys = current(zones)
        rows = [("split + intersection (the estimates)", best(current, zones, args.runs))]
        for with_phrases in (False, True):
            want = keys if not with_phrases else [k | p for k, p in zip(keys, phrase_tests(zones, keys))]
            if with_phrases:
                rows.append(("split + intersection + phrase tests",
                             best(lambda zs: phrase_tests(zs, current(zs)), zones, args.runs)))
            for way, fn in ways(with_phrases).items():
                got = fn(zones)
                if "' key '" not in way and got != want:
                    raise SystemExit(f"{name}: {way} finds other cue words than the estimates")
                rows.append((way + (" + phrases" if with_phrases else ""), best(fn, zones, args.runs)))
        for way, seconds in rows:
            print(f"| {name}: {records:,} | {len(zones):,} | {way} | {seconds / records * 1e6:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
