"""Errors a user (or a script, or a coding agent) can act on: a stable code, one line, a hint.

Every error adrtool reports without a traceback derives from `AdrtoolError`.
Its `code` is part of the command line's contract (`--json` prints
`{"error": CODE, "message": ..., "hint": ...}` on stderr; the README lists
the codes), so scripts branch on the code, never on the wording.  A class
carries its usual code; a raise site that knows better passes `code=`.
"""

from __future__ import annotations

# code -> what it means.  Stable: a code is never renamed or reused; new ones may be added.
CODES: dict[str, str] = {
    "usage": "bad arguments or options",
    "unknown-command": "no such command",
    "no-decisions": "no decision folder here",
    "config": "a configuration file cannot be used",
    "not-found": "no decision has that id",
    "unreadable": "the decision file that id names could not be read (the message says why)",
    "ambiguous": "the id names more than one decision",
    "invalid-value": "a value adrtool does not accept (a tag, a status, a relation, a title)",
    "conflict": "a file changed on disk since it was read, or already exists; nothing was written",
    "lifecycle": "a status change outside the lifecycle",
    "outside-repository": "a path outside the repository",
    "git": "git cannot answer (not a repository, an unknown ref, no commits)",
    "ai": "an AI action cannot be done (AI off, no key, key refused)",
    "refused": "any other request adrtool refused; the message says why",
}

# A hint for the codes where the next step is always the same.
DEFAULT_HINTS: dict[str, str] = {
    "unknown-command": "run `adrtool --help` for the commands",
    "no-decisions": "run `adrtool init`, or pass --dir DIR",
    "not-found": "run `adrtool list` for the ids",
    "ambiguous": "give the file path instead of the id",
    "conflict": "run the command again; it reads the files afresh",
    "git": "run it inside a git repository with commits, or name an existing --base ref",
    "ai": "see `[tool.adrtool.ai]` in the README; `--show-payload` works with AI off",
}


class AdrtoolError(Exception):
    """A problem the user must fix: one line, exit code 2, no traceback."""

    code = "refused"
    hint: str | None = None

    def __init__(self, message: str = "", *, code: str | None = None, hint: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code
        if hint is not None:
            self.hint = hint

    @property
    def message(self) -> str:
        return str(self)


def describe(exc: BaseException) -> tuple[str, str, str | None]:
    """(code, message, hint) of any error adrtool reports."""
    code = getattr(exc, "code", None)
    code = code if isinstance(code, str) and code in CODES else "refused"
    hint = getattr(exc, "hint", None) or DEFAULT_HINTS.get(code)
    return code, str(exc), hint


def one_line(message: str, hint: str | None) -> str:
    """The text form: the message, and the hint when the message does not already say it."""
    text = " ".join(message.split())
    if hint and hint not in text:
        text = f"{text} ({hint})"
    return text


class StoreError(AdrtoolError):
    """A problem the user must fix (unknown id, conflict, unwritable file); one line, no traceback."""


class ConflictError(StoreError):
    """A file changed on disk since it was read (or appeared where one was to be created)."""

    code = "conflict"
