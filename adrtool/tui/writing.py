"""The app's one write path: plan (a list of Changes, as the CLI's --dry-run shows), ask when the change
is hard to reverse, apply through the store (atomic, conflict-checked), reload, and keep the cursor on
the decision written (a created, renumbered or promoted one too).

A mixin of AdrApp: screens call `app.apply_plan(...)` and the few flows below; none of them writes a
file any other way.
"""

from __future__ import annotations

import os
import shlex
import subprocess

from textual.app import SuspendNotSupported

from adrtool.model import Decision
from adrtool.tui.screens.dialogs import ConfirmScreen, NewDecisionScreen


def one_line(exc: Exception) -> str:
    """A StoreError's own message; for anything else (a bug) its type too, so it can be reported."""
    from adrtool.store import StoreError

    text = str(exc).strip() or type(exc).__name__
    return text if isinstance(exc, StoreError) else f"{type(exc).__name__}: {text}"


def again(repo, decision: Decision) -> Decision:
    """The same decision in `repo` as read now (its file may have been read again since)."""
    from adrtool.store import StoreError

    same = [d for d in repo.decisions if d.path == decision.path]
    found = next((d for d in same if d.id == decision.id), same[0] if len(same) == 1 else None)
    if found is None:
        raise StoreError(f"{decision.path}: {decision.id} is no longer there; nothing written")
    return found


class Writing:
    """Mixed into AdrApp (which provides repo, load_repo, notify, push_screen)."""

    actions_done: dict[str, str]  # path -> last verb done to it here, for the commit message
    _follow: tuple[str, int | None] | None = None  # (path, line) to select once the next load is shown

    def follow(self, target: str | Decision | None, line: int | None = None) -> None:
        """Put the cursor on this decision (or this file's, at this line) once the repository is read again."""
        if isinstance(target, Decision):
            self._follow = (target.path, target.line)
        elif target:
            self._follow = (target, line)

    def take_follow(self):
        found, self._follow = self._follow, None
        return found

    def _operations(self):
        try:
            from adrtool.authoring import changes, operations
        except ImportError:
            self.notify("authoring operations are not available in this build", severity="error")
            return None, None
        return operations, changes

    def apply_plan(self, planned, verb: str, question: str | None = None, *, follow: str | Decision | None = None,
                   then=None, quiet: bool = False) -> None:
        """Plan with `planned(operations, repo)` (-> list[Change]) or take a ready list; ask first when
        `question`; apply, remember the verb, reload; `then(written)` runs after a successful write.
        `quiet`: no toast for each write (the tagging session says what it did in its own progress line).

        A planning function is also the re-plan: when another writer changed a file since it was read,
        the store brings the repository up to date for that file and plans again on its text as it is
        now (`changes.apply(replan=)`), so a concurrent edit is kept rather than refused.  It must look
        its decisions up in the repository it is given (`again`), not keep the ones it was made with.
        """
        operations, changes = self._operations()
        if operations is None:
            return
        replan = (lambda repo: planned(operations, repo)) if callable(planned) else None
        try:
            plan = replan(self.repo) if replan else list(planned)
        except Exception as exc:  # StoreError is the user's to fix; anything else must not close the app either
            self.notify(one_line(exc), title="Not changed", severity="error")
            return
        if not plan:
            self.notify("nothing to change")
            return

        def go(confirmed: bool | None = True) -> None:
            if not confirmed:
                return
            try:
                written = changes.apply(self.repo, plan, replan=replan)
            except Exception as exc:
                self.notify(one_line(exc), title="Not changed", severity="error")
                return
            # The files written, read again into the repository in memory now: a key handled before the
            # reload below lands (the next `a` of a tagging session, right after `u`) plans on the file as
            # written, not on the decision as last loaded (which found "nothing to change" and dropped it).
            changes.refresh(self.repo, [c.path for c in written])
            for change in written:
                self.actions_done[change.path] = "add" if change.before is None else verb
            if not written:
                self.notify("nothing left to change: another writer got there first")
            elif not quiet:
                self.notify(f"{verb}: " + ", ".join(c.path for c in written))
            self.follow(follow)
            self.load_repo()
            if then is not None and written:
                then(written)

        if question:
            self.push_screen(ConfirmScreen(question, "".join(c.diff() for c in plan), yes="Apply"), go)
        else:
            go()

    # ---- flows that start here ------------------------------------------------------------------
    def new_decision(self) -> None:
        if self.repo is None:
            return

        def answered(form: dict | None) -> None:
            if not form:
                return
            operations, changes = self._operations()
            if operations is None:
                return
            try:
                path, plan = operations.new_decision(self.repo, form["title"], choice=form["choice"], door=form["door"])
                changes.apply(self.repo, plan)
            except Exception as exc:
                self.notify(one_line(exc), title="Not created", severity="error")
                return
            self.actions_done[path] = "add"
            self.follow(path)
            self.load_repo()
            self.open_editor(path)

        self.push_screen(NewDecisionScreen(), answered)

    def promote(self, decision: Decision, then=None) -> None:
        """An inline one-way decision becomes a record: both diffs shown first, the cursor follows the record."""
        try:
            from adrtool.authoring.promote import promote
        except ModuleNotFoundError:
            self.notify("promotion is not available in this build yet (adrtool.authoring.promote)", severity="warning")
            return
        try:
            plan = promote(self.repo, decision)
        except Exception as exc:
            self.notify(one_line(exc), title="Not promoted", severity="error")
            return
        created = next((c.path for c in plan if c.before is None), None)
        self.apply_plan(plan, "promote", f"Promote {decision.id} to a record? Both files change:", follow=created, then=then)

    def renumber(self, decision: Decision, number: int) -> None:
        """A new number for a record and every link to it; the cursor follows the renamed file."""
        try:
            from adrtool.authoring.renumber import renumber

            plan = renumber(self.repo, decision, number)
        except Exception as exc:
            self.notify(one_line(exc), title="Not renumbered", severity="error")
            return
        renamed = next((c.path for c in plan if c.before is None), None)
        self.apply_plan(plan, "renumber", f"Renumber {decision.id} to {number}? Every link to it is rewritten:",
                        follow=renamed)

    def edit_externally(self, path: str) -> bool:
        """$VISUAL or $EDITOR on the file, with the app suspended; True when the editor ran."""
        command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not command:
            self.notify("set $VISUAL or $EDITOR to edit outside adrtool (or press e)", severity="warning")
            return False
        try:
            with self.suspend():
                subprocess.run([*shlex.split(command), str(self.repo.root / path)], check=False)
        except SuspendNotSupported:
            self.notify("this terminal cannot hand over to an external editor", severity="error")
            return False
        except OSError as exc:
            self.notify(f"{command}: {exc.strerror}", severity="error")
            return False
        self.actions_done.setdefault(path, "edit")
        self.follow(path)
        self.load_repo()
        return True

    def offer_init(self) -> None:
        folder = self.repo.config.rel(self.repo.config.dirs[0])

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            operations, changes = self._operations()
            if operations is None:
                return
            try:
                from adrtool.authoring.project import init

                plan = init(self.repo.root, folder)
                changes.apply(self.repo, plan)
            except Exception as exc:
                self.notify(one_line(exc), title="init failed", severity="error")
                return
            if not plan:
                self.notify(f"{folder}/ is already set up: press n to write the first decision")
                return
            self.notify("created " + ", ".join(c.path for c in plan))
            self.load_repo()
            self.start_watching()

        state = "is empty" if (self.repo.root / folder).is_dir() else "does not exist"
        self.push_screen(ConfirmScreen(f"The decision folder {folder}/ {state}. Set it up (adrtool init)?", yes="Init"),
                         answered)
