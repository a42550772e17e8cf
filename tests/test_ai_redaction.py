"""Redaction and URLs: a reference the model should read is kept; a URL carrying a secret loses the secret."""

from __future__ import annotations

import json

import pytest

from tests.ai_support import ai_repo, fake, fake_env  # noqa: F401  (fixtures)
from tests.conftest import write

from adrtool.ai.redaction import redact

KEPT = [
    # Nygard's post, cited by adr-tools' first record (npryce/adr-tools doc/adr/0001-record-architecture-decisions.md)
    "http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions",
    "https://github.com/adr/madr/blob/3f2a9c1d4e5b6a7980f1e2d3c4b5a69788776655/docs/decisions/0001-use-CC0.md",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_PostgreSQL.html#PostgreSQL.Concepts",
    "https://example.com/search?q=keyboard&keyword=layout&page=2",
    "https://opensource.stackexchange.com/a/9545/5671",
]


@pytest.mark.parametrize("path", ["decisions/0022-ai-results-are-markdown-files-in-the-repository-keyed-by.md",
                                  "docs/adr/0007-use-uuids-for-order-ids-2024-04-01",
                                  "../0537-prefer-uuidv7-for-rate-limiting.md"])
def test_slugs_and_file_paths_are_not_secrets(path):
    assert redact(f"See {path}.").text == f"See {path}."


@pytest.mark.parametrize("url", KEPT)
def test_a_plain_url_is_kept_whole(url):
    for text in (url, f"See {url}.", f"[the post]({url})", f"<{url}>"):
        done = redact(text)
        assert (done.text, done.count) == (text, 0)


@pytest.mark.parametrize("text, expected", [
    ("postgres://admin:hunter2secret@db.example.com:5432/app",
     "postgres://[REDACTED:url-credentials]@db.example.com:5432/app"),
    ("https://api.example.com/v1/items?token=abc123def456&page=2",
     "https://api.example.com/v1/items?token=[REDACTED:url-token]&page=2"),
    ("https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0f1e2d3c4b5a6978",
     "https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=[REDACTED:url-token]"),
    ("https://acct.blob.core.windows.net/c/f.csv?sv=2022-11-02&sig=pQ7%2Bx",
     "https://acct.blob.core.windows.net/c/f.csv?sv=2022-11-02&sig=[REDACTED:url-token]"),
    ("https://example.com/cb?state=1&session=Zx9Qw3Er5Ty7",
     "https://example.com/cb?state=1&session=[REDACTED:url-token]"),
    ("https://example.com/export?id=Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz",  # a random value, whatever its name
     "https://example.com/export?id=[REDACTED:url-token]"),
    ("https://hooks.slack.com/services/T00000000/B00000000/Zx9Qw3Er5Ty7Ui9Op1As3Df5",  # a webhook's token
     "https://hooks.slack.com/services/T00000000/B00000000/[REDACTED:url-token]"),
])
def test_a_url_loses_only_the_part_that_carries_a_secret(text, expected):
    done = redact(text)
    assert done.text == expected and done.count == expected.count("[REDACTED:")


def test_secrets_next_to_urls_are_still_redacted():
    text = "See https://example.com/docs, and password=hunter22 and Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz."
    assert redact(text).text == ("See https://example.com/docs, and password=[REDACTED:secret] and "
                                 "[REDACTED:high-entropy].")


def test_the_reference_reaches_the_model(ai_repo, fake, cli):
    write(ai_repo / "decisions/0003-record.md", f"""---
status: accepted
choice: arbitrary
door: two-way
---
# Record architecture decisions

We will use Architecture Decision Records, as [described by Michael Nygard]({KEPT[0]}).
""")
    assert cli(["ai", "review", "3", "--yes"], ai_repo).code == 0
    sent = fake.message_requests()[0]["messages"][0]["content"]
    assert f"[described by Michael Nygard]({KEPT[0]})" in sent and "REDACTED" not in json.dumps(sent)
