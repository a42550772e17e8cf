"""Which hand-checked reading truth a bench/reading script works on, and where its folders go.

`truth` and `truth2` are development sets: the reader was tuned against `truth`, and
`truth2`, held out when it was made, is now open to the same work, so their scores say
little about folders the reader never saw. `truth3` was held out (made from collections
none of the reading work looked at) until it was scored once, at 9790541; it is a
development set since. `truth4` (a fourth set, made from folders none of the other sets,
nor bench/judgement, used) was held out in the same way until scored once, at 1b0edce;
it is a development set since (SOURCES.md, "truth4"). `truth5` (187
files from 25 folders of 22 repositories that no other set, nor bench/judgement, names, labelled
by hand without running adrtool on them) was held out until scored once, at 45ac3a0; it is a
development set since (SOURCES.md, "truth5"). `truth6` (203 files from 25 folders of 25
repositories that no other set, nor bench/judgement, names, labelled by hand the same way) was
held out until scored once, at 915e76f; a development set since (SOURCES.md, "truth6"). `truth7`
(184 files from 24 folders of 24 repositories that no other set, nor bench/judgement, names,
labelled by hand the same way) was held out until scored once, at 90cf582; a development set
since (SOURCES.md, "truth7"). `truth8` (174 files from 22 folders of 21 repositories that no
other set, nor bench/judgement, names, labelled by hand the same way) was held out until scored once, at
f188991; a development set since (SOURCES.md, "truth8"). `truth9` (178 files from 24
folders of 24 repositories whose owners' names start with A to H, that no other set, nor
bench/judgement, names, labelled by hand the same way) and `truth10` (167 files from 25 folders
of 24 repositories whose owners' names start with I to R, made the same way at the same time by
another hand) were held out until scored once, at 64592a8; development sets since (SOURCES.md, "truth9" and
"truth10"). `truth11` (154 files from 24 folders of 24 repositories whose owners' names
start with A to L, that no other set, nor bench/judgement, names, labelled by hand the same way) and
`truth12` (195 files from 22 folders of 22 repositories whose owners' names start with M to Z or a
digit, made the same way at the same time by another hand) were held out until scored once, at
092d690; development sets since (SOURCES.md, "truth11" and "truth12"). `truth13` (155 files
from 21 folders of 21 repositories whose owners' names start with A to L, that no other set, nor
bench/judgement, names, labelled by hand the same way) and `truth14` (161 files from 22 folders of
21 repositories whose owners' names start with M to Z or a digit, made the same way at the same time
by another hand) were held out until scored once, at 766d470; development sets since (SOURCES.md,
"truth13" and "truth14"). `truth15` (162 files from 20 folders of 20 repositories whose
owners' names start with A to I, that no other set, nor bench/judgement, names, labelled by
hand the same way; SOURCES.md, "truth15") and `truth16` (179 files from 26 folders of 25
repositories whose owners' names start with J to R, made the same way at the same time by another
hand; SOURCES.md, "truth16") were held out until scored once, at d588052; development sets since. `truth17`
(194 files from 19 folders of 17 repositories whose owners' names start with A to L, that no other set, nor
bench/judgement, names, labelled by hand without running adrtool on them; SOURCES.md, "truth17") and `truth18`
(178 files from 20 folders of 20 repositories whose owners' names start with M to Z or a digit, made the same way
at the same time by another hand; SOURCES.md, "truth18") were held out until scored once, at 8ec09e7;
development sets since. `truth19` (167 files from 22 folders of 21 repositories whose owners' names start with A
to H, that no other set, nor bench/judgement, names, labelled by hand without running adrtool on them; SOURCES.md,
"truth19") was held out until scored once, at aaebad1; a development set since. `truth20` (191 files from 27
folders of 26 repositories whose owners' names start with I to R, that no other set, nor bench/judgement, names,
labelled by hand without running adrtool on them; SOURCES.md, "truth20") was held out until scored once, at b184275; a development set since.
`truth21` (193 files from 24 folders of 22 repositories whose owners' names start with A to H, that no other set, nor
bench/judgement, names, labelled by hand without running adrtool on them; SOURCES.md, "truth21") and
`truth22` (198 files from 27 folders of 26 repositories whose owners' names start with I to R,
that no other set, nor bench/judgement, names, labelled by hand without running adrtool on them; SOURCES.md,
"truth22") were held out until scored once, at 8c0fce7; development sets since. `truth23` (198 files from 24
folders of 24 repositories whose owners' names start with A to L, that no other set, nor bench/judgement, names,
labelled by hand without running adrtool on them; SOURCES.md, "truth23") was held out until scored once, at 5e892f6; a development set since. `truth24` (207 files from 20 folders
of 20 repositories whose owners' names start with M to Z or a digit, that no other set, nor bench/judgement, names,
labelled by hand without running adrtool on them; SOURCES.md, "truth24") was held out until scored once, at f114228; a development set since. `truth25` (79 files from
10 folders of 10 repositories whose owners' names start with A to L, that no other set, nor bench/judgement, names,
labelled by hand without running adrtool on them; SOURCES.md, "truth25") was held out until scored once, at ce2817b; a development set since.
`truth26` (162 files from 17 folders of 17 repositories whose owners' names start with M to Z or a digit, that no
other set, nor bench/judgement, names, labelled by hand without running adrtool on them; SOURCES.md, "truth26") was
held out until scored once, at 72fcb4a; a development set since. `truth27` (86 files from 10 folders of 10
repositories whose owners' names start with I to Z, that no other set, nor bench/judgement, names, labelled by hand
without running adrtool on them; SOURCES.md, "truth27") and `truth28` (84 files from 8 folders of 8 repositories whose
owners' names start with A to H, the same way; SOURCES.md, "truth28") were held out until scored once, at ab1fda4; development sets since. `truth29` (150 files from 14 folders of 14
repositories whose owners' names start with A to H, that no other set, nor bench/judgement, names, labelled by hand
without running adrtool on them; SOURCES.md, "truth29") was held out until scored once, at 28b3445; a development set since. `truth30` (119 files
from 13 folders of 13 repositories whose owners' names start with I to Z, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth30") was held out until scored once, at 94484a5; a development set since. `truth31` (142 files
from 16 folders of 16 repositories whose owners' names start with A to H, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth31") was held out until scored once, at 7391e08; a development set since. `truth32` (126 files
from 13 folders of 13 repositories whose owners' names start with I to Z, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth32") was held out until scored once, at 983c913; a development set since. `truth33` (120 files
from 15 folders of 15 repositories whose owners' names start with A to H, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth33") was held out until scored once, at aa8d264; a development set since. `truth34` (126 files
from 13 folders of 13 repositories whose owners' names start with I to Z, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth34") was held out until scored once, at ef0766b; a development set since. `truth35` (104 files
from 12 folders of 12 repositories whose owners' names start with A to H, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth35") was held out until scored once, at 7f23bed; a development set since. `truth36` (103 files
from 13 folders of 13 repositories whose owners' names start with I to Z, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth36") was held out until scored once, at b4d378f; a development set since. `truth37` (39 files
from 7 folders of 7 repositories whose owners' names start with A to H, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth37") was held out until scored once, at 945a7fc; a development set since. `truth38` (117 files
from 13 folders of 13 repositories whose owners' names start with A to H or a digit, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth38") was held out until scored once, at 18964bb; a development set since. `truth39` (108 files
from 12 folders of 12 repositories whose owners' names start with I to Z, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth39") was held out until scored once, at 18964bb; a development set since. `truth40` (105 files
from 12 folders of 12 repositories whose owners' names start with A to H or a digit, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth40") was held out until scored once, at b42609d; a development set since. `truth41` (120 files
from 13 folders of 13 repositories whose owners' names start with I to Z, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth41") was held out until scored once, at 0a93f5e; a development set since. `truth42` (111 files
from 13 folders of 13 repositories whose owners' names start with A to H or a digit, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth42") was held out until scored once, at a9cae1f; a development set since. `truth43` (108 files
from 13 folders of 13 repositories whose owners' names start with I to Z, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth43") was held out until scored once, at 4cfa71e; a development set since. `truth44` (40 files
from 13 folders of 13 repositories whose owners' names start with A to H or a digit, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth44") was held out until scored once, at 45b186e; a development set since. `truth45` (87 files
from 10 folders of 10 repositories whose owners' names start with I to Z, that no other set, nor bench/judgement,
names, labelled by hand without running adrtool on them; SOURCES.md, "truth45") was held out until scored once, at 5efad8d; a development set since. A set named in
HELD_OUT has its per-file misses kept to itself by run.py, so that nobody tunes the
reader to it by accident. Each set is a `<name>.jsonl` beside its
`collections<suffix>.json`, and extract.py materializes it in a folder of its own under
bench/out/, so they never mix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_ROOT = HERE.parent / "out"
ROLES = {"truth": "a development set", "truth2": "a development set, held out until truth3",
         "truth3": "a development set, held out until scored once at 9790541",
         "truth4": "a development set, held out until scored once at 1b0edce",
         "truth5": "a development set, held out until scored once at 45ac3a0",
         "truth6": "a development set, held out until scored once at 915e76f",
         "truth7": "a development set, held out until scored once at 90cf582",
         "truth8": "a development set, held out until scored once at f188991",
         "truth9": "a development set, held out until scored once at 64592a8",
         "truth10": "a development set, held out until scored once at 64592a8",
         "truth11": "a development set, held out until scored once at 092d690",
         "truth12": "a development set, held out until scored once at 092d690",
         "truth13": "a development set, held out until scored once at 766d470",
         "truth14": "a development set, held out until scored once at 766d470",
         "truth15": "a development set, held out until scored once at d588052",
         "truth16": "a development set, held out until scored once at d588052",
         "truth17": "a development set, held out until scored once at 8ec09e7",
         "truth18": "a development set, held out until scored once at 8ec09e7",
         "truth19": "a development set, held out until scored once at aaebad1",
         "truth20": "a development set, held out until scored once at b184275",
         "truth21": "a development set, held out until scored once at 8c0fce7",
         "truth22": "a development set, held out until scored once at 8c0fce7",
         "truth23": "a development set, held out until scored once at 5e892f6",
         "truth24": "a development set, held out until scored once at f114228",
         "truth25": "a development set, held out until scored once at ce2817b",
         "truth26": "a development set, held out until scored once at 72fcb4a",
         "truth27": "a development set, held out until scored once at ab1fda4",
         "truth28": "a development set, held out until scored once at ab1fda4",
         "truth29": "a development set, held out until scored once at 28b3445",
         "truth30": "a development set, held out until scored once at 94484a5",
         "truth31": "a development set, held out until scored once at 7391e08",
         "truth32": "a development set, held out until scored once at 983c913",
         "truth33": "a development set, held out until scored once at aa8d264",
         "truth34": "a development set, held out until scored once at ef0766b",
         "truth35": "a development set, held out until scored once at 7f23bed",
         "truth36": "a development set, held out until scored once at b4d378f",
         "truth37": "a development set, held out until scored once at 945a7fc",
         "truth38": "a development set, held out until scored once at 18964bb",
         "truth39": "a development set, held out until scored once at 18964bb",
         "truth40": "a development set, held out until scored once at b42609d",
         "truth41": "a development set, held out until scored once at 0a93f5e",
         "truth42": "a development set, held out until scored once at a9cae1f",
         "truth43": "a development set, held out until scored once at 4cfa71e",
         "truth44": "a development set, held out until scored once at 45b186e",
         "truth45": "a development set, held out until scored once at 5efad8d"}
HELD_OUT: set[str] = set()  # run.py keeps their per-file misses to itself unless asked; a new held-out set goes here


@dataclass(frozen=True)
class TruthSet:
    label: str  # what run.py's header says is being scored
    held_out: bool
    truth: Path
    collections: Path
    out: Path


def resolve(name_or_path: str, collections: Path | None = None, out: Path | None = None) -> TruthSet:
    """A set by name (`truth` .. `truth45`) or a truth file of one's own; explicit paths win over the set's own."""
    if name_or_path in ROLES:
        suffix = name_or_path[len("truth"):]
        return TruthSet(f"{name_or_path} ({ROLES[name_or_path]})", name_or_path in HELD_OUT, HERE / f"{name_or_path}.jsonl",
                        collections or HERE / f"collections{suffix}.json",
                        out or OUT_ROOT / f"reading{suffix}")
    truth = Path(name_or_path)
    return TruthSet(truth.name, False, truth, collections or HERE / "collections.json", out or OUT_ROOT / "reading")


def open_collections(bench: Path = HERE.parent) -> list[tuple[str, Path]]:
    """(suffix, collections file) of every reading set a bench may run adrtool on, in name order: every set but the
    held-out ones, whose folders only run.py reads until they are scored once (a speed bench or a same-output check
    would print or time their records, and the set would be seen before it is measured)."""
    found = []
    for path in sorted((bench / "reading").glob("collections*.json")):
        suffix = path.stem[len("collections"):]
        if f"truth{suffix}" not in HELD_OUT:
            found.append((suffix, path))
    return found
