"""What a short record writes of a cost or a rejected way in passing, in shapes the card did not read.

holdout11 (bench/judgement, studied after it was scored twice, sealed) gave four rubric
errors on records its labels call adequate or thin, and missed one it calls inadequate:
a cost told as the investment of time or money the choice needs ("Será necessário
investimento financeiro ..."), another way weighed with a comparative that takes no
"more" ("superior ao de se utilizar ..."), another way named by the cost the choice
avoids ("evita custos prematuros de microsserviços"), and the list under a chosen
option's "because it comes out best (see below)", which gives its reasons (so an easy
thing to learn is not a cost).  Each fixture is our own text, reproducing the pattern
seen in the public record named above it; each has a control.
"""

from __future__ import annotations

from adrtool.reasoning import read_card
from tests.test_review_card import load_one
from tests.test_review_card_absence import findings, nygard

CONTEXT = "Os prontuários precisam de um banco de dados nosql para o microserviço de atendimento."
DECISION = "Foi optado por utilizar o mongodb como serviço, para diminuir o trabalho de sustentação do banco."


def _card(tmp_path, text: str, name: str = "0001-banco.md"):
    repo, d = load_one(tmp_path, name, text, "deliberate/one-way")
    return read_card(d, repo), findings(d, repo)


# Pattern: rafaelbgil/fiap-hackathon 8816ee9 adrs/adr1.md, adrs/adr6.md: the only Consequence is the time and money
# the choice needs spent on it ("Será necessário investimento de tempo e dinheiro em soluções complementares").
def test_an_investment_the_choice_needs_is_a_cost(tmp_path):
    consequences = "Será necessário investimento de tempo e dinheiro em ferramentas de monitoramento e logs."
    card, found = _card(tmp_path, nygard("1. Banco", CONTEXT, DECISION, consequences))
    cost = card.get("cost")
    assert cost.state == "found" and cost.quotes[0].line == 17, cost
    assert "rubric/missing-negative-consequence" not in found


def test_an_upfront_investment_in_english_is_a_cost_too(tmp_path):
    card, _ = _card(tmp_path, nygard("1. Store", "Records need a document store for the care service.",
                                     "We will use a managed document database for the care service.",
                                     "This needs an upfront investment of time in setting up monitoring and logs."))
    assert card.get("cost").state == "found"


def test_a_step_the_choice_will_need_is_an_obligation_at_least(tmp_path):
    consequences = "Será necessário o alinhamento com o time de segurança da informação para a implementação."
    card, found = _card(tmp_path, nygard("1. Banco", CONTEXT, DECISION, consequences))
    assert card.get("cost").state == "thin", card.get("cost")
    assert found["rubric/thin-negative-consequence"] == "warning"


def test_consequences_that_are_all_benefits_keep_the_cost_absent(tmp_path):
    consequences = "Isso facilita a operação do banco e reduz o trabalho da equipe de atendimento."
    card, found = _card(tmp_path, nygard("1. Banco", CONTEXT, DECISION, consequences))
    assert card.get("cost").state == "absent"
    assert found["rubric/missing-negative-consequence"] == "error"


# Pattern: rafaelbgil/fiap-hackathon 8816ee9 adrs/adr4.md (85 words): the managed service costs more than running
# the database in the cluster, said with a comparative that takes no "more" ("superior ao de se utilizar ...").
def test_a_comparative_without_more_weighs_another_way(tmp_path):
    consequences = "O custo financeiro será superior ao de se utilizar o mongodb instalado diretamente no kubernetes."
    card, found = _card(tmp_path, nygard("1. Banco", CONTEXT, DECISION, consequences))
    alternatives = card.get("alternatives")
    assert alternatives.state == "thin" and "compares the choice" in alternatives.summary, alternatives
    assert alternatives.quotes[0].line == 17
    assert "rubric/missing-options" not in found


def test_a_comparative_of_a_quantity_weighs_nothing(tmp_path):
    consequences = "O custo financeiro será superior a 10 por cento do orçamento do projeto de atendimento."
    card, found = _card(tmp_path, nygard("1. Banco", CONTEXT, DECISION, consequences))
    assert card.get("alternatives").state == "absent", card.get("alternatives")
    assert found["rubric/missing-options"] == "error"


# Pattern: acastrovieira/modulo-fiscal 932cde7 docs/adr/0001-use-modular-monolith.md (88 words): the modular monolith
# "evita custos prematuros de microsserviços", the other style named with its fault in a benefit.
MONOLITH_CONTEXT = "O produto começa pelo módulo fiscal e precisa evoluir para financeiro, relatórios e automações."
MONOLITH = "Usaremos um monólito modular com módulos por domínio e limites explícitos entre as camadas."


def test_the_cost_of_another_way_the_choice_avoids_names_that_way(tmp_path):
    consequences = ("A arquitetura facilita refatorações internas e evita custos prematuros de microsserviços. "
                    "O trade-off é exigir disciplina de dependências internas.")
    card, found = _card(tmp_path, nygard("1. Monólito", MONOLITH_CONTEXT, MONOLITH, consequences), "0001-mono.md")
    alternatives = card.get("alternatives")
    assert alternatives.state == "thin" and "avoids what another way costs" in alternatives.summary, alternatives
    assert "rubric/missing-options" not in found


def test_the_same_in_english(tmp_path):
    card, _ = _card(tmp_path, nygard("1. Monolith", "The product starts with billing and will grow to reports.",
                                     "We will build a modular monolith with one module per domain.",
                                     "It avoids the operational overhead of separate services. Modules need "
                                     "discipline, which is the trade-off."), "0001-mono.md")
    assert card.get("alternatives").state == "thin", card.get("alternatives")


def test_a_harm_avoided_is_no_other_way(tmp_path):
    consequences = ("A arquitetura facilita refatorações internas e evita o risco de perda de dados. "
                    "O trade-off é exigir disciplina de dependências internas.")
    card, found = _card(tmp_path, nygard("1. Monólito", MONOLITH_CONTEXT, MONOLITH, consequences), "0001-mono.md")
    assert card.get("alternatives").state == "absent", card.get("alternatives")
    assert found["rubric/missing-options"] == "error"


# Pattern: Paladijn/d2rsavegameparser de5dad9 docs/decisions/0000-Use-markdown-any-decision-records.md (MADR 3):
# "Chosen option: "MADR 3.0.0", because it comes out best (see below)." and, right under it, the list of why.
MADR = """\
# Use Markdown Any Decision Records

## Context and Problem Statement

We want to record the design decisions of this parser, so that contributors can follow them later on.

## Considered Options

* MADR 3.0.0
* One big design document

## Decision Outcome

Chosen option: "MADR 3.0.0", because it comes out best{pointer}
* Small, focused files let developers find one decision quickly
* Most developers know markdown, or can learn it easily if they don't
"""


def test_the_list_a_chosen_option_points_below_to_gives_its_reasons_not_its_costs(tmp_path):
    card, found = _card(tmp_path, MADR.format(pointer=" (see below)."), "0000-use-madr.md")
    assert card.get("reason").state == "found"
    assert card.get("cost").state == "absent", card.get("cost")
    assert found["rubric/missing-negative-consequence"] == "error"


def test_without_the_pointer_the_list_is_read_as_before(tmp_path):
    card, found = _card(tmp_path, MADR.format(pointer="."), "0000-use-madr.md")
    assert card.get("cost").state == "thin", card.get("cost")
    assert "rubric/missing-negative-consequence" not in found
