"""What a short record writes of a weighed alternative or a reason in words the card cannot split into options.

holdout8 (bench/judgement, studied after it was scored once) gave three rubric errors
on records its labels call adequate or thin; each wrote the essential in a shape the
card did not read: a weighing told in the context's prose, options explained after a
full-width colon, and a reason written as a consequence ("... because ...").  With no
signal the card may call an essential *absent* only on evidence of absence; these are
evidence of the contrary, so the card says *thin*.  Each fixture is our own text,
reproducing the pattern seen in the public record named above it; each has a control
that stays *absent* without the pattern.
"""

from __future__ import annotations

from adrtool.reasoning import read_card
from tests.test_review_card import load_one
from tests.test_review_card_absence import findings, nygard

DECISION = "Because every team must ship on its own, we have decided to go for the message bus."
CONSEQUENCES = "Teams ship on their own. Some features stop when the bus is down, but the rest keeps working."


def _card(tmp_path, text: str):
    repo, d = load_one(tmp_path, "0001-bus.md", text, "deliberate/one-way")
    return read_card(d, repo), findings(d, repo)


# Pattern: SCS-ASSE-FS21-Tutors/tapas 08d9525 doc/architecture/decisions/0001-design-decision-microservices.md (95
# words): the context tells that two styles and a hybrid of them were evaluated; the Decision picks one.
def test_a_context_that_tells_of_a_weighing_makes_a_short_records_alternatives_thin(tmp_path):
    context = ("Our talks have turned around two integration styles, namely shared tables and a message bus. "
               "We have also evaluated a mix of the two.")
    card, found = _card(tmp_path, nygard("1. Integration", context, DECISION, CONSEQUENCES))
    alternatives = card.get("alternatives")
    assert alternatives.state == "thin" and "tells of a weighing" in alternatives.summary, alternatives
    assert alternatives.quotes[0].line == 9
    assert "rubric/missing-options" not in found and found["rubric/thin-options"] == "warning"


def test_a_weighing_told_in_german_counts_the_same(tmp_path):
    context = "Wir haben beide Ansätze verglichen: gemeinsame Tabellen und einen Nachrichtenbus."
    card, _ = _card(tmp_path, nygard("1. Integration", context, DECISION, CONSEQUENCES))
    assert card.get("alternatives").state == "thin"


def test_a_short_record_that_tells_of_no_weighing_keeps_its_alternatives_absent(tmp_path):
    context = "Our teams integrate their services and need one way to do it."
    card, found = _card(tmp_path, nygard("1. Integration", context, DECISION, CONSEQUENCES))
    assert card.get("alternatives").state == "absent"
    assert found["rubric/missing-options"] == "error"


# Pattern: DFE-Digital/get-an-identity 2033bc3 docs/architecture/decisions/0002-use-gov-paas.md and
# UKHSA-Internal/talktofrank-beta 7aa67d9 doc/architecture/decisions/0002-content-syndication.md: a count of ways
# ("two main options - A, or B") and a lead-in to a list ("Options considered:") only name the options.
def test_options_counted_or_led_into_are_only_named_and_stay_absent(tmp_path):
    context = ("We have two main integration options for our services - shared tables, or a message bus. "
               "The options considered for it are these:")
    card, found = _card(tmp_path, nygard("1. Integration", context, DECISION, CONSEQUENCES))
    assert card.get("alternatives").state == "absent", card.get("alternatives")
    assert found["rubric/missing-options"] == "error"


# Pattern: tytsxai/exchange-platform 768bbd2 交易所项目文档/ADR/ADR-001-撮合分片与保序策略.md: the options section lists
# each alternative as "名称：为什么不选" with a full-width colon and no spaces, as CJK typography writes it.
CJK = """\
# ADR-001 撮合分片

## 背景
- 撮合需要高吞吐与严格有序。

## 决策
- 分片键：`symbol`，同一 `symbol` 串行处理。

## 备选方案
- 单机撮合{first}
- 全局队列撮合{second}

## 影响
- 风险：热点 `symbol` 成为瓶颈
"""


def test_options_explained_after_a_full_width_colon_are_weighed(tmp_path):
    card, found = _card(tmp_path, CJK.format(first="：实现简单，但扩展性差", second="：复杂度高，容易引入一致性问题"))
    alternatives = card.get("alternatives")
    assert alternatives.state != "absent", alternatives
    assert "rubric/missing-options" not in found


def test_options_only_named_in_chinese_stay_absent(tmp_path):
    card, found = _card(tmp_path, CJK.format(first="", second=""))
    assert card.get("alternatives").state == "absent"
    assert found["rubric/missing-options"] == "error"


# Pattern: StefanKuerten1234/aws-egress-filter adbf5d4 doc/adr/0004-webflux.md (about 90 words, a context of 14):
# the Decision only states the pick; why it serves the problem is told as its effect, "because ..." under
# Consequences.
def _egress(consequence: str) -> str:
    return nygard("4. Reactive server", "We need to answer requests from users and call an upstream API.",
                  "We will use the reactive server stack for both cases.",
                  consequence + " However, one blocking call breaks the reactive model and it is hard to learn.")


def test_a_consequence_that_argues_with_because_makes_a_short_records_reason_thin(tmp_path):
    card, found = _card(tmp_path, _egress("Requests will be served more efficiently because the stack never blocks."))
    reason = card.get("reason")
    assert reason.state == "thin" and "a consequence argues for it" in reason.summary, reason
    assert reason.quotes[0].line == 17
    assert "rubric/missing-rationale" not in found and found["rubric/thin-rationale"] == "warning"


def test_a_consequence_with_no_why_leaves_a_short_records_reason_absent(tmp_path):
    card, found = _card(tmp_path, _egress("Requests are served by the new stack."))
    assert card.get("reason").state == "absent"
    assert found["rubric/missing-rationale"] == "error"
