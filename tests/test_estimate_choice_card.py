"""The cheap choice (cue words) reads what the reasoning card reads: a fixture per rule of the card's evidence of
absence that `estimate_choice_absence` mirrors, and a differential test that the two agree on all of them.

Each fixture is our own text, written after a real record's pattern (named beside it: repository, commit, path);
nothing fetched is here.  The reference is the card's estimate (`estimate(d, repo, card=read_card(d, repo))`):
bench/estimates/choice_agreement.py measures the same agreement on thousands of real records.
"""

from __future__ import annotations

import pytest

from adrtool.reasoning import read_card
from adrtool.reasoning.estimate import ARBITRARY, DELIBERATE, NO_REASONING, WEIGHED, estimate
from adrtool.reasoning.estimate_choice import ARGUED
from tests.test_estimates import assert_verbatim, load_one

# alphagov/govuk-aws 81ee9f6e, docs/architecture/decisions/0031-security-group-naming.md: a Nygard record of
# well over 100 words that names no other way and has no cue word of a reason (the card: a thin alternative).
LONG = ("# 31. Security group naming\n\nDate: 2017-08-01\n\n## Status\n\nAccepted\n\n## Context\n\n"
        "Each rule of a security group in Terraform takes a name. The names show up in the console, in the plan "
        "output and in the alerts the operations team reads at night, so people look at them often. The groups "
        "themselves are made per application and per environment, and one application may have five or six of "
        "them, one for each port it opens to another part of the estate.\n\n## Decision\n\n"
        "Name each rule after the source, the destination and the port, in that order, joined by underscores, "
        "and write the environment first. For example: production_frontend_to_backend_443. Rules that open a "
        "port to the whole internet start with public.\n\n## Consequences\n\nExisting rules get new names when "
        "their module is next applied.\n")
# The same record cut to under 100 words: nothing shows reasoning, and the card calls the alternatives absent.
SHORT = ("# 31. Security group naming\n\nDate: 2017-08-01\n\n## Status\n\nAccepted\n\n## Context\n\n"
         "Each rule of a security group in Terraform takes a name.\n\n## Decision\n\n"
         "Name each rule after the source, the destination and the port, in that order, joined by underscores.\n")
# hitobito/hitobito f040bafb, doc/architecture/adr/003_db_as_as_service.md: options described in a sentence
# each, none said to lose (the card: "the options are described, but no reason one lost is recognised").
OPTIONS = ("# 3. Database as a service\n\n## Context and Problem Statement\n\nThe application needs a PostgreSQL "
           "database in every environment.\n\n## Considered Options\n\n- managed database at the hosting partner, "
           "who runs backups and upgrades on a schedule agreed with us\n- a database container next to the "
           "application, run by the operations team with the same tooling as the rest\n\n## Decision Outcome\n\n"
           "Chosen option: managed database at the hosting partner.\n")
# The same options only named: the card calls the alternatives absent.
NAMED = ("# 3. Database as a service\n\n## Context and Problem Statement\n\nThe application needs a PostgreSQL "
         "database.\n\n## Considered Options\n\n- managed database\n- database container\n\n## Decision Outcome\n\n"
         "Chosen option: managed database.\n")
# PingPong3107/QoS-Analysis-of-OTA-Update-Approaches efe45667, doc/architecture/decisions/
# 0010-use-mqtt-for-communication-with-the-cars.md: "More lightweight than HTTP" under Consequences.
COMPARED = ("# 10. MQTT for the cars\n\n## Status\n\nAccepted\n\n## Context\n\nThe cars report their update state "
            "to the backend.\n\n## Decision\n\nThe cars talk to the backend over MQTT.\n\n## Consequences\n\n"
            "More lightweight than HTTP on the small control units.\n")
# The same record with a consequence that compares nothing.
PLAIN = ("# 10. MQTT for the cars\n\n## Status\n\nAccepted\n\n## Context\n\nThe cars report their update state "
         "to the backend.\n\n## Decision\n\nThe cars talk to the backend over MQTT.\n\n## Consequences\n\n"
         "The broker runs in the same cluster as the backend.\n")
# N0-man/k8s-vagrant-centos-cluster 07c21952, doc/architecture/decisions/0001-record-architecture-decisions.md:
# a weighing told in a sentence ("choices considered").
WEIGHING = ("# 1. Record architecture decisions\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record the "
            "architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision "
            "Records. The team evaluated two other formats during the first sprint.\n")
# A lead-in to a list of what was weighed only names them (the card: "Options considered:" is no weighing).
LEAD_IN = ("# 1. Record architecture decisions\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record the "
           "architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision "
           "Records. These were the formats the team evaluated:\n\n- Nygard's records\n")

# (fixture, the cheap reading's value and reason, the cue of its first quote or None for a whole line)
RULES = {
    "long record": (LONG, DELIBERATE, ARGUED, None),
    "short record": (SHORT, ARBITRARY, NO_REASONING, None),
    "options described": (OPTIONS, DELIBERATE, WEIGHED, None),
    "options named": (NAMED, ARBITRARY, NO_REASONING, None),
    "comparison": (COMPARED, DELIBERATE, WEIGHED, "more lightweight than"),
    "no comparison": (PLAIN, ARBITRARY, NO_REASONING, None),
    "weighing told": (WEIGHING, DELIBERATE, WEIGHED, "evaluated"),
    "lead-in": (LEAD_IN, ARBITRARY, NO_REASONING, None),
}


@pytest.mark.parametrize("name", list(RULES))
def test_each_rule_of_the_cards_evidence_of_absence(tmp_path, name):
    text, value, reason, cue = RULES[name]
    repo, d = load_one(tmp_path, text)
    est = estimate(d, repo)
    assert_verbatim(repo, d, est)
    assert (est.choice.value, est.choice.reason) == (value, reason), est.choice
    if value == DELIBERATE:
        assert est.choice.evidence, est.choice
        first = est.choice.evidence[0]
        assert first.cue.lower().startswith(cue) if cue else first.cue == "", first


@pytest.mark.parametrize("name", list(RULES))
def test_the_cheap_reading_and_the_card_agree(tmp_path, name):
    repo, d = load_one(tmp_path, RULES[name][0])
    cheap = estimate(d, repo).choice.value
    by_card = estimate(d, repo, card=read_card(d, repo)).choice.value
    assert cheap == by_card, (name, cheap, by_card)


def test_a_long_record_is_counted_as_the_card_counts_words(tmp_path):
    """Japanese is written without spaces: the card counts a run of letters as one word (`absence.words`), so a
    record of 60 such words is short, however many characters it has (temp-go-dev/consider, a record the old
    count took for 144 words where the card counts 60)."""
    sentence = "このプロジェクトではバージョン管理ツールの設定を統一するためにリポジトリに設定ファイルを置く。"
    text = "# 2. 開発環境\n\n## Context\n\n" + "\n\n".join([sentence] * 12) + "\n\n## Decision\n\n設定ファイルを置く。\n"
    repo, d = load_one(tmp_path, text)
    assert estimate(d, repo).choice.value == ARBITRARY
    assert estimate(d, repo, card=read_card(d, repo)).choice.value == ARBITRARY
