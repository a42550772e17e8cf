"""The store's one write path: check, stage, re-check and rename, under the folders' locks.

`commit` writes a set of files all or nothing as far as a filesystem allows:

1. every folder written into is locked (`locking.hold`), so no other adrtool
   writer runs steps 2-5 on it at the same time;
2. every file is compared, byte for byte, with the text the caller planned
   from (`expected`): a file changed on disk since (another writer, an editor
   that saves in place, a `git checkout`) refuses the whole set, and a file to
   be created must not exist.  Content is compared, never modification times;
3. every new text is written to a temporary file and synced (the slow part);
4. the files are compared again, so that a writer that does not take our lock
   (an editor) has only the microseconds of step 5 to slip in;
5. created files are linked into place (which fails if one has appeared),
   updated ones renamed over the old, deleted ones removed, folders synced.

Temporary files live in the git directory (`<git dir>/adrtool-tmp/`) when it
is on the same filesystem, else beside the file with a hidden name
(`.adrtool-<pid>-*.tmp`; the store never reads dot files).  A writer killed
mid-write leaves only such a file, never a half-written record; the next
write removes the ones whose process is gone.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from adrtool import file_encoding, locking
from adrtool.errors import ConflictError, StoreError

BOM = "\ufeff"
BOM_BYTES = BOM.encode("utf-8")
STAGING = "adrtool-tmp"  # inside the git directory
_IN_FOLDER_PREFIX = ".adrtool-"
_TEMP_NAME = re.compile(r"^(?:\.adrtool-)?(\d+)-[^/]*\.tmp$")


@dataclass(frozen=True)
class Write:
    """One file of a commit: `text` None deletes it; `expected` None writes without a check."""

    path: Path  # absolute
    text: str | None
    expected: str | None = None  # the text the change was planned from (without a byte-order mark)
    create: bool = False
    shown: str = ""  # the name used in messages (repository-relative); the path when empty

    @property
    def name(self) -> str:
        return self.shown or str(self.path)


def read_text(path: Path) -> str:
    """A file's text: UTF-8, else decoded by the store's one legacy rule (`file_encoding`)."""
    with open(path, "rb") as fh:
        data = fh.read()
    return file_encoding.decode(data)[0]


def current_bytes(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise StoreError(f"{path}: is a folder") from None


def write_atomic(path: Path, text: str, expected: str | None = None, create: bool = False) -> None:
    """One file through `commit`: refuses if it differs from `expected`, or exists when `create`."""
    commit([Write(Path(path), text, expected, create)])


def conflict(write: Write) -> str | None:
    """Why `write` may not go ahead now (one line), or None."""
    current = current_bytes(write.path)
    if write.create:
        return f"{write.name}: already exists; not overwritten" if current is not None else None
    if write.expected is None:
        return None
    if current is None:
        return f"{write.name}: was deleted since it was read; nothing written"
    try:
        same = _on_disk(write.expected, current, write.name) == current
    except StoreError:  # (the text read holds what the file's encoding cannot: the file is another now)
        same = False
    if not same:
        return f"{write.name}: changed on disk since it was read; nothing written (run the command again)"
    return None


def _on_disk(text: str, current: bytes | None, name: str) -> bytes:
    """`text` as it goes to disk: in the file's encoding (`file_encoding.encode`, which refuses what a
    legacy encoding cannot hold), with the byte-order mark the file has (the reader drops it)."""
    data = file_encoding.encode(text, current, name)
    if current is not None and current.startswith(BOM_BYTES) and not data.startswith(BOM_BYTES):
        return BOM_BYTES + data
    return data


def commit(writes: list[Write]) -> None:
    """Write every file of `writes`, or none of them (see the module docstring for the steps)."""
    if not writes:
        return
    made = _make_folders(writes)
    try:
        with locking.hold({w.path.parent for w in writes}):
            _refuse_conflicts(writes)
            _refuse_unwritable(writes)
            currents = {w.path: current_bytes(w.path) for w in writes}
            staged = _stage([w for w in writes if w.text is not None], currents)
            try:
                _refuse_conflicts(writes)
                _install(writes, staged, currents)
            finally:
                for tmp in staged.values():
                    _unlink_quietly(tmp)
    except BaseException:
        for folder in reversed(made):  # a refused write leaves no empty folder behind
            try:
                folder.rmdir()
            except OSError:
                break
        raise


def _refuse_conflicts(writes: list[Write]) -> None:
    for w in writes:
        reason = conflict(w)
        if reason:
            raise ConflictError(reason)


def _make_folders(writes: list[Write]) -> list[Path]:
    made: list[Path] = []
    for w in writes:
        if w.text is None:
            continue
        missing = [p for p in [w.path.parent, *w.path.parent.parents] if not p.exists()]
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:
                continue
            except OSError as exc:
                raise StoreError(f"{folder}: cannot create folder: {exc.strerror}") from None
            made.append(folder)
    return made


def _refuse_unwritable(writes: list[Write]) -> None:
    for w in writes:
        folder = w.path.parent
        if not os.access(folder, os.W_OK | os.X_OK):
            shown = w.name[: -len(w.path.name)].rstrip("/") if w.name.endswith(w.path.name) else str(folder)
            raise StoreError(f"{shown or folder}: folder is not writable; nothing written")


# ---- staging ------------------------------------------------------------------------


def _git_dir(folder: Path) -> Path | None:
    """The git directory of the working tree around `folder` (a worktree's `.git` file followed)."""
    for level in [folder, *folder.parents]:
        dot_git = level / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            try:
                first = dot_git.read_text(encoding="utf-8").splitlines()[0]
            except (OSError, UnicodeDecodeError, IndexError):
                return None
            if first.startswith("gitdir:"):
                return (level / first[len("gitdir:"):].strip()).resolve()
            return None
    return None


def staging_folder(folder: Path) -> Path:
    """Where temporary files for `folder` go: the git directory's staging area when on the same filesystem."""
    git_dir = _git_dir(folder)
    if git_dir is not None:
        area = git_dir / STAGING
        try:
            area.mkdir(exist_ok=True)
            if os.stat(area).st_dev == os.stat(folder).st_dev and os.access(area, os.W_OK | os.X_OK):
                return area
        except OSError:
            pass
    return folder


def _stage(writes: list[Write], currents: dict[Path, bytes | None]) -> dict[Path, Path]:
    """Each new text in a synced temporary file, with the mode of the file it replaces."""
    staged: dict[Path, Path] = {}
    swept: set[Path] = set()
    try:
        for w in writes:
            area = staging_folder(w.path.parent)
            if area not in swept:
                sweep(area)
                swept.add(area)
            prefix = f"{os.getpid()}-" if area != w.path.parent else f"{_IN_FOLDER_PREFIX}{os.getpid()}-"
            try:
                fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=area)
            except OSError as exc:
                raise StoreError(f"{w.name}: cannot write: {exc.strerror}") from None
            staged[w.path] = Path(tmp)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_on_disk(w.text, currents.get(w.path), w.name))
                    fh.flush()
                    os.fsync(fh.fileno())
                current_mode = _mode(w.path)
                os.chmod(tmp, current_mode if current_mode is not None else 0o666 & ~_umask())
            except OSError as exc:
                raise StoreError(f"{w.name}: cannot write: {exc.strerror}") from None
    except BaseException:
        for tmp in staged.values():
            _unlink_quietly(tmp)
        raise
    return staged


def sweep(area: Path) -> None:
    """Remove temporary files left by adrtool writers that were killed (their process is gone)."""
    try:
        entries = os.scandir(area)
    except OSError:
        return
    mine = os.getpid()
    with entries:
        for entry in entries:
            m = _TEMP_NAME.match(entry.name)
            if not m or (area.name != STAGING and not entry.name.startswith(_IN_FOLDER_PREFIX)):
                continue
            pid = int(m.group(1))
            if pid != mine and not _alive(pid):
                _unlink_quietly(Path(entry.path))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


# ---- installing -----------------------------------------------------------------------


def _install(writes: list[Write], staged: dict[Path, Path], currents: dict[Path, bytes | None]) -> None:
    """Creates first (the step that can still fail), then renames, then deletions; undone on an error."""
    done: list[tuple[Write, bytes | None]] = []
    try:
        for w in [w for w in writes if w.text is not None and w.create] + \
                 [w for w in writes if w.text is not None and not w.create]:
            tmp = staged[w.path]
            if w.create:
                _link_new(tmp, w)
            else:
                os.replace(tmp, w.path)
            done.append((w, currents.get(w.path)))
    except OSError as exc:
        _undo(done)
        raise StoreError(f"{w.name}: cannot write: {exc.strerror}; nothing written") from None
    except ConflictError:
        _undo(done)
        raise
    for w in writes:
        if w.text is None:
            _delete(w)
    for folder in {w.path.parent for w in writes}:
        _sync_folder(folder)


def _link_new(tmp: Path, w: Write) -> None:
    """Create `w.path` from `tmp` only if nothing is there (a rename would replace a file made meanwhile)."""
    try:
        os.link(tmp, w.path)
    except FileExistsError:
        raise ConflictError(f"{w.name}: already exists; not overwritten") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(w.path):  # no hard links here: check, then rename
            raise ConflictError(f"{w.name}: already exists; not overwritten") from None
        os.replace(tmp, w.path)
        return
    os.unlink(tmp)


def _undo(done: list[tuple[Write, bytes | None]]) -> None:
    """Put back what an interrupted install already wrote (best effort; nothing else is touching these files)."""
    for w, before in reversed(done):
        try:
            if before is None:
                os.unlink(w.path)
            else:
                fd, tmp = tempfile.mkstemp(prefix=f"{_IN_FOLDER_PREFIX}{os.getpid()}-", suffix=".tmp", dir=w.path.parent)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(before)
                os.replace(tmp, w.path)
        except OSError:
            pass


def _delete(w: Write) -> None:
    reason = conflict(w)
    if reason:
        raise ConflictError(reason.replace("nothing written", "not deleted"))
    try:
        os.unlink(w.path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise StoreError(f"{w.name}: cannot delete: {exc.strerror}") from None


def _sync_folder(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def _mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
