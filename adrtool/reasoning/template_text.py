"""Template text: what a record still holds of the form it was made from.  It never counts as reasoning.

Template text is, line by line:
- a line of the template the record was made from: adrtool's own forms
  (`templates/*.md`), the repository's own template when it has one (where
  adr-tools, log4brains and MADR keep it, as `authoring/templates.py` looks
  for it), and the forms of the common tools, written here because they live
  outside the repository (adr-tools' `template.md`, phodal's `adr` templates
  in its seven languages);
- HTML comments, `{...}` and `<...>` placeholders, `[...]` that is not a link;
- a line with "TODO", "TBD" or "FIXME" in it; "...", "…", and short lines
  that end in "..." ("Context here...");
- what is left of a line once those are gone when it is only a label
  ("Good, because", "Chosen option: , because .", "- **What:**").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from adrtool.vocabulary import strip_accents

# Sentences of other tools' forms (adr-tools' template; phodal's `adr` templates, npm package `adr` 1.5.2,
# lib/templates/{en,fa,fr,it-IT,pt-br,ru,zh-cn}.md).  Compared after `key()`.
KNOWN_TEMPLATE_LINES = (
    "The issue motivating this decision, and any context that influences or constrains the decision.",
    "The change that we're proposing or have agreed to implement.",
    "What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.",
    "Context here...", "Decision here...", "Consequences here...",
    "Contexte ici...", "Décision ici...", "Conséquences ici...",
    "Inserisci informazioni di contesto qui...", "Inserisci i dettagli della decisione qui...",
    "Inserisci le conseguenze della decisione qui...",
    "Aqui vem o contexto...", "Aqui vem a decisão...", "Aqui vem a consequência...",
    "Описание контекста...", "Описание решения...", "Описание последствий...",
    "زمینه تصمیم را اینجا بنویسید", "نتایج را اینجا بنویسید",
    "在这里补充上下文...", "在这里补充上决策信息...", "在这里记录结果...",
)
# Where a repository keeps its own template, relative to a decision folder (as authoring/templates.py).
REPOSITORY_TEMPLATES = ("templates/template.md", "template.md", "adr-template.md")
# adrtool's forms; first-record.md is a real record, not a form.
OUR_FORMS = ("full.md", "quick.md", "nygard.md", "nygard-quick.md")

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_OPEN_COMMENT = re.compile(r"<!--.*$", re.DOTALL)
_PLACEHOLDER_SPANS = re.compile(r"\{[^{}\n]*\}|\{\{[^\n]*?\}\}|<[^<>\n]*>|\[[^\[\]\n]*\](?![(\[])")
_MARKERS = re.compile(r"\b(?:TODO|TBD|FIXME|XXX)\b|\.\.\.+|…", re.IGNORECASE)
_LIST_LEAD = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Words a form's label is made of: what is left when only these remain was never filled in.
_LABEL_WORDS = frozenset(
    "good bad neutral because chosen option options what why this guess revisit when pro pros con cons e g eg "
    "i ie and or the a an see below above n na none tbd todo title description date status decision context "
    "consequences consequence positive negative example examples".split()
)


def key(line: str) -> str:
    """A line as comparable text: no comments, markup, list marker, case, accents or outer punctuation."""
    text = _COMMENT.sub(" ", line)
    text = _LIST_LEAD.sub("", text)
    text = re.sub(r"[*_`#>|]+", " ", (text if text.isascii() else strip_accents(text)).lower())
    return re.sub(r"\s+", " ", text).strip(" .,:;!?\"'")


def strip_placeholders(text: str) -> str:
    """`text` without comments, placeholders and TODO/TBD/… markers (what the author actually wrote)."""
    text = _COMMENT.sub(" ", text)
    text = _OPEN_COMMENT.sub(" ", text)
    text = _PLACEHOLDER_SPANS.sub(" ", text)
    return _MARKERS.sub(" ", text)


def is_placeholder(line: str) -> bool:
    """Whether a line holds nothing the author wrote: empty once placeholders go, or a bare label."""
    stripped = line.strip()
    if not stripped:
        return True
    words = [w.lower() for w in _WORD.findall(stripped)]
    if stripped.endswith(("...", "…")) and len(words) <= 6:
        return True  # "Context here...", "Aqui vem o contexto..."
    if any(w in ("todo", "tbd", "fixme") for w in words):
        return True  # "Bad, because TODO: name the downside" is an instruction, not a downside
    rest = [w for w in _WORD.findall(strip_placeholders(stripped))]
    return not any(strip_accents(w).lower() not in _LABEL_WORDS for w in rest)


def _lines_of(text: str) -> set[str]:
    out = set()
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue  # headings are structure, read by meaning
        k = key(strip_placeholders(line))
        if len(k.split()) >= 3:
            out.add(k)
    return out


@lru_cache(maxsize=1)
def _fixed_lines() -> frozenset[str]:
    """adrtool's own forms and the common tools' (package files: read once per process)."""
    import adrtool

    here = Path(adrtool.__file__).resolve().parent
    folder = here / "templates" if (here / "templates").is_dir() else here.parent / "templates"
    found: set[str] = {key(line) for line in KNOWN_TEMPLATE_LINES}
    for name in OUR_FORMS:
        try:
            found |= _lines_of((folder / name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return frozenset(found)


def repository_template_files(repo) -> list[Path]:
    folders = list(getattr(getattr(repo, "config", None), "dirs", None) or [])
    return [folder / rel for folder in folders for rel in REPOSITORY_TEMPLATES if (folder / rel).is_file()]


def template_lines(repo=None) -> frozenset[str]:
    """Every known template line, as `key()` text, with the repository's own templates.

    The repository's templates are read once per loaded repository, as its
    records are (`store.load`; the TUI loads afresh when a file changes), and
    kept on it in memory, never on disk: reading them again for each card made
    `review --all` quadratic in the folders a repository has.
    """
    fixed = _fixed_lines()
    if repo is None:
        return fixed
    kept = getattr(repo, "_template_lines", None)
    if kept is not None:
        return kept
    extra: set[str] = set()
    for path in repository_template_files(repo):
        try:
            extra |= _lines_of(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    found = fixed | extra if extra else fixed
    try:
        repo._template_lines = found
    except AttributeError:  # a stand-in repository with slots: read each time
        pass
    return found
