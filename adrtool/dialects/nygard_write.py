"""Writing adr-tools / Nygard records: surgical edits in the file's own style.

A status is the `## Status` section's line (or a dated log entry where the
record keeps a log); other fields are `Key: value` lines between the title
and the first section, where `parse` (in `nygard`) finds them; links are
lines of the Status section, as `adr new -s` writes them.
"""

from __future__ import annotations

import re

from adrtool import frontmatter, vocabulary
from adrtool.dialects import metadata_lines, status_history
from adrtool.dialects.common import RawRecord, ensure_final_newline, find_title, last_filled, newline_of
from adrtool.dialects.link_lines import LABEL_OF, has_link_line, parse_link_line
from adrtool.dialects.nygard import (DATE_IN_HEADING, NAME, _chapter_title, _first_section, _reads_as_status, _status_heading,
                                     _status_section, opens_with_record_line, plain_status_line, trailing_status_line)
from adrtool.errors import StoreError
from adrtool.model import Relation
from adrtool.sections import headings


def _metadata_insert_point(lines: list[str]) -> tuple[tuple[int, int], int]:
    """(the metadata region, the index a new line goes after), found as `parse` finds them.

    A record with no title line (its first heading is `## Status`, as in scieloorg/kernel
    docs/adr/0007-container-de-relacionamento.md at 7cb52b1d019f, or a Docusaurus `title:` in front matter,
    jclemente-tlm/tlm-doc-architecture
    a7d528e949ee docs/adrs/adr-001-estrategia-multi-tenancy.md) keeps its metadata
    above the first section, where the reader looks, not under `## Status`.
    """
    start, front_title = 0, False
    if lines and lines[0].startswith("---"):
        end = frontmatter.find_block(lines)
        start = end + 1 if end is not None else 0
        front_title = end is not None and any(line.startswith("title:") for line in lines[1:end])
    raw = RawRecord(path="", dialect=NAME, lines=lines)
    find_title(raw, start)
    if raw.title is None and not front_title:  # (as `parse` finds the title)
        _chapter_title(raw, lines, start)
    title_idx = raw.title_line - 1 if raw.title_line else start - 1
    first = _first_section(lines, title_idx + 1)
    last = metadata_lines.last_metadata_index(lines, title_idx + 1, first, "")
    return (title_idx + 1, first), (last if last is not None else title_idx)


def set_field(text: str, name: str, value: object | None) -> str:
    if name == "status":
        return _set_status(text, value)
    lines = text.splitlines(keepends=True)
    region, after = _metadata_insert_point(lines)
    if name == "date" and value is not None and (dated := _set_heading_date(lines, region, str(value))) is not None:
        return dated
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value) if value else None
    has_meta = metadata_lines.last_metadata_index(lines, region[0], region[1], "") is not None
    if not has_meta and value is not None and after < 0:
        # No title and nothing above the first section: the new line opens the file, a blank line after it.
        new_lines = metadata_lines.set_line(text, name, value, "", region, after).splitlines(keepends=True)
        if len(new_lines) > 1 and new_lines[1].strip():
            new_lines.insert(1, newline_of(lines))
        return "".join(new_lines)
    if not has_meta and value is not None:
        # First metadata line right under the title: keep a blank line around it.
        nl = newline_of(lines)
        ensure_final_newline(lines, after, nl)
        lines.insert(after + 1, nl)
        text = "".join(lines)
        region, after = (region[0], region[1] + 1), after + 1
        new = metadata_lines.set_line(text, name, value, "", region, after - 1)
        new_lines = new.splitlines(keepends=True)
        if after + 1 < len(new_lines) and new_lines[after + 1].strip():
            new_lines.insert(after + 1, nl)
        return "".join(new_lines)
    return metadata_lines.set_line(text, name, value, "", region, after)


def _set_heading_date(lines: list[str], region: tuple[int, int], value: str) -> str | None:
    """The text with its date written where the reader read it, a `### Date: 2024-05-02` heading (nygard's
    `DATE_IN_HEADING`), when no Date line under the title gives one; None when there is no such heading."""
    if "date" in metadata_lines.read(lines, region[0], region[1], "")[0]:
        return None
    for i, line in enumerate(lines):
        if line[:2] == "##" and (m := _HEADING_LINE.match(line)) and (label := DATE_IN_HEADING.match(m.group(2))):
            heading, (a, b) = m.group(2), label.span(1)
            lines[i] = m.group(1) + heading[:a] + value + heading[b:] + m.group(3)
            return "".join(lines)
    return None


_HEADING_LINE = re.compile(r"^(#{2,6}[ \t]+)(.*?)([ \t#]*\r?\n?)$")


def _display_status(value: str) -> str:
    return value[:1].upper() + value[1:]


_DATED = re.compile(r"^(\s*[-*]?\s*)\d{4}-\d{2}-\d{2}\b")
_STATUS_LABEL = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:[Cc]urrent[ \t]+)?[Ss]tatus(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*")
_WORD_DATED = re.compile(r"^\s*[-*]?\s*[^\W\d_]+:\s*\d{4}-\d{2}-\d{2}\s*$")  # "Предложено: 2024-01-01"


def _status_line(lines: list[str], candidates: list[int]) -> int:
    """The line of the Status section the status is read from (see vocabulary.status_entry)."""
    _, entry = vocabulary.status_entry("".join(lines[i] for i in candidates))
    for i in candidates:
        if lines[i].strip() == entry.strip():
            return i
    return candidates[0]


def _append_entry(lines: list[str], last: int, value: str, nl: str, spaced: bool, log_entry=None) -> str:
    """A new dated entry after the log's last one, in its own style."""
    from datetime import date as _date

    today = _date.today().isoformat()
    entry = log_entry(value, today) if log_entry else f"{today} {_display_status(value)}"
    bullet = (_DATED.match(lines[last]) or re.match(r"^(\s*[-*]?\s*)", lines[last])).group(1)
    ensure_final_newline(lines, last, nl)
    lines[last + 1 : last + 1] = ([nl] if spaced else []) + [f"{bullet}{entry}{nl}"]
    return "".join(lines)


def _set_status(text: str, value: object | None, log_entry=None) -> str:
    lines = text.splitlines(keepends=True)
    nl = newline_of(lines)
    title = headings(lines)
    title_idx = title[0][0] if title else 0
    section = _status_section(lines, title_idx)
    first = _first_section(lines, title_idx + 1)
    meta = title_idx + 1 if title else 0  # (no heading: the metadata may open the file, as `parse` reads it)
    fields, _ = metadata_lines.read(lines, meta, first, "")
    if section and "status" in fields and not _reads_as_status(lines, section):
        section = None  # as `parse` reads it: the metadata line holds the status
    if section is None and "status" not in fields and text.find(status_history.KEY) >= 0 \
            and status_history.holds_log(text):
        return status_history.append(text, value)  # the status the reader reads is the log's last entry
    if section is None and "status" not in fields and (found := _status_heading(lines, title_idx)):
        if value is None:
            raise StoreError(f"the status is in the heading `{lines[found[0]].strip()}`; set a new status instead")
        line = lines[found[0]]
        at = line.rindex(found[1])
        lines[found[0]] = line[:at] + str(value) + line[at + len(found[1]):]  # only the word changes
        return "".join(lines)
    if section is None and not title and "status" not in fields and opens_with_record_line(lines, 0) \
            and (plain := plain_status_line(lines, 1)) is not None and value is not None:
        # No heading at all, a plain `Status` line over the status (see nygard._plain_line_record): only it changes.
        lines[plain] = _display_status(str(value)) + (lines[plain][len(lines[plain].rstrip("\r\n")):] or nl)
        return "".join(lines)
    if section is None:
        # No Status section: a `Status:` line under the title, if the file has one, else one closing the file.
        if "status" in fields:
            return metadata_lines.set_line(text, "status", value, "", (meta, first), title_idx)
        if (closing := trailing_status_line(lines)) is not None:
            return metadata_lines.set_line(text, "status", value, "", (closing[0], closing[0] + 1), closing[0])
        if value is None:
            return text
        block = [f"## Status{nl}", nl, f"{_display_status(str(value))}{nl}", nl]
        ensure_final_newline(lines, first - 1, nl)
        if first < len(lines) or (lines and lines[-1].strip()):
            if first == len(lines):
                block = [nl] + block[:-1]
        return "".join(lines[:first] + block + lines[first:])
    head, end = section
    status_idx = [
        i for i in range(head + 1, end)
        if lines[i].strip() and not parse_link_line(lines[i]) and not lines[i].lstrip().startswith("<!--")
    ]
    boxes = vocabulary.checklist([lines[i] for i in status_idx]) if len(status_idx) > 1 else None
    if boxes:
        return _set_checklist(lines, status_idx, boxes, value)
    if status_idx:
        # A dated log keeps its history: the new status is a new entry ("2017-11-26 Accepted").
        # (A label's date is none: `- Date: 2024-11-26` under `- Status: Accepted` dates the record, as the reader
        # takes it, `vocabulary.is_log_entry`.)
        dated = [i for i in status_idx if _DATED.match(lines[i])
                 or (_WORD_DATED.match(lines[i]) and vocabulary.is_log_entry(lines[i]))]
        if dated:
            if value is None:
                return text
            # Entries a blank line apart stay so: phodal's `adr` reads each paragraph as one entry.
            spaced = log_entry is not None or (len(dated) > 1 and dated[-1] - dated[-2] > 1)
            return _append_entry(lines, dated[-1], str(value), nl, spaced, log_entry)
        chosen = _status_line(lines, status_idx)
        ending = lines[chosen][len(lines[chosen].rstrip("\r\n")):] or nl
        if value is None:
            del lines[chosen]
            if chosen < len(lines) and not lines[chosen].strip() and chosen - 1 > head and not lines[chosen - 1].strip():
                del lines[chosen]
        else:
            # Only the line the status was read from changes; prose around it stays, and so does a label the line
            # opens with (`- Current Status: Accepted`, greenriver/hmis-warehouse docs/adr/0002-*.md).
            label = _STATUS_LABEL.match(lines[chosen])
            lines[chosen] = (label.group(0) if label else "") + _display_status(str(value)) + ending
        return "".join(lines)
    if value is None:
        return text
    ensure_final_newline(lines, head, nl)
    lines[head + 1 : head + 1] = [nl, _display_status(str(value)) + nl]
    return "".join(lines)


def _set_checklist(lines: list[str], status_idx: list[int], boxes, value: object | None) -> str:
    """A status checklist keeps its boxes: the new status's box is checked and the old one unchecked
    (route06/actions 5c9a07f11333 docs/adr/001-adrの導入.md: `- [ ] 提案中`, `- [x] 承認`, `- [ ] 否認`).
    A status none of its boxes names is a new checked box after the last one."""
    def mark(box, on: bool) -> None:
        i, col = status_idx[box[0]], box[1]
        lines[i] = lines[i][:col] + ("x" if on else " ") + lines[i][col + 1:]

    if sum(b[2] for b in boxes) > 1:
        return _set_checklist_log(lines, status_idx, boxes, value, mark)
    checked = next(b for b in boxes if b[2])
    if value is None:
        mark(checked, False)
        return "".join(lines)
    wanted = vocabulary.normalize_status(str(value))
    target = next((b for b in boxes if b[3] is wanted), None)
    if target is None:
        mark(checked, False)
        _add_ticked_box(lines, status_idx, boxes, value)
    elif target is not checked:
        mark(checked, False)
        mark(target, True)
    return "".join(lines)


def _add_ticked_box(lines: list[str], status_idx: list[int], boxes, value: object) -> None:
    """A new ticked box naming `value` after the checklist's last box, in that box's indentation."""
    last = boxes[-1]
    i = status_idx[last[0]]
    ending = lines[i][len(lines[i].rstrip("\r\n")):] or newline_of(lines)
    ensure_final_newline(lines, i, ending)
    lines.insert(i + 1, lines[i][: last[1]] + "x] " + _display_status(str(value)) + ending)


def _set_checklist_log(lines: list[str], status_idx: list[int], boxes, value: object | None, mark) -> str:
    """A checklist whose boxes are ticked as each state is reached keeps its history: the new state's box is
    ticked and every box ticked after it unticked, so that the last ticked is the status (`vocabulary.checklist`);
    a state none of its boxes names is a new ticked box after the last one.  No status unticks the last."""
    ticked = [b for b in boxes if b[2]]
    if value is None:
        mark(ticked[-1], False)
        return "".join(lines)
    wanted = vocabulary.normalize_status(str(value))
    target = next((b for b in boxes if b[3] is wanted), None)
    if target is None:
        _add_ticked_box(lines, status_idx, boxes, value)
        return "".join(lines)
    mark(target, True)
    for b in ticked:
        if b[0] > target[0]:
            mark(b, False)
    return "".join(lines)


def add_link(text: str, relation: Relation, target_id: str, target_title: str, target_file: str,
             keep_status: bool = False) -> str:
    """Append `Label [title](file)` to the Status section, as `adr link` does.

    Being superseded also removes the status word, as `adr new -s` does, so
    the status reads "Superseded by [...]".
    """
    lines = text.splitlines(keepends=True)
    nl = newline_of(lines)
    line = f"{LABEL_OF[relation]} [{target_title}]({target_file}){nl}"
    if has_link_line(lines, relation, target_file):
        return text
    if relation is Relation.SUPERSEDED_BY and not keep_status:
        text = _set_status(text, None)
        lines = text.splitlines(keepends=True)
    title = headings(lines)
    section = _status_section(lines, title[0][0] if title else 0)
    if section is None:
        text = _set_status(text, "Proposed")
        lines = text.splitlines(keepends=True)
        section = _status_section(lines, 0)
        if relation is Relation.SUPERSEDED_BY:
            # The placeholder status was only there to create the section.
            head, end = section
            for i in range(head + 1, end):
                if lines[i].strip() == "Proposed":
                    del lines[i]
                    break
            section = _status_section(lines, 0)
    head, end = section
    last = last_filled(lines, head, end, nl)
    insert = [line]
    if last > head and not parse_link_line(lines[last]):
        insert = [nl, line]  # a blank line between the status word and its links
    elif last == head:
        insert = [nl, line]
    lines[last + 1 : last + 1] = insert
    return "".join(lines)


def remove_link(text: str, relation: Relation, targets: set[str]) -> str:
    lines = text.splitlines(keepends=True)
    kept = []
    for line in lines:
        parsed = parse_link_line(line)
        if parsed and parsed[0] is relation and (parsed[1] in targets or parsed[2] in targets):
            continue
        kept.append(line)
    return "".join(kept)
