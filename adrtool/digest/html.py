"""The digest as one self-contained HTML file: inline CSS, inline SVG, a little inline JS.

Nothing is fetched: no fonts, no scripts, no images from anywhere, so the file
works from a laptop, a phone or a CI artifact, offline.  Bodies are not
rendered as Markdown: the digest shows summaries and links to the records,
which keeps ten thousand decisions within a few megabytes.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from adrtool.digest import svg, text
from adrtool.digest.consequence import ORDERING_NOTE
from adrtool.digest.content import QUADRANTS, Digest, Entry


def _asset(name: str) -> str:
    return resources.files("adrtool.digest").joinpath(name).read_text(encoding="utf-8")


def render(d: Digest) -> str:
    title = escape(text.title(d))
    parts = [
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Belt and braces: even a stray URL in a record cannot make the page fetch anything.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{title}</title>\n<style>\n{_asset('digest.css')}</style>\n</head>\n<body>\n",
        _masthead(d),
        '<main class="wrap">\n',
    ]
    untagged_first = d.counts["untagged"] > sum(d.counts[q] for q in QUADRANTS)
    parts += [_glance(d), _nav(d, untagged_first)]
    if untagged_first:
        parts.append(_untagged(d))
    parts += [
        _load_bearing(d),
        _likely(d) if d.counts["untagged"] else "",
        _section("danger-zone", "Danger zone", text.DANGER_ZONE, d.danger_zone,
                 ["Decision", "Date", "Decision-makers", "Summary"],
                 lambda e: [_link(e), _date(e), escape(text.makers(e)), _summary(e)], "arbitrary-one-way"),
        _free(d),
        _section("considered-cheap-to-undo", "Considered, cheap to undo", text.CONSIDERED, d.considered,
                 ["Decision", "Date", "Summary"], lambda e: [_link(e), _date(e), _summary(e)], "deliberate-two-way"),
        _section("in-flight", "In flight", text.IN_FLIGHT, d.in_flight,
                 ["Decision", "Kind", "Date", "Decision-makers"],
                 lambda e: [_link(e), _pill(e.quadrant), _date(e), escape(text.makers(e))]),
        _due(d),
        _recent(d),
        _history(d),
    ]
    if not untagged_first:
        parts.append(_untagged(d))
    parts += [
        "</main>\n",
        '<footer class="wrap"><p>Made with <code>adrtool digest</code> from the decision records in this '
        "repository. Each entry links to its record; the records are the source of truth.</p></footer>\n",
        f"<script>\n{_asset('digest.js')}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _masthead(d: Digest) -> str:
    name = escape(d.name) if d.name else "Decision digest"
    tag = f' <span class="tagline">tag: {escape(d.tag)}</span>' if d.tag else ""
    return (f'<header class="masthead"><div class="wrap"><p class="eyebrow">Decision digest</p>'
            f"<h1>{name}{tag}</h1><p class=\"lede\">{escape(text.INTRO)}</p>"
            f'<p class="stats">{escape(text.overview(d))}</p></div></header>\n')


def _glance(d: Digest) -> str:
    options = "".join(f'<option value="{escape(t)}">{escape(t)}</option>' for t in d.tags)
    tag_filter = (f'<label class="tag-filter">Tag <select id="tag-filter"><option value="">all tags</option>'
                  f"{options}</select></label>") if d.tags else ""
    return (
        '<section id="glance" class="glance">\n'
        f'<div class="chart">{svg.quadrant_chart(d)}</div>\n'
        '<div class="explain"><h2>At a glance</h2>'
        "<p><b>Deliberate</b> decisions were thought through: engage with their reasoning before changing them. "
        "<b>Arbitrary</b> ones were best guesses: change them when there is better data.</p>"
        "<p>A <b>one-way door</b> is expensive to undo; a <b>two-way door</b> is cheap to walk back through.</p>"
        + (f'<p class="estimates-note">{_code(text.estimates_note(d).replace("*", ""))}</p>' if text.estimates_note(d) else "")
        + f'<p class="note">Counts are decisions in force: {text.in_force(d)} in force. In flight: {len(d.in_flight)}.</p>'
        '<div class="filters" role="toolbar" aria-label="Filter">'
        '<button type="button" id="show-all" class="reset" aria-pressed="true">Show all</button>'
        f"{tag_filter}</div>"
        '<p id="filter-status" class="filter-status" aria-live="polite"></p></div>\n'
        "</section>\n"
    )


def _nav(d: Digest, untagged_first: bool) -> str:
    links = [("load-bearing", "Load-bearing", len(d.load_bearing)), ("danger-zone", "Danger zone", len(d.danger_zone)),
             ("free-to-change", "Free to change", len(d.free_records) + len(d.free_inline)),
             ("considered-cheap-to-undo", "Considered", len(d.considered)), ("in-flight", "In flight", len(d.in_flight)),
             ("due", "Due for a revisit", len(d.due)), ("recent", "Recently changed", len(d.recent or [])),
             ("history", "How we got here", len(d.chains))]
    untagged = ("untagged", "Untagged", len(d.untagged))
    if d.counts["untagged"]:
        links.insert(1, ("likely-load-bearing", "Likely load-bearing", len(d.likely_load_bearing)))
    links = [untagged, *links] if untagged_first else [*links, untagged]
    items = "".join(f'<li><a href="#{a}">{label} <span class="n">{n}</span></a></li>' for a, label, n in links)
    return f'<nav class="toc" aria-label="Sections"><ul>{items}</ul></nav>\n'


def _attrs(e: Entry) -> str:
    tags = " ".join(t.lower() for t in e.decision.tags)
    return f'class="item" data-quadrant="{e.quadrant}" data-tags="{escape(tags)}"'


def _head(anchor: str, heading: str, intro: str, accent: str = "") -> str:
    cls = f' class="digest-section accent-{accent}"' if accent else ' class="digest-section"'
    return f'<section id="{anchor}"{cls}>\n<h2>{escape(heading)}</h2>\n<p class="intro">{_code(intro)}</p>\n'


def _load_bearing(d: Digest) -> str:
    def body(e: Entry) -> str:
        governs = "".join(f"<code>{escape(g)}</code> " for g in e.decision.governs)
        return ((f'<p class="governs">Governs {governs}</p>' if governs else "")
                + (f'<p class="summary">{_summary(e)}</p>' if e.summary.text else ""))

    return _cards("load-bearing", "Load-bearing", text.LOAD_BEARING, d.load_bearing, escape(ORDERING_NOTE), body)


def _likely(d: Digest) -> str:
    """The estimated deliberate one-way decisions, each with the lines its estimate rests on."""
    def body(e: Entry) -> str:
        return "".join(
            f'<p class="evidence"><span class="src">{axis} estimated</span> {escape(reason)}'
            + (f' <q><span class="line">{line}</span> {escape(quote)}</q>' if line else "") + "</p>"
            for axis, reason, line, quote in text.estimate_evidence(e))

    return _cards("likely-load-bearing", "Likely load-bearing", text.LIKELY_LOAD_BEARING, d.likely_load_bearing,
                  "Estimated, not tagged. " + escape(ORDERING_NOTE), body, " estimated")


def _cards(anchor: str, heading: str, intro: str, entries: list[Entry], ordering: str, body, kind: str = "") -> str:
    """A numbered list of cards (date, place, decision-makers, consequence), each with `body(entry)` below."""
    out = [_head(anchor, heading, intro, "deliberate-one-way")]
    if not entries:
        return out[0] + '<p class="empty">None.</p>\n</section>\n'
    out.append(f'<p class="ordering">{ordering}</p>\n<ol class="cards">\n')
    for e in entries:
        place = f"in <code>{escape(text.where(e))}</code>" if text.where(e) else ""
        facts = [f for f in (_date(e), place, escape(text.makers(e)), escape(text.consequence_text(e))) if f]
        out.append(f"<li {_attrs(e)}><article class=\"card{kind}\"><h3>{_link(e)}</h3>"
                   f'<p class="facts">{" · ".join(facts)}</p>{body(e)}</article></li>\n')
    out.append("</ol>\n")
    return "".join(out) + _empty_note() + "</section>\n"


def _free(d: Digest) -> str:
    out = _head("free-to-change", "Free to change", text.FREE, "arbitrary-two-way")
    if not d.free_records and not d.free_inline:
        return out + '<p class="empty">None.</p>\n</section>\n'
    if d.free_records:
        out += _table(d.free_records, ["Decision", "Date", "Revisit when", "Summary"],
                      lambda e: [_link(e), _date(e), escape(e.decision.revisit or ""), _summary(e)])
    if d.free_inline:
        out += f"<p>{escape(text.FREE_INLINE)}</p>\n"
        out += _table(d.free_inline, ["Decision", "Document", "Revisit when"],
                      lambda e: [_link(e, e.decision.title), f"<code>{escape(e.decision.path)}:{e.decision.line}</code>",
                                 escape(e.decision.revisit or "")])
    return out + _empty_note() + "</section>\n"


def _due(d: Digest) -> str:
    out = _head("due", "Due for a revisit", text.DUE)
    if not d.due:
        return out + '<p class="empty">Nothing is due.</p>\n</section>\n'
    rows = "".join(
        f"<tr {_attrs(r.entry)}><td>{_link(r.entry)}</td><td>{escape(r.text)}</td>"
        f'<td><span class="{"overdue" if r.due else "trigger"}">{escape(text.revisit_reason(r))}</span></td></tr>\n'
        for r in d.due)
    return out + _wrap_table(["Decision", "Revisit", "Why listed"], rows) + _empty_note() + "</section>\n"


def _recent(d: Digest) -> str:
    out = _head("recent", "Recently changed", text.recent_intro(d) if d.recent is not None else text.NO_HISTORY)
    if d.recent is None:
        return out + "</section>\n"
    if not d.recent:
        return out + '<p class="empty">No changes.</p>\n</section>\n'
    return out + _table(d.recent, ["Decision", "Changed", "By"],
                        lambda e: [_link(e), f"<time>{e.changed.isoformat()}</time>", escape(", ".join(e.authors))]) + "</section>\n"


def _history(d: Digest) -> str:
    out = [_head("history", "How we got here", text.HISTORY), "<h3>Supersession chains</h3>\n"]
    if not d.chains:
        out.append('<p class="empty">No decision has been superseded yet.</p>\n')
    for chain in d.chains:
        out.append(f'<figure class="chain-wrap">{svg.chain_graph(chain, d.entry_of)}</figure>\n')
    out.append("<h3>Timeline</h3>\n")
    last = len(d.timeline) - 1
    for n, (year, entries) in enumerate(d.timeline):
        count = f"{len(entries)} decision{'s' if len(entries) != 1 else ''}"
        items = "".join(
            f"<li {_attrs(e)}><span class=\"when\">{escape(e.decision.date or 'undated')}</span> {_link(e)} "
            f"{_pill(e.quadrant)} <span class=\"status s-{e.decision.status.value}\">{e.decision.status.value}</span></li>\n"
            for e in entries)
        opened = " open" if n == last else ""
        out.append(f'<details class="year"{opened}><summary><b>{year}</b> {count}</summary>'
                   f'<ul class="timeline">\n{items}</ul></details>\n')
    return "".join(out) + "</section>\n"


def _untagged(d: Digest) -> str:
    out = _head("untagged", "Untagged", text.untagged_intro(d), "untagged")
    out += f'<p class="howto">{_code(text.UNTAGGED_HOW)}</p>\n'
    if d.untagged:
        out += _table(d.untagged, ["Decision", "Status", "Date", "Format", "Estimated", "Summary"],
                      lambda e: [_link(e), escape(e.decision.status_raw or e.decision.status.value), _date(e),
                                 escape(e.decision.dialect), f'<span class="est-text">{escape(text.estimate_text(e))}</span>',
                                 _summary(e)])
    return out + _empty_note() + "</section>\n"


def _section(anchor, heading, intro, entries, headers, cells, accent="") -> str:
    out = _head(anchor, heading, intro, accent)
    if not entries:
        return out + '<p class="empty">None.</p>\n</section>\n'
    return out + _table(entries, headers, cells) + _empty_note() + "</section>\n"


def _table(entries: list[Entry], headers: list[str], cells) -> str:
    rows = "".join(f"<tr {_attrs(e)}>" + "".join(f"<td>{c}</td>" for c in cells(e)) + "</tr>\n" for e in entries)
    return _wrap_table(headers, rows)


def _wrap_table(headers: list[str], rows: str) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>\n{rows}</tbody></table></div>\n'


def _empty_note() -> str:
    return '<p class="filtered-empty">No decision here matches the filter.</p>\n'


def _link(e: Entry, label: str | None = None) -> str:
    d = e.decision
    if label is None and d.kind.value == "record" and d.number is not None:
        return f'<a href="{escape(e.link)}"><span class="id">{escape(d.id)}</span> {escape(d.title)}</a>'
    return f'<a href="{escape(e.link)}">{escape(label or d.title)}</a>'


def _date(e: Entry) -> str:
    return f"<time>{escape(e.decision.date)}</time>" if e.decision.date else ""


def _summary(e: Entry) -> str:
    if not e.summary.text:
        return ""
    return f'<span class="src src-{e.summary.source}">{e.summary.label}</span> {escape(e.summary.text)}'


def _pill(quadrant: str) -> str:
    return f'<span class="pill q-{quadrant.replace("/", "-")}">{escape(text.QUADRANT_NAMES[quadrant])}</span>'


def _code(value: str) -> str:
    """Backticks in the shared wording become <code>."""
    pieces = escape(value).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(pieces))
