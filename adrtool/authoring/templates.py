"""Record templates: the repository's own when it has one, otherwise adrtool's.

adrtool's templates live in the top-level `templates/` folder of the source
tree and are installed inside the package as `adrtool/templates/`.  Which one
a new record gets follows its tags: a one-way door (or anything not tagged as
cheap) gets the full form; an arbitrary two-way decision gets the quick form.
"""

from __future__ import annotations

import re
from pathlib import Path

import adrtool
from adrtool.model import Choice, Door
from adrtool.store import StoreError, read_text

OURS = ("full", "quick", "nygard", "nygard-quick", "first-record")

# Where each tool keeps a repository's own template, relative to the decision folder.
REPOSITORY_TEMPLATES = (
    "templates/template.md",  # adr-tools
    "template.md",  # log4brains
    "adr-template.md",  # MADR
)

# adr-tools' own placeholders; it replaces the first occurrence of each (`sed s|NUMBER|n|`).
# phodal's `adr` writes `{NUMBER}`, `{TITLE}`, `{DATE}` and replaces every one.
_FILL = re.compile(r"\{\{\s*(\w+)\s*\}\}|\{(NUMBER|TITLE|DATE)\}|\b(NUMBER|TITLE|DATE|STATUS)\b")


def template_dir() -> Path:
    packaged = Path(adrtool.__file__).resolve().parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(adrtool.__file__).resolve().parent.parent / "templates"  # a source checkout


def ours(name: str) -> str:
    path = template_dir() / f"{name}.md"
    try:
        return read_text(path)
    except OSError:
        raise StoreError(f"{path}: adrtool's template '{name}' is missing; reinstall adrtool") from None


def is_quick(choice: Choice | None, door: Door | None) -> bool:
    return choice is Choice.ARBITRARY and door is Door.TWO_WAY


def our_name(dialect: str, choice: Choice | None, door: Door | None) -> str:
    quick = is_quick(choice, door)
    if dialect == "nygard":
        return "nygard-quick" if quick else "nygard"
    return "quick" if quick else "full"


def repository_template(folder: Path) -> Path | None:
    for rel in REPOSITORY_TEMPLATES:
        candidate = folder / rel
        # An empty template (phodal's `adr` repository has one) is no template.
        if candidate.is_file() and candidate.stat().st_size > 0:
            return candidate
    return None


def named(name: str, root: Path) -> tuple[str, str, bool]:
    """`--template NAME`: one of ours by name, or a file (relative to the current folder or the repository)."""
    if name in OURS:
        return name, ours(name), True
    for candidate in (Path(name), root / name):
        if candidate.is_file():
            try:
                return str(candidate), read_text(candidate), False
            except (OSError, UnicodeDecodeError) as exc:
                raise StoreError(f"{candidate}: cannot read template: {exc}") from None
    raise StoreError(f"no template '{name}' (adrtool's are {', '.join(OURS)}; or give a file)")


_NUMBER_LEAD = re.compile(r"(?:\{\{\s*number\s*\}\}|\{NUMBER\}|\bNUMBER\b)\.[ \t]+")


def fill(text: str, values: dict[str, str]) -> str:
    """Our `{{name}}` placeholders, and adr-tools' NUMBER/TITLE/DATE/STATUS (first occurrence each).

    One pass, so a title that contains the word DATE is not filled in again.
    """
    used: set[str] = set()
    if values.get("number") == "":  # a record named by its day has no number: `# NUMBER. Title` becomes `# Title`
        text = _NUMBER_LEAD.sub("", text, count=1)

    def replace(m: re.Match) -> str:
        if m.group(1):
            return values.get(m.group(1), m.group(0))
        if m.group(2):
            return values.get(m.group(2).lower(), m.group(0))
        word = m.group(3)
        if word in used or word.lower() not in values:
            return word
        used.add(word)
        return values[word.lower()]

    return _FILL.sub(replace, text)


def strip_front_matter(text: str) -> str:
    """Our templates carry front matter; a bullet-dialect record gets the body only."""
    from adrtool import frontmatter

    lines = text.splitlines(keepends=True)
    end = frontmatter.find_block(lines)
    if end is None:
        return text
    return "".join(lines[end + 1 :]).lstrip("\r\n")
