"""Promote an inline decision to a full record, keeping its id.

An arbitrary choice costs one line in a design document; once it turns out
to be a one-way door it is owed real reasoning, in a record.  `promote`
plans, without writing anything:

1. a new record in the repository's dialect and template: the title from the
   line's text, its tags and status, its revisit trigger, the design
   document's surrounding section quoted as context with a link back, and
   `inline-id` set to the inline id (so `repo.find("D7")` finds the record,
   and links written to D7 follow it);
2. the line in the design document replaced by a tagged link to the record
   (`Decision D7 (deliberate, one-way) is recorded in [0066: ...](...)`),
   which keeps its place in the document's numbering;
3. stored AI results filed under the inline id moved to the record's id.

The changes go through `authoring.changes.apply` like every other write.
"""

from __future__ import annotations

import os
from pathlib import Path

from adrtool import dialects
from adrtool.authoring.changes import Change, merge
from adrtool.dialects import inline
from adrtool.model import Decision, Kind, format_id
from adrtool.sections import headings
from adrtool.store import StoreError

MAX_QUOTED_LINES = 40  # a whole design document is not context; the section around the line is


def promote(repo, decision: Decision | str, *, template: str | None = None, today: str | None = None) -> list[Change]:
    """The changes that turn inline decision `decision` into a record (see the module's docstring)."""
    from adrtool.authoring.operations import plan_new

    decision = decision if isinstance(decision, Decision) else repo.resolve(decision)
    if decision.kind is not Kind.INLINE:
        raise StoreError(f"{decision.id} is already a record ({decision.path}); only inline decisions are promoted",
                         code="invalid-value")
    doc_text = repo.text(decision.path)
    lines = doc_text.splitlines(keepends=True)
    index = (decision.line or 0) - 1
    if not 0 <= index < len(lines) or inline.match(lines[index]) is None:
        raise StoreError(f"{decision.path}:{decision.line}: the decision line is gone; run the command again",
                         code="conflict")
    path, planned, _ = plan_new(repo, decision.title, choice=decision.choice, door=decision.door,
                                status=decision.status.value, template=template, today=today)
    created = next(c for c in planned if c.path == path)
    record_text = _fill(repo, path, created.after, decision, lines, index)
    record = dialects.parse_file(path, record_text, True, repo.config.log4brains)[0]
    label = f"{format_id(record.number)}: {record.title}" if record.number is not None else record.title
    lines[index] = inline.promoted(lines[index], label, _relative(decision.path, path))
    changes = [Change(path, None, record_text), Change(decision.path, doc_text, "".join(lines))]
    changes += _move_ai_results(repo, decision.id, record.id)
    return merge(changes)


def _fill(repo, path: str, text: str, decision: Decision, doc_lines: list[str], index: int) -> str:
    """The new record's text with the inline id, the revisit trigger and the quoted context set."""
    record = dialects.parse_file(path, text, True, repo.config.log4brains)[0]
    writer = dialects.writer_for(record, text)
    if decision.revisit:
        text = writer.set_field(text, "revisit", decision.revisit)
    text = writer.set_field(text, "inline-id", decision.id)
    heading, quoted = _surrounding_section(doc_lines, index)
    where = f"[{decision.path}]({_relative(path, decision.path)})"
    tags = f" ({decision.choice.value if decision.choice else 'choice untagged'}, " \
           f"{decision.door.value if decision.door else 'door untagged'})"
    intro = (f"Promoted from inline decision {decision.id}{tags} in {where}"
             + (f', section "{heading}"' if heading else "") + (". Its context there:" if quoted else "."))
    return _set_context(text, [intro, *([""] + quoted if quoted else [])])


def _surrounding_section(lines: list[str], index: int) -> tuple[str, list[str]]:
    """(heading, quoted lines) of the section that holds line `index`: from its heading to the next of the same level."""
    heads = headings(lines)
    above = [h for h in heads if h[0] < index]
    start, level, title = above[-1] if above else (-1, 0, "")
    end = next((i for i, lvl, _ in heads if i > index and (level == 0 or lvl <= level)), len(lines))
    quoted: list[str] = []
    for i in range(start + 1, end):
        line = lines[i].rstrip("\r\n")
        if inline.match(line) is not None:
            continue  # decision lines stay decisions of the document, not of the record
        line = ("> " + line).rstrip()
        if not (line == ">" and quoted and quoted[-1] == ">"):  # one blank line where decision lines were left out
            quoted.append(line)
    while quoted and quoted[0] == ">":
        quoted.pop(0)
    while quoted and quoted[-1] == ">":
        quoted.pop()
    if len(quoted) > MAX_QUOTED_LINES:
        quoted = quoted[:MAX_QUOTED_LINES] + [">", "> …"]
    return title, quoted


def _set_context(text: str, block: list[str]) -> str:
    """Put `block` in the record's context section (replacing the template's placeholder), else add one."""
    lines = text.splitlines(keepends=True)
    nl = "\r\n" if text.endswith("\r\n") else "\n"
    body = [line + nl for line in block]
    heads = headings(lines)
    for n, (i, level, heading) in enumerate(heads):
        words = heading.lower()
        if level >= 2 and ("context" in words or "problem" in words):
            end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
            lines[i + 1:end] = [nl, *body, nl]
            return "".join(lines)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += nl
    return "".join(lines + [nl, f"## Context{nl}", nl, *body])


def _relative(src: str, dst: str) -> str:
    return Path(os.path.relpath(dst, os.path.dirname(src) or ".")).as_posix()


def _move_ai_results(repo, old_id: str, new_id: str) -> list[Change]:
    """Stored AI results (`.adrtool/ai/<feature>/<id>.md`) follow the decision to its new id."""
    try:
        from adrtool.ai import config as ai_config
        from adrtool.ai.stored import path_for
    except ImportError:  # the AI package's own dependencies are missing: there are no results to read
        return []
    settings = ai_config.load(repo.config)
    folder = repo.root / settings.results_dir
    if not folder.is_dir():
        return []
    out = []
    for feature in sorted(p.name for p in folder.iterdir() if p.is_dir()):
        old, new = path_for(settings, feature, old_id), path_for(settings, feature, new_id)
        if (repo.root / old).is_file() and not (repo.root / new).exists():
            text = repo.text(old)
            out += [Change(new, None, text), Change(old, text, None)]
    return out
