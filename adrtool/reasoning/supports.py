"""The supports of the card (evidence, decision-makers, a plan) and the wording remarks.

Supports are never errors (notes at most), so these read generously: any
reference, link or measurement is evidence; decision-makers named beyond the
author (or a Reviewed-by trailer) are found; a confirmation section or a
revisit cue is a plan.  The remarks quote wording that stands in for
reasoning ("industry standard", "no downside") and an arbitrary pick owned up
to ("no strong preference", "hard to undo"), each on its line.
"""

from __future__ import annotations

import re

from adrtool.reasoning import cues, meaning
from adrtool.reasoning.card import ABSENT, DECISION_MAKERS, EVIDENCE, FOUND, PLAN, THIN, Item, Quote
from adrtool.reasoning.record_text import Line, RecordText

_M = meaning
URL = re.compile(r"https?://\S+|\[[^\]]+\]\([^)]+\)")


def quotes(*lines: Line) -> tuple[Quote, ...]:
    """At most three quotes, one per line, in the order given."""
    seen, out = set(), []
    for line in lines:
        if line is not None and line.number not in seen:
            seen.add(line.number)
            out.append(Quote(line.number, line.raw))
    return tuple(out[:3])


def _field_quote(rt: RecordText, name: str) -> tuple[Quote, ...]:
    n = rt.decision.field_lines.get(name)
    raw = rt.raw_lines
    if n and 0 < n <= len(raw) and raw[n - 1].strip():  # without the file, metadata lines are not known
        return (Quote(n, raw[n - 1].rstrip("\r\n")),)
    return ()


def evidence(rt: RecordText) -> Item:
    d = rt.decision
    if d.references:
        return Item(EVIDENCE, FOUND, f"references: {', '.join(d.references[:3])}", _field_quote(rt, "references"))
    for line in rt.lines:
        if line.within(_M.EVIDENCE) or URL.search(line.raw) or cues.first(cues.EVIDENCE, line.folded):
            return Item(EVIDENCE, FOUND, "a reference, link or measurement", quotes(line))
    return Item(EVIDENCE, ABSENT, "no reference, data or experiment")


def makers(rt: RecordText, history) -> Item:
    d = rt.decision
    reviewers = list(getattr(history, "reviewers", None) or []) if history is not None else []
    if reviewers:
        return Item(DECISION_MAKERS, FOUND, f"reviewed by {', '.join(reviewers[:3])} (Reviewed-by in git)")
    named = [m for m in d.decision_makers if _M.has_content(m)]
    author = getattr(history, "created_by", None) if history is not None else None
    quote = _field_quote(rt, "decision-makers")
    if named and (author is None or any(not _same_person(m, author) for m in named)):
        return Item(DECISION_MAKERS, FOUND, f"decision-makers: {', '.join(named[:3])}", quote)
    if named:
        return Item(DECISION_MAKERS, THIN, f"the only decision-maker named is the author ({author})", quote)
    return Item(DECISION_MAKERS, ABSENT, "no decision-makers named and no Reviewed-by trailer")


def _same_person(name: str, author: str) -> bool:
    a, b = name.strip().lower(), author.strip().lower()
    return a == b or a.split("<")[0].strip() == b or a.split("@")[0] == b.split("@")[0]


def plan(rt: RecordText) -> Item:
    d = rt.decision
    if d.revisit:
        return Item(PLAN, FOUND, f"revisit: {d.revisit}", _field_quote(rt, "revisit") or
                    quotes(*(l for l in rt.lines if d.revisit in l.raw)))
    planned = [l for l in rt.lines if l.within(_M.CONFIRMATION)] or [
        l for l in rt.lines if not l.within(_M.OPTIONS, _M.CONTEXT) and cues.first(cues.PLAN, l.folded)]
    if planned:
        return Item(PLAN, FOUND, "a confirmation or revisit plan", quotes(planned[0]))
    return Item(PLAN, ABSENT, "no confirmation or revisit plan")


def wording(rt: RecordText) -> tuple[Item, ...]:
    """Remarks: crowd and absolute wording, and an arbitrary pick owned up to (why a guess is acceptable,
    what undoing it would cost), each with the line it is on."""
    out = []
    for name, phrases in (("crowd-wording", cues.CROWD), ("absolute-wording", cues.ABSOLUTE),
                          ("arbitrary-acceptable", cues.ARBITRARY_OK), ("undo-cost", cues.UNDO_COST)):
        for line in rt.lines:
            hit = cues.first(phrases, line.folded)
            if hit:
                out.append(Item(name, FOUND, hit.strip(), quotes(line)))
                break
    return tuple(out)
