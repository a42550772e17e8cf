"""The Documents screen: every design document (the home of inline decisions), and a new one.

A design document is a Markdown file in a `design-dirs` folder, or any
non-record file of a decision folder that holds inline decisions.  Enter opens
it in the design-document editor; `n` starts a new one.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from adrtool.model import Door
from adrtool.tui import inline_lines, keys, markup
from adrtool.tui.screens.dialogs import TextPrompt

_SLUG = re.compile(r"[^a-z0-9]+")


def design_documents(repo) -> list[str]:
    records = {d.path for d in repo.records}
    with_inline = {d.path for d in repo.inline}
    folders = [repo.config.rel(f) + "/" for f in repo.config.design_dirs]
    return sorted(p for p in set(repo.files) | with_inline
                  if p not in records and (p in with_inline or any(p.startswith(f) for f in folders)))


def new_document_path(repo, name: str) -> str:
    slug = _SLUG.sub("-", name.lower()).strip("-") or "design"
    folder = repo.config.design_dirs[0] if repo.config.design_dirs else repo.config.dirs[0]
    return f"{repo.config.rel(folder)}/{slug}.md"


class DocumentTable(DataTable):
    BINDINGS = [b for b in keys.bindings("documents") if b.id in ("documents.down", "documents.up")]


class DocumentsScreen(Screen):
    BINDINGS = [b for b in keys.bindings("documents") if b.id not in ("documents.down", "documents.up")]

    def __init__(self) -> None:
        super().__init__(id="documents")
        self.paths: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(" design documents: where inline decisions live", id="documents-title")
        yield DocumentTable(cursor_type="row", zebra_stripes=True, id="documents-table")
        yield Static(markup.muted("enter opens the editor · n starts a new document · decisions: "
                                  "inline (untagged, one-way to promote)"), id="documents-hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DocumentTable)
        table.add_column("Document", key="path")
        table.add_column("Decisions", key="count")
        table.add_column("Untagged", key="untagged")
        table.add_column("One-way", key="one-way")
        self.repo_changed(self.app.repo)
        table.focus()

    def repo_changed(self, repo, select: str | None = None) -> None:
        table = self.query_one(DocumentTable)
        keep = select or (self.paths[table.cursor_row] if self.paths and 0 <= table.cursor_row < len(self.paths) else None)
        self.paths = design_documents(repo)
        table.clear()
        for path in self.paths:
            inline = [d for d in repo.inline if d.path == path]
            untagged = sum(1 for d in inline if not d.is_tagged)
            one_way = sum(1 for d in inline if d.door is Door.ONE_WAY and not inline_lines.promoted(d))
            table.add_row(markup.escape(path), str(len(inline)), str(untagged) if untagged else "",
                          str(one_way) if one_way else "", key=path)
        if keep in self.paths:
            table.move_cursor(row=self.paths.index(keep))
        if not self.paths:
            self.query_one("#documents-hint", Static).update("no design documents yet: n starts one")

    def action_open(self) -> None:
        table = self.query_one(DocumentTable)
        if self.paths and 0 <= table.cursor_row < len(self.paths):
            self.app.open_editor(self.paths[table.cursor_row])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_close(self) -> None:
        self.dismiss()

    def action_new_document(self) -> None:
        app = self.app

        def check(name: str) -> str | None:
            if not name:
                return "a name, e.g. cache eviction"
            path = new_document_path(app.repo, name)
            return f"{path} exists already" if (app.repo.root / path).exists() else None

        def answered(name: str | None) -> None:
            if not name:
                return
            from adrtool.authoring.changes import Change

            path = new_document_path(app.repo, name)
            text = f"# {name.strip()}\n\n"
            app.apply_plan([Change(path, None, text)], "add", then=lambda _written: app.open_editor(path))

        app.push_screen(TextPrompt("New design document: its name", placeholder="cache eviction", check=check), answered)
