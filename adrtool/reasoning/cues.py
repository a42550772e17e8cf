"""Cue words: the phrases that show a reason, a cost or a rejected alternative in prose.

One table per essential, in the languages the section reader knows (English,
German, French, Spanish, Portuguese, Italian, Russian, Persian, Chinese).
Matching is on text folded by `meaning.normalize_words` (lower case, accents
gone, punctuation turned to spaces, padded with spaces), so a cue that must be
a whole word carries its own spaces (" but ", and " custo " so that Portuguese
"custo" is not found in "custom").  The lists lean generous on purpose: a cue makes an
essential at least *thin*, and an error is only reported when no cue at all
is found, so a missing cue costs an error where a careful reader sees none
(the worse mistake), while an extra cue only turns an error into a warning.

Where a word says a thing outright it is *strong* ("drawback", "risk",
"harder": a cost found); where it only hints at one it is *weak* ("but",
"however", "cannot": a cost in passing, thin).  A contrast word marks a turn
in the sentence, not a downside: most "however"s in a Decision section turn
to the next step of the design.
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
     " given that", "therefore", "hence", " thus "),
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

# A cost: a downside, trade-off or risk, said as one (strong: a cost found where the choice's effects are told).
COST = _fold(
    ("downside", "drawback", "disadvantage", " cost", "risk", "harder", "more difficult", "difficult", "slower",
     "worse", "we lose", " lose ", " loss", "negative", "trade-off", "tradeoff", "trade off", "at the expense",
     "more complex", "complexity", "complicat", "lock-in", "locked in", "overhead", "penalty", "not be able",
     "unable", "limitation", "learning curve", "burden", "caveat", "unfortunately", "breaking change", "breaks ",
     "incompatib", "expensive", "bad because", "pitfall", "extra work",
     "more work", "more effort", "less flexib", "inflexib", "bloat", "slow", "fragile", "brittle", "downtime",
     "outage", "another dependency", "new dependency", "on-call", "we accept", "at the cost", "price", "painful",
     "error-prone", "confus", "duplicat", "inconsisten", "mitigat", "no longer be able", "not possible",
     "impossible",
     # Money or time the choice needs spent on it is what it costs ("investimento de tempo e dinheiro em soluções
     # complementares", rafaelbgil/fiap-hackathon adrs/adr1.md): said as an investment, not a "cost".
     "financial investment", "investment of time", "investment in time", "upfront investment", "up-front investment",
     "initial investment", "significant investment"),
    ("nachteil", "schlechter", "langsamer", "risiko", "kosten", "schwieriger", "komplex", "einschrankung", "investition"),
    ("inconvenient", "risque", " cout ", " couts ", "plus lent", "plus complexe", "difficile", "limitation", "contrainte",
     "investissement"),
    ("desventaja", "riesgo", " costo ", " costos ", " coste ", " costes ", "mas lento", "complejidad", "dificil", "limitacion",
     "inversion economica", "inversion de tiempo", "inversion inicial"),
    ("desvantagem", " risco", " custo ", " custos ", "mais lento", "complexidade", "limitacao", "dificil", "investimento"),
    ("svantaggi", "rischio", " costo ", "piu lento", "complessita", "limitazion"),
    ("недостат", "риск", "стоимост", "затрат", "сложн", "медленн", "ограничен", "минус"),
    ("معایب", "عیب", "ریسک", "خطر", "هزینه", "کندتر", "پیچیده", "سخت", "محدودیت"),
    ("缺点", "风险", "成本", "代价", "开销", "更慢", "复杂", "困难", "不得不", "限制", "劣势", "不支持", "无法"),
)
# A turn or a limit that only hints at a cost (weak: a cost in passing at most).
CONTRAST = _fold(
    (" but ", "however", "although", " though", "cannot", "can't", "can not", "no longer", "limited", "lack of",
     "lacks", "does not support", "doesn't support", "not supported", "won't", "will not be", "tied to", "vendor",
     "while this"),
    ("jedoch", " aber ", "allerdings", "nicht mehr"),
    ("cependant", " mais ", "toutefois"),
    ("sin embargo", " pero ", "no soporta"),
    ("porem", "entretanto", " mas ", "contudo", "nao suporta"),
    ("tuttavia", " pero ", " ma "),
    ("однако", " но "),
    (" اما ", " ولی "),
    ("但是", "然而", "不过", "目前不支持"),
)
# An obligation the choice brings ("we will have to tag releases"): a cost only in passing.
OBLIGATION = _fold(
    ("will have to", "have to", "has to", "need to", "needs to", "will need", " must ", "requires", " require",
     "migrat", "maintenance", "maintain", "effort", "learn", " training", "rewrite", "rework", "update existing",
     "depends on", "dependency", "additional", "increase", "larger", "bigger", "missing", "only ", "transition"),
    ("muss", "mussen", "aufwand", "migration", "abhangig"),
    ("devra", "devront", "il faut", "il faudra", "sera necessaire", "dependance"),
    ("tendran que", "tendremos que", "habra que", "sera necesario", "sera necesaria", "dependencia"),
    ("terao que", "teremos que", "tera que", "precisarao", "precisa ", "sera necessario", "sera necessaria",
     "sera preciso", "dependencia", "obriga"),
    ("dovranno", "dovremo", "bisognera", "dipendenza"),
    ("придется", "нужно будет", "потребует", "зависимост"),
    ("باید",),
    ("需要", "必须", "迁移", "维护", "依赖"),
)
# Said of an option: these make its explanation a reason against it ("MongoDB - no transactions").
AGAINST = COST + CONTRAST + OBLIGATION + _fold((" no ", " not ", "without", "n't", "too ", "only ", "nicht", "kein", " pas ",
                                     "sans ", " sin ", " sem ", " senza ", " нет ", " без ", "没有", "不"))
# Just before a cost word, these turn it into a benefit ("reduces the maintenance effort").
EASES = _fold(("reduc", "less", "lower", "fewer", "facilitat", "eas", "avoid", "simplif", "no ", "without", "minimi",
               "remov", "eliminat", "prevent", "save", "cut", "lighter", "smaller", "mitigat", "no more", "don't ",
               "do not ", "doesn't ", "does not ", "never ", "not ", " sem ", " evita", "reduz", "elimina"))
# Just after a cost word, these turn it into a benefit ("keeps overhead and costs to a minimum").
EASED_AFTER = _fold(("to a minimum", "to the minimum", "minimal", "are reduced", "is reduced", "go away", "goes away",
                     "disappear", "is removed", "are removed", "is eliminated", "are eliminated", "is lower",
                     "are lower", "drops", "decreases"))


# A rejected alternative in prose ("instead of X, because ...", "X was ruled out").
REJECTION = _fold(
    ("instead of", "rather than", "in favour of", "in favor of", "we considered", "was considered",
     "were considered", "we looked at", "we evaluated", "was rejected", "were rejected", "rejected", "ruled out",
     "discarded", "decided against", "unlike ", "compared to", "compared with", "versus", " vs", "as opposed to",
     "did not choose", "didn't choose", "not chosen", "not choose", "over the", "we also tried", "we tried",
     "was dropped", "were dropped", "we do not want", "we don't want", "weakness of", "from consideration",
     "not an option", "out of the question", "lost because", "loses because", "lost to ", "loses to ", "lost out"),
    ("statt ", "anstatt", "anstelle", "verworfen", "abgelehnt", "im gegensatz zu", "gegenuber"),
    ("au lieu de", "plutot que", "rejete", "ecarte", "par rapport a", "contrairement a"),
    ("en lugar de", "en vez de", "rechazad", "descartad", "a diferencia de", "en comparacion con"),
    ("em vez de", "ao inves de", "rejeitad", "descartad", "ao contrario de", "em comparacao com", "pouco conveniente"),
    ("invece di", "anziche", "piuttosto che", "scartat", "rifiutat", "rispetto a", "a differenza di"),
    ("вместо", "отклонен", "отказались", "по сравнению с", "в отличие от", "рассматривали"),
    ("به جای", "رد شد", "در مقایسه با"),
    ("而不是", "而非", "代替", "考虑过", "放弃", "相比", "相较", "对比", "否决"),
)
# A mention of other options ("an alternative", "other options"): a name for them, not a weighing of them.
MENTION = _fold(("alternative", "other option", "another option"), ("alternativ",), ("альтернатив",),
                ("جایگزین", "گزینه"), ("备选", "替代", "另一种"))
# A hypothetical: what the other way would be like ("it would be very hard to keep multiple clusters alike",
# "a format of our own would need converters"): another way weighed, in passing.
HYPOTHETICAL = _fold(
    ("would", "could have", "could also", "otherwise", "if we were", "if we had", "if we kept", "if we stay",
     "if we continue", "else we"),
    ("hatte", "wurde "), ("aurait", "sinon"), ("habria", "de lo contrario"), (" teria ", "caso contrario", "senao"),
    ("avrebbe", "altrimenti"), ("иначе", "было бы"), ("وگرنه",), ("否则", "如果继续"),
)
ALTERNATIVE = REJECTION + MENTION + HYPOTHETICAL

# The way things are now: with a problem on the same line, the status quo is weighed (and rejected).
STATUS_QUO = _fold(("current", "at the moment", "today", "right now", "existing", "so far", "until now", "at present",
                    "presently", "used to", "nowadays", "we have been", "as it is", "as is", "at this time", "still ",
                    "historically", "previously", "in the past", "to date", "up to now", "prior to", "there is a ",
                    "there are ", "we use ", "we rely", "aktuell", "derzeit", "bisher", "momentan", "actuellement",
                    "auparavant", "actualmente", "hasta ahora", " hoy ", "attualmente", "finora", "atualmente", "hoje",
                    "desde o inicio", "ate agora", "anteriormente", "сейчас", "текущ", "ранее", "目前", "当前", "现在",
                    "现有", "以前", "之前", "一直"))
PROBLEM = _fold(("problem", "issue", "conflict", "not work", "fail", "bug", "pain", "hard to", "hard for", "difficult",
                 "confus", "fragile", "break", "slow", "error", "wrong", "too ", "cannot", "can't", "doesn't",
                 "does not", "lack", "missing", "no way", "impossible", "unclear", "inconsisten", "duplicat", "risk",
                 "limit", "overhead", "burden", "weakness", "inadequa", "insufficien", "outage", "downtime", "suffer",
                 "poor", "not possible", "unable", "blocker", "struggl", "inefficien", "not scale", "expensive",
                 "problema", "probleme", "schwierig", "difficulte", "dificultad", "inadequad", "ineficien", "dificuldade", "falha", "проблем", "问题", "困难",
                 "无法", "不能", "不容易", "比较少"))

# A decision that changes the way things are: continuing as before was the alternative.
CHANGE = _fold(("no longer", "stop ", "remove", "deprecat", "drop ", "dropping", "replace", "switch", "move from",
                "move away", "migrate", "instead of", "rather than", "change ", "changing", "abandon", "retire",
                "phase out", "get rid", "from now on", "going forward", "nicht mehr", "ersetz", "ne plus", "remplac",
                "ya no", "reemplaz", "nao mais", "nao sera mais", "substitu", "sostitu", "non piu", "больше не", "замен",
                "不再", "替换", "改为", "移除", "废弃", "delete the", "rename", "transition", "move to", "moving to",
                "convert", "no more"))

# An arbitrary pick owned up to: why a guess is acceptable here, and what undoing it would cost.  Said of the
# choice itself: "for now", "arbitrary data", "reverse order" or "segundo" (which holds "undo") are not.
ARBITRARY_OK = _fold((" good enough", "either would", "either option would", "either one would", "any of these would",
                      "any of them would", "any of the options would", "no strong preference", "no strong opinion",
                      "doesn't matter which", "does not matter which", "little difference between", "equally good",
                      "equally well", "coin toss", "coin flip", "flip a coin", "arbitrary choice", "arbitrary pick",
                      "arbitrary decision", "arbitrarily", "choice is arbitrary", "pick is arbitrary", " a guess",
                      "no clear winner", "none is clearly", "as good as any"))
UNDO_COST = _fold((" to undo", " undoing", " undo this", " undo it", "reverse this", "reversing this",
                   "reverse the decision", "revert this", "reverting this", "revert the decision", "to change later",
                   "changing it later", "change it later", "switching later", "switch later", " back out",
                   "to migrate later", "if we change our mind", "if we ever change", "would cost us", "costly to change",
                   "costly to undo", "expensive to change", "hard to change later", "hard to reverse", "hard to undo",
                   "easy to change", "easy to undo", "easy to reverse", "easy to switch"))

# A statement that something was decided (when no Decision section says so).
DECIDED = _fold(
    ("we will ", "we'll ", "we decided", "we have decided", "we've decided", "we decide", "we chose", "we choose",
     "we have chosen", "we've chosen", "chosen option", "we use ", "we are going to", "we're going to",
     "we adopt", "we have adopted", "decided to", "the decision is", "we prefer", "we go with", "we picked",
     "we select", "we will use"),
    ("wir werden", "wir verwenden", "wir nutzen", "wir nehmen", "wir setzen", "entschieden", "gewahlte option"),
    ("nous allons", "nous utiliserons", "nous utilisons", "nous avons decide", "nous avons choisi", "nous choisissons",
     "nous adoptons", "nous prenons", "option choisie"),
    ("vamos a", "usaremos", "usamos", "decidimos", "hemos decidido", "elegimos", "hemos elegido", "adoptaremos",
     "opcion elegida"),
    ("vamos ", "usaremos", "utilizaremos", "usamos", "decidimos", "optamos", "escolhemos", "adotaremos",
     "opcao escolhida"),
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


# Combinations the card asks for, made once rather than for every sentence.
COST_OR_OBLIGATION = COST + OBLIGATION
HINT = CONTRAST + OBLIGATION
PROBLEM_OR_COST = PROBLEM + COST
AGAINST_OR_REASON = AGAINST + REASON
AGAINST_REASON_OR_REJECTION = AGAINST + REASON + REJECTION
COST_CONTRAST_OR_REASON = COST + CONTRAST + REASON
NOT_A_REASON = CROWD + FORMULAIC


def first(cues: tuple[str, ...], folded: str) -> str | None:
    """The first cue of the table found in `folded` text (see `meaning.normalize_words`), or None."""
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
