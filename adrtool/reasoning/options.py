"""The options a record weighed, with what it says for and against each, and which one it chose.

Options come from wherever a record lists them: the items of an options
section ("Considered Options", "Alternatives", "Optionen", "方案"...), its
subsections ("### Kafka" under "Pros and Cons of the Options", "## Option 2:
RabbitMQ"), and the rows of a table in one.  The same option named in two
places (MADR lists the options, then gives each its pros and cons) is merged
by name.  Under an option, "Good"/"Pro" lines are for it, "Bad"/"Con" lines
against it, and other lines are sorted by their cue words.

The chosen option is the one a "Chosen option: ..." line names; otherwise the
one the Decision section's words match best; otherwise the one the title
names.  None when no option can be told apart.

The record is read by units (`sentences`): a wrapped list item is one item,
its lines after the first its explanation.  An item under a lead-in that is
only a label ("Cons:", "Contras:", "Bad:") has that label's side.  A record
with no options section may still list its candidates: a list of three or
more short names (in the Context, say), one of which the Decision names, is
its options ("Kubernetes, Mesos, Docker Swarm, AWS ECS, CloudFoundry").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from adrtool.reasoning import cues, meaning
from adrtool.reasoning.record_text import Line, RecordText
from adrtool.reasoning.sentences import Unit

_OPTION_HEADING = re.compile(r"^(?:option|alternative|opcion|opcao|variante|opzione|вариант|方案|选项)\s*[\w]{0,3}\s*[-:.)：]?")
_LABEL = re.compile(r"^\W*(?P<label>good|bad|neutral|pro|pros|prós|con|cons|contra|contras|positives?|negatives?|"
                    r"positiv[oa]s?|negativ[oa]s?|positiv|negativ|positifs?|négatifs?|negatifs?|négatives?|advantages?|"
                    r"disadvantages?|vorteile?|nachteile?|avantages?|inconvenients?|ventajas?|desventajas?|vantagens?|"
                    r"desvantagens?|vantaggi|vantaggio|svantaggi|svantaggio|плюсы?|минусы?|优点|缺点|优势|劣势)\b\W*",
                    re.IGNORECASE)
_FOR = {"good", "pro", "pros", "prós", "positive", "positives", "positivo", "positiva", "positivos", "positivas", "positiv",
        "positif", "positifs", "advantage", "advantages", "vorteil", "vorteile", "avantage",
        "avantages", "ventaja", "ventajas", "vantagem", "vantagens", "vantaggio", "vantaggi", "плюс", "плюсы", "优点",
        "优势"}
_NEUTRAL = {"neutral"}
# Words that tell no option apart: a record speaks of decisions, files and lines whatever it weighs.
_STOP = frozenset("the a an and or of for to in on with use using we our option options alternative chosen keep "
                  "new old current existing based via as by be is are it this that adr adrs do not no decision "
                  "decisions record records design document documents file files line lines one each every all "
                  "any from into can will should".split())
# "Name - why", and in CJK typography "名称：理由" (a full-width colon or dash, with no spaces around it).
_EXPLAINED = re.compile(r"^(?P<name>.+?)(?:\s+(?:-|--|—|–|:)\s+|\s*(?:：|——)\s*)(?P<why>.+)$")


@dataclass
class Option:
    name: str  # as written (first place it was named)
    key: str  # comparable form
    line: Line | None = None  # where it is named
    pros: list[Unit] = field(default_factory=list)
    cons: list[Unit] = field(default_factory=list)
    notes: list[Unit] = field(default_factory=list)  # other units about it
    why: list[Unit] = field(default_factory=list)  # the item's own explanation ("MongoDB - no transactions")
    do_nothing: bool = False

    @cached_property  # asked for every sentence an option is looked for in
    def words(self) -> set[str]:
        return distinctive_words(self.key)


@dataclass
class Weighing:
    options: list[Option] = field(default_factory=list)
    chosen: Option | None = None
    chosen_line: Line | None = None  # the line that names the choice, when one does
    chosen_name: str = ""  # what that line names ("the one-line form"), even when it matches no option
    prose: list[Unit] = field(default_factory=list)  # units of an options section that belong to no option
    listed_elsewhere: bool = False  # the options are a list of candidates outside any options section

    @property
    def others(self) -> list[Option]:
        return [o for o in self.options if o is not self.chosen]


_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


def distinctive_words(text: str) -> set[str]:
    """The words that can tell an option apart, as crude stems ("rewriting references" and "Rewrite every
    reference" share "rewrit" and "referenc").  Scripts without spaces (Chinese): a run of characters is a word."""
    folded = meaning.normalize_words(text)
    return {_stem(w) for w in re.findall(r"[^\W_]{3,}", folded) if w not in _STOP}


def _stem(word: str) -> str:
    """"titles", "title" -> "titl"; "rewriting", "rewrite" -> "rewrit" (English endings only, three letters kept)."""
    if len(word) < 5 or not word.isascii():
        return word
    stem = _SUFFIX.sub("", word)
    stem = stem[:-1] if stem.endswith("e") else stem
    return stem if len(stem) >= 3 else word


def option_key(text: str) -> str:
    """An option as comparable text: no markup or links, no 'Option 1:' label, no explanation after a dash."""
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    t = meaning.normalize(t).strip("\"'“”[]")
    t = re.sub(r"^(?:option|alternative|opcion|opcao|variante|opzione)\s*[\w]{0,2}\s*[-:.)]\s*", "", t)
    t = re.sub(r"\s+(?:-|--|—|–)\s+.*$", "", t).strip(" .,;\"'“”[]")
    return t


def side(unit: Unit | Line) -> str:
    """'for', 'against', 'neutral' or '' by the label a unit starts with ("Good, because ...", "Con:"), or, for an
    item, by the label its lead-in is ("Contras:" above a list of downsides)."""
    line = unit.line if isinstance(unit, Unit) else unit
    found = _side_of(line.text)
    if not found and isinstance(unit, Unit) and unit.intro is not None and len(unit.intro.text.split()) <= 4:
        found = _side_of(unit.intro.text)
    return found


def _side_of(text: str) -> str:
    m = _LABEL.match(text)
    if not m:
        return ""
    label = m.group("label").lower()
    return "for" if label in _FOR else "neutral" if label in _NEUTRAL else "against"


def _is_do_nothing(key: str) -> bool:
    return any(key.startswith(c) for c in cues.DO_NOTHING)


def _options_index(line: Line) -> int | None:
    """Index in line.headings of the outermost options section around the line."""
    found = None
    for i, m in enumerate(line.heading_meanings):
        if m == meaning.OPTIONS:
            found = i
    return found


def weigh(rt: RecordText, units: list[Unit]) -> Weighing:
    w = Weighing()
    by_key: dict[str, Option] = {}
    current_item: Option | None = None
    item_indent = None
    last_section = None

    def option(name: str, line: Line | None) -> Option:
        key = option_key(name)
        for k, o in by_key.items():
            if key and (k == key or (len(key) > 3 and len(k) > 3 and (k in key or key in k))):
                return o
        o = Option(name.strip(), key, line, do_nothing=_is_do_nothing(key))
        by_key[key or f"#{len(by_key)}"] = o
        w.options.append(o)
        return o

    for unit in units:
        line = unit.line
        j = _options_index(line)
        if j is None:
            current_item = None
            # MADR puts each option's pros and cons under a heading of its own, sometimes beside the
            # "Pros and Cons of the Options" heading instead of under it: a heading naming a listed option.
            named = _named_option(by_key, line)
            if named is not None:
                _attach(named, unit)
            continue
        section_id = line.headings[: j + 1]
        if section_id != last_section:
            current_item, item_indent, last_section = None, None, section_id
        outer = line.headings[j]
        if j > 0:  # inside a subsection of the options section: the subsection is the option
            owner = option(line.headings[j - 1] if not _OPTION_HEADING.match(meaning.normalize(outer)) else outer, None)
        elif _OPTION_HEADING.match(meaning.normalize(outer)) and option_key(outer):
            owner = option(outer, None)
        elif line.cells and line.columns:
            _table_row(unit, option(line.cells[0], line))
            continue
        elif unit.item and (item_indent is None or line.indent <= item_indent):
            item_indent = line.indent
            m = _EXPLAINED.match(line.text)
            current_item = option(m.group("name") if m else line.text, line)
            why = " ".join([m.group("why") if m else ""] + [l.text for l in unit.lines[1:]])
            if why.strip() and cues.downside(cues.AGAINST, meaning.normalize_words(why)):
                current_item.why.append(unit)
            continue
        elif unit.item and current_item is not None:
            owner = current_item
        else:
            w.prose.append(unit)
            continue
        _attach(owner, unit)
    if not w.options:
        _candidates(rt, units, w, option)
    w.chosen, w.chosen_line = _chosen(rt, w)
    return w


def _candidates(rt: RecordText, units: list[Unit], w: Weighing, option) -> None:
    """A list of three or more short names outside an options section, one of which the Decision names."""
    decided = " ".join(l.text for l in rt.lines if l.innermost == meaning.DECISION) or rt.decision.title
    run: list[Unit] = []
    for unit in units + [None]:
        if unit is not None and unit.item and len(unit.lines) == 1 and not unit.line.cells and _is_name(unit.line.text) \
                and (not run or (unit.line.headings == run[-1].line.headings and unit.line.indent == run[-1].line.indent)):
            run.append(unit)
            continue
        if len(run) >= 3:
            trial = [Option(u.line.text.strip(), option_key(u.line.text), u.line) for u in run]
            if _best(trial, decided) is not None:
                for u in run:
                    option(u.line.text, u.line)
                w.listed_elsewhere = True
                return
        run = [unit] if unit is not None and unit.item and _is_name(unit.line.text) else []


def _is_name(text: str) -> bool:
    return 0 < len(text.split()) <= 6 and not re.search(r"[.;:!?]\s|[.;:!?]$", text)


def _named_option(by_key: dict[str, Option], line: Line) -> Option | None:
    if not by_key or not line.headings or not line.headings[0] or line.meanings:
        return None
    key = option_key(line.headings[0])
    return next((o for k, o in by_key.items() if key and (k == key or (len(key) > 3 and key in k))), None)


def _attach(owner: Option, unit: Unit) -> None:
    s = side(unit)
    if s == "for":
        owner.pros.append(unit)
    elif s == "against":
        owner.cons.append(unit)
    elif s == "neutral":
        owner.notes.append(unit)
    elif cues.downside(cues.COST_OR_OBLIGATION, unit.folded) and not cues.first(cues.REASON, unit.folded):
        owner.cons.append(unit)
    elif cues.first(cues.REASON, unit.folded):
        owner.pros.append(unit)
    else:
        owner.notes.append(unit)


def _table_row(unit: Unit, owner: Option) -> None:
    line = unit.line
    for header, cell in zip(line.columns[1:], line.cells[1:]):
        if not cell.strip():
            continue
        h = meaning.normalize(header)
        if meaning.meaning_of(header) == meaning.NEGATIVE or re.search(r"\b(?:cons?|bad|against|weak)", h):
            owner.cons.append(unit)
        elif re.search(r"\b(?:pros?|good|for|strength|benefit|advantage)", h):
            owner.pros.append(unit)
        else:
            _attach(owner, unit)


def _chosen(rt: RecordText, w: Weighing) -> tuple[Option | None, Line | None]:
    named = None
    for line in rt.lines:
        if "chosen option" in line.folded or "gewahlte option" in line.folded or "option choisie" in line.folded:
            named = line
            break
    if named is not None:
        m = re.search(r"[\"“„«]([^\"”“»]+)[\"”“»]", named.text)
        text = m.group(1) if m else re.split(r",?\s+because\b|,?\s+weil\b|,?\s+parce", named.text.split(":", 1)[-1])[0]
        w.chosen_name = text
        hit = _best(w.options, text, strict=False)
        if hit is None and text.strip():
            hit = next((o for o in w.options if option_key(text) and option_key(text) in o.key), None)
        return hit, named
    decided = [l for l in rt.lines if l.innermost == meaning.DECISION]
    if decided and w.options:
        hit = _best(w.options, " ".join(l.text for l in decided))
        if hit is not None:
            return hit, next((l for l in decided if hit.words & distinctive_words(l.text)), decided[0])
    if w.options:
        return _best(w.options, rt.decision.title), None
    return None, None


def _best(options: list[Option], text: str, strict: bool = True) -> Option | None:
    """The option whose distinctive words `text` holds the largest share of (at least half; a clear winner)."""
    words = distinctive_words(text)
    folded = meaning.normalize_words(text)
    scored = []
    for o in options:
        mine = o.words
        if not mine:
            continue
        overlap = len([x for x in mine if x in words or (not x.isascii() and x in folded)])
        # A named choice is short: the share of its words an option holds; a Decision text is long: the reverse.
        share = overlap / (len(mine) if strict else max(1, min(len(words), len(mine))))
        scored.append((share, o))
    scored.sort(key=lambda t: -t[0])
    if not scored or scored[0][0] < (0.5 if strict else 0.34):
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]
