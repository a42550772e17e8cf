"""The AI judge end to end: the real SDK against the fake Messages API on loopback, the answer stored,
its quotes verified, and `adrtool review` merging it (text and JSON)."""

from __future__ import annotations

import json
import re

from tests.ai_support import fake, fake_env, make_repo  # noqa: F401  (fixtures)
from tests.conftest import write

from adrtool import store
from adrtool.reasoning.card import ESSENTIALS, FOUND, Card, Item, Quote

# A Nygard-style record modelled on alphagov/govuk-aws docs/architecture/decisions/
# 0008-postgres-on-puppetmaster.md (mirror at /work/.mirror/alphagov+govuk-aws): the rejected
# option is in the Context, the reasons and the cost are in Consequences, with no "because".
NYGARD = """---
status: accepted
date: 2024-03-02
choice: deliberate
door: one-way
---
# Keep the build server's database local

## Context

The build server keeps its job history in a local PostgreSQL. While we move to the new
cloud account we could instead move that history to the managed database service.

## Decision

The build server will keep its local PostgreSQL.

## Consequences

Fewer changes to code that already works.

Our backup and restore scripts keep working.

We give up trying the managed service on a low-risk system first.
"""

# A record whose Consequences are benefits worded with cost words ("risk", "harder"): the rules read
# a downside where there is none.  The pattern of issue 10's missed costs (the template's
# `Bad, because <!-- ... -->` placeholder is the same mistake), which adrtool's rules now catch.
BENEFITS_ONLY = """---
status: accepted
date: 2024-04-01
choice: deliberate
door: one-way
---
# Use one queue for all events

## Context

Events go to three queues today, and consumers miss events that land on the wrong one.

## Considered Options

* One queue for all events
* Keep three queues, rejected because consumers keep missing events

## Decision

We will put every event on one queue, because consumers then read one place.

## Consequences

* The risk of a consumer missing an event goes away.
* Deployments become harder to get wrong.
"""

SUPERSEDED = """---
status: superseded
date: 2020-01-01
choice: deliberate
door: one-way
---
# Keep job history in files

## Decision

Job history stays in files.
"""


SECRET = "Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz"


def claims(**given) -> dict:
    out = {}
    for name in ESSENTIALS:
        state, quote, why = given.get(name, ("absent", "", ""))
        out[name] = {"quote": quote, "why": why, "state": state}
    return out


def answer(essentials: dict, findings=()) -> dict:
    return {"quadrant": "deliberate/one-way", "essentials": essentials, "findings": list(findings)}


REFUTES_NYGARD = answer(claims(
    decision=("found", "The build server will keep its local PostgreSQL.", "stated in Decision"),
    alternatives=("found", "we could instead move that history to the managed database service",
                  "the managed service, which loses on the changes it needs"),
    reason=("found", "Our backup and restore scripts keep working.", "keeping it local keeps what works"),
    cost=("found", "We give up trying the managed service on a low-risk system first.", "a real cost"),
))


def repo_with(tmp_path, **records):
    root = make_repo(tmp_path / "repo", records=0)
    for n, (name, text) in enumerate(records.items(), 3):
        write(root / "decisions" / f"000{n}-{name}.md", text)
    return root


def reply_by_id(answers: dict):
    """The fake's answer for each request, by the decision id in the user message."""
    def reply(body):
        content = body["messages"][0]["content"]
        return answers[re.search(r'<decision id="([^"]+)"', content).group(1)]
    return reply


def offline_errors(root, cli) -> list[str]:
    data = json.loads(cli(["review", "--all", "--format", "json"], root).out)
    return sorted(f["rule"] for f in data["findings"] if f["severity"] == "error")


def test_the_request_carries_the_record_the_policy_and_the_offline_card(tmp_path, fake, cli):
    from adrtool.ai.redaction import redact
    from adrtool.reasoning import read_card

    root = repo_with(tmp_path, local=NYGARD.replace("PostgreSQL.\n", f"PostgreSQL (instance {SECRET}).\n"))
    assert cli(["ai", "review", "3", "--yes"], root).code == 0
    [body] = fake.message_requests()
    content = body["messages"][0]["content"]
    assert "Our backup and restore scripts keep working." in content  # the record, as written
    sent = json.loads(re.search(r"<offline-card>\n(.*?)\n</offline-card>", content, re.S).group(1))
    repo = store.load(root)
    card = read_card(repo.resolve("3"), repo)
    assert (sent["quadrant"], sent["basis"], sent["closed"]) == (card.quadrant, card.basis, card.closed)
    assert [(i["name"], i["state"], i["summary"], i["lines"]) for i in sent["items"]] == [
        (i.name, i.state, i.summary, [q.line for q in i.quotes]) for i in card.items]
    assert sent["lines"] == {str(q.line): redact(q.text).text for i in card.items for q in i.quotes}
    assert SECRET not in json.dumps(body)
    assert "## The four essentials" in body["system"][0]["text"]  # the policy, as the cached prefix
    assert body["output_config"]["format"]["schema"]["properties"]["essentials"]["required"] == list(ESSENTIALS)


def test_the_card_sent_is_redacted_like_the_record():
    from adrtool.ai.review import card_text

    card = Card("0003", "decisions/0003-local.md", "deliberate/one-way", "tags", items=(
        Item("decision", FOUND, "a decision sentence", (Quote(16, f"Keep PostgreSQL (instance {SECRET})."),)),))
    text = card_text(card)
    assert SECRET not in text
    sent = json.loads(text.removeprefix("<offline-card>\n").removesuffix("\n</offline-card>"))
    assert sent["items"] == [{"name": "decision", "state": "found", "summary": "a decision sentence", "lines": [16]}]
    assert sent["lines"] == {"16": "Keep PostgreSQL (instance [REDACTED:high-entropy])."}
    assert "id" not in sent and "path" not in sent  # the decision tag says them


def test_a_rubric_error_refuted_with_verified_quotes_is_cleared_in_review(tmp_path, fake, cli):
    root = repo_with(tmp_path, local=NYGARD)
    before = offline_errors(root, cli)
    # What the rules miss here: the alternative in the Context (the reason, with no cue, is thin: the context
    # says why a decision is needed, so no error).
    assert before == ["rubric/missing-options"]
    fake.reply = lambda body: REFUTES_NYGARD
    result = cli(["ai", "review", "--all", "--yes"], root)
    assert result.code == 0, result.err
    assert '  reason        found   line 22: "Our backup and restore scripts keep working."' in result.out

    fake.reset()
    text = cli(["review", "--all"], root)
    assert fake.requests == []  # merging stored results never calls the API
    assert text.code == 0, text.out  # no error left: the AI showed both essentials in the record
    assert re.search(r"^decisions/0003-local\.md:\d+: warning rubric/missing-options: 0003 .*; cleared by AI "
                     r"review: line 12: \"we could instead move that history to the managed database service\"$",
                     text.out, re.M), text.out
    assert "\n0 error(s)" in text.out
    data = json.loads(cli(["review", "--all", "--format", "json"], root).out)
    cleared = [f for f in data["findings"] if "cleared by AI review" in f["message"]]
    assert sorted(f["rule"] for f in cleared) == before and {f["severity"] for f in cleared} == {"warning"}
    card = cli(["review", "--explain", "3"], root).out  # the merged card: what the judge found, marked
    assert re.search(r"^    alternatives +found +found by AI review: the managed service, which loses on the changes "
                     r"it needs \[ai\]\n +12: we could instead move that history to the managed database service$",
                     card, re.M), card


def test_a_fabricated_quote_is_dropped_reported_and_changes_nothing(tmp_path, fake, cli):
    root = repo_with(tmp_path, local=NYGARD)
    invented = answer(dict(REFUTES_NYGARD["essentials"], alternatives={
        "quote": "Moving would cost us two weeks of migration work.", "why": "invented", "state": "found"}))
    fake.reply = lambda body: invented
    result = cli(["ai", "review", "3", "--yes"], root)
    assert ('  quote ignored (not found in the record), for alternatives: "Moving would cost us two weeks of '
            'migration work."') in result.out
    stored_text = (root / ".adrtool/ai/review/0003.md").read_text()
    assert "## Quotes not found in the record (ignored)" in stored_text
    text = cli(["review", "--all"], root)
    assert text.code == 1
    [options] = [line for line in text.out.splitlines() if "rubric/missing-options" in line]
    assert " error rubric/missing-options: " in options and "AI review" not in options
    assert ('notice: decisions/0003-local.md: AI review quote ignored (not found in the record), for alternatives: '
            '"Moving would cost us two weeks of migration work."') in text.out


def test_the_judge_adds_an_error_for_an_absent_essential_the_rules_missed(tmp_path, fake, cli):
    root = repo_with(tmp_path, queue=BENEFITS_ONLY)
    assert offline_errors(root, cli) == []  # the rules read the benefits as a cost
    fake.reply = lambda body: answer(claims(
        decision=("found", "We will put every event on one queue", "stated"),
        alternatives=("found", "Keep three queues, rejected because consumers keep missing events", "the status quo lost"),
        reason=("found", "because consumers then read one place", "serves the missed events"),
        cost=("absent", "", "both consequences are benefits; no downside of one queue is written"),
    ))
    assert cli(["ai", "review", "--all", "--yes"], root).code == 0
    text = cli(["review", "--all"], root)
    assert text.code == 1
    assert ("error ai/absent-cost [ai]: 0003: AI review finds no acknowledged cost (a downside, trade-off or risk "
            "of the chosen option): both consequences are benefits") in text.out
    data = json.loads(cli(["review", "--all", "--format", "json"], root).out)
    [added] = [f for f in data["findings"] if f["rule"] == "ai/absent-cost"]
    assert (added["severity"], added["source"], added["decision_id"]) == ("error", "ai", "0003")


def test_a_finding_needs_a_verified_quote_and_is_capped_by_the_quadrant(tmp_path, fake, cli):
    root = repo_with(tmp_path, local=NYGARD)
    fake.reply = lambda body: answer(REFUTES_NYGARD["essentials"], findings=[
        {"kind": "missing-option", "quote": "The build server will keep its local PostgreSQL.", "severity": "error",
         "message": "A hosted build service was not weighed.", "recommendation": "Say why not."},
        {"kind": "dummy-alternative", "quote": "we might also have used punched cards", "severity": "error",
         "message": "Invented.", "recommendation": "Nothing."},
    ])
    assert cli(["ai", "review", "3", "--yes"], root).code == 0
    data = json.loads(cli(["review", "--all", "--format", "json"], root).out)
    ai = [(f["rule"], f["severity"], f["line"]) for f in data["findings"] if f["source"] == "ai"]
    assert ai == [("ai/missing-option", "warning", 16)]  # an error only for an absent essential or a mislabelled door


def test_rerunning_on_unchanged_decisions_sends_nothing_and_an_edit_makes_the_verdict_stale(tmp_path, fake, cli):
    root = repo_with(tmp_path, local=NYGARD)
    fake.reply = lambda body: REFUTES_NYGARD
    assert cli(["ai", "review", "--all", "--yes"], root).code == 0
    fake.reset()
    again = cli(["ai", "review", "--all", "--yes"], root)
    assert fake.requests == [] and "0 new, 1 reused, 0 HTTP attempt(s)" in again.err
    record = root / "decisions/0003-local.md"
    record.write_text(record.read_text().replace("keep working.", "keep working, mostly."))
    assert "cleared by AI review" not in cli(["review", "--all"], root).out  # stale: the offline verdict again


def test_closed_records_are_not_sent_by_all_unless_named(tmp_path, fake, cli):
    root = repo_with(tmp_path, local=NYGARD, files=SUPERSEDED)
    shown = cli(["ai", "review", "--all", "--show-payload"], root)
    assert "=== total: 1 requests" in shown.out
    assert ("=== 1 closed record(s) (superseded, deprecated or rejected) not sent: history, not judged: 0004; "
            "name one to send it (`adrtool ai review 0004`)") in shown.out
    data = json.loads(cli(["ai", "review", "--all", "--show-payload", "--json"], root).out)
    assert [r["item"] for r in data["requests"]] == ["0003"]
    assert data["not_sent"] == [{"item": "0004", "path": "decisions/0004-files.md", "status": "superseded",
                                 "why": "closed: history, not judged; name it to send it"}]
    assert fake.requests == []
    result = cli(["ai", "review", "--all", "--yes"], root)
    assert len(fake.message_requests()) == 1 and "1 closed record(s)" in result.err
    assert "missing  review     0004" not in cli(["ai", "status"], root).out  # not owed, so not missing
    assert cli(["ai", "review", "4", "--yes"], root).code == 0  # named: sent
    assert len(fake.message_requests()) == 2


def test_malformed_answers_are_retried_once_then_fail_that_item(tmp_path, fake, cli):
    root = repo_with(tmp_path, local=NYGARD, queue=BENEFITS_ONLY)
    old_shape = {"quadrant": "deliberate/one-way", "adequate": True, "findings": []}
    fake.inject(text=json.dumps(old_shape))
    bad_state = answer(claims(cost=("maybe", "", "")))
    fake.inject(text=json.dumps(bad_state))
    fake.inject(text=json.dumps(answer(claims())))  # the second decision: fine at once
    result = cli(["ai", "review", "--all", "--yes"], root)
    assert result.code == 1
    assert len(fake.message_requests()) == 3
    assert ("decisions/0003-local.md: AI review failed: the model's answer did not follow the schema "
            "(essentials/cost/state: 'maybe' is not one of ['found', 'thin', 'absent'])") in result.err
    assert not (root / ".adrtool/ai/review/0003.md").exists()
    assert (root / ".adrtool/ai/review/0004.md").is_file()


def test_a_hand_damaged_results_file_is_as_if_there_were_none(tmp_path, fake, cli):
    root = repo_with(tmp_path, local=NYGARD)
    fake.reply = lambda body: REFUTES_NYGARD
    assert cli(["ai", "review", "3", "--yes"], root).code == 0
    path = root / ".adrtool/ai/review/0003.md"
    path.write_text(path.read_text().replace('"essentials"', '"essentialz"'))
    text = cli(["review", "--all"], root)
    assert text.code == 1 and "cleared by AI review" not in text.out and "Traceback" not in text.err


def test_the_tui_reads_the_findings_the_judge_adds(tmp_path, fake):
    from adrtool.ai import review, verdicts

    root = repo_with(tmp_path, queue=BENEFITS_ONLY)
    fake.reply = reply_by_id({"0003": answer(claims(cost=("absent", "", "only benefits")))})
    repo = store.load(root)
    assert [o.state for o in review.review_decisions(repo, repo.decisions).outcomes] == ["done"]
    repo = store.load(root)
    [added] = verdicts.review_findings(repo, repo.decisions)
    assert (added.rule, added.source, added.path) == ("ai/absent-cost", "ai", "decisions/0003-queue.md")
