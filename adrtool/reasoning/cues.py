"""Cue words: the phrases that show a reason, a cost or a rejected alternative in prose.

One table per essential, in the languages the section reader knows (English,
German, French, Spanish, Portuguese, Italian, Russian, Persian, Chinese).
Matching is on text folded by `meaning.normalize_words` (lower case, accents
gone, padded with spaces), so a cue that must be a whole word carries its own
spaces (" but ").  The lists lean generous on purpose: a cue makes an
essential at least *thin*, and an error is only reported when no cue at all
is found, so a missing cue costs an error where a careful reader sees none
(the worse mistake), while an extra cue only turns an error into a warning.
"""

from __future__ import annotations

from adrtool.vocabulary import strip_accents


def _fold(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(strip_accents(c).lower() for g in groups for c in g)


# A reason: why the chosen option serves the problem.
REASON = _fold(
    ("because", " since ", "so that", "in order to", "due to", "the reason", " as it ", " as this ", " as we ",
     "this means", "which means", "that means", "which gives", "gives us", "lets us", "let us", " allows",
     "allowing", "enables", "enabling", "makes it easier", "making it easier", "easier to", "reduces",
     "reducing", "simplif", "improves", "improving", "avoids", "avoiding", "prevents", "ensures", "benefit",
     "advantage", "so we can", "so we don", "this way", "thanks to", "helps", "better", "faster", "cheaper",
     "safer", "more reliable", "fits", "suits", "meets", "satisf", "solves", "addresses", "no need to",
     "good, ", "good:", "pro:", "pros:", " given that", "therefore", "hence", " thus "),
    ("weil", " denn ", " da ", "damit ", "aufgrund", "deshalb", "daher", "ermoglicht", "vereinfacht",
     "reduziert", "vorteil", "besser", "einfacher", "schneller"),
    ("parce que", " car ", "puisque", "afin de", "en raison", "permet", "simplifie", "reduit", "avantage",
     "meilleur", "plus simple", "plus rapide", "grace a"),
    ("porque", "ya que", "debido a", "dado que", "para que", "permite", "simplifica", "reduce", "ventaja",
     "mejor", "mas facil", "mas rapido", "gracias a"),
    (" pois ", "visto que", "uma vez que", "reduz", "vantagem", "melhor", "mais facil", "mais rapido", "gracas a"),
    ("perche", "poiche", "dato che", "in modo da", "per via", "permette", "consente", "semplifica", "riduce",
     "vantaggio", "migliore", "piu semplice", "piu veloce", "grazie a"),
    ("потому что", "так как", "поскольку", "чтобы", "позволяет", "позволит", "упрощает", "снижает",
     "уменьшает", "преимуществ", "лучше", "проще", "быстрее", "благодаря"),
    ("زیرا", "چون", "به دلیل", "باعث", "امکان", "ساده", "کاهش", "مزیت", "بهتر", "سریعتر"),
    ("因为", "由于", "所以", "因此", "为了", "以便", "使得", "可以", "能够", "简化", "减少", "降低", "提高",
     "优势", "好处", "优点", "更好", "更容易", "方便", "便于"),
)

# Wording that stands in for a reason without being one: alone, it leaves the reason absent.
CROWD = _fold(("industry standard", "best practice", "everyone uses", "everybody uses", "everyone is using",
               "everybody is using", "de facto standard", "what everyone", "most popular", "all the big companies",
               "widely used", "widely adopted", "commonly used", "popular choice"),
              ("branchenstandard", "standard de l'industrie", "estandar de la industria", "padrao da industria",
               "standard di settore", "отраслевой стандарт", "行业标准", "最佳实践"))
# A formulaic reason: present, but says nothing the option's name does not.
FORMULAIC = _fold(("best option", "best choice", "best fit", "best solution", "most suitable", "meets our needs",
                   "meets our requirements", "fits our needs", "fits our requirements", "fits best", "suits our needs",
                   "right tool", "good choice", "good fit", "only option", "works well", "seems good",
                   "comes out best", "seems better", "simplest option"))
ABSOLUTE = _fold(("obviously", "no downside", "no downsides", "no drawback", "no drawbacks", "eliminates",
                  "zero risk", "no risk", "always works", "clearly the best", "guarantees", "no negative"))

# A cost: a downside, trade-off or risk, said as one.
COST = _fold(
    ("downside", "drawback", "disadvantage", " cost", "risk", "harder", "more difficult", "difficult", "slower",
     "worse", "we lose", " lose ", " loss", "negative", "trade-off", "tradeoff", "trade off", "however", " but ",
     "at the expense", "more complex", "complexity", "complicat", "lock-in", "locked in", "overhead", "penalty",
     "cannot", "can't", "can not", "no longer", "not be able", "unable", "limitation", "limited", "learning curve",
     "burden", "caveat", "unfortunately", "breaking change", "breaks ", "incompatib", "expensive", "bad,", "bad:",
     "bad because", "con:", "cons:", "pitfall", "extra work", "more work", "more effort", "less flexib", "inflexib",
     "vendor", "bloat", "slow", "fragile", "brittle", "downtime", "outage", "lack of", "lacks", "does not support",
     "doesn't support", "not supported", "won't", "will not be", "tied to", "another dependency",
     "new dependency", "on-call", "we accept", "at the cost", "price", "painful", "error-prone", "confus",
     "duplicat", "inconsisten", "mitigat"),
    ("nachteil", "schlechter", "langsamer", "risiko", "kosten", "schwieriger", "komplex", "jedoch", " aber ",
     "allerdings", "einschrankung"),
    ("inconvenient", "risque", "cout", "plus lent", "plus complexe", "difficile", "cependant", " mais ",
     "limitation", "contrainte"),
    ("desventaja", "riesgo", "costo", "coste", "mas lento", "complejidad", "dificil", "sin embargo", " pero ",
     "limitacion"),
    ("desvantagem", "risco", "custo", "mais lento", "complexidade", "porem", "entretanto", " mas ", "limitacao"),
    ("svantaggi", "rischio", "costo", "piu lento", "complessita", "tuttavia", " pero ", " ma ", "limitazion"),
    ("недостат", "риск", "стоимост", "затрат", "сложн", "медленн", "однако", " но ", "ограничен", "минус"),
    ("معایب", "عیب", "ریسک", "خطر", "هزینه", "کندتر", "پیچیده", "سخت", " اما ", " ولی ", "محدودیت"),
    ("缺点", "风险", "成本", "代价", "开销", "更慢", "复杂", "困难", "但是", "然而", "不得不", "限制", "劣势"),
)
# An obligation the choice brings ("we will have to tag releases"): a cost only in passing.
OBLIGATION = _fold(
    ("will have to", "have to", "has to", "need to", "needs to", "will need", " must ", "requires", " require",
     "migrat", "maintenance", "maintain", "effort", "learn", " training", "rewrite", "rework", "update existing",
     "depends on", "dependency", "additional", "increase", "larger", "bigger", "missing", "only "),
    ("muss", "mussen", "aufwand", "migration", "abhangig"),
    ("devra", "devront", "il faut", "dependance"),
    ("tendran que", "tendremos que", "habra que", "dependencia"),
    ("terao que", "teremos que", "precisarao", "precisa ", "dependencia"),
    ("dovranno", "dovremo", "bisognera", "dipendenza"),
    ("придется", "нужно будет", "потребует", "зависимост"),
    ("باید",),
    ("需要", "必须", "迁移", "维护", "依赖"),
)
# Said of an option: these make its explanation a reason against it ("MongoDB - no transactions").
AGAINST = COST + OBLIGATION + _fold((" no ", " not ", "without", "n't", "too ", "only ", "nicht", "kein", " pas ",
                                     "sans ", " sin ", " sem ", " senza ", " нет ", " без ", "没有", "不"))
# Just before a cost word, these turn it into a benefit ("reduces the maintenance effort").
EASES = _fold(("reduc", "less", "lower", "fewer", "facilitat", "eas", "avoid", "simplif", "no ", "without", "minimi",
               "remov", "eliminat", "prevent", "save", "cut", "lighter", "smaller", "mitigat", "no more"))


# A rejected alternative in prose ("instead of X, because ...").
ALTERNATIVE = _fold(
    ("instead of", "rather than", "in favour of", "in favor of", "alternative", "alternatively", "we considered",
     "was considered", "were considered", "we looked at", "we evaluated", "was rejected", "were rejected",
     "rejected", "ruled out", "discarded", "decided against", "unlike ", "compared to", "compared with",
     "versus", " vs", "as opposed to", "other option", "another option", "other options", "could have",
     "could also", "would have", "would require", "would mean", "would need", "would be", "would not",
     "wouldn't", "did not choose", "didn't choose", "not chosen", "not choose", "over the", "we also tried",
     "we tried", "was dropped", "were dropped"),
    ("statt ", "anstatt", "anstelle", "verworfen", "abgelehnt", "im gegensatz zu", "gegenuber", "hatte", "wurde "),
    ("au lieu de", "plutot que", "rejete", "ecarte", "par rapport a", "contrairement a", "aurait"),
    ("en lugar de", "en vez de", "alternativa", "rechazad", "descartad", "a diferencia de", "en comparacion con",
     "habria"),
    ("em vez de", "ao inves de", "rejeitad", "ao contrario de", "em comparacao com", "teria"),
    ("invece di", "anziche", "piuttosto che", "scartat", "rifiutat", "rispetto a", "a differenza di", "avrebbe"),
    ("вместо", "альтернатив", "отклонен", "отказались", "по сравнению с", "в отличие от", "рассматривали"),
    ("به جای", "جایگزین", "گزینه", "رد شد", "در مقایسه با"),
    ("而不是", "而非", "代替", "替代", "备选", "考虑过", "放弃", "相比", "相较", "对比", "否决", "另一种"),
)

# The way things are now: with a problem on the same line, the status quo is weighed (and rejected).
STATUS_QUO = _fold(("current", "at the moment", "today", "right now", "existing", "so far", "until now", "at present",
                    "presently", "used to", "nowadays", "we have been", "as it is", "as is", "at this time", "still ",
                    "aktuell", "derzeit", "bisher", "momentan", "actuellement", "actualmente", "hoy", "attualmente",
                    "atualmente", "hoje", "сейчас", "текущ", "目前", "当前", "现在", "现有"))
PROBLEM = _fold(("problem", "issue", "conflict", "not work", "fail", "bug", "pain", "hard to", "difficult", "confus", "fragile",
                 "break", "slow", "error", "wrong", "too ", "cannot", "can't", "doesn't", "does not", "lack", "missing",
                 "no way", "impossible", "unclear", "inconsisten", "duplicat", "risk", "limit", "overhead", "burden",
                 "problema", "probleme", "проблем", "问题", "困难", "无法", "不能"))

# A decision that changes the way things are: continuing as before was the alternative.
CHANGE = _fold(("no longer", "stop ", "remove", "deprecat", "drop ", "dropping", "replace", "switch", "move from",
                "move away", "migrate", "instead of", "rather than", "change ", "changing", "abandon", "retire",
                "phase out", "get rid", "from now on", "going forward", "nicht mehr", "ersetz", "ne plus", "remplac",
                "ya no", "reemplaz", "nao mais", "substitu", "sostitu", "non piu", "больше не", "замен", "不再", "替换",
                "改为", "移除", "废弃"))

# An arbitrary pick owned up to: why a guess is acceptable here, and what undoing it would cost.
ARBITRARY_OK = _fold(("good enough", "any of", "either would", "either option", "no strong", "doesn't matter",
                      "does not matter", "little difference", "equally", "coin", "arbitrar", "a guess", "for now",
                      "pick one", "no clear winner", "none is clearly", "as good as"))
UNDO_COST = _fold(("undo", "reverse", "revert", "to change later", "changing it later", "change it later",
                   "switching later", "switch later", "back out", "would cost", "would take", "would mean migrating",
                   "to migrate later", "if we change"))

# A statement that something was decided (when no Decision section says so).
DECIDED = _fold(
    ("we will ", "we'll ", "we decided", "we have decided", "we've decided", "we decide", "we chose", "we choose",
     "we have chosen", "we've chosen", "chosen option", "we use ", "we are going to", "we're going to",
     "we adopt", "we have adopted", "decided to", "the decision is", "we prefer", "we go with", "we picked",
     "we select", "we will use"),
    ("wir werden", "wir verwenden", "wir nutzen", "wir nehmen", "entschieden", "gewahlte option"),
    ("nous allons", "nous utiliserons", "nous utilisons", "nous avons decide", "nous prenons", "option choisie"),
    ("vamos a", "usaremos", "usamos", "decidimos", "hemos decidido", "opcion elegida"),
    ("vamos ", "usaremos", "usamos", "decidimos", "optamos", "opcao escolhida"),
    ("useremo", "usiamo", "abbiamo deciso", "adotteremo", "opzione scelta"),
    ("мы будем", "будем использовать", "мы используем", "решили", "выбрали"),
    ("تصمیم گرفتیم", "استفاده می کنیم", "استفاده خواهیم"),
    ("决定", "采用", "使用", "选择", "选用", "我们将"),
)

# Evidence: data, a measurement, a spike, a prototype.
EVIDENCE = _fold(("benchmark", "measured", "measurement", "we tested", "spike", "prototype", "experiment", "proof of concept",
                  " poc", "load test", "profil", "survey", "p99", "p95", "latency of", "requests per", "per second",
                  "messung", "gemessen", "mesure", "medicion", "medimos", "medicao", "misurat", "измерен",
                  "тест", "اندازه", "测试", "基准", "实验"))

# A confirmation or revisit plan.
PLAN = _fold(("revisit", "re-evaluate", "reevaluate", "review in", "review again", "reconsider", "we will measure",
              "we will monitor", "monitor", "confirm", "validate", "check in ci", "a test checks", "tested by",
              "in six months", "in 6 months", "next quarter", "uberprufen", "reevaluer", "revisar", "rivedere",
              "пересмотр", "重新评估", "复审"))

# "Do nothing" as an option: it counts only when it was a real possibility.
DO_NOTHING = _fold(("do nothing", "nothing", "status quo", "keep as is", "keep it as is", "keep things as they are",
                    "keep the current", "no change", "stay as is", "leave as is", "nichts tun", "ne rien faire",
                    "statu quo", "no hacer nada", "nao fazer nada", "non fare nulla", "ничего не делать", "不做任何"))


def first(cues: tuple[str, ...], folded: str) -> str | None:
    """The first cue found in `folded` text (see `meaning.normalize_words`), or None."""
    for cue in cues:
        if cue in folded:
            return cue
    return None


def downside(cues: tuple[str, ...], folded: str) -> str | None:
    """The first cue of a downside that is not eased away ("reduces the maintenance effort" is a benefit)."""
    for cue in cues:
        start = folded.find(cue)
        while start >= 0:
            before = folded[max(0, start - 28):start]
            if not any(e in before for e in EASES):
                return cue
            start = folded.find(cue, start + 1)
    return None
