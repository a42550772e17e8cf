"""The words that make reasoning visible, as the choice estimate reads them: the reasoning card's own cues, as words.

The choice is `deliberate` exactly when the card would find a reason or a
rejected alternative (bench/judgement/DEFINITIONS.md), so these are the
card's tables (`adrtool.reasoning.cues`: REASON, ALTERNATIVE, STATUS_QUO,
PROBLEM, CHANGE) written as whole words and phrases instead of folded
substrings: a word set intersected with a zone's words finds them all in one
C-speed step, where the card tests each cue against each line.  A cue the
card writes as a stem ("simplif") is spelled out in its forms; accents are
kept as written ("würde" would, not "wurde" was, which folding confuses).

Latin-script cues are lower case, punctuation as spaces ("don t"); Chinese
cues are matched as substrings.
"""

from __future__ import annotations

from dataclasses import dataclass

# A reason for the pick (the card's REASON, less "可以", which only says "can", and German "da", which is
# "of the" or "gives" in Portuguese, Spanish and Italian).
REASON = (
    "because|since|so that|in order to|due to|the reason|the main reason|as it|as this|this means|which means|"
    "that means|which gives|gives us|lets us|let us|allows|allow us|allowing|enables|enable us|enabling|"
    "makes it easier|making it easier|make it easier|easier to|simpler to|reduces|reducing|simplify|simplifies|"
    "simplified|simplifying|simplification|improves|improving|avoids|avoiding|prevents|ensures|benefit|benefits|"
    "advantage|advantages|so we can|so we don t|this way|thanks to|helps|better|faster|cheaper|safer|"
    "more reliable|fits|suits|meets|satisfies|satisfy|solves|addresses|no need to|given that|therefore|hence|thus|"
    "weil|denn|damit|aufgrund|deshalb|daher|ermöglicht|vereinfacht|reduziert|vorteil|vorteile|besser|einfacher|"
    "schneller|parce que|car|puisque|afin de|afin que|en raison|permet|permettent|simplifie|réduit|avantage|"
    "avantages|meilleur|meilleure|plus simple|plus rapide|grâce à|porque|ya que|debido a|dado que|para que|permite|"
    "permiten|simplifica|reduce|ventaja|ventajas|mejor|más fácil|más rápido|gracias a|pois|visto que|uma vez que|"
    "reduz|vantagem|vantagens|melhor|mais fácil|mais rápido|graças a|permita|perché|poiché|dato che|in modo da|"
    "per via|permette|consente|semplifica|riduce|vantaggio|vantaggi|migliore|più semplice|più veloce|grazie a|"
    "потому что|так как|поскольку|чтобы|позволяет|позволит|упрощает|снижает|уменьшает|преимущество|преимущества|"
    "лучше|проще|быстрее|благодаря|as we|"
    # What the pick itself brings, said of it ("Cloud.gov is a FedRAMP'd solution that supports ...", "AWS offers
    # RDS", "This conforms to the hosting guide"): the property it was picked for.
    "provides|offers|supports|conforms to|complies with|recommended by|bietet|unterstützt|fournit|offre|"
    "prend en charge|proporciona|ofrece|soporta|fornece|oferece|suporta|fornisce|supporta|предоставляет|"
    "поддерживает"
)
REASON_ZH = "因为|由于|所以|因此|为了|以便|使得|能够|简化|减少|降低|提高|优势|好处|优点|更好|更容易|方便|便于|提供"

# An alternative turned down in prose (the card's REJECTION: "instead of X", "X was ruled out"; in the Context too,
# where it is what the record sets aside), named (MENTION), or weighed as what it would be like (HYPOTHETICAL:
# "a format of our own would need converters"; "würde", "hätte" are German's "would").
REJECTION = (
    "instead of|rather than|in favour of|in favor of|we considered|was considered|were considered|we looked at|"
    "we evaluated|was rejected|were rejected|rejected|ruled out|discarded|decided against|unlike|compared to|"
    "compared with|versus|vs|as opposed to|did not choose|didn t choose|not chosen|not choose|over the|"
    "we also tried|we tried|was dropped|were dropped|we do not want|we don t want|weakness of|from consideration|"
    "not an option|out of the question|lost because|loses because|lost to|loses to|lost out|statt|anstatt|"
    "anstelle|verworfen|abgelehnt|im gegensatz zu|gegenüber|au lieu de|plutôt que|rejeté|rejetée|rejetés|écarté|"
    "écartée|par rapport à|contrairement à|en lugar de|en vez de|rechazada|rechazado|rechazadas|rechazados|"
    "descartada|descartado|a diferencia de|en comparación con|em vez de|ao invés de|rejeitada|rejeitado|"
    "descartadas|descartados|ao contrário de|em comparação com|pouco conveniente|invece di|anziché|piuttosto che|"
    "scartata|scartato|rifiutata|rifiutato|rispetto a|a differenza di|вместо|отклонен|отклонено|отказались|"
    "по сравнению с|в отличие от|рассматривали"
)
REJECTION_ZH = "而不是|而非|代替|考虑过|放弃|相比|相较|对比|否决"
MENTION = "alternative|alternatives|other option|another option|other options|alternativen|alternativa|alternativas|" \
          "альтернатива|альтернативы"
MENTION_ZH = "备选|替代|另一种"
HYPOTHETICAL = (
    "would|could have|could also|otherwise|if we were|if we had|if we kept|if we stay|if we continue|else we|"
    "würde|würden|hätte|hätten|aurait|auraient|sinon|habría|de lo contrario|teria|caso contrário|senão|avrebbe|"
    "altrimenti|иначе|было бы"
)
HYPOTHETICAL_ZH = "否则|如果继续"

# Said of a decision between listed options: the reason for the choice compares them (the card's _COMPARES).
COMPARES = "only|than|unlike|whereas|compared|over|better|faster|simpler|cheaper|比"

# The way things are now, and what is wrong with it, in the Context: the status quo weighed and rejected (the
# card's STATUS_QUO and PROBLEM_OR_COST; the card reads them anywhere in the Context, in one paragraph or two).
STATUS_QUO = (
    "current|currently|at the moment|today|right now|existing|so far|until now|at present|presently|used to|"
    "nowadays|we have been|as it is|as is|at this time|still|historically|previously|in the past|to date|"
    "up to now|prior to|there is a|there are|we use|we rely|aktuell|aktuelle|aktuellen|derzeit|bisher|momentan|"
    "actuellement|auparavant|actualmente|hasta ahora|hoy|attualmente|finora|atualmente|hoje|desde o início|"
    "até agora|anteriormente|сейчас|текущий|текущая|текущее|ранее"
)
STATUS_QUO_ZH = "目前|当前|现在|现有|以前|之前|一直"
PROBLEM = (
    "problem|problems|problematic|issue|issues|conflict|conflicts|not work|does not work|fail|fails|failed|"
    "failing|failure|failures|bug|bugs|buggy|pain|painful|hard to|hard for|difficult|difficulty|difficulties|"
    "confusing|confusion|confused|fragile|breaks|broken|break|breaking|slow|slower|slowly|error|errors|wrong|too|"
    "cannot|can t|doesn t|does not|lack|lacks|lacking|missing|no way|impossible|unclear|inconsistent|"
    "inconsistency|inconsistencies|duplicate|duplicated|duplication|duplicates|risk|risks|risky|limit|limits|"
    "limited|limitation|limitations|overhead|burden|weakness|inadequate|insufficient|outage|outages|downtime|"
    "suffer|suffers|poor|not possible|unable|blocker|struggle|struggles|inefficient|not scale|expensive|downside|"
    "downsides|drawback|drawbacks|disadvantage|cost|costs|costly|harder|worse|lose|loss|negative|trade off|"
    "tradeoff|complex|complexity|complicated|penalty|learning curve|caveat|unfortunately|incompatible|pitfall|"
    "brittle|error prone|problema|problemas|problème|problèmes|schwierig|schwierigkeit|nachteil|risiko|kosten|"
    "komplex|difficulté|difficile|risque|dificultad|difícil|riesgo|complejidad|inadequado|ineficiente|dificuldade|"
    "falha|risco|custo|complexidade|rischio|complessità|проблема|проблемы|риск|сложно"
)
PROBLEM_ZH = "问题|困难|无法|不能|不容易|比较少|缺点|风险|成本|代价|复杂|限制|不支持"
# A decision that changes the way things are: carrying on as before was the alternative (the card's CHANGE).
CHANGE = (
    "no longer|stop|stops|stopping|remove|removes|removed|removing|removal|deprecate|deprecates|deprecated|"
    "deprecating|deprecation|drop|dropping|replace|replaces|replaced|replacing|replacement|switch|switches|"
    "switching|move from|move away|migrate|migrates|migrating|migration|instead of|rather than|change|changing|"
    "abandon|retire|phase out|get rid|from now on|going forward|delete the|rename|transition|move to|moving to|"
    "convert|no more|nicht mehr|ersetzen|ersetzt|ne plus|remplacer|remplace|ya no|reemplazar|reemplaza|não mais|"
    "não será mais|substituir|substitui|sostituire|sostituisce|non più|больше не|заменить|заменяет"
)
CHANGE_ZH = "不再|替换|改为|移除|废弃"

# A line's own label says it is for or against an option ("* Good, because ...", "- Con: ..."): MADR's
# pros and cons, and their translations (the card's options._LABEL).
FOR_LABELS = "good|pro|pros|positive|advantage|advantages|vorteil|vorteile|avantage|avantages|ventaja|ventajas|" \
             "vantagem|vantagens|vantaggio|vantaggi|плюс|优点|优势"
AGAINST_LABELS = "bad|con|cons|negative|disadvantage|disadvantages|nachteil|nachteile|inconvénient|inconvénients|" \
                 "desventaja|desventajas|desvantagem|desvantagens|svantaggio|svantaggi|минус|缺点|劣势"


@dataclass(frozen=True)
class Cues:
    """One kind of cue: single words as a set, phrases by their first word, Chinese ones as substrings."""

    words: frozenset[str]
    phrases: dict[str, tuple[tuple[str, str], ...]]  # first word -> (phrase, its second word), longest first
    keys: frozenset[str]  # every single word and every phrase's first word: what a zone must hold
    chinese: tuple[str, ...]
    firsts: frozenset[str] = frozenset()  # every phrase's first word: the phrases are looked for only under these

    def first(self, zone) -> str | None:
        """The most telling cue of this kind in `zone`, or None: `found(zone)[0]`, cheaper."""
        return first_of(self, zone)

    def found(self, zone) -> list[str]:
        """The cues of this kind in `zone` (an `estimate_text.Zone`), longest phrase first, then words."""
        words = zone.present
        present = words & self.keys
        out = []
        if present:
            phrases = self.phrases
            for first in present & self.firsts:  # (in the set's order, as before: the sort below decides)
                for phrase, second in phrases[first]:
                    if second in words and zone.has_phrase(phrase):
                        out.append(phrase)
            if out:
                covered = {w for p in out for w in p.split()}
                out.sort(key=_longest)
                out += sorted(present.intersection(self.words).difference(covered))
            else:
                out = sorted(present.intersection(self.words))
        if self.chinese and zone.chinese:
            raw = zone.raw
            out += [c for c in self.chinese if c in raw]
        return out


def first_of(kind: "Cues", zone) -> str | None:
    """`kind.found(zone)[0]` without the rest: the longest phrase, else the first word, else a Chinese cue."""
    words = zone.present
    if not words.isdisjoint(kind.keys):
        firsts = words & kind.firsts  # a phrase is looked for only under a first word the zone holds
        if firsts:
            padded, phrases = zone.padded, kind.phrases
            found = [p for first in firsts for p, second in phrases[first] if second in words and f" {p} " in padded]
            if found:
                return min(found, key=_longest)
        hit = words.intersection(kind.words)
        if hit:
            return min(hit)
    if kind.chinese and zone.chinese:
        raw = zone.raw
        return next((c for c in kind.chinese if c in raw), None)
    return None


def _longest(cue: str) -> tuple[int, str]:
    return -len(cue), cue


def cues(latin: str, chinese: str = "") -> Cues:
    items = [c.strip() for c in latin.split("|") if c.strip()]
    words = frozenset(c for c in items if " " not in c)
    phrases: dict[str, list[str]] = {}
    for c in items:
        if " " in c:
            phrases.setdefault(c.split(" ", 1)[0], []).append(c)
    by_first = {k: tuple((p, p.split()[1]) for p in sorted(set(v), key=lambda p: (-len(p), p)))
                for k, v in phrases.items()}
    return Cues(words, by_first, words | frozenset(by_first), tuple(c for c in chinese.split("|") if c),
                frozenset(by_first))


REASONS = cues(REASON, REASON_ZH)
REJECTIONS = cues(REJECTION, REJECTION_ZH)
ALTERNATIVES = cues(REJECTION + "|" + MENTION + "|" + HYPOTHETICAL, REJECTION_ZH + "|" + MENTION_ZH + "|" + HYPOTHETICAL_ZH)
COMPARISONS = cues(COMPARES)
STATUS_QUOS = cues(STATUS_QUO, STATUS_QUO_ZH)
PROBLEMS = cues(PROBLEM, PROBLEM_ZH)
CHANGES = cues(CHANGE, CHANGE_ZH)
# Said of an option: a reason against it ("MongoDB - no transactions"; the card's AGAINST, its commonest words).
AGAINSTS = cues(PROBLEM + "|no|not|without|only|nicht|kein|keine|pas|sans|sin|sem|senza", PROBLEM_ZH + "|没有|不")
LEAD_WORDS = frozenset("because reason reasons why rationale motivation weil gründe raison raisons razones razões "
                       "motivos ragioni".split())
LABEL_WORDS = frozenset(w for w in (FOR_LABELS + "|" + AGAINST_LABELS).split("|") if w.isascii())

# When no cue shows reasoning (`estimate_choice_absence`): the words of a comparison ("simpler than", "whereas":
# one must be in a zone before the card's comparison pattern is tried there), and the verbs of a weighing told in
# the past (the card's `absence._WEIGHED`, with their accents and forms as written, since these are not folded).
COMPARISON_WORDS = frozenset("than whereas contrast hand alternatively als que di чем".split())
WEIGHING_VERBS = tuple((
    "evaluated considered compared weighed assessed explored investigated discussed evaluiert verglichen abgewogen "
    "erwogen betrachtet diskutiert geprüft gepruft évalué évaluée évalués évaluées comparé comparée comparés "
    "comparées envisagé envisagée envisagés envisagées considéré considérée considérés considérées étudié étudiée "
    "étudiés étudiées evaluado evaluada evaluados evaluadas comparado comparada comparados comparadas considerado "
    "considerada considerados consideradas analizado analizada analizados analizadas avaliado avaliada avaliados "
    "avaliadas analisado analisada analisados analisadas valutato valutata valutati valutate confrontato "
    "confrontata confrontati confrontate considerato considerata considerati considerate рассматривали сравнивали"
).split())
WEIGHING_ZH = ("评估了", "比较了", "对比了", "权衡了", "考虑了", "讨论了", "検討した", "比較した")

WEIGHING_KEYS = frozenset(WEIGHING_VERBS) | {"looked"}  # ("looked at", "looked into")

# Every word that begins a choice cue, or a label: what a zone's `present` must hold for the choice.
KEYS = (REASONS.keys | REJECTIONS.keys | ALTERNATIVES.keys | COMPARISONS.keys | STATUS_QUOS.keys | PROBLEMS.keys
        | CHANGES.keys | AGAINSTS.keys | LEAD_WORDS | LABEL_WORDS | COMPARISON_WORDS | WEIGHING_KEYS)
SECOND_WORDS = frozenset(second for kind in (REASONS, REJECTIONS, ALTERNATIVES, COMPARISONS, STATUS_QUOS, PROBLEMS,
                                              CHANGES, AGAINSTS) for bucket in kind.phrases.values() for _, second in bucket)

