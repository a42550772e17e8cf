"""What the detail pane and the reading view say about a decision, as Textual markup strings.

Pure functions (no Textual import): both views call them, tests read them.
Colours are theme variables only (`$text-error`, `$adr-untagged`, ...), so
every theme draws them with its checked colours (see themes.py).  Text from
files is escaped: titles like "[2026" or "[b]old[/]" show as written.
"""

from __future__ import annotations

from adrtool import frontmatter
from adrtool.model import Decision, Kind

def escape(text: str) -> str:
    """Text as written, inside Textual markup: every "[" escaped (Rich's escape leaves "[ x" and "[2026"
    alone, and Textual's parser then shows the closing tag of the span around them)."""
    return text.replace("[", "\\[")


CLEARED = "; cleared by AI review: "  # how adrtool.reasoning.merge marks a cleared rubric error
SEVERITY = {"error": "$text-error", "warning": "$text-warning", "note": "$adr-note"}
CARD_STATE = {"found": ("✓", "$text-success"), "thin": ("~", "$text-warning"), "absent": ("✗", "$text-error")}
UNTAGGED = "[italic $adr-untagged]{what} untagged[/]"
ESTIMATED = "[italic $adr-muted]~{value}[/]"  # an estimate beside the tags: dimmed, marked (estimated.MARK)
EVIDENCE = "[b $adr-evidence-fg on $adr-evidence-bg]"  # an estimate's cue, as evidence.py draws it in the body


def muted(text: str) -> str:
    return f"[$text-muted]{text}[/]"


def tags(decision: Decision, est=None) -> str:
    """"deliberate · one-way"; an axis with no tag shows its estimate, dimmed and marked, when there is one."""
    def one(tag, guess, what: str) -> str:
        if tag is not None:
            return tag.value
        return ESTIMATED.format(value=guess.value) if guess is not None else UNTAGGED.format(what=what)

    text = (f"{one(decision.choice, est and est.choice, 'choice')} · "
            f"{one(decision.door, est and est.door, 'door')}")
    return text + (muted(" (estimated)") if est is not None and not decision.is_tagged else "")


def header(d: Decision, est=None, quote_width: int = 100) -> str:
    """Id, title, where, status, tags, date, revisit, tags, decision-makers, problems; the estimate
    of an untagged decision with the lines it rests on."""
    where = f"{d.path}:{d.line}" if d.line else d.path
    lines = [f"[b]{escape(d.id)}  {escape(d.title)}[/b]",
             muted(f"{escape(where)}  ({escape(d.dialect)})"),
             f"status [b]{escape(d.status_raw or d.status.value)}[/b]   {tags(d, est)}   {escape(d.date or '')}"]
    if d.revisit:
        lines.append(f"revisit {escape(d.revisit)}")
    if d.tags:
        lines.append("tags " + ", ".join(escape(t) for t in d.tags))
    if d.decision_makers:
        lines.append("decided by " + ", ".join(escape(m) for m in d.decision_makers))
    for p in d.problems:
        lines.append(f"[$text-error]{escape(str(p))}[/]")
    if est is not None and not d.is_tagged:
        lines.append(estimate_lines(d, est, quote_width))
    return "\n".join(lines)


def estimate_lines(d: Decision, est, quote_width: int = 100) -> str:
    """Each missing tag's estimate, its reason and the lines it rests on (each line once, every cue on it
    highlighted)."""
    from adrtool.reasoning.estimate import missing

    lines = [f"[b]Estimated[/b] {muted('from the text: not tags until they are written')}"]
    for axis, guess in missing(d, est).items():
        lean = muted(" (the text gives too little)") if guess.lean else ""
        lines.append(f"{axis:<6} [i]{guess.value}[/i]: {escape(guess.reason)}{lean}")
        quoted: dict[tuple[int, str], list[tuple[int, int]]] = {}
        for e in guess.evidence:
            quoted.setdefault((e.line, e.text), []).append((e.start, e.end))
        for (number, text), spans in quoted.items():
            lines.append(f"  {muted(f'line {number}:')} “{quote(text, spans, quote_width)}”")
    return "\n".join(lines)


def quote(text: str, spans: list[tuple[int, int]], width: int) -> str:
    """A quoted line with its cues (column spans; -1 for none) highlighted, cut to `width` around the first."""
    text = text.rstrip("\r\n")
    spans = sorted((a, b) for a, b in spans if 0 <= a < b)
    if not spans:
        return escape(clip(text.strip(), width))
    left = max(0, min(spans[0][0] - width // 3, len(text) - width)) if len(text) > width else 0
    shown = text[left:left + width]
    at = min(len(shown) - len(shown.lstrip()), spans[0][0] - left)  # leading blanks are not quoted
    out = ["…"] if left else []
    for a, b in spans:
        a, b = max(a - left, at), min(b - left, len(shown))
        if a < b:
            out += [escape(shown[at:a]), EVIDENCE, escape(shown[a:b]), "[/]"]
            at = b
    out.append(escape(shown[at:].rstrip()) + ("…" if left + width < len(text) else ""))
    return "".join(out)


def link_label(item) -> str:
    """One link (relations.LinkItem): an arrow for its direction, the relation, the other decision."""
    arrow = "←" if item.incoming else "→"
    if item.target is None:
        return f"{arrow} {item.relation.value} {escape(item.written)} (not found)"
    return f"{arrow} {item.relation.value} {escape(item.target.id)} {escape(item.target.title)}"


def references(d: Decision) -> str:
    lines = [f"[b]References[/b] {escape(r)}" for r in d.references]
    lines += [f"[b]Governs[/b] {escape(g)}" for g in d.governs]
    return "\n".join(lines)


def findings(found, title: str = "Review") -> str:
    if found is None:
        return muted("review: checking…")
    if not found:
        return "[$text-success]review: no findings[/]"
    lines = [f"[b]{title}[/b] ({len(found)})"]
    for f in found:
        where = muted(f" (line {f.line})") if f.line else ""
        source = " [b $adr-note]AI[/]" if f.source == "ai" else ""
        message, _, cited = f.message.partition(CLEARED)
        if cited:  # a rubric error the AI judge showed wrong, with a quote it verified: a warning now
            source = " [b $adr-note]cleared by AI review[/]"
        lines.append(f"[{SEVERITY.get(f.severity, '$foreground')}]{f.severity}[/]{source} {escape(message)}{where}")
        if cited:
            lines.append(f"  {muted('AI quoted ' + escape(cited))}")
        lines.append(f"  {muted('→ ' + escape(f.recommendation))}")
    return "\n".join(lines)


def timeline(history) -> str:
    if history is None:
        return ""
    events = getattr(history, "timeline", None) or []
    if not events:
        return muted("history: not committed yet")
    lines = ["[b]History[/b]"]
    for e in events:
        lines.append(f"{escape(str(e.date)[:10])}  {escape(str(e.status_raw or e.status))}  "
                     f"{muted(escape(str(e.author)) + ' ' + escape(str(e.commit)[:8]))}")
    return "\n".join(lines)


def dates_and_authors(history) -> str:
    """Created / last changed (date and author) and everyone who changed the file, from git."""
    if history is None:
        return muted("git: reading history…")
    if not getattr(history, "touches", None):
        return muted("git: not committed yet")
    lines = [f"created {escape(str(history.created)[:10])} by {escape(history.created_by or '?')}",
             f"changed {escape(str(history.updated)[:10])} by {escape(history.updated_by or '?')}"]
    if len(history.authors) > 1:
        lines.append("authors " + ", ".join(escape(a) for a in history.authors))
    return "\n".join(lines)


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def card(found, quote_width: int = 100) -> str:
    """The reasoning card: the four essentials and the supports, each found / thin / absent with its line.

    `found` is a Card, None while it is being read, or a string saying why there is none."""
    if found is None:
        return muted("reasoning: reading…")
    if isinstance(found, str):
        return muted(f"reasoning: {escape(found)}")
    basis = "as tagged" if found.basis == "tags" else "estimated, untagged"
    lines = [f"[b]Reasoning[/b] {muted(escape(found.quadrant) + ', ' + basis)}"]
    if found.closed:
        lines.append(muted("closed: history, not judged on its reasoning"))
    if found.unfilled:
        lines.append("[$text-warning]still the template: nothing written yet[/]")
    for item in found.items:
        mark, color = CARD_STATE.get(item.state, ("?", "$foreground"))
        source = " [$adr-note]AI[/]" if item.source == "ai" else ""
        lines.append(f"[{color}]{mark} {escape(item.name):<15} {item.state:<6}[/]{source} {escape(item.summary)}")
        for quote in item.quotes[:2]:
            lines.append(muted(f"    line {quote.line}: “{escape(clip(quote.text.strip(), quote_width))}”"))
    return "\n".join(lines)


def ai_summary(text: str | None) -> str:
    return f"[b]AI summary[/b] {muted('(stored)')}\n{escape(text)}" if text else ""


def body_text(repo, decision: Decision) -> str:
    """What the body shows, as Markdown: the record without its front matter (an RST record converted),
    or the whole design document."""
    if decision.kind is Kind.RECORD:
        return rst_as_markdown(decision.body) if decision.dialect == "rst" else decision.body
    try:
        text = repo.text(decision)
    except OSError:
        return decision.body
    lines = frontmatter.split_lines(text)
    end = frontmatter.find_block(lines)
    return "".join(lines[end + 1:]) if end is not None else text


def rst_as_markdown(text: str) -> str:
    """An RST record as Markdown, converted as the digest converts it (docutils loads only for RST)."""
    from adrtool.dialects.rst import to_markdown

    return to_markdown(text)


def diff(text: str) -> str:
    """A unified diff in the theme's diff colours (added, removed, hunk headers)."""
    out = []
    for line in (text or "(no change)\n").splitlines():
        safe = escape(line)
        if line.startswith(("+++", "---")):
            out.append(f"[b]{safe}[/b]")
        elif line.startswith("+"):
            out.append(f"[$adr-diff-add]{safe}[/]")
        elif line.startswith("-"):
            out.append(f"[$adr-diff-del]{safe}[/]")
        elif line.startswith("@@"):
            out.append(f"[$adr-diff-hunk]{safe}[/]")
        else:
            out.append(safe)
    return "\n".join(out)
