"""Paths from outside (a coding agent, a hook, the shell) confined to the repository.

A path that climbs out with `..`, an absolute path (where not allowed), or a
path whose existing part is a symlink leading out is refused with one line.
The answer is repository-relative with POSIX separators, as `governs`
patterns are written.  The path need not exist (a file about to be created).
"""

from __future__ import annotations

import os
from pathlib import Path

from adrtool.errors import AdrtoolError


class OutsideRepository(AdrtoolError):
    code = "outside-repository"
    hint = "give a path inside the repository, relative to its root"


def confine(root: Path, given: str, *, cwd: Path | None = None, absolute_ok: bool = False) -> str:
    """`given` as a repository-relative path, or OutsideRepository.

    Relative paths are taken from `cwd` (default: the repository root).  An
    absolute path is accepted only with `absolute_ok` (the shell), and only
    inside the repository.
    """
    if not isinstance(given, str) or not given.strip():
        raise AdrtoolError("an empty path", code="usage", hint="give a file path such as src/app.py")
    if "\0" in given:
        raise OutsideRepository(f"{given!r}: a path with a NUL byte")
    root = Path(root).resolve()
    candidate = Path(given)
    if candidate.is_absolute() or given.startswith(("/", "\\")) or (len(given) > 1 and given[1] == ":"):
        if not absolute_ok:
            raise OutsideRepository(f"{given}: refused: an absolute path; give it relative to the repository root")
        lexical = Path(os.path.normpath(given))
    else:
        lexical = Path(os.path.normpath((cwd.resolve() if cwd else root) / given))
    try:
        rel = lexical.relative_to(root)
    except ValueError:
        raise OutsideRepository(f"{given}: refused: outside the repository") from None
    # The lexical path is inside; a symlink on the way may still lead out.
    try:
        lexical.resolve().relative_to(root)
    except ValueError:
        raise OutsideRepository(f"{given}: refused: a symlink that leads outside the repository") from None
    except OSError as exc:  # a symlink loop, say
        raise OutsideRepository(f"{given}: refused: cannot resolve ({exc.strerror or exc})") from None
    text = rel.as_posix()
    if text == ".":
        raise AdrtoolError(f"{given}: the repository itself, not a path in it", code="usage",
                           hint="give a file path such as src/app.py")
    return text
