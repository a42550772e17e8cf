"""The digest as GitHub-flavoured Markdown: tables, a Mermaid graph, collapsible years."""

from __future__ import annotations

from urllib.parse import quote

from adrtool.digest import text
from adrtool.digest.consequence import ORDERING_NOTE
from adrtool.digest.content import QUADRANTS, Digest, Entry

MERMAID_MAX_EDGES = 300  # GitHub refuses very large diagrams; past this the chains are listed as text only


def render(d: Digest) -> str:
    out: list[str] = [f"# {text.title(d)}", "", text.INTRO, "", text.overview(d), ""]
    if text.estimates_note(d):
        out += [f"> {text.estimates_note(d)}", ""]
    out += _quadrants(d)
    untagged_first = d.counts["untagged"] > sum(d.counts[q] for q in QUADRANTS)
    if untagged_first:  # a legacy collection: what it has is untagged, so say that first
        out += _untagged(d)
    out += _section("Load-bearing", text.LOAD_BEARING, d.load_bearing, _load_bearing)
    if d.counts["untagged"]:
        out += _section("Likely load-bearing", text.LIKELY_LOAD_BEARING, d.likely_load_bearing, _likely)
    out += _section("Danger zone", text.DANGER_ZONE, d.danger_zone,
                    lambda es: _table(es, ["Decision", "Date", "Decision-makers", "Summary"],
                                      lambda e: [_link(e), _date(e), text.makers(e), _summary(e)]))
    out += _section("Free to change", text.FREE, d.free_records,
                    lambda es: _table(es, ["Decision", "Date", "Revisit when", "Summary"],
                                      lambda e: [_link(e), _date(e), e.decision.revisit or "", _summary(e)]))
    if d.free_inline:
        out += [text.FREE_INLINE, ""]
        out += _table(d.free_inline, ["Decision", "Document", "Revisit when"],
                      lambda e: [_link(e, e.decision.title), f"`{e.decision.path}:{e.decision.line}`",
                                 e.decision.revisit or ""])
    out += _section("Considered, cheap to undo", text.CONSIDERED, d.considered,
                    lambda es: _table(es, ["Decision", "Date", "Summary"],
                                      lambda e: [_link(e), _date(e), _summary(e)]))
    out += _section("In flight", text.IN_FLIGHT, d.in_flight,
                    lambda es: _table(es, ["Decision", "Kind", "Date", "Decision-makers"],
                                      lambda e: [_link(e), text.QUADRANT_NAMES[e.quadrant], _date(e), text.makers(e)]))
    out += ["## Due for a revisit", "", text.DUE, ""]
    out += _table(d.due, ["Decision", "Revisit", "Why listed"],
                  lambda r: [_link(r.entry), r.text, text.revisit_reason(r)]) if d.due else ["Nothing is due.", ""]
    out += _recent(d)
    out += _history(d)
    if not untagged_first:
        out += _untagged(d)
    return "\n".join(out).rstrip("\n") + "\n"


def _quadrants(d: Digest) -> list[str]:
    c = d.counts
    anchors = {"deliberate/one-way": "load-bearing", "deliberate/two-way": "considered-cheap-to-undo",
               "arbitrary/one-way": "danger-zone", "arbitrary/two-way": "free-to-change"}

    def cell(q: str) -> str:
        return f"[{c[q]} {text.QUADRANT_NAMES[q].lower()}](#{anchors[q]})"

    def estimated(q: str) -> str:
        n = d.estimated[q]
        return f"*[{n} estimated](#likely-load-bearing)*" if q == "deliberate/one-way" and n else f"*{n} estimated*"

    out = ["## The decisions at a glance", ""]
    if c["untagged"]:  # tagged and estimated side by side, the estimates in columns of their own
        out += ["|  | One-way door: tagged | One-way door: *estimated* | Two-way door: tagged | Two-way door: *estimated* |",
                "| --- | --- | --- | --- | --- |"]
        for choice in ("deliberate", "arbitrary"):
            one, two = f"{choice}/one-way", f"{choice}/two-way"
            out.append(f"| **{choice.capitalize()}** | {cell(one)} | {estimated(one)} | {cell(two)} | {estimated(two)} |")
    else:
        out += ["|  | One-way door (expensive to undo) | Two-way door (cheap to undo) |", "| --- | --- | --- |",
                f"| **Deliberate** | {cell('deliberate/one-way')} | {cell('deliberate/two-way')} |",
                f"| **Arbitrary** | {cell('arbitrary/one-way')} | {cell('arbitrary/two-way')} |"]
    return out + [
        "",
        f"{text.in_force(d)} in force. Untagged: [{c['untagged']}](#untagged). In flight: {len(d.in_flight)}. "
        "Counts are decisions in force (not proposed, superseded, deprecated or rejected).",
        "",
    ]


def _section(heading: str, intro: str, entries: list, body) -> list[str]:
    out = [f"## {heading}", "", intro, ""]
    return out + (body(entries) if entries else ["None.", ""])


def _load_bearing(entries: list[Entry]) -> list[str]:
    out = [f"*{ORDERING_NOTE}*", ""]
    for n, e in enumerate(entries, 1):
        d = e.decision
        place = f"in `{text.where(e)}`" if text.where(e) else ""
        facts = [f for f in (_date(e), place, text.makers(e), text.consequence_text(e)) if f]
        out.append(f"{n}. **{_link(e)}** · {' · '.join(facts)}")
        if d.governs:
            out.append(f"   Governs: {', '.join(f'`{g}`' for g in d.governs)}")
        if e.summary.text:
            out.append(f"   {e.summary.label}: {_inline(e.summary.text)}")
        out.append("")
    return out


def _likely(entries: list[Entry]) -> list[str]:
    out = [f"*Estimated, not tagged. {ORDERING_NOTE}*", ""]
    for n, e in enumerate(entries, 1):
        facts = [f for f in (_date(e), text.makers(e), text.consequence_text(e)) if f]
        out.append(f"{n}. **{_link(e)}** · {' · '.join(facts)}")
        for axis, reason, line, quote in text.estimate_evidence(e):
            shown = f": line {line}: \"{_inline(quote)}\"" if line else ""
            out.append(f"   {axis} (estimated): {_inline(reason)}{shown}")
        out.append("")
    return out


def _recent(d: Digest) -> list[str]:
    out = ["## Recently changed", ""]
    if d.recent is None:
        return out + [text.NO_HISTORY, ""]
    out += [text.recent_intro(d), ""]
    if not d.recent:
        return out + ["No changes.", ""]
    return out + _table(d.recent, ["Decision", "Changed", "By"],
                        lambda e: [_link(e), e.changed.isoformat(), ", ".join(e.authors)])


def _history(d: Digest) -> list[str]:
    out = ["## How we got here", "", "### Supersession chains", "", text.HISTORY, ""]
    if not d.chains:
        out += ["No decision has been superseded yet.", ""]
    else:
        edges = sum(len(c.edges) for c in d.chains)
        if edges <= MERMAID_MAX_EDGES:
            out += _mermaid(d)
        for chain in d.chains:
            columns = text.chain_text(chain, d.entry_of)
            out.append("- " + " → ".join(" + ".join(_link(e) for e in col) for col in columns))
        out.append("")
    out += ["### Timeline", ""]
    for year, entries in d.timeline:
        out += [f"<details><summary>{year}: {len(entries)} decision{'s' if len(entries) != 1 else ''}</summary>", ""]
        for e in entries:
            status = e.decision.status.value
            out.append(f"- {_date(e) or 'undated'} {_link(e)} ({status}, {e.quadrant})")
        out += ["", "</details>", ""]
    return out


def _mermaid(d: Digest) -> list[str]:
    out = ["```mermaid", "graph LR"]
    names: dict[int, str] = {}
    for chain in d.chains:
        for m in chain.members:
            if id(m) not in names:
                names[id(m)] = f"d{len(names)}"
                label = text.label(d.entry_of[id(m)]).replace('"', "#quot;").replace("<", "#lt;")
                out.append(f'  {names[id(m)]}["{label}"]')
        for old, new in chain.edges:
            out.append(f"  {names[id(old)]} --> {names[id(new)]}")
    return out + ["```", ""]


def _untagged(d: Digest) -> list[str]:
    out = ["## Untagged", "", text.untagged_intro(d), "", text.UNTAGGED_HOW, ""]
    if d.untagged:
        out += _table(d.untagged, ["Decision", "Status", "Date", "Format", "Estimated", "Summary"],
                      lambda e: [_link(e), e.decision.status_raw or e.decision.status.value, _date(e),
                                 e.decision.dialect, text.estimate_text(e), _summary(e)])
    return out


def _table(rows: list, headers: list[str], cells) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    for r in rows:
        out.append("| " + " | ".join(_cell(c) for c in cells(r)) + " |")
    return out + [""]


def _cell(value: str) -> str:
    return _inline(str(value)).replace("|", "\\|")


def _inline(value: str) -> str:
    """One line; raw HTML from a record is shown, never rendered (an <img> would fetch)."""
    return " ".join(value.split()).replace("<", "&lt;")


def _link(e: Entry, label: str | None = None) -> str:
    shown = _inline(label or text.label(e)).replace("[", "\\[").replace("]", "\\]")
    return f"[{shown}]({quote(e.link, safe='/#.-_~')})"


def _date(e: Entry) -> str:
    return e.decision.date or ""


def _summary(e: Entry) -> str:
    return f"{e.summary.label}: {e.summary.text}" if e.summary.text else ""
