"""AI results are files in the repository, reviewed in pull requests like any other text.

One Markdown file per item and feature, under `results-dir` (default
`.adrtool/ai/<feature>/<id>.md`): YAML front matter with the provenance
(model, prompt version, sha256 of exactly what was sent, date, token usage),
a readable body, and the validated answer as a JSON block.  A result is
*current* while the request that would be sent now hashes the same, so an
unchanged decision costs no request; otherwise it is *stale*.

This module never imports the SDK: `adrtool review` and the digest read
results through it without any network.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from dataclasses import dataclass

import yaml

from adrtool.ai import config as ai_config
from adrtool.model import Decision
from adrtool.store import StoreError

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


def _has_results(repo, feature: str) -> bool:
    return (repo.root / ai_config.load(repo.config).results_dir / feature).is_dir()


# ---- what other parts of adrtool read ------------------------------------------------


def review_findings(repo, decisions: list[Decision]) -> list:
    """The stored, current AI review findings for these decisions (source="ai"); no network."""
    from adrtool.ai import review
    from adrtool.review.findings import Finding

    out = []
    if not _has_results(repo, review.NAME):
        return out  # no AI results: no need to hash a request per decision
    for d in decisions:
        try:
            found = current(repo, review.request_for(repo, d))
        except (OSError, StoreError):
            continue
        if found is None or not isinstance(found.data, dict):
            continue
        for item in found.data.get("findings", []):
            out.append(Finding(
                rule=f"ai/{item.get('kind', 'other')}",
                severity=item.get("severity", "note") if item.get("severity") in ("note", "warning", "error") else "note",
                path=d.path,
                line=d.line,
                message=str(item.get("message", "")),
                recommendation=str(item.get("recommendation", "")),
                decision_id=d.id,
                source="ai",
            ))
    return out


def _current_answer(repo, feature, decision: Decision) -> dict | None:
    """The validated answer of a feature's stored result for `decision`, if present and current; no network."""
    if not _has_results(repo, feature.NAME):
        return None  # no results at all: no need to hash a request
    try:
        found = current(repo, feature.request_for(repo, decision))
    except (OSError, StoreError):
        return None
    return found.data if found is not None and isinstance(found.data, dict) else None


def summary_for(repo, decision: Decision) -> str | None:
    """The stored newcomer summary of a decision, if present and current; no network."""
    from adrtool.ai import summarize

    data = _current_answer(repo, summarize, decision)
    text = data.get("summary") if data else None
    return text.strip() if isinstance(text, str) and text.strip() else None


def tag_suggestion_for(repo, decision: Decision) -> dict | None:
    """The stored AI tag suggestion of a decision, if present and current; no network.

    {"choice": ..., "choice_reason": ..., "door": ..., "door_reason": ...}
    """
    from adrtool.ai import tags

    data = _current_answer(repo, tags, decision)
    return {k: data.get(k) for k in ("choice", "choice_reason", "door", "door_reason")} if data else None


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
