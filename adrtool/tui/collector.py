"""Garbage collection when the user pauses, not in the middle of a keystroke.

Python's collector runs when allocations pass a threshold, so by construction inside work: a filter
keystroke's refill, a frame.  At 10,000 decisions a generation-1 collection cost 5-10 ms and a full
one 20-100 ms inside a keystroke or a cursor move (bench/README.md, issue 12).  While the app runs,
automatic collection is off; every CHECK seconds the app collects what has piled up, once no key has
come for QUIET seconds, or in any case every FORCE seconds (so a held key cannot grow memory for
long).  Reference counting still frees everything that is not in a cycle at once, as before.

Not while the repository is read: the load and the indexes made after it (loading.py) create millions
of objects that live on and are frozen out of the collector's way once made (gc.freeze); collecting
before that walks them all (a third of a second at 10,000 decisions).
"""

from __future__ import annotations

import gc
import time

CHECK = 0.5  # seconds between looks
QUIET = 0.4  # seconds without a key before collecting
FORCE = 5.0  # seconds: collect after this long even while keys keep coming
PILED_UP = 700  # new container objects since the last collection worth a collection (gen 0's own threshold)
READING = ("load", "index", "history")  # the workers that read the repository (loading.py)
_clock = time.monotonic  # the collector's idea of now (a test moves it instead of waiting)


class IdleCollector:
    def __init__(self) -> None:
        self._key_at = 0.0
        self._collected_at = _clock()
        self.collections = 0  # how many it ran (tests read it)
        self._app = None

    def start(self, app) -> None:
        self._app = app
        gc.disable()
        app.set_interval(CHECK, self.tick, name="idle collection")

    def stop(self) -> None:
        gc.enable()

    def key(self) -> None:
        self._key_at = _clock()

    def tick(self) -> None:
        now = _clock()
        if gc.get_count()[0] < PILED_UP:
            return  # nothing new to look at (the app at rest allocates next to nothing)
        if now - self._key_at < QUIET and now - self._collected_at < FORCE:
            return
        if any(w.group in READING and not w.is_finished for w in self._app.workers):
            return
        gc.collect()  # every generation: what the load froze is not walked (gc.freeze, loading.py)
        self._collected_at = now
        self.collections += 1
