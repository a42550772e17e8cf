"""Run one AI feature over many items: reuse what is current, send the rest, store the answers.

Shared by review, tags and summaries (the paper summary is free text with
citations and has its own loop).  The order of work for each item: a stored
result whose input hash and prompt version match is reused (no request);
otherwise the request is sent (directly, or in one Message Batch), the
answer checked (`stop_reason`, JSON, schema; one retry for malformed JSON),
and written as a reviewed file.  A failure ends that item, not the run,
unless it would fail every item the same way (a refused key, a service that
stays down), in which case the rest are reported as not done.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

from adrtool.ai import AIError, schemas, stored
from adrtool.ai import config as ai_config
from adrtool.ai.payload import Request


@dataclass(frozen=True)
class Feature:
    name: str  # also the prompt file, the schema and the results folder
    render_body: Callable[[Request, dict], str]  # the readable part of the stored file
    with_references: bool = True  # send the files the decision lists under `references`
    # What else goes beside the decision: (redacted text to send, the object it was made from).
    beside: Callable[[object, object], tuple[str, object]] | None = None

    def request_for(self, repo, decision, settings=None) -> Request:
        from adrtool.ai import payload

        text, context = self.beside(repo, decision) if self.beside else ("", None)
        request = payload.for_decision(repo, self.name, decision, settings, self.with_references, text)
        request.context = context
        return request


def run_decisions(repo, feature: Feature, decisions, **options) -> "Run":
    """`run` for these decisions; options as for `run` (progress, cancel, client, batch, resume)."""
    settings = ai_config.load(repo.config)
    return run(repo, feature, [feature.request_for(repo, d, settings) for d in decisions], **options)


@dataclass
class Outcome:
    request: Request
    state: str  # reused | done | failed | not-done
    data: dict | None = None
    message: str = ""
    path: str | None = None


@dataclass
class Run:
    feature: str
    outcomes: list[Outcome] = field(default_factory=list)
    http_attempts: int = 0
    batch_id: str | None = None

    @property
    def problems(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.state in ("failed", "not-done")]


def require_enabled(repo) -> ai_config.AISettings:
    settings = ai_config.load(repo.config)
    if not settings.enabled:
        raise AIError(f"AI is off for this repository; to opt in, set `enabled = true` under "
                      f"{opt_in_places(repo.config)} (nothing was sent)")
    return settings


def opt_in_places(config) -> str:
    """Both files that can opt in (many repositories with ADRs are not Python projects), the one in use first."""
    places = ["[tool.adrtool.ai] in pyproject.toml", "[ai] in .adrtool.toml"]
    if config.config_file is not None and config.config_file.name == ".adrtool.toml":
        places.reverse()
    return " or ".join(places)


def pending(repo, requests: list[Request]) -> list[Request]:
    """The requests with no current stored result: what a run would send."""
    return [r for r in requests if stored.current(repo, r) is None]


def interpret(feature: str, message) -> tuple[dict | None, str | None, bool]:
    """(answer, problem, malformed?) for one API message."""
    reason = getattr(message, "stop_reason", None)
    if reason == "max_tokens":
        return None, "the answer was cut off at max_tokens; raise [tool.adrtool.ai.max-tokens] " + feature, False
    if reason == "refusal":
        return None, "the model declined to answer this item", False
    text = "".join(getattr(b, "text", "") for b in message.content if getattr(b, "type", "") == "text")
    try:
        data = json.loads(text)
    except ValueError:
        return None, "the model's answer was not valid JSON", True
    problem = schemas.validate(feature, data)
    if problem:
        return None, f"the model's answer did not follow the schema ({problem})", True
    return data, None, False


def run(repo, feature: Feature, requests: list[Request], *, client=None, progress=None, cancel=None,
        batch: bool = False, resume: bool = False) -> Run:
    from adrtool.ai.client import AuthError, Client

    settings = require_enabled(repo)
    result = Run(feature.name)
    todo = []
    for r in requests:
        found = stored.current(repo, r)
        if found is not None:
            result.outcomes.append(Outcome(r, "reused", found.data, path=found.path))
        else:
            todo.append(r)
    if not todo and not resume:
        return result
    client = client or Client(settings, cancel)

    def store(request: Request, message, data) -> Outcome:
        rel = stored.path_for(settings, feature.name, request.key)
        stored.save(repo, rel, stored.render(request, message, data, feature.render_body(request, data)))
        return Outcome(request, "done", data, path=rel)

    def direct(request: Request) -> Outcome:
        message = client.create(request.params)
        data, problem, malformed = interpret(feature.name, message)
        if malformed:  # exactly one more try
            message = client.create(request.params)
            data, problem, _ = interpret(feature.name, message)
        if data is None:
            return Outcome(request, "failed", message=problem)
        return store(request, message, data)

    try:
        if batch:
            from adrtool.ai import batch as batches

            answers = batches.send(repo, client, feature.name, todo, progress=progress, cancel=cancel,
                                   resume=resume, settings=settings)
            result.batch_id = answers.batch_id
            for request in todo:
                message, error = answers.items.get(request.key, (None, "not in the batch; run again"))
                if message is None:
                    result.outcomes.append(Outcome(request, "failed", message=error))
                    continue
                data, problem, malformed = interpret(feature.name, message)
                if data is not None:
                    result.outcomes.append(store(request, message, data))
                elif malformed:
                    result.outcomes.append(direct(request))
                else:
                    result.outcomes.append(Outcome(request, "failed", message=problem))
        else:
            for index, request in enumerate(todo):
                try:
                    result.outcomes.append(direct(request))
                    if progress:
                        progress(index + 1, len(todo), request.key)
                except AuthError:
                    raise
                except AIError as exc:
                    # The service is down, or the user cancelled: the rest would fare the same.
                    result.outcomes.append(Outcome(request, "not-done", message=str(exc)))
                    for rest in todo[index + 1:]:
                        result.outcomes.append(Outcome(rest, "not-done", message=str(exc)))
                    break
    finally:
        result.http_attempts = client.attempts
    order = {id(r): n for n, r in enumerate(requests)}
    result.outcomes.sort(key=lambda o: order[id(o.request)])  # as asked, reused or not
    return result
