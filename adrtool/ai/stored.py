"""AI results are files in the repository, reviewed in pull requests like any other text.

One Markdown file per item and feature, under `results-dir` (default
`.adrtool/ai/<feature>/<id>.md`): YAML front matter with the provenance
(model, prompt version, sha256 of exactly what was sent, date, token usage),
a readable body, and the validated answer as a JSON block.  A result is
*current* while the request that would be sent now hashes the same, so an
unchanged decision costs no request; otherwise it is *stale*.

This module knows files, not features: it never imports the SDK nor a
feature module, so `adrtool review` (through `ai.verdicts`) and the digest
(through `ai.summarize`) read results without any network.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from dataclasses import dataclass

import yaml

from adrtool.ai import config as ai_config

USAGE_FIELDS = ("input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens")
_JSON_BLOCK = re.compile(r"```json\n(.*?)\n```", re.S)


@dataclass
class Stored:
    path: str
    meta: dict
    data: object

    def is_current(self, request) -> bool:
        return self.meta.get("input-sha256") == request.input_hash and self.meta.get("prompt") == request.prompt.label


def path_for(settings: ai_config.AISettings, feature: str, key: str) -> str:
    """`.adrtool/ai/review/0003.md`; ids with other characters get a short hash to stay unique."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", key).strip("._") or "item"
    if safe != key:
        safe += "-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{settings.results_dir}/{feature}/{safe}.md"


def render(request, message, data, body: str) -> str:
    usage = getattr(message, "usage", None)
    usage_map = {}
    for name in USAGE_FIELDS:
        value = getattr(usage, name, None) if usage is not None else None
        if isinstance(value, int):
            usage_map[name] = value
    meta = {
        "feature": request.feature,
        "item": request.key,
        "source": request.files[0].path if request.files else None,  # the decision, or the paper
        "model": getattr(message, "model", None) or request.params["model"],
        "prompt": request.prompt.label,
        "input-sha256": request.input_hash,
        "date": _dt.date.today().isoformat(),
        "usage": usage_map,
    }
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    answer = json.dumps(data, indent=2, ensure_ascii=False)
    return (f"---\n{head}---\n\n<!-- Written by `adrtool ai`; review it like any other change. -->\n\n"
            f"{body.rstrip()}\n\n```json\n{answer}\n```\n")


def read(repo, rel: str) -> Stored | None:
    path = repo.root / rel
    if not path.is_file():
        return None
    try:
        text = repo.text(rel)
        _, head, rest = text.split("---\n", 2)
        meta = yaml.safe_load(head)
        match = _JSON_BLOCK.search(rest)
        data = json.loads(match.group(1)) if match else None
    except (ValueError, yaml.YAMLError, OSError, UnicodeDecodeError):
        return None  # unreadable: treated as missing, and rewritten on the next run
    if not isinstance(meta, dict):
        return None
    return Stored(rel, meta, data)


def save(repo, rel: str, text: str) -> None:
    """Through the store's safe write path (atomic, refuses a file changed since read)."""
    if (repo.root / rel).exists():
        repo.text(rel)
        repo.write(rel, text)
    else:
        repo.write(rel, text, create=True)


def current(repo, request) -> Stored | None:
    found = read(repo, path_for(ai_config.load(repo.config), request.feature, request.key))
    return found if found is not None and found.is_current(request) else None


def has_results(repo, feature: str) -> bool:
    """Whether any result of the feature is stored (else there is no request worth hashing)."""
    return (repo.root / ai_config.load(repo.config).results_dir / feature).is_dir()


def current_answer(repo, feature: str, request_for, decision: Decision) -> dict | None:
    """The validated answer of a feature's stored result for `decision`, if present and current; no network."""
    if not has_results(repo, feature):
        return None
    try:
        found = current(repo, request_for(repo, decision))
    except (OSError, StoreError):
        return None
    return found.data if found is not None and isinstance(found.data, dict) else None


@dataclass
class Status:
    feature: str
    key: str
    state: str  # current | stale | missing
    path: str


def status(repo, requests) -> list[Status]:
    settings = ai_config.load(repo.config)
    out = []
    for r in requests:
        rel = path_for(settings, r.feature, r.key)
        found = read(repo, rel)
        state = "missing" if found is None else "current" if found.is_current(r) else "stale"
        out.append(Status(r.feature, r.key, state, rel))
    return out


def usage_totals(repo, rows: list[Status]) -> dict[str, int]:
    """Token usage recorded in the current results (what they cost when they were made)."""
    totals = dict.fromkeys(USAGE_FIELDS, 0)
    for row in rows:
        found = read(repo, row.path) if row.state == "current" else None
        usage = found.meta.get("usage") if found else None
        for name in USAGE_FIELDS:
            if isinstance(usage, dict) and isinstance(usage.get(name), int):
                totals[name] += usage[name]
    return totals
