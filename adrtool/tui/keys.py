"""Every key binding of the UI, in one place.

Each binding has a stable id so users can rebind it in `[tool.adrtool.keys]`
(e.g. `"decision.new" = "ctrl+n"`); Textual's keymap does the rebinding.
Widgets take their bindings from here by scope instead of declaring their own.
"""

from __future__ import annotations

from textual.binding import Binding

# scope -> bindings.  `show=True` only for the few keys that matter in the footer.
_BINDINGS: dict[str, list[Binding]] = {
    "app": [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help", key_display="?"),
        Binding("slash", "focus_filter", "Filter", id="app.filter", key_display="/"),
        Binding("g", "git", "Git", id="app.git"),
        Binding("R", "branch_review", "Review branch", show=False, id="app.review_branch"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload"),
        Binding("x", "toggle_closed", "Hide closed", show=False, id="app.toggle_closed"),
        Binding("A", "ai_cancel", "Cancel AI", id="app.ai_cancel"),  # only while an AI action runs
        Binding("0", "quadrant('')", "All quadrants", show=False, id="app.quadrant.all"),
        Binding("1", "quadrant('deliberate/one-way')", "Deliberate one-way", show=False, id="app.quadrant.1"),
        Binding("2", "quadrant('deliberate/two-way')", "Deliberate two-way", show=False, id="app.quadrant.2"),
        Binding("3", "quadrant('arbitrary/one-way')", "Arbitrary one-way", show=False, id="app.quadrant.3"),
        Binding("4", "quadrant('arbitrary/two-way')", "Arbitrary two-way", show=False, id="app.quadrant.4"),
        Binding("5", "quadrant('untagged')", "Untagged", show=False, id="app.quadrant.untagged"),
    ],
    "table": [
        Binding("j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up"),
        Binding("n", "app.new_decision", "New", id="decision.new"),
        Binding("e", "app.edit", "Edit", id="decision.edit"),
        Binding("E", "app.external_edit", "$EDITOR", show=False, id="decision.external_edit"),
        Binding("c", "app.set_choice", "Choice", id="decision.choice"),
        Binding("d", "app.set_door", "Door", id="decision.door"),
        Binding("s", "app.set_status", "Status", id="decision.status"),
        Binding("S", "app.supersede", "Supersede", show=False, id="decision.supersede"),
        Binding("l", "app.link", "Link", show=False, id="decision.link"),
        Binding("o", "app.open_document", "Open doc", show=False, id="decision.open_document"),
        Binding("f", "app.follow_link", "Follow link", show=False, id="decision.follow_link"),
        Binding("a", "app.ai_review", "AI review", id="decision.ai_review"),  # only when AI is enabled
    ],
    "quadrant": [
        Binding("left,h", "move(-1, 0)", "Left", show=False, id="quadrant.left"),
        Binding("right,l", "move(1, 0)", "Right", show=False, id="quadrant.right"),
        Binding("up,k", "move(0, -1)", "Up", show=False, id="quadrant.up"),
        Binding("down,j", "move(0, 1)", "Down", show=False, id="quadrant.down"),
        Binding("enter,space", "select", "Filter by quadrant", id="quadrant.select"),
    ],
    "filter": [
        Binding("escape", "app.leave_filter", "Back to table", id="filter.leave"),
    ],
    "editor": [
        Binding("ctrl+s", "save", "Save", id="editor.save"),
        Binding("escape", "leave", "Close", id="editor.close", priority=True),  # before TextArea eats it
        Binding("ctrl+e", "external", "$EDITOR", id="editor.external"),
        Binding("f1", "app.help", "Help", id="editor.help"),
    ],
    "document": [
        Binding("escape,q", "app.pop_screen", "Close", id="document.close"),
        Binding("j", "cursor_down", "Next", show=False, id="document.down"),
        Binding("k", "cursor_up", "Previous", show=False, id="document.up"),
    ],
    "git": [
        Binding("ctrl+s", "commit", "Commit", id="git.commit"),
        Binding("escape", "app.pop_screen", "Close", id="git.close"),
    ],
    "dialog": [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ],
}


def bindings(scope: str) -> list[Binding]:
    return list(_BINDINGS[scope])


def all_bindings() -> list[Binding]:
    return [b for group in _BINDINGS.values() for b in group]


def all_ids() -> set[str]:
    return {b.id for b in all_bindings() if b.id}


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


def markdown_table() -> str:
    """The key map for the README."""
    lines = ["| Where | Key | Action | Id (for `[tool.adrtool.keys]`) |", "|---|---|---|---|"]
    names = {"question_mark": "?", "slash": "/"}
    for scope, group in _BINDINGS.items():
        for b in group:
            keys = " ".join(f"`{names.get(k.strip(), k.strip())}`" for k in b.key.split(","))
            lines.append(f"| {scope} | {keys} | {b.description} | `{b.id}` |")
    return "\n".join(lines) + "\n"
