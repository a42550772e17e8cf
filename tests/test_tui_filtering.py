"""The table filter, as pure functions: ranking by match quality, what does not match, hints for bad terms."""

from __future__ import annotations

from adrtool.model import Decision, Status
from adrtool.tui import filtering


def d(ident: str, title: str, **kw) -> Decision:
    return Decision(id=ident, title=title, path=f"decisions/{ident}.md", status=kw.pop("status", Status.ACCEPTED), **kw)


DECISIONS = [
    d("0001", "Record design decisions with adrtool"),
    d("0002", "Write the newcomer digest"),
    d("0003", "Commit with optimistic checks"),
    d("0012", "Use PostgreSQL for orders"),
    d("0020", "Digests are rebuilt in CI"),
    d("0042", "Predigested summaries"),
]


def ids(query: str, decisions=DECISIONS) -> list[str]:
    return [x.id for x in filtering.select(decisions, query)]


def test_exact_and_word_start_matches_come_first_then_inside_words_then_word_runs():
    assert ids("digest") == ["0002", "0020", "0042"]  # word start (table order kept), then inside "Predigested"
    assert ids("12") == ["0012"]  # the number: 12 is 0012
    assert ids("1") == ["0001", "0012"]  # exactly 0001 first
    assert ids("optc") == ["0003"]  # starts of successive words: OPTimistic Checks
    assert ids("gres") == ["0012"]  # inside a word
    assert ids("post ord") == ["0012"]  # every word must match


def test_letters_scattered_through_a_title_do_not_match():
    assert "0001" not in ids("digest")  # d..i..g..e..s..t across "design decisions with adrtool"
    assert ids("rdda") == ["0001"]  # but the starts of its words do: Record Design Decisions Adrtool


def test_the_quick_checks_before_the_word_run_pattern_rule_out_only_rows_it_would_not_match():
    """Each tier is the one the patterns alone give (the string checks only save time)."""
    import itertools
    import re

    titles = ["Record design decisions with adrtool", "Re-deploy (eu-west) daily", "Use Redis, not DynamoDB",
              "Café élan: résumé du design", "Chose (élan) ok", "OPTimistic Checks v2", "x/y_z REDacted", "Red-green deploys"]
    haystacks = [filtering.haystack(d(f"{i:04}", t)) for i, t in enumerate(titles)]
    letters = "redsgcoptxyzé2"
    words = ["".join(w) for n in (2, 3) for w in itertools.product(letters, repeat=n)][:1500]
    for word in words + ["rdda", "optc", "red", "é", "résumé"]:
        matcher = filtering.WordMatcher(word)
        parts = [re.escape(c) for c in word]
        run = re.compile(r"(?<![a-z0-9])" + parts[0] + "".join(f"(?:{p}|[^\t]*?(?<![a-z0-9]){p})" for p in parts[1:]))
        for text in haystacks:
            expected = matcher.tier(text) if word in text else (filtering.WORD_RUN if run.search(text) else None)
            assert matcher.tier(text) == expected, (word, text)


def test_ties_keep_the_table_order_even_when_narrowing_a_ranked_list():
    reverse = list(reversed(DECISIONS))
    order = {id(x): i for i, x in enumerate(reverse)}
    ranked = filtering.select(reverse, "di")
    narrowed = filtering.select(ranked, "dig", positions=[order[id(x)] for x in ranked])
    assert [x.id for x in narrowed] == ["0020", "0002", "0042"]


def test_terms_and_their_hints():
    assert filtering.parse("status:accepted door:one-way").hints == ()
    assert filtering.parse("status:bogus").hints == (
        "status:bogus matches nothing; status is one of proposed, accepted, rejected, deprecated, superseded, unknown",)
    assert ids("status:bogus") == []  # an unknown status matches nothing, not every unknown-status decision
    assert filtering.parse("status:").hints == ("status: needs a value, e.g. status:proposed",)
    parsed = filtering.parse("foo:bar")
    assert parsed.hints[0].startswith("'foo:' is not a filter") and parsed.text == "foo:bar"
    assert filtering.parse("status:Approved").hints == ()  # a synonym the store understands
    proposed = [d("0007", "Draft thing", status=Status.PROPOSED)]
    assert ids("status:draft", proposed) == ["0007"]
