"""Printing a ReviewReport: text, Markdown (a pull-request comment), JSON, SARIF 2.1.0, GitHub annotations."""

from __future__ import annotations

import json

from adrtool import __version__
from adrtool.review import rules
from adrtool.review.findings import Finding

FORMATS = ("text", "markdown", "json", "sarif", "github")
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(report, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}")
    return {"text": text, "markdown": markdown, "json": as_json, "sarif": sarif, "github": github}[fmt](report)


# ---- shared pieces ------------------------------------------------------------------


def _where(f: Finding) -> str:
    return f.path if f.line is None else f"{f.path}:{f.line}"


def _scope(report) -> str:
    if report.mode == "all":
        return f"every decision ({len(report.changes)})"
    if report.mode == "ids":
        return f"{len(report.changes)} decision" + ("" if len(report.changes) == 1 else "s")
    what = "changed decision" + ("" if len(report.changes) == 1 else "s")
    since = f"since {report.base}" + (f" (merge base {report.merge_base[:7]})" if report.merge_base else "")
    extra = ", with uncommitted changes" if report.mode == "worktree" else ""
    return f"{len(report.changes)} {what} {since}{extra}"


def _tags(d) -> tuple[str, str]:
    if d is None:
        return "", ""
    return (d.choice.value if d.choice else "untagged"), (d.door.value if d.door else "untagged")


def _totals(report) -> str:
    c = report.counts()
    return f"{c['error']} error(s), {c['warning']} warning(s), {c['note']} note(s)"


def _decision_rows(report) -> list[tuple[str, str, str, str, str, str, str]]:
    """(id, change, status, choice, door, title, path) per reviewed decision."""
    rows = []
    for c in report.changes:
        d = c.decision or c.before
        choice, door = _tags(c.decision)
        rows.append((d.id, c.kind, d.status.value if c.decision else "(deleted)", choice, door, d.title, c.path))
    return rows


# ---- text -----------------------------------------------------------------------------


def _files(report) -> str:
    """How many decision files were read, and how many could not be."""
    return f"{report.files_read} decision file(s) read, {report.files_unreadable} could not be read"


def finding_lines(findings) -> list[str]:
    out = []
    for f in findings:
        ai = " [ai]" if f.source == "ai" else ""
        out.append(f"{_where(f)}: {f.severity} {f.rule}{ai}: {f.message}\n")
        out.append(f"    -> {f.recommendation}\n")
    return out


def text(report) -> str:
    out = [f"adrtool review: {_scope(report)}; {_files(report)}"]
    out += [f"notice: {n}" for n in report.notices]
    if report.mode != "all":
        for ident, change, status, choice, door, title, path in _decision_rows(report):
            out.append(f"  {change:<9} {ident:<10} {status:<10} {choice}/{door}  {title} ({path})")
    if report.history and report.mode == "all":
        out.append(f"history (closed, not judged on reasoning): {', '.join(d.id for d in report.history)}")
    if report.findings:
        out.append("")
    out += [line.rstrip("\n") for line in finding_lines(report.findings)]
    out.append("")
    out.append(_totals(report) if report.findings else "no findings")
    return "\n".join(out) + "\n"


# ---- Markdown (pull-request comment) ----------------------------------------------------

_ICON = {"error": "❌", "warning": "⚠️", "note": "ℹ️"}


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def markdown(report) -> str:
    out = ["## adrtool review", "", f"Reviewed {_scope(report)}: **{_totals(report)}**; {_files(report)}.", ""]
    out += [f"> **Note:** {n}" for n in report.notices]
    if report.notices:
        out.append("")
    if report.changes and report.mode != "all":
        out += ["| Decision | Title | Change | Status | Choice | Door |", "|---|---|---|---|---|---|"]
        for ident, change, status, choice, door, title, path in _decision_rows(report):
            out.append(f"| [{_cell(ident)}]({path}) | {_cell(title)} | {change} | {status} | {choice} | {door} |")
        out.append("")
    if report.findings:
        out += ["### Findings", "", "| | Where | Rule | Finding | Recommendation |", "|---|---|---|---|---|"]
        for f in report.findings:
            rule = f"`{f.rule}`" + (" (AI)" if f.source == "ai" else "")
            out.append(f"| {_ICON[f.severity]} {f.severity} | `{_where(f)}` | {rule} | {_cell(f.message)} | {_cell(f.recommendation)} |")
    else:
        out.append("No findings.")
    return "\n".join(out) + "\n"


# ---- JSON ---------------------------------------------------------------------------------


def report_json(report) -> dict:
    return {
        "mode": report.mode,
        "base": report.base,
        "base_commit": report.base_commit,
        "merge_base": report.merge_base,
        "head": report.head,
        "notices": list(report.notices),
        "files": {"read": report.files_read, "unreadable": report.files_unreadable},
        "decisions": [
            {"id": ident, "title": title, "path": path, "change": change, "status": status, "choice": choice, "door": door,
             "card": report.cards[ident].to_json() if ident in report.cards else None}
            for ident, change, status, choice, door, title, path in _decision_rows(report)
        ],
        "history": [d.id for d in report.history],
        "findings": [
            {"rule": f.rule, "severity": f.severity, "path": f.path, "line": f.line, "message": f.message,
             "recommendation": f.recommendation, "decision_id": f.decision_id, "source": f.source}
            for f in report.findings
        ],
        "summary": report.counts(),
    }


def as_json(report) -> str:
    return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"


# ---- SARIF 2.1.0 ----------------------------------------------------------------------------

_LEVEL = {"error": "error", "warning": "warning", "note": "note"}


def sarif(report) -> str:
    used = sorted({f.rule for f in report.findings})
    index = {rule_id: i for i, rule_id in enumerate(used)}
    driver_rules = []
    for rule_id in used:
        driver_rules.append({
            "id": rule_id,
            "name": rule_id.split("/", 1)[-1].replace("-", " ").title().replace(" ", ""),
            "shortDescription": {"text": rules.summary(rule_id)},
            "defaultConfiguration": {"level": _LEVEL[rules.default_severity(rule_id)]},
            "properties": {"tags": [rule_id.split("/", 1)[0]]},
        })
    results = []
    for f in report.findings:
        region = {"startLine": f.line} if f.line else None
        location = {"physicalLocation": {"artifactLocation": {"uri": report.prefix + f.path, "uriBaseId": "%SRCROOT%"}}}
        if region:
            location["physicalLocation"]["region"] = region
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity],
            "message": {"text": f"{f.message}. {f.recommendation}"},
            "locations": [location],
            "partialFingerprints": {"adrtoolFinding/v1": f"{f.rule}:{f.decision_id or f.path}"},
        }
        if f.source != "rules":
            result["properties"] = {"source": f.source}
        results.append(result)
    run = {
        "tool": {"driver": {"name": "adrtool", "version": __version__, "rules": driver_rules}},
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The repository root"}}},
        "results": results,
    }
    doc = {"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# ---- GitHub Actions workflow commands ---------------------------------------------------------


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report) -> str:
    """`::error file=...,line=...,title=...::message` lines; notices become `::notice::`."""
    out = [f"::notice::{_escape_data(n)}" for n in report.notices]
    command = {"error": "error", "warning": "warning", "note": "notice"}
    for f in report.findings:
        props = [f"file={_escape_property(report.prefix + f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_escape_property(f.rule)}")
        out.append(f"::{command[f.severity]} {','.join(props)}::{_escape_data(f.message + '. ' + f.recommendation)}")
    out.append(f"adrtool review: {_scope(report)}; {_files(report)}: {_totals(report) if report.findings else 'no findings'}")
    return "\n".join(out) + "\n"
