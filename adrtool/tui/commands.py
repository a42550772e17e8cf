"""The command palette (ctrl+p): jump to any decision by id or title, and every action as "category: action".

Actions run on the screen in front when it has them (the reading view's
"decision: set door" tags the decision being read), else on the home screen.
The themes are offered as "theme: dark" and so on (AdrApp.get_system_commands).
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (palette name, screen action, help)
ACTIONS = (
    ("decision: new", "new_decision", "create a decision: title and tags first"),
    ("decision: read", "read_current", "the decision rendered, with its links, card and history"),
    ("decision: edit", "edit", "edit the selected decision (a design document at its line)"),
    ("decision: edit in $EDITOR", "external_edit", "open the selected decision in $VISUAL / $EDITOR"),
    ("decision: set choice", "set_choice", "deliberate or arbitrary"),
    ("decision: set door", "set_door", "one-way or two-way door"),
    ("decision: set status", "set_status", "next status in the lifecycle"),
    ("decision: supersede", "supersede", "mark the selected decision superseded by another"),
    ("decision: link", "link", "amends / relates-to another decision"),
    ("decision: renumber", "renumber", "a new number for a record, every link to it rewritten"),
    ("decision: promote to a record", "promote", "an inline one-way decision becomes a full record"),
    ("decision: follow link", "follow_link", "jump to the first linked decision"),
    ("decide: tag untagged decisions", "tag_session",
     "walk the untagged decisions, most consequential first: accept each estimate or set it by hand"),
    ("document: list design documents", "documents", "where inline decisions live; open or start one"),
    ("document: open", "open_document", "the design document of an inline decision, at its line"),
    ("view: hide or show closed", "toggle_closed", "superseded and rejected decisions"),
    ("view: all quadrants", "quadrant('')", "clear the quadrant filter"),
    ("view: deliberate one-way", "quadrant('deliberate/one-way')", "filter by quadrant"),
    ("view: deliberate two-way", "quadrant('deliberate/two-way')", "filter by quadrant"),
    ("view: arbitrary one-way", "quadrant('arbitrary/one-way')", "filter by quadrant"),
    ("view: arbitrary two-way", "quadrant('arbitrary/two-way')", "filter by quadrant"),
    ("view: untagged", "quadrant('untagged')", "decisions missing a tag"),
    ("sort: by id", "sort('id')", "sort the table"),
    ("sort: by title", "sort('title')", "sort the table"),
    ("sort: by status", "sort('status')", "sort the table"),
    ("sort: by date", "sort('date')", "sort the table"),
    ("git: commit decisions", "git", "stage and commit changed decision files"),
    ("git: review the branch", "branch_review", "review every decision changed against the base branch"),
    ("app: reload", "app.reload", "read every decision file again"),
    ("app: help", "app.help", "the keys that work here"),
)
MAX_DECISION_HITS = 50


class AdrCommands(Provider):
    def _run(self, action: str):
        if action.startswith("app."):
            return partial(self.app.run_action, action.removeprefix("app."))
        return partial(self.app.run_on_screen, action)

    async def discover(self) -> Hits:
        for name, action, help_text in ACTIONS:
            yield DiscoveryHit(name, self._run(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._run(action), help=help_text)
        hits = 0
        for decision in self.app.all_decisions():
            label = f"go: {decision.id} {decision.title}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self.app.jump_to, decision), help=decision.path)
                hits += 1
                if hits >= MAX_DECISION_HITS:
                    break
