"""The AI judge's verdict without any network: the quote matcher, reading and verifying an answer,
and the merge rules (clear, confirm, add, cap, ignore what is unverified)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from adrtool.reasoning import ai_verdict, merge, quotes
from adrtool.reasoning.card import ABSENT, ESSENTIALS, FOUND, THIN, Card, Item, Quote

# A MADR record modelled on adr/madr docs/decisions/0001-use-CC0-or-MIT-as-license.md
# (commit at /work/.mirror/adr+madr): options with Good/Bad items, no Consequences section.
RECORD = """---
status: accepted
choice: deliberate
door: one-way
---
# Export invoices as JSON Lines

## Considered Options

* JSON Lines
* [CSV](https://www.rfc-editor.org/rfc/rfc4180)

## Decision Outcome

Chosen option: "JSON Lines", because every consumer we know of reads it
and **one invoice stays one line**.

## Pros and Cons of the Options

### JSON Lines

* Good, because nested line items need no flattening
* Bad, because files are about twice the size of Parquet
<!-- * Bad, because we never measured the size -->

### CSV

| | |
|---|---|
| Bad | line items would be flattened into repeated rows |
"""


# ---- the matcher ----------------------------------------------------------------------------


@pytest.mark.parametrize("quote, line", [
    ('Chosen option: "JSON Lines", because every consumer we know of reads it and one invoice stays one line.', 15),
    ("and one invoice stays one line", 16),  # bold markup dropped, across the line break
    ("Bad, because files are about twice the size of Parquet", 23),  # list marker optional
    ("* Bad, because files are about twice the size of Parquet", 23),
    ("“JSON Lines”, because every consumer", 15),  # typographic quotes
    ("CSV", 11),  # link text
    ("Bad line items would be flattened", 30),  # table pipes are spaces
    ("every consumer ... one invoice stays one line", 15),  # a gap marked with ...
    ("every consumer … stays one line", 15),
])
def test_quotes_are_found_whatever_the_markup(quote, line):
    assert quotes.Lines(RECORD).line_of(quote) == line


@pytest.mark.parametrize("quote", [
    "every consumer we know of loves it",  # a paraphrase
    "one line ... every consumer",  # parts out of order
    "nested line item",  # not a whole word ("items")
    "Parquet is smaller",
])
def test_quotes_that_are_not_in_the_text_are_not_found(quote):
    assert quotes.Lines(RECORD).line_of(quote) is None


def test_paper_citations_use_the_same_matcher():
    from adrtool.ai import paper

    kept, dropped = paper.verify([{"cited_text": "Figure 2 shows the archi-\ntecture", "start_page_number": 1,
                                   "end_page_number": 2}], ["As figure 2 shows the architecture is layered."])
    assert [c.cited_text for c in kept] == ["Figure 2 shows the archi-\ntecture"] and dropped == []


@pytest.mark.parametrize("quote, why", [
    ("Bad, because we never measured the size", "not found in the record"),  # only inside an HTML comment
    ("Chosen option: \"{title of option 1}\", because", "template text"),
    ("* Bad, because <what becomes harder>", "template text"),
    ("Decision: TBD", "template text"),
    ("JSON Lines", "too short to show anything"),
    ("", "no quote given"),
])
def test_template_text_comments_and_scraps_are_not_evidence(quote, why):
    assert ai_verdict.check_quote(quote, ai_verdict.record_lines(RECORD)) == (None, why)


# ---- reading and verifying an answer ---------------------------------------------------------------


def answer(**states) -> dict:
    """An answer in the REVIEW schema; states maps essential -> (state, quote, why).

    An essential not given is absent with no `why`: a claim of absence that says
    nothing about what is missing, which the merge ignores.
    """
    essentials = {}
    for name in ESSENTIALS:
        state, quote, why = states.get(name, (ABSENT, "", ""))
        essentials[name] = {"quote": quote, "why": why, "state": state}
    return {"quadrant": "deliberate/one-way", "essentials": essentials, "findings": []}


def test_verify_keeps_found_quotes_with_their_line_and_reports_the_rest():
    data = answer(decision=(FOUND, 'Chosen option: "JSON Lines"', "stated"),
                  cost=(FOUND, "Bad, because JSON Lines is slower to parse", "invented"))
    data["findings"] = [
        {"kind": "missing-option", "quote": "* JSON Lines", "severity": "warning", "message": "m", "recommendation": "r"},
        {"kind": "missing-option", "quote": "Parquet", "severity": "warning", "message": "m", "recommendation": "r"},
        {"kind": "other", "quote": "Avro was never weighed", "severity": "warning", "message": "m", "recommendation": "r"},
    ]
    verdict = ai_verdict.verify(ai_verdict.parse("0004", data), RECORD)
    assert verdict.claim("decision").verified and verdict.claim("decision").line == 15
    assert not verdict.claim("cost").verified and verdict.claim("cost").state == FOUND
    assert not verdict.claim("reason").verified  # absent: nothing to verify
    assert verdict.findings == ()  # "* JSON Lines" and "Parquet" are too short, the third is not there
    assert [(u.where, u.why) for u in verdict.unverified] == [
        ("cost", "not found in the record"), ("finding missing-option", "too short to show anything"),
        ("finding missing-option", "too short to show anything"), ("finding other", "not found in the record")]


def test_an_inline_decision_reports_lines_of_its_document():
    data = answer(decision=(FOUND, "Flush the queue every 100 ms", "stated"))
    verdict = ai_verdict.verify(ai_verdict.parse("queue#1", data), "- Decision: Flush the queue every 100 ms.",
                                first_line=12)
    assert verdict.claim("decision").line == 12


def test_a_damaged_answer_reads_as_the_safest_values():
    verdict = ai_verdict.parse("1", {"essentials": {"cost": {"state": "maybe", "quote": 3}}, "findings": [
        {"kind": "invented-kind", "severity": "fatal", "quote": "x"}, "junk"]})
    assert verdict.claim("cost").state == ABSENT and verdict.claim("cost").quote == ""
    assert [(f.kind, f.severity) for f in verdict.findings] == [("other", "note")]
    with pytest.raises(ValueError):
        ai_verdict.parse("1", {"quadrant": "deliberate/one-way", "adequate": True, "findings": []})  # the old answer


# ---- the merge -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class F:  # the fields of review.findings.Finding, which reasoning/ may not import
    rule: str
    severity: str
    path: str
    line: int | None
    message: str
    recommendation: str
    decision_id: str | None = None
    source: str = "rules"


def card(quadrant="deliberate/one-way", basis="tags", closed=False, unfilled=False, **states) -> Card:
    items = []
    for name in ESSENTIALS:
        state = states.get(name, FOUND)
        quotes_ = (Quote(7, f"the {name} line"),) if state != ABSENT else ()
        items.append(Item(name, state, "rules", quotes_))
    return Card("0004", "decisions/0004.md", quadrant, basis, unfilled, closed, tuple(items))


def rubric_error(rule: str, line: int = 7) -> F:
    return F(rule, "error", "decisions/0004.md", line, f"0004: {rule}", "fix it", "0004")


def merged(c: Card, findings: list, data: dict):
    verdict = ai_verdict.verify(ai_verdict.parse("0004", data), RECORD)
    return merge.merge(c, findings, verdict, F)


def test_no_verdict_leaves_the_offline_verdict_as_it_is():
    findings = [rubric_error("rubric/missing-consequences")]
    assert merge.merge(card(cost=ABSENT), findings, None, F).findings == findings


def test_a_verified_quote_clears_a_rubric_error_to_a_warning():
    findings = [rubric_error("rubric/missing-consequences"), rubric_error("workflow/broken-link")]
    result = merged(card(cost=ABSENT), findings, answer(
        decision=(FOUND, 'Chosen option: "JSON Lines"', "stated"),
        alternatives=(FOUND, "line items would be flattened into repeated rows", "CSV lost"),
        reason=(FOUND, "because every consumer we know of reads it", "serves the consumers"),
        cost=(THIN, "Bad, because files are about twice the size of Parquet", "a size cost, in passing")))
    cleared, untouched = result.findings
    assert (cleared.rule, cleared.severity, cleared.line, cleared.source) == ("rubric/missing-consequences",
                                                                              "warning", 23, "rules")
    assert cleared.message == ('0004: rubric/missing-consequences; cleared by AI review: line 23 (thin): '
                               '"Bad, because files are about twice the size of Parquet"')
    assert untouched == findings[1]  # workflow findings are never the judge's to clear
    assert [f for f, _ in result.cleared] == [findings[0]] and result.added == []


def test_an_unverified_claim_changes_nothing():
    findings = [rubric_error("rubric/missing-consequences")]
    result = merged(card(cost=ABSENT), findings, answer(cost=(FOUND, "Parquet files would be bigger", "invented")))
    assert result.findings == findings
    assert [(u.where, u.why) for u in result.unverified] == [("cost", "not found in the record")]


def test_an_absent_essential_the_rules_missed_is_an_ai_error():
    result = merged(card(), [], answer(
        decision=(FOUND, 'Chosen option: "JSON Lines"', "stated"),
        alternatives=(FOUND, "line items would be flattened into repeated rows", "CSV lost"),
        reason=(FOUND, "because every consumer we know of reads it", "serves the consumers"),
        cost=(ABSENT, "", "the only Bad item is about the rejected option")))
    [added] = result.findings
    assert (added.rule, added.severity, added.line, added.source) == ("ai/absent-cost", "error", 7, "ai")
    assert added.message == ("0004: AI review finds no acknowledged cost (a downside, trade-off or risk of the "
                             "chosen option): the only Bad item is about the rejected option")


def test_an_absent_essential_the_rules_report_is_confirmed_not_repeated():
    findings = [rubric_error("rubric/missing-options")]
    result = merged(card(alternatives=ABSENT), findings, answer(
        decision=(FOUND, 'Chosen option: "JSON Lines"', "s"), reason=(FOUND, "because every consumer we know", "r"),
        cost=(FOUND, "Bad, because files are about twice the size of Parquet", "c"),
        alternatives=(ABSENT, "", "CSV is listed but nothing says why it lost")))
    [confirmed] = result.findings
    assert confirmed.severity == "error"
    assert confirmed.message.endswith("; confirmed by AI review: CSV is listed but nothing says why it lost")


def test_an_arbitrary_one_way_door_is_cleared_only_by_both_its_reason_and_its_cost():
    findings = [rubric_error("rubric/arbitrary-one-way")]
    c = card("arbitrary/one-way", reason=ABSENT, cost=ABSENT)
    reason = (FOUND, "because every consumer we know of reads it", "why any format would do")
    assert merged(c, findings, answer(reason=reason)).findings[0].severity == "error"
    both = merged(c, findings, answer(reason=reason, cost=(FOUND, "files are about twice the size of Parquet", "c")))
    assert both.findings[0].severity == "warning" and "cleared by AI review" in both.findings[0].message
    # Alternatives are not owed by an arbitrary pick: their absence adds nothing.
    assert [f.rule for f in merged(c, [], answer(reason=reason)).added] == []


def finding(kind: str, severity: str = "error", quote: str = "every consumer we know of reads it") -> dict:
    return {"kind": kind, "quote": quote, "severity": severity, "message": f"a {kind}", "recommendation": "r"}


@pytest.mark.parametrize("quadrant, basis, kind, severity", [
    ("deliberate/two-way", "tags", "door-mislabelled", "error"),  # a one-way door tagged two-way
    ("deliberate/two-way", "estimate", "door-mislabelled", "warning"),  # no tag to be wrong about
    ("deliberate/one-way", "tags", "door-mislabelled", "note"),  # the reverse costs only some writing
    ("deliberate/one-way", "tags", "dummy-alternative", "warning"),  # never an error
    ("arbitrary/two-way", "tags", "missing-option", "note"),  # a two-way door owes no more
])
def test_findings_are_capped_by_what_the_quadrant_owes(quadrant, basis, kind, severity):
    data = answer(**{e: (FOUND, "every consumer we know of reads it", "x") for e in ESSENTIALS})
    data["findings"] = [finding(kind)]
    [added] = merged(card(quadrant, basis), [], data).findings
    assert (added.rule, added.severity, added.line) == (f"ai/{kind}", severity, 15)
    assert added.message == 'a %s (line 15: "every consumer we know of reads it")' % kind


def test_two_way_doors_and_closed_records_get_no_ai_errors_for_essentials():
    data = answer(**{e: (ABSENT, "", f"no {e}") for e in ESSENTIALS})
    assert merged(card("deliberate/two-way"), [], data).findings == []
    assert merged(card("arbitrary/two-way"), [], data).findings == []
    data["findings"] = [finding("missing-option", "warning")]
    assert merged(card(closed=True), [], data).findings == []


def test_a_record_that_is_still_its_template_keeps_its_one_error():
    findings = [rubric_error("rubric/unfilled")]
    everything_absent = answer(**{e: (ABSENT, "", f"no {e}") for e in ESSENTIALS})
    assert merged(card(unfilled=True), findings, everything_absent).findings == findings


def test_the_merged_card_shows_what_the_judge_found():
    data = answer(decision=(FOUND, 'Chosen option: "JSON Lines"', "stated"),
                  cost=(THIN, "Bad, because files are about twice the size of Parquet", "in passing"),
                  reason=(ABSENT, "", "the reason is only a slogan"))
    verdict = ai_verdict.verify(ai_verdict.parse("0004", data), RECORD)
    after = merge.merge_card(card(cost=ABSENT), verdict)
    assert after.get("cost") == Item("cost", THIN, "found by AI review: in passing",
                                     (Quote(23, "Bad, because files are about twice the size of Parquet"),), "ai")
    assert after.get("reason").state == ABSENT and after.get("reason").source == "ai"
    assert after.get("decision").source == "rules"  # agreed: the rules' item stays


def test_every_clearable_rule_is_a_rule_of_the_catalogue_or_a_documented_essential_rule():
    from adrtool.review import rules

    known = set(rules.RULES)
    # The rubric's current ids, plus names the card-based rubric may use for the same essentials.
    assert {"rubric/missing-options", "rubric/missing-rationale", "rubric/missing-consequences",
            "rubric/missing-negative-consequence", "rubric/arbitrary-one-way"} <= known & set(merge.CLEARABLE)
