"""The offline reasoning rubric: how much reasoning one decision owes, given its door and choice.

- untagged: a warning, then judged as a deliberate one-way door until tagged;
- arbitrary + one-way: an error (reason it, or make it reversible);
- deliberate + one-way: an error for each missing essential (context, two
  real options, rationale, consequences with a negative one), a warning for
  each missing support (decision-makers beyond the author, evidence, a
  confirmation or revisit plan), a note for crowd or absolute wording;
- deliberate + two-way: a warning without a rationale;
- arbitrary + two-way: only a note without a revisit trigger.

Records are read by the meaning of their headings (`reasoning.meaning`).  An
inline decision is one line in a design document, so its reasoning is looked
for in the section of the document around it, by cue words ("because",
"instead of", "downside"...), in the same languages.

What counts as "at least two considered options that are real alternatives":
the list items (or subheadings) of the options sections, after dropping empty
ones and template placeholders, merged when they read the same, and not
counting "do nothing" / "status quo" / "keep as is".  Two remaining options
pass; "X, or do nothing" does not, since doing nothing is always an option.

Deterministic, no network: the editor runs it on every pause in typing.
"""

from __future__ import annotations

import re

from adrtool.model import Choice, Decision, Door, Kind
from adrtool.reasoning import meaning
from adrtool.review.findings import Finding

_RATIONALE_CUES = (
    "because", "since ", "so that", "in order to", "due to", "the reason", "which means we", "as it ", "as this ",
    "weil", "denn ", " da ", "damit ", "aufgrund", "parce que", "car ", "puisque", "afin de", "en raison",
    "porque", "ya que", "debido a", "dado que", "pois ", "visto que", "para que", "uma vez que",
)
_NEGATIVE_CUES = (
    "downside", "drawback", "cost", "risk", "harder", "slower", "worse", "we lose", "lose ", "negative", "bad,",
    "bad:", "trade-off", "tradeoff", "however", "but ", "at the expense", "more complex", "complexity", "lock-in",
    "overhead", "penalty", "nachteil", "schlechter", "langsamer", "risiko", "kosten", "aufwand", "inconvenient",
    "risque", "cout", "plus lent", "desventaja", "riesgo", "costo", "coste", "desvantagem", "risco", "custo",
)
_OPTION_CUES = ("instead of", "rather than", "alternative", "over ", " vs", "versus", "compared to", "considered",
                "statt ", "anstatt", "au lieu de", "plutot que", "en lugar de", "en vez de", "em vez de", "ao inves de")
_CROWD = ("industry standard", "best practice", "everyone uses", "everybody uses", "everyone is using",
          "everybody is using", "de facto standard", "what everyone", "most popular", "all the big companies")
_ABSOLUTE = ("obviously", "no downside", "no downsides", "no drawback", "no drawbacks", "eliminates", "zero risk",
             "no risk", "always works", "clearly the best", "guarantees")
_DO_NOTHING = re.compile(
    r"^(?:do nothing|nothing|status quo|keep (?:it |things )?(?:as is|as it is|the status quo)|no change|"
    r"keep the current \w+|stay as is|nichts tun|ne rien faire|statu quo|no hacer nada|nao fazer nada)\b"
)
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d+[.)])[ \t]+(?P<text>.+)$")
_OPTION_HEADING = re.compile(r"^(?:option|alternative|opcion|opcao|variante)(?:\s|$)")
_URL = re.compile(r"https?://\S+")


def check(decision: Decision, repo=None, history=None) -> list[Finding]:
    """Findings for one decision.  `history` is its `adrtool.history.History` (or the whole map), if known."""
    if history is not None and hasattr(history, "get") and not hasattr(history, "touches"):
        history = history.get(decision.path)
    judge = _Judge(decision, repo, history)
    return judge.run()


class _Judge:
    def __init__(self, decision: Decision, repo, history):
        self.d = decision
        self.repo = repo
        self.history = history
        self.findings: list[Finding] = []
        self.text, offset = _reasoning_text(decision, repo)
        self.sections = meaning.read(self.text, offset)
        self.inline = decision.kind is Kind.INLINE
        self.folded = meaning.normalize_words(self.text)
        self.anchor = decision.line or decision.field_lines.get("title") or 1

    def add(self, rule: str, severity: str, message: str, recommendation: str, line: int | None = None) -> None:
        self.findings.append(Finding(rule, severity, self.d.path, line or self.anchor, message, recommendation, self.d.id))

    def run(self) -> list[Finding]:
        d = self.d
        choice, door = d.choice, d.door
        if not d.is_tagged:
            cmd = f"adrtool tag {d.id} --choice deliberate|arbitrary --door one-way|two-way"
            self.add("rubric/untagged", "warning", f"{d.id} is untagged; judged as a deliberate one-way door until tagged",
                     f"say how it was chosen and how hard it is to undo: `{cmd}`",
                     d.field_lines.get("choice") if d.kind is Kind.INLINE else None)
            choice = choice or Choice.DELIBERATE
            door = door or Door.ONE_WAY
        if door is Door.ONE_WAY and choice is Choice.ARBITRARY:
            self.add("rubric/arbitrary-one-way", "error",
                     f"{d.id} is an arbitrary choice behind a one-way door: irreversible, with no reasoning",
                     "reason it (options, rationale, consequences) and tag it deliberate, or make it reversible (two-way)",
                     d.field_lines.get("door"))
        elif door is Door.ONE_WAY:
            self.one_way()
        elif choice is Choice.DELIBERATE:
            if not self.has_rationale():
                self.add("rubric/missing-rationale", "warning", f"{d.id} gives no rationale for its choice",
                         "say in a sentence why the chosen option wins")
        elif not self.has_revisit():
            self.add("rubric/missing-revisit", "note", f"{d.id} has no revisit trigger",
                     f"add when to look at it again: `adrtool tag {d.id} --revisit \"...\"`")
        return self.findings

    # ---- deliberate one-way doors ------------------------------------------------
    def one_way(self) -> None:
        d = self.d
        if not self.has_context():
            self.add("rubric/missing-context", "error", f"{d.id} states no context or problem",
                     "add a Context section: the forces and the problem this decision answers")
        options = self.options()
        if len(options) < 2:
            found = f"found {len(options)}" if options else "found none"
            self.add("rubric/missing-options", "error",
                     f"{d.id} needs at least two considered options that are real alternatives ({found})",
                     "add a Considered Options section with each real alternative (doing nothing does not count)",
                     self._line(meaning.OPTIONS))
        if not self.has_rationale():
            self.add("rubric/missing-rationale", "error", f"{d.id} does not say why the chosen option wins",
                     "add the rationale: why this option over the others (\"because ...\")", self._line(meaning.DECISION))
        if not self.has_consequences():
            self.add("rubric/missing-consequences", "error", f"{d.id} lists no consequences",
                     "add a Consequences section, with what gets worse as well as what gets better")
        elif not self.has_negative():
            self.add("rubric/missing-negative-consequence", "error", f"{d.id} names no negative consequence",
                     "every one-way door costs something: add at least one negative consequence",
                     self._line(meaning.CONSEQUENCES))
        if not self.has_makers():
            self.add("rubric/missing-decision-makers", "warning", f"{d.id} was decided by its author alone",
                     "name the decision-makers, or have it reviewed (a `Reviewed-by:` trailer in the commit)",
                     d.field_lines.get("decision-makers"))
        if not self.has_evidence():
            self.add("rubric/missing-evidence", "warning", f"{d.id} cites no evidence",
                     "add a reference, data or an experiment the decision rests on (`references:` or a link)")
        if not self.has_revisit():
            self.add("rubric/missing-confirmation", "warning", f"{d.id} has no confirmation or revisit plan",
                     "say how you will know it worked, or when to revisit it (`revisit:`)")
        for phrases, rule, what in ((_CROWD, "rubric/crowd-wording", "crowd-following"),
                                    (_ABSOLUTE, "rubric/absolute-wording", "absolute")):
            hit = self._first_phrase(phrases)
            if hit:
                phrase, line = hit
                self.add(rule, "note", f"{d.id} uses {what} wording: \"{phrase}\"",
                         "replace it with the concrete reason or trade-off it stands for", line)

    # ---- what the text holds ----------------------------------------------------------
    def _line(self, what: str) -> int | None:
        s = self.sections.get(what)
        return s.line if s else None

    def _cue(self, cues: tuple[str, ...], text: str | None = None) -> bool:
        folded = self.folded if text is None else meaning.normalize_words(text)
        return any(c in folded for c in cues)

    def has_context(self) -> bool:
        if self.sections.get(meaning.CONTEXT):
            return True
        if self.inline:  # the design document's own prose around the decision line
            others = [l for l in self.text.splitlines() if l.strip() and l.strip() != self.d.body]
            return len(" ".join(others).split()) >= 8
        return False

    def options(self) -> list[str]:
        found: list[str] = []
        counted: set[int] = set()  # subheadings already counted as their parent's options
        for s in self.sections.sections:
            if s.level == 0 or id(s) in counted or meaning.meaning_of(s.heading) != meaning.OPTIONS:
                continue
            children = self.sections.children_of(s)
            counted.update(id(c) for c in children)
            if children:
                items = [c.heading for c in children]
            elif _OPTION_HEADING.match(meaning.normalize(s.heading)):
                items = [s.heading]  # "## Option 1: Kafka", one option per section
            else:
                items = _list_items(s.text)
            for item in items:
                key = _option_key(item)
                if key and not _DO_NOTHING.match(key) and key not in found:
                    found.append(key)
        if self.inline and not found and self._cue(_OPTION_CUES):
            found = ["chosen", "alternative named in the text"]
        return found

    def has_rationale(self) -> bool:
        if self.sections.get(meaning.RATIONALE):
            return True
        decided = self.sections.with_children(meaning.DECISION, own_only=True)
        if decided and self._cue(_RATIONALE_CUES, decided):
            return True
        return self._by_cues_only() and self._cue(_RATIONALE_CUES)

    def _by_cues_only(self) -> bool:
        """Inline decisions and records without any recognised section are read by cue words."""
        return self.inline or not self.sections.by_meaning

    def has_consequences(self) -> bool:
        if self.sections.get(meaning.CONSEQUENCES) or self.sections.get(meaning.NEGATIVE):
            return True
        return self._by_cues_only() and self._cue(_NEGATIVE_CUES, self._without_absolutes(self.text))

    def has_negative(self) -> bool:
        if self.sections.get(meaning.NEGATIVE):
            return True
        text = self.text if self._by_cues_only() else self.sections.with_children(meaning.CONSEQUENCES)
        return self._cue(_NEGATIVE_CUES, self._without_absolutes(text))

    @staticmethod
    def _without_absolutes(text: str) -> str:
        folded = meaning.normalize_words(text)
        for phrase in _ABSOLUTE:
            folded = folded.replace(phrase, " ")
        return folded

    def has_makers(self) -> bool:
        if self.history is not None and getattr(self.history, "reviewers", None):
            return True
        makers = [m for m in self.d.decision_makers if meaning.has_content(m)]
        author = getattr(self.history, "created_by", None) if self.history is not None else None
        if author is None:
            return bool(makers)
        return any(not _same_person(m, author) for m in makers)

    def has_evidence(self) -> bool:
        return bool(self.d.references) or bool(self.sections.get(meaning.EVIDENCE)) or bool(_URL.search(self.text))

    def has_revisit(self) -> bool:
        return bool(self.d.revisit) or bool(self.sections.get(meaning.CONFIRMATION))

    def _first_phrase(self, phrases: tuple[str, ...]) -> tuple[str, int | None] | None:
        offset = self.sections.offset
        for index, line in enumerate(self.text.splitlines()):
            folded = meaning.normalize_words(line)
            for phrase in phrases:
                if phrase in folded:
                    return phrase, (self.d.line if self.inline and line.strip() == self.d.body else index + 1 + offset)
        return None


def _list_items(text: str) -> list[str]:
    """The top-level items of the lists in `text` (nested bullets are details of an item)."""
    items: list[str] = []
    indent = None
    for line in text.splitlines():
        m = _LIST_ITEM.match(line)
        if not m:
            continue
        width = len(m.group("indent").expandtabs(4))
        if indent is None or width < indent:
            indent = width
        if width == indent:
            items.append(m.group("text"))
    return items


def _option_key(item: str) -> str:
    """An option as comparable text: no markup or links, no 'Option 1:' label, no pros/cons after a dash."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", item)
    text = meaning.normalize(text)
    text = re.sub(r"^(?:option|alternative|opcion|opcao|variante)\s*[\w]{0,2}\s*[-:.)]\s*", "", text)
    text = re.sub(r"\s+(?:-|--|—|–)\s+.*$", "", text).strip(" .,;")
    return "" if not meaning.has_content(text) else text


def _same_person(name: str, author: str) -> bool:
    a, b = name.strip().lower(), author.strip().lower()
    return a == b or a.split("<")[0].strip() == b or a.split("@")[0] == b.split("@")[0]


def _reasoning_text(d: Decision, repo) -> tuple[str, int]:
    """(the text the decision's reasoning is in, lines before it in the file)."""
    if d.kind is Kind.INLINE:
        full = _file_text(d, repo)
        if full is None or not d.line:
            return d.body, (d.line or 1) - 1
        return _enclosing_section(full, d.line)
    full = _file_text(d, repo)
    if full is not None and full.endswith(d.body):
        return d.body, full[: len(full) - len(d.body)].count("\n")
    return d.body, d.field_lines.get("title", 0)


def _file_text(d: Decision, repo) -> str | None:
    if repo is None:
        return None
    try:
        return repo.text(d)
    except (OSError, UnicodeDecodeError):
        return None


def _enclosing_section(text: str, line: int) -> tuple[str, int]:
    """The lines from the heading above `line` (1-based) to the next heading of the same or higher level."""
    from adrtool.sections import headings

    lines = text.splitlines(keepends=True)
    heads = headings(lines)
    start, level = 0, 0
    for idx, lv, _ in heads:
        if idx < line - 1:
            start, level = idx, lv
    end = len(lines)
    for idx, lv, _ in heads:
        if idx > line - 1 and (level == 0 or lv <= level):
            end = idx
            break
    body_start = start + 1 if heads and start < line - 1 and lines[start].startswith("#") else start
    return "".join(lines[body_start:end]), body_start
