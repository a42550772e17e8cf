"""Opt-in, keys, redaction and path refusal: what leaves the machine, proven on the wire."""

from __future__ import annotations

import json
import os

from tests.ai_support import ai_repo, fake, fake_env, make_repo  # noqa: F401  (fixtures)
from tests.conftest import write
from tests.fake_anthropic import KEY

from adrtool.ai import schemas
from adrtool.ai.payload import estimate_tokens

SECRETS = {
    "anthropic": "sk-ant-api03-Qm9vQmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZg",
    "aws": "AKIAIOSFODNN7EXAMPLE",
    "password": "correct-horse-battery",
    "random": "Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz",
    "pem": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
}


def _all_wire_text(fake) -> str:
    return "\n".join(json.dumps(r.body) for r in fake.requests)


def test_nothing_is_sent_without_opt_in(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", enabled=False)
    result = cli(["ai", "review", "--all", "--yes"], repo)
    assert result.code == 2
    assert "enabled = true" in result.err and "nothing was sent" in result.err
    assert fake.requests == []


def test_missing_key_is_one_line_and_nothing_is_sent(ai_repo, fake, cli, monkeypatch):
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    result = cli(["ai", "review", "--all", "--yes"], ai_repo)
    assert result.code == 2
    assert result.err.strip().splitlines() == ["adrtool: error: ANTHROPIC_API_KEY is not set; export your "
                                               "Anthropic API key to use the AI actions"]
    assert fake.requests == []


def test_a_script_must_confirm_with_yes(ai_repo, fake, cli):
    result = cli(["ai", "review", "--all"], ai_repo)
    assert result.code == 2
    assert "--yes" in result.err
    assert fake.requests == []


def test_refused_key_is_one_line_without_the_key(ai_repo, fake, cli, monkeypatch):
    wrong = "sk-ant-wrong-key-123456"
    monkeypatch.setenv("ANTHROPIC_API_KEY", wrong)
    result = cli(["ai", "review", "--all", "--yes"], ai_repo)
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        "adrtool: error: the API refused the key in ANTHROPIC_API_KEY (401): "
        "check that it is valid and allowed to use this model"]
    assert wrong not in result.err + result.out
    assert len(fake.message_requests()) == 1  # no retry on a refused key


def test_secrets_are_redacted_before_sending(ai_repo, fake, cli):
    write(ai_repo / "decisions" / "0003-credentials.md", f"""---
status: accepted
choice: arbitrary
door: two-way
---
# Credentials for the staging queue

The staging key is {SECRETS['anthropic']} and the AWS key {SECRETS['aws']}.
DB_PASSWORD={SECRETS['password']}
Session: {SECRETS['random']}

-----BEGIN PRIVATE KEY-----
{SECRETS['pem']}
-----END PRIVATE KEY-----

Commit 3f2a9c1d4e5b6a7980f1e2d3c4b5a69788776655 introduced the queue.
""")
    result = cli(["ai", "review", "0003", "--yes"], ai_repo)
    assert result.code == 0, result.err
    wire = _all_wire_text(fake)
    for secret in SECRETS.values():
        assert secret not in wire
    sent = fake.message_requests()[0]["messages"][0]["content"]
    assert sent.split("</decision>")[0].count("[REDACTED:") == 5  # the card after it quotes some lines again
    assert "3f2a9c1d4e5b6a7980f1e2d3c4b5a69788776655" in sent  # commit ids are not secrets
    stored_text = (ai_repo / ".adrtool/ai/review/0003.md").read_text()
    assert KEY not in stored_text and SECRETS["anthropic"] not in stored_text


def test_references_outside_the_repository_are_refused(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", records=0)
    outside = write(tmp_path / "outside.txt", "OUTSIDE-SECRET-CONTENT")
    write(repo / "notes" / "bench.md", "INSIDE-BENCH-NOTES")
    os.symlink(outside, repo / "notes" / "link.md")
    write(repo / "decisions" / "0001-queue.md", f"""---
status: accepted
choice: deliberate
door: one-way
references: [../notes/bench.md, ../../outside.txt, {outside}, ../notes/link.md, https://example.com/paper]
---
# Use a queue
""")
    result = cli(["ai", "review", "1", "--yes"], repo)
    assert result.code == 0, result.err
    sent = fake.message_requests()[0]["messages"][0]["content"]
    assert "INSIDE-BENCH-NOTES" in sent
    assert "OUTSIDE-SECRET-CONTENT" not in _all_wire_text(fake)
    assert "reference ../../outside.txt: refused: resolves outside the repository" in result.err
    assert f"reference {outside}: refused: an absolute path" in result.err
    assert "reference ../notes/link.md: refused: a symlink leading outside the repository" in result.err
    assert "reference https://example.com/paper: a URL: not fetched, not sent" in result.err


def test_the_request_asks_for_the_review_schema_and_caches_the_rubric(ai_repo, fake, cli):
    assert cli(["ai", "review", "1", "--yes"], ai_repo).code == 0
    body = fake.message_requests()[0]
    assert body["output_config"] == {"format": {"type": "json_schema", "schema": schemas.REVIEW}}
    assert body["system"][0]["cache_control"] == {"type": "ephemeral"}
    assert "## The tags decide what is owed" in body["system"][0]["text"]
    assert body["model"] == "claude-sonnet-5-5"
    assert "tools" not in body


def test_show_payload_prints_without_sending_even_when_ai_is_off(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", enabled=False, records=3)
    write(repo / "decisions" / "0004-key.md", "---\nstatus: accepted\n---\n# Key\n\ntoken = abcdefgh12345\n")
    result = cli(["ai", "review", "--all", "--show-payload"], repo)
    assert result.code == 0, result.err
    assert fake.requests == []
    assert "file: decisions/0004-key.md" in result.out
    assert "token = [REDACTED:secret]" in result.out
    assert "secrets redacted: 1" in result.out
    assert "=== total: 4 requests to claude-sonnet-5-5; nothing was sent" in result.out
    data = json.loads(cli(["ai", "review", "--all", "--show-payload", "--json"], repo).out)
    totals = data["totals"]
    assert totals["requests"] == 4
    prefix = estimate_tokens(data["requests"][0]["body"]["system"][0]["text"])
    assert totals["cacheable_tokens"] == 3 * prefix  # the first request writes the cache, three read it
    assert totals["cost_batch"] == totals["cost_direct"] / 2
    assert totals["cost_direct"] < totals["cost_direct_no_cache"]
    assert fake.requests == []
