"""Send many requests as one Message Batch (half the price), and survive interruption.

The batch id is written to `<results-dir>/pending-batch.json` as soon as the
batch exists, so a killed process loses nothing: `--resume` polls the same
batch and collects its results.  Each result line is matched back by its
custom id; errored and expired requests are reported per item.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import time
from dataclasses import dataclass, field

from adrtool.ai import AIError
from adrtool.ai.payload import Request

STATE_NAME = "pending-batch.json"


@dataclass
class Answers:
    batch_id: str
    items: dict[str, tuple[object | None, str | None]] = field(default_factory=dict)  # key -> (message, error)


def state_path(settings) -> str:
    return f"{settings.results_dir}/{STATE_NAME}"


def read_state(repo, settings) -> dict | None:
    path = repo.root / state_path(settings)
    if not path.is_file():
        return None
    try:
        return json.loads(repo.text(state_path(settings)))
    except ValueError:
        raise AIError(f"{state_path(settings)}: not a batch state file; delete it to start over") from None


def send(repo, client, feature: str, requests: list[Request], *, settings, progress=None, cancel=None,
         resume: bool = False) -> Answers:
    state = read_state(repo, settings)
    if resume:
        if state is None:
            raise AIError("no pending batch to resume (nothing saved in " + state_path(settings) + ")")
        if state.get("feature") != feature:
            raise AIError(f"the pending batch is for `ai {state.get('feature')}`, not `ai {feature}`")
    elif state is not None:
        raise AIError(f"batch {state.get('batch_id')} ({state.get('feature')}) is still pending; "
                      f"collect it with --resume first")
    else:
        state = _create(repo, client, feature, requests, settings)
    batch_id = state["batch_id"]
    _wait(client, batch_id, settings, progress, cancel)
    answers = Answers(batch_id)
    wanted = {r.key: r for r in requests}
    for line in client.batch_results(batch_id):
        item = state["items"].get(line.custom_id)
        if item is None or item["key"] not in wanted:
            continue
        if wanted[item["key"]].input_hash != item["input_sha256"]:
            answers.items[item["key"]] = (None, "changed since the batch was sent; run again to send it anew")
            continue
        answers.items[item["key"]] = _result(line.result)
    os.unlink(repo.root / state_path(settings))
    return answers


def _create(repo, client, feature: str, requests: list[Request], settings) -> dict:
    items, body = {}, []
    for n, r in enumerate(requests):
        custom_id = f"{feature}-{n:05d}"  # the API allows only [A-Za-z0-9_-]; ids may hold '#'
        items[custom_id] = {"key": r.key, "input_sha256": r.input_hash}
        body.append({"custom_id": custom_id, "params": r.params})
    created = client.batch_create(body)
    state = {"batch_id": created.id, "feature": feature, "created": _dt.datetime.now(_dt.timezone.utc).isoformat(),
             "items": items}
    from adrtool.ai import stored

    stored.save(repo, state_path(settings), json.dumps(state, indent=2) + "\n")
    return state


def _wait(client, batch_id: str, settings, progress, cancel) -> None:
    while True:
        batch = client.batch_retrieve(batch_id)
        counts = batch.request_counts
        total = counts.processing + counts.succeeded + counts.errored + counts.canceled + counts.expired
        if progress:
            progress(total - counts.processing, total, f"batch {batch_id}")
        if batch.processing_status == "ended":
            return
        if cancel is not None:
            if cancel.wait(settings.batch_poll):
                raise AIError(f"cancelled; batch {batch_id} keeps running and --resume collects it")
        else:
            time.sleep(settings.batch_poll)


def _result(result) -> tuple[object | None, str | None]:
    kind = getattr(result, "type", None)
    if kind == "succeeded":
        return result.message, None
    if kind == "errored":
        error = getattr(getattr(result, "error", None), "error", None)
        message = getattr(error, "message", None) or "unknown error"
        return None, f"the batch request failed: {message}"
    if kind == "expired":
        return None, "expired before the batch processed it (24 h limit); run again"
    return None, f"the batch request was {kind}; run again"
