"""Links in a record's sections and lists rather than its sentences: "Related" sections and labels, labelled
link lists (`- **Supersedes:** [ADR 3](...)`), reference-style links, setext "Related ADRs" blocks and "superseded
here" remarks. Split from `prose` (typed links in sentences), whose patterns these share.
"""

from __future__ import annotations

import re

from adrtool import languages
from adrtool.dialects import link_scope, prose
from adrtool.model import Relation

_REFERENCE_DEF = re.compile(r"^[ ]{0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
_REFERENCE_USE = re.compile(r"\[([^\[\]]+)\]\[([^\[\]]*)\]")


def inline_references(text: str) -> str:
    """`[Release Process ADR][process_adr]` written as the inline link its definition makes, line for line.

    aquarist-labs/s3gw docs/decisions/0015-release-methodology.md at 80f5ba2c25c4: "This document supersedes
    the [Release Process ADR][process_adr]." with `[process_adr]: /docs/decisions/0007-release-process.md`.
    """
    defs = {m.group(1).lower(): m.group(2) for m in _REFERENCE_DEF.finditer(text)}
    if not defs:
        return text

    def inline(m: re.Match) -> str:
        dest = defs.get((m.group(2) or m.group(1)).lower())
        return f"[{m.group(1)}]({dest})" if dest else m.group(0)

    return _REFERENCE_USE.sub(inline, text)


_RELATED_HEADINGS = {"related decision records", "related decisions", "related adrs", "related adr", "related records",
                     "related adr(s)", "related decision records (adrs)", "related",
                     # Records listed among standards pages (PubCyBerry/repo-scaffold 955f29e93bfe
                     # docs/architecture/adr/0007-*.md: `## Related documents`), in other languages too.
                     "related documents", "related docs",
                     # Records listed by repository path among requirements and grammar files (mako10k/semdl
                     # c2de8f0c7338 docs/adr/0006-*.md: `## Related Artifacts` over `- docs/adr/0004-....md`).
                     "related artifacts", "related artefacts", "documents liés", "documents associés",
                     "verwandte dokumente", "zugehörige dokumente", "documentos relacionados", "documenti correlati", "関連adr", "関連文書",
                     # Norwegian and Danish, Swedish (Arbeidstilsynet/design 1c6a025d6dca docs/adr/adr-0002-*.md:
                     # `## Relaterte dokumenter`; DEFINITIONS, truth33).
                     "relaterte dokumenter", "relaterte beslutninger", "relaterte adr", "relaterede dokumenter",
                     "relaterade dokument", "relaterade beslut",
                     # Spanish and Portuguese, over a list or a table of records (CDROBAYOM/ops-report-ai b23d8ee7e494
                     # docs/adr/ADR-001.md: `## Relación con otros ADRs` over `| ADR-000 | Esta estructura ... |` rows;
                     # DEFINITIONS, truth40).
                     "relación con otros adrs", "relación con otros adr", "relación con otras decisiones",
                     "relacion con otros adrs", "adrs relacionados", "adr relacionados", "decisiones relacionadas",
                     "adrs relacionadas", "decisões relacionadas",
                     # (sbomify/sbomify 7c7f26119255 docs/ADR/0004-*.md: `## Relationship to Other ADRs` over a sentence naming
                     # ADR-003; DEFINITIONS, truth43.)
                     "relationship to other adrs", "relationships to other adrs", "relationship to other decisions",
                     "relationship to other records", "relationships",
                     # (wellmaintained/packages 97ad8456e526 docs/adrs/0004-*.md: `### Relation to other ADRs` over paragraphs
                     # opening `Builds on ADR 0002 ...`; DEFINITIONS, truth45.)
                     "relation to other adrs", "relations to other adrs", "relation to other decisions",
                     # Russian (Dmitriy-Bondarev/TimeWoven 72d6a4a609e6 docs/adr/ADR-002.md: `## Связанные документы`
                     # over `- [ADR-001: Миграция с SQLite на PostgreSQL](ADR-001.md)`).
                     "связанные документы", "связанные решения", "связанные adr",
                     # Chinese (dreamlx/evolvai 995cac703b72 docs/development/architecture/adrs/: `## 🔗 相关决策`,
                     # `### 相关 ADR`; lwpk110/sprout-chat faed39383237 docs/adr/adr-002-*.md: `### 相关文档`).
                     *("相关决策", "相关 adr", "相关adr", "相关文档")}
# Under these, only an entry naming its record by a link or a bold number is one, and only in a record that does not
# declare its relations with bold labels (douhuaa/Zss.BilliardHall b35cd8cf1cb0 docs/adr/runtime/ADR-201-*.md: a
# `### 相关 ADR` reading list beside `**相关（Related）**：` in its Relationships section; HaoranTong/ecommerce_platform
# docs/adr/ADR-003-*.md: `## 相关ADR` over plain `- ADR-002: ...` lines, labelled no link in truth5).
_LINKED_ONLY_HEADINGS = {"相关决策", "相关 adr", "相关adr", "相关文档"}
# A subheading of a Related section naming the records this one depends on, or that depend on it (evolvai 001:
# `### 依赖的ADR`, `### 被依赖的ADR`): those entries stay untyped, as `depends on`.
_DEPENDENCY_HEADINGS = ("依赖", "被依赖", "depend")
_HEADING_SYMBOLS = " \t🔗📎📌🔀"  # a heading's leading emoji (`## 🔗 相关决策`)
# Headings whose records stand in another relation (krtw00/agentmine 5ebb6cff7af2 docs/10-decisions/005-*.md:
# `## 後続ADR`, "本ADRは以下のADRで拡張されている", this ADR is extended by the following ones).
_HEADING_RELATIONS = {"後続adr": Relation.AMENDED_BY}
# An entry marked "extended in this ADR" (agentmine 007-*.md: `- [ADR-005](...) - AI非依存設計（本ADRで拡張）`).
_AMENDED_HERE = "本ADRで拡張"
# Where `related_section` may have something to read: a heading that names related records or links.
# (Its literal prefix keeps the search over a whole body cheap; `Related:` labels are found with str.find.)
RELATED_HEADING = re.compile(r"# (?:🔗 )?(?:[Rr]elated|[Rr]elationships?\b|[Rr]elations? to\b|[Rr]elater[ta]|[Rr]elaci[oó]n con|ADRs? relacionad|[Dd]ecis(?:iones|ões) relacionad|[Ll]inks\b|[Ss]ee [Aa]lso|関連|後続|相关|[Dd]ocument(?:s li|s associ|os rel|i corr)"
                             r"|[Vv]erwandte [Dd]|[Zz]ugehörige [Dd]|[Сс]вязанные )")
_BOLD_NUMBER = re.compile(r"^\s*(?:[-*+]\s+)?\*\*(?:adr[-\s\u2011]*" + prose.PROJECT_CODE + r")?(\d{1,5})\b", re.IGNORECASE)
# A record named by its number alone, as plain text: `* [Related to] ADR-0002 - System Architecture`.


def related_section(lines: list[str], heads: list[tuple[int, int, str]],
                    declared: bool = False) -> list[tuple[Relation, str, int]]:
    """Each record listed under a `## Related Decision Records` / `## Related ADR(s)` heading: relates-to.

    A linked file named like a record, or a bold name that starts with a number (`**002 Technical
    Implementation ...**`, cloudoperators/documentation architecture-decision-records/001 at
    0e75f22e4122); a line that types its link itself (`Partially supersedes [004 ...]`) is left to the prose reader.
    """
    found: list[tuple[Relation, str, int]] = []
    typed: set[int] = set()  # records a line of a Related section types with its own verb
    for n, (idx, level, text) in enumerate(heads):
        heading = prose.COMMENT.sub("", text).strip(_HEADING_SYMBOLS).lower() if level >= 2 else ""
        if heading not in _RELATED_HEADINGS and heading not in _HEADING_RELATIONS and ")" in heading:
            heading = next((h for h in languages.heading_names(heading) if h in _RELATED_HEADINGS), heading)
        # Under `## Links` (MADR's), only an entry that says it relates is a link; under a Related heading, every one.
        # (`## See also` too: untyped, unless an entry's description states the relation.)
        labelled_only = heading in _DESCRIBED_HEADINGS
        relation = _HEADING_RELATIONS.get(heading, Relation.RELATES_TO)
        if not labelled_only and heading not in _RELATED_HEADINGS and heading not in _HEADING_RELATIONS:
            continue
        linked_only = heading in _LINKED_ONLY_HEADINGS
        if linked_only and declared:
            continue
        end = next((i for i, lv, _ in heads[n + 1:] if lv <= level), len(lines))
        skipped = {i for m, (sub, lv, name) in enumerate(heads[n + 1:], n + 1) if sub < end and lv > level
                   and name.strip(_HEADING_SYMBOLS).lower().startswith(_DEPENDENCY_HEADINGS)
                   for i in range(sub, next((j for j, lv2, _ in heads[m + 1:] if lv2 <= lv), end))}
        for i in range(idx + 1, end):
            if i in skipped:
                continue
            line = lines[i]
            entry = line + _entry_lines(lines, i + 1, end) if labelled_only and "](" in line else line
            if labelled_only and any(mark in entry for mark in _DESCRIBED_MARKS) \
                    and ((described := _described(entry, i + 1, found)) or "取代" in line):
                found.extend(described)
                continue
            labelled = line.lower().lstrip(" -*+[").startswith("relat") \
                or labelled_only and "elated" in line and _related_description(line)
            # (The relation pattern only where a relation word's stem is, as `prose.links` runs it: a Related section's
            # lines are mostly titles, and the pattern's dozen case-blind alternatives tried at every character cost
            # a real record with such a section about 50 us, bench/README.md issue 14, branch w/realparse.)
            if not labelled and _TYPED_ENTRY.match(line):
                continue  # `- Extends ADR-0002 (...)`: the entry types its own link (`link_lines`), not relates-to as well
            verb = prose.verb_search(line) if not labelled and prose.may_relate_line(line) else None
            if (verb or labelled_only) and not labelled and (labelled_only or not _described_after(line, verb)):
                if verb is not None:  # (a record this line types is not relates-to on the lines after it either:
                    typed.update(int(m.group(1)) for m in prose.PLAIN_ADR.finditer(line))  # `ADR 0003's core insight`)
                continue
            targets = [link.group(2) for link in prose.LINK.finditer(line) if prose.decision_file(link.group(2))]
            if not targets and "[[" in line:  # Obsidian's `- [[0002-tlo-surface]] — the constraints that ...`
                targets = wiki_targets(line)
            if verb is not None and targets:
                found.extend((_BY_THIS.get(verb.lastgroup, relation) if _BY_THIS_ONE.match(line, verb.end()) else relation,
                              target, i + 1) for target in targets if not any(t == target for _, t, _ in found))
                continue
            bold = _BOLD_NUMBER.match(line) if not targets else None
            # (By number only on a line that opens an entry: a wrapped line's "based on ADR-0010" names no related
            # record, ai-helm 0013's `## Related`.)
            if not targets and not bold and not linked_only and prose.LINK.search(line) is None \
                    and (line[:1] not in " \t" or line.lstrip(" \t")[:1] in "-*+["):
                # opendatahub-io/odh-dashboard b9d09633b0ee packages/gen-ai/docs/adr/0004-*.md, under `## Links`:
                # "* [Related to] ADR-0002 - System Architecture (logging infrastructure)"; by its file name,
                # Altinn/altinn-studio e049d2c021c4 docs/adr/2025-10-22-pdf-generation-architecture.md under `## Related`:
                # "- ADR 2025-10-17-using-go.md: Rationale for adopting Go ...".
                targets = [m.group(1) for m in _BARE_FILE.finditer(line) if prose.decision_file(m.group(1))] \
                    if ".md" in line or ".rst" in line else []
                if not targets and "`" in line and line.lstrip(" \t-*+")[:1] == "`":
                    # An entry that opens with a repository-root path in backticks (akonwi/ard f01ae7ec7148
                    # docs/adrs/0002-*.md, under `## Related`: ``- `docs/adrs/0015-use-esm-...-semantics.md` ``), as
                    # `setext_related` reads one; a path to code (`compiler/std_lib/async.ard`) names no record, nor does
                    # one after a label of its own (ADORSYS-GIS/ai-helm docs/adr/0100-*.md: ``- Inference knowledge:
                    # `inference-ops` `docs/adr/0003-....md` ``, another repository's record; 0123's ``- Docs: `...` ``).
                    targets = backticked_names(line)
                if not targets and "/" in line and (path := _PATH_ENTRY.match(line)):
                    # An entry that is a repository path alone, as the backticked one (mako10k/semdl c2de8f0c7338
                    # docs/adr/0006-*.md, under `## Related Artifacts`: `- docs/adr/0004-structure-cli-help-....md`
                    # among `- docs/requirements.md`, `- docs/cli.ebnf`).
                    targets = link_scope.path_names(path.group(1))
                targets = targets or [m.group(1) for m in prose.PLAIN_ADR.finditer(line)]
            for target in targets or ([bold.group(1)] if bold else []):
                if typed and target.isdigit() and int(target) in typed:
                    continue
                if not any(t == target for _, t, _ in found):
                    found.append((Relation.AMENDS if _AMENDED_HERE in line else relation, target, i + 1))
    return found


# An Obsidian wiki link, `[[0004-holder-attribution-trusts-local-100pct|ADR 0004]]`: the page's name, before any
# `#heading` or `|alias` (BeardedRepoWrangler/EQAggroMeter b72a2eab44e7 decisions/0005-*.md, under `## Related`).
_WIKI_LINK = re.compile(r"\[\[([^\]|#\n]+)(?:[#|][^\]\n]*)?\]\]")


def wiki_targets(line: str) -> list[str]:
    """The decision files `line` names by Obsidian wiki links, as written (a page name resolves as a file's stem)."""
    return [name for m in _WIKI_LINK.finditer(line) if prose.decision_file(name := m.group(1).strip())]


# An entry's description after its link may report a relation between two other records, or name the record itself
# as the replacement (top-cat-software/skelly-sass 3bb442edd42e docs/adr/0001-*.md, 0009-*.md: `- [ADR-0004](...) —
# Original Pulsar decision (superseded by ADR-0009)`, `- [ADR-0004](...) — Superseded by this ADR`).
# An entry opened by its relation verb, over a record named by number (PlebeianApp/market 8841cc8d0c92
# docs/adr/ADR-016-*.md, under `## Related`: `- Extends ADR-0002 (NDK external relay ...)`; DEFINITIONS, truth39).
_TYPED_ENTRY = re.compile(r"[ \t]*[-*+][ \t]+(?:\*\*|__)?(?:extends|amends|supersedes|replaces|superseded[ \t]+by|"
                          r"amended[ \t]+by|extended[ \t]+by|replaced[ \t]+by)(?:\*\*|__)?:?[ \t]+(?:\*\*|__)?ADR[-\s#]*\d",
                          re.IGNORECASE)
_BY_THIS_ONE = re.compile(r"[ \t]+(?:this|the present)[ \t]+(?:one|adr|decision|record|document)\b", re.IGNORECASE)
_BY_THIS = {"SUPERSEDED_BY": Relation.SUPERSEDES, "AMENDED_BY": Relation.AMENDS}


def _described_after(line: str, verb: re.Match) -> bool:
    """Whether the relation word comes after the entry's decision links in a description linking nothing more: the
    entry relates to its own target (truth14's rule), or, `superseded by this ADR`, is superseded by this record."""
    before = [m for m in prose.LINK.finditer(line, 0, verb.start()) if prose.decision_file(m.group(2))]
    return bool(before) and prose.LINK.search(line, verb.end()) is None


def _related_description(line: str) -> bool:
    """Whether a Links entry's description after its link opens with "Related" (tosin2013/aider-lint-fixer 3a34d7034c1d
    docs/adrs/0002-ai-integration-architecture.md: `* [ADR-0003](0003-modular-plugin-system.md) - Related plugin
    architecture decisions`)."""
    links = list(prose.LINK.finditer(line))
    return bool(links) and line[links[-1].end():].lstrip(" \t-–—:").lower().startswith("related")


def _entry_lines(lines: list[str], start: int, stop: int) -> str:
    """The indented lines that carry a Links entry's description on, joined (AlexandrBukhtatyy/log-viewer 2afb8cec3ed9
    docs/adr/0011-*.md: `- [ADR-0005](...) — индексер OPFS+FTS5,` over `  расширяется этим ADR.`)."""
    more = ""
    for j in range(start, stop):
        line = lines[j]
        if line[:1] not in " \t" or not line.strip() or line.lstrip(" \t")[:1] in "-*+|":
            break
        more += " " + line.strip()
    return more


_BARE_FILE = re.compile(r"(?<![\w/.-])([\w.-]+\.(?:md|rst))\b")
# (`**Related**: ADR 0006 (Partner Engine Architecture)`, the colon after the bold: promptprofitstudio-sudo/
# bedtijdavonturen.nl ede2e34a7306 docs/ADR/0008-fitscore-quality-gate.md.)
_RELATED_LABEL = re.compile(r"[Rr]elated(?: decisions?| ADRs?| records?)?(?:\*\*)?:")


# A Links entry whose description states the relation (EricSanchezok/chatgame d0a479b9b9e9 docs/decisions/0013-adopt-repo-seed-
# governance-layer.md: `- [ADR 0009](0009-...md) — 被本决策取代的旧决策记录体系`, "the old system superseded by this
# decision"; `取代本记录...`, "supersedes this record's ..."). The passive form is tried first.
# English says it with "this" beside the verb (EricSanchezok/repo-seed 979e338fbca3 docs/decisions/0004-*.md: `- [ADR 0002]
# (0002-self-governing-repository-design.md) — five-layer governance this extends.`). Spaces are dropped before matching.
_DESCRIBED = (("被本决策取代", Relation.SUPERSEDES), ("被本记录取代", Relation.SUPERSEDES), ("被本adr取代", Relation.SUPERSEDES),
              ("取代本决策", Relation.SUPERSEDED_BY), ("取代本记录", Relation.SUPERSEDED_BY), ("取代本adr", Relation.SUPERSEDED_BY),
              ("extendedbythis", Relation.AMENDS), ("thisextends", Relation.AMENDS), ("extendsthis", Relation.AMENDED_BY),
              # "the package-isolation discipline this ADR extends to the plugin" (AetherizeGmbH/harbor-workload-identity-
              # bridge docs/adr/0015-plugin-duplicates-wire-types.md, under `## See also`).
              ("thisadrextends", Relation.AMENDS), ("thisdecisionextends", Relation.AMENDS),
              # Russian "is extended by this ADR" (log-viewer 0011, under `## Links`).
              ("расширяетсяэтим", Relation.AMENDS))
_DESCRIBED_MARKS = ("取代", " this ", " this.", "этим")
_DESCRIBED_HEADINGS = ("links", "see also")


def _described(line: str, line_no: int, found) -> list[tuple[Relation, str, int]]:
    """The decision files a Links entry names, in the relation its description after the link states, if any."""
    links = [m for m in prose.LINK.finditer(line) if prose.decision_file(m.group(2))]
    if not links:
        return []
    said = line[links[-1].end():].replace(" ", "").lower()
    relation = next((r for phrase, r in _DESCRIBED if phrase in said), None)
    if relation is None:
        return []
    return [(relation, m.group(2), line_no) for m in links
            if not any(r is relation and t == m.group(2) for r, t, _ in found)]


_SETEXT_RELATED = ("\nRelated ADRs\n", "\nRelated ADRs\r\n")
_BACKTICKED_FILE = re.compile(r"`([^`\s]+\.(?:md|rst))`")


def setext_related(body: str, body_start: int) -> list[tuple[Relation, str, int]]:
    """Each decision file a `Related ADRs` setext section lists in backticks, from the repository root: relates-to.

    PC1-23/Checkpoint2 cb815602ac94 docs/ADR/0012-testability.md: `Related ADRs` over `-----------`, then
    ``- `docs/ADR/0007-modifiability.md` (adapter pattern ...)``.  The entry's file name is the target.
    """
    found: list[tuple[Relation, str, int]] = []
    for mark in _SETEXT_RELATED:
        at = body.find(mark)
        if at < 0:
            continue
        rest = body[at + len(mark):].splitlines()
        if not rest or not rest[0].strip() or rest[0].strip().strip("-=") != "":
            continue
        line_no = body_start + body.count("\n", 0, at) + 3  # (1-based: the heading, its underline, then entries)
        for offset, line in enumerate(rest[1:]):
            if not line.lstrip().startswith(("-", "*", "+")):
                if found or line.strip():
                    break
                continue
            for name in backticked_names(line):
                if not any(t == name for _, t, _ in found):
                    found.append((Relation.RELATES_TO, name, line_no + offset))
    return found


def backticked_names(line: str) -> list[str]:
    """The file name of each decision file `line` names by a path in backticks, from the repository root or not.

    The name alone is the target (a link resolves a file name among the folder's records), as a reader takes
    `docs/adrs/0007-x.md` written in a record of `docs/adrs/` to mean the file beside it; a path into a folder not
    named for decisions is a page of the project, no record.
    """
    return [name for m in _BACKTICKED_FILE.finditer(line) for name in link_scope.path_names(m.group(1))]


# An entry holding one path and nothing else: `- docs/adr/0004-x.md`.
_PATH_ENTRY = re.compile(r"[ \t]*[-*+][ \t]+([\w.-]+(?:/[\w.-]+)+\.(?:md|rst))[ \t]*\r?\n?$")


def related_label(body: str, at: int, first_line: int) -> list[tuple[Relation, str, int]]:
    """The records a `Related:` label opening a line names by number in plain text, over its wrapped lines.

    openstatusHQ/openstatus 22df52eb0dbd docs/adr/0004-go-for-the-probing-tier.md: "- Related: ADR-0001 (business
    logic ...),\n  ADR-0005 (check results land in Tinybird)." `at` is the label's offset in `body`, `first_line`
    its 1-based line. Linked records are the prose reader's.
    """
    begin = body.rfind("\n", 0, at) + 1
    before = body[begin:at].rstrip(" \t")
    item = before.strip(" \t-*+") in ("", "**")
    if not item and not (before.endswith(".") and at > begin and body[at - 1] in " \t"):
        return []  # inside a sentence, not a label
    if _RELATED_LABEL.match(body, at) is None:
        return []  # "related work:", "related to": no label of records
    end = body.find("\n", at)
    label = _RELATED_LABEL.match(body, at)
    if body[label.end():len(body) if end < 0 else end].strip(" \t*\r") == "" and item:
        return _sub_list(body, begin, end, first_line, flush=before.strip(" \t") == "")
    # An indented line goes on with the entry; a label in running text (`More Information` paragraphs: "...README.md`.
    # Related: ADR-0006 (...)\nand ADR-0007 (...)", BPMNscript/bpmnscript b5125aaca860 docs/decisions/0014-honest-bpmn-
    # import-contract.md; "Related decisions: ADR-0008 (...);\nADR-0010 (...)", 0013) goes on to its paragraph's end.
    paragraph = not item or body[begin:at].strip() == ""
    while end >= 0 and (body[end + 1:end + 2] in (" ", "\t") or paragraph and body[end + 1:end + 2] not in "\n\r#|>") \
            and body[end + 1:end + 80].lstrip(" \t")[:1] not in "-*+\n\r":
        end = body.find("\n", end + 1)
    entry = body[at:len(body) if end < 0 else end]
    entry = prose.LINK.sub("", prose.CODE_SPAN.sub("", entry)) if "`" in entry or "](" in entry else entry
    found: list[tuple[Relation, str, int]] = []
    for m in prose.PLAIN_ADR.finditer(entry):
        if not any(t == m.group(1) for _, t, _ in found):
            found.append((Relation.RELATES_TO, m.group(1), first_line + entry.count("\n", 0, m.start())))
    if ".md" in entry or ".rst" in entry:
        # By the bare file name: "- Related ADR: 20250906-ansible-roles.md (Ansible Role-First Architecture)"
        # (basher83/Sombrero-Edge-Control d3fa6f5e6419 docs/decisions/20250910-ansible-collection-structure.md).
        for m in _BARE_FILE.finditer(entry):
            if prose.decision_file(m.group(1)) and not any(t == m.group(1) for _, t, _ in found):
                found.append((Relation.RELATES_TO, m.group(1), first_line + entry.count("\n", 0, m.start())))
    return found


def _sub_list(body: str, begin: int, end: int, first_line: int, flush: bool = False) -> list[tuple[Relation, str, int]]:
    """The records a `Related ADRs:` item that ends at its label lists in the items nested under it, each by its
    link to a decision file, else by number in plain text.

    jgough-essextec/openshift-gitops-framework 08b6fdbdb213 docs/decisions/0005-values-hierarchy-pattern.md, in
    `## Links`: `- **Related ADRs:**` over `  - ADR 002: Validated Patterns Framework`; 0011 over
    `  - [ADR-002: Validated Patterns Framework](0002-validated-patterns-framework-migration.md) - Platform layer`.
    `begin` and `end` are the label line's offsets in `body`, `first_line` its 1-based line.  A `flush` label is a
    line of its own, no list item (Hopeful117/trading-os eb9b4609cde5 docs/architecture/adr/ADR-002.md, under
    `## References`: `Related ADRs:`, a blank line, then `- ADR-001 — Trading OS Vision ...` at its indent;
    DEFINITIONS, truth38): its list may follow a blank line and stand as deep as the label.
    """
    indent = len(body[begin:end]) - len(body[begin:end].lstrip(" \t")) - (1 if flush else 0)
    found: list[tuple[Relation, str, int]] = []
    line_no = first_line
    opening = flush
    while end >= 0:
        begin, end = end + 1, body.find("\n", end + 1)
        line = body[begin:len(body) if end < 0 else end]
        line_no += 1
        stripped = line.lstrip(" \t")
        if opening and not stripped.strip():
            continue  # (the blank line between a flush label and its list)
        opening = False
        if len(line) - len(stripped) <= indent or stripped[:1] not in "-*+":
            break  # (the nested list ends at a blank line, or at a line no deeper than the label's)
        targets = [m.group(2) for m in prose.LINK.finditer(line) if prose.decision_file(m.group(2))]
        if not targets and "](" not in line:
            targets = [m.group(1) for m in prose.PLAIN_ADR.finditer(prose.CODE_SPAN.sub("", line) if "`" in line else line)]
        for target in targets:
            if not any(t == target for _, t, _ in found):
                found.append((Relation.RELATES_TO, target, line_no))
    return found


# A bold label alone on its line, its colon inside or outside the bold, full-width or not (`**相关（Related）**：`).
_BOLD_LABEL = re.compile(r"^[ \t]*\*\*([^*\n]{1,60}?)(?:\*\*[ \t]*[:：]|[ \t]*[:：][ \t]*\*\*)[ \t]*\r?$", re.MULTILINE)
_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
# The substrings a bold label line must hold: searched before `_BOLD_LABEL` is run over a body.
BOLD_LABEL_ENDS = ("**:", "**：", ":**", "：**")


def bold_labels(body: str) -> list:
    """`_BOLD_LABEL.finditer(body)`, the pattern tried only at the lines that open with "**" after blanks: its `^`
    gave the engine no prefix to skip by, and `finditer` tried every character (80 us a real record's body)."""
    starts = []
    at = body.find("**")
    while at >= 0:
        begin = body.rfind("\n", 0, at) + 1
        if body[begin:at].strip(" \t") == "":
            starts.append(begin)
        end = body.find("\n", at)
        if end < 0:
            break
        at = body.find("**", end)  # (one line at a time: a label is one line, and a line is tried once)
    match = _BOLD_LABEL.match
    return [m for begin in starts if (m := match(body, begin))]


def labelled_lists(body: str, first_line: int, relation_of) -> list[tuple[Relation, str, int]]:
    """The decision files listed under a bold relation label, each in the label's relation.

    douhuaa/Zss.BilliardHall b35cd8cf1cb0 docs/adr/runtime/ADR-201-handler-lifecycle-management.md, under
    `## 关系声明（Relationships）`: `**相关（Related）**：` then `- [ADR-0240：...](./ADR-240-....md) - ...`;
    `**替代（Supersedes）**` and `**被替代（Superseded By）**` likewise. A label in two languages is read by either
    name (`relation_of`, the dialects' label reading); an untyped one (`**依赖（Depends On）**`) types nothing.
    `first_line` is the 1-based line of the body's first line.
    """
    found: list[tuple[Relation, str, int]] = []
    for label in bold_labels(body):
        relation = next((r for r in map(relation_of, languages.heading_names(label.group(1))) if r), None)
        if relation is None:
            continue
        at, started = label.end() + 1, False
        while at < len(body):
            end = body.find("\n", at)
            end = len(body) if end < 0 else end
            line = body[at:end]
            if not line.strip():
                if started:
                    break
            elif _ITEM.match(line) or started and line[:1] in " \t":
                started = True
                for link in prose.LINK.finditer(line):
                    if prose.decision_file(link.group(2)) and not any(r is relation and t == link.group(2) for r, t, _ in found):
                        found.append((relation, link.group(2), first_line + body.count("\n", 0, at)))
            else:
                break
            at = end + 1
    return found


# "ADR 001 is partially superseded: ...", "See ADR 07 ..., which is superseded by this one.": a record the sentence
# names is superseded, by no other than this one. (Tried at each "superseded" of the body, found with str.find: the
# text before it must end with the verb, the text after it name no other replacement.)
_IS_BEFORE = re.compile(r"\b(?:is|are|was|were|has been|have been)\s+(?:now\s+)?(?:partially\s+|partly\s+|in part\s+)?$",
                        re.IGNORECASE)
# A negated subject states no supersession: `Nothing in ADR-0011 is superseded or amended` (2002Bishwajeet/yantra
# docs/adr/0015-*.md, under its `**Extends:**` label; DEFINITIONS, truth24).
_NEGATED = re.compile(r"\b(?:nothing|none|no|neither|nor)\b", re.IGNORECASE)
_BY_AFTER = re.compile(r"[ \t]+by\b(?!\s+this\s+(?:one|adr|decision|record|document)\b)", re.IGNORECASE)


def superseded_here(text: str, offset: int, first_line: int) -> list[tuple[Relation, str, int]]:
    """The records a sentence of the body says are superseded, with no other record as their replacement: this one
    supersedes them, each named by number (`ADR 001`) before the verb in that sentence.

    kryota-dev/actions 1b0a97fd1b3e docs/adr/004-composite-actions-support.md, in its consequences: "- ADR 001 is
    partially superseded: workflow naming convention changed"; ethersync/ethersync f945a91bf3b3 docs/decisions/
    10-cursor-positions-ephemeral.md: "See ADR 07 for more Information on this decision, which is superseded by
    this one." `first_line` is the 1-based line of text[offset].
    """
    found: list[tuple[Relation, str, int]] = []
    at = text.find("superseded", offset)
    while at >= 0:
        verb = _IS_BEFORE.search(text, max(offset, at - 40), at)
        if verb and not _BY_AFTER.match(text, at + 10):
            start = max(text.rfind(stop, offset, verb.start()) for stop in (". ", "\n", "! ", "? ")) + 1
            if _NEGATED.search(text, max(start, offset), verb.start()):
                at = text.find("superseded", at + 10)
                continue
            for number in prose.PLAIN_ADR.finditer(text, max(start, offset), verb.start()):
                if not any(t == number.group(1) for _, t, _ in found):
                    found.append((Relation.SUPERSEDES, number.group(1),
                                  first_line + text.count("\n", offset, number.start())))
        at = text.find("superseded", at + 10)
    return found
