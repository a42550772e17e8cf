"""Records as phodal's `adr` (npm package `adr`) writes them, in any of its languages.

    # 1. 编写完整的单元测试

    日期: 2017/11/22

    ## 状态

    2017-11-22 提议

    2017-11-26 完成

    ## 背景 ...

They read like adr-tools records (`adrtool.dialects.nygard` does the reading),
except that the status section is a dated log whose last entry counts, in the
language `.adr.json` names.  Writing keeps them readable by phodal's own
`adr list` / `adr logs`: a status change is a new dated entry in the record's
language, a paragraph of its own, as `adr status` writes it.
"""

from __future__ import annotations

import re
from datetime import date as _date

from adrtool import languages, vocabulary
from adrtool.model import Relation, Status
from adrtool.sections import headings

NAME = "phodal"
# The first entry of a status log as phodal's templates write it: "2017-11-22 提议", "Предложено: 2017-11-22".
_ENTRY = re.compile(r"^\s*(?:\d{4}-\d{1,2}-\d{1,2}\s+(?P<after>\S.*?)|(?P<before>[^\W\d_][^:]*?):\s*\d{4}-\d{1,2}-\d{1,2})\s*\r?$")
_WORDS = languages.all_status_words()
_DIGIT_DASH = re.compile(r"\d-\d")
# Headings and labels only phodal's templates write (English ones are adr-tools' too).
_OWN_HEADINGS = {lang.status_heading.lower() for lang in languages.PHODAL.values() if lang.code != "en"} - {"status"}


def is_phodal_record(decision, lines: list[str], configured: bool = False) -> bool:
    """A dated status log written by phodal's `adr`: in one of its own languages, with its own
    word `done`, or in a folder `.adr.json` configures (an English log alone could be anyone's)."""
    if not is_phodal_log(decision.status_raw):
        return False
    if configured or any(w.strip().lower().endswith(" done") for w in decision.status_raw.splitlines()):
        return True
    line = decision.field_lines.get("status")
    for index in range((line or 1) - 1, -1, -1):
        if lines[index].startswith("#"):
            return lines[index].strip("# \t\r\n").lower() in _OWN_HEADINGS
    return False


def is_phodal_log(status_raw: str | None) -> bool:
    """Whether a status is phodal's dated log: its entries are a date and one of its status words."""
    if not status_raw or not _DIGIT_DASH.search(status_raw):
        return False
    entries = [l for l in status_raw.splitlines() if l.strip()]
    matched = [_ENTRY.match(l) for l in entries]
    # Other lines may sit between the entries (a leftover "列表：提议/通过/完成/已弃用/已取代").
    words = [(m.group("after") or m.group("before")).strip().lower() for m in matched if m]
    return bool(words) and all(w in _WORDS for w in words)


def language_of(text: str, configured: str | None = None) -> languages.Language:
    """The record's language: `.adr.json`'s when given, else the one its status heading is written in."""
    if configured:
        return languages.language(configured)
    lines = text.splitlines(keepends=True)
    date_label = None
    for line in lines[:12]:
        m = re.match(r"^\s*([^\W\d_]+)\s*[:：]", line)
        if m:
            date_label = m.group(1)
            break
    for _, level, heading in headings(lines):
        if level >= 2:
            found = languages.from_status_heading(heading, date_label)
            if found:
                return found
    return languages.PHODAL["en"]


def _entry_writer(lang: languages.Language):
    def entry(value: str, today: str) -> str:
        category = vocabulary.normalize_status(value)
        word = languages.status_word(lang, category.value) if category is not Status.UNKNOWN else value
        return f"{word}: {today}" if lang.word_first else f"{today} {word}"
    return entry


# (Writing is `nygard_write`, imported by the writers only: reading a folder never loads it.)
def set_field(text: str, name: str, value: object | None) -> str:
    from adrtool.dialects import nygard_write

    if name == "status" and value is not None:
        return nygard_write._set_status(text, value, _entry_writer(language_of(text)))
    return nygard_write.set_field(text, name, value)


def add_link(text: str, relation: Relation, target_id: str, target_title: str, target_file: str) -> str:
    """As adr-tools' link lines; being superseded is also a dated entry, so `adr list` shows it."""
    if relation is Relation.SUPERSEDED_BY:
        text = set_field(text, "status", Status.SUPERSEDED.value)
    from adrtool.dialects import nygard_write

    return nygard_write.add_link(text, relation, target_id, target_title, target_file, keep_status=True)


def remove_link(text: str, relation: Relation, targets: set[str]) -> str:
    from adrtool.dialects import nygard_write

    return nygard_write.remove_link(text, relation, targets)


def new_record(number: int, title: str, lang: languages.Language, today: str | None = None) -> str:
    """A new record as `adr new` writes it in this language: `# N. Title` on the first line (its `adr list` reads it)."""
    today = today or _date.today().isoformat()
    context, decision, consequences = lang.sections
    first = f"{lang.statuses[0]}: {today}" if lang.word_first else f"{today} {lang.statuses[0]}"
    return (
        f"# {number}. {title}\n\n{lang.date_label}: {today}\n\n## {lang.status_heading}\n\n{first}\n\n"
        f"## {context}\n\n<!-- What problem does this decide, and why must it be decided now? -->\n\n"
        f"## {decision}\n\n<!-- The option chosen, the others considered, and why this one. -->\n\n"
        f"## {consequences}\n\n<!-- What becomes easier, what becomes harder, and the risks taken. -->\n"
    )
