"""The keys that act on one decision (choice, door, status, supersede, link, renumber, promote, edit, AI),
shared by the home screen (the decision under the cursor) and the reading view (the decision read).

A mixin for Screens that provide `current_decision()`.  Pickers open on the
current value; anything hard to reverse asks first with the diff; a key that
does nothing for this decision is hidden from the footer and the help
(`check_action`), never silently ignored.
"""

from __future__ import annotations

from adrtool.model import Decision, Kind, Relation, Status
from adrtool.tui import inline_lines, review_panel
from adrtool.tui.screens.dialogs import ChoiceScreen, DecisionPicker, TextPrompt
from adrtool.tui.writing import again

STATUS_VERBS = {"accepted": "accept", "rejected": "reject", "deprecated": "deprecate",
                "superseded": "supersede", "proposed": "propose"}
HARD_TO_REVERSE = {"rejected", "deprecated", "superseded"}
CHOICES = [("deliberate", "deliberate: weighed with care"), ("arbitrary", "arbitrary: just picked")]
DOORS = [("one-way", "one-way door: hard to undo"), ("two-way", "two-way door: cheap to change")]
_NEEDS_DECISION = {"edit", "external_edit", "set_choice", "set_door", "set_status", "supersede", "link",
                   "renumber", "promote", "follow_link", "open_document", "ai_review"}


class DecisionActions:
    def current_decision(self) -> Decision | None:
        raise NotImplementedError

    def _selected(self) -> Decision | None:
        decision = self.current_decision()
        if decision is None:
            self.notify("no decision here", severity="warning")
        return decision

    def check_action(self, action: str, parameters) -> bool | None:
        if action not in _NEEDS_DECISION:
            return True
        decision = self.current_decision()
        if action == "ai_review":
            return review_panel.ai_enabled(self.app.repo)  # no AI key anywhere unless the repository opted in
        if decision is None:
            return True  # pressing it says why nothing happens
        if action == "promote":
            return decision.kind is Kind.INLINE and inline_lines.may_promote(decision)
        if action == "open_document":
            return decision.kind is Kind.INLINE
        if action == "renumber":
            return decision.number is not None
        return True

    # ---- tags, status, links -----------------------------------------------------------------
    def action_set_choice(self) -> None:
        decision = self._selected()
        if decision is not None:
            self._ask_tag(decision, "choice", CHOICES, decision.choice.value if decision.choice else None)

    def action_set_door(self) -> None:
        decision = self._selected()
        if decision is not None:
            self._ask_tag(decision, "door", DOORS, decision.door.value if decision.door else None)

    def _ask_tag(self, decision: Decision, name: str, options, current: str | None) -> None:
        app = self.app

        def chosen(value: str | None) -> None:
            if not value:
                return
            then = None
            if name == "door" and value == "one-way" and decision.kind is Kind.INLINE and current != "one-way":
                def then(_written) -> None:  # writing is worth it for one-way doors
                    app.notify(f"{decision.id} is now a one-way door: p promotes it to a record", timeout=8)
            app.apply_plan(lambda ops, repo: ops.set_tags(repo, again(repo, decision), **{name: value}), "tag",
                           follow=decision, then=then)

        app.push_screen(ChoiceScreen(f"{name} of {decision.id} {decision.title}", options, current), chosen)

    def action_set_status(self) -> None:
        from adrtool.authoring import lifecycle

        decision = self._selected()
        if decision is None:
            return
        app = self.app
        # superseded needs the superseding decision: that is its own key (S)
        allowed = sorted(s.value for s in lifecycle.ALLOWED.get(decision.status, set()) if s is not Status.SUPERSEDED)
        if not allowed:
            self.notify(f"{decision.status.value} is final; its status does not change", severity="warning")
            return

        def chosen(value: str | None) -> None:
            if not value:
                return
            question = f"Set {decision.id} to {value}? This is hard to reverse." if value in HARD_TO_REVERSE else None
            app.apply_plan(lambda ops, repo: ops.set_status(repo, again(repo, decision), value), STATUS_VERBS.get(value, value),
                           question, follow=decision)

        options = [(s, s) for s in allowed]
        app.push_screen(ChoiceScreen(f"status of {decision.id} (now {decision.status.value})", options,
                                     decision.status.value), chosen)

    def action_supersede(self) -> None:
        old = self._selected()
        if old is None:
            return
        app = self.app

        def chosen(new: Decision | None) -> None:
            if new is None:
                return
            if new is old:
                app.notify("a decision cannot supersede itself", severity="warning")
                return
            app.apply_plan(lambda ops, repo: ops.supersede(repo, again(repo, old), again(repo, new)), "supersede",
                           f"Mark {old.id} superseded by {new.id}?", follow=old)

        others = [d for d in app.repo.records if d is not old]
        app.push_screen(DecisionPicker(f"Which decision supersedes {old.id} {old.title}?", others), chosen)

    def action_link(self) -> None:
        src = self._selected()
        if src is None:
            return
        app = self.app
        choices = [(Relation.RELATES_TO.value, "relates to"), (Relation.AMENDS.value, "amends")]

        def relation_chosen(relation: str | None) -> None:
            if not relation:
                return

            def target_chosen(dst: Decision | None) -> None:
                if dst is not None:
                    app.apply_plan(lambda ops, repo: ops.link(repo, again(repo, src), Relation(relation), again(repo, dst)), "link",
                                   f"Link {src.id} {relation} {dst.id}?", follow=src)

            others = [d for d in app.repo.records if d is not src]
            app.push_screen(DecisionPicker(f"{src.id} {relation} …", others), target_chosen)

        app.push_screen(ChoiceScreen(f"link {src.id} to another decision", choices), relation_chosen)

    def action_renumber(self) -> None:
        decision = self._selected()
        if decision is None or decision.number is None:
            return

        def check(value: str) -> str | None:
            return None if value.isdigit() and int(value) > 0 else "a number, e.g. 42"

        def answered(value: str | None) -> None:
            if value:
                self.app.renumber(decision, int(value))

        self.app.push_screen(TextPrompt(f"New number for {decision.id} {decision.title}",
                                        str(self.app.repo.next_number()), check=check), answered)

    def action_promote(self) -> None:
        decision = self._selected()
        if decision is None:
            return
        if decision.kind is not Kind.INLINE or not inline_lines.may_promote(decision):
            self.notify("only an inline one-way decision is promoted to a record", severity="warning")
            return
        self.app.promote(decision)

    # ---- editing and opening -------------------------------------------------------------------
    def action_edit(self) -> None:
        decision = self._selected()
        if decision is not None:
            self.app.open_editor(decision.path, decision.line)

    def action_external_edit(self) -> None:
        decision = self._selected()
        if decision is not None:
            self.app.edit_externally(decision.path)

    def action_open_document(self) -> None:
        decision = self._selected()
        if decision is None:
            return
        if decision.kind is not Kind.INLINE:
            self.notify("not an inline decision: e edits this record", severity="warning")
            return
        self.app.open_editor(decision.path, decision.line)

    def action_ai_review(self) -> None:
        decision = self._selected()
        if decision is not None:
            self.app.start_ai_review(decision)
