"""Words over titles and bodies, ranked: how an agent finds the decision it has not been told about.

Every decision is read afresh (no index).  A decision matches when it holds
every word of the query (accents and case folded; a word matches the start
of a word in the text, so "lock" finds "locking").  Ranking, best first:
words in the title, then in the tags or id, then how often they occur in
the body (each word's count capped, so one long record does not win by
length alone).  Ties: most binding first, then the id.
"""

from __future__ import annotations

import re

from adrtool.vocabulary import strip_accents

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_RESULTS = 50
_BODY_CAP = 5  # occurrences of one word in the body that still count
_SNIPPET = 160


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(strip_accents(text).lower()) if w]


def _starts(word: str, tokens: list[str]) -> int:
    return sum(1 for t in tokens if t.startswith(word))


def _snippet(body: str, query: list[str]) -> str:
    """The first line of the body holding a query word, trimmed to one short line."""
    for line in body.splitlines():
        folded = words(line)
        if any(_starts(w, folded) for w in query):
            text = " ".join(line.strip().lstrip("#>*-+ ").split())
            return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1].rsplit(" ", 1)[0] + "…"
    return ""


def score(decision, query: list[str]) -> float | None:
    """The rank of `decision` for `query`, or None when a word is missing."""
    title = words(decision.title)
    labels = words(" ".join([decision.id, *decision.tags]))
    body = words(decision.body)
    total = 0.0
    for word in query:
        in_title, in_labels, in_body = _starts(word, title), _starts(word, labels), _starts(word, body)
        if not (in_title or in_labels or in_body):
            return None
        total += 10 * min(in_title, 1) + 5 * min(in_labels, 1) + min(in_body, _BODY_CAP)
    return total


def search(repo, text: str, limit: int = 10) -> list[dict]:
    """The decisions matching every word of `text`, best first, each with a short matching line."""
    from adrtool.agents.answers import binding_order, brief, summary_reader

    query = words(text)
    if not query:
        return []
    ranked = []
    for d in repo.decisions:
        s = score(d, query)
        if s is not None:
            ranked.append((-s, binding_order(d), d))
    ranked.sort(key=lambda item: (item[0], item[1]))
    stored = summary_reader(repo)
    out = []
    for neg, _, d in ranked[: max(1, min(limit, MAX_RESULTS))]:
        item = brief(repo, d, stored)
        item["score"] = -neg
        item["match"] = _snippet(d.body, query) or d.title
        out.append(item)
    return out
