"""The offline reasoning rubric, one rule at a time, across dialects and languages."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from adrtool import dialects
from adrtool.review import rubric

GOOD = """\
---
status: accepted
date: 2025-01-10
decision-makers: [Ana Lima, Bo Chen]
choice: deliberate
door: one-way
revisit: 2099-01-01
references: [docs/bench.md]
---
# Use PostgreSQL for orders

## Context and Problem Statement

Orders need transactions across three tables, and we expect ten thousand writes a second.

## Considered Options

* PostgreSQL
* MongoDB
* Do nothing

## Decision Outcome

Chosen option: "PostgreSQL", because it gives us transactions and the team knows it.

### Consequences

* Good, because there is one database to run.
* Bad, because sharding later is harder.
"""


def parse(text: str, path: str = "decisions/0001-use-postgresql.md"):
    record, inline = dialects.parse_file(path, text, True)
    return record if record is not None else inline


def rules_of(text: str, **kw) -> dict[str, str]:
    decision = parse(text)
    return {f.rule: f.severity for f in rubric.check(decision, **kw)}


def test_a_complete_deliberate_one_way_record_passes():
    assert rules_of(GOOD) == {}


@pytest.mark.parametrize(
    "edit, rule",
    [
        (("## Context and Problem Statement\n\nOrders need transactions across three tables, and we expect ten thousand writes a second.\n", ""),
         "rubric/missing-context"),
        (("* MongoDB\n", ""), "rubric/missing-options"),
        (('Chosen option: "PostgreSQL", because it gives us transactions and the team knows it.', 'Chosen option: "PostgreSQL".'),
         "rubric/missing-rationale"),
        (("### Consequences\n\n* Good, because there is one database to run.\n* Bad, because sharding later is harder.\n", ""),
         "rubric/missing-consequences"),
        (("* Bad, because sharding later is harder.\n", ""), "rubric/missing-negative-consequence"),
    ],
)
def test_each_missing_essential_of_a_one_way_door_is_an_error(edit, rule):
    old, new = edit
    assert old in GOOD
    found = rules_of(GOOD.replace(old, new))
    assert found.get(rule) == "error", found


@pytest.mark.parametrize(
    "edit, rule",
    [
        (("decision-makers: [Ana Lima, Bo Chen]\n", ""), "rubric/missing-decision-makers"),
        (("references: [docs/bench.md]\n", ""), "rubric/missing-evidence"),
        (("revisit: 2099-01-01\n", ""), "rubric/missing-confirmation"),
    ],
)
def test_each_missing_support_of_a_one_way_door_is_a_warning(edit, rule):
    found = rules_of(GOOD.replace(*edit))
    assert found == {rule: "warning"}


def test_decision_makers_must_go_beyond_the_author_unless_reviewed():
    text = GOOD.replace("decision-makers: [Ana Lima, Bo Chen]", "decision-makers: [Ana Lima]")
    alone = SimpleNamespace(created_by="Ana Lima", reviewers=[])
    reviewed = SimpleNamespace(created_by="Ana Lima", reviewers=["Bo Chen <bo@example.com>"])
    assert "rubric/missing-decision-makers" in rules_of(text, history=alone)
    assert "rubric/missing-decision-makers" not in rules_of(text, history=reviewed)
    assert "rubric/missing-decision-makers" not in rules_of(GOOD, history=alone)


@pytest.mark.parametrize(
    "phrase, rule",
    [("It is the industry standard.", "rubric/crowd-wording"), ("Everyone uses it.", "rubric/crowd-wording"),
     ("It obviously scales.", "rubric/absolute-wording"), ("It has no downside.", "rubric/absolute-wording")],
)
def test_crowd_and_absolute_wording_are_notes_with_their_line(phrase, rule):
    text = GOOD.replace("the team knows it.", f"the team knows it. {phrase}")
    decision = parse(text)
    found = [f for f in rubric.check(decision) if f.rule == rule]
    assert [f.severity for f in found] == ["note"]
    assert text.splitlines()[found[0].line - 1].endswith(phrase)


def test_no_downside_is_not_a_negative_consequence():
    text = GOOD.replace("* Bad, because sharding later is harder.", "* There is no downside.")
    found = rules_of(text)
    assert found["rubric/missing-negative-consequence"] == "error"
    assert found["rubric/absolute-wording"] == "note"


def test_do_nothing_does_not_make_two_options_and_duplicates_merge():
    text = GOOD.replace("* MongoDB\n", "* **postgresql**\n* Keep the status quo\n")
    assert rules_of(text)["rubric/missing-options"] == "error"


def test_untagged_is_a_warning_and_judged_as_a_one_way_door():
    text = GOOD.replace("choice: deliberate\ndoor: one-way\n", "").replace("* MongoDB\n", "")
    found = rules_of(text)
    assert found["rubric/untagged"] == "warning"
    assert found["rubric/missing-options"] == "error"


def test_arbitrary_one_way_is_an_error_even_when_reasoned():
    found = rules_of(GOOD.replace("choice: deliberate", "choice: arbitrary"))
    assert found == {"rubric/arbitrary-one-way": "error"}


BARE = """\
---
status: accepted
choice: {choice}
door: two-way
{extra}---
# Name the queue topics with dots

We use dots.
"""


def test_two_way_deliberate_owes_only_a_rationale():
    assert rules_of(BARE.format(choice="deliberate", extra="")) == {"rubric/missing-rationale": "warning"}
    reasoned = BARE.format(choice="deliberate", extra="").replace("We use dots.", "We use dots because the broker groups by prefix.")
    assert rules_of(reasoned) == {}


def test_arbitrary_two_way_owes_only_a_revisit_trigger():
    assert rules_of(BARE.format(choice="arbitrary", extra="")) == {"rubric/missing-revisit": "note"}
    assert rules_of(BARE.format(choice="arbitrary", extra="revisit: when we add a second broker\n")) == {}


NYGARD = """\
# 2. Use Kafka for events

Date: 2024-03-01
Choice: deliberate
Door: one-way

## Status

Accepted

## Context

Services need to exchange events, and some consumers replay a week of history.

## Options

1. Kafka
2. RabbitMQ

## Decision

We will use Kafka, because it keeps a replayable log.

## Consequences

Operating Kafka costs us an on-call rotation.
"""

MADR2 = """\
# Use Kafka for events

* Status: accepted
* Deciders: Ana, Bo
* Date: 2024-03-01
* Choice: deliberate
* Door: one-way

## Context and Problem Statement

Services need to exchange events, and some consumers replay a week of history.

## Considered Options

* Kafka
* RabbitMQ

## Decision Outcome

Chosen option: "Kafka", because it keeps a replayable log.

### Positive Consequences

* Replays are cheap.

### Negative Consequences

* An on-call rotation for the brokers.

## Pros and Cons of the Options

### Kafka

* Good, because replayable

### RabbitMQ

* Bad, because no replay
"""

GERMAN = """\
---
status: accepted
decision-makers: [Ana, Bo]
choice: deliberate
door: one-way
revisit: 2099-01-01
references: [https://example.com/bench]
---
# Kafka für Ereignisse

## Kontext und Problemstellung

Dienste tauschen Ereignisse aus, und manche Verbraucher spielen eine Woche Historie erneut ab.

## Betrachtete Optionen

* Kafka
* RabbitMQ

## Entscheidung

Wir nehmen Kafka, weil es ein wiederholbares Protokoll hat.

## Konsequenzen

* Nachteil: Bereitschaftsdienst für die Broker.
"""

FRENCH = GERMAN.replace("# Kafka für Ereignisse", "# Kafka pour les événements").replace(
    "## Kontext und Problemstellung", "## Contexte").replace("## Betrachtete Optionen", "## Options envisagées").replace(
    "## Entscheidung\n\nWir nehmen Kafka, weil es ein wiederholbares Protokoll hat.",
    "## Décision\n\nNous prenons Kafka, parce que le journal est rejouable.").replace(
    "## Konsequenzen\n\n* Nachteil: Bereitschaftsdienst für die Broker.", "## Conséquences\n\n* Inconvénient : une astreinte.")
SPANISH = GERMAN.replace("## Kontext und Problemstellung", "## Contexto").replace(
    "## Betrachtete Optionen", "## Opciones consideradas").replace(
    "## Entscheidung\n\nWir nehmen Kafka, weil es ein wiederholbares Protokoll hat.",
    "## Decisión\n\nUsamos Kafka porque guarda un registro.").replace(
    "## Konsequenzen\n\n* Nachteil: Bereitschaftsdienst für die Broker.", "## Consecuencias\n\n* Desventaja: guardias.")
PORTUGUESE = GERMAN.replace("## Kontext und Problemstellung", "## Contexto e problema").replace(
    "## Betrachtete Optionen", "## Opções consideradas").replace(
    "## Entscheidung\n\nWir nehmen Kafka, weil es ein wiederholbares Protokoll hat.",
    "## Decisão\n\nUsamos Kafka porque guarda um registro.").replace(
    "## Konsequenzen\n\n* Nachteil: Bereitschaftsdienst für die Broker.", "## Consequências\n\n* Desvantagem: plantão.")


@pytest.mark.parametrize("text", [NYGARD, MADR2, GERMAN, FRENCH, SPANISH, PORTUGUESE],
                         ids=["nygard", "madr2", "german", "french", "spanish", "portuguese"])
def test_sections_are_recognised_by_meaning_across_dialects_and_languages(text):
    essentials = {"rubric/missing-context", "rubric/missing-options", "rubric/missing-rationale",
                  "rubric/missing-consequences", "rubric/missing-negative-consequence"}
    found = rules_of(text)
    assert not essentials & set(found), found


def test_an_unfilled_template_section_counts_as_missing():
    text = GOOD.replace("Orders need transactions across three tables, and we expect ten thousand writes a second.",
                        "{Describe the context and problem statement}")
    assert rules_of(text)["rubric/missing-context"] == "error"


def inline_decisions(doc: str):
    _, inline = dialects.parse_file("docs/design/buffer.md", doc, False)
    return inline


def test_an_inline_arbitrary_two_way_decision_owes_only_a_revisit_trigger():
    doc = "# Buffering\n\n- Decision (arbitrary, two-way): Flush every 100 ms.\n"
    [d] = inline_decisions(doc)
    assert [(f.rule, f.severity, f.line) for f in rubric.check(d)] == [("rubric/missing-revisit", "note", 3)]
    [d] = inline_decisions(doc.replace("100 ms.", "100 ms; revisit with production latency data."))
    assert rubric.check(d) == []


def test_an_inline_one_way_decision_is_judged_on_its_section(tmp_path):
    from adrtool import store
    from tests.conftest import write

    doc = ("# Storage\n\nWe store events for years and must not lose them; three teams read them.\n\n"
           "- Decision (deliberate, one-way): Keys are UUIDv7 instead of serial numbers, because shards merge later. "
           "The downside is bigger indexes.\n\n# Other\n\nUnrelated text.\n")
    write(tmp_path / "docs/design/storage.md", doc)
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]\n')
    repo = store.load(tmp_path)
    [d] = repo.inline
    found = {f.rule for f in rubric.check(d, repo=repo)}
    assert not found & {"rubric/missing-context", "rubric/missing-options", "rubric/missing-rationale",
                        "rubric/missing-consequences", "rubric/missing-negative-consequence"}, found
    assert "rubric/missing-decision-makers" in found


@pytest.mark.parametrize("heading, meant", [
    ("Context and Problem Statement", "context"), ("Considered Options", "options"),
    ("Pros and Cons of the Options", "options"), ("Decision Outcome", "decision"), ("Decision Drivers", None),
    ("Negative Consequences", "negative"), ("Risks", "negative"), ("Trade-offs", "consequences"),
    ("Konsequenzen", "consequences"), ("Contexte", "context"), ("Opções Consideradas", "options"),
    ("Begründung", "rationale"), ("Confirmation", "confirmation"), ("More Information", "evidence"), ("Links", None),
])
def test_headings_by_meaning(heading, meant):
    from adrtool.reasoning.meaning import meaning_of

    assert meaning_of(heading) == meant
