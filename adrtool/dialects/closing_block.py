"""A status and date written at a record's end, under its last rule, where the title has none.

dexteee-r/media-server-home 3e2ae1e703d2 docs/ADR/ (bench/reading truth21) closes its records after a `---` rule:
`🗓️ **Date :** 02/11/2025` over `**Statut :** ✅ Adopté et déployé` (008), or a logbook entry
`🗓️ **Journal de bord – 21/10/2025**` whose first bullet records the decision (`- Décision : adoption de
**Proxmox VE 8**.`, 001): the day the decision was taken, as the first entry of a status log dates a record.
An entry that records an update (`- Mise à jour : ...`) dates none.  Asked only of a record missing a status
or a date (nygard.parse), over at most the last 40 lines.
"""

from __future__ import annotations

import re

from adrtool import dates
from adrtool.dialects import metadata_lines
from adrtool.text_find import occurrences

_RULES = frozenset(("---", "***", "___", "- - -", "* * *"))
# A line's leading emoji and symbols (`🗓️ **Date :**`), which hide its label from the metadata reader.
_LEADING_SYMBOLS = re.compile(r"^[^\w*\[<|#>\-+]+")
# `Journal de bord`, `Logbook`, `Decision log`, `Logbuch`, `Bitácora`, `Diário de bordo`, `Diario di bordo`.
_LOGBOOK = re.compile(r"journal|log ?book|\blog\b|logbuch|bit[aá]cora|di[aá]rio", re.IGNORECASE)
_LOGBOOK_FOLDED = re.compile(_LOGBOOK.pattern)  # the same words, matched case by case on lowered text
_DECISION_ENTRY = re.compile(r"[ \t]*[-*+][ \t]+(?:\*\*)?(?:d[ée]cision|entscheidung|decis[ãa]o|decisione)\b",
                             re.IGNORECASE)
_KEY_LINE = re.compile(r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?[^\W\d][\w' \-]{0,40}?(?:\*\*)?[ \t]*[:：]")


_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2}\.\d{1,2}\.\d{4})(?![\d.])")  # German `21.10.2025`


def _dotted(line: str) -> str | None:
    m = _DOTTED.search(line)
    return dates.normalize(m.group(1)) if m else None


# Every match of `_LOGBOOK_FOLDED` opens with one of these: the pattern is tried only where one is (its `\b` and its
# alternation leave the engine no prefix to skip by, so `finditer` tried every character: 70 us a record's tail).
_LOGBOOK_OPENINGS = ("journal", "log", "bita", "bit\u00e1", "dia", "di\u00e1")


def logbook_lines(folded: str) -> set[int]:
    """The lines (0-based, of `folded`'s "\\n"-separated lines) where `_LOGBOOK_FOLDED` matches, on lowered text: the
    lines of `finditer`'s matches (no match spans a line break, so overlapping ones share their line)."""
    match = _LOGBOOK_FOLDED.match
    return {folded.count("\n", 0, at) for at in occurrences(folded, _LOGBOOK_OPENINGS) if match(folded, at)}


def read(lines: list[str], floor: int) -> tuple[dict, dict]:
    """(fields, 1-based lines) of the closing block of lines[floor:], or nothing."""
    last = len(lines) - 1
    while last > floor and not lines[last].strip():
        last -= 1
    rule = next((i for i in range(last, max(floor, last - 40), -1) if lines[i].strip() in _RULES), None)
    if rule is not None and rule < last:
        block = [_BULLET.sub("", _LEADING_SYMBOLS.sub("", line)) for line in lines[rule + 1:last + 1]]
        if all(_KEY_LINE.match(line) for line in block if line.strip()):
            fields, where = metadata_lines.read(block, 0, len(block), "")
            fields = {k: v for k, v in fields.items() if k in ("status", "date")}
            if fields:
                return fields, {k: where[k] + rule + 1 for k in fields}
    # The last logbook entry of the record's end (a summary for the wiki may follow it: 007).  One search over the
    # lines joined first: no match can span a line break, so a text with none has no line with one.
    low = max(floor, last - 40)
    tail = "\n".join(line.rstrip("\r\n") for line in lines[low + 1:last + 1])  # (one line of `tail` a line)
    folded = tail.lower()
    # Letters whose case folds oddly (İ, ı, the Kelvin sign, the long s) go to the case-blind pattern itself; any
    # other text holds a match only where its lowered text holds one of the words, matched there case by case.
    odd = "\u0130" in tail or "\u0131" in tail or "\u212a" in tail or "\u017f" in tail
    if not odd and "log" not in folded and "journal" not in folded and "bit" not in folded and "di" not in folded:
        return {}, {}
    if odd or len(folded) != len(tail):
        # The lines that hold a logbook word, last first (one pass over the tail, not a search a line).
        hits = sorted({low + 1 + tail.count("\n", 0, m.start()) for m in _LOGBOOK.finditer(tail)}, reverse=True)
    else:
        hits = sorted({low + 1 + line for line in logbook_lines(folded)}, reverse=True)
    for i in hits:
        line = lines[i]
        if (day := dates.within(line) or _dotted(line)):
            following = next((x for x in lines[i + 1:i + 3] if x.strip()), "")
            return ({"date": day}, {"date": i + 1}) if _DECISION_ENTRY.match(following) else ({}, {})
    return {}, {}
