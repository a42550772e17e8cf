"""The AI tag prompt carries the estimates' rule for choice (never deliberate by default), at a new version."""

from __future__ import annotations

from adrtool import store
from adrtool.ai import stored, tags
from adrtool.ai.prompt import load as load_prompt
from tests.ai_support import fake, fake_env, make_repo  # noqa: F401  (fixtures)
from tests.conftest import write

TEMPLATE_ONLY = "# 3. Graph generation\n\nDate: 2017-11-22\n\n## Status\n\nProposed\n\n## Context\n\n...\n"


def test_the_prompt_asks_for_visible_reasoning_and_never_defaults_to_deliberate():
    prompt = load_prompt(tags.NAME)
    assert prompt.version >= 2
    text = prompt.text
    assert "Never choose\n  `deliberate` by default" in text
    assert "choose `arbitrary` and say \"no\nreasoning visible\"" in text
    assert "`deliberate`, `one-way`" not in text and "safer label" not in text  # the old rule is gone


def test_the_real_sdk_sends_the_new_rule_and_stores_it_with_its_version(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", records=0)
    write(repo / "decisions/0003-graph-generation.md", TEMPLATE_ONLY)
    fake.reply = lambda body: {"choice": "arbitrary", "choice_reason": "No reasoning visible: still its template.",
                               "door": "one-way", "door_reason": "Too little text: leaning one-way."}
    result = cli(["ai", "tags", "3", "--yes"], repo)
    assert result.code == 0, result.err
    (body,) = fake.message_requests()
    system = body["system"][0]["text"]
    assert "Never choose\n  `deliberate` by default" in system
    loaded = store.load(repo)
    found = stored.current(loaded, tags.request_for(loaded, loaded.resolve("3")))
    assert found is not None and found.meta["prompt"] == f"tags@{load_prompt(tags.NAME).version}"
    assert tags.tag_suggestion_for(loaded, loaded.resolve("3"))["choice"] == "arbitrary"


def test_a_suggestion_made_under_the_old_prompt_is_stale(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", records=0)
    write(repo / "decisions/0003-graph-generation.md", TEMPLATE_ONLY)
    fake.reply = lambda body: {"choice": "arbitrary", "choice_reason": "No reasoning visible.",
                               "door": "one-way", "door_reason": "Too little text."}
    assert cli(["ai", "tags", "3", "--yes"], repo).code == 0
    path = next((repo / ".adrtool/ai/tags").glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8").replace(f"prompt: tags@{load_prompt(tags.NAME).version}",
                                                             "prompt: tags@1"), encoding="utf-8")
    loaded = store.load(repo)
    assert tags.tag_suggestion_for(loaded, loaded.resolve("3")) is None  # stale: not shown beside the estimate
    assert cli(["ai", "tags", "3", "--yes"], repo).code == 0
    assert len(fake.message_requests()) == 2  # asked again under the new prompt
