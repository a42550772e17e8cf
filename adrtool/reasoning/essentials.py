"""The offline reasoning card: each essential and support looked for anywhere in the record.

How each state is told (the policy is in adrtool/review/POLICY.md):

- decision: *found* when a line states it (a Decision section, "Chosen
  option: ...", "What: ...", "we will ..."; an inline decision is its own
  line); *thin* when the Decision section only points elsewhere ("See RFC
  12") or only the title states it; *absent* otherwise.
- alternatives: *found* when an option other than the chosen one (and other
  than doing nothing) has a reason against it of three words or more: a
  Bad/Con item, the item's own explanation ("MongoDB - no transactions"), a
  table cell under a Cons column, or a sentence that names it with a cue
  ("a format of our own would need converters", "instead of X, because");
  *thin* for a shorter dismissal, a "do nothing" with a reason, an
  alternative named in prose without a reason, or options listed while the
  reason for the choice compares ("the only one that ..."); *absent* when
  options are only listed, or none is named.
- reason: *found* for a reason cue with words after it ("because ...",
  "this greatly reduces ...") in the Decision or Rationale text or the
  choice line, a Good item of the chosen option or of the consequences, or a
  Rationale section of its own; *thin* for a formulaic reason ("the best
  fit"), a reason only in the Context, or a long Decision with no cue;
  *absent* otherwise, and when the only reason is crowd wording ("industry
  standard").
- cost: *found* for a Bad/Con item of the chosen option or of the
  consequences, a line under a Negative/Risks heading, or a cost cue ("will
  have to", "harder", "risk") in the Decision, Rationale or Consequences;
  *thin* for a cost cue elsewhere (outside the Context and the drivers), a
  Neutral item, or Bad items of options when the chosen one cannot be told;
  *absent* otherwise.  "No downside" is not a cost.
- supports (evidence, decision-makers, plan): *found* or *absent* (the
  decision-makers are *thin* when the only one named is the author).

Lines are only what the author wrote (`record_text`): template text never counts.
"""

from __future__ import annotations

import re

from adrtool.model import Kind, Status
from adrtool.reasoning import cues, meaning, options, record_text
from adrtool.reasoning.card import (
    ABSENT, ALTERNATIVES, COST, DECISION, DECISION_MAKERS, EVIDENCE, FOUND, PLAN, REASON, THIN, Card, Item, Quote,
)
from adrtool.reasoning.quadrant import judged_quadrant, label
from adrtool.reasoning.record_text import Line, RecordText

CLOSED = (Status.SUPERSEDED, Status.DEPRECATED, Status.REJECTED)
_M = meaning
_SIGNPOST = re.compile(r"^(?:see|refer to|as described in|described in|details in|siehe|voir|ver|vedi|см\.?|参见|详见)\b",
                       re.IGNORECASE)
_LABELLED_DECISION = re.compile(r"^\W*(?:what|decision|entscheidung|decisao|decision|decisione|решение|决策)\W*:",
                                re.IGNORECASE)
_COMPARES = ("only ", " than ", "unlike", "whereas", "compared", " over ", "better", "faster", "simpler", "cheaper")
_WEAK_WORDS = frozenset("it is the a an this that be are was to of and or we our its their they".split())
_URL = re.compile(r"https?://\S+|\[[^\]]+\]\([^)]+\)")
_POSITIVE_HEADING = re.compile(r"\b(?:positive|good|benefits?|pros|advantages?|vorteile|avantages|ventajas|vantagens)\b")
_NOT_COST_SECTIONS = ("driver", "treiber", "requirement", "anforderung", "goal", "constraint", "force")


def read_card(decision, repo=None, history=None) -> Card:
    """The offline card of `decision`; `history` (its `adrtool.history.History`) names the author, if known."""
    rt = record_text.read(decision, repo)
    w = options.weigh(rt)
    choice, door, basis = judged_quadrant(decision)
    items = (_decision(rt, w), _alternatives(rt, w), _reason(rt, w), _cost(rt, w),
             _evidence(rt), _makers(rt, history), _plan(rt))
    return Card(decision.id, decision.path, label(choice, door), basis, unfilled=rt.unfilled,
                closed=decision.status in CLOSED, items=items, remarks=_wording(rt), title=decision.title)


def _q(*lines: Line) -> tuple[Quote, ...]:
    seen, out = set(), []
    for line in lines:
        if line is not None and line.number not in seen:
            seen.add(line.number)
            out.append(Quote(line.number, line.raw))
    return tuple(out[:3])


def _content_after(cue_list: tuple[str, ...], line: Line) -> str | None:
    """The first cue of `cue_list` in the line that has words of substance after it (not "because ." left by a placeholder)."""
    for cue in cue_list:
        at = line.folded.find(cue)
        if at < 0:
            continue
        rest = line.folded[at + len(cue):]
        for phrase in cues.CROWD + cues.FORMULAIC:
            rest = rest.replace(phrase, " ")
        if any(w not in _WEAK_WORDS for w in re.findall(r"[^\W_]{3,}", rest)) or re.search(r"[^\x00-\u2fff]", rest):
            return cue
    return None


def _decisionish(rt: RecordText, w: options.Weighing) -> list[Line]:
    """The lines that state the choice: the Decision section's own text, the choice line, "What:" lines, the inline line."""
    d = rt.decision
    out = [l for l in rt.lines if l.innermost == _M.DECISION or _LABELLED_DECISION.match(l.text)
           or (d.kind is Kind.INLINE and l.number == d.line)]
    if w.chosen_line is not None and w.chosen_line not in out:
        out.insert(0, w.chosen_line)
    return out


def _signpost(line: Line) -> bool:
    words = re.findall(r"[^\W_]+", _URL.sub(" ", line.text))
    return bool(_SIGNPOST.match(line.text.strip())) or (len(words) < 3 and bool(_URL.search(line.text)))


# ---- the essentials -------------------------------------------------------------------


def _decision(rt: RecordText, w: options.Weighing) -> Item:
    d = rt.decision
    if d.kind is Kind.INLINE:
        own = [l for l in rt.lines if l.number == d.line]
        return Item(DECISION, FOUND, "the decision line states it", _q(*own))
    if rt.unfilled:
        return Item(DECISION, ABSENT, "the record is still its template")
    stated = _decisionish(rt, w)
    real = [l for l in stated if not _signpost(l)]
    if real:
        return Item(DECISION, FOUND, f"stated under \"{_where(real[0])}\"", _q(real[0]))
    if stated:
        return Item(DECISION, THIN, "the Decision section only points elsewhere", _q(stated[0]))
    said = [l for l in rt.outside(_M.CONTEXT) if cues.first(cues.DECIDED, l.folded)]
    if said:
        return Item(DECISION, FOUND, "stated in the text", _q(said[0]))
    if rt.lines and len(d.title.split()) >= 2:
        return Item(DECISION, THIN, "only the title states the decision")
    return Item(DECISION, ABSENT, "no line states what was decided")


def _alternatives(rt: RecordText, w: options.Weighing) -> Item:
    others = [o for o in w.others if not o.do_nothing]
    strong: list[tuple[str, Line]] = []
    weak: list[tuple[str, Line]] = []
    own_lines = {id(l) for o in w.options for l in (o.line, *o.pros, *o.cons, *o.notes, *o.why) if l is not None}
    chosen_words = w.chosen.words if w.chosen is not None else set()
    for o in (others if w.chosen is not None else w.options):
        for line in [*o.cons, *o.why, *(l for l in o.notes if cues.downside(cues.AGAINST, l.folded))]:
            substance = len(re.findall(r"[^\W_]+", options._LABEL.sub("", line.text)))
            (strong if substance >= 3 else weak).append((o.name, line))
        own = o.words - chosen_words
        for line in rt.outside(_M.CONTEXT):
            if id(line) in own_lines or not own or len(own & options.distinctive_words(line.text)) < min(2, len(own)):
                continue
            if _content_after(cues.AGAINST + cues.REASON + cues.ALTERNATIVE, line):
                strong.append((o.name, line))
    if w.chosen is None and strong:
        named = {name for name, _ in strong}
        if len(named) < 2 and not (w.options and len(w.options) == 1):
            weak, strong = strong + weak, []
    for o in w.options:
        if o.do_nothing and (o.cons or o.why):
            weak.append((o.name, (o.cons or o.why)[0]))
    for line in w.prose + [l for l in rt.outside(_M.CONTEXT) if id(l) not in own_lines and l not in w.prose]:
        if line in w.prose or cues.first(cues.ALTERNATIVE, line.folded):
            reasoned = _content_after(cues.COST + cues.REASON, line) and (line in w.prose or cues.first(cues.ALTERNATIVE, line.folded))
            (strong if reasoned else weak).append(("", line))
    if strong:
        name, line = strong[0]
        what = f"\"{name}\" lost: " if name else ""
        return Item(ALTERNATIVES, FOUND, f"{what}a reason against it is given", _q(*(l for _, l in strong)))
    if weak:
        name, line = weak[0]
        return Item(ALTERNATIVES, THIN, "an alternative is dismissed only briefly" if name else
                    "an alternative is named in passing, without why it lost", _q(*(l for _, l in weak)))
    quo = _status_quo(rt)
    if quo is not None and not others:
        return Item(ALTERNATIVES, THIN, "only the way things are now is weighed: the context says what is wrong with it",
                    _q(quo))
    if others:
        names = ", ".join(o.name for o in others[:3])
        said = [l for l in _decisionish(rt, w) if any(c in l.folded for c in _COMPARES)]
        if said:
            return Item(ALTERNATIVES, THIN, f"options are listed ({names}); only the reason for the choice compares them",
                        _q(said[0], *(o.line for o in others if o.line)))
        return Item(ALTERNATIVES, ABSENT, f"options are listed ({names}) but not why they lost",
                    _q(*(o.line for o in others if o.line)))
    return Item(ALTERNATIVES, ABSENT, "no alternative is named" if not w.options else "only doing nothing is named")


def _status_quo(rt: RecordText) -> Line | None:
    """A line that says what is wrong with the way things are now (the status quo, weighed and rejected)."""
    lines = [l for l in rt.lines if l.within(_M.CONTEXT) or not l.meanings]
    for n, line in enumerate(lines):
        if cues.first(cues.STATUS_QUO, line.folded):
            near = [line] + lines[n + 1:n + 2]
            if any(cues.first(cues.PROBLEM + cues.COST, l.folded) for l in near):
                return line
    # A decision that stops or replaces a practice, after a context that says what is wrong with it.
    changes = any(cues.first(cues.CHANGE, l.folded) for l in rt.lines if l.within(_M.DECISION) or not l.meanings)
    if changes or cues.first(cues.CHANGE, _M.normalize_words(rt.decision.title)):
        return next((l for l in lines if cues.first(cues.PROBLEM + cues.COST, l.folded)), None)
    return None


def _reason(rt: RecordText, w: options.Weighing) -> Item:
    strong, weak = [], []
    # A record with no Decision section: its prose outside the context states the choice.
    stated = _decisionish(rt, w) or [l for l in rt.lines if not l.meanings]
    for line in stated + [l for l in rt.lines if l.innermost == _M.RATIONALE and l not in stated]:
        if _content_after(cues.REASON, line):
            strong.append(line)
        elif cues.first(cues.FORMULAIC, line.folded):
            weak.append(line)
        elif line.innermost == _M.RATIONALE and len(line.text.split()) >= 5 and not _signpost(line):
            strong.append(line)
    if w.chosen is not None:
        strong += [l for l in w.chosen.pros if _content_after(cues.REASON + ("",), l)]
    for line in rt.where(_M.CONSEQUENCES):
        if options.side(line) == "for" or (_POSITIVE_HEADING.search(_M.normalize(line.headings[0])) and line.item):
            if _content_after(("", ), line) and not _only_crowd(line):
                strong.append(line)
    if not strong:
        decided_words = set().union(*(options.distinctive_words(l.text) for l in stated)) if stated else set()
        decided_words |= options.distinctive_words(rt.decision.title)
        for line in rt.lines:
            if line.within(_M.CONTEXT) and _content_after(cues.REASON, line):
                # A reason in the context that speaks of what was chosen is the record's reason for it.
                (strong if decided_words & options.distinctive_words(line.text) else weak).append(line)
        words = sum(len(l.text.split()) for l in stated)
        if words >= 20 and not weak:
            weak.append(stated[0])
    if strong:
        return Item(REASON, FOUND, f"given under \"{_where(strong[0])}\"", _q(*strong))
    if weak:
        why = ("the reason is formulaic" if cues.first(cues.FORMULAIC, weak[0].folded) else
               "a reason appears only in the context" if weak[0].within(_M.CONTEXT) else
               "the decision is explained, but no reason is spelled out")
        return Item(REASON, THIN, why, _q(*weak))
    crowd = [l for l in stated if cues.first(cues.CROWD, l.folded)]
    if crowd:
        return Item(REASON, ABSENT, "the only reason given is what others do", _q(crowd[0]))
    return Item(REASON, ABSENT, "no reason of the record's own for the choice")


def _only_crowd(line: Line) -> bool:
    return bool(cues.first(cues.CROWD, line.folded)) and not _content_after(cues.REASON, line)


def _cost(rt: RecordText, w: options.Weighing) -> Item:
    best, strong, weak = [], [], []  # best: said as a downside (Bad items, Negative/Risks); strong: by a cue
    others = {id(l) for o in w.options if o is not w.chosen for l in (o.line, *o.pros, *o.cons, *o.notes, *o.why) if l}
    if w.chosen is not None:
        best += [l for l in w.chosen.cons if not cues.first(cues.ABSOLUTE, l.folded)]
        weak += [l for l in w.chosen.notes if cues.downside(cues.COST + cues.OBLIGATION, l.folded)]
    elif w.options:
        weak += [l for o in w.options for l in o.cons]
    sectioned = any(l.meanings for l in rt.lines)
    for line in rt.lines:
        if id(line) in others or line in best or line in weak or cues.first(cues.ABSOLUTE, line.folded):
            continue
        if any(x in _M.normalize(h) for h in line.headings for x in _NOT_COST_SECTIONS):
            continue
        if line.within(_M.CONTEXT) and not line.within(_M.DECISION, _M.CONSEQUENCES, _M.NEGATIVE, _M.RATIONALE):
            continue
        side = options.side(line)
        if side == "for" or (line.within(_M.CONSEQUENCES) and _POSITIVE_HEADING.search(_M.normalize(line.headings[0]))):
            continue
        if line.innermost == _M.NEGATIVE or side == "against":
            best.append(line)
        elif cues.downside(cues.COST, line.folded):
            central = line.within(_M.DECISION, _M.CONSEQUENCES, _M.RATIONALE) or (not sectioned and not line.within(_M.OPTIONS))
            (strong if central and side != "neutral" else weak).append(line)
        elif cues.downside(cues.OBLIGATION, line.folded) and not line.within(_M.OPTIONS):
            weak.append(line)
    if best or strong:
        first = (best or strong)[0]
        return Item(COST, FOUND, f"a downside is named under \"{_where(first)}\"", _q(*(best + strong)))
    if weak:
        return Item(COST, THIN, "a downside appears only in passing, or as an obligation", _q(*weak))
    denied = [l for l in rt.lines if cues.first(cues.ABSOLUTE, l.folded)]
    return Item(COST, ABSENT, "no downside, trade-off or risk of the choice is named", _q(*denied[:1]))


# ---- the supports ---------------------------------------------------------------------


def _field_quote(rt: RecordText, name: str) -> tuple[Quote, ...]:
    n = rt.decision.field_lines.get(name)
    raw = rt.raw_lines
    if n and 0 < n <= len(raw) and raw[n - 1].strip():  # without the file, metadata lines are not known
        return (Quote(n, raw[n - 1].rstrip("\r\n")),)
    return ()


def _evidence(rt: RecordText) -> Item:
    d = rt.decision
    if d.references:
        return Item(EVIDENCE, FOUND, f"references: {', '.join(d.references[:3])}", _field_quote(rt, "references"))
    for line in rt.lines:
        if line.within(_M.EVIDENCE) or _URL.search(line.raw) or cues.first(cues.EVIDENCE, line.folded):
            return Item(EVIDENCE, FOUND, "a reference, link or measurement", _q(line))
    return Item(EVIDENCE, ABSENT, "no reference, data or experiment")


def _makers(rt: RecordText, history) -> Item:
    d = rt.decision
    reviewers = list(getattr(history, "reviewers", None) or []) if history is not None else []
    if reviewers:
        return Item(DECISION_MAKERS, FOUND, f"reviewed by {', '.join(reviewers[:3])} (Reviewed-by in git)")
    makers = [m for m in d.decision_makers if _M.has_content(m)]
    author = getattr(history, "created_by", None) if history is not None else None
    quote = _field_quote(rt, "decision-makers")
    if makers and (author is None or any(not _same_person(m, author) for m in makers)):
        return Item(DECISION_MAKERS, FOUND, f"decision-makers: {', '.join(makers[:3])}", quote)
    if makers:
        return Item(DECISION_MAKERS, THIN, f"the only decision-maker named is the author ({author})", quote)
    return Item(DECISION_MAKERS, ABSENT, "no decision-makers named and no Reviewed-by trailer")


def _same_person(name: str, author: str) -> bool:
    a, b = name.strip().lower(), author.strip().lower()
    return a == b or a.split("<")[0].strip() == b or a.split("@")[0] == b.split("@")[0]


def _plan(rt: RecordText) -> Item:
    d = rt.decision
    if d.revisit:
        return Item(PLAN, FOUND, f"revisit: {d.revisit}", _field_quote(rt, "revisit") or
                    _q(*(l for l in rt.lines if d.revisit in l.raw)))
    planned = [l for l in rt.lines if l.within(_M.CONFIRMATION)] or [
        l for l in rt.lines if not l.within(_M.OPTIONS, _M.CONTEXT) and cues.first(cues.PLAN, l.folded)]
    if planned:
        return Item(PLAN, FOUND, "a confirmation or revisit plan", _q(planned[0]))
    return Item(PLAN, ABSENT, "no confirmation or revisit plan")


def _wording(rt: RecordText) -> tuple[Item, ...]:
    """Remarks: crowd and absolute wording, and an arbitrary pick owned up to (why a guess is acceptable,
    what undoing it would cost), each with the line it is on."""
    out = []
    for name, phrases in (("crowd-wording", cues.CROWD), ("absolute-wording", cues.ABSOLUTE),
                          ("arbitrary-acceptable", cues.ARBITRARY_OK), ("undo-cost", cues.UNDO_COST)):
        for line in rt.lines:
            hit = cues.first(phrases, line.folded)
            if hit:
                out.append(Item(name, FOUND, hit.strip(), _q(line)))
                break
    return tuple(out)


def _where(line: Line) -> str:
    return line.headings[0] if line.headings and line.headings[0] else "the text"
