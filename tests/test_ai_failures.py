"""Retries with a capped retry-after, timeouts, malformed answers, stop reasons: never a traceback."""

from __future__ import annotations

from tests.ai_support import ai_repo, fake, fake_env, make_repo  # noqa: F401  (fixtures)
from tests.conftest import run_process


def _env(fake):
    from tests.fake_anthropic import KEY

    return {"ANTHROPIC_API_KEY": KEY, "ANTHROPIC_BASE_URL": fake.url}


def test_a_huge_retry_after_is_capped_and_the_run_finishes(ai_repo, fake):
    # The server asks for a wait of more than a day; without the cap this process
    # would sleep that long and run_process's timeout would fail the test.
    fake.inject(times=2, status=429, headers={"retry-after": "100000"})
    result = run_process(["ai", "review", "1", "--yes"], ai_repo, env=_env(fake), timeout=120)
    assert result.code == 0, result.err
    assert len(fake.message_requests()) == 3
    assert (ai_repo / ".adrtool/ai/review/0001.md").is_file()


def test_overload_and_server_errors_are_retried_then_reported(ai_repo, fake, cli):
    fake.inject(status=529)
    fake.inject(status=500)
    fake.inject(status=529, headers={"retry-after": "0"})
    fake.inject(status=503)
    result = cli(["ai", "review", "--all", "--yes"], ai_repo)
    assert result.code == 1
    assert len(fake.message_requests()) == 4  # max-attempts, then the run stops: the service is down
    assert "decisions/0001-store-1.md: AI review not done: gave up after 4 attempts: 503" in result.err
    assert "decisions/0002-store-2.md: AI review not done" in result.err
    assert "the offline `adrtool review` is unaffected" in result.err
    assert "Traceback" not in result.err


def test_a_slow_answer_times_out_and_is_retried(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", timeout=0.5, records=1)
    fake.inject(delay=3)
    result = cli(["ai", "review", "1", "--yes"], repo)
    assert result.code == 0, result.err
    assert len(fake.message_requests()) == 2


def test_malformed_json_gets_one_retry(ai_repo, fake, cli):
    fake.inject(text='{"quadrant": "deliberate/one-way", "essentials": {"decision": tru')
    result = cli(["ai", "review", "1", "--yes"], ai_repo)
    assert result.code == 0, result.err
    assert len(fake.message_requests()) == 2


def test_malformed_twice_fails_that_item_only(ai_repo, fake, cli):
    fake.inject(text="not json at all")
    fake.inject(text='{"quadrant": "sideways", "essentials": {}, "findings": []}')
    result = cli(["ai", "review", "--all", "--yes"], ai_repo)
    assert result.code == 1
    assert len(fake.message_requests()) == 3  # two for the first decision, one for the second
    assert ("decisions/0001-store-1.md: AI review failed: the model's answer did not follow the schema "
            "(quadrant: 'sideways' is not one of") in result.err
    assert not (ai_repo / ".adrtool/ai/review/0001.md").exists()
    assert (ai_repo / ".adrtool/ai/review/0002.md").is_file()


def test_max_tokens_and_refusal_are_reported_not_parsed(ai_repo, fake, cli):
    fake.inject(text='{"quadrant": "deliberate/one-way", "essentials": {}, "findings": []}', stop_reason="max_tokens")
    fake.inject(text="{}", stop_reason="refusal")
    result = cli(["ai", "review", "--all", "--yes"], ai_repo)
    assert result.code == 1
    assert len(fake.message_requests()) == 2  # no retry for either
    assert "0001-store-1.md: AI review failed: the answer was cut off at max_tokens" in result.err
    assert "0002-store-2.md: AI review failed: the model declined to answer this item" in result.err
    assert not (ai_repo / ".adrtool/ai/review").exists()


def test_permission_denied_stops_the_run_with_one_line(ai_repo, fake, cli):
    fake.inject(status=403)
    result = cli(["ai", "review", "--all", "--yes"], ai_repo)
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        "adrtool: error: the API refused the key in ANTHROPIC_API_KEY (403): "
        "check that it is valid and allowed to use this model"]
    assert len(fake.message_requests()) == 1
