"""docutils, for what only a real reStructuredText parser can say.

Imported only when an RST file needs it (docutils costs ~40 ms to import):
the section titles of a file the fast line scan of `rst_structure` is not
sure about, and the document tree `rst_markdown` renders.  The parser runs
without transforms, quietly (no report on stderr), with file insertion and
raw output disabled: a record can neither read other files nor inject HTML.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _parser_and_settings():
    import docutils.frontend
    import docutils.parsers.rst

    parser = docutils.parsers.rst.Parser()
    settings = docutils.frontend.get_default_settings(docutils.parsers.rst.Parser)
    settings.report_level = 5  # nothing on stderr: problems are ours to report, once, naming the file
    settings.halt_level = 5
    settings.warning_stream = None
    settings.file_insertion_enabled = False  # `.. include::` reads no other file
    settings.raw_enabled = False
    settings.line_length_limit = 100_000
    return parser, settings


def doctree(text: str, source: str = "<record>"):
    """The document tree docutils' RST parser builds for `text` (no transforms applied)."""
    import docutils.utils

    parser, settings = _parser_and_settings()
    document = docutils.utils.new_document(source, settings)
    parser.parse(text, document)
    return document


def section_titles(text: str) -> list[tuple[str, int]]:
    """(title as written, nesting depth from 1) of every section, in document order."""
    from docutils import nodes

    out: list[tuple[str, int]] = []

    def visit(node, depth: int) -> None:
        for child in node.children:
            if isinstance(child, nodes.section):
                title = next((c for c in child.children if isinstance(c, nodes.title)), None)
                if title is not None:
                    out.append((title.rawsource, depth + 1))
                visit(child, depth + 1)

    visit(doctree(text), 0)
    return out
