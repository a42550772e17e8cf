"""Exactly what is sent: the request body for one item, built locally, hashed, costed.

The same function builds the body that `--show-payload` prints, that the
client sends, and whose hash keys the stored result; so what the user saw
is what was sent, and an unchanged input is recognised without a request.
Only the decision itself and the files explicitly listed in its
`references` go in; a reference that resolves outside the repository
(`..`, an absolute path, a symlink leading out) is refused.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from adrtool.ai import config as ai_config
from adrtool.ai.prompt import Prompt
from adrtool.ai.redaction import redact
from adrtool.model import Decision, Kind

CHARS_PER_TOKEN = 4  # a rough, documented estimate; the API reports the real count
MIN_CACHEABLE_TOKENS = 1024  # a shorter prefix is not cached by the API


@dataclass
class Attachment:
    path: str  # repository-relative (or the reference as written, when refused)
    size: int = 0  # bytes sent (after redaction)
    redactions: int = 0
    refused: str | None = None  # why it is not sent


@dataclass
class Request:
    feature: str
    key: str  # what the result is stored under: a decision id, or a paper path
    prompt: Prompt
    params: dict  # the API request body, exactly
    decision: Decision | None = None
    files: list[Attachment] = field(default_factory=list)
    token_estimate: int | None = None  # for bodies whose size says little (a PDF's base64)
    decision_text: str | None = None  # the decision as sent (redacted): what the model's quotes must be in
    context: object | None = None  # what a feature computed to send beside it (the review's offline card)

    @property
    def redactions(self) -> int:
        return sum(f.redactions for f in self.files)

    @property
    def refused(self) -> list[Attachment]:
        return [f for f in self.files if f.refused]

    @property
    def input_hash(self) -> str:
        """sha256 of the prompt version and the exact body sent."""
        canonical = json.dumps({"prompt": self.prompt.label, "params": self.params}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def body_bytes(self) -> int:
        return len(json.dumps(self.params, ensure_ascii=False).encode("utf-8"))

    @property
    def input_tokens(self) -> int:
        if self.token_estimate is not None:
            return self.token_estimate
        return estimate_tokens(json.dumps(self.params, ensure_ascii=False))

    @property
    def prefix_tokens(self) -> int:
        """Tokens of the shared system prompt, the part prompt caching can reuse."""
        return sum(estimate_tokens(block["text"]) for block in self.params.get("system", []))


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)


# ---- references ----------------------------------------------------------------


def _inside(root: Path, path: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def resolve_reference(repo, decision: Decision, ref: str) -> tuple[Path | None, str | None]:
    """(absolute path, None) for a file inside the repository, else (None, why it is not sent)."""
    ref = ref.strip()
    if "://" in ref or ref.startswith("mailto:"):
        return None, "a URL: not fetched, not sent"
    ref = ref.split("#", 1)[0]  # `notes.md#results`: the file, not the anchor
    if os.path.isabs(ref) or ref.startswith("~"):
        return None, "refused: an absolute path (only files inside the repository are sent)"
    root = Path(os.path.normpath(repo.root))
    folder = (repo.root / decision.path).parent
    candidates = [Path(os.path.normpath(c)) for c in (folder / ref, repo.root / ref)]
    inside = [c for c in candidates if _inside(root, c)]
    if not inside:
        return None, "refused: resolves outside the repository"
    for candidate in inside:
        if os.path.lexists(candidate):
            real = Path(os.path.realpath(candidate))
            if not _inside(Path(os.path.realpath(root)), real):
                return None, "refused: a symlink leading outside the repository"
            if not real.is_file():
                return None, "not a file"
            return real, None
    return None, "not found"


def _reference_text(path: Path, limit: int) -> tuple[str | None, str | None]:
    size = path.stat().st_size
    if size > limit:
        return None, f"not sent: {size} bytes, over the {limit}-byte limit (max-reference-bytes)"
    data = path.read_bytes()
    if b"\x00" in data[:8192] or data.startswith(b"%PDF"):
        return None, "not sent: a binary file (for a paper use `adrtool paper summarize`)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return None, "not sent: not UTF-8 text"


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def decision_source(repo, decision: Decision) -> str:
    """The text of the decision as the user wrote it: the whole record, or the inline line."""
    if decision.kind is Kind.INLINE:
        return decision.body
    return repo.text(decision)


def decision_content(repo, decision: Decision, settings: ai_config.AISettings,
                     with_references: bool = True, beside: str = "") -> tuple[str, list[Attachment], str]:
    """The user message for one decision: the record, `beside` it (already redacted), and its
    attached files, redacted, tagged as data; with the files and the decision's text as sent."""
    files: list[Attachment] = []
    source = redact(decision_source(repo, decision))
    files.append(Attachment(decision.path, len(source.text.encode("utf-8")), source.count))
    choice = decision.choice.value if decision.choice else "untagged"
    door = decision.door.value if decision.door else "untagged"
    parts = [
        f'<decision id="{_attr(decision.id)}" path="{_attr(decision.path)}" status="{decision.status.value}" '
        f'choice="{choice}" door="{door}">\n{source.text.rstrip()}\n</decision>'
    ]
    if beside:
        parts.append(beside.rstrip())
    for ref in decision.references if with_references else []:
        path, why = resolve_reference(repo, decision, ref)
        text = None
        if path is not None:
            text, why = _reference_text(path, settings.max_reference_bytes)
        if text is None:
            files.append(Attachment(ref, refused=why))
            continue
        rel = repo.config.rel(path)
        clean = redact(text)
        files.append(Attachment(rel, len(clean.text.encode("utf-8")), clean.count))
        parts.append(f'<reference path="{_attr(rel)}">\n{clean.text.rstrip()}\n</reference>')
    return "\n\n".join(parts) + "\n", files, source.text


def build(feature: str, key: str, prompt: Prompt, settings: ai_config.AISettings, content,
          *, schema: dict | None = None, decision: Decision | None = None,
          files: list[Attachment] | None = None) -> Request:
    """The request body: the prompt as a cached system prefix, the item as the user turn."""
    params: dict = {
        "model": settings.model,
        "max_tokens": settings.max_tokens[feature],
        # The prompt is the same for every item of a run: cache it.
        "system": [{"type": "text", "text": prompt.text, "cache_control": {"type": "ephemeral"}}],
        "messages": [{"role": "user", "content": content}],
    }
    if schema is not None:
        params["output_config"] = {"format": {"type": "json_schema", "schema": schema}}
    return Request(feature, key, prompt, params, decision, files or [])


# ---- cost ---------------------------------------------------------------------------


@dataclass
class Totals:
    requests: int = 0
    input_tokens: int = 0
    cacheable_tokens: int = 0  # input tokens read from the prompt cache after the first request
    output_tokens: int = 0
    body_bytes: int = 0
    redactions: int = 0
    refused: int = 0
    cost_direct_no_cache: float | None = None
    cost_direct: float | None = None
    cost_batch: float | None = None

    @property
    def cached_share(self) -> float:
        return self.cacheable_tokens / self.input_tokens if self.input_tokens else 0.0

    def to_json(self) -> dict:
        data = dict(self.__dict__)
        data["cached_share"] = round(self.cached_share, 4)
        return data


def estimate(requests: list[Request], settings: ai_config.AISettings) -> Totals:
    """Token and dollar estimate at list price: direct, direct with prompt caching, batch."""
    t = Totals(requests=len(requests))
    cache_write = 0
    seen_prefixes: set[str] = set()
    for r in requests:
        t.input_tokens += r.input_tokens
        t.output_tokens += ai_config.TYPICAL_OUTPUT_TOKENS.get(r.feature, 0)
        t.body_bytes += r.body_bytes
        t.redactions += r.redactions
        t.refused += len(r.refused)
        prefix = r.prefix_tokens
        if prefix >= MIN_CACHEABLE_TOKENS:
            if r.prompt.label in seen_prefixes:
                t.cacheable_tokens += prefix
            else:
                seen_prefixes.add(r.prompt.label)
                cache_write += prefix
    price = settings.price()
    if price is not None:
        per_in, per_out = price[0] / 1e6, price[1] / 1e6
        t.cost_direct_no_cache = t.input_tokens * per_in + t.output_tokens * per_out
        uncached = t.input_tokens - t.cacheable_tokens - cache_write
        t.cost_direct = (uncached * per_in + cache_write * per_in * ai_config.CACHE_WRITE_FACTOR
                         + t.cacheable_tokens * per_in * ai_config.CACHE_READ_FACTOR + t.output_tokens * per_out)
        t.cost_batch = t.cost_direct * ai_config.BATCH_FACTOR
    return t


def for_decision(repo, feature: str, decision: Decision, settings: ai_config.AISettings | None = None,
                 with_references: bool = True, beside: str = "") -> Request:
    """The request of a JSON feature (review, tags, summarize) for one decision."""
    from adrtool.ai import prompt, schemas

    settings = settings or ai_config.load(repo.config)
    content, files, sent = decision_content(repo, decision, settings, with_references, beside)
    request = build(feature, decision.id, prompt.load(feature), settings, content,
                    schema=schemas.BY_FEATURE[feature], decision=decision, files=files)
    request.decision_text = sent
    return request
