"""The one place that talks to the Messages API, through the official `anthropic` SDK.

Why our own retry loop: the SDK sleeps as long as a `retry-after` header
says, which a proxy or an overloaded service can set to hours.  So the SDK
gets `max_retries=0` and this module retries 429, 529, 5xx and timeouts
itself, with capped exponential backoff, a cap on any retry-after, and an
overall deadline per request.  The key is read from ANTHROPIC_API_KEY only,
checked before the SDK client is built, and never printed or written.
"""

from __future__ import annotations

import os
import threading
import time

from adrtool.ai import AIError
from adrtool.ai.config import AISettings

KEY_VARIABLE = "ANTHROPIC_API_KEY"
BASE_URL_VARIABLE = "ANTHROPIC_BASE_URL"
BACKOFF_START = 1.0  # seconds before the second attempt; doubles each time


class AuthError(AIError):
    """The API refused the key: every further request would fail the same way."""


class TransientError(AIError):
    """The service stayed busy or unreachable through every attempt."""


def api_key() -> str:
    key = os.environ.get(KEY_VARIABLE, "").strip()
    if not key:
        raise AIError(f"{KEY_VARIABLE} is not set; export your Anthropic API key to use the AI actions")
    return key


def endpoint() -> str:
    return os.environ.get(BASE_URL_VARIABLE) or "https://api.anthropic.com"


def _retry_after(exc) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value) * scale)
        except ValueError:
            return None  # an HTTP date: fall back to our own backoff
    return None


def _server_message(exc) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"]).splitlines()[0]
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


class Client:
    """A thin wrapper: `create(params)` and the batch calls, each with our retry policy."""

    def __init__(self, settings: AISettings, cancel: threading.Event | None = None, sdk_client=None):
        self.settings = settings
        self.cancel = cancel
        self.attempts = 0  # every HTTP attempt made, for reports and tests
        if sdk_client is None:
            key = api_key()  # before the SDK: it raises its own unclear error without one
            try:
                import anthropic
            except ImportError:
                raise AIError("the AI actions need the anthropic package: pip install 'adrtool[ai]'") from None
            sdk_client = anthropic.Anthropic(api_key=key, base_url=endpoint(), max_retries=0,
                                             timeout=settings.timeout)
        self.sdk = sdk_client

    # ---- the calls -------------------------------------------------------------
    def create(self, params: dict):
        return self._with_retries(lambda: self.sdk.messages.create(**params))

    def batch_create(self, requests: list[dict]):
        return self._with_retries(lambda: self.sdk.messages.batches.create(requests=requests))

    def batch_retrieve(self, batch_id: str):
        return self._with_retries(lambda: self.sdk.messages.batches.retrieve(batch_id))

    def batch_results(self, batch_id: str) -> list:
        return self._with_retries(lambda: list(self.sdk.messages.batches.results(batch_id)))

    # ---- the retry policy ------------------------------------------------------------
    def _with_retries(self, call):
        import anthropic

        start = time.monotonic()
        backoff = BACKOFF_START
        last = ""
        for attempt in range(1, self.settings.max_attempts + 1):
            if self.cancel is not None and self.cancel.is_set():
                raise AIError("cancelled")
            self.attempts += 1
            try:
                return call()
            except (anthropic.AuthenticationError, anthropic.PermissionDeniedError) as exc:
                raise AuthError(f"the API refused the key in {KEY_VARIABLE} ({exc.status_code}): "
                                f"check that it is valid and allowed to use this model") from None
            except (anthropic.RateLimitError, anthropic.InternalServerError) as exc:
                last = f"{exc.status_code} {_server_message(exc)}"
                wait = _retry_after(exc)
            except anthropic.APITimeoutError:
                last, wait = f"no answer within {self.settings.timeout:g} s", None
            except anthropic.APIConnectionError as exc:
                last, wait = f"cannot connect to {endpoint()}: {_server_message(exc)}", None
            except anthropic.APIStatusError as exc:
                raise AIError(f"the API rejected the request ({exc.status_code}): {_server_message(exc)}") from None
            if attempt == self.settings.max_attempts:
                break
            wait = min(backoff if wait is None else wait, self.settings.max_retry_wait)
            backoff *= 2
            if time.monotonic() - start + wait > self.settings.deadline:
                raise TransientError(f"gave up after {attempt} attempts (deadline {self.settings.deadline:g} s): {last}")
            self._sleep(wait)
        raise TransientError(f"gave up after {self.settings.max_attempts} attempts: {last}")

    def _sleep(self, seconds: float) -> None:
        if self.cancel is not None:
            if self.cancel.wait(seconds):
                raise AIError("cancelled")
        else:
            time.sleep(seconds)
