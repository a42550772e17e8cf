"""Writing reStructuredText decision records: surgical edits in RST's own syntax.

A status keeps its emphasis, a field is one `:Name: value` line in the field
list under the title (made if missing), a link is one `Label :doc:\\`target\\``
paragraph in the Status section (made, in the document's own adornment, if
missing).  Reading is `rst`.
"""

from __future__ import annotations

import re

from adrtool.dialects import metadata_lines
from adrtool.dialects.common import ensure_final_newline, newline_of
from adrtool.dialects.link_lines import LABEL_OF, parse_link_line, relation_of_label
from adrtool.dialects.rst import _EMPHASIS, _FIELD, _directive_options, _fields, _status_title, as_markdown_links, \
    content_lines
from adrtool.dialects.rst_structure import Title, column_width, titles
from adrtool.model import Relation, Status


def _display(lines: list[str], name: str) -> str:
    """The field name in the file's own case (':status:' files get ':choice:')."""
    shown = metadata_lines.display_name(name)
    for line in lines:
        m = _FIELD.match(line) if line[:1] == ":" else None
        if m:
            return shown.lower() if m.group(1).islower() else shown
    return shown


def _head(lines: list[str]) -> tuple[list[Title], Title | None, int, int]:
    found = titles(lines)
    title = next((t for t in found if t.level == 1), found[0] if found else None)
    head_end = title.last + 1 if title is not None else 0
    following = [t for t in found if t.first >= head_end]
    return found, title, head_end, following[0].first if following else len(lines)


def _set_field_line(text: str, name: str, value: object | None) -> str:
    lines = text.splitlines(keepends=True)
    nl = newline_of(lines)
    _, _, head_end, stop = _head(lines)
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value) if value else None
    fields = _fields(lines, 0, stop)
    for first, end, key, _ in fields:
        if metadata_lines.field_name(key.strip().lower()) == name:
            if value is None:
                del lines[first:end]
            else:
                lines[first:end] = [f":{key}: {value}{lines[end - 1][len(lines[end - 1].rstrip(chr(13) + chr(10))):] or nl}"]
            return "".join(lines)
    if value is None:
        return text
    new = f":{_display(lines, name)}: {value}{nl}"
    if fields:
        last = fields[-1][1]
        ensure_final_newline(lines, last - 1, nl)
        lines.insert(last, new)
        return "".join(lines)
    # A new field list right under the title, a blank line on each side (it is docutils' docinfo there).
    at = head_end
    ensure_final_newline(lines, at - 1, nl)
    block = [nl, new] if at > 0 else [new]
    if at < len(lines) and lines[at].strip():
        block.append(nl)
    lines[at:at] = block
    return "".join(lines)


def _adornment(found: list[Title], lines: list[str], level: int = 2) -> tuple[str | None, str]:
    """(overline char or None, underline char) the document uses for sections of `level`."""
    for t in found:
        if t.level == level:
            under = lines[t.last].strip()[0]
            return (lines[t.first].strip()[0] if t.first != t.line else None), under
    used = {lines[t.last].strip()[0] for t in found}
    return None, next((c for c in "-*~^=" if c not in used), "-")


def _status_block(found: list[Title], lines: list[str], value: str, nl: str) -> list[str]:
    over, under = _adornment(found, lines)
    bar = under * len("Status")
    block = [f"Status{nl}", f"{bar}{nl}", nl, f"{value}{nl}", nl]
    return ([f"{over * len('Status')}{nl}"] if over else []) + block


def _status_value(old: str, value: str) -> str:
    """The new status, in the emphasis the old one had ('**Accepted**' -> '**Superseded**')."""
    m = _EMPHASIS.match(old.strip())
    word = value[:1].upper() + value[1:]
    return f"{m.group(1)}{word}{m.group(1)}" if m else word


def set_field(text: str, name: str, value: object | None) -> str:
    if name != "status":
        return _set_field_line(text, name, value)
    lines = text.splitlines(keepends=True)
    nl = newline_of(lines)
    found, title, head_end, stop = _head(lines)
    status = _status_title(found)
    if status is None:
        if any(metadata_lines.field_name(key.strip().lower()) == "status" for _, _, key, _ in _fields(lines, 0, stop)):
            return _set_field_line(text, "status", value)
        option = next((i for i, key, _ in _directive_options(lines, head_end, stop)
                       if metadata_lines.field_name(key.strip().lower()) == "status"), None)
        if option is not None and value is not None:
            # A sphinx-needs record states it as its directive's option (`   :status: approved`): edited there, in
            # its indentation and name, as `rst.parse` reads it.
            line = lines[option]
            at = line.index(":", line.index(":") + 1) + 1
            ending = line[len(line.rstrip("\r\n")):] or nl
            lines[option] = f"{line[:at]} {str(value).lower()}{ending}"
            return "".join(lines)
        if value is None:
            return text
        # No Status section and no field: one, in the document's adornment, before the first section.
        ensure_final_newline(lines, stop - 1, nl)
        block = _status_block(found, lines, _status_value("", str(value)), nl)
        if stop > 0 and lines[stop - 1].strip():
            block.insert(0, nl)
        if stop >= len(lines):
            block = block[:-1]
        lines[stop:stop] = block
        return "".join(lines)
    n, heading = status
    end = found[n + 1].first if n + 1 < len(found) else len(lines)
    candidates = [i for i in content_lines(lines, heading.last + 1, end) if not parse_link_line(as_markdown_links(lines[i].strip()))]
    if not candidates:
        if value is None:
            return text
        ensure_final_newline(lines, heading.last, nl)
        lines[heading.last + 1 : heading.last + 1] = [nl, _status_value("", str(value)) + nl]
        return "".join(lines)
    from adrtool import vocabulary

    _, entry = vocabulary.status_entry("".join(lines[i] for i in candidates))
    chosen = next((i for i in candidates if lines[i].strip() == entry.strip()), candidates[0])
    if value is None:
        del lines[chosen]
        if chosen < len(lines) and not lines[chosen].strip() and not lines[chosen - 1].strip():
            del lines[chosen]
        return "".join(lines)
    ending = lines[chosen][len(lines[chosen].rstrip("\r\n")):] or nl
    indent = lines[chosen][: len(lines[chosen]) - len(lines[chosen].lstrip())]
    lines[chosen] = indent + _status_value(lines[chosen], str(value)) + ending
    return "".join(lines)


def _field(lines: list[str], stop: int, name: str):
    """(first, end, key, value) of a metadata field by name ('status', or a relation's label), or None."""
    for item in _fields(lines, 0, stop):
        key = item[2].strip().lower()
        if metadata_lines.field_name(key) == name or (relation_of_label(key) and relation_of_label(key).value == name):
            return item
    return None


def _add_link_field(text: str, relation: Relation, target: str) -> str:
    lines = text.splitlines(keepends=True)
    nl = newline_of(lines)
    _, _, _, stop = _head(lines)
    existing = _field(lines, stop, relation.value)
    reference = f":doc:`{target}`"
    if existing is None:
        fields = _fields(lines, 0, stop)
        last = fields[-1][1]
        ensure_final_newline(lines, last - 1, nl)
        lines.insert(last, f":{LABEL_OF[relation]}: {reference}{nl}")
        return "".join(lines)
    first, end, _, _ = existing
    ending = lines[end - 1][len(lines[end - 1].rstrip("\r\n")):] or nl
    lines[end - 1] = lines[end - 1].rstrip("\r\n") + f", {reference}{ending}"
    return "".join(lines)


def _doc_target(target_file: str) -> str:
    """The `:doc:` name of a record file: its path relative to this one, without the extension."""
    return re.sub(r"\.(?:rst|md)$", "", target_file)


def add_link(text: str, relation: Relation, target_id: str, target_title: str, target_file: str) -> str:
    """A `Superseded by :doc:\\`0012-x\\`` paragraph in the Status section; superseded records say so in their status."""
    lines = text.splitlines(keepends=True)
    nl = newline_of(lines)
    for line in lines:
        parsed = parse_link_line(as_markdown_links(line.strip()))
        if parsed and parsed[0] is relation and _doc_target(parsed[1]) == _doc_target(target_file):
            return text
    if relation is Relation.SUPERSEDED_BY:
        text = set_field(text, "status", Status.SUPERSEDED.value)
        lines = text.splitlines(keepends=True)
    found, _, _, stop = _head(lines)
    if _status_title(found) is None and _field(lines, stop, "status"):
        # Its metadata is a field list: the link is a field too (`:Supersedes: :doc:\`0003-x\``).
        return _add_link_field(text, relation, _doc_target(target_file))
    if _status_title(found) is None:
        text = set_field(text, "status", Status.PROPOSED.value)
        lines = text.splitlines(keepends=True)
        found = titles(lines)
    n, heading = _status_title(found)
    end = found[n + 1].first if n + 1 < len(found) else len(lines)
    content = content_lines(lines, heading.last + 1, end)
    last = content[-1] if content else heading.last
    ensure_final_newline(lines, last, nl)
    entry = f"{LABEL_OF[relation]} :doc:`{_doc_target(target_file)}`{nl}"
    lines[last + 1 : last + 1] = [nl, entry]  # a paragraph of its own: RST joins adjacent lines
    return "".join(lines)


def remove_link(text: str, relation: Relation, targets: set[str]) -> str:
    lines = text.splitlines(keepends=True)
    wanted = targets | {_doc_target(t) for t in targets}
    kept: list[str] = []
    for line in lines:
        parsed = parse_link_line(as_markdown_links(line.strip()))
        if parsed and parsed[0] is relation and (_doc_target(parsed[1]) in wanted or parsed[2] in wanted):
            if kept and not kept[-1].strip():
                kept.pop()  # the blank line that made it a paragraph
            continue
        kept.append(line)
    return "".join(kept)


def new_record(number: int | None, title: str, status: str, date: str, *, quick: bool = False,
               styles: tuple[tuple[str | None, str], tuple[str | None, str]] | None = None) -> str:
    """A new RST record in the folder's own adornments: (title style, section style) as (overline, underline)."""
    (t_over, t_under), (s_over, s_under) = styles or ((None, "="), (None, "-"))
    heading = f"{number}. {title}" if number is not None else title
    width = column_width(heading)
    out = ([t_over * width + "\n"] if t_over else []) + [heading + "\n", t_under * width + "\n", "\n",
                                                         f":Date: {date}\n", "\n"]

    def section(name: str, body: str) -> None:
        out.extend(([s_over * len(name) + "\n"] if s_over else []) + [name + "\n", s_under * len(name) + "\n", "\n",
                                                                      body + "\n", "\n"])

    section("Status", status[:1].upper() + status[1:])
    # Placeholders are comments, so that an unfilled section reads as empty.
    if quick:
        section("Decision", ".. What: the choice, in one sentence. Why this guess: why it is good enough without\n"
                            "   more study. Revisit when: the signal that should reopen it.")
    else:
        section("Context", ".. What problem does this decide, and why must it be decided now? The forces at play.")
        section("Considered Options", ".. Each option, with what speaks for and against it.")
        section("Decision", ".. The option chosen, and why it beats the others.")
        section("Consequences", ".. Good, because: what becomes easier. Bad, because: what becomes harder,\n"
                                "   and the risks taken.")
        section("Confirmation", ".. How we will know the decision is implemented and still holds.")
    return "".join(out).rstrip("\n") + "\n"


def folder_styles(text: str) -> tuple[tuple[str | None, str], tuple[str | None, str]] | None:
    """The (title, section) adornments an existing record uses, for a new one to match."""
    lines = text.splitlines(keepends=True)
    found = titles(lines)
    if not found:
        return None
    return _adornment(found, lines, 1), _adornment(found, lines, 2)
