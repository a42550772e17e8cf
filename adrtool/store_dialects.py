"""Which dialect has the most records, without parsing every record (for `new` on a lazy repository).

`new` writes the dialect most of the folder's records use.  Parsing every file to count them is most
of `new`'s time at 10,000 records, but the count only has to be sure of its winner.  So each unparsed
file is first sorted by the readers' own first steps (`dialects.parse_file` takes them in this order):

- front matter that reads as a record's: a MADR 3/4 or native record, its dialect told by its keys;
- no front matter, in a decision folder, MADR 2 bullets under the title (`* Status:`, `- Status:`):
  a MADR 2 or log4brains record;
- no front matter and no bullets, in a decision folder: a Nygard or phodal record, or no record;
- anything else (RST, unreadable front matter, front matter after a comment, front matter that is no
  record's): unknown.

The leader is sure when its count of sure records beats every other dialect's sure records plus
every file that could still be one of its.  If it is not, the unknown files are parsed, then the
Nygard-like ones a block at a time, until it is, or until every file is parsed and counted exactly.
"""

from __future__ import annotations

import re
from collections import Counter

from adrtool import frontmatter, record_names
from adrtool.dialects import RECORD_DIALECTS, native
from adrtool.dialects.log4brains import LOG4BRAINS
from adrtool.dialects.madr import MADR2, MADR2_DASH
from adrtool.sections import headings

UNKNOWN, NYGARD_LIKE, NO_RECORD = "?", "nygard?", ""
_NYGARD_LIKE = ("nygard", "phodal")
BLOCK = 512  # Nygard-like files parsed between two looks at the bounds
# A MADR 2 bullet field (`* Status: ...`, `- Date: ...`) is a line whose first character after blanks is
# its bullet and that holds a colon (metadata_lines.read); a file with no such line matches neither
# bullet style, so its headings need not be found (half of a mixed folder's files, ~0.03 s at 10,000).
_BULLET_FIELD = re.compile(r"^[ \t]*[*-][^\n]*[:：]", re.M)


def first_step(text: str, stem: str, in_decision_dir: bool, log4brains_repo: bool) -> str:
    """A sure record's dialect, NYGARD_LIKE, UNKNOWN, or NO_RECORD (a design document without front matter)."""
    if text.lstrip("\ufeff").startswith("<!--"):
        return UNKNOWN
    lines = text.splitlines(keepends=True)
    try:
        fm = frontmatter.parse(lines)
    except frontmatter.FrontMatterError:
        return UNKNOWN
    if fm.present:
        return native.dialect_name(fm) if native.looks_like_record(fm) else UNKNOWN
    if not in_decision_dir:
        return NO_RECORD
    if not _BULLET_FIELD.search(text):
        return NYGARD_LIKE
    heads = headings(lines, 0, text)
    if MADR2.matches(lines, 0, heads):
        return MADR2.name
    if MADR2_DASH.matches(lines, 0, heads):
        return LOG4BRAINS.name if (log4brains_repo or record_names.is_date_stem(stem)) else MADR2_DASH.name
    return NYGARD_LIKE


def sure_leader(known: Counter, unknown: int, nygard_like: int) -> str | None:
    """The dialect whose sure records outnumber what any other dialect could still reach, if one does."""
    if not known:
        return None
    ((leader, top),) = known.most_common(1)  # (a tie fails below: the other one's sure count alone reaches `top`)
    for name in {*RECORD_DIALECTS, *_NYGARD_LIKE, *known}:
        if name != leader and known[name] + unknown + (nygard_like if name in _NYGARD_LIKE else 0) >= top:
            return None
    return leader


def leader(repo) -> str | None:
    """The one dialect with the most records of `repo` (a `store_lazy.LazyRepository`), or None when that
    takes a full count (a tie, or no record at all)."""
    known: Counter = Counter()
    unknown: list[int] = []
    nygard_like: list[int] = []
    for i, parsed in enumerate(repo._parsed):
        if parsed is not None:
            if parsed[0] is not None:
                known[parsed[0].dialect] += 1
            continue
        step = first_step(repo._text[i], repo._names[i][0], repo._in_dir[i], repo.config.log4brains)
        if step == UNKNOWN:
            unknown.append(i)
        elif step == NYGARD_LIKE:
            nygard_like.append(i)
        elif step:
            known[step] += 1
    found = sure_leader(known, len(unknown), len(nygard_like))
    if found is not None:
        return found

    def count(slots: list[int]) -> None:
        for i in slots:
            record = repo._record(i)
            if record is not None:
                known[record.dialect] += 1

    count(unknown)
    while nygard_like:
        found = sure_leader(known, 0, len(nygard_like))
        if found is not None:
            return found
        block, nygard_like = nygard_like[:BLOCK], nygard_like[BLOCK:]
        count(block)
    return sure_leader(known, 0, 0)
