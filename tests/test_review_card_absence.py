"""Evidence of absence: an essential is *absent* (an error) only when the record shows it is.

No cue is an absence of evidence.  Where a section of that meaning holds text
the card could not read, where a section cannot be placed, or where the record
argues at length, the essential is *thin* (a warning naming the line the card
looked at); an empty or missing section, options only named, and a record too
short to hold it stay *absent*.  Each fixture is our own text, reproducing a
pattern seen in a public collection (named above it).
"""

from __future__ import annotations

from adrtool.reasoning import read_card
from adrtool.review import rubric
from tests.test_review_card import load_one


def findings(d, repo) -> dict[str, str]:
    return {f.rule: f.severity for f in rubric.check(d, repo=repo) if f.rule.startswith(("rubric/missing", "rubric/thin"))}


def nygard(title: str, context: str, decision: str, consequences: str | None) -> str:
    out = f"# {title}\n\n## Status\n\nAccepted\n\n## Context\n\n{context}\n\n## Decision\n\n{decision}\n"
    return out + (f"\n## Consequences\n\n{consequences}\n" if consequences is not None else "")


# Pattern: scieloorg/kernel 2a5e1d4 docs/adr/0003-*.md: the Consequences only tell what the choice brings, in words
# no cue knows ("will be kept in an object store, reachable by public URLs"): the card cannot tell a neutral
# effect from a downside it lacks the words for.
UNREAD = nygard("1. Keep documents in an object store",
                "Documents and their assets must be stored somewhere every service can reach them.",
                "We will keep documents in an object store, because every service can reach it over HTTP.",
                "Documents will be kept in an object store and reached through public URLs on the internet.")
# A record with no Consequences at all, and the unread text added under a heading the card cannot place.
NO_CONSEQUENCES = nygard("1. Keep documents in an object store", "Documents must be stored somewhere.",
                         "We will keep documents in an object store, because every service can reach it over HTTP.",
                         None)
# The same record whose consequences are all benefits the card reads: nothing there is a cost.
BENEFITS = UNREAD.replace("Documents will be kept in an object store and reached through public URLs on the internet.",
                          "This makes it easier for new services to read documents without a database driver.")


def test_consequences_the_card_cannot_read_make_the_cost_thin_not_absent(tmp_path):
    repo, d = load_one(tmp_path, "0001-object-store.md", UNREAD, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("cost") == "thin", card.get("cost")
    assert "line 17" in card.get("cost").summary and card.get("cost").quotes[0].line == 17
    assert findings(d, repo)["rubric/thin-negative-consequence"] == "warning"
    assert "rubric/missing-negative-consequence" not in findings(d, repo)


def test_consequences_that_are_all_benefits_leave_the_cost_absent(tmp_path):
    repo, d = load_one(tmp_path, "0001-object-store.md", BENEFITS, "deliberate/one-way")
    assert read_card(d, repo).state("cost") == "absent"
    assert findings(d, repo)["rubric/missing-negative-consequence"] == "error"


def test_no_consequences_and_no_cost_word_is_absent(tmp_path):
    repo, d = load_one(tmp_path, "0001-object-store.md", NO_CONSEQUENCES, "deliberate/one-way")
    assert read_card(d, repo).state("cost") == "absent"


# Pattern: hitobito/hitobito (German records): a Negative section that says there is nothing to say.
def test_a_negative_section_that_says_none_is_absent_in_the_authors_words(tmp_path):
    text = nygard("1. Objektspeicher", "Dokumente müssen abgelegt werden.",
                  "Wir werden einen Objektspeicher verwenden, weil jeder Dienst ihn erreicht.", None)
    text += "\n## Nachteile\n\nKeine.\n"
    repo, d = load_one(tmp_path, "0001-objektspeicher.md", text, "deliberate/one-way")
    cost = read_card(d, repo).get("cost")
    assert cost.state == "absent" and "says there is none" in cost.summary and cost.quotes[0].text == "Keine."


# Pattern: adr/madr 0.4 docs/decisions/*.md: Considered Options whose losing option is described in a sentence of
# its own but with no word the card reads as a reason against it.
DESCRIBED = """\
# Use Postgres for the ledger

## Context and Problem Statement

Which database keeps the ledger?

## Considered Options

* Postgres
* Cassandra, a wide-column store that replicates across data centres by itself

## Decision Outcome

Chosen option: "Postgres".
"""


def test_options_described_beyond_their_names_make_alternatives_thin(tmp_path):
    repo, d = load_one(tmp_path, "0001-ledger.md", DESCRIBED, "deliberate/one-way")
    alternatives = read_card(d, repo).get("alternatives")
    assert alternatives.state == "thin" and "Cassandra" in alternatives.quotes[0].text
    assert "rubric/missing-options" not in findings(d, repo)


def test_options_only_named_stay_absent(tmp_path):
    text = DESCRIBED.replace(", a wide-column store that replicates across data centres by itself", "")
    repo, d = load_one(tmp_path, "0001-ledger.md", text, "deliberate/one-way")
    assert read_card(d, repo).state("alternatives") == "absent"
    assert findings(d, repo)["rubric/missing-options"] == "error"


# Pattern: aquarist-labs/s3gw docs/decisions/0004-*.md: the one subsection under "Considered Options" is the
# proposal itself; there is nothing it was weighed against.
def test_a_lone_option_is_the_proposal_not_an_alternative(tmp_path):
    text = """\
# Release captain

## Context and Problem Statement

We want one person a week to own the release.

## Considered Options

### Responsibilities of a release captain

The release captain is responsible for the content of a release and for its notes.

## Decision Outcome

The proposed steps are approved.
"""
    repo, d = load_one(tmp_path, "0004-release-captain.md", text, "deliberate/one-way")
    assert read_card(d, repo).state("alternatives") == "absent"


# Pattern: scieloorg/kernel docs/adr/0007-*.md (Portuguese, some 300 words): a long record tells how things are
# and why they fall short, in words no status-quo cue knows; a record that argues that long is weighing carrying
# on as before.  A short record with the same words is not.
LONG_CONTEXT = ("The kernel keeps the links between journals and issues as a plain list of identifiers in the journal. "
                "Each position in the list gives the order in which a page shows the issues to a reader. "
                "A consumer that wants the title or the date of an issue must fetch every issue one by one. ") * 3
DECISION_TEXT = ("We will store each link as an object with the identifier, the order and the title of the issue, "
                 "so a consumer can render a page from the journal alone. ") * 3


def test_a_long_record_naming_no_alternative_has_it_thin(tmp_path):
    text = nygard("7. Link objects", LONG_CONTEXT, DECISION_TEXT, "Pages render from one request.")
    repo, d = load_one(tmp_path, "0007-link-objects.md", text, "deliberate/one-way")
    alternatives = read_card(d, repo).get("alternatives")
    assert alternatives.state == "thin" and "long" in alternatives.summary
    assert alternatives.quotes[0].line == 9


def test_a_short_record_naming_no_alternative_has_it_absent(tmp_path):
    text = nygard("7. Link objects", LONG_CONTEXT[:200], DECISION_TEXT[:120], "Pages render from one request.")
    repo, d = load_one(tmp_path, "0007-link-objects.md", text, "deliberate/one-way")
    assert read_card(d, repo).state("alternatives") == "absent"


# Pattern: ministryofjustice/cloud-platform architecture-decision-record/040-*.md: the reason is the situation the
# context sets out, with no cue word; a context of substance is a motive, a thin reason at worst.
def test_a_context_of_substance_makes_the_reason_thin_at_worst(tmp_path):
    text = nygard("40. Pipelines on the platform",
                  "The team is moving its services to the Modernisation Platform, which runs its deployment "
                  "pipelines on GitHub Actions and keeps no long-running build servers of its own.",
                  "We will run our pipelines on GitHub Actions.", "We will retire the old build servers.")
    repo, d = load_one(tmp_path, "0040-pipelines.md", text, "deliberate/one-way")
    reason = read_card(d, repo).get("reason")
    assert reason.state == "thin" and reason.quotes[0].line == 9


# Pattern: phodal/adr docs/adr/*.md (Chinese): a record of a few words cannot hold a reason.
def test_a_record_too_short_to_hold_a_reason_has_it_absent(tmp_path):
    text = nygard("3. Use Lerna", "Many packages.", "We will use Lerna.", None)
    repo, d = load_one(tmp_path, "0003-use-lerna.md", text, "deliberate/one-way")
    assert read_card(d, repo).state("reason") == "absent"
    assert findings(d, repo)["rubric/missing-rationale"] == "error"


# A heading the card cannot place ("Herausforderungen", challenges) holding text: it may hold the cost.
def test_a_section_the_card_cannot_place_is_no_evidence_of_absence(tmp_path):
    text = NO_CONSEQUENCES + ("\n## Herausforderungen\n\nDie Verwaltung der Zugriffsschlüssel für jeden einzelnen Dienst liegt "
             "künftig beim Betriebsteam, das dafür eine eigene Rotation der Schlüssel und eine Übersicht "
             "aller ausgegebenen Schlüssel pflegt, damit niemand den Überblick verliert.\n")
    repo, d = load_one(tmp_path, "0001-object-store.md", text, "deliberate/one-way")
    cost = read_card(d, repo).get("cost")
    assert cost.state == "thin" and "Herausforderungen" in cost.summary
    assert "rubric/missing-negative-consequence" not in findings(d, repo)


# Pattern: scieloorg/kernel docs/adr/0007-*.md: no title line, so the first `#` heading is a later section
# (`# Consequências`); the sections above it are the record too.
def test_sections_above_a_late_title_heading_are_read(tmp_path):
    text = ("Data: 2019-08-09\n\n## Status\n\nProposto\n\n## Contexto\n\nA lista guarda só os identificadores.\n\n"
            "## Decisão\n\nVamos guardar objetos com o identificador e a ordem, porque o consumidor precisa deles.\n\n"
            "# Consequências\n\n* Obriga o uso de um formato específico.\n")
    repo, d = load_one(tmp_path, "0007-container.md", text, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("decision") == "found" and card.get("decision").quotes[0].line == 13
    assert card.state("reason") == "found"


# Pattern: kumahq/kuma docs/madr/decisions/*.md: a design told at length in the Decision, with no Consequences
# section: the choice's effects are told there, and a cost may be in words no cue knows.
def test_a_decision_argued_at_length_without_consequences_has_the_cost_thin(tmp_path):
    text = nygard("1. Keep documents in an object store", "Documents must be stored somewhere.",
                  "We will keep documents in an object store, because every service can reach it over HTTP. "
                  + "Each document is written once under its own key and then read by the services. " * 16, None)
    repo, d = load_one(tmp_path, "0001-object-store.md", text, "deliberate/one-way")
    cost = read_card(d, repo).get("cost")
    assert cost.state == "thin" and "argued at length" in cost.summary and cost.quotes[0].line == 13
    short = text.replace("Each document is written once under its own key and then read by the services. " * 16, "")
    repo, d = load_one(tmp_path / "short", "0001-object-store.md", short, "deliberate/one-way")
    assert read_card(d, repo).state("cost") == "absent"
