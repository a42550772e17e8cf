"""The tagging session (`t` on the home screen): the untagged decisions one at a time, most consequential first.

Each decision is shown as the reading view shows it, with its estimated
choice and door and the lines they rest on highlighted in the text.  `a`
writes both estimates; `c` and `d` set one by hand (the picker opens on the
estimate); `s` skips; `u` undoes the last write with a real write that
reverses it; `[` goes back one.  Every write goes through the app's one
write path (atomic, conflict-checked, re-planned when another writer got
there first).  After the last decision it offers the git screen with a
prefilled message.  The session's state is tagging_session.Session.
"""

from __future__ import annotations

from textual.widgets import Static

from adrtool.model import Decision
from adrtool.tui import keys, markup
from adrtool.tui.decision_actions import CHOICES, DOORS
from adrtool.tui.loading import NO_REPR
from adrtool.tui.screens.dialogs import ChoiceScreen, ConfirmScreen
from adrtool.tui.screens.reading import RecordView
from adrtool.tui.tagging_session import Session, find, key_of, order, undo_plan
from adrtool.tui.writing import again

_WHILE_WALKING = {"accept", "set_choice", "set_door", "skip", "edit"}


def start_session(app) -> None:
    """Order the untagged decisions and estimate them in a worker, then open the session."""
    repo, known = app.repo, app.estimates
    if repo is None:
        return

    def work() -> None:
        from adrtool.tui import estimated

        made = {}  # each decision is estimated once: for the order, then for the session

        def estimate_of(d: Decision):
            if id(d) not in made:
                made[id(d)] = estimated.estimate_of(repo, d, known)
            return made[id(d)]

        decisions = order(repo, estimate_of)
        estimates = [estimate_of(d) for d in decisions]
        app.call_from_thread(_open, app, Session.start(decisions, estimates), decisions)

    app.run_worker(work, thread=True, exclusive=True, group="tagging", description=NO_REPR)


def _open(app, session: Session, decisions: list[Decision]) -> None:
    if not decisions:
        app.notify("every decision is tagged: nothing to walk")
        return
    app.push_screen(TaggingScreen(session, decisions[0]))


class TaggingScreen(RecordView):
    BINDINGS = keys.bindings("tagging")

    def __init__(self, session: Session, first: Decision) -> None:
        super().__init__(first, id="tagging")
        self.session = session
        self._offered = False  # the git screen is offered once, at the end

    def lead(self) -> list:
        return [Static("", id="tagging-prompt")]

    def title_text(self, decision: Decision) -> str:
        what = "done" if self.session.done else markup.escape(decision.id)
        return f" tagging [b]{what}[/b]  {markup.muted(markup.escape(self.session.progress()))}"

    def show(self, decision: Decision) -> None:
        super().show(decision)
        self.query_one("#tagging-prompt", Static).update(self._prompt(decision))

    def _prompt(self, decision: Decision) -> str:
        session = self.session
        if session.done:
            return (f"[b]All {session.total} walked[/b]: {markup.escape(session.progress().split(', ', 1)[-1])}.\n"
                    + markup.muted(markup.escape("g commits them (git screen) · u undoes the last · [ goes back · esc returns")))
        written = session.values.get(key_of(decision), {})
        proposal = session.proposal(decision)
        parts = [f"{axis} [b]{value}[/b] {markup.muted('(written)')}" for axis, value in written.items()]
        parts += [f"{axis} [i]~{value}[/i] {markup.muted('(estimated)')}" for axis, value in proposal.items()]
        if not proposal:
            return " · ".join(parts + [markup.muted("nothing left to tag here: s moves on")])
        keys_line = markup.muted("a accepts the estimate · c / d set one by hand · s skips · u undoes")
        return "[b]Tag it:[/b] " + " · ".join(parts) + "\n" + keys_line

    def check_action(self, action: str, parameters) -> bool | None:
        if action in _WHILE_WALKING:
            return not self.session.done
        if action == "undo":
            return bool(self.session.undo)
        if action == "git":
            return bool(self.session.undo) or self.session.done
        return True

    # ---- moving ---------------------------------------------------------------------------------------
    def _show_current(self) -> None:
        """The decision at the session's position (one whose file is gone is passed over)."""
        session = self.session
        while not session.done:
            decision = find(self.app.repo, session.current)
            if decision is not None:
                self.show(decision)
                return
            session.step()
        self.show(self.decision)  # the last one stays on screen under the summary
        self._offer_git()

    def action_skip(self) -> None:
        self.session.skip()
        self._show_current()

    def action_back(self) -> None:
        self.session.step(-1)
        self._show_current()

    def _offer_git(self) -> None:
        if self._offered or not self.session.undo:
            return
        self._offered = True

        def answered(yes: bool | None) -> None:
            if yes:
                self.action_git()

        summary = self.session.progress().split(", ", 1)[-1]
        self.app.push_screen(ConfirmScreen(f"Commit the tags now? All {self.session.total} walked: {summary}.",
                                           yes="Open git"), answered)

    def action_git(self) -> None:
        self.app.open_git(message=self.session.commit_message())

    def action_close(self) -> None:
        self.app.jump_to(self.decision)
        self.dismiss()

    def action_edit(self) -> None:
        self.app.open_editor(self.decision.path, self.decision.line)

    # ---- writing --------------------------------------------------------------------------------------
    def action_accept(self) -> None:
        values = self.session.proposal(self.decision)
        if not values:
            self.notify("nothing left to tag here: s moves on")
            return
        self._write(self.decision, values)

    def action_set_choice(self) -> None:
        self._ask("choice", CHOICES)

    def action_set_door(self) -> None:
        self._ask("door", DOORS)

    def _ask(self, axis: str, options) -> None:
        decision = self.decision
        est = self.session.estimates.get(key_of(decision))

        def chosen(value: str | None) -> None:
            if value:
                self._write(decision, {axis: value})

        guess = getattr(est, axis).value if est is not None else None
        self.app.push_screen(ChoiceScreen(f"{axis} of {decision.id} {decision.title}", options, guess,
                                          current_label="estimated"), chosen)

    def _write(self, decision: Decision, values: dict[str, str]) -> None:
        def planned(operations, repo):
            return operations.set_tags(repo, again(repo, decision), **values)

        def then(written) -> None:
            if self.session.wrote(decision, values, written) is not None:
                self.session.step()
            self._show_current()

        self.app.apply_plan(planned, "tag", quiet=True, then=then)

    def action_undo(self) -> None:
        if not self.session.undo:
            self.notify("nothing to undo")
            return
        last = self.session.undo[-1]

        def then(_written) -> None:
            self.session.undone()
            self._show_current()

        self.app.apply_plan(lambda _operations, repo: undo_plan(repo, last), "untag", quiet=True, then=then)
