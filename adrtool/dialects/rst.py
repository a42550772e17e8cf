"""reStructuredText decision records, as Open edX writes them across its repositories.

    .. _ADR-2:

    2. Open edX events naming and versioning
    ########################################

    :Date: 2023-06-09            <- a field list under the title (optional)

    Status
    ******

    **Accepted**

    Superseded by :doc:`0012-new-naming`

    Context
    *******
    ...

The structure (titles, their levels) comes from `rst_structure`: docutils'
rules, by a line scan where that is exact, by docutils where it is not.
Metadata is a field list under the title (`:Status: Accepted`), bold or
plain `Status:` lines, or a `Status` section; links are the section's
`Superseded by ...` lines, with RST's references (`:ref:`ADR-12``,
`:doc:`0012-x``, `` `text <0012-x.rst>`_ ``).  `.. _label:` targets above
the title are names other records can `:ref:` this one by.

Edits (`rst_write`) are surgical and in RST's own syntax: a status keeps its emphasis,
a field is one `:Name: value` line in the field list under the title (made
if missing), a link is one `Label :doc:\\`target\\`` paragraph in the Status
section (made, in the document's own adornment, if missing).
"""

from __future__ import annotations

import re

from adrtool import dates, vocabulary
from adrtool.dialects import metadata_lines
from adrtool.dialects.common import RawRecord, build
from adrtool.dialects.link_lines import parse_link_line, relation_of_label
from adrtool.dialects.rst_structure import Title, titles
from adrtool.model import Decision, Link, Relation, Status
from adrtool.sections import Section

NAME = "rst"
STATUS_HEADINGS = {"status", "statut", "estado", "stato", "statuses", "state", "decision status"}
_FIELD = re.compile(r"^:(?![: ])((?:[^:\\`\r\n]|\\.|`[^`]*`)+?)(?<! ):(?:[ \t]+(.*?))?[ \t]*\r?\n?$")
_TARGET = re.compile(r"^\.\.[ \t]+_(`[^`]+`|[^:`][^:]*):(?:[ \t]+(\S.*?))?[ \t]*\r?\n?$")
_EXPLICIT = re.compile(r"^\.\.(?:[ \t]|\r?\n?$)")
# RST references, rewritten as Markdown links so that the link-line and status readers shared
# with the Markdown dialects read them: :ref:`ADR-12`, :ref:`Title <label>`, :doc:`0012-x`,
# `Title <0012-x.rst>`_, `Named`_ (resolved through the file's `.. _Named: uri` targets).
_ROLE = re.compile(r":(?:[\w-]+:)?(?:ref|doc|any):`([^`<]*?)\s*(?:<([^>]*)>)?`")
_HYPERLINK = re.compile(r"`([^`<]*?)\s*<([^>]*)>`__?")
_NAMED = re.compile(r"`([^`]+)`__?(?![\w`])")
_MISPLACED = re.compile(r"`_([^`]+)`(?!_)")
_EMPHASIS = re.compile(r"^(\*\*|\*|``)(.+?)\1(.*)$")


def plain(text: str) -> str:
    """A title or field as text: roles, references, literals, emphasis and escapes removed."""
    text = _ROLE.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _HYPERLINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"``(.+?)``", r"\1", text)
    text = re.sub(r"`([^`]+)`_{0,2}", r"\1", text)
    text = re.sub(r"(\*\*|\*)(\S(?:.*?\S)?)\1", r"\2", text)
    text = re.sub(r"\|([^|\s][^|]*)\|_{0,2}", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.split())


def as_markdown_links(text: str, targets: dict[str, str] | None = None) -> str:
    """RST references as Markdown links ('Superseded by :doc:`0012-x`' -> 'Superseded by [0012-x](0012-x)')."""
    if "`" not in text:
        return text
    targets = targets or {}

    def role(m: re.Match) -> str:
        label, target = m.group(1).strip(), (m.group(2) or m.group(1)).strip()
        return f"[{label or target}]({target})"

    text = _ROLE.sub(role, text)
    text = _HYPERLINK.sub(lambda m: f"[{m.group(1) or m.group(2)}]({m.group(2).strip()})", text)
    text = _NAMED.sub(lambda m: f"[{m.group(1)}]({targets.get(_name_key(m.group(1)), m.group(1))})", text)
    # `_Name` (the underscore on the wrong side) where the file defines `.. _Name: uri`: the link meant
    # (seen in openedx/enterprise-access 0009: "Supercedes `_0003 Initial API Specification`").
    return _MISPLACED.sub(lambda m: f"[{m.group(1)}]({targets[_name_key(m.group(1))]})"
                          if _name_key(m.group(1)) in targets else m.group(0), text)


def _name_key(name: str) -> str:
    return " ".join(name.strip("`").lower().split())


def _targets(lines: list[str]) -> dict[str, str]:
    """The file's hyperlink targets: `.. _Name: uri` -> {'name': 'uri'}."""
    out = {}
    for line in lines:
        if line.startswith(".. _"):
            m = _TARGET.match(line)
            if m and m.group(2):
                out[_name_key(m.group(1))] = m.group(2)
    return out


def _explicit_block_end(lines: list[str], i: int) -> int:
    """One past an explicit-markup block (a comment, directive or target) starting at lines[i]."""
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or lines[j][0] in " \t"):
        j += 1
    while j > i + 1 and not lines[j - 1].strip():
        j -= 1
    return j


def content_lines(lines: list[str], start: int, end: int) -> list[int]:
    """Indexes of the text lines of lines[start:end], without comments, directives and targets."""
    out = []
    i = start
    while i < end:
        line = lines[i]
        if _EXPLICIT.match(line):
            i = max(_explicit_block_end(lines, i), i + 1)
            continue
        if line.strip():
            out.append(i)
        i += 1
    return out


# ---- structure ------------------------------------------------------------------


def sections(lines: list[str], start: int = 0) -> list[Section]:
    """The document's sections from `start` (line numbers of the file), as `adrtool.sections.Section`.

    The heading is the title as written (inline markup kept); `start` of a
    section is the line after its underline, `end` the first line of the
    next title (of any level), so that sections do not overlap.
    """
    found = [t for t in titles(lines) if t.line >= start]
    out: list[Section] = []
    first = found[0].first if found else len(lines)
    if first > start:
        out.append(Section("", 0, start + 1, start, first, "".join(lines[start:first])))
    for n, t in enumerate(found):
        end = found[n + 1].first if n + 1 < len(found) else len(lines)
        out.append(Section(t.text, t.level, t.line + 1, t.last + 1, end, "".join(lines[t.last + 1 : end])))
    return out


def _is_status_heading(text: str) -> bool:
    from adrtool import languages

    key = re.sub(r"[^\w ]", "", plain(text)).strip().lower()
    return key in STATUS_HEADINGS or key in languages.STATUS_HEADINGS


def _status_title(found: list[Title]) -> tuple[int, Title] | None:
    for n, t in enumerate(found):
        if (t.level >= 2 or n > 0) and _is_status_heading(t.text):
            return n, t
    return None


def _fields(lines: list[str], start: int, stop: int) -> list[tuple[int, int, str, str]]:
    """(first index, end index, name, value) of each field of the field lists in lines[start:stop]."""
    out = []
    i = start
    while i < stop:
        m = _FIELD.match(lines[i]) if lines[i][:1] == ":" else None
        if not m:
            i += 1
            continue
        j = i + 1
        value = [m.group(2) or ""]
        while j < stop and lines[j].strip() and lines[j][0] in " \t":
            value.append(lines[j].strip())
            j += 1
        out.append((i, j, m.group(1), " ".join(v for v in value if v)))
        i = j
    return out


_DIRECTIVE = re.compile(r"^\.\. [\w:-]+::")
_OPTION = re.compile(r"^[ \t]+:([\w -]+):(?:[ \t]+(.*?))?[ \t]*\r?\n?$")


def _directive_options(lines: list[str], start: int, stop: int) -> list[tuple[int, str, str]]:
    """(index, name, value) of each option of the directives in lines[start:stop]: a sphinx-needs record states its
    status there (mstrydom-airs/strydom-holiday-planner 1407084d4cad docs/decisions/0002-store-plans-in-sqlite.rst:
    `.. adr:: Use SQLite ...` over `   :id: ADR-0002`, `   :status: approved`)."""
    out = []
    for i in range(start, min(stop, len(lines))):
        if lines[i][:3] != ".. " or not _DIRECTIVE.match(lines[i]):
            continue
        for j in range(i + 1, min(stop, len(lines))):
            m = _OPTION.match(lines[j])
            if m is None:
                break
            out.append((j, m.group(1), m.group(2) or ""))
    return out


# ---- reading --------------------------------------------------------------------


def parse(path: str, stem: str, lines: list[str], found: list[Title] | None = None, text: str | None = None) -> Decision:
    """The record in `lines`; `found`, the file's titles, when the caller has them already; `text`, "".join(lines)."""
    raw = RawRecord(path=path, dialect=NAME, lines=lines, text=text)
    found = titles(lines) if found is None else found
    title = next((t for t in found if t.level == 1), found[0] if found else None)
    targets = _targets(lines)
    if title is not None:
        raw.title = plain(title.text) or None
        raw.title_line = title.line + 1
    head_end = title.last + 1 if title is not None else 0
    following = [t for t in found if t.first >= head_end]
    stop = following[0].first if following else len(lines)
    # Fields above the first section (and any above the title itself).
    for first, _, name, value in _fields(lines, 0, stop):
        key = name.strip().lower()
        relation = relation_of_label(key)
        if relation is not None:
            raw.links.extend(_links_in(value, relation, targets, first + 1))
            continue
        field = metadata_lines.field_name(key)
        if field and field not in raw.fields:
            raw.fields[field] = plain(value) if field != "status" else value
            raw.field_lines[field] = first + 1
    if "status" not in raw.fields and ".. " in (text if text is not None else "".join(lines[head_end:stop])):
        for first, name, value in _directive_options(lines, head_end, stop):
            field = metadata_lines.field_name(name.strip().lower())
            if field in ("status", "date") and field not in raw.fields:
                raw.fields[field], raw.field_lines[field] = plain(value) if field != "status" else value, first + 1
    plain_fields, where = metadata_lines.read(lines, head_end, stop, "")  # "**Status:** Accepted", "Date: ..."
    for key, value in plain_fields.items():
        if key not in raw.fields:
            raw.fields[key], raw.field_lines[key] = value, where[key]
    status = _status_title(found)
    if status is not None:
        n, heading = status
        end = found[n + 1].first if n + 1 < len(found) else len(lines)
        status_lines = []
        below = found[n + 1] if n + 1 < len(found) else None
        if below is not None and below.level > heading.level and not content_lines(lines, heading.last + 1, end):
            # The status written as the title of a subsection ("Rejected April 2022" under "Status").
            status_lines.append(below.text)
            raw.field_lines["status"] = below.line + 1
            # Its paragraph may name the record that replaced it: "rejected and superceded by ADR 0004"
            # (openedx/license-manager d1fc5d9d3a72 docs/decisions/0003-subscription-renewals.rst).
            after = found[n + 2].first if n + 2 < len(found) else len(lines)
            told = "\n".join([below.text, *(lines[i].strip() for i in content_lines(lines, below.last + 1, after))])
            for relation, target in _status_links(told, targets):
                raw.links.append(Link(relation, target, below.line + 1))
        for i in content_lines(lines, heading.last + 1, end):
            text = lines[i].strip()
            link = parse_link_line(as_markdown_links(text, targets))
            if link:
                if link[0] is not None:  # (an untyped label's line is no status and no relation)
                    raw.links.append(Link(link[0], link[1], i + 1))
                continue
            status_lines.append(text)
            raw.field_lines.setdefault("status", i + 1)
        if status_lines and "status" not in raw.fields:
            raw.fields["status"] = "\n".join(status_lines)
        raw.field_lines.setdefault("status", heading.line + 1)
    if "status" not in raw.fields:
        # "Status" as the first line of a paragraph, its value on the next (no underline: no section), as
        # openedx/credentials docs/decisions/0007-learner-status-endpoint.rst writes "Status" then "**Draft**".
        for i in range(head_end, min(stop, len(lines)) - 1):
            if len(lines[i]) < 24 and _is_status_heading(lines[i].strip().rstrip(":")) and lines[i + 1].strip() and (i == 0 or not lines[i - 1].strip()):
                raw.fields["status"], raw.field_lines["status"] = lines[i + 1].strip(), i + 2
                break
    if "status" not in raw.fields or "date" not in raw.fields:
        _dated_status_line(raw, lines, head_end)
    if "status" in raw.fields:
        for relation, target in _status_links(str(raw.fields["status"]), targets):
            if not any(l.relation is relation for l in raw.links):
                raw.links.append(Link(relation, target, raw.field_lines.get("status")))
    raw.body_start = head_end
    raw.prose_lines = _prose_lines(lines, head_end, targets)
    decision = build(raw, stem)
    decision.labels = tuple(plain(m.group(1)) for line in lines[: title.first if title else 0]
                            if (m := _TARGET.match(line)) and not m.group(2))
    # "Superseded by :ref:`ADR-12`" under "Accepted", as adr-tools' `-s` leaves Nygard records.
    if decision.superseded_by and decision.status in (Status.PROPOSED, Status.ACCEPTED):
        decision.status = Status.SUPERSEDED
    return decision


# `**Accepted** *2026-03-26*`: the status in bold, its date in italics, the first line under the title
# (openedx/openedx-ai-extensions docs/decisions/0004-submission-as-chat-storage.rst).
_DATED_STATUS = re.compile(r"^\*\*([A-Za-z][A-Za-z ]*)\*\*\s+\*([^*]+)\*\s*$")


def _dated_status_line(raw: RawRecord, lines: list[str], start: int) -> None:
    first = next((i for i in range(start, len(lines)) if lines[i].strip()), None)
    m = _DATED_STATUS.match(lines[first].strip()) if first is not None and lines[first][:2] == "**" else None
    if m and vocabulary.normalize_status(m.group(1)) is not Status.UNKNOWN and dates.read(m.group(2))[0]:
        if "status" not in raw.fields:
            raw.fields["status"], raw.field_lines["status"] = m.group(1), first + 1
        if "date" not in raw.fields:
            raw.fields["date"], raw.field_lines["date"] = m.group(2).strip(), first + 1


def _prose_lines(lines: list[str], start: int, targets: dict[str, str]) -> list[str]:
    """The lines prose links are read from: RST references as Markdown links, on the lines with a
    relation word (found by one search of the text, not one per line)."""
    from adrtool.dialects import prose

    text = "".join(lines[start:])
    found = prose.relation_positions(text)
    if not found:
        return lines
    out = list(lines)
    index, offset = start, 0
    for at in found:
        while index < len(lines) and offset + len(lines[index]) <= at:
            offset += len(lines[index])
            index += 1
        if index < len(lines) and "`" in lines[index]:
            out[index] = as_markdown_links(lines[index], targets)
    return out


def _links_in(value: str, relation: Relation, targets: dict[str, str], line: int) -> list[Link]:
    from adrtool import vocabulary

    found = vocabulary.reference_targets(as_markdown_links(value, targets))
    return [Link(relation, target, line) for target in found]


def _status_links(status: str, targets: dict[str, str]) -> list[tuple[Relation, str]]:
    from adrtool import vocabulary

    return vocabulary.status_links(as_markdown_links(status, targets))


def to_markdown(text: str) -> str:
    """A readable Markdown rendering (for the TUI's reading view and the digest); see `rst_markdown`."""
    from adrtool.dialects import rst_markdown

    return rst_markdown.convert(text)
