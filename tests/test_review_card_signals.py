"""The card's signals on patterns of real records: read in sentences, strong and weak, said of the right thing.

Each fixture is our own text reproducing a pattern seen in a public
collection (named above it).  An error must rest on the absence of every
signal; a hint (a turn, an obligation, a hypothetical) is a warning.
"""

from __future__ import annotations

from adrtool.reasoning import read_card, sentences
from adrtool.reasoning import record_text as record_text_module
from adrtool.review import rubric
from tests.test_review_card import essentials, load_one


def errors(d, repo) -> set[str]:
    return {f.rule for f in rubric.check(d, repo=repo) if f.severity == "error"}


# Pattern: npryce/adr-tools b3279baf9be2207d1a4f4bbd608fd0b591c72aee doc/adr/0008-use-iso-8601-format-for-dates.md:
# prose hard-wrapped at 80 columns; the status quo and its fault sit on different lines of one paragraph.
WRAPPED = """\
# 8. Use ISO 8601 dates

Date: 2017-02-21

## Status

Accepted

## Context

Existing deployments write dates as `dd/mm/yyyy` by default.  That
format is common in the United Kingdom, but is easily
confused with the `mm/dd/yyyy` format of the United States.

## Decision

We will write dates as `yyyy-mm-dd`, because
a reader anywhere in the world parses it the same way.

## Consequences

Existing deployments must either accept mixed dates or run `adr upgrade-repository`.
"""


def test_a_wrapped_paragraph_is_read_as_its_sentences(tmp_path):
    repo, d = load_one(tmp_path, "0008-use-iso-8601-dates.md", WRAPPED, "deliberate/one-way")
    card = read_card(d, repo)
    # "because" ends a line and its reason starts the next: the sentence has both.
    assert card.state("reason") == "found"
    assert card.get("reason").quotes[0].text.startswith("We will write dates")
    # "Existing ..." and "confused" are two lines apart, in one paragraph: the status quo is weighed.
    assert card.state("alternatives") == "thin"
    assert "rubric/missing-options" not in errors(d, repo)


def test_units_sentences_and_lead_ins():
    from types import SimpleNamespace

    from adrtool.reasoning.record_text import Line

    def line(n, text, item=False, indent=0, headings=("Decision",)):
        return Line(n, text, text, " " + text.lower() + " ", ("decision",), headings, ("decision",), item, indent)

    # Line 4 right under an item would continue it (Markdown's lazy continuation): a blank line comes first.
    rt = SimpleNamespace(lines=[line(1, "Chosen option: Kafka, because"), line(2, "it keeps a log.", True),
                                line(3, "Replays are cheap, e.g. for tests.", True), line(5, "One more line"),
                                line(6, "after it. And a second sentence."), line(8, "Cons:"),
                                line(9, "an extra service to run", True), line(10, "and a wrapped line")])
    units = sentences.cut(rt)
    assert [len(u.lines) for u in units] == [1, 1, 1, 2, 1, 2]
    assert units[1].intro is units[0] and units[2].intro is units[0]
    assert [s.text for s in units[2].sentences] == ["Replays are cheap, e.g. for tests."]  # no cut after "e.g."
    assert [s.text for s in units[3].sentences] == ["One more line after it.", "And a second sentence."]
    assert [l.number for l in units[3].sentences[1].lines] == [6]
    assert units[5].intro is units[4]
    assert record_text_module.Line is Line


# Pattern: kumahq/kuma 348b6528bc234b3c4bd7f22ad7c5bf950d6149fc docs/madr/decisions/010-timeout-policy.md:
# an arbitrary pick behind a one-way door whose text says "for now" about a later feature, and "reverse" of an order.
ARBITRARY = """\
# Timeout policy

* Status: accepted

## Context and Problem Statement

Proxies need timeouts for upstream and downstream traffic.

## Considered Options

* One policy for both directions
* Two policies

## Decision Outcome

We will create one `MeshTimeout` policy. For now it applies only to `Mesh` and `MeshService`.
Services stop in the reverse order of their start.
"""


def test_an_arbitrary_one_way_pick_is_owned_up_to_only_in_words_about_the_choice(tmp_path):
    repo, d = load_one(tmp_path, "0010-timeout-policy.md", ARBITRARY, "arbitrary/one-way")
    assert {f.rule: f.severity for f in rubric.check(d, repo=repo)}.get("rubric/arbitrary-one-way") == "error"
    owned = ARBITRARY.replace("Services stop in the reverse order of their start.",
                              "Either option would serve; there is no strong preference. Undoing it later "
                              "would cost a migration of every policy users wrote.")
    repo, d = load_one(tmp_path / "b", "0010-timeout-policy.md", owned, "arbitrary/one-way")
    assert "rubric/arbitrary-one-way" not in {f.rule for f in rubric.check(d, repo=repo)}


# Pattern: ministryofjustice/cloud-platform 7f879f3af6cd39f8711ec99ee3b4d2163ff54024
# architecture-decision-record/001-Use-AWS-hosted-elasticsearch.md and 004-use-kubernetes-for-container-management.md:
# the reasons listed in the Context under a lead-in; the candidates listed in the Context and one set aside there.
REASONS_IN_CONTEXT = """\
# 1. Use a hosted search service

Date: 05/02/2018

## Status

Accepted

## Context

We run our own search cluster.

Reasons behind this move were:

* Almost one week per month spent reviving the cluster
* Restores took so long that the data was useless

Products that run search for us:

- Hosted Search
- Search Cloud
- Elastic Pods

Elastic Pods needs a cluster of our own; this removes it from consideration, given that running a cluster is what we want to stop.

## Decision

Move our search to Hosted Search.

## Consequences

We have no admin access to the hosted cluster, and are unable to install plugins.
"""


def test_reasons_under_a_lead_in_and_candidates_listed_in_the_context(tmp_path):
    repo, d = load_one(tmp_path, "0001-use-a-hosted-search-service.md", REASONS_IN_CONTEXT, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("reason") == "found"
    assert "one week per month" in card.get("reason").quotes[0].text
    assert card.state("alternatives") == "found"
    assert "removes it from consideration" in card.get("alternatives").quotes[0].text
    assert card.state("cost") == "found"
    assert errors(d, repo) == set()


# Pattern: thomvaill/log4brains 37187fc8e0cd615c155eb27d6116e1e05681a918
# docs/adr/20200926-use-the-adr-number-as-its-unique-id.md: "Chosen option: X, because" over a list of reasons,
# one of which is a downside of another option, and no downside of the choice.
BECAUSE_LIST = """\
# Use the number as the unique id

- Status: accepted

## Context and Problem Statement

Every record needs an id for its URL.

## Considered Options

- The number
- The record's title

## Decision Outcome

Chosen option: "The number", because

- two records can have duplicated titles
- a number is short to type
"""


def test_the_items_of_a_because_lead_in_are_reasons_and_not_costs(tmp_path):
    repo, d = load_one(tmp_path, "20200926-use-the-number-as-the-unique-id.md", BECAUSE_LIST, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("reason") == "found" and card.state("alternatives") == "found"
    assert card.state("cost") == "absent"  # "duplicated titles" is why the title lost, not a cost of numbers
    assert errors(d, repo) == {"rubric/missing-negative-consequence"}


# Pattern: scieloorg/kernel 7cb52b1d019f958a2727ca28d8b8a31f12571bb4 docs/adr/0006-novo-pid-do-scielo.md:
# Portuguese Nygard, the consequences as "Prós:" and "Contras:" lead-ins over lists.
PROS_CONS_LEAD_INS = """\
# 6. Novo identificador

Data: 2019-04-12

## Status

Aceito

## Contexto

Desde o início usamos chaves naturais, o que se mostrou inadequado porque os metadados mudam.

## Decisão

Utilizaremos uma chave artificial baseada no RFC 4122.

## Consequências

Prós:
* Os metadados podem mudar sem que o identificador mude.

Contras:
* Todas as aplicações terão que suportar mais um identificador.
"""


def test_a_contras_lead_in_makes_its_items_downsides_and_the_status_quo_is_weighed(tmp_path):
    repo, d = load_one(tmp_path, "0006-novo-identificador.md", PROS_CONS_LEAD_INS, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("cost") == "found"
    assert "Todas as aplicações" in card.get("cost").quotes[0].text
    assert card.state("alternatives") == "thin"  # "Desde o início ... inadequado": the status quo, faulted
    assert errors(d, repo) == set()


# Pattern: kumahq/kuma 348b6528bc234b3c4bd7f22ad7c5bf950d6149fc docs/madr/decisions/080-special-mtp-algo.md and
# ministryofjustice/cloud-platform 7f879f3af6cd39f8711ec99ee3b4d2163ff54024
# architecture-decision-record/012-One-cluster-for-dev-staging-prod.md: "custom" (not Portuguese "custo"), a cost
# eased after its word, and a cost of the other way given as a reason.
NO_COST = """\
# 12. One cluster for all environments

## Status

Accepted

## Context

Teams need production and development environments.

## Decision

We will run one cluster with a custom admission policy, because managing a single cluster keeps our
operational overhead and costs to a minimum, and it would be very hard to keep several clusters alike.

## Consequences

It makes it easier for teams to trust that their development environment matches production.
"""


def test_cost_words_that_are_whole_words_eased_or_about_the_other_way_are_no_cost(tmp_path):
    repo, d = load_one(tmp_path, "0012-one-cluster.md", NO_COST, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("cost") == "absent", card.get("cost")
    assert card.state("alternatives") == "thin"  # "it would be very hard to keep several clusters alike"
    assert errors(d, repo) == {"rubric/missing-negative-consequence"}


# Pattern: operate-first/blueprint fd0131b25f76d838e203b7dcc9d87bd810e13227 adr/0001-use-gpl3-as-license.md: MADR 2
# with its problem statement right under the title, an obligation in it, and no downside anywhere.
PREAMBLE = """\
# Use the GPL as licence

Everything needs a licence, otherwise default copyright law applies and users have to ask before any change.

## Considered Options

* No licence
* GNU GPL

## Decision Outcome

Chosen option: "GNU GPL", because it keeps every derived work free.
"""


def test_the_text_above_the_first_section_of_a_madr2_record_is_its_context(tmp_path):
    repo, d = load_one(tmp_path, "0001-use-the-gpl.md", PREAMBLE, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("cost") == "absent"  # "users have to ask" describes the problem, not the GPL's cost
    assert "rubric/missing-negative-consequence" in errors(d, repo)


# Pattern: arachne-framework/architecture 060a956277a5ad71df93da49fee52463408841af adr-013-error-reporting.md: a
# Decision whose "However, ..." turns to the next part of the design; thin, never found, never an error.
TURN = """\
# Error reporting

## Context

Errors lose information on their way to the user.

## Decision

Modules throw exceptions with a short message. However, the exception also carries a map of details.

## Consequences

- Tools can render richer errors.
"""


def test_a_turn_in_the_decision_is_a_cost_in_passing(tmp_path):
    repo, d = load_one(tmp_path, "adr-013-error-reporting.md", TURN, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("cost") == "thin"
    assert "rubric/missing-negative-consequence" not in errors(d, repo)
    assert "rubric/thin-negative-consequence" in {f.rule for f in rubric.check(d, repo=repo)}


def test_listed_options_losing_by_the_reason_given_are_an_implied_rejection(tmp_path):
    # Pattern: thomvaill/log4brains 37187fc8e0cd615c155eb27d6116e1e05681a918
    # docs/adr/20200924-use-markdown-architectural-decision-records.md: options listed, the pick's reason
    # names what the others lack, no Bad item for them.
    text = BECAUSE_LIST.replace('Chosen option: "The number", because\n\n- two records can have duplicated titles\n'
                                '- a number is short to type\n',
                                'Chosen option: "The number", because it never changes when a record is renamed.\n')
    repo, d = load_one(tmp_path, "20200926-use-the-number-as-the-unique-id.md", text, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("alternatives") == "thin"
    assert "lose only by the reason given" in card.get("alternatives").summary
    assert essentials(card)["reason"] == "found"


# Pattern: arachne-framework/architecture 060a956277a5ad71df93da49fee52463408841af adr-003-config-implementation.md:
# a "Tradeoffs for Arachne (with mitigations)" section: what is written there is what the choice costs.
TRADE_OFFS = """\
# Datomic-based configuration

## Context

The configuration needs queries and a schema.

## Decision

We will keep the configuration in an in-memory Datomic database.

## Tradeoffs

- Users meet Datalog when they inspect the configuration.
"""


def test_a_trade_offs_section_holds_costs(tmp_path):
    repo, d = load_one(tmp_path, "adr-003-config-implementation.md", TRADE_OFFS, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("cost") == "found"
    assert "Users meet Datalog" in card.get("cost").quotes[0].text


def test_the_status_quo_told_in_one_paragraph_and_faulted_in_another_is_weighed(tmp_path):
    # Pattern: npryce/adr-tools b3279baf9be2207d1a4f4bbd608fd0b591c72aee doc/adr/0008-use-iso-8601-format-for-dates.md
    # (bench/judgement/DEFINITIONS.md, "the status quo whose failures are explained"): how things are now, then,
    # a paragraph later, what is wrong with it.
    text = WRAPPED.replace("""Existing deployments write dates as `dd/mm/yyyy` by default.  That
format is common in the United Kingdom, but is easily
confused with the `mm/dd/yyyy` format of the United States.""", """Existing deployments write dates as `dd/mm/yyyy` by default.

Readers in the United States confuse it with `mm/dd/yyyy`.""")
    repo, d = load_one(tmp_path, "0008-use-iso-8601-dates.md", text, "deliberate/one-way")
    assert read_card(d, repo).state("alternatives") == "thin"
    assert "rubric/missing-options" not in errors(d, repo)


# Pattern: ptaina/techacademy8 aca64f40962c713f9f4ee2e05a982ccbdc7432a1 Documentation/ADR/ADR-002-framework-backend.md:
# the options under a first-level heading, so that the Decision section nests under them by a heading-level slip,
# and the consequences as bold-labelled lines one under another with no blank line between them.
MISNESTED = """\
# ADR-002: Framework do servidor

**Status:** Aceito

## Contexto

O sistema precisa de um servidor HTTP para os módulos de cadastro e de estoque.

# Alternativas consideradas

**Koa:** Pequeno e moderno.

**Fastify:** Rápido, com validação de esquemas.

## Decisão tomada

Usaremos o Fastify porque a equipe já o conhece e a validação de esquemas vem pronta.
Consequências

**{good}:** Desempenho e validação prontos.
**{bad}:** A equipe precisa escrever os próprios padrões de módulos, já que o framework não impõe estrutura.
"""


def test_labelled_lines_under_a_misnested_decision_are_its_consequences(tmp_path):
    """A Decision section under the options is the record's own section, not an option called "Decisão tomada";
    "**Negativo:**" on the line right under "**Positivo:**" is a downside of its own (each label, each language)."""
    for good, bad in (("Positivo", "Negativo"), ("Positive", "Negative"), ("Positif", "Négatif"), ("Positiv", "Negativ"),
                      ("Pros", "Cons")):
        repo, d = load_one(tmp_path / good, "0002-framework.md", MISNESTED.format(good=good, bad=bad),
                           "deliberate/one-way")
        card = read_card(d, repo)
        assert card.state("cost") == "found", (good, card.get("cost"))
        assert "rubric/missing-negative-consequence" not in errors(d, repo)
    # Without the downside line there is none: the positive label alone is no cost.
    text = MISNESTED.format(good="Positivo", bad="Negativo").split("**Negativo:**")[0]
    repo, d = load_one(tmp_path / "none", "0002-framework.md", text, "deliberate/one-way")
    assert read_card(d, repo).state("cost") == "absent"


def test_a_bold_label_starts_a_unit_of_its_own():
    assert sentences._BOLD_LABEL.match("**Negativo:** mais trabalho") and sentences._BOLD_LABEL.match("__Cons__: slow")
    assert not sentences._BOLD_LABEL.match("**Kafka** keeps the log: we replay it")


# Pattern: the card's own rule (essentials.py: "a benefit under Consequences", "a Good item of the chosen option"),
# dead until 2026-12-02 because `_content_after(_ANY, ...)` returns the empty cue, which is false.
BENEFIT_ONLY = """\
# 4. Keep sessions in Redis

## Status

Accepted

## Context

Sessions live in the memory of each web node today.

## Decision

Sessions go to a shared Redis instance.

## Consequences

* Good, a node can restart without logging anyone out
* Bad, Redis becomes one more service to run and watch
"""


def test_a_benefit_under_consequences_is_a_reason_and_a_bare_label_is_not(tmp_path):
    repo, d = load_one(tmp_path / "a", "0004-sessions.md", BENEFIT_ONLY, "deliberate/one-way")
    item = read_card(d, repo).get("reason")
    assert item.state == "found" and "benefit" in item.summary, item
    bare = BENEFIT_ONLY.replace("* Good, a node can restart without logging anyone out", "* Good")
    repo, d = load_one(tmp_path / "b", "0004-sessions.md", bare, "deliberate/one-way")
    assert read_card(d, repo).state("reason") != "found"
