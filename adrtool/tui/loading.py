"""Reading the repository without blocking the screen: workers that load, index and read git history,
and the folder watcher that reloads on every change (another editor, `git checkout`).

A mixin of AdrApp.  Each worker posts a message with what it made; the app
(on the UI thread) hands it to the screens.  No caches: every load reads every
file again (decision 0044).
"""

from __future__ import annotations

import gc
import threading

from textual import work
from textual.message import Message

from adrtool.tui import estimated, relations, review_panel
from adrtool.tui.widgets import table_rows

# A worker's description, given so that Textual does not make one from repr() of its arguments:
# the repr of a Repository walks every decision (0.4 s at 10,000, holding the interpreter lock).
NO_REPR = "adrtool worker"
# Seconds the detail pane's indexes wait for the table's first frame (a safety net: that frame comes).
TABLE_PAINT_WAIT = 2.0
# Up to this many untagged decisions are estimated before the table is first drawn (~0.1 s); more are
# estimated once it is up, so that 10,000 decisions are usable first (their cells then change in place).
ESTIMATE_FIRST = 1000


class RepoLoaded(Message):
    def __init__(self, repo, prepared: dict, estimates: dict | None, number: int) -> None:
        super().__init__()
        self.repo = repo
        self.number = number  # which load_repo() call made it (Loading.loads_asked)
        self.prepared = prepared  # the table's per-decision rows, made off the UI thread
        self.estimates = estimates  # id(decision) -> Estimate; None when they follow (EstimatesMade)


class EstimatesMade(Message):
    def __init__(self, repo, estimates: dict) -> None:
        super().__init__()
        self.repo = repo
        self.estimates = estimates  # estimated.estimates_of(repo)


class LinksIndexed(Message):
    def __init__(self, repo, incoming: dict) -> None:
        super().__init__()
        self.repo = repo
        self.incoming = incoming  # relations.incoming(repo)


class HistoryLoaded(Message):
    def __init__(self, repo, histories) -> None:
        super().__init__()
        self.repo = repo
        self.histories = histories  # adrtool.history's map, or None outside git


class LoadFailed(Message):
    def __init__(self, error: str, number: int) -> None:
        super().__init__()
        self.error = error
        self.number = number  # which load_repo() call failed (Loading.loads_asked)


class Loading:
    """Mixed into AdrApp (which provides start, dirs, repo, post_message, call_from_thread, notify)."""

    histories = None  # the whole repository's git history for the current load, once read
    _watching = False
    loads_asked = 0  # load_repo() calls so far; only the newest one's RepoLoaded is shown

    def load_repo(self) -> None:
        """Read the repository again in a worker.  Numbered here, on the UI thread, in the order asked:
        an `exclusive` thread worker cannot be stopped, so a load started before a write can finish
        after the one started after it, and its older files must not replace the newer ones (the
        next key would be planned on them: `a` after `u` in a tagging session found "nothing to
        change" on the tags the undo had just removed)."""
        self.loads_asked += 1
        self._load_repo(self.loads_asked)

    def is_stale(self, message: RepoLoaded | LoadFailed) -> bool:
        """A load's outcome, loaded or failed, when a newer load was asked for since."""
        return message.number < self.loads_asked

    @work(thread=True, exclusive=True, group="load", description=NO_REPR)
    def _load_repo(self, number: int) -> None:
        from adrtool import store
        from adrtool.config import ConfigError

        reloading = gc.get_freeze_count() > 0
        gc.unfreeze()  # what the last load froze may be garbage now: let the collector see it again
        # Loading makes millions of objects that all live on; the collector walking them again and
        # again as they are made cost ~0.3 s of the first table at 10,000 decisions.  (While the app
        # runs, automatic collection is off anyway, collector.py: left as it was found.)
        automatic = gc.isenabled()
        gc.disable()
        try:
            repo = store.load(self.start, self.dirs)
            untagged = sum(1 for d in repo.decisions if not d.is_tagged)
            estimates = estimated.estimates_of(repo) if untagged <= ESTIMATE_FIRST else None
            prepared = table_rows.prepare(repo.decisions, estimates)
        except (ConfigError, store.StoreError, OSError) as exc:
            self.post_message(LoadFailed(str(exc), number))
            return
        except Exception as exc:  # a bug in a reader must not close the app: say so, keep the last good state
            self.post_message(LoadFailed(f"reading the decisions failed: {type(exc).__name__}: {exc}", number))
            return
        finally:
            if automatic:
                gc.enable()
        if reloading:
            gc.collect()  # the previous load's cycles, before they would be frozen with the new one
        # The loaded decisions live until the next load: keep the garbage collector from walking
        # those millions of objects again and again (a collection in the middle of a filter
        # keystroke showed up as a 30 ms list comprehension).  The next load unfreezes them first.
        gc.freeze()
        self.post_message(RepoLoaded(repo, prepared, estimates, number))

    @work(thread=True, exclusive=True, group="index", description=NO_REPR)
    def index_repo(self, repo, table_painted: threading.Event, estimate: bool) -> None:
        """What only the detail pane needs, made once the table is on screen: resolving every link,
        estimating many untagged decisions and reading the git history hold the interpreter lock
        long enough to delay the table's first frame by most of a second at 10,000 decisions."""
        table_painted.wait(TABLE_PAINT_WAIT)
        # Every link resolved once, so a cursor move need not scan.
        self.post_message(LinksIndexed(repo, relations.incoming(repo)))
        if estimate:
            self.post_message(EstimatesMade(repo, estimated.estimates_of(repo)))
        self.load_history(repo)

    @work(thread=True, exclusive=True, group="history", description=NO_REPR)
    def load_history(self, repo) -> None:
        """The whole repository's git history, once per load, kept in memory for the detail pane.

        One pass over the log costs about as much as one path-limited `git log` for a single
        file in a large repository, so asking per decision as the cursor moves would be slower.
        """
        self.post_message(HistoryLoaded(repo, review_panel.repository_history(repo)))

    async def wait_idle(self) -> None:
        """Wait until no worker but the folder watcher is running (tests and the bench use this)."""
        from textual.worker import WorkerCancelled

        while busy := [w for w in self.workers if w.group != "watch" and not w.is_finished]:
            try:
                await self.workers.wait_for_complete(busy)
            except WorkerCancelled:  # an exclusive worker replaced by a newer one: nothing to wait for
                pass

    # ---- live: watch the decision folders ------------------------------------------
    def start_watching(self) -> None:
        if self.watch_enabled and not self._watching:
            self._watching = True
            self.watch_folders()

    @work(thread=True, exclusive=True, group="watch")
    def watch_folders(self) -> None:
        from watchfiles import watch

        folders = [str(d) for d in [*self.repo.config.dirs, *self.repo.config.design_dirs] if d.is_dir()]
        if not folders:
            return
        try:
            for _changes in watch(*folders, stop_event=self._watch_stop, debounce=200, rust_timeout=500):
                self.call_from_thread(self.load_repo)
        except Exception as exc:  # e.g. the folder was deleted: stop watching, keep working (ctrl+r reloads)
            self._watching = False
            self.call_from_thread(self.notify, f"stopped watching for changes: {exc}", severity="warning")
