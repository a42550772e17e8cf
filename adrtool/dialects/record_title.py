"""A record's title as a reader says it: which line or field titles it, and what of that text is the title.

Split from `common.build` (the one caller), which keeps the rest of a record's fields: the heading or the `title`
field, an indented or escaped heading, the file name when nothing titles it, link syntax and a navigation trail
dropped, a draft label, the number prefix (`record_names.strip_title_number`) or the file's own name before the
title, the template's brackets, and whether the title's number disagrees with the file's.
"""

from __future__ import annotations

import re

from adrtool import record_names, vocabulary
from adrtool.sections import outside_fences

_INDENTED_H1 = re.compile(r"^ {1,3}#[ \t]+(\S.*?)[ \t#]*$")


def _indented_h1(lines: list[str]) -> str | None:
    """` # ADR: Repository Directory Traversal API`: CommonMark's heading indented by up to three spaces
    (nextflow-io/nextflow 2aad02f65758 adr/20250929-repository-directory-traversal.md).  Looked for only when
    no heading titles the record, so the fast heading scan stays as it is."""
    for _, line in outside_fences(lines):
        if line[:1] == " " and (m := _INDENTED_H1.match(line.rstrip("\r\n"))):
            return m.group(1)
        if line[:3] == "\\# " and line[3:].strip():  # an escaped one, `\# Use Markdown ...` (`escaped_headings`)
            return line[3:].strip()
    return None


_DRAFT_LABELS = frozenset({"DRAFT:", "Draft:"})
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)")


_TITLE_LINK = re.compile(r"\[([^\[\]]*)\]\([^)]*\)")
_STATUS_MARKER = re.compile(r"^\s*\[([^\[\]]+)\]\s+(?=\S)")


# A navigation trail before the title, each step a link back to a page above it: `# [ADR](./README.md) › Verteilter
# Systemaufbau` (neuro-inclusive-transit/development 5d821801318e adrs/002-backend-services-technology.md), as a site writes
# `[Home](/) » [ADR](./) › Title`; the title is the text after the last step.
_BREADCRUMB = re.compile(r"(?:\[[^\[\]]*\]\([^()\s]*\)[ \t]*(?:›|»|→|>|&gt;|/|\|)[ \t]*)+")


def _plain_title(text: str) -> str:
    """A title as it reads: link syntax dropped (`Use [sqlx](https://...) for Go` -> `Use sqlx for Go`,
    CMS-Enterprise/easi-app docs/adr/0017-go-orm.md), the template's brackets around it dropped (`[Gestion des
    Dates]`, SocialGouv/pass-emploi-api docs/decisions/ADR-003), and a bracketed status before it
    (`[Superseded by [ADR-0019](0019-x.md)] Push Metrics`)."""
    if "](" in text:
        if text[:1] == "[" and (trail := _BREADCRUMB.match(text)) and text[trail.end():].strip():
            text = text[trail.end():]
        text = _TITLE_LINK.sub(r"\1", text)
    stripped = text.strip()
    if stripped[:1] == "[" and (marker := _ID_MARKER.match(stripped)):
        return stripped[marker.end():]  # `# [ADR-0013] Collection Generation Semantics` (LayeredCraft/compono 1fdae74bbc32)
    if stripped[:1] == "[" and stripped[-1:] == "]" and "[" not in stripped[1:-1] and "]" not in stripped[1:-1]:
        return stripped[1:-1].strip()
    marker = _STATUS_MARKER.match(stripped)
    if marker and vocabulary.normalize_status(marker.group(1)) is not vocabulary.Status.UNKNOWN:
        return stripped[marker.end():]
    return text




_ID_MARKER = re.compile(r"\[(?:ADR|adr|Adr)?[-\s#]*\d{1,5}\][ \t]*[:.\-–—]?[ \t]+(?=\S)")


_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# (Before a CJK counter or noun only, without leading zeros: `# 29 Kubernetes security ...` in `030-...md` is the record's
# number, misnumbered, ministryofjustice/cloud-platform; `# 0002 Dynamic workflow ...` in `0003-...rst` too.)
_BARE_COUNT = re.compile(r"\s*[1-9]\d{0,3}[ \t]*(?=[\u3040-\u30ff\u3400-\u9fff])")


def _repeats(stem: str, title_number: int) -> bool:
    """Whether the file name repeats the title's leading number after its own: then it is part of the title."""
    m = re.match(r"^\D*\d+[-_. ]+0*(\d+)(?:[-_. ]|$)", stem)
    return bool(m) and int(m.group(1)) == title_number


_ID_STEM = re.compile(r"[A-Za-z]{2,5}[-_]?\d{1,5}$")
_STEM_SEPARATOR = re.compile(r"[ \t]*(?::|[ \t][–—-])[ \t]+(?=\S)")


def read(heading: str | None, field_title: str | None, has_field: bool, lines: list[str], stem: str,
         number: int | None) -> tuple[str, int | None, int | None, bool, bool]:
    """(title, the title's number, the record's number, whether the title's number
    disagrees with the file's, whether the title was marked a draft) for a record whose heading is `heading` and whose
    `title` field (when `has_field`) says `field_title`; `number` is the file name's."""
    title_text = heading or field_title
    if heading and has_field and record_names.is_generic_title(heading):
        # `# Architecture Decision`, then `- Title: Use Nix flakes for dev shell onboarding` (eduardoshanahan/nix-pi
        # 23a8dc23c35d docs/decisions/ADR-0001-nix-flakes.md): the field names the record.
        title_text = field_title or heading
    if title_text is not None and "<!--" in title_text:
        # An HTML comment renders as nothing: a heading holding only the template's (`# <!-- short title, representative
        # of solved problem and found solution -->`, OnkelMato/MFFM 0177bc9bfe96 docs/adr/0120-*.md) is empty.
        title_text = _HTML_COMMENT.sub("", title_text).strip() or None
    if title_text is None:  # no heading: one indented by a space or three, else the file name, as a reader says it
        # (A name that is the record's id alone, `ADR-0001.md`, is said as written: TechWithHer/Enterprise-Amazon-S3-
        # Platform 73e43109ed72 docs/adr/ADR-0001.md, no heading; DEFINITIONS, truth41.)
        title_text = _indented_h1(lines) or (stem if _ID_STEM.match(stem) else re.sub(r"[-_]+", " ", stem).strip())
    if "[" in title_text:
        title_text = _plain_title(title_text)
    drafted = title_text[:6] in _DRAFT_LABELS  # `# DRAFT: Get a UPS` (drewgingerich/homelab af8cfb7836d5 docs/decisions/
    if drafted:                                 # DRAFT-get-a-server-ups.md): a status marker, as a bracketed one is
        title_text = title_text[6:].strip() or title_text
    title, title_number = record_names.strip_title_number(title_text)
    if (title_number is None or not _ID_STEM.match(stem)) and title_text[:len(stem)].lower() == stem.lower() \
            and (m := _STEM_SEPARATOR.match(title_text, len(stem))):
        # The file's own name as the title's prefix, a team's id of its own (PurnaOS/iBuildOS edd45728c680
        # docs/decisions/dc-0002.md: `# DC-0002 — Insights domain wire-contract shape`; DEFINITIONS, truth41), or its
        # number and a word (adrian-mason/wperf cc6dcb3bc5f8 docs/decisions/ADR-002-supplement.md: `# ADR-002-supplement:
        # Kernel Compatibility ...`; truth42): the document's name, not its subject.
        title = record_names.strip_title_number(title_text[m.end():])[0]  # (its marks and strike-through go too)
        title_number = record_names.file_number(stem)
    if title[:1] == "[" and title_number is not None and "[" not in title_text[:1] \
            and not record_names.is_placeholder_title(title):  # (`# ADR-0001: [短いタイトル]` stays the template's)
        # The template's brackets after the number: `# ADR 0004 [Zitadel, Dex, and Oauth2-Proxy as a Single ...]`
        # (greenriver/hmis-warehouse 2bb2a18d9449 docs/adr/0004-identity-management.md; DEFINITIONS, truth33).
        title = _plain_title(title)
    disagrees = title_number is not None and number is not None and title_number != number
    if disagrees and _repeats(stem, title_number):
        title, title_number, disagrees = title_text.strip(), None, False  # `# 508 Systems List` in `0023_508_...md`
    elif disagrees and _BARE_COUNT.match(title_text):
        # A bare number unlike the file's, before a Japanese or Chinese word: a count the title begins with (`# 3 層フォールバック構成`,
        # "three-layer fallback", in fuj1g0n/slidev-editable-pptx d65e2428e401 docs/adr/0007-three-layer-architecture.md).
        title, title_number, disagrees = title_text.strip(), None, False
    if number is None and title_number is not None and not record_names.is_dated_name(stem):
        number = title_number
    if "\\" in title:  # a Markdown escape shows the character it escapes (`# Diag\* コンポーネント`, fuj1g0n 0005)
        title = _MARKDOWN_ESCAPE.sub(r"\1", title)
    return title, title_number, number, disagrees, drafted
