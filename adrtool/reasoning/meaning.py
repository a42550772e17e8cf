"""What a record's sections mean, whatever the dialect or language calls them.

A heading is recognised by the words in it (accents folded, case ignored),
so "Context and Problem Statement" (MADR), "Context" (Nygard), "Kontext",
"Contexte", "Contexto", "Контекст", "背景" and "Problem" all mean CONTEXT.
Only words that are unambiguous in a decision record are listed.  Besides
English, German and Spanish, the languages phodal's `adr` (npm) writes its
templates in are covered with that package's own section words: zh-cn
(状态 / 背景 / 决策 / 后果, and 上下文 / 结果 in its own records), pt-br, it-it,
fa, fr and ru; and Vietnamese and Japanese, as hand-written records name their sections (rflibrary/
rf-library-meta-os fbebcc12badf docs/adrs: `## 1. Bối cảnh (Context)`, `## 2. Quyết định (Decision)`, `## 3. Hệ quả
(Consequences)`; kai-5908/harmony-study-app 7e08c5f6d508 docs/ADR: `## コンテキスト`, `## 決定事項`, `## 根拠`, `## 結果`).  Words of a script without spaces (Chinese) or not Latin
(Russian, Persian) match anywhere in the heading.  A section whose text is
empty or is an unfilled template placeholder counts as absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from adrtool.sections import Section, sections
from adrtool.vocabulary import strip_accents

CONTEXT = "context"
OPTIONS = "options"
DECISION = "decision"
RATIONALE = "rationale"
CONSEQUENCES = "consequences"
NEGATIVE = "negative"
EVIDENCE = "evidence"
CONFIRMATION = "confirmation"
STATUS = "status"

# Meaning -> words or phrases a heading may contain.  Checked in this order, so
# "Decision Drivers" is not a decision and "Negative Consequences" is negative.
_HEADING_WORDS: list[tuple[str, tuple[str, ...]]] = [
    (STATUS, ("status", "statut", "estado", "stato", "статус", "وضعیت", "状态", "狀態",
              "trang thai", "tinh trang", "ステータス", "状態")),
    # A "Trade-offs" section is where a record writes what its choice costs.
    (NEGATIVE, ("negative", "bad", "cons", "drawback", "downside", "risk", "trade-off", "tradeoff", "nachteil",
                "negativ", "risiken",
                "inconvenient", "negativas", "negativos", "desventaja", "desvantagem", "riesgo", "risco",
                "svantaggi", "rischi", "недостатки", "риски", "минусы", "معایب", "ریسک", "缺点", "风险", "劣势",
                "nhuoc điem", "rui ro", "デメリット", "欠点", "リスク")),
    (EVIDENCE, ("reference", "evidence", "more information", "further information", "data", "experiment", "benchmark",
                "spike", "research", "sources", "quellen", "referenz", "nachweis", "weitere informationen",
                "preuves", "referencias", "evidencia", "fuentes", "fontes", "riferimenti", "ссылки", "источники",
                "منابع", "参考", "引用")),
    (CONFIRMATION, ("confirmation", "validation", "revisit", "review date", "follow-up", "follow up", "verification",
                    "bestatigung", "uberprufung", "validierung", "confirmacion", "validacion", "revision",
                    "confirmacao", "validacao", "revisao", "verifica", "подтверждение", "проверка", "تایید", "验证", "确认")),
    (OPTIONS, ("considered option", "options", "alternatives", "option", "alternative", "pros and cons",
               "optionen", "alternativen", "betrachtete", "options envisagees", "opciones", "alternativas", "opcoes",
               "solutions", "choices", "approaches",
               "opzioni", "варианты", "альтернатив", "گزینه", "جایگزین", "方案", "选项", "备选", "替代",
               "phuong an", "lua chon", "代替案", "選択肢", "検討した案")),
    (RATIONALE, ("rationale", "justification", "reasoning", "why", "begrundung", "grunde", "justificacion",
                 "razonamiento", "justificativa", "justificacao", "raison", "motifs", "motivazione",
                 "обоснование", "почему", "دلیل", "理由", "原因",
                 "ly do", "根拠")),
    (CONSEQUENCES, ("consequence", "implication", "impact", "konsequenz", "folgen",
                    "auswirkung", "consecuencia", "consequencia", "implicaciones", "conseguenze", "последствия",
                    "نتایج", "پیامد", "后果", "结果", "影响", "後果",
                    "he qua", "hau qua", "tac đong", "結果", "影響")),
    (CONTEXT, ("context", "problem", "background", "motivation", "situation", "kontext", "hintergrund",
               "problemstellung", "contexte", "probleme", "contexto", "problema", "antecedentes", "contesto",
               "контекст", "проблема", "زمینه", "背景", "上下文", "问题",
               "boi canh", "ngu canh", "コンテキスト", "課題")),
    (DECISION, ("decision", "outcome", "chosen", "entscheid", "ergebnis", "resultat", "decisao",
                "resultado", "decisione", "решение", "تصمیم", "决策", "决定", "決策", "proposal", "proposed solution",
                "solution", "approach", "resolution", "losung", "vorschlag", "proposition", "propuesta", "solucion",
                "proposta", "solucao", "soluzione", "предложение", "方案决定",
                "quyet đinh", "決定")),
]
# Headings that look like a meaning but are not one: MADR's "Decision Drivers" are forces, not the decision.
_HEADING_WORDS = [(m, tuple(strip_accents(c) for c in cues)) for m, cues in _HEADING_WORDS]
_NOT_MEANINGFUL = ("decision driver", "drivers", "treiber", "moteurs", "驱动", "движущие")

_PLACEHOLDER = re.compile(r"^\s*(?:[\[{<].*[\]}>]|\.\.\.|tbd|todo|n/?a|-+)\s*\.?\s*$", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def fold(text: str) -> str:
    """Accents folded; ASCII text (most of it) is returned as is, since folding it costs a pass per character."""
    return text if text.isascii() else strip_accents(text)


@lru_cache(maxsize=8192)  # mostly headings, which repeat within a record and across records; a pure function
def normalize(text: str) -> str:
    text = fold(text).lower()
    text = re.sub(r"[*_`#:]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_PHRASES = (("pros and cons", OPTIONS), ("decision outcome", DECISION), ("problem statement", CONTEXT))


def _cue_pattern(cue: str) -> str:
    """A phrase anywhere; a short word exactly (or its plural); a longer word as a prefix ("option" in "Optionen").
    A word is a run of a-z, as the heading is folded."""
    if " " in cue or "-" in cue or not cue.isascii():
        return (r"(?<![a-z])" if cue in _AT_WORD_START else "") + re.escape(cue)
    if len(cue) <= 4:
        return rf"(?<![a-z]){re.escape(cue)}s?(?![a-z])"
    return rf"(?<![a-z]){re.escape(cue)}"


# Folded Vietnamese phrases that could end an English word ("he qua" in "the quality", "ly do" in "only do"): matched
# at a word's start only.
_AT_WORD_START = frozenset(("he qua", "ly do"))


# One pattern per meaning, in order: every record's title is a heading of its own, so most headings are new to
# the cache below, and a search in C beats a loop over words and cues.
def _heading_pattern(cues: tuple[str, ...]) -> str:
    """The alternation of `_cue_pattern`s with the words' one look-behind taken out in front of them: the same
    matches (only whether one is found is read), but the engine tests `(?<![a-z])` once a position instead of
    once a word, and skips each word by its first letter (a tenth of the time on real headings)."""
    words = [c for c in cues if not (" " in c or "-" in c or not c.isascii())]
    rest = [(r"(?<![a-z])" if c in _AT_WORD_START else "") + re.escape(c) for c in cues if c not in words]
    ends = [rf"{re.escape(c)}s?(?![a-z])" if len(c) <= 4 else re.escape(c) for c in words]
    return "|".join(([rf"(?<![a-z])(?:{'|'.join(ends)})"] if ends else []) + rest)


_HEADING_PATTERNS = [(m, re.compile(_heading_pattern(cues))) for m, cues in _HEADING_WORDS]


_MARKUP = re.compile(r"[*_`]+")
# Punctuation that ends a word: turned to a space, so that " custo " is a whole word before a comma too.  A full
# stop only before a space or the end ("1.5" and "e.g" stay), an apostrophe only curly ("don’t" is "don't").
_PUNCTUATION = re.compile(r"[,;:!?()\[\]\"“”„«»]|\.(?=\s|$)")


def normalize_words(text: str) -> str:
    """Lower case, accents folded, markup, punctuation and line breaks gone, padded with spaces (for " da " cues)."""
    text = fold(text).lower().replace("’", "'")
    text = _PUNCTUATION.sub(" ", _MARKUP.sub("", text))
    return " " + " ".join(text.split()) + " "


@lru_cache(maxsize=4096)  # headings repeat across records; a pure function of the text
def meaning_of(heading: str) -> str | None:
    h = normalize(heading)
    h = re.sub(r"^(?:\d+[.)]?\s*)+", "", h)  # "1. Context"
    if any(w in h for w in _NOT_MEANINGFUL):
        return None
    for phrase, meaning in _PHRASES:
        if phrase in h:
            return meaning
    for meaning, pattern in _HEADING_PATTERNS:
        if pattern.search(h):
            return meaning
    return None


def has_content(text: str) -> bool:
    """Text with something in it besides comments, blank lines and template placeholders."""
    stripped = _COMMENT.sub("", text).strip()
    if not stripped:
        return False
    lines = [l for l in stripped.splitlines() if l.strip()]
    return not all(_PLACEHOLDER.match(l.strip().lstrip("-*+ ")) for l in lines)


@dataclass
class Meaningful:
    """A record's sections by meaning; each meaning keeps its first section with content."""

    by_meaning: dict[str, Section]
    sections: list[Section]
    offset: int = 0  # lines of the file before the text that was read

    def get(self, meaning: str) -> Section | None:
        return self.by_meaning.get(meaning)

    def text(self, meaning: str) -> str:
        s = self.by_meaning.get(meaning)
        return s.text if s else ""

    def with_children(self, meaning: str, own_only: bool = False) -> str:
        """The section's text plus the headings and text of the subsections under it.

        `own_only` leaves out subsections that mean something else (MADR puts
        Consequences under Decision Outcome).
        """
        s = self.by_meaning.get(meaning)
        if s is None:
            return ""
        if not own_only:
            return _subtree_text(self.sections, s)
        parts = [s.text]
        index = self.sections.index(s)
        for child in self.sections[index + 1 :]:
            if child.level <= s.level:
                break
            if meaning_of(child.heading) in (None, meaning):
                parts.append(child.heading + "\n" + child.text)
        return "\n".join(parts)

    def children_of(self, s: Section) -> list[Section]:
        """The subsections directly below `s`."""
        index = self.sections.index(s)
        out = []
        for child in self.sections[index + 1 :]:
            if child.level <= s.level:
                break
            if not out or child.level <= out[0].level:
                out.append(child)
        return out


def read(text: str, line_offset: int = 0) -> Meaningful:
    """Sections of `text` by meaning; `line_offset` is added to each section's line (1-based in the file)."""
    lines = text.splitlines(keepends=True)
    found: dict[str, Section] = {}
    all_sections = sections(lines)
    for s in all_sections:
        s.line += line_offset
        if s.level == 0:
            continue
        meaning = meaning_of(s.heading)
        if meaning is None:
            continue
        children_text = _subtree_text(all_sections, s)
        if meaning not in found and has_content(children_text):
            found[meaning] = s
    return Meaningful(found, all_sections, line_offset)


def _subtree_text(all_sections: list[Section], s: Section) -> str:
    index = all_sections.index(s)
    out = [s.text]
    for child in all_sections[index + 1 :]:
        if child.level <= s.level:
            break
        out.append(child.heading + "\n" + child.text)
    return "\n".join(out)
