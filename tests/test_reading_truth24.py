"""Reading misses seen on the twenty-fourth set (bench/reading/truth24.jsonl, a development set since scored once at
f114228), each fixed by a general rule (bench/reading/DEFINITIONS.md, "Added for truth24").

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from adrtool.model import Status
from adrtool.vocabulary import normalize_status, status_links
from tests.conftest import write
from tests.test_reading_truth6 import links, records


def madr2(title: str, fields: str, body: str = "Why.") -> str:
    return f"# {title}\n\n{fields}\n\n## Context\n\n{body}\n\n## Decision\n\nWhat.\n"


# 3311930677/Intelligent-Input-Method-v2 879a143db615 docs/adr/0004-*.md (`- 状态：P2 已接受`), 0006-*.md (`- 状态：P3A 接受，
# 真实模型许可门禁仍未解除`), 0008-*.md .. 0014-*.md (`- 状态：P3C 已采用`, `P3C 已采用，可通过构建开关回滚`).
@pytest.mark.parametrize("status, expected", [
    ("已采用", Status.ACCEPTED), ("采用", Status.ACCEPTED), ("P3C 已采用", Status.ACCEPTED),
    ("P3C 已采用，可通过构建开关回滚", Status.ACCEPTED), ("P3C 已采用；在线撤销与受信时间戳边界见 ADR 0019", Status.ACCEPTED),
    ("P2 已接受", Status.ACCEPTED), ("P3A 接受，真实模型许可门禁仍未解除", Status.ACCEPTED), ("P4.0 已采用", Status.ACCEPTED),
    ("不采用", Status.REJECTED), ("未采用", Status.REJECTED), ("P2 提议", Status.PROPOSED), ("M1 accepted", Status.ACCEPTED),
    ("P2 已弃用", Status.DEPRECATED),
])
def test_a_phase_before_the_status_word_and_simplified_adopted(status, expected):
    assert normalize_status(status) is expected


@pytest.mark.parametrize("status", ["P2", "P3C 后续再议", "v2"])
def test_a_phase_alone_or_before_no_status_word_is_no_status(status):
    assert normalize_status(status) is Status.UNKNOWN


def test_a_chinese_record_adopted_in_a_phase_reads_accepted(tmp_path):
    write(tmp_path / "docs/adr/0010-versioned-plugin-store.md",
          "# ADR-0010：版本化插件存储\n\n- 状态：P3C 已采用\n- 日期：2026-08-02\n\n## 背景\n\n为什么。\n\n## 决策\n\n做什么。\n")
    assert records(tmp_path)["0010-versioned-plugin-store.md"]["status"] == "accepted"


# 0disoft/velox ceb9c30074a4 docs/adr/0004-cpp23-reference-host.md: `- Status: Retired by ADR 0005`.
@pytest.mark.parametrize("status, expected, linked", [
    ("Retired by ADR 0005", Status.SUPERSEDED, [("superseded-by", "0005")]),
    ("Retired by [ADR 0005](0005-select-go.md)", Status.SUPERSEDED, [("superseded-by", "0005-select-go.md")]),
    ("Retired by ADR-5", Status.SUPERSEDED, [("superseded-by", "5")]),
    ("Retired", Status.DEPRECATED, []),
    ("Retired by the maintainers", Status.DEPRECATED, []),  # no record named: out of force, nothing in its place
])
def test_retired_by_a_record_is_superseded_by_it(status, expected, linked):
    assert normalize_status(status) is expected
    assert [(r.value, t) for r, t in status_links(status)] == linked


# 0disoft/velox docs/adr/0010-*.md .. 0012-*.md: the part superseded named after the status word and a semicolon.
@pytest.mark.parametrize("status", [
    "Accepted for future signed channels; M4 gate superseded by ADR 0011",
    "Accepted; M4 completion criterion superseded by ADR 0016",
    "Accepted; external-user M4 gate superseded by ADR 0016",
    "Accepted; the caching layer superseded by [ADR 0016](0016-x.md)",
])
def test_a_named_part_superseded_after_the_status_is_superseded(status):
    assert normalize_status(status) is Status.SUPERSEDED


@pytest.mark.parametrize("status", [
    "Accepted; the values are proposed, accepted, superseded",  # the template's words, no replacement
    "Accepted; nothing superseded",
])
def test_a_clause_without_superseded_by_a_record_keeps_the_status(status):
    assert normalize_status(status) is Status.ACCEPTED


def test_velox_records_read_through_the_cli(tmp_path):
    write(tmp_path / "docs/adr/0004-cpp23-reference-host.md",
          madr2("ADR 0004: Keep a C++23 WebView2 host", "- Status: Retired by ADR 0005\n- Date: 2026-07-10"))
    write(tmp_path / "docs/adr/0005-select-go.md", madr2("ADR 0005: Select Go", "- Status: Accepted\n- Date: 2026-07-11"))
    write(tmp_path / "docs/adr/0011-publish-preview.md",
          madr2("ADR 0011: Publish a preview", "- Status: Accepted; M4 completion criterion superseded by ADR 0016"
                "\n- Date: 2026-07-18"))
    write(tmp_path / "docs/adr/0016-separate.md", madr2("ADR 0016: Separate", "- Status: Accepted\n- Date: 2026-07-19"))
    got = records(tmp_path)
    assert (got["0004-cpp23-reference-host.md"]["status"], links(got["0004-cpp23-reference-host.md"])) \
        == ("superseded", [("superseded-by", "0005")])
    assert (got["0011-publish-preview.md"]["status"], links(got["0011-publish-preview.md"])) \
        == ("superseded", [("superseded-by", "0016")])


# thehumanworks/synextra 7f46640462df backend/adrs/0005-*.md: `- Supersedes aspects of: ADR 0003 (orchestration layer),
# ADR 0004 (streaming architecture)`; 0006-*.md: `- Supersedes aspects of: ADR 0005 implementation layout`.
@pytest.mark.parametrize("label", ["Supersedes aspects of", "Supersedes parts of", "Partially supersedes",
                                   "Supersedes in part", "**Supersedes aspects of**"])
def test_a_partial_supersession_label_types_supersedes(tmp_path, label):
    write(tmp_path / "backend/adrs/0003-dual-store.md", madr2("ADR 0003: Dual store", "- Status: accepted"))
    write(tmp_path / "backend/adrs/0004-streaming.md", madr2("ADR 0004: Streaming", "- Status: accepted"))
    write(tmp_path / ".adrtool.toml", 'dirs = ["backend/adrs"]\n')
    write(tmp_path / "backend/adrs/0005-sdk-migration.md",
          madr2("ADR 0005: Migration to the Agents SDK", f"- Status: accepted\n- Date: 2026-02-18\n- {label}: "
                "ADR 0003 (orchestration layer), ADR 0004 (streaming architecture)"))
    got = records(tmp_path)["0005-sdk-migration.md"]
    assert (got["status"], links(got)) == ("accepted", [("supersedes", "0003"), ("supersedes", "0004")])


# 2002Bishwajeet/yantra ddb670829d10 docs/adr/0015-resume-forks-the-conversation.md: an `**Extends:**` bullet that goes
# on `Nothing in ADR-0011 is superseded or amended`.
@pytest.mark.parametrize("sentence, expected", [
    ("Nothing in ADR-0011 is superseded or amended: the agent is still a TUI.", []),
    ("No part of ADR-0011 is superseded.", []),
    ("Neither ADR-0011 nor ADR-0009 is superseded.", []),
    ("ADR-0011 is partially superseded: the launch bullet changed.", [("supersedes", "0011")]),  # (the rule negation keeps)
])
def test_a_negated_subject_states_no_supersession(tmp_path, sentence, expected):
    write(tmp_path / "docs/adr/0011-claude-code-runs-in-tmux.md", madr2("ADR-0011 — Claude Code in tmux", "- **Status:** accepted"))
    write(tmp_path / "docs/adr/0015-resume-forks.md",
          madr2("ADR-0015 — `resume` forks the conversation", "- **Date:** 2026-08-02\n- **Status:** accepted",
                f"Launching is one verb. {sentence}"))
    assert links(records(tmp_path)["0015-resume-forks.md"]) == expected


def test_an_extends_label_continued_by_a_negation_still_amends(tmp_path):
    write(tmp_path / "docs/adr/0011-claude-code-runs-in-tmux.md", madr2("ADR-0011 — Claude Code in tmux", "- **Status:** accepted"))
    write(tmp_path / "docs/adr/0015-resume-forks.md",
          madr2("ADR-0015 — `resume` forks the conversation",
                "- **Date:** 2026-08-02\n- **Status:** accepted\n- **Extends:** [ADR-0011](0011-claude-code-runs-in-tmux.md)"
                " — its *Launch* bullet only,\n  which describes one of two commands. Nothing in ADR-0011 is superseded\n"
                "  or amended: the agent is still an ordinary interactive TUI in tmux."))
    assert links(records(tmp_path)["0015-resume-forks.md"]) == [("amends", "0011")]


# 1170082607/DQAgent 07099f5df048 docs/adr/0008-*.md, under Decision: `This amends the lifecycle ownership part of
# ADR-0003.`
@pytest.mark.parametrize("sentence, expected", [
    ("This amends the lifecycle ownership part of ADR-0003.", [("amends", "0003")]),
    ("This supersedes the retry section of ADR-0003.", [("supersedes", "0003")]),
    ("This ADR amends the parts of ADR 0003 on cancellation.", [("amends", "0003")]),
    ("This amends ADR-0003.", [("amends", "0003")]),
    ("This amends the lifecycle of the runtime, as ADR-0003 said.", []),  # no part of a record its object
])
def test_this_record_amends_a_named_part_of_another(tmp_path, sentence, expected):
    write(tmp_path / "docs/adr/0003-observable-runtime.md", madr2("ADR-0003: Observable runtime", "- Status: Accepted"))
    write(tmp_path / "docs/adr/0008-coordinate-run.md",
          madr2("ADR-0008: Coordinate the run", "- Status: Accepted\n- Date: 2026-08-04", f"A coordinator.\n\n{sentence}"))
    assert links(records(tmp_path)["0008-coordinate-run.md"]) == expected


# 1170082607/DQAgent docs/adr/0002-*.md, a note under the header's bullets: `Phase 3's ADR-0003 supersedes only the
# decision that `AgentApplication` owns the loop. The tool contract, ... remain accepted.`
@pytest.mark.parametrize("note, expected", [
    ("Phase 3's ADR-0003 supersedes only the decision that `AgentApplication` owns the loop. The tool\ncontract "
     "remains accepted.", [("superseded-by", "0003")]),
    ("Since then, ADR-0003 replaces only the part that owns the loop.", [("superseded-by", "0003")]),
    ("Since then, ADR-0003 supersedes only the decision of ADR-0001 on the loop.", []),  # another record's decision
    ("Since then, ADR-0003 supersedes the decision that the application owns the loop.", []),  # no `only`: not said of this one
])
def test_another_record_superseding_only_a_part_of_this_one(tmp_path, note, expected):
    write(tmp_path / "docs/adr/0003-observable-runtime.md", madr2("ADR-0003: Observable runtime", "- Status: Accepted"))
    write(tmp_path / "docs/adr/0001-llm-boundary.md", madr2("ADR-0001: LLM boundary", "- Status: Accepted"))
    write(tmp_path / "docs/adr/0002-tool-boundary.md",
          madr2("ADR-0002: Explicit Tool Boundary", f"- Status: Accepted\n- Date: 2026-07-23\n\n{note}"))
    got = records(tmp_path)["0002-tool-boundary.md"]
    assert (got["status"], links(got)) == ("accepted", expected)


def test_a_part_superseded_said_below_the_header_is_not_this_rule(tmp_path):
    # Under a section, `ADR-0003 supersedes only the decision ...` may tell another record's history: not read.
    write(tmp_path / "docs/adr/0003-observable-runtime.md", madr2("ADR-0003: Observable runtime", "- Status: Accepted"))
    write(tmp_path / "docs/adr/0007-retrieval.md",
          madr2("ADR-0007: Retrieval", "- Status: Accepted", "ADR-0003 supersedes only the decision that the loop is ours."))
    assert links(records(tmp_path)["0007-retrieval.md"]) == []


# wozonet1/helixpipe 6fe1c4d5b5d4 docs/adr/006-*.md: `- **取代（Supersedes）**: 本 ADR 提出的新架构，... 因此，本 ADR 取代了`ADR-003`和
# `ADR-005`作为顶层的数据模型设计决策。`
@pytest.mark.parametrize("sentence, expected", [
    ("因此，本 ADR 取代了`ADR-003`和`ADR-005`作为顶层的数据模型设计决策。", [("supersedes", None), ("supersedes", "0005")]),
    ("本ADR取代 ADR-005。", [("supersedes", "0005")]),
    ("本决策替代了 ADR-005 的校验流程。", [("supersedes", "0005")]),
    ("本 ADR 取代了旧的流水线。ADR-005 仍然有效。", []),  # the record named in the next sentence is not the object
    ("本 ADR 继承了 ADR-005 的思想。", []),  # no supersession verb
])
def test_chinese_this_record_supersedes(tmp_path, sentence, expected):
    # (ADR-003 names no record of the folder: the link stays, resolving to none)
    write(tmp_path / "docs/adr/005-pipeline-centric.md", "# ADR-005: 中心化的实体校验\n\n**状态：** 被 ADR-006 取代\n\n## 背景\n\n为什么。\n")
    write(tmp_path / "docs/adr/006-entity-centric.md",
          "# ADR-006: 以 IDMapper 为中心\n\n**状态：** 已实施 (Implemented)\n\n**日期：** 2025-11-05\n\n## 背景 (Context)\n\n"
          f"为什么。\n\n## 影响\n\n- **取代（Supersedes）**: 本 ADR 提出的新架构。{sentence}\n")
    assert links(records(tmp_path)["006-entity-centric.md"]) == expected


# 2002Bishwajeet/yantra docs/adr/0016-*.md, an amendment note in a blockquote: `> ... that ADR is written and is` over
# `> [ADR-0017](0017-x.md), which proposes taking` ... `> daemon's own bind addresses.** It amends how the caller's address
# is *obtained* in decisions 2 and` ...
AMENDMENT = """> **Amendment, 2026-08-03: a reverse proxy sits in front of this.**
>
> **2026-08-03 (Y-118): that ADR is written and is
> [ADR-0017](0017-forwarded-address.md), which proposes taking
> the caller's address from `X-Forwarded-For` when the TCP peer is one of this
> daemon's own bind addresses.** {it} how the caller's address is *obtained* in decisions 2 and
> 4 and leaves the predicate alone.
"""


@pytest.mark.parametrize("it, expected", [
    ("It amends", [("amended-by", "0017")]),
    ("It supersedes", [("superseded-by", "0017")]),
    ("It extends", []),  # (said of code as often as of records: not read)
])
def test_it_after_a_sentence_linking_one_record_is_that_record(tmp_path, it, expected):
    write(tmp_path / "docs/adr/0017-forwarded-address.md", madr2("ADR-0017 — The forwarded address", "- **Status:** accepted"))
    write(tmp_path / "docs/adr/0016-dashboard-writes.md",
          madr2("ADR-0016 — The dashboard writes", "- **Date:** 2026-08-02\n- **Status:** accepted",
                "Why.\n\n" + AMENDMENT.format(it=it)))
    assert links(records(tmp_path)["0016-dashboard-writes.md"]) == expected


@pytest.mark.parametrize("text", [
    # `It` this record's: the sentence before says so
    "This ADR follows [ADR-0017](0017-forwarded-address.md) on addresses. It amends its rule on proxies.",
    # the `It` sentence links its own object
    "See [ADR-0017](0017-forwarded-address.md). It amends [ADR-0013](0013-heartbeat.md) on addresses.",
    # two records linked before: whose `It` is not said
    "[ADR-0017](0017-forwarded-address.md) and [ADR-0013](0013-heartbeat.md) agree. It amends the proxy rule.",
])
def test_it_whose_record_is_not_the_one_linked_before_links_nothing_by_this_rule(tmp_path, text):
    write(tmp_path / "docs/adr/0017-forwarded-address.md", madr2("ADR-0017 — The forwarded address", "- **Status:** accepted"))
    write(tmp_path / "docs/adr/0013-heartbeat.md", madr2("ADR-0013 — The heartbeat", "- **Status:** accepted"))
    write(tmp_path / "docs/adr/0016-dashboard-writes.md",
          madr2("ADR-0016 — The dashboard writes", "- **Status:** accepted", text))
    got = links(records(tmp_path)["0016-dashboard-writes.md"])
    assert ("amended-by", "0017") not in got
