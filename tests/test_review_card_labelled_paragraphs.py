"""Records written as labelled paragraphs ("Context: ...", "Decision: ...", "Consequences: ...") under one title.

The card reads such labels as the sections they name, in the languages
`meaning` knows, but only in a record with no recognised section headings and
at least two different labels (a stray "Data: ..." line in prose is no
section).  A context written as terse clauses ("RabbitMQ adds a broker to run
with nothing gained at this size; ...") is no evidence that nothing was
weighed, however short the record.  Each fixture is our own text,
reproducing a pattern seen in a public collection (named above it).
"""

from __future__ import annotations

from adrtool.reasoning import read_card
from tests.test_review_card import essentials, load_one
from tests.test_review_card_absence import findings

# Pattern: wells01440/coinshop ea6838fba1aef659ecc088608d951164340ed607 docs/adrs/0002-sqlite-single-writer.md:
# a title, one "Date · Status" line, then Context, Decision and Consequences paragraphs opened by their labels.
LABELLED = """\
# 0002. One queue file, one reader process

Date: 2026-01-05 · Status: accepted

{context}: a single-shop system; RabbitMQ adds a broker to run
with nothing gained at this size; a shared file read by two
processes loses messages under load.

{decision}: one append-only queue file, read by exactly one
process, the worker service. Other parts post over HTTP.

{consequences}: one file to back up; no broker to operate; the
single reader is a risk: while it is down, nothing is read.
"""


def _card(tmp_path, context="Context", decision="Decision", consequences="Consequences", text=LABELLED):
    body = text.format(context=context, decision=decision, consequences=consequences)
    repo, d = load_one(tmp_path, "0002-one-queue-file.md", body, "deliberate/one-way")
    return repo, d, read_card(d, repo)


def test_labelled_paragraphs_are_read_as_their_sections(tmp_path):
    repo, d, card = _card(tmp_path)
    assert card.get("decision").summary == 'stated under "Decision"'
    assert card.get("decision").quotes[0].line == 9
    # The context's reason is the record's own, not text of no section: no missing-rationale error.
    assert card.state("reason") != "absent"
    assert card.state("cost") == "found" and "Consequences" in card.get("cost").summary
    assert "rubric/missing-rationale" not in findings(d, repo)
    assert "rubric/missing-negative-consequence" not in findings(d, repo)


def test_labels_are_read_in_other_languages_too(tmp_path):
    # Each label as `meaning` knows its heading: German and Portuguese section names.
    for labels in (("Kontext", "Entscheidung", "Konsequenzen"), ("Contexto", "Decisão", "Consequências")):
        folder = tmp_path / labels[0]
        folder.mkdir()
        _, _, card = _card(folder, *labels)
        assert card.get("decision").summary == f'stated under "{labels[1]}"', labels


def test_a_context_of_clauses_naming_another_way_keeps_a_short_record_thin_not_absent(tmp_path):
    repo, d, card = _card(tmp_path)
    alternatives = card.get("alternatives")
    assert alternatives.state == "thin", alternatives
    assert "the context is written as terse clauses (line 5)" in alternatives.summary
    assert alternatives.quotes[0].line == 5
    assert "rubric/missing-options" not in findings(d, repo)
    assert findings(d, repo)["rubric/thin-options"] == "warning"


def test_a_short_context_of_prose_sentences_still_weighs_nothing(tmp_path):
    # The same short record with its context in sentences, not clauses, and nothing else named: under 100 words
    # and no other way, so alternatives stay absent (the error is right).
    text = LABELLED.replace("""a single-shop system; RabbitMQ adds a broker to run
with nothing gained at this size; a shared file read by two
processes loses messages under load.""", "a single-shop system. Orders must reach the worker in order.")
    repo, d, card = _card(tmp_path, text=text)
    assert card.state("alternatives") == "absent", card.get("alternatives")
    assert findings(d, repo)["rubric/missing-options"] == "error"


def test_one_stray_label_in_prose_is_no_section(tmp_path):
    # Only one kind of label ("Context:") in a record with no headings: not the layout, so the line keeps no
    # section and the card reads the record as before.
    text = LABELLED.replace("{decision}: ", "").replace("{consequences}: ", "")
    _, _, card = _card(tmp_path, text=text)
    assert card.get("decision").summary != 'stated under "Decision"'


def test_labels_in_a_record_with_section_headings_change_nothing(tmp_path):
    # Under recognised headings a "Decision:" line is read where it sits, as before (the rule only reads records
    # with no section headings at all).
    text = "# Queue\n\n## Context\n\nContext: a single-shop system.\n\n## Decision\n\nDecision: one queue file, " \
           "read by one process.\n"
    repo, d = load_one(tmp_path, "0003-queue.md", text, "deliberate/one-way")
    card = read_card(d, repo)
    assert essentials(card)["decision"] == "found"
    assert card.get("decision").summary == 'stated under "Decision"'
