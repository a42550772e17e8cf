"""Exclusive locks on the folders adrtool writes into, held from the re-read to the rename.

An adrtool writer locks the *folder* of each file it writes, with flock(2) on
the folder itself (opened read-only), never the file: a write replaces the
file by rename, so a lock on the file's inode would be a lock on a file that
is no longer there for the next writer, and an editor that saves by rename
does the same.  The folder keeps its inode through every rename inside it, no
lock file has to be created, ignored by git or cleaned up, and the kernel
drops the lock when its process dies, SIGKILL included.  Two adrtool processes
that reach the same folder through different configurations (`--dir`, a
symlink, another working directory) lock the same inode.

Locks are re-entrant within a thread (`changes.apply` holds the folders while
`store_write.commit` takes them again) and exclusive between threads, since
each thread opens its own descriptor.  Folders are taken in inode order, so
two writers of the same folders cannot deadlock; a writer waits at most
`WAIT_SECONDS`, then refuses with one line.  On a filesystem without flock
(some network filesystems refuse it on a folder) the write goes ahead
unlocked, guarded only by the content check.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from adrtool.errors import StoreError

try:
    import fcntl
except ImportError:  # not a POSIX system: no locks, the content check still guards each write
    fcntl = None  # type: ignore[assignment]

WAIT_SECONDS = 10.0
_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EBADF, errno.EINVAL}
_local = threading.local()  # .held: (st_dev, st_ino) -> [descriptor or None, depth]


class LockTimeout(StoreError):
    """Another writer held a folder for longer than WAIT_SECONDS."""


def _held() -> dict:
    held = getattr(_local, "held", None)
    if held is None:
        held = _local.held = {}
    return held


def held_folders() -> set[tuple[int, int]]:
    """The (device, inode) of every folder this thread holds now."""
    return set(_held())


def folder_key(folder: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return st.st_dev, st.st_ino


@contextmanager
def hold(folders: Iterable[Path], wait: float | None = None) -> Iterator[set[tuple[int, int]]]:
    """Hold every existing folder of `folders` exclusively; yields the keys held (missing folders are skipped)."""
    wait = WAIT_SECONDS if wait is None else wait
    wanted: dict[tuple[int, int], Path] = {}
    for folder in folders:
        key = folder_key(folder)
        if key is not None:
            wanted.setdefault(key, Path(folder))
    taken: list[tuple[int, int]] = []
    try:
        for key in sorted(wanted):
            _acquire(key, wanted[key], wait)
            taken.append(key)
        yield set(wanted)
    finally:
        for key in reversed(taken):
            _release(key)


def _acquire(key: tuple[int, int], folder: Path, wait: float) -> None:
    held = _held()
    if key in held:
        held[key][1] += 1
        return
    fd = None
    if fcntl is not None:
        fd = _lock(folder, key, wait)
    held[key] = [fd, 1]


def _lock(folder: Path, key: tuple[int, int], wait: float) -> int | None:
    deadline = time.monotonic() + wait
    pause = 0.0002  # polled, capped at 1 ms: a waiter starts soon after the holder is done
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(f"{folder}: another adrtool process has been writing here for "
                                      f"{wait:g} s; nothing written (try again)") from None
                time.sleep(pause)
                pause = min(pause * 2, 0.001)
            except OSError as exc:
                if exc.errno in _UNSUPPORTED:
                    os.close(fd)
                    return None
                raise
    except BaseException:
        os.close(fd)
        raise
    if folder_key(folder) == key:
        return fd
    os.close(fd)  # the folder was renamed away or replaced while we waited
    raise StoreError(f"{folder}: the folder was moved or replaced while waiting to write; "
                     "nothing written (run the command again)")


def _release(key: tuple[int, int]) -> None:
    held = _held()
    entry = held[key]
    entry[1] -= 1
    if entry[1] == 0:
        del held[key]
        if entry[0] is not None:
            os.close(entry[0])  # closing the last descriptor drops the flock
