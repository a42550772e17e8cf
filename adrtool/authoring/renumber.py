"""Give a record a new number: rename its file, fix its title, and rewrite every reference to it.

References are found by what they point at, not by their spelling: a
Markdown link is rewritten when its target resolves to the record's file
(`0012-x.md`, `./0012-x.md#status`, `../adr/0012-x.md`), a front-matter link
list item when it resolves to the record (`supersedes: [12]`), and an
`ADR-0012` mention anywhere outside code and URLs.  Mentions by number are
left alone when another record shares the old number (the collision
`renumber` is usually run to fix), since they may mean that other record.
Every edit changes only the characters of the reference itself.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from adrtool import frontmatter, store
from adrtool.authoring.changes import Change
from adrtool.model import Decision, Kind, Relation
from adrtool.sections import outside_fences
from adrtool.store import StoreError

_NAME = re.compile(r"^(?P<prefix>[A-Za-z]*[-_ ]*)(?P<digits>\d{1,5})(?P<rest>(?:[-_. ].*)?)$")
_H1_NUMBER = re.compile(r"^(?P<lead>#[ \t]+(?:(?:ADR|adr|Adr|RFC|rfc)[ \t#_-]*)?)(?P<digits>\d{1,5})(?=[ \t.:)\-–—]|$)")
_LINK_KEYS = tuple(r.value for r in Relation)  # the front-matter keys are the relation names
# One pass over a line: URLs are skipped, inline links and mentions rewritten.
_TOKENS = re.compile(
    r"(?P<url>\b(?:https?|ftp)://[^\s)>\]]+)"
    r"|(?P<wiki>\[\[(?P<page>[^\]|#\n]+)(?P<wtail>[#|][^\]\n]*)?\]\])"  # Obsidian's `[[0012-x]]`, `[[0012-x|ADR 12]]`
    r"|(?P<link>\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<dest>[^)\s]*)(?P<title>\s+\"[^\"]*\")?\))"
    r"|(?P<mention>\b(?:ADR|adr|Adr)(?P<sep>[-_ #]?)(?P<num>\d{1,5})\b)"
)
_REFERENCE_DEF = re.compile(r"^(?P<lead>[ ]{0,3}\[[^\]]+\]:[ \t]*<?)(?P<dest>[^\s>]+)")
_LEADING_NUMBER = re.compile(r"^(?P<lead>\s*)(?P<digits>\d{1,5})(?=[.:)\s]|$)")
# reStructuredText references to a file: `:doc:` roles (`0007-x`, `text <0007-x>`), inline links
# (`text <0007-x.rst>`_) and hyperlink targets (`.. _label: 0007-x.rst`).
_RST_DOC = re.compile(r":doc:`(?:[^`<]*<)?(?P<target>[^`<>]+)(?P<end>>?`)")
_RST_LINK = re.compile(r"`[^`<]*<(?P<dest>[^>`\s]+\.rst(?:#[^>`]*)?)>`_")
_RST_LABEL = re.compile(r"^[ \t]*\.\.[ \t]+_(?P<label>[^:`]+):")
_RST_TARGET = re.compile(r"^(?:[ \t]*\.\.[ \t]+_[^:]+:[ \t]+)(?P<dest>\S+\.rst(?:#\S*)?)[ \t]*$", re.MULTILINE)


def digits_for(number: int, written: str) -> str:
    """`number` in the zero padding of `written` ('0012' -> '0007'; '12' -> '7')."""
    width = len(written) if written.startswith("0") and len(written) > 1 else 0
    return f"{number:0{width}d}"


def _padding_example(repo, decision: Decision, digits: str) -> str:
    """The digits whose padding a new file name follows: its own, else a padded sibling's."""
    if digits.startswith("0"):
        return digits
    folder = PurePosixPath(decision.path).parent

    def padded(path: str) -> bool:
        m = _NAME.match(PurePosixPath(path).stem)
        return bool(m) and PurePosixPath(path).parent == folder and m.group("digits").startswith("0")

    sibling = repo.first_record(where=padded)
    return _NAME.match(PurePosixPath(sibling.path).stem).group("digits") if sibling is not None else digits


def new_path(repo, decision: Decision, new_number: int) -> str:
    path = PurePosixPath(decision.path)
    m = _NAME.match(path.stem)
    if not m or int(m.group("digits")) != decision.number:
        raise StoreError(f"{decision.path}: the file name carries no number to change")
    digits = digits_for(new_number, _padding_example(repo, decision, m.group("digits")))
    return str(path.with_name(f"{m.group('prefix')}{digits}{m.group('rest')}{path.suffix}"))


def _current_branch(root: Path) -> str | None:
    try:
        proc = subprocess.run(["git", "symbolic-ref", "--short", "-q", "HEAD"], cwd=root,
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.strip() or None


def _check_free(repo, decision: Decision, new_number: int, target: str) -> None:
    from adrtool.authoring.numbering import branch_numbers

    taken = repo.numbered(new_number)
    if taken:
        raise StoreError(f"number {new_number} is taken by {taken[0].path}; choose another")
    if (repo.root / target).exists():
        raise StoreError(f"{target}: already exists; choose another number")
    # A number used on another branch collides as soon as that branch merges.
    current = _current_branch(repo.root)
    branches = [b for b in branch_numbers(repo.root, repo.config.dirs).get(new_number, []) if b != current]
    if branches:
        raise StoreError(f"number {new_number} is used on branch {', '.join(sorted(branches))}; choose another")


class _Rewriter:
    """Rewrites the references to one record inside one file's text."""

    def __init__(self, repo, decision: Decision, new_rel: str, new_number: int, mentions: bool):
        self.repo = repo
        self.decision = decision
        self.old_number = decision.number
        self.new_number = new_number
        self.new_name = PurePosixPath(new_rel).name
        self.old_path = decision.path
        self.mentions = mentions

    # -- single references ----------------------------------------------------
    def _points_here(self, source: str, dest: str) -> bool:
        target = unquote(dest.split("#", 1)[0])
        if not target or "://" in target or not target.lower().endswith((".md", ".rst")):
            return False
        joined = os.path.normpath(str(PurePosixPath(source).parent / target)).replace(os.sep, "/")
        return joined == self.old_path

    def _dest(self, dest: str) -> str:
        path, _, anchor = dest.partition("#")
        head, _, name = path.rpartition("/")
        new = quote(self.new_name, safe="._-~") if name != unquote(name) else self.new_name
        return (head + "/" if head or path.startswith("/") else "") + new + ("#" + anchor if anchor else "")

    def _number(self, written: str) -> str:
        return digits_for(self.new_number, written)

    def _mention(self, m: re.Match) -> str:
        if not self.mentions or int(m.group("num")) != self.old_number:
            return m.group(0)
        return m.group(0)[: m.start("num") - m.start()] + self._number(m.group("num"))

    def _link_text(self, text: str) -> str:
        """'12. Foo' or 'ADR-0012' as the text of a link to the record."""
        m = _LEADING_NUMBER.match(text)
        if m and int(m.group("digits")) == self.old_number:
            text = m.group("lead") + self._number(m.group("digits")) + text[m.end():]
        return _TOKENS.sub(self._token_in_text, text)

    def _token_in_text(self, m: re.Match) -> str:
        return self._mention(m) if m.group("mention") else m.group(0)

    def line(self, source: str, line: str) -> str:
        def token(m: re.Match) -> str:
            if m.group("url"):
                return m.group(0)
            if m.group("mention"):
                return self._mention(m)
            if m.group("wiki"):
                if m.group("page").strip() != PurePosixPath(self.old_path).stem:
                    return m.group(0)
                tail = m.group("wtail") or ""
                return f"[[{PurePosixPath(self.new_name).stem}{_TOKENS.sub(self._token_in_text, tail)}]]"
            if self._points_here(source, m.group("dest")):
                return f"[{self._link_text(m.group('text'))}]({self._dest(m.group('dest'))}{m.group('title') or ''})"
            return f"[{_TOKENS.sub(self._token_in_text, m.group('text'))}]({m.group('dest')}{m.group('title') or ''})"

        ref = _REFERENCE_DEF.match(line)
        if ref and self._points_here(source, ref.group("dest")):
            return ref.group("lead") + self._dest(ref.group("dest")) + line[ref.end():]
        return _TOKENS.sub(token, line)

    def front_matter_item(self, source: Decision, item: str) -> str | None:
        """A link-list item ('12', '0012', 'ADR-0012', '0012-x.md') rewritten, or None if it is not ours."""
        digits = re.findall(r"\d+", item)
        named = PurePosixPath(self.old_path).name in unquote(item)
        if not named and not (digits and int(digits[-1]) == self.old_number):
            return None  # cheap test before resolving, which looks at every record
        if self.repo.resolve_link(source, item) is not self.decision:
            return None
        if item.lower().endswith(".md") or "#" in item:
            return self._dest(item) if self._points_here(source.path, item) else None
        m = re.fullmatch(r"(?P<lead>\D*)(?P<digits>\d+)", item)
        if m and int(m.group("digits")) == self.old_number:
            return m.group("lead") + self._number(m.group("digits"))
        return None

    # -- reStructuredText -----------------------------------------------------
    def _rst_line(self, source: str, line: str) -> str:
        """`:doc:` roles, `text <0007-x.rst>`_ links and `.. _label: 0007-x.rst` targets to the record."""
        def doc(m: re.Match) -> str:
            target = m.group("target")
            joined = os.path.normpath(str(PurePosixPath(source).parent / target)).replace(os.sep, "/")
            if target.startswith("/") or joined not in (self.old_path, self.old_path[:-4]):
                return m.group(0)
            new = self.new_name if target.endswith(".rst") else self.new_name[:-4]
            head = target.rpartition("/")[0]
            return m.group(0)[: m.start("target") - m.start()] + (head + "/" if head else "") + new + m.group("end")

        def dest(m: re.Match) -> str:
            if not self._points_here(source, m.group("dest")):
                return m.group(0)
            return m.group(0)[: m.start("dest") - m.start()] + self._dest(m.group("dest")) + m.group(0)[m.end("dest") - m.start():]

        if ":doc:`" in line:
            line = _RST_DOC.sub(doc, line)
        label = _RST_LABEL.match(line) if ".. _" in line else None
        if label:  # `.. _ADR-7:` names the record by its number, as `:ref:\`ADR-7\`` does (rewritten below)
            line = line[: label.start("label")] + _TOKENS.sub(self._token_in_text, label.group("label")) + line[label.end("label"):]
        if ".rst" in line:
            line = _RST_TARGET.sub(dest, _RST_LINK.sub(dest, line))
        return self.line(source, line)

    def _rst_title(self, lines: list[str]) -> None:
        """The record's own title number (`7. Title`), its adornment lines kept as long as the title."""
        from adrtool.dialects.rst_structure import column_width, titles

        found = titles(lines)
        if not found:
            return
        title = found[0]
        line = lines[title.line]
        m = _LEADING_NUMBER.match(line)
        if not m or int(m.group("digits")) != self.old_number:
            return
        lines[title.line] = m.group("lead") + self._number(m.group("digits")) + line[m.end():]
        width = column_width(lines[title.line].strip())
        for i in {title.first, title.last} - {title.line}:
            adornment = lines[i].rstrip("\r\n")
            if adornment and len(adornment) < width:
                lines[i] = adornment + adornment[0] * (width - len(adornment)) + lines[i][len(adornment):]

    # -- a whole file ---------------------------------------------------------
    def text(self, source: Decision, text: str, own: bool) -> str:
        lines = text.splitlines(keepends=True)
        if source.path[-4:].lower() == ".rst":
            if own:
                self._rst_title(lines)
            return "".join(self._rst_line(source.path, line) for line in lines)
        fm_end = frontmatter.find_block(lines)
        if fm_end is not None:
            self._front_matter(source, lines, fm_end)
        start = fm_end + 1 if fm_end is not None else 0
        title_done = not own
        for i, line in outside_fences(lines, start):
            if not title_done and line.startswith("# "):
                title_done = True
                m = _H1_NUMBER.match(line)
                if m and int(m.group("digits")) == self.old_number:
                    line = m.group("lead") + self._number(m.group("digits")) + line[m.end():]
                    lines[i] = line
                    continue
            lines[i] = self.line(source.path, line)
        return "".join(lines)

    def _front_matter(self, source: Decision, lines: list[str], end: int) -> None:
        try:
            fm = frontmatter.parse(lines)
        except frontmatter.FrontMatterError:
            return  # unreadable front matter is the user's to fix; do not guess inside it
        keys = sorted(fm.key_lines.items(), key=lambda kv: kv[1])
        for n, (key, start) in enumerate(keys):
            stop = keys[n + 1][1] if n + 1 < len(keys) else end
            if key.lower() in _LINK_KEYS:
                values = fm.data.get(key)
                items = values if isinstance(values, list) else [values]
                for item in (str(v) for v in items if v not in (None, "")):
                    new = self.front_matter_item(source, item)
                    if new is not None:
                        self._replace_item(lines, start, stop, item, new)
            else:
                for i in range(start, stop):
                    lines[i] = self.line(source.path, lines[i])

    @staticmethod
    def _replace_item(lines: list[str], start: int, stop: int, old: str, new: str) -> None:
        pattern = re.compile(r"(?<![\w./-])" + re.escape(old) + r"(?![\w./-])")
        for i in range(start, stop):
            replaced = pattern.sub(lambda _m: new, lines[i], count=1)
            if replaced != lines[i]:
                lines[i] = replaced
                return


def _files_to_scan(repo) -> list[str]:
    """Every Markdown file a reference can live in: the decision and design folders
    (indexes and READMEs included) and the repository's top level.

    The store's walk as path strings, made relative by string work: at 10,000 records
    a `Path` per file cost half of this plan (bench/README.md, issue 14)."""
    found: dict[str, None] = {}
    problems: list = []
    prefix = str(repo.root) + os.sep

    def rel(path: str) -> str:
        return path[len(prefix):].replace(os.sep, "/") if path.startswith(prefix) else repo.config.rel(Path(path))

    for folder in [*repo.config.dirs, *repo.config.design_dirs]:
        for path in store.walk_markdown_paths(folder, problems, repo.root):
            found[rel(path)] = None
    try:
        with os.scandir(repo.root) as entries:
            top = sorted(e.path for e in entries if len(e.name) > 3 and e.name[-3:].lower() == ".md" and e.is_file())
    except OSError:
        top = []
    for path in top:
        found[rel(path)] = None
    return list(found)


def _may_refer(decision: Decision):
    """A quick test for text that may refer to the record: its file name, an ADR-n mention,
    or its number in a front-matter link list.  Plain substring tests go first, since
    a renumber reads every file of a 10,000-record log; false positives only cost time."""
    name = PurePosixPath(decision.path).name
    names = {name, quote(name)}
    if name[-4:].lower() == ".rst":
        names.add(name[:-4])  # `:doc:` names a document without its extension
    names.add("[[" + PurePosixPath(name).stem)  # an Obsidian wiki link names the page by its stem
    number = rf"0*{decision.number}(?!\d)"
    mention = re.compile(rf"(?:ADR|adr|Adr)[-_ #]?{number}")
    keys = "|".join(_LINK_KEYS)
    listed = re.compile(rf"^(?:(?:{keys})[ \t]*:.*(?<![\w.-])|[ \t]+-[ \t]+['\"]?(?:ADR-?)?){number}", re.MULTILINE)

    digits = str(decision.number)  # in its file name (padded or not), and in every mention or list item

    def may_refer(text: str) -> bool:
        if digits not in text:
            return False  # one scan settles most files: every test below needs the number's digits
        if any(n in text for n in names):
            return True
        if ("ADR" in text or "adr" in text or "Adr" in text) and mention.search(text):
            return True
        end = text.find("\n---", 3) if text.startswith("---") else -1
        return end > 0 and bool(listed.search(text, 0, end))

    return may_refer


def renumber(repo, decision: Decision, new_number: int) -> list[Change]:
    """The changes that give `decision` number `new_number`: a rename plus every reference rewritten."""
    if decision.kind is not Kind.RECORD or decision.number is None:
        raise StoreError(f"{decision.path}: '{decision.id}' has no number to change")
    if new_number < 0 or new_number > 99999:
        raise StoreError(f"{new_number}: a record number is between 0 and 99999")
    if new_number == decision.number:
        raise StoreError(f"{decision.path}: is already number {new_number}")
    target = new_path(repo, decision, new_number)
    _check_free(repo, decision, new_number, target)
    twins = [d for d in repo.numbered(decision.number) if d is not decision]
    rewriter = _Rewriter(repo, decision, target, new_number, mentions=not twins)
    may_refer = _may_refer(decision)
    changes: list[Change] = []
    for rel in _files_to_scan(repo):
        try:
            before = repo.text(rel)
        except (OSError, UnicodeDecodeError):
            continue  # the store reported it when loading; nothing of ours can be read in it
        if rel != decision.path and not may_refer(before):
            continue  # cheap test first: most files never mention the record
        source = repo.record_at(rel) or Decision(id=rel, title=rel, path=rel)
        after = rewriter.text(source, before, own=rel == decision.path)
        if rel == decision.path:
            changes += [Change(target, None, after), Change(rel, before, None)]
        elif after != before:
            changes.append(Change(rel, before, after))
    return changes


def shared_number_note(repo, decision: Decision) -> str | None:
    """A warning when other records share the old number: their mentions were not rewritten."""
    twins = [d.path for d in repo.numbered(decision.number) if d is not decision]
    if not twins:
        return None
    return (f"{', '.join(twins)} also carries number {decision.number}: mentions by number "
            f"(ADR-{decision.id}) were left as they are; links by file name were rewritten")
