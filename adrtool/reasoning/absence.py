"""Evidence of absence: when the card may call an essential *absent*, and not only *not found*.

The essentials (`essentials`) gather signals from cue words, and cue words
only see the wordings they know.  So "no signal" is an absence of evidence;
an *absent* essential is an error, a claim that nothing in the record does the
job.  Cues fit the collections they were read on and miss the wording of the
next one (another language, another team's turn of phrase), so an error on
"no cue" alone is wrong wherever the record does write the essential, in words
the card does not know.  The author reading the card would not agree.

So when no signal is found, an essential is *absent* only when the record
shows it is: the section whose heading means that essential is missing, empty,
template text or a sign-post, and the record is too short elsewhere to hold it
in prose.  When such a section holds substantive text the card could not read
(no cue of a benefit or of a downside, of a reason or of a rejection), the
essential is *thin*: a warning that says where the card looked and what it
could not find there, so the author reads that line again.  What each
essential accepts as evidence of absence:

- cost: no Consequences text of the choice that the card could not read (every
  consequence sentence is a benefit, a neutral item, a sign-post, or there is
  none), and, in a record with no Consequences at all, no Decision argued at
  length.  A Negative, Risks or Trade-offs section that only says "none" is
  evidence of absence in the author's words.
- alternatives: the essential is the one most often weighed in passing, in
  prose no cue knows (the way things are now, another tool named beside the
  chosen one), so its absence must be sure.  It is *absent* only (a) when
  options are listed and only named: nothing said of an option other than the
  chosen one beyond its name, in the options section or anywhere else (a lone
  option is the proposal itself, no list); or (b) when the record lists no
  alternative and is too short to weigh one unseen: under 100 words of its
  own, no other way named in it (no comparison, no cost of another way the
  choice avoids, no table of several rows, no
  pros and cons of more than one subject, no weighing told in prose: "we have
  also evaluated the hybrid form", no context written as clauses split at ";",
  "Postgres adds an ops tax with zero benefit at this volume; ...").
  Everything else is *thin*, saying what the card could not find and where it
  looked.
- reason: no substantive context (the context says why a decision is needed:
  a motive, at worst a thin reason), a decision too short to argue
  (`essentials` gives a long Decision a thin reason of its own), and a record
  under 100 words of its own (a longer one may give its reason in the
  consequences, in words no cue knows: of the dev and test records with no
  reason signal, the labels call it absent in 8 of 9 under 100 words and in
  none of the 3 longer), and no Consequences sentence that argues for the
  choice with a reason cue (the why told as an effect: "handled more
  efficiently because the stack is non-blocking").

Whatever the essential, a section the card cannot place (a heading it does
not know, "Notes", "Challenges", a language `meaning` lacks) that holds
substantive text is no evidence of absence either: the card cannot say what
it holds.

The thresholds are in words, not in cue lists: they are the same for every
language.
"""

from __future__ import annotations

import re

from adrtool.reasoning import cues, meaning, options, supports
from adrtool.reasoning.card import ALTERNATIVES, COST, REASON, THIN, Item
from adrtool.reasoning.record_text import Line
from adrtool.reasoning.sentences import Sentence

_M = meaning
_SIGNPOST = re.compile(r"^(?:see|refer to|as described in|described in|details in|siehe|voir|ver|veja|vedi|см\.?|参见|"
                       r"详见)\b", re.IGNORECASE)
POSITIVE_HEADING = re.compile(r"\b(?:positive|good|benefits?|pros|advantages?|vorteile|avantages|ventajas|vantagens)\b")
_WORD = re.compile(r"[^\W_]+")
# A sentence of fewer words says too little to hold a downside or a reason the card missed ("Accepted.").
UNREAD_SENTENCE_WORDS = 6
# Words the context must hold before it is a motive for the choice (a thin reason, not none).
CONTEXT_WORDS = 15
# Words an option's own text must add to its name before it says something about the option.
OPTION_WORDS = 5
NAME_WORDS = 4
# A record of 100 words of its own or more that lists no alternative argues a case: most often it weighs the way
# things are now (the status-quo rule of the labels), or names another way, in words no cue knows.  Calibrated on
# the labelled dev and test records (bench/README.md, "Calibration"): of the records with no alternative signal and
# none listed, the labels call it absent in 17 of 17 under 100 words, 7 of 8 at 100-199 and 5 of 8 at 200 or more.
# An error must be right nine times in ten, so from 100 words on the card says thin (the bar was 200 words, which
# kept the 100-199 slice absent below that rate).
LONG_RECORD_WORDS = 100
# Words of Decision and Rationale text that argue at length: where a record has no Consequences, that is where it
# tells what the choice brings, and a cost may sit there in words no cue knows.  (On the labelled dev and test
# records no deliberate one-way decision with no cost argues past 140 words.)
LONG_DECISION_WORDS = 200
# Words of its own a section the card cannot place must hold before it may hold what the card looks for.
UNPLACED_WORDS = 30
# "None", "keine", "aucun": a Negative section that says there is nothing to say.
_NONE = re.compile(r"^\W*(?:none|nothing|n/?a|no(?:ne)? (?:known|identified|significant)\b.*|keine?|nichts|aucune?|rien|"
                   r"ninguna?|nada|nenhuma?|nessuna?|nessuno|нет|无|没有)\W*$", re.IGNORECASE)


def not_shown(r, name: str) -> Item | None:
    """When no signal of `name` was found: a *thin* item saying where the card looked and what it could not
    read there, or None when the record shows the absence (the essential is then *absent*)."""
    for check, summary in _NOT_SHOWN.get(name, ()) + _ANY_ESSENTIAL:
        line = check(r)
        if line is not None:
            size = sum(words(x.text) for x in r.rt.lines)
            return Item(name, THIN, summary.format(line=line.number, heading=where(line), words=size),
                        supports.quotes(line))
    return None


def where(s) -> str:
    """The innermost heading a sentence or line sits under, or "the text"."""
    headings = s.headings
    return headings[0] if headings and headings[0] else "the text"


def words(text: str) -> int:
    return len(_WORD.findall(text))


def says_none(line: Line) -> bool:
    """A line that only says there is nothing ("None.", "Keine", "无")."""
    return bool(_NONE.match(line.text.strip()))


def signpost(s: Sentence) -> bool:
    """A sentence that only points elsewhere ("See RFC 12", "Veja o artigo de ...", a bare link)."""
    words_ = _WORD.findall(supports.URL.sub(" ", s.text))
    return bool(_SIGNPOST.match(s.text.strip())) or (len(words_) < 3 and bool(supports.URL.search(s.text)))


def unread_consequence(r) -> Line | None:
    """The first line of Consequences text the card could not read as a benefit or as a downside: a sentence
    of substance under a Consequences heading (not a positive one), not labelled Good or Neutral, with no
    reason or benefit cue, outside the context, not a sign-post.  None when there is no such text, which is
    the evidence that no cost is written: every consequence is read, and none is a cost.  An option's own
    description is not an effect of choosing it, so the options section is not read here."""
    for s in r.all:
        if not s.within(_M.CONSEQUENCES) or r.in_context(s) or s.innermost == _M.NEGATIVE:
            continue
        if words(s.text) < UNREAD_SENTENCE_WORDS or signpost(s):
            continue
        if options.side(s.unit) in ("for", "neutral"):
            continue
        heading = _M.normalize(s.headings[0]) if s.headings else ""
        if _positive(heading):
            continue
        if cues.first(cues.REASON, s.folded):
            continue  # a benefit the card read ("makes it easier to ...")
        return s.line
    return None


def _positive(heading: str) -> bool:
    return bool(POSITIVE_HEADING.search(heading))


def negative_says_none(r) -> Line | None:
    """The line of a Negative (Risks, Trade-offs) section whose only text says "none"."""
    lines = [l for l in r.rt.lines if l.innermost == _M.NEGATIVE]
    if lines and all(says_none(l) for l in lines):
        return lines[0]
    return None


def unread_option(r) -> Line | None:
    """The first line where an options section says more of an option other than the chosen one than its name
    (its own explanation, notes or pros), or holds prose of substance that belongs to no option; None when the
    options are only named, or there is no options section: the evidence that no alternative is weighed."""
    w = r.w
    # A lone option is the proposal itself ("### Responsibilities of a Release Captain" under Considered
    # Options): there is nothing it was weighed against.
    losers = [o for o in w.options if o is not w.chosen] if len(w.options) >= 2 else []
    for o in losers:
        if o.do_nothing:
            continue
        # An option written as one long item ("Cassandra, a wide-column store that ...") keeps it all as its
        # name: past a name's first NAME_WORDS words, the rest describes it.
        name = min(words(o.name), NAME_WORDS)
        for u in (*o.notes, *o.pros, *o.why):
            if words(u.text) >= OPTION_WORDS:
                return u.line
        line = o.line
        if line is not None and line.within(_M.OPTIONS) and words(line.text) - name >= OPTION_WORDS:
            return line
    for u in (w.prose if len(w.options) != 1 else ()):
        if words(u.text) >= OPTION_WORDS * 2 and not all(signpost(s) for s in u.sentences):
            return u.line
    return None


def substantive_context(r) -> Line | None:
    """The first line of a context of substance (at least CONTEXT_WORDS words that are not sign-posts): the
    record says why a decision is needed, a motive for the choice."""
    total, first = 0, None
    for s in r.all:
        if not r.in_context(s) or signpost(s):
            continue
        total += words(s.text)
        first = first or s.line
        if total >= CONTEXT_WORDS:
            return first
    return None


def alternatives_listed(r) -> list:
    """The real alternatives the record lists: options other than the chosen one and than doing nothing (a lone
    option is the proposal itself, not an alternative)."""
    w = r.w
    return [o for o in w.options if o is not w.chosen and not o.do_nothing] if len(w.options) >= 2 else []


def long_record(r) -> Line | None:
    """The first line of the context (or of the record) of a record of LONG_RECORD_WORDS words of its own or more:
    long enough to give an essential in words the card does not know."""
    if not r.rt.lines or sum(words(line.text) for line in r.rt.lines) < LONG_RECORD_WORDS:
        return None
    context = [s for s in r.all if r.in_context(s) and not signpost(s)]
    return context[0].line if context else r.rt.lines[0]


def long_argument(r) -> Line | None:
    """The first line of a long record (`long_record`) that lists no alternative: such a record argues for its
    change, which the status-quo rule reads as a thin alternative, even where no cue says so, and may name another
    way in words the card does not know."""
    return None if alternatives_listed(r) else long_record(r)


def named_again(r) -> Line | None:
    """The first line outside the options list that names a listed alternative again: beside the choice, or in the
    context beside a comparison or a turn.  The record speaks of it there, so it is more than "only named", and
    why it lost may be in words no cue knows."""
    w = r.w
    listed = alternatives_listed(r)
    if not listed:
        return None
    chosen = w.chosen.words if w.chosen is not None else set()
    own_units = {id(u) for o in w.options for u in (*o.pros, *o.cons, *o.notes, *o.why)}
    option_lines = {o.line.number for o in w.options if o.line is not None}
    for s in r.all:
        if id(s.unit) in own_units or s.line.number in option_lines or s.within(_M.OPTIONS):
            continue
        if r.in_context(s) and not (_compares(s) or cues.first(cues.CONTRAST, s.folded)):
            continue
        said = options.distinctive_words(s.text)
        for o in listed:
            own = o.words - chosen
            if own and len(own & said) >= min(2, len(own)):
                return s.line
    return None


# A comparison ("simpler to extend than", "whereas", "on the other hand"), not a quantity ("more than 3", "other
# than").
_COMPARISON = re.compile(
    r" (?:(?!other |rather |order )[^\W\d_]+er|more [^\W\d_]+|less [^\W\d_]+|better|worse)(?: [^\W\d_]+){0,2} than "
    r"(?!\d)| whereas |"
    r" in contrast | on the other hand | alternatively | [^\W\d_]+er als (?!\d)| plus [^\W\d_]+ que |"
    r" mas [^\W\d_]+ que | mais [^\W\d_]+ (?:do )?que | piu [^\W\d_]+ di | чем |"
    # The comparatives that take no "more" ("melhor do que", "superior ao de se utilizar o mongodb no kubernetes",
    # "supérieur à"), as "higher than" does in English.
    r" (?:maior|menor|melhor|pior|mayor|mejor|peor)(?:es)? (?:do |de )?que (?!\d)|"
    r" (?:superior|inferior)(?:es)? (?:ao|aos|a|as|al) (?!\d)| (?:meilleure?s?|pire) que (?!\d)|"
    r" (?:superieure?s?|inferieure?s?) (?:a|au|aux) (?!\d)")


def _compares(s) -> bool:
    return bool(_COMPARISON.search(s.folded))


def comparison(r) -> Line | None:
    """The first sentence outside the context that compares the choice with something else ("simpler than a
    queue"): another way weighed, in passing."""
    return next((s.line for s in r.all if not r.in_context(s) and _compares(s)), None)


# A cost the choice spares, of something named ("evita custos prematuros de microsserviços", "avoids the overhead of
# running our own broker"): the other way, named with its fault.  A harm avoided ("avoids the risk of data loss") is
# no way of doing things, so only what a way costs to run counts.
_SPARED = re.compile(
    r" (?:avoid(?:s|ed|ing)?|spares?|evita[rm]?|evitando|evitou|vermeide[nt]?|vermeidet|evite[nr]?|eviter|evitons) "
    r"(?:[^\W\d_]+ ){0,3}?(?:costs?|overhead|complexity|burden|effort|custos?|complexidade|esforco|costos?|costes?|"
    r"complejidad|esfuerzo|couts?|complexite|kosten|aufwand|komplexitat) (?:[^\W\d_]+ ){0,2}?"
    r"(?:of|de|da|do|das|dos|del|des|du|von|der|eines?) [^\W\d_]{3,}")


def spared_cost(r) -> Line | None:
    """The first sentence outside the context that says the choice avoids what another way costs ("evita custos
    prematuros de microsserviços"): that way is named beside the choice and loses, in passing."""
    return next((s.line for s in r.all if not r.in_context(s) and _SPARED.search(s.folded)), None)


# A weighing told in prose ("we have also evaluated the hybrid form of the two"): a verb of weighing in the past.
# Folded text (accents gone, lower case, padded with spaces).  A count of ways alone ("two hosting options, A or
# B") only names them, and so does a lead-in to their list ("Options considered:"): neither is a weighing.
_WEIGHED = re.compile(
    r" (?:evaluated|considered|compared|weighed|assessed|explored|investigated|looked (?:at|into)|discussed|"
    r"evaluiert|verglichen|abgewogen|erwogen|betrachtet|diskutiert|gepruft|"
    r"evalue[es]?|compare[es]?|envisage[es]?|considere[es]?|etudie[es]?|"
    r"evaluad[oa]s?|comparad[oa]s?|considerad[oa]s?|analizad[oa]s?|avaliad[oa]s?|analisad[oa]s?|"
    r"valutat[oaie]|confrontat[oaie]|considerat[oaie]|рассматривали|сравнивали) |"
    r"评估了|比较了|对比了|权衡了|考虑了|讨论了|検討した|比較した")


def weighing_told(r) -> Line | None:
    """The first sentence, the context's included, that tells of a weighing in prose, with a verb of weighing in
    the past ("we have also evaluated", "verglichen", "avaliado"), and is not a lead-in to a list.  The record
    names other ways there, in words the card cannot split into options; why they lost may be told in words no
    cue knows."""
    for s in r.all:
        text = s.text.rstrip()
        if words(text) >= UNREAD_SENTENCE_WORDS and not text.endswith((":", "：")) and _WEIGHED.search(s.folded):
            return s.line
    return None


_CLAUSE = re.compile(r"[;；]")


def context_of_clauses(r) -> Line | None:
    """The first line of a context written as clauses ("household-scale system; Postgres adds an ops tax with zero
    benefit at this volume; naive file-sharing SQLite corrupts under two writers"), one of them of
    UNREAD_SENTENCE_WORDS words or more.  Such a context lists the forces and the ways they rule out, tersely
    (wells01440/coinshop ea6838fba1ae docs/adrs/0002-sqlite-single-writer.md, 0004-evidence-gated-stages.md: "human
    memory is not a state store", the status quo faulted): a short record of that kind weighs another way in words
    no cue knows, so its brevity is no evidence that nothing was weighed."""
    if not r.stated:
        return None
    for s in r.all:
        clauses = _CLAUSE.split(s.text) if r.in_context(s) else []
        if len(clauses) >= 2 and any(words(c) >= UNREAD_SENTENCE_WORDS for c in clauses):
            return s.line
    return None


def argued_consequence(r) -> Line | None:
    """The first unlabelled sentence under Consequences (not a downside, not the options') that argues with a reason cue
    ("handled more efficiently because the stack is non-blocking"): a benefit of the choice told with its why,
    which is a reason for the choice written as its effect."""
    for s in r.all:
        if not s.within(_M.CONSEQUENCES) or s.within(_M.NEGATIVE, _M.OPTIONS) or r.in_context(s):
            continue
        # Labelled items are read by their label: a Bad one is a downside, and a Good one ("Good, because there is
        # one database to run") is a benefit the card weighs as such, not the record's reason.
        if options.side(s.unit) or words(s.text) < UNREAD_SENTENCE_WORDS:
            continue
        cue = cues.first(cues.REASON, s.folded)
        if cue and words(s.folded.split(cue.strip(), 1)[-1]) >= 2:
            return s.line
    return None


def comparison_table(r) -> Line | None:
    """The first row of a table outside the options section with two or more rows that name different things: a
    comparison, whose rows may be the options."""
    rows: dict[tuple, list[Line]] = {}
    for line in r.rt.lines:
        if line.cells and len(line.cells) >= 2 and not line.within(_M.OPTIONS):
            rows.setdefault((line.headings, line.columns), []).append(line)
    for table in rows.values():
        if len({meaning.normalize(l.cells[0]) for l in table if l.cells[0].strip()}) >= 2:
            return table[0]
    return None


def pros_and_cons_of_several(r) -> Line | None:
    """The first labelled Pro or Con item ("Good, because", "Con:") of a record that gives such items under two
    or more headings outside the Consequences: pros and cons of more than one subject, options by another name."""
    seen: dict[tuple, Line] = {}
    for u in r.units:
        if options.side(u) not in ("for", "against") or u.line.within(_M.CONSEQUENCES, _M.NEGATIVE, _M.OPTIONS):
            continue
        seen.setdefault(u.line.headings[:1], u.line)
    return next(iter(seen.values())) if len(seen) >= 2 else None


def unplaced_section(r) -> Line | None:
    """The first line of a section whose heading the card cannot place (neither context, options, decision,
    rationale, consequences nor a downside: "Notes", "Challenges", a heading in a language `meaning` does not
    know) holding UNPLACED_WORDS words or more outside the context.  The card cannot say such a section
    does not hold the essential, so it is no evidence of absence."""
    total: dict[str, int] = {}
    for s in r.all:
        if s.meanings or not s.headings or not s.headings[0] or r.in_context(s):
            continue
        total[s.headings[0]] = total.get(s.headings[0], 0) + words(s.text)
        if total[s.headings[0]] >= UNPLACED_WORDS:
            return next(x.line for x in r.all if x.headings and x.headings[0] == s.headings[0] and not x.meanings)
    return None


def long_decision(r) -> Line | None:
    """The first Decision line of a record with no Consequences (nor Negative) text whose Decision and Rationale
    hold LONG_DECISION_WORDS words or more: the choice's effects are told there, at length."""
    if any(line.within(_M.CONSEQUENCES, _M.NEGATIVE) for line in r.rt.lines):
        return None
    argued = [s for s in r.all if s.within(_M.DECISION, _M.RATIONALE) and not r.in_context(s)]
    if sum(words(s.text) for s in argued) < LONG_DECISION_WORDS:
        return None
    return argued[0].line


# Per essential, in order: the check that finds text the card could not read, and what the thin item says.
_NOT_SHOWN = {
    ALTERNATIVES: ((unread_option, "the options are described, but no reason one lost is recognised: read the "
                                   "options section again (line {line})"),
                   (named_again, "a listed option is named again outside the list, but no reason it lost is "
                                 "recognised: read \"{heading}\" again (line {line})"),
                   (long_argument, "no alternative is recognised (no options listed, none set aside, the way things "
                                   "are now not faulted), but {words} words may weigh one in words the card does not "
                                   "know: say what else was weighed and why it lost"),
                   (comparison, "no alternative is recognised, but the record compares the choice with something "
                                "else (line {line}): say what else was weighed and why it lost"),
                   (spared_cost, "no alternative is recognised, but the record says the choice avoids what "
                                 "another way costs (line {line}): name it and say why it lost"),
                   (comparison_table, "no alternative is recognised, but a table compares several rows (line {line}): "
                                      "if they are options, say why the others lost"),
                   (pros_and_cons_of_several, "no alternative is recognised, but pros and cons are given under more "
                                              "than one heading (line {line}): say which lost and why"),
                   (weighing_told, "no alternative is recognised, but the record tells of a weighing (line {line}): "
                                   "name what else was weighed and why it lost"),
                   (context_of_clauses, "no alternative is recognised, but the context is written as terse "
                                        "clauses (line {line}) that may rule another way out: say what else was "
                                        "weighed and why it lost")),
    REASON: ((substantive_context, "no reason for the choice is recognised; the context says why a decision is "
                                   "needed"),
             (long_record, "no reason for the choice is recognised, but {words} words may give one in words the card "
                           "does not know: say why this option serves the problem"),
             (argued_consequence, "no reason for the choice is recognised under the decision, but a consequence "
                                  "argues for it (line {line}): say there why this option serves the problem")),
    COST: ((unread_consequence, "no downside is recognised, but the consequences say more than benefits: read them "
                                "again for one (line {line})"),
           (long_decision, "no downside is recognised, but the decision is argued at length with no Consequences "
                           "section: say what the choice costs")),
}
_ANY_ESSENTIAL = ((unplaced_section, "none is recognised, but the section \"{heading}\" is one the card cannot place: "
                                     "read it for one"),)
