"""The optional AI pass: a second reviewer and a reading aid, opt-in per repository.

Nothing here sends anything unless `[tool.adrtool.ai] enabled = true` and the
user asks for an AI action.  The SDK (`anthropic`) is imported only by
`adrtool.ai.client`, and only when a request is really about to be made, so
that `adrtool list`, `adrtool review` and the digest never load it.
"""

from __future__ import annotations

from adrtool.errors import AdrtoolError


class AIError(AdrtoolError):
    """An AI action that cannot be done; one line for the user, never a traceback."""

    code = "ai"


def enabled(config) -> bool:
    """True when the repository opted in with `[tool.adrtool.ai] enabled = true`."""
    table = config.ai if hasattr(config, "ai") else {}
    return table.get("enabled") is True
