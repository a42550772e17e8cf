"""Every key binding of the UI, in one table: id, keys, action, description, group.

Each binding has a stable id so users can rebind it in `[tool.adrtool.keys]`
(e.g. `"decision.new" = "ctrl+n"`); Textual's keymap does the rebinding.  An id
used on two screens (the decision keys on the home screen and in the reading
view) is one binding: rebinding it rebinds both.  Screens and widgets take
their bindings from here by scope instead of declaring their own; `?` lists
them by group (navigate, decide, write, git, AI), then the app's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

GROUPS = ("navigate", "decide", "write", "git", "ai", "app")
GROUP_TITLES = {"navigate": "Navigate", "decide": "Decide", "write": "Write", "git": "Git", "ai": "AI", "app": "App"}


@dataclass(frozen=True)
class Key:
    id: str
    keys: str  # Textual key names, comma-separated
    action: str
    description: str
    group: str
    show: bool = True  # in the footer
    display: str | None = None
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.description, show=self.show, key_display=self.display,
                       priority=self.priority, id=self.id)


def _decision_keys(prefix: str = "") -> list[Key]:
    """The keys that act on one decision: on the home screen's table and in the reading view."""
    return [
        Key("decision.edit", "e", prefix + "edit", "Edit", "write"),
        Key("decision.external_edit", "E", prefix + "external_edit", "$EDITOR", "write", show=False),
        Key("decision.choice", "c", prefix + "set_choice", "Choice", "decide"),
        Key("decision.door", "d", prefix + "set_door", "Door", "decide"),
        Key("decision.status", "s", prefix + "set_status", "Status", "decide"),
        Key("decision.supersede", "S", prefix + "supersede", "Supersede", "decide", show=False),
        Key("decision.link", "l", prefix + "link", "Link", "decide", show=False),
        Key("decision.renumber", "N", prefix + "renumber", "Renumber", "write", show=False),
        Key("decision.promote", "p", prefix + "promote", "Promote", "write"),  # only for one-way inline decisions
        Key("decision.follow_link", "f", prefix + "follow_link", "Follow link", "navigate", show=False),
        Key("decision.open_document", "o", prefix + "open_document", "Open doc", "write", show=False),
        Key("decision.ai_review", "a", prefix + "ai_review", "AI review", "ai"),  # only when AI is enabled
    ]


_SCOPES: dict[str, list[Key]] = {
    "app": [
        Key("app.help", "question_mark,f1", "help", "Help", "app", display="?"),
    ],
    "home": [
        Key("app.quit", "q", "app.quit", "Quit", "app"),
        Key("app.filter", "slash", "focus_filter", "Filter", "navigate", display="/"),
        Key("app.documents", "D", "documents", "Docs", "write"),
        Key("app.git", "g", "git", "Git", "git"),
        Key("app.review_branch", "R", "branch_review", "Review branch", "git", show=False),
        Key("app.reload", "ctrl+r", "app.reload", "Reload", "app", show=False),
        Key("app.toggle_closed", "x", "toggle_closed", "Hide closed", "navigate", show=False),
        Key("app.ai_cancel", "A", "app.ai_cancel", "Cancel AI", "ai"),  # only while an AI action runs
        Key("app.quadrant.all", "0", "quadrant('')", "All quadrants", "navigate", show=False),
        Key("app.quadrant.1", "1", "quadrant('deliberate/one-way')", "Deliberate one-way", "navigate", show=False),
        Key("app.quadrant.2", "2", "quadrant('deliberate/two-way')", "Deliberate two-way", "navigate", show=False),
        Key("app.quadrant.3", "3", "quadrant('arbitrary/one-way')", "Arbitrary one-way", "navigate", show=False),
        Key("app.quadrant.4", "4", "quadrant('arbitrary/two-way')", "Arbitrary two-way", "navigate", show=False),
        Key("app.quadrant.untagged", "5", "quadrant('untagged')", "Untagged", "navigate", show=False),
        Key("decision.new", "n", "new_decision", "New", "write"),
        Key("app.tagging", "t", "tag_session", "Tag untagged", "decide"),
        *_decision_keys(),
    ],
    "table": [
        Key("table.read", "enter", "select_cursor", "Read", "navigate"),
        Key("table.down", "j", "cursor_down", "Down", "navigate", show=False),
        Key("table.up", "k", "cursor_up", "Up", "navigate", show=False),
    ],
    "quadrant": [
        Key("quadrant.left", "left,h", "move(-1, 0)", "Left", "navigate", show=False),
        Key("quadrant.right", "right,l", "move(1, 0)", "Right", "navigate", show=False),
        Key("quadrant.up", "up,k", "move(0, -1)", "Up", "navigate", show=False),
        Key("quadrant.down", "down,j", "move(0, 1)", "Down", "navigate", show=False),
        Key("quadrant.select", "enter,space", "select", "Filter by quadrant", "navigate"),
    ],
    "filter": [
        Key("filter.leave", "escape", "screen.leave_filter", "Back to table", "navigate"),
        Key("filter.clear", "ctrl+u", "screen.clear_filter", "Clear", "navigate"),
    ],
    "reading": [
        Key("reading.close", "escape,q", "close", "Back", "navigate"),
        Key("reading.next", "right_square_bracket", "step(1)", "Next", "navigate", display="]"),
        Key("reading.previous", "left_square_bracket", "step(-1)", "Previous", "navigate", display="["),
        Key("reading.down", "j", "scroll_down", "Scroll down", "navigate", show=False),
        Key("reading.up", "k", "scroll_up", "Scroll up", "navigate", show=False),
        *_decision_keys(),
    ],
    "tagging": [
        Key("tagging.accept", "a", "accept", "Accept estimate", "decide"),
        Key("tagging.choice", "c", "set_choice", "Choice", "decide"),
        Key("tagging.door", "d", "set_door", "Door", "decide"),
        Key("tagging.skip", "s", "skip", "Skip", "navigate"),
        Key("tagging.back", "left_square_bracket", "back", "Previous", "navigate", display="["),
        Key("tagging.undo", "u", "undo", "Undo", "decide"),
        Key("tagging.git", "g", "git", "Git", "git"),
        Key("tagging.edit", "e", "edit", "Edit", "write", show=False),
        Key("tagging.close", "escape,q", "close", "Done", "navigate"),
        Key("tagging.down", "j", "scroll_down", "Scroll down", "navigate", show=False),
        Key("tagging.up", "k", "scroll_up", "Scroll up", "navigate", show=False),
    ],
    "documents": [
        Key("documents.close", "escape,q", "close", "Back", "navigate"),
        Key("documents.open", "enter", "open", "Open", "write"),
        Key("documents.new", "n", "new_document", "New document", "write"),
        Key("documents.down", "j", "cursor_down", "Down", "navigate", show=False),
        Key("documents.up", "k", "cursor_up", "Up", "navigate", show=False),
    ],
    # The editors: the TextArea takes printable keys, so their keys are control and function keys.
    "design": [
        Key("design.save", "ctrl+s", "save", "Save", "write"),
        Key("design.close", "escape", "leave", "Close", "navigate", priority=True),  # before TextArea eats it
        Key("design.choice", "ctrl+t", "set_choice", "Choice", "decide"),
        Key("design.door", "ctrl+o", "set_door", "Door", "decide"),
        Key("design.new_decision", "ctrl+n", "new_decision", "New decision", "write"),
        Key("design.promote", "ctrl+r", "promote", "Promote", "write"),
        Key("design.external", "f4", "external", "$EDITOR", "write", show=False),
        Key("design.help", "f1", "app.help", "Help", "app"),
    ],
    "editor": [
        Key("editor.save", "ctrl+s", "save", "Save", "write"),
        Key("editor.close", "escape", "leave", "Close", "navigate", priority=True),
        Key("editor.external", "f4", "external", "$EDITOR", "write"),
        Key("editor.help", "f1", "app.help", "Help", "app"),
    ],
    "git": [
        Key("git.commit", "ctrl+s", "commit", "Commit", "git"),
        Key("git.close", "escape", "close", "Close", "navigate"),
    ],
    "dialog": [
        Key("dialog.cancel", "escape", "cancel", "Cancel", "navigate"),
    ],
    "help": [
        Key("help.close", "escape,q,question_mark,f1", "cancel", "Close", "navigate", display="esc"),
    ],
}


def bindings(scope: str) -> list[Binding]:
    return [k.binding() for k in _SCOPES[scope]]


def scopes() -> dict[str, list[Key]]:
    return {scope: list(group) for scope, group in _SCOPES.items()}


def by_id() -> dict[str, Key]:
    return {k.id: k for group in _SCOPES.values() for k in group}


def all_ids() -> set[str]:
    return set(by_id())


def group_of(binding_id: str | None) -> str | None:
    """The help group of one of adrtool's bindings; None for a binding Textual's widgets bring."""
    key = by_id().get(binding_id or "")
    return key.group if key else None


def keymap_from_settings(settings: dict) -> tuple[dict[str, str], list[str]]:
    """(Textual keymap, warnings) from the `[tool.adrtool.keys]` table; unknown ids are warned about, not fatal."""
    table = settings.get("keys") if isinstance(settings, dict) else None
    if not isinstance(table, dict):
        return {}, []
    known = all_ids()
    keymap, warnings = {}, []
    for binding_id, keys in table.items():
        if binding_id not in known:
            warnings.append(f"[tool.adrtool.keys]: unknown key id '{binding_id}'")
        elif not isinstance(keys, str) or not keys.strip():
            warnings.append(f"[tool.adrtool.keys]: '{binding_id}' must be a key such as \"ctrl+n\"")
        else:
            keymap[binding_id] = keys
    return keymap, warnings


_NAMES = {"question_mark": "?", "slash": "/", "right_square_bracket": "]", "left_square_bracket": "["}


def markdown_table() -> str:
    """The key map for the README: one row per id, with every screen it works on."""
    lines = ["| Group | Key | Action | Where | Id (for `[tool.adrtool.keys]`) |", "|---|---|---|---|---|"]
    where: dict[str, list[str]] = {}
    first: dict[str, Key] = {}
    for scope, group in _SCOPES.items():
        for k in group:
            where.setdefault(k.id, []).append(scope)
            first.setdefault(k.id, k)
    for group in GROUPS:
        for binding_id, k in first.items():
            if k.group == group:
                keys = " ".join(f"`{_NAMES.get(x.strip(), x.strip())}`" for x in k.keys.split(","))
                lines.append(f"| {GROUP_TITLES[group]} | {keys} | {k.description} | {', '.join(where[binding_id])} | `{k.id}` |")
    return "\n".join(lines) + "\n"
