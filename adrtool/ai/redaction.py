"""Remove secret-looking strings before anything leaves the machine.

Known token shapes first (they are certain), then `name = value` assignments
whose name says secret, then any long high-entropy string.  A redacted string
becomes `[REDACTED:<kind>]`, so the model (and the reader of --show-payload)
sees that something was there.  Git commit ids (7-40 hex digits) are common in
decision records and are not secrets, so pure hex of that length is kept; so
are words and numbers joined by `-`, `_`, `.` or `/` (slugs and file paths).

A URL is a reference the model should see, not a secret: it is kept, except
for the parts that carry one: credentials (`user:pass@`), a query value whose
name says token, key, signature... (`?token=`, `?X-Amz-Signature=`) or that
looks random, and a path segment that looks random (a webhook's token).  The
rest of the URL is never fed to the high-entropy check as one long string.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("private-key", re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\Z)", re.S)),
    ("anthropic-key", re.compile(r"\bsk-ant-[A-Za-z0-9_-]{10,}")),
    ("api-key", re.compile(r"\bsk-[A-Za-z0-9_-]{20,}")),
    ("aws-key", re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")),
    ("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})")),
    ("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("google-key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
    ("url-credentials", re.compile(r"(?<=://)[^/\s:@]+:[^/\s@]+(?=@)")),
]
# `password: hunter2`, `API_TOKEN="..."`: the value goes, the name stays.
_ASSIGNMENT = re.compile(
    r"(?P<name>\b[\w.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)s?\b"
    r"[\"']?\s*[:=]\s*)(?P<quote>[\"']?)(?P<value>[^\s\"'`,;]{6,})",
    re.IGNORECASE,
)
_CANDIDATE = re.compile(r"[A-Za-z0-9+/_=-]{24,}")
_URL = re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"'`()\[\]{}]+")
_SECRET_PARAM = re.compile(
    r"(?:^|[_.-])(?:token|key|apikey|secret|password|passwd|pwd|pass|sig|signature|credential|auth|"
    r"authorization|session|sessionid|code)s?$", re.IGNORECASE)
_URL_TAIL = ".,;:!?"  # sentence punctuation after a URL is not part of it
_HEX_ID = re.compile(r"[0-9a-fA-F]{7,40}")
_WORDISH = re.compile(r"[A-Za-z]+|\d+|[a-z]+\d+[a-z]*")  # a word, a number, or a word with a version (`uuidv7`)
ENTROPY_BITS = 4.0  # bits per character; English words and paths stay well below


@dataclass
class Redacted:
    text: str
    count: int


def entropy(s: str) -> float:
    counts = Counter(s)
    return -sum(n / len(s) * math.log2(n / len(s)) for n in counts.values())


def _looks_random(token: str) -> bool:
    if _HEX_ID.fullmatch(token):
        return False
    parts = [p for p in re.split(r"[-_./+=]", token) if p]
    if len(parts) >= 2 and all(_WORDISH.fullmatch(p) for p in parts):
        return False  # words and numbers joined: a slug or a path (`decisions/0022-prefer-uuidv7-ids`)
    has_digit = any(c.isdigit() for c in token)
    has_alpha = any(c.isalpha() for c in token)
    return has_digit and has_alpha and entropy(token) >= ENTROPY_BITS


def _clean_url(url: str) -> tuple[str, int]:
    """The URL with only its secret-carrying parts redacted, and how many there were."""
    count = 0
    head, hash_mark, fragment = url.partition("#")
    head, query_mark, query = head.partition("?")
    scheme, sep, rest = head.partition("://")
    segments = rest.split("/")
    for i, segment in enumerate(segments[1:], 1):  # segments[0] is the host (credentials done already)
        if _CANDIDATE.fullmatch(segment) and _looks_random(segment):
            segments[i] = "[REDACTED:url-token]"
            count += 1
    out = scheme + sep + "/".join(segments)
    if query_mark:
        params = []
        for param in query.split("&"):
            name, eq, value = param.partition("=")
            if eq and value and not value.startswith("[REDACTED") and (
                    _SECRET_PARAM.search(name) or (_CANDIDATE.fullmatch(value) and _looks_random(value))):
                param = f"{name}=[REDACTED:url-token]"
                count += 1
            params.append(param)
        out += "?" + "&".join(params)
    return out + hash_mark + fragment, count


def redact(text: str) -> Redacted:
    count = 0

    def mark(kind: str):
        def sub(_m) -> str:
            nonlocal count
            count += 1
            return f"[REDACTED:{kind}]"
        return sub

    for kind, pattern in _PATTERNS:
        text = pattern.sub(mark(kind), text)

    # URLs: only their secret-carrying parts go; the rest is set aside from the checks below.
    urls: list[str] = []

    def set_aside(m: re.Match) -> str:
        nonlocal count
        url = m.group(0).rstrip(_URL_TAIL)
        clean, found = _clean_url(url)
        count += found
        urls.append(clean)
        # A backtick ends an assignment's value and a candidate string: the mark meets neither check.
        return f"\x00`{len(urls) - 1}`\x00" + m.group(0)[len(url):]

    text = _URL.sub(set_aside, text)

    def assignment(m: re.Match) -> str:
        nonlocal count
        if m.group("value").startswith("[REDACTED"):
            return m.group(0)
        count += 1
        return f"{m.group('name')}{m.group('quote')}[REDACTED:secret]"

    text = _ASSIGNMENT.sub(assignment, text)

    def random_string(m: re.Match) -> str:
        nonlocal count
        if not _looks_random(m.group(0)):
            return m.group(0)
        count += 1
        return "[REDACTED:high-entropy]"

    text = _CANDIDATE.sub(random_string, text)
    if urls:
        text = re.sub(r"\x00`(\d+)`\x00", lambda m: urls[int(m.group(1))], text)
    return Redacted(text, count)
