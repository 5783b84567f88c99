"""`--format html`: a self-contained page for editors who never open a terminal.

A summary (counts, coverage, a table of every finding), then each document's text with the
findings highlighted in place and explained underneath. Inline CSS only: no scripts, no external
assets, so the file can be mailed, attached to a ticket or opened offline. Everything from the
documents and findings is escaped.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Mapping

from checker.findings import LintResult
from checker.report.common import by_location, file_paths, format_value, known_evidence, plural
from checker.report.html_document import Numbered, document_lines, render_text
from checker.report.html_style import STYLESHEET
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo, rule_info


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    items = [Numbered(n, f) for n, f in enumerate(by_location(result.findings), start=1)]
    per_file: dict[str, list[Numbered]] = defaultdict(list)
    for item in items:
        per_file[item.finding.path].append(item)
    sections = [
        _document_section(index, path, result.sources.get(path), per_file[path], rules)
        for index, path in enumerate(file_paths(result), start=1)
    ]
    return _PAGE.format(
        title=escape(_verdict(result)),
        style=STYLESHEET,
        summary=_summary(result, items, options.show_unparsed),
        documents="\n".join(sections),
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>figcheck: {title}</title>
<style>{style}</style>
</head>
<body>
<header><h1>figcheck report</h1><p class="verdict">{title}</p></header>
<main>
{summary}
{documents}
</main>
</body>
</html>
"""


def _verdict(result: LintResult) -> str:
    counts = result.summary()
    if not result.findings:
        return f"No problems found in {plural(result.files, 'file')}"
    return (
        f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
        f"{plural(counts['info'], 'info')} in {plural(result.files, 'file')}"
    )


def _summary(result: LintResult, items: list[Numbered], show_unparsed: bool) -> str:
    counts = result.summary()
    stats = result.stats
    count_cells = "".join(
        f'<tr><th scope="row"><span class="badge {name}">{name}</span></th><td>{counts[name]}</td></tr>'
        for name in ("error", "warning", "info")
    )
    coverage = (
        f"<tr><th scope='row'>Files checked</th><td>{result.files}</td></tr>"
        f"<tr><th scope='row'>Files skipped</th><td>{result.skipped}</td></tr>"
        f"<tr><th scope='row'>Amounts read</th><td>{stats.amounts}</td></tr>"
        f"<tr><th scope='row'>Relations found</th><td>{stats.relations}</td></tr>"
        f"<tr><th scope='row'>Relations checked</th><td>{stats.checked}</td></tr>"
        f"<tr><th scope='row'>Not understood</th><td>{len(stats.unparsed)}</td></tr>"
    )
    parts = [
        '<section class="summary"><h2>Summary</h2><div class="tables">',
        f'<table class="counts"><caption>Findings</caption>{count_cells}</table>',
        f'<table class="counts"><caption>Coverage</caption>{coverage}</table></div>',
    ]
    if items:
        parts.append(_findings_table(items))
    if show_unparsed and stats.unparsed:
        listed = "".join(f"<li><q>{escape(text)}</q></li>" for text in stats.unparsed)
        parts.append(f'<details class="unparsed"><summary>Not understood</summary><ul>{listed}</ul></details>')
    parts.append("</section>")
    return "\n".join(parts)


def _findings_table(items: list[Numbered]) -> str:
    rows = []
    for item in items:
        f = item.finding
        rows.append(
            f'<tr class="{f.severity}"><td><a href="#note-{item.number}">{item.number}</a></td>'
            f'<td><span class="badge {f.severity}">{f.severity}</span></td>'
            f"<td class='loc'>{escape(f.path)}:{f.line}:{f.column}</td><td><code>{escape(f.rule)}</code></td>"
            f"<td>{escape(f.message)}</td><td>{escape(f.suggestion or '')}</td></tr>"
        )
    head = "<tr><th>#</th><th>Severity</th><th>Location</th><th>Rule</th><th>Message</th><th>Suggested fix</th></tr>"
    return f'<table class="findings"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _document_section(
    index: int, path: str, source: str | None, items: list[Numbered], rules: Mapping[str, RuleInfo]
) -> str:
    if source is not None:
        lines = dict(enumerate(document_lines(source), start=1))
        note_text = ""
    else:
        lines = {i.finding.line: i.finding.source_line for i in items if i.finding.source_line is not None}
        note_text = '<p class="partial">Only the lines with findings are shown: the full text was not kept.</p>'
    body = render_text(lines, items, lambda item: _note(item, rules))
    status = plural(len(items), "finding") if items else "no findings"
    return (
        f'<section class="document" id="doc-{index}"><h2><span class="path">{escape(path)}</span>'
        f' <span class="status">{status}</span></h2>{note_text}<div class="text">{body}</div></section>'
    )


def _note(item: Numbered, rules: Mapping[str, RuleInfo]) -> str:
    f = item.finding
    rule = rule_info(rules, f.rule, f.severity)
    parts = [
        f'<aside class="note {f.severity}" id="note-{item.number}">',
        f'<p class="head"><a class="num" href="#f{item.number}">{item.number}</a>'
        f' <span class="badge {f.severity}">{f.severity}</span> <code>{escape(f.rule)}</code>'
        f' <span class="loc">line {f.line}, column {f.column}</span></p>',
        f'<p class="message">{escape(f.message)}</p>',
    ]
    if f.suggestion:
        parts.append(f'<p class="fix"><span class="label">Suggested fix:</span> <ins>{escape(f.suggestion)}</ins></p>')
    evidence = known_evidence(f.evidence)
    if evidence:
        cells = "".join(
            f"<div><dt>{escape(str(key).replace('_', ' '))}</dt><dd>{escape(format_value(value))}</dd></div>"
            for key, value in evidence.items()
        )
        parts.append(f'<dl class="evidence">{cells}</dl>')
    about = escape(rule.summary) if rule.summary != rule.id else ""
    if rule.help_uri:
        about += f' <a href="{escape(rule.help_uri)}">About this rule</a>'
    if about:
        parts.append(f'<p class="rule">{about}</p>')
    parts.append("</aside>")
    return "".join(parts)
