"""YAML front matter: reading it safely and editing one key without re-dumping.

Reading: a fast line parser handles the simple subset almost every decision
record uses (`key: scalar`, `key: [a, b]`, `key:` followed by `- item`
lines).  Anything else falls back to PyYAML, configured so that every scalar
stays the string that was written (no YAML 1.1 octal `0042` -> 34, no date
objects), duplicate keys are reported, and aliases are refused (no alias bombs).

Editing: `set_key` replaces the lines of one key (or inserts it) and leaves
every other byte of the file untouched: comments, key order, quoting and line
endings are the user's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FENCE = re.compile(r"^---[ \t]*\r?$")
_KEY_LINE = re.compile(r"^([A-Za-z_][\w .-]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$")
_KEY_NAME = re.compile(r"[A-Za-z_][\w .-]*")
_KEY_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_VALID_KEYS: dict[str, bool] = {}  # key -> whether `_KEY_NAME` matches it whole
# First characters after which `_simple_scalar` may not return the value as it is.
_NOT_PLAIN = frozenset("'\"&*!|>%@`{-?~nN")
_ITEM_LINE = re.compile(r"^[ \t]+-[ \t]+(.*?)[ \t]*\r?$|^-[ \t]+(.*?)[ \t]*\r?$")
_FLOW_SPECIAL = re.compile(r"['\"\[\]{}]")  # (one search in C, where a generator over the six took 1.5 us)
_PLAIN_SAFE = re.compile(r"^[^\s#&*!|>'\"%@`{}\[\],:?-][^#]*$|^-?\d[\w.:/ -]*$")


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass
class FrontMatter:
    """The parsed front matter of a file, with where each key lives."""

    data: dict[str, object] = field(default_factory=dict)
    # 0-based line index of each top-level key, and the index of the closing fence.
    key_lines: dict[str, int] = field(default_factory=dict)
    end_line: int = 0  # index of the closing '---' line
    present: bool = False


def split_lines(text: str) -> list[str]:
    """Lines with their endings kept, so that joining them gives the text back."""
    return text.splitlines(keepends=True)


def find_block(lines: list[str]) -> int | None:
    """Index of the closing fence if the text opens with front matter, else None."""
    if not lines or not FENCE.match(lines[0].lstrip("\ufeff")):
        return None
    for i in range(1, len(lines)):
        line = lines[i]
        if line[:3] in ("---", "...") and (FENCE.match(line) or line.rstrip("\r\n") == "..."):
            return i
    return None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        if value[0] == "'":
            return inner.replace("''", "'")
        return inner.replace('\\"', '"').replace("\\\\", "\\")
    return value


def _split_flow(inner: str) -> list[str] | None:
    if _FLOW_SPECIAL.search(inner) is None:  # the common case, `[a, b]`: no quotes to respect
        return [item for item in (part.strip() for part in inner.split(",")) if item]
    items: list[str] = []
    buf = ""
    quote = ""
    for c in inner:
        if quote:
            buf += c
            if c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
            buf += c
        elif c == ",":
            items.append(buf.strip())
            buf = ""
        elif c in "[]{}":
            return None
        else:
            buf += c
    if quote:
        return None
    if buf.strip():
        items.append(buf.strip())
    return [_unquote(i) for i in items if i]


def _simple_scalar(value: str) -> str | None:
    """The string of a plain or simply-quoted scalar, or None if it needs real YAML."""
    if not value:
        return ""
    if value[0] in "'\"":
        if len(value) >= 2 and value[-1] == value[0] and value[0] not in value[1:-1].replace("''", "").replace('\\"', ""):
            return _unquote(value)
        return None
    if " #" in value:
        value = value.split(" #", 1)[0].rstrip()
    if value[0] in "&*!|>%@`{" or value.startswith("- ") or value in ("-", "?"):
        return None
    if value in ("~", "null", "Null", "NULL"):
        return ""
    return value


def _fast_parse(lines: list[str], end: int) -> tuple[dict, dict] | None:
    data: dict[str, object] = {}
    key_lines: dict[str, int] = {}
    current: str | None = None
    valid, key_start, not_plain = _VALID_KEYS, _KEY_START, _NOT_PLAIN  # (locals: read for every line)
    for i in range(1, end):
        line = lines[i]
        if line[0] not in key_start:  # (a key line, the common case, is neither blank nor a comment)
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if line[0] not in " \t-":
                return None  # not a key (`_KEY_LINE` starts with a letter or '_'), not an item
            m = _ITEM_LINE.match(line)
            if current is None or not m:
                return None
            value = _simple_scalar(m.group(1) if m.group(1) is not None else m.group(2))
            target = data[current]
            if value is None or not isinstance(target, list):
                return None
            target.append(value)
            continue
        # `_KEY_LINE`, by string methods (its lazy groups retry the tail at every character).
        before, colon, value = line.partition(":")
        key = before.rstrip(" \t")
        ok = valid.get(key)
        if ok is None:
            ok = _KEY_NAME.fullmatch(key) is not None
            if len(valid) < 512:  # the few keys every record repeats (`status`, `date`...), checked once
                valid[key] = ok
        if not colon or not ok:
            return None
        if value[-1:] == "\n":
            value = value[:-1]
        if value[:1] in (" ", "\t"):
            value = value.lstrip(" \t")
            if value[-1:] == "\r":
                value = value[:-1]
            value = value.rstrip(" \t")
        elif value in ("", "\r"):
            value = ""
        else:
            return None
        if key in data:
            raise FrontMatterError(f"duplicate key '{key}' in front matter", i + 1)
        key_lines[key] = i
        if value.startswith("["):
            if not value.rstrip().endswith("]"):
                return None
            items = _split_flow(value.strip()[1:-1])
            if items is None:
                return None
            data[key] = items
            current = None
        elif value == "" or value.startswith("#"):
            data[key] = []  # a block list may follow; an empty value stays an empty list
            current = key
        else:
            # A plain value (`accepted`, `2024-01-10`) is its own string; anything else is `_simple_scalar`'s.
            scalar = value if value[0] not in not_plain and " #" not in value else _simple_scalar(value)
            if scalar is None:
                return None
            data[key] = scalar
            current = None
    # An empty key with no items is an empty value, not a list.
    for key, value in data.items():
        if value == [] and not any(
            lines[j].lstrip().startswith("-") for j in range(key_lines[key] + 1, min(end, key_lines[key] + 2))
        ):
            data[key] = ""
    return data, key_lines


def _yaml_parse(lines: list[str], end: int) -> tuple[dict, dict]:
    import yaml  # imported only when the fast path gives up

    text = "".join(lines[1:end])
    pure, compiled = _loaders(yaml)
    data = _NOTHING
    if compiled is not None:
        # libyaml reads such a block in a tenth of the time (600 against 60 us a file on real folders, where one
        # record in thirty has front matter the fast path leaves: `title: |`, flow mappings, nested keys). Any
        # error is read again by the pure loader, so that its message and line are the ones users have seen.
        try:
            data = _load(yaml, text, compiled)
        except (yaml.YAMLError, FrontMatterError):
            data = _NOTHING
    if data is _NOTHING:
        try:
            data = _load(yaml, text, pure)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            # `deciders: @alice, @bob` (MADR's deciders, seen across GitHub folders): YAML reserves `@` and
            # the backtick at the start of a plain value; quoting the value is the whole repair.
            reserved = re.search(r"found character '([@`])' that cannot start any token", problem)
            if reserved:
                problem += f" (quote the value: key: \"{reserved.group(1)}...\")"
            raise FrontMatterError(f"invalid YAML front matter: {problem}", line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _not_a_mapping(lines, end)
    key_lines: dict[str, int] = {}
    for i in range(1, end):
        m = _KEY_LINE.match(lines[i])
        if m and lines[i][0] not in " \t" and m.group(1) in data and m.group(1) not in key_lines:
            key_lines[m.group(1)] = i
    return {str(k): v for k, v in data.items()}, key_lines


_NOTHING = object()
_LOADER_CLASSES: list = []  # the two loader classes, made at the first front matter YAML reads (not a cache of data)


def _loaders(yaml):
    """(pure Python loader, libyaml loader or None), each keeping every scalar the string the user wrote."""
    if not _LOADER_CLASSES:
        def construct_mapping(loader, node, deep=False):
            seen: dict = {}
            for key_node, _ in node.value:
                key = loader.construct_object(key_node, deep=True)
                if key in seen:
                    raise FrontMatterError(f"duplicate key '{key}' in front matter", key_node.start_mark.line + 2)
                seen[key] = True
            return yaml.SafeLoader.construct_mapping(loader, node, deep=True)

        for base in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", None)):
            if base is None:
                _LOADER_CLASSES.append(None)
                continue
            # Every scalar stays the string the user wrote: no octal, no dates, no booleans.
            loader = type("_FrontMatterLoader", (base,), {"yaml_implicit_resolvers": {}})
            loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
            _LOADER_CLASSES.append(loader)
    return _LOADER_CLASSES[0], _LOADER_CLASSES[1]


def _load(yaml, text: str, loader):
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise FrontMatterError("YAML aliases are not allowed in front matter", event.start_mark.line + 2)
    return yaml.load(text, Loader=loader)


_GLUED_KEY = re.compile(r"^[A-Za-z_][\w.-]*:\S")


def _not_a_mapping(lines: list[str], end: int) -> FrontMatterError:
    """The error for front matter YAML reads as one string (`tag:Web Client`), naming its first line."""
    for i in range(1, end):
        line = lines[i].strip()
        if line and not line.startswith("#") and not _KEY_LINE.match(lines[i]):
            hint = " (a key needs a space after its colon)" if _GLUED_KEY.match(line) else ""
            return FrontMatterError(f"front matter is not a mapping of keys: '{line[:60]}'{hint}", i + 1)
    return FrontMatterError("front matter is not a mapping of keys", 2)


def salvage(lines: list[str]) -> tuple[FrontMatter, int | None]:
    """The plain `key: value` lines of front matter `parse` refused, and the 1-based line of the first other one.

    So that the rest of the file is still read, and the problem names the line that broke it.

    Seen in Ensembl/decisions (doc/adr/0005-unit-tests.md at ad5efe81a15d): `tag:Web Client` makes YAML read
    the whole block as one string; the record's title, status and body are still there to read.
    """
    end = find_block(lines)
    if end is None:
        return FrontMatter(), None
    data: dict[str, object] = {}
    key_lines: dict[str, int] = {}
    bad = None
    for i in range(1, end):
        m = _KEY_LINE.match(lines[i])
        value = _simple_scalar(m.group(2) or "") if m and lines[i][0] not in " \t" else None
        if value is not None and value[:1] in ("[", "{"):
            value = None  # a flow list or mapping `parse` refused: not guessed at
        if value is not None and m.group(1) not in data:
            data[m.group(1)] = value
            key_lines[m.group(1)] = i
        elif bad is None and lines[i].strip() and not lines[i].lstrip().startswith(("#", "- ")):
            bad = i + 1
    return FrontMatter(data=data, key_lines=key_lines, end_line=end, present=True), bad


def after_comment(lines: list[str]) -> int | None:
    """The index of a front matter's opening fence below a leading HTML comment, else None.

    A licence header comes first in REUSE-style repositories (ethersync/ethersync docs/decisions at
    f945a91bf3b3: `<!-- SPDX-FileCopyrightText: ... -->`, then `---`, `status: ...`, `---`).
    """
    if not lines or not lines[0].lstrip("\ufeff").startswith("<!--"):
        return None
    for i, line in enumerate(lines):
        if "-->" in line:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            return j if j < len(lines) and FENCE.match(lines[j]) and find_block(lines[j:]) else None
    return None


def parse_after_comment(lines: list[str], start: int) -> FrontMatter:
    """`parse` of the front matter opening at `start` (see `after_comment`), its line indices those of `lines`."""
    fm = parse(lines[start:])
    fm.end_line += start
    fm.key_lines = {key: i + start for key, i in fm.key_lines.items()}
    return fm


def parse(lines: list[str]) -> FrontMatter:
    """Parse the front matter at the top of `lines`; raises FrontMatterError when malformed."""
    end = find_block(lines)
    if end is None:
        return FrontMatter()
    parsed = _fast_parse(lines, end)
    if parsed is None:
        parsed = _yaml_parse(lines, end)
    data, key_lines = parsed
    return FrontMatter(data=data, key_lines=key_lines, end_line=end, present=True)


# ---- surgical editing -------------------------------------------------------


# Plain scalars YAML reads as no string (null, or a boolean in YAML 1.1, which PyYAML speaks): a status or a
# tag written as one of these words is quoted, or it would be read back as nothing (found by hypothesis:
# `status: null` came back empty).
_NOT_STRINGS = frozenset({"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"})


def _needs_quotes(value: str) -> bool:
    return not value or not _PLAIN_SAFE.match(value) or value.strip() != value or ": " in value \
        or value.lower() in _NOT_STRINGS


def format_scalar(value: str) -> str:
    if _needs_quotes(value):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def format_value(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_scalar(str(v)) for v in value) + "]"
    return format_scalar(str(value))


def _newline(lines: list[str]) -> str:
    for line in lines:
        if line.endswith("\r\n"):
            return "\r\n"
        if line.endswith("\n"):
            return "\n"
    return "\n"


def _key_extent(lines: list[str], start: int, end: int) -> int:
    """Index one past the last line belonging to the key at `start` (its block items)."""
    j = start + 1
    while j < end:
        line = lines[j]
        if line.strip() == "" or line[0] in " \t" or line.startswith("- ") or line.rstrip("\r\n") == "-":
            j += 1
            continue
        break
    # Do not swallow trailing blank lines.
    while j > start + 1 and lines[j - 1].strip() == "":
        j -= 1
    return j


def _keep_comment(old_line: str) -> str:
    """A trailing ' # comment' on the key's line, to carry over to its new value."""
    m = re.search(r"\s+#\s.*$", old_line.rstrip("\r\n"))
    if not m:
        return ""
    before = old_line[: m.start()]
    if before.count('"') % 2 or before.count("'") % 2:
        return ""
    return m.group(0)


def set_key(text: str, key: str, value: object | None, after: tuple[str, ...] = ()) -> str:
    """Return `text` with front-matter `key` set to `value` (None removes it).

    Only the lines of that key change.  A new key goes after the last of the
    keys named in `after` that exists, else at the end of the front matter.
    A file with no front matter gets one.
    """
    lines = split_lines(text)
    if text.startswith("<!--"):
        start = after_comment(lines)
        if start:  # the licence header stays above the front matter, untouched
            return "".join(lines[:start]) + set_key("".join(lines[start:]), key, value, after)
    nl = _newline(lines)
    end = find_block(lines)
    if end is None:
        if value is None:
            return text
        block = ["---" + nl, f"{key}: {format_value(value)}{nl}", "---" + nl]
        return "".join(block + lines)
    fm = parse(lines)
    if key in fm.key_lines:
        start = fm.key_lines[key]
        stop = _key_extent(lines, start, end)
        if value is None:
            return "".join(lines[:start] + lines[stop:])
        old = lines[start]
        ending = old[len(old.rstrip("\r\n")):] or nl
        actual_key = re.match(r"^(\S[^:]*?)\s*:", old).group(1)
        new_line = f"{actual_key}: {format_value(value)}{_keep_comment(old)}{ending}"
        if stop - start == 1 and lines[start] == new_line:
            return text
        return "".join(lines[:start] + [new_line] + lines[stop:])
    if value is None:
        return text
    insert_at = end
    for anchor in after:
        if anchor in fm.key_lines:
            insert_at = _key_extent(lines, fm.key_lines[anchor], end)
    new_line = f"{key}: {format_value(value)}{nl}"
    if insert_at > 0 and not lines[insert_at - 1].endswith(("\n", "\r")):
        lines[insert_at - 1] += nl
    return "".join(lines[:insert_at] + [new_line] + lines[insert_at:])
