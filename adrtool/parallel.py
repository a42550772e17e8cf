"""Work on a long list in two processes: this one does half, a forked child the other half.

Loading ten thousand records and estimating their tags are pure Python and
CPU-bound; a machine with two cores does them in half the time this way.
The child only computes and sends its results back through a pipe, then
leaves with `os._exit`: it takes no lock another thread of the parent could
hold (CPython resets its own import and GIL state in a forked child), and when
another thread runs (the terminal UI loads in one), nothing is imported inside
it: `prepare` runs before forking, for work that imports lazily, since that
thread could hold a module's import lock at the fork.  A process with one
thread (every command) skips `prepare` and lets the child import what it needs:
PyYAML, the store's one lazy import, costs 9 ms or more before the fork and is
needed by few folders.  If forking fails, or the result cannot come back, this
process does it all.
"""

from __future__ import annotations

import os
import sys


def map_in_two(work, items: list, threshold: int, prepare=None, keep: int = 0) -> list:
    """`work(items)` (a function of a list returning one result per item), the odd items in a child.

    Results come back in the order of `items`.  Below `threshold` items, or
    where there is no fork, everything runs here.  `keep`: one in every `keep` of
    the child's items is done here instead, for a child whose half costs more
    than this process's (it also pickles its results).
    """
    import pickle

    if len(items) < threshold or not hasattr(os, "fork"):
        return work(items)
    if prepare is not None and _threads_running():
        prepare()
    # Every other item goes to the child, so both halves get a fair share of big and small items.
    to_child = [i % 2 == 1 and (i // 2) % keep != keep - 1 for i in range(len(items))] if keep else None
    if to_child is None:
        mine, theirs = items[0::2], items[1::2]
    else:
        mine = [item for item, there in zip(items, to_child) if not there]
        theirs = [item for item, there in zip(items, to_child) if there]
    try:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
    except OSError:
        return work(items)
    if pid == 0:  # the child: compute, send, and leave without running any cleanup of the parent's
        code = 0
        try:
            os.close(read_fd)
            with os.fdopen(write_fd, "wb") as out:
                pickle.dump(work(theirs), out, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(write_fd)
    first = work(mine)
    try:
        with os.fdopen(read_fd, "rb") as inp:
            second = pickle.load(inp)
    except Exception:
        second = None
    os.waitpid(pid, 0)
    if second is None:
        second = work(theirs)
    if to_child is not None:
        here, there = iter(first), iter(second)
        return [next(there) if child else next(here) for child in to_child]
    merged: list = [None] * len(items)
    merged[0::2] = first
    merged[1::2] = second
    return merged


def _threads_running() -> bool:
    """Whether this process runs another thread (started through `threading`, as every thread here is)."""
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1
