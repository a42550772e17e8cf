"""A fake Messages API on 127.0.0.1 for tests: the real `anthropic` SDK talks to it over HTTP.

It implements what adrtool uses, no more: POST /v1/messages (plain text,
json_schema structured output, PDF documents with page citations), the
Message Batches endpoints (create, retrieve, JSONL results with succeeded,
errored and expired lines), and errors injected by a test (401, 429 with
retry-after, 529, 500, a slow answer, malformed JSON in the model's text).
Every request is recorded for assertions.  Usage numbers are derived from the
size of the input (about four characters a token) and prompt caching is
simulated per system prompt, so cost figures can be computed from them.
"""

from __future__ import annotations

import collections
import json
import math
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY = "sk-ant-test-fake-key-0000"


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict
    body: object


@dataclass
class Injection:
    status: int | None = None  # an HTTP error status to answer with
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    text: str | None = None  # the model's text, instead of the normal answer
    stop_reason: str | None = None


def _tokens(text: str) -> int:
    return math.ceil(len(text) / 4)


def _example(schema: dict):
    """The smallest value that follows a JSON schema (a plausible default answer)."""
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        return {k: _example(v) for k, v in schema.get("properties", {}).items()}
    if kind == "array":
        return [_example(schema["items"])]
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        return 1
    return "A plain sentence from the fake model."


class FakeAnthropic:
    def __init__(self):
        self.requests: list[Recorded] = []
        self.injections: collections.deque[Injection] = collections.deque()
        self.reply = None  # optional callable(body) -> dict answer for json_schema requests
        self.document_reply = None  # optional callable(body) -> list of content blocks
        self.batch_outcomes: dict[int, str] = {}  # request index in a batch -> "errored" | "expired"
        self.polls_before_end = 1
        self._batches: dict[str, dict] = {}
        self._cached_prefixes: set[str] = set()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeAnthropic":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.injections.clear()
            self.reply = self.document_reply = None
            self.batch_outcomes = {}
            self.polls_before_end = 1
            self._batches.clear()
            self._cached_prefixes.clear()

    def inject(self, times: int = 1, **kwargs) -> None:
        for _ in range(times):
            self.injections.append(Injection(**kwargs))

    def message_requests(self) -> list[dict]:
        return [r.body for r in self.requests if r.method == "POST" and r.path == "/v1/messages"]

    # ---- answers ---------------------------------------------------------------------
    def message_for(self, body: dict, text: str | None = None, stop_reason: str | None = None) -> dict:
        content = None
        if text is None:
            fmt = (body.get("output_config") or {}).get("format")
            if fmt and fmt.get("type") == "json_schema":
                answer = self.reply(body) if self.reply else _example(fmt["schema"])
                text = json.dumps(answer)
            elif _has_document(body):
                content = self.document_reply(body) if self.document_reply else [{"type": "text", "text": "No claims."}]
            else:
                text = "A plain answer."
        if content is None:
            content = [{"type": "text", "text": text}]
        return {
            "id": f"msg_{len(self.requests):04d}",
            "type": "message",
            "role": "assistant",
            "model": body.get("model"),
            "content": content,
            "stop_reason": stop_reason or "end_turn",
            "stop_sequence": None,
            "usage": self._usage(body, content),
        }

    def _usage(self, body: dict, content: list) -> dict:
        total = _tokens(json.dumps(body, ensure_ascii=False))
        prefix_text = "".join(b.get("text", "") for b in body.get("system", []) if isinstance(b, dict)
                              and b.get("cache_control"))
        prefix = _tokens(prefix_text) if prefix_text else 0
        with self._lock:
            hit = prefix_text in self._cached_prefixes
            if prefix_text:
                self._cached_prefixes.add(prefix_text)
        output = sum(_tokens(b.get("text", "")) for b in content)
        return {
            "input_tokens": total - prefix,
            "output_tokens": output,
            "cache_creation_input_tokens": 0 if hit else prefix,
            "cache_read_input_tokens": prefix if hit else 0,
        }

    def batch_view(self, batch_id: str) -> dict:
        batch = self._batches[batch_id]
        ended = batch["polls"] >= self.polls_before_end
        n = len(batch["requests"])
        counts = {"processing": n, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0}
        if ended:
            counts["processing"] = 0
            for i in range(n):
                counts[{"errored": "errored", "expired": "expired"}.get(self.batch_outcomes.get(i), "succeeded")] += 1
        return {
            "id": batch_id,
            "type": "message_batch",
            "processing_status": "ended" if ended else "in_progress",
            "request_counts": counts,
            "created_at": "2026-01-01T00:00:00Z",
            "expires_at": "2026-01-02T00:00:00Z",
            "ended_at": "2026-01-01T00:10:00Z" if ended else None,
            "archived_at": None,
            "cancel_initiated_at": None,
            "results_url": f"{self.url}/v1/messages/batches/{batch_id}/results" if ended else None,
        }

    def batch_results(self, batch_id: str) -> str:
        lines = []
        for i, item in enumerate(self._batches[batch_id]["requests"]):
            outcome = self.batch_outcomes.get(i, "succeeded")
            if outcome == "errored":
                result = {"type": "errored", "error": {"type": "error", "error": {
                    "type": "invalid_request_error", "message": "fake: request rejected"}}}
            elif outcome == "expired":
                result = {"type": "expired"}
            else:
                result = {"type": "succeeded", "message": self.message_for(item["params"])}
            lines.append(json.dumps({"custom_id": item["custom_id"], "result": result}))
        return "\n".join(lines) + "\n"


def _has_document(body: dict) -> bool:
    for message in body.get("messages", []):
        content = message.get("content")
        if isinstance(content, list) and any(isinstance(b, dict) and b.get("type") == "document" for b in content):
            return True
    return False


def _handler(fake: FakeAnthropic):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep test output clean
            pass

        def _send(self, status: int, payload, headers: dict | None = None, content_type="application/json"):
            data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def _error(self, status: int, kind: str, message: str, headers=None):
            self._send(status, {"type": "error", "error": {"type": kind, "message": message}}, headers)

        def _record(self):
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode(errors="replace")
            fake.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
            return body

        def _authorized(self) -> bool:
            # The SDK sends the key as `x-api-key` or as a bearer token, depending on its version.
            if KEY in (self.headers.get("x-api-key"), (self.headers.get("authorization") or "").removeprefix("Bearer ")):
                return True
            self._error(401, "authentication_error", "invalid API key")
            return False

        def do_POST(self):
            body = self._record()
            if not self._authorized():
                return
            if self.path == "/v1/messages":
                injection = fake.injections.popleft() if fake.injections else None
                if injection is not None:
                    if injection.delay:
                        time.sleep(injection.delay)
                    if injection.status:
                        kinds = {429: "rate_limit_error", 529: "overloaded_error", 403: "permission_error",
                                 401: "authentication_error"}
                        return self._error(injection.status, kinds.get(injection.status, "api_error"),
                                           f"fake: injected {injection.status}", injection.headers)
                    return self._send(200, fake.message_for(body, injection.text, injection.stop_reason))
                return self._send(200, fake.message_for(body))
            if self.path == "/v1/messages/batches":
                batch_id = f"msgbatch_{len(fake._batches) + 1:04d}"
                fake._batches[batch_id] = {"requests": body["requests"], "polls": 0}
                return self._send(200, fake.batch_view(batch_id))
            self._error(404, "not_found_error", f"fake: no route {self.path}")

        def do_GET(self):
            self._record()
            if not self._authorized():
                return
            parts = self.path.split("?")[0].strip("/").split("/")
            if parts[:3] == ["v1", "messages", "batches"] and len(parts) >= 4 and parts[3] in fake._batches:
                if len(parts) == 5 and parts[4] == "results":
                    return self._send(200, fake.batch_results(parts[3]), content_type="application/binary")
                fake._batches[parts[3]]["polls"] += 1
                return self._send(200, fake.batch_view(parts[3]))
            self._error(404, "not_found_error", f"fake: no route {self.path}")

    return Handler
