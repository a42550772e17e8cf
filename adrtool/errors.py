"""The errors a user must fix: one line, no traceback (the command line prints them and exits 2)."""

from __future__ import annotations


class StoreError(Exception):
    """A problem the user must fix (unknown id, conflict, unwritable file); one line, no traceback."""


class ConflictError(StoreError):
    """A file changed on disk since it was read (or appeared where one was to be created)."""
