"""What the page and the language server show for one check: marks with offsets, messages, evidence, fixes."""

from __future__ import annotations

from typing import Any

from checker.findings import Finding
from checker.language import language_of
from checker.report.evidence_words import date_source_words, evidence_words, long_date
from checker.serve.checking import TextCheck, utf16_offset

_CLOSERS = {"(": ")", "（": "）", "[": "]"}


def fix_label(span: str, replacement: str, after: str) -> str:
    """The replacement as a reader sees it: a bracket the span leaves open is closed from the text after."""
    for opening, closing in _CLOSERS.items():
        if replacement.count(opening) > replacement.count(closing) and after.startswith(closing):
            return replacement + closing
    return replacement


def finding_view(check: TextCheck, finding: Finding, language: str) -> dict[str, Any] | None:
    where = check.offsets(finding.line, finding.column, finding.end_line, finding.end_column, finding.span)
    if where is None:
        return None
    start, end = where
    after = check.text[end : end + 1]
    fixes = []
    if finding.span is not None and check.text[start:end] == finding.span:
        fixes = [{"replacement": r, "label": fix_label(finding.span, r, after)} for r in finding.fixes]
    return {
        "start": utf16_offset(check.text, start),
        "end": utf16_offset(check.text, end),
        "text": check.text[start:end],
        "line": finding.line,
        "column": finding.column,
        "rule": finding.rule,
        "severity": finding.severity,
        "unchecked": bool(finding.evidence.get("unchecked")),
        "message": finding.message,
        "suggestion": finding.suggestion,
        "evidence": evidence_words(finding.evidence, language, with_date=False),
        "fixes": fixes,
        "certain": finding.fix_certain,
    }


def check_view(check: TextCheck) -> dict[str, Any]:
    """The JSON the page renders: marks for findings and for relations checked and found right."""
    language = language_of(check.text)
    findings = [view for f in check.findings if (view := finding_view(check, f, language)) is not None]
    checked = []
    for span in check.checked_right():
        where = check.offsets(span.line, span.column, span.end_line, span.end_column, span.text)
        if where is not None:
            checked.append({"start": utf16_offset(check.text, where[0]), "end": utf16_offset(check.text, where[1]),
                            "kind": span.kind, "text": span.text})
    summary = {"error": 0, "warning": 0, "info": 0}
    for finding in check.findings:
        summary[finding.severity] += 1
    return {
        "language": language,
        "date": check.date.isoformat() if check.date else None,
        "date_words": (f"{long_date(check.date, language)} ({date_source_words(check.date_source, language)})"
                       if check.date else None),
        "findings": findings,
        "checked": checked,
        "summary": summary,
        "unchecked": sum(1 for f in findings if f["unchecked"]),
    }
