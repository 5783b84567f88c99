"""`--format html`: a self-contained page for editors who never open a terminal.

At the top: counts, coverage, a summary per rule, and filters (by severity and by rule) that are
plain checkboxes styled with CSS `:has()`, so the page needs no script. Then each document with
findings as prose (rendered text, not its markup or front matter), the as-of date used and where it
came from at its head, the findings marked in place and explained in words under their paragraph.
Documents without findings are one line each at the end. Inline CSS only, no scripts, no external
assets: the file can be mailed, attached to a ticket or opened offline. Everything is escaped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import Mapping

from checker.findings import Finding, LintResult
from checker.report.common import by_location, file_paths, plural
from checker.language import language_of
from checker.report.evidence_words import date_source_words, evidence_sentences, long_date
from checker.report.html_document import Numbered, document_lines, render_text
from checker.report.html_prose import prose_paragraphs, render_prose
from checker.report.html_style import STYLESHEET, filter_css
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo, rule_info

SEVERITIES = ("error", "warning", "info")


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    items = [Numbered(n, f) for n, f in enumerate(by_location(result.findings), start=1)]
    per_file: dict[str, list[Numbered]] = defaultdict(list)
    for item in items:
        per_file[item.finding.path].append(item)
    rule_ids = sorted({item.finding.rule for item in items})
    paths = file_paths(result)
    sections = [
        _document_section(index, path, result, per_file[path], rules)
        for index, path in enumerate(paths, start=1) if per_file.get(path)
    ]
    clean = [path for path in paths if not per_file.get(path)]
    return _PAGE.format(
        title=escape(_verdict(result)),
        style=STYLESHEET + filter_css(rule_ids),
        summary=_summary(result, items, rules, options.show_unparsed),
        filters=_filters(items, rule_ids) if items else "",
        documents="\n".join(sections),
        clean=_clean_list(clean, result),
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
{filters}
{documents}
{clean}
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


def _summary(result: LintResult, items: list[Numbered], rules: Mapping[str, RuleInfo], show_unparsed: bool) -> str:
    counts = result.summary()
    stats = result.stats
    count_cells = "".join(
        f'<tr><th scope="row"><span class="badge {name}">{name}</span></th><td>{counts[name]}</td></tr>'
        for name in SEVERITIES
    )
    with_findings = len({item.finding.path for item in items})
    coverage = (
        f"<tr><th scope='row'>Files checked</th><td>{result.files}</td></tr>"
        f"<tr><th scope='row'>Files with findings</th><td>{with_findings}</td></tr>"
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
        parts.append(_rule_table(items, rules))
        parts.append(_findings_table(items))
    if show_unparsed and stats.unparsed:
        listed = "".join(f"<li><q>{escape(text)}</q></li>" for text in stats.unparsed)
        parts.append(f'<details class="unparsed"><summary>Not understood</summary><ul>{listed}</ul></details>')
    parts.append("</section>")
    return "\n".join(parts)


def _rule_table(items: list[Numbered], rules: Mapping[str, RuleInfo]) -> str:
    """One row per rule: how many findings of each severity, in how many files, and what it checks."""
    by_rule: dict[str, Counter] = defaultdict(Counter)
    files: dict[str, set[str]] = defaultdict(set)
    for item in items:
        by_rule[item.finding.rule][item.finding.severity] += 1
        files[item.finding.rule].add(item.finding.path)
    rows = []
    for rule_id in sorted(by_rule, key=lambda r: (-sum(by_rule[r].values()), r)):
        counts = by_rule[rule_id]
        info = rule_info(rules, rule_id, "info")
        about = escape(info.summary) if info.summary != info.id else ""
        cells = "".join(f"<td>{counts[s] or ''}</td>" for s in SEVERITIES)
        rows.append(f'<tr data-rule="{escape(rule_id)}"><th scope="row"><code>{escape(rule_id)}</code></th>{cells}'
                    f"<td>{len(files[rule_id])}</td><td>{about}</td></tr>")
    head = ("<tr><th scope='col'>Rule</th><th scope='col'>Errors</th><th scope='col'>Warnings</th>"
            "<th scope='col'>Infos</th><th scope='col'>Files</th><th scope='col'>What it checks</th></tr>")
    return (f'<table class="rules"><caption>By rule</caption><thead>{head}</thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _filters(items: list[Numbered], rule_ids: list[str]) -> str:
    severity_counts = Counter(item.finding.severity for item in items)
    rule_counts = Counter(item.finding.rule for item in items)
    severities = "".join(
        f'<label><input type="checkbox" id="show-{name}" checked> <span class="badge {name}">{name}</span> '
        f'({severity_counts[name]})</label>'
        for name in SEVERITIES if severity_counts[name]
    )
    by_rule = "".join(
        f'<label><input type="checkbox" id="show-rule-{n}" data-rule="{escape(rule)}" checked> '
        f'<code>{escape(rule)}</code> ({rule_counts[rule]})</label>'
        for n, rule in enumerate(rule_ids, start=1)
    )
    return ('<section class="filters" aria-label="Show findings"><h2>Show</h2>'
            f'<fieldset><legend>Severity</legend>{severities}</fieldset>'
            f'<fieldset><legend>Rule</legend>{by_rule}</fieldset></section>')


def _findings_table(items: list[Numbered]) -> str:
    rows = []
    for item in items:
        f = item.finding
        rows.append(
            f'<tr class="{f.severity}" data-rule="{escape(f.rule)}"><td><a href="#note-{item.number}">{item.number}</a></td>'
            f'<td><span class="badge {f.severity}">{f.severity}</span></td>'
            f"<td class='loc'>{escape(f.path)}:{f.line}:{f.column}</td><td><code>{escape(f.rule)}</code></td>"
            f"<td>{escape(f.message)}</td><td>{escape(f.suggestion or '')}</td></tr>"
        )
    head = "<tr><th>#</th><th>Severity</th><th>Location</th><th>Rule</th><th>Message</th><th>Suggested fix</th></tr>"
    return f'<table class="findings"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _date_line(path: str, result: LintResult, items: list[Numbered]) -> str:
    """The as-of date the checks used for this document and where it came from."""
    known = result.dates.get(path)
    if known is None:
        dated = next((i.finding.evidence for i in items if "date_source" in i.finding.evidence), None)
        if dated is None:
            return ""
        known = (dated.get("date"), dated.get("date_source"))
    day, source = known
    if day is None:
        return ('<p class="asof undated"><span class="label">Date:</span> none known — conversions were checked '
                'against the rates of the table\'s last year</p>')
    return (f'<p class="asof"><span class="label">Date used:</span> {escape(long_date(day))} '
            f'({escape(date_source_words(source))})</p>')


def _document_section(index: int, path: str, result: LintResult, items: list[Numbered],
                      rules: Mapping[str, RuleInfo]) -> str:
    source = result.sources.get(path)
    blocks = prose_paragraphs(path, source) if source is not None else None
    note_text = ""
    if blocks is not None:
        body = render_prose(blocks, items, lambda item: _note(item, rules))
        style = "prose"
    elif source is not None:
        lines = dict(enumerate(document_lines(source), start=1))
        body, style = render_text(lines, items, lambda item: _note(item, rules)), "text"
    else:
        lines = {i.finding.line: i.finding.source_line for i in items if i.finding.source_line is not None}
        note_text = '<p class="partial">Only the lines with findings are shown: the full text was not kept.</p>'
        body, style = render_text(lines, items, lambda item: _note(item, rules)), "text"
    counts = Counter(item.finding.severity for item in items)
    status = ", ".join(plural(counts[s], s) for s in SEVERITIES if counts[s])
    return (
        f'<section class="document" id="doc-{index}"><h2><span class="path">{escape(path)}</span>'
        f' <span class="status">{status}</span></h2>{_date_line(path, result, items)}{note_text}'
        f'<div class="{style}">{body}</div></section>'
    )


def _clean_list(paths: list[str], result: LintResult) -> str:
    if not paths:
        return ""
    rows = []
    for path in paths:
        day, source = result.dates.get(path, (None, None))
        when = f" · {escape(long_date(day))} ({escape(date_source_words(source))})" if day else ""
        rows.append(f'<li class="clean-doc"><span class="path">{escape(path)}</span> — no findings{when}</li>')
    return (f'<section class="clean"><h2>{plural(len(paths), "document")} without findings</h2>'
            f'<ul class="clean-list">{"".join(rows)}</ul></section>')


def _note(item: Numbered, rules: Mapping[str, RuleInfo]) -> str:
    f: Finding = item.finding
    rule = rule_info(rules, f.rule, f.severity)
    parts = [
        f'<aside class="note {f.severity}" id="note-{item.number}" data-rule="{escape(f.rule)}">',
        f'<p class="head"><a class="num" href="#f{item.number}">{item.number}</a>'
        f' <span class="badge {f.severity}">{f.severity}</span> <code>{escape(f.rule)}</code>'
        f' <span class="loc">line {f.line}, column {f.column}</span></p>',
        f'<p class="message">{escape(f.message)}</p>',
    ]
    if f.suggestion:
        parts.append(f'<p class="fix"><span class="label">Suggested fix:</span> <ins>{escape(f.suggestion)}</ins></p>')
    sentences = evidence_sentences(f.evidence, language_of(f.message), with_date=False)
    if sentences:
        listed = "".join(f"<li>{escape(s)}</li>" for s in sentences)
        parts.append(f'<ul class="evidence" aria-label="Evidence">{listed}</ul>')
    about = escape(rule.summary) if rule.summary != rule.id else ""
    if rule.help_uri:
        about += f' <a href="{escape(rule.help_uri)}">About this rule</a>'
    if about:
        parts.append(f'<p class="rule">{about}</p>')
    parts.append("</aside>")
    return "".join(parts)
