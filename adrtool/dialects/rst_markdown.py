"""A reStructuredText record as readable Markdown, for the TUI's reading view and the digest.

docutils parses the record (see `rst_docutils`); this module walks its tree
and writes Markdown: headings by section depth, paragraphs, lists, field
lists, literal blocks as fences, admonitions as quotes, tables, links with
their targets resolved.  Sphinx's roles (`:ref:`, `:doc:`) and directives are
unknown to plain docutils; their text is kept, never dropped.  Readable, not
a round trip: the record itself stays RST.
"""

from __future__ import annotations

import re

from adrtool.dialects import rst_docutils

_ROLE_TEXT = re.compile(r"^:(?:[\w-]+:)?[\w-]+:`(.*?)(?:\s*<([^>]*)>)?`$", re.DOTALL)
_ADMONITIONS = {"attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning", "admonition",
                "seealso"}


def convert(text: str) -> str:
    from docutils import nodes

    document = rst_docutils.doctree(text)
    targets = {}
    for target in document.findall(nodes.target):
        for name in target.get("names", []):
            if target.get("refuri"):
                targets[name] = target["refuri"]
    out = _Writer(targets, nodes).blocks(document.children, 0)
    return re.sub(r"\n{3,}", "\n\n", "\n\n".join(b for b in out if b.strip())).strip() + "\n"


class _Writer:
    def __init__(self, targets: dict[str, str], nodes):
        self.targets = targets
        self.n = nodes

    # ---- blocks ------------------------------------------------------------------
    def blocks(self, children, depth: int) -> list[str]:
        out: list[str] = []
        for child in children:
            out.extend(self.block(child, depth))
        return out

    def block(self, node, depth: int) -> list[str]:
        n = self.n
        if isinstance(node, n.section):
            title = next((c for c in node.children if isinstance(c, n.title)), None)
            head = [f"{'#' * min(depth + 1, 6)} {self.inline(title)}"] if title is not None else []
            return head + self.blocks([c for c in node.children if c is not title], depth + 1)
        if isinstance(node, n.paragraph):
            return [self.inline(node)]
        if isinstance(node, (n.bullet_list, n.enumerated_list)):
            return [self.listing(node, depth)]
        if isinstance(node, n.definition_list):
            items = []
            for item in node.children:
                term = next((self.inline(c) for c in item.children if isinstance(c, n.term)), "")
                body = [self.blocks(c.children, depth) for c in item.children if isinstance(c, n.definition)]
                text = "\n\n".join(b for part in body for b in part)
                items.append(f"**{term}**\n" + _indent(text, "  "))
            return items
        if isinstance(node, (n.field_list, n.docinfo)):
            return ["\n".join(self.field(f, depth) for f in node.children)]
        if isinstance(node, (n.literal_block, n.doctest_block)):
            classes = [c for c in node.get("classes", []) if c != "code"]
            return [f"```{classes[0] if classes else ''}\n{node.astext()}\n```"]
        if isinstance(node, n.block_quote):
            return [_indent("\n\n".join(self.blocks(node.children, depth)), "> ")]
        if isinstance(node, n.Admonition) or node.tagname in _ADMONITIONS:
            title = next((self.inline(c) for c in node.children if isinstance(c, n.title)), node.tagname.capitalize())
            body = "\n\n".join(self.blocks([c for c in node.children if not isinstance(c, n.title)], depth))
            return [_indent(f"**{title}:** {body}", "> ")]
        if isinstance(node, n.table):
            return [self.table(node)]
        if isinstance(node, n.transition):
            return ["---"]
        if isinstance(node, n.line_block):
            return ["  \n".join(self.inline(line) for line in node.findall(n.line))]
        if isinstance(node, (n.image,)):
            return [f"![{node.get('alt', '')}]({node.get('uri', '')})"]
        if isinstance(node, (n.topic, n.sidebar, n.rubric)):
            return [_indent("\n\n".join(self.block_children(node, depth)), "> ")]
        if isinstance(node, n.system_message):
            # An unknown (Sphinx) directive: keep its text, as docutils kept it.
            return [f"```\n{c.astext()}\n```" for c in node.children if isinstance(c, n.literal_block)
                    and "Unknown directive type" in node.astext()]
        if isinstance(node, (n.comment, n.target, n.substitution_definition, n.raw, n.pending, n.title)):
            return []
        if isinstance(node, (n.footnote, n.citation)):
            label = next((c.astext() for c in node.children if isinstance(c, n.label)), "")
            body = " ".join(self.blocks([c for c in node.children if not isinstance(c, n.label)], depth))
            return [f"[{label}] {body}"]
        if isinstance(node, n.Element) and node.children and not isinstance(node, n.TextElement):
            return self.blocks(node.children, depth)  # containers, compounds, figures...
        return [self.inline(node)] if node.astext().strip() else []

    def block_children(self, node, depth: int) -> list[str]:
        n = self.n
        out = [f"**{self.inline(c)}**" if isinstance(c, n.title) else "" for c in node.children if isinstance(c, n.title)]
        return out + self.blocks([c for c in node.children if not isinstance(c, n.title)], depth)

    def listing(self, node, depth: int) -> str:
        ordered = isinstance(node, self.n.enumerated_list)
        start = node.get("start", 1)
        items = []
        for i, item in enumerate(node.children):
            marker = f"{start + i}. " if ordered else "- "
            body = "\n\n".join(self.blocks(item.children, depth))
            items.append(marker + _indent(body, " " * len(marker)).lstrip())
        return "\n".join(items)

    def field(self, field, depth: int) -> str:
        n = self.n
        name = next((self.inline(c) for c in field.children if isinstance(c, n.field_name)), field.tagname)
        body = " ".join(b for c in field.children if isinstance(c, n.field_body) for b in self.blocks(c.children, depth))
        return f"- **{name}:** {body}"

    def table(self, node) -> str:
        n = self.n
        rows = [[" ".join(self.inline_text(e).split()).replace("|", "\\|") for e in row.children]
                for row in node.findall(n.row)]
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows[1:]])

    def inline_text(self, node) -> str:
        return " ".join(self.blocks(node.children, 0)) if node.children else ""

    # ---- inline ------------------------------------------------------------------
    def inline(self, node) -> str:
        n = self.n
        if node is None:
            return ""
        if isinstance(node, n.Text):
            return str(node).replace("\n", " ")
        inner = "".join(self.inline(c) for c in node.children)
        if isinstance(node, n.strong):
            return f"**{inner}**"
        if isinstance(node, (n.emphasis, n.title_reference)):
            return f"*{inner}*"
        if isinstance(node, n.literal):
            return f"`{node.astext()}`"
        if isinstance(node, n.reference):
            uri = node.get("refuri") or self.targets.get(node.get("refname", ""), "")
            return f"[{inner}]({uri})" if uri else inner
        if isinstance(node, n.problematic):
            # An unknown role (:ref:, :doc:): its text, or its target when it has no text.
            m = _ROLE_TEXT.match(node.astext())
            return (m.group(1) or m.group(2) or "").strip() if m else node.astext()
        if isinstance(node, n.image):
            return f"![{node.get('alt', '')}]({node.get('uri', '')})"
        if isinstance(node, (n.footnote_reference, n.citation_reference)):
            return f"[{inner}]"
        if isinstance(node, (n.target, n.system_message)):
            return inner if isinstance(node, n.target) else ""
        return inner


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line.strip() else prefix.rstrip() for line in text.splitlines())
