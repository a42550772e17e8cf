"""The offline reasoning card: each essential looked for anywhere in the record, by signals.

Each essential gathers *signals*, each a line of the record and a few words
on what it shows.  A strong signal makes the essential *found*; without one,
a weak signal makes it *thin*; with neither it is *absent* only when the
record shows the absence (`absence`: no section of that meaning holding text
the card could not read, no section it cannot place, a record too short to
hold it); otherwise *thin*, naming where the card looked.  Only *absent* is an
error on a one-way door, so an error rests on the absence of every signal and
on evidence of absence, and the card names the line of the strongest signal
(the policy is adrtool/review/POLICY.md).  Cues are read in their sentence
(`sentences`): a wrapped line is no boundary.

Where a sentence sits matters.  The *context* is the Context/Problem
section, the drivers and requirements, and, in a record that has a Decision
section, the text above its first section (MADR 2 writes its problem
statement under the title): it says why something must be decided, not
what the choice costs.

- decision: *found* when a sentence states it (a Decision section, "Chosen
  option: ...", "What: ...", "we will ..."; an inline decision is its own
  line); *thin* when the Decision section only points elsewhere ("See RFC
  12") or only the title states it; *absent* otherwise.
- alternatives: *found* when an option other than the chosen one (and other
  than doing nothing) has a reason against it of three words or more (a
  Bad/Con item, its own explanation, a Cons cell), or a sentence names it
  with a reason ("a format of our own would need converters"), or a sentence
  rejects an alternative with a reason ("instead of X, because ...",
  "this removes X from consideration, given ...").  *thin*: a shorter
  dismissal, a "do nothing" with a reason, an alternative named without a
  reason, options listed while the reason compares or losing only by the
  reason the pick is given (an implied rejection), a hypothetical outside the
  context ("it would be very hard to keep them alike"), an alternative the
  context explicitly sets aside ("we do not want to ..."), and the status quo
  weighed: the context says how things are now and what is wrong with it (in
  one paragraph, or the state in one and its failures in another), or the
  decision replaces a practice the context finds fault with.  *absent* only
  when sure (`absence`): options only named, nowhere said more of, or none
  listed in a record under 100 words that names no other way (no comparison,
  no table of rows, no pros and cons under two headings); otherwise thin.
- reason: *found* for a reason cue with words after it in the Decision or
  Rationale, the items of a lead-in that gives reasons ("Chosen option: X,
  because" above a list; "Reasons behind this move were:"), a Good item of
  the chosen option or of the consequences, a Rationale sentence of its own,
  or a reason in the context that speaks of what was chosen.  *thin*: a
  formulaic reason ("the best fit"), a reason only in the context, the
  problem the context states (what is wrong now is a reason to act), a long
  Decision with no cue, a context of substance (a motive), a record of 100
  words or more.  *absent* otherwise (a record too short to hold a reason),
  and when the only reason is crowd wording ("industry standard").
- cost: *found* for a Bad/Con item of the chosen option or of the
  consequences (its own label, or the "Cons:" lead-in above it), a line under
  a Negative/Risks heading, or a cost word said outright ("drawback",
  "risk", "harder", "we lose") where the choice's effects are told
  (Consequences, or Decision and Rationale unless the sentence describes
  how things are now or what another way would be like).  *thin* for a
  contrast or a limit in passing ("but", "however", "cannot"), an obligation
  in the consequences ("we will have to tag releases"), a cost word
  elsewhere outside the context, a Neutral item, or Bad items of options when
  the chosen one cannot be told, Consequences text read as neither a benefit
  nor a downside.  *absent* otherwise; "no downside" (or a Negative section
  that says "None") is not a cost, and a cost word that is eased ("reduces
  the overhead", "keeps costs to a minimum") is a benefit.

Lines are only what the author wrote (`record_text`): template text never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adrtool.model import Kind, Status
from adrtool.reasoning import absence, cues, labelled_sections, meaning, options, record_text, sentences, supports
from adrtool.reasoning.card import ABSENT, ALTERNATIVES, COST, DECISION, FOUND, REASON, THIN, Card, Item
from adrtool.reasoning.quadrant import judged_quadrant, label
from adrtool.reasoning.record_text import Line, RecordText
from adrtool.reasoning.sentences import Sentence, Unit

CLOSED = (Status.SUPERSEDED, Status.DEPRECATED, Status.REJECTED)
_M = meaning
_q = supports.quotes
_LABELLED_DECISION = re.compile(r"^\W*(?:what|decision|entscheid(?:ung)?|decisao|decision|decisione|решение|决策)\W*:",
                                re.IGNORECASE)
_COMPARES = ("only ", " than ", "unlike", "whereas", "compared", " over ", "better", "faster", "simpler", "cheaper")
_WEAK_WORDS = frozenset("it is the a an this that be are was to of and or we our its their they".split())
_POSITIVE_HEADING = absence.POSITIVE_HEADING
_NOT_COST_SECTIONS = ("driver", "treiber", "requirement", "anforderung", "goal", "constraint", "force")
_REASON_LEAD = re.compile(r"\b(?:because|reasons?|why|rationale|motivation|weil|grunde|raisons?|razones|razoes|motivos|"
                          r"ragioni|причины|原因|理由)\b", re.IGNORECASE)
_ANY = ("",)  # any words at all
_REASON_OR_ANY = cues.REASON + _ANY
_FUTURE = cues._fold((" will ", "'ll ", " would ", " must ", "have to", "has to", "need to", "needs to", "going to",
                      " shall ", "from now", "werden", "devra", "tendr", "terao", "teremos", "dovr", "будет", "将"))


@dataclass
class _Signals:
    """What was seen for one essential: strong signals make it found, weak ones thin."""

    strong: list[tuple[str, tuple[Line, ...]]] = field(default_factory=list)
    weak: list[tuple[str, tuple[Line, ...]]] = field(default_factory=list)

    def add(self, strong: bool, summary: str, *lines: Line) -> None:
        (self.strong if strong else self.weak).append((summary, lines))

    def item(self, name: str) -> Item | None:
        for state, found in ((FOUND, self.strong), (THIN, self.weak)):
            if found:
                return Item(name, state, found[0][0], _q(*(l for _, lines in found for l in lines)))
        return None


@dataclass
class _Read:
    """The record as the essentials read it: its lines, units, sentences and options."""

    rt: RecordText
    units: list[Unit]
    all: list[Sentence]
    w: options.Weighing
    context_ids: set[int]  # ids of sentences in the context
    stated: list[Sentence]  # the sentences that state the choice

    def in_context(self, s: Sentence) -> bool:
        return id(s) in self.context_ids


def read_card(decision, repo=None, history=None) -> Card:
    """The offline card of `decision`; `history` (its `adrtool.history.History`) names the author, if known."""
    rt = record_text.read(decision, repo)
    labelled_sections.apply(rt)  # "Context: ..." paragraphs read as the sections they name
    r = _read(rt)
    choice, door, basis = judged_quadrant(decision)
    reason = _reason(r)
    items = (_decision(r), _alternatives(r, reason), reason, _cost(r),
             supports.evidence(rt), supports.makers(rt, history), supports.plan(rt))
    return Card(decision.id, decision.path, label(choice, door), basis, unfilled=rt.unfilled,
                closed=decision.status in CLOSED, items=items, remarks=supports.wording(rt), title=decision.title)


def _read(rt: RecordText) -> _Read:
    units = sentences.cut(rt)
    w = options.weigh(rt, units)
    all_sentences = sentences.sentences(units)
    has_decision = any(l.within(_M.DECISION) for l in rt.lines)
    context = {id(s) for s in all_sentences if _is_context(s, has_decision)}
    r = _Read(rt, units, all_sentences, w, context, [])
    r.stated = _decisionish(r)
    return r


def _is_context(s: Sentence, has_decision: bool) -> bool:
    line = s.unit.line
    if any(x in _M.normalize(h) for h in line.headings for x in _NOT_COST_SECTIONS):
        return True
    if line.within(_M.CONTEXT) and not line.within(_M.DECISION, _M.CONSEQUENCES, _M.NEGATIVE, _M.RATIONALE):
        return True
    return has_decision and not line.meanings and all(not h for h in line.headings)


def _content_after(cue_list: tuple[str, ...], folded: str) -> str | None:
    """The first cue of `cue_list` with words of substance after it in the sentence (not "because ." left by a
    placeholder, nor a dangling "because" whose reasons are the list below)."""
    for cue in cue_list:
        at = folded.find(cue)
        if at < 0:
            continue
        rest = folded[at + len(cue):]
        for phrase in cues.NOT_A_REASON:
            if phrase in rest:
                rest = rest.replace(phrase, " ")
        if any(w not in _WEAK_WORDS for w in re.findall(r"[^\W_]{3,}", rest)) or re.search(r"[^\x00-\u2fff]", rest):
            return cue
    return None


def _decisionish(r: _Read) -> list[Sentence]:
    """The sentences that state the choice: the Decision section's own, the choice line's, "What:", the inline line."""
    d = r.rt.decision
    chosen = r.w.chosen_line
    out = [s for s in r.all if s.innermost == _M.DECISION or _LABELLED_DECISION.match(s.text)
           or (d.kind is Kind.INLINE and d.line in (l.number for l in s.lines))]
    if chosen is not None:
        mine = [s for s in r.all if chosen in s.lines and s not in out]
        out = mine + out
    return out


_signpost = absence.signpost


_where = absence.where


# ---- decision ---------------------------------------------------------------------------


def _decision(r: _Read) -> Item:
    rt, d = r.rt, r.rt.decision
    if d.kind is Kind.INLINE:
        own = [l for l in rt.lines if l.number == d.line]
        return Item(DECISION, FOUND, "the decision line states it", _q(*own))
    if rt.unfilled:
        return Item(DECISION, ABSENT, "the record is still its template")
    real = [s for s in r.stated if not _signpost(s)]
    if real:
        return Item(DECISION, FOUND, f"stated under \"{_where(real[0])}\"", _q(real[0].line))
    if r.stated:
        return Item(DECISION, THIN, "the Decision section only points elsewhere", _q(r.stated[0].line))
    said = [s for s in r.all if not s.within(_M.CONTEXT) and cues.first(cues.DECIDED, s.folded)]
    if said:
        return Item(DECISION, FOUND, "stated in the text", _q(said[0].line_of(cues.first(cues.DECIDED, said[0].folded))))
    if rt.lines and len(d.title.split()) >= 2:
        return Item(DECISION, THIN, "only the title states the decision")
    return Item(DECISION, ABSENT, "no line states what was decided")


# ---- alternatives -----------------------------------------------------------------------


def _alternatives(r: _Read, reason: Item) -> Item:
    w, sig = r.w, _Signals()
    others = [o for o in w.others if not o.do_nothing]
    own_units = {id(u) for o in w.options for u in (*o.pros, *o.cons, *o.notes, *o.why)}
    option_lines = {o.line.number for o in w.options if o.line is not None}
    chosen_words = w.chosen.words if w.chosen is not None else set()
    named_with_reason: set[str] = set()
    # With a choice named that matches no option ("Chosen option: the one-line form"), an option that shares no
    # word with that name is not the chosen one: a reason against it is a reason it lost.
    not_chosen = {o.name for o in w.options if w.chosen is None and w.chosen_name
                  and not o.words & options.distinctive_words(w.chosen_name)}
    for o in (others if w.chosen is not None else w.options):
        for u in [*o.cons, *o.why, *(n for n in o.notes if cues.downside(cues.AGAINST, n.folded))]:
            substance = len(re.findall(r"[^\W_]+", options._LABEL.sub("", u.text)))
            sig.add(substance >= 3, f"\"{o.name}\" lost: a reason against it is given" if substance >= 3 else
                    "an alternative is dismissed only briefly", u.line)
            named_with_reason.add(o.name)
        own = o.words - chosen_words
        if not own:
            continue
        for s in r.all:
            if id(s.unit) in own_units or s.line.number in option_lines:
                continue
            if not any(word in s.folded for word in own) or len(own & _words(s)) < min(2, len(own)):
                continue
            if r.in_context(s):
                # In the context a named option with a problem may be the way things are now: a rejection
                # only when the sentence says it was set aside.
                if cues.first(cues.REJECTION, s.folded) and _content_after(cues.AGAINST_OR_REASON, s.folded):
                    sig.add(True, f"\"{o.name}\" lost: a reason against it is given", s.line)
                    named_with_reason.add(o.name)
                elif cues.downside(cues.AGAINST, s.folded):
                    sig.add(False, f"\"{o.name}\" is named with a problem, in the context", s.line)
            elif _content_after(cues.AGAINST_REASON_OR_REJECTION, s.folded) or (
                    s.within(_M.DECISION, _M.RATIONALE) and len(s.text.split()) >= 5):
                # Beside the choice, a sentence on another option says why it lost, cue words or none
                # ("An HTML comment is invisible to readers of the rendered document").
                sig.add(True, f"\"{o.name}\" lost: a reason against it is given", s.line)
                named_with_reason.add(o.name)
    if w.chosen is None and sig.strong and len(named_with_reason) < 2 and not len(w.options) == 1 \
            and not named_with_reason & not_chosen:
        # Which option was chosen is unclear, so one option with a reason against it may be the chosen one.
        sig.weak[:0] = [("a reason is given against one option, but which one was chosen is unclear", lines)
                        for _, lines in sig.strong]
        sig.strong = []
    for o in w.options:
        if o.do_nothing and (o.cons or o.why):
            sig.add(False, "only doing nothing is weighed", (o.cons or o.why)[0].line)
    for s in r.all:
        if id(s.unit) in own_units:
            continue
        prose = s.unit in w.prose
        rejected = cues.first(cues.REJECTION, s.folded)
        mentioned = rejected or cues.first(cues.MENTION, s.folded)
        if mentioned or prose:
            reasoned = _content_after(cues.COST_CONTRAST_OR_REASON, s.folded)
            if r.in_context(s):
                # The context speaks of "alternative implementations" people may want: a mention is no weighing.
                # What it sets aside ("we do not want to ...", "rather than ...") is weighed, in passing.
                if rejected:
                    sig.add(False, "an alternative is set aside in the context", s.line_of(rejected))
            else:
                sig.add(bool(reasoned), "an alternative is rejected in the text" if reasoned else
                        "an alternative is named in passing, without why it lost", s.line_of(mentioned or ""))
        elif not r.in_context(s) and cues.first(cues.HYPOTHETICAL, s.folded):
            sig.add(False, "another way is weighed only in passing, as what it would be like",
                    s.line_of(cues.first(cues.HYPOTHETICAL, s.folded)))
    quo = _status_quo(r)
    if quo is not None:
        sig.add(False, "only the way things are now is weighed: the context says what is wrong with it", quo)
    if others:
        names = ", ".join(o.name for o in others[:3])
        said = [s for s in r.stated if any(c in s.folded for c in _COMPARES)]
        if said:
            sig.add(False, f"options are listed ({names}); only the reason for the choice compares them",
                    said[0].line, *(o.line for o in others if o.line))
        elif reason.state == FOUND and reason.quotes:
            # An implied rejection: the listed options lose only by the reason the pick is given (a property
            # they lack, read off the choice's reason), which is a weighing in passing, not none.
            sig.add(False, f"options are listed ({names}); they lose only by the reason given for the choice",
                    *(o.line for o in others if o.line))
    found = sig.item(ALTERNATIVES)
    if found is not None:
        return found
    unsure = absence.not_shown(r, ALTERNATIVES)
    if unsure is not None:
        return unsure
    listed = absence.alternatives_listed(r)
    if listed:
        names = ", ".join(o.name for o in listed[:3])
        return Item(ALTERNATIVES, ABSENT, f"options are listed ({names}) but only named: nothing is said of why "
                    "they lost, there or elsewhere", _q(*(o.line for o in listed if o.line)))
    # Sure only because the record is short (`absence.LONG_RECORD_WORDS`): too short to weigh one unseen.
    size = sum(absence.words(line.text) for line in r.rt.lines)
    what = "only doing nothing is named" if any(o.do_nothing for o in w.options) else "no alternative is named"
    return Item(ALTERNATIVES, ABSENT, f"{what}, in a record of {size} words of its own")


def _words(s: Sentence) -> set[str]:
    cached = s.__dict__.get("_words")
    if cached is None:
        cached = s.__dict__["_words"] = options.distinctive_words(s.text)
    return cached


def _status_quo(r: _Read) -> Line | None:
    """A line that says what is wrong with the way things are now (the status quo, weighed and rejected), in the
    context (or an unsectioned record): best a paragraph that says both how things are and what is wrong."""
    setting = [u for u in r.units if all(r.in_context(s) for s in u.sentences) or not u.line.meanings]
    for u in setting:
        now = cues.first(cues.STATUS_QUO, u.folded)
        lead = u.intro.folded if u.intro is not None else ""
        if (now or cues.first(cues.STATUS_QUO, lead)) and cues.first(cues.PROBLEM_OR_COST, u.folded):
            return next((s.line_of(now) for s in u.sentences if now and now in s.folded), u.line)
    # A context that tells how things are in one paragraph and their failures in another ("YAML is the status
    # quo whose failures are explained"), or a decision that stops or replaces a practice the context faults.
    told_now = any(cues.first(cues.STATUS_QUO, u.folded) for u in setting)
    changes = told_now or any(cues.first(cues.CHANGE, s.folded) for s in r.stated) or cues.first(
        cues.CHANGE, _M.normalize_words(r.rt.decision.title))
    if changes:
        return next((s.line for u in setting for s in u.sentences if cues.first(cues.PROBLEM_OR_COST, s.folded)),
                    None)
    return None


# ---- reason -----------------------------------------------------------------------------


def _reason(r: _Read) -> Item:
    w, sig = r.w, _Signals()
    stated = r.stated or [s for s in r.all if not s.meanings and not r.in_context(s)]
    rationale = [s for s in r.all if s.innermost == _M.RATIONALE and s not in stated]
    for s in stated + rationale:
        if _content_after(cues.REASON, s.folded) and not _only_crowd(s):
            sig.add(True, f"given under \"{_where(s)}\"", s.line_of(_content_after(cues.REASON, s.folded)))
        elif cues.first(cues.FORMULAIC, s.folded):
            sig.add(False, "the reason is formulaic", s.line)
        elif s.innermost == _M.RATIONALE and len(s.text.split()) >= 5 and not _signpost(s):
            sig.add(True, f"given under \"{_where(s)}\"", s.line)
    # The items under a lead-in that gives reasons: "Chosen option: X, because" over a list, "Reasons behind
    # this move were:" (wherever it stands: a record's reasons are its reasons, in the context too).
    for u in r.units:
        if _gives_reasons(u) and len(u.text.split()) >= 3:
            if not _only_crowd(u.sentences[0]):
                sig.add(True, f"given under \"{_where(u.line)}\"", u.line)
    if w.chosen is not None:
        for u in w.chosen.pros:
            if _content_after(_REASON_OR_ANY, u.folded) is not None:
                sig.add(True, f"a Good item of the chosen option (\"{w.chosen.name}\")", u.line)
    for s in r.all:
        if s.within(_M.CONSEQUENCES) and (options.side(s.unit) == "for" or (
                s.unit.item and _POSITIVE_HEADING.search(_M.normalize(s.headings[0])))):
            if _content_after(_ANY, s.folded) is not None and not _only_crowd(s) and not _only_label(s.unit):
                sig.add(True, f"a benefit under \"{_where(s)}\"", s.line)
    if not sig.strong:
        decided = set().union(*(_words(s) for s in stated)) if stated else set()
        decided |= options.distinctive_words(r.rt.decision.title)
        for s in r.all:
            if r.in_context(s) and _content_after(cues.REASON, s.folded):
                # A reason in the context that speaks of what was chosen is the record's reason for it.
                if decided & _words(s):
                    sig.add(True, f"given under \"{_where(s)}\"", s.line_of(_content_after(cues.REASON, s.folded)))
                else:
                    sig.add(False, "a reason appears only in the context", s.line)
        problem = next((s for s in r.all if r.in_context(s) and cues.first(cues.PROBLEM, s.folded)), None)
        if problem is not None:
            sig.add(False, "the reason is the problem the context states", problem.line)
        if sum(len(s.text.split()) for s in stated) >= 20:
            sig.add(False, "the decision is explained, but no reason is spelled out", stated[0].line)
    found = sig.item(REASON)
    if found is not None:
        return found
    unsure = absence.not_shown(r, REASON)
    if unsure is not None:
        return unsure
    crowd = [s for s in stated if cues.first(cues.CROWD, s.folded)]
    if crowd:
        return Item(REASON, ABSENT, "the only reason given is what others do", _q(crowd[0].line))
    return Item(REASON, ABSENT, "no reason of the record's own for the choice")


def _gives_reasons(u: Unit) -> bool:
    """A list item under a lead-in that announces reasons ("Chosen option: X, because", "Reasons behind this
    move were:")."""
    return u.intro is not None and u.intro.lead_in and bool(_REASON_LEAD.search(u.intro.text))


def _only_label(u: Unit) -> bool:
    return not re.search(r"[^\W_]", options._LABEL.sub("", u.text))


def _only_crowd(s: Sentence) -> bool:
    return bool(cues.first(cues.CROWD, s.folded)) and not _content_after(cues.REASON, s.folded)


# ---- cost -------------------------------------------------------------------------------


def _cost_word(s: Sentence | Unit) -> str | None:
    """A cost word said outright and not eased away ("reduces the overhead", "overhead to a minimum")."""
    hit = cues.downside(cues.COST, s.folded)
    if hit is None:
        return None
    after = s.folded[s.folded.find(hit) + len(hit):][:40]
    return None if any(e in after for e in cues.EASED_AFTER) else hit


def _describes_now(s: Sentence) -> bool:
    """The sentence tells how things are now ("kumactl right now offers ..., but it needs the CP"), not what the
    choice will bring."""
    return bool(cues.first(cues.STATUS_QUO, s.folded)) and not cues.first(_FUTURE, s.folded)


def _cost(r: _Read) -> Item:
    w, sig = r.w, _Signals()
    # A "subsection" of the options that is a Decision section ("## Decisão tomada" under a misplaced "# Alternativas
    # consideradas") holds the record's own consequences, not another option's.
    rivals = [o for o in w.options if o is not w.chosen and _M.meaning_of(o.name) != _M.DECISION]
    others = {id(u) for o in rivals for u in (*o.pros, *o.cons, *o.notes, *o.why)}
    other_lines = {o.line.number for o in rivals if o.line is not None}
    if w.chosen is not None:
        for u in w.chosen.cons:
            if not cues.first(cues.ABSOLUTE, u.folded):
                sig.add(True, f"a Bad item of the chosen option (\"{w.chosen.name}\")", u.line)
        for u in w.chosen.notes:
            if cues.downside(cues.COST_OR_OBLIGATION, u.folded):
                sig.add(False, "a downside appears only in passing, or as an obligation", u.line)
    elif w.options:
        for o in w.options:
            for u in o.cons:
                sig.add(False, "Bad items are given, but which option was chosen is unclear", u.line)
    chosen_units = {id(u) for u in ((*w.chosen.pros, *w.chosen.cons, *w.chosen.notes) if w.chosen else ())}
    sectioned = any(l.meanings for l in r.rt.lines)
    for s in r.all:
        if id(s.unit) in others or id(s.unit) in chosen_units or s.line.number in other_lines:
            continue
        if r.in_context(s) or cues.first(cues.ABSOLUTE, s.folded) or _gives_reasons(s.unit):
            continue  # a reason for the choice ("because: - titles can be duplicated") is not a cost of it
        side = options.side(s.unit)
        if side == "for" or (s.within(_M.CONSEQUENCES) and _POSITIVE_HEADING.search(_M.normalize(s.headings[0]))):
            continue
        if s.innermost == _M.NEGATIVE or side == "against":
            # "Contras:" over a list is a heading for the downsides below it; "None." says there is none.
            if not _only_label(s.unit) and not absence.says_none(s.unit.line):
                sig.add(True, f"a downside is named under \"{_where(s)}\"", s.line)
            continue
        told = s.within(_M.CONSEQUENCES) or (not sectioned and not s.within(_M.OPTIONS))
        stated = s.within(_M.DECISION, _M.RATIONALE)
        word = _cost_word(s)
        if word:
            if told or (stated and not _describes_now(s) and not cues.first(cues.HYPOTHETICAL, s.folded)):
                sig.add(side != "neutral", f"a downside is named under \"{_where(s)}\"", s.line_of(word))
            else:
                sig.add(False, "a downside appears only in passing", s.line_of(word))
        else:
            # A turn, a limit or an obligation anywhere outside the context is a cost in passing: thin, so that
            # an error is only raised when the record says nothing of the kind.
            hint = cues.downside(cues.HINT, s.folded)
            if hint:
                sig.add(False, "a downside appears only in passing, or as an obligation", s.line_of(hint))
    found = sig.item(COST)
    if found is not None:
        return found
    unsure = absence.not_shown(r, COST)
    if unsure is not None:
        return unsure
    none = absence.negative_says_none(r)
    if none is not None:
        return Item(COST, ABSENT, f"the \"{_where(none)}\" section says there is none", _q(none))
    denied = [l for l in r.rt.lines if cues.first(cues.ABSOLUTE, l.folded)]
    return Item(COST, ABSENT, "no downside, trade-off or risk of the choice is named", _q(*denied[:1]))
