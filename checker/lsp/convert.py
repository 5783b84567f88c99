"""Findings as LSP values: diagnostics at UTF-16 ranges, fixes as code actions, evidence as hover text."""

from __future__ import annotations

from lsprotocol import types

from checker.findings import Finding
from checker.language import language_of
from checker.report.evidence_words import evidence_words
from checker.serve.checking import TextCheck, utf16_length
from checker.serve.findings_view import fix_label

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
SOURCE = "figcheck"


def position(check: TextCheck, offset: int) -> types.Position:
    """A character offset as an LSP position: 0-based line, UTF-16 code units into it."""
    line, column = check.index.position(offset)
    start = check.index.starts[line - 1]
    return types.Position(line=line - 1, character=utf16_length(check.text[start : start + column - 1]))


def finding_range(check: TextCheck, finding: Finding) -> types.Range | None:
    where = check.offsets(finding.line, finding.column, finding.end_line, finding.end_column, finding.span)
    if where is None:
        return None
    return types.Range(start=position(check, where[0]), end=position(check, where[1]))


def diagnostics(check: TextCheck) -> list[types.Diagnostic]:
    found = []
    for index, finding in enumerate(check.findings):
        where = finding_range(check, finding)
        if where is None:
            continue
        unchecked = bool(finding.evidence.get("unchecked"))
        found.append(types.Diagnostic(
            range=where,
            message=finding.message,
            severity=types.DiagnosticSeverity.Hint if unchecked else SEVERITY[finding.severity],
            code=finding.rule,
            source=SOURCE,
            data={"index": index, "rule": finding.rule, "line": finding.line, "column": finding.column},
        ))
    return found


def code_actions(uri: str, check: TextCheck, wanted: types.Range) -> list[types.CodeAction]:
    """A quick fix per alternative of each finding touching `wanted`; the client applies one if asked."""
    actions = []
    for finding in check.findings:
        where = finding_range(check, finding)
        if where is None or not finding.fixes or not _touches(where, wanted):
            continue
        start, end = check.offsets(finding.line, finding.column, finding.end_line, finding.end_column, finding.span)
        if check.text[start:end] != finding.span:
            continue  # the text there is not what the check read: offer nothing rather than a wrong edit
        diagnostic = next((d for d in diagnostics(check) if d.range == where and d.code == finding.rule), None)
        for number, replacement in enumerate(finding.fixes):
            label = fix_label(finding.span or "", replacement, check.text[end : end + 1])
            actions.append(types.CodeAction(
                title=f"figcheck: change to “{label}”",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic] if diagnostic else None,
                is_preferred=finding.fix_certain and number == 0,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=where, new_text=replacement)]}),
            ))
    return actions


def hover_text(check: TextCheck, at: types.Position) -> str | None:
    """What figcheck knows about the figure under the cursor, in words (Markdown)."""
    language = language_of(check.text)
    parts = []
    for finding in check.findings:
        where = finding_range(check, finding)
        if where is None or not _contains(where, at):
            continue
        lines = [f"**figcheck {finding.severity}** `{finding.rule}`: {finding.message}"]
        evidence = evidence_words(finding.evidence, language)
        if evidence:
            lines.append(f"Evidence: {evidence}")
        if finding.suggestion:
            lines.append(f"Suggested: {finding.suggestion}")
        parts.append("\n\n".join(lines))
    if not parts:
        for span in check.checked_right():
            start = check.index.offset(span.line, span.column)
            if start is not None and _contains(types.Range(start=position(check, start),
                                                           end=position(check, start + len(span.text))), at):
                parts.append(f"**figcheck**: checked “{span.text}” ({span.kind}); the figures agree")
    return "\n\n---\n\n".join(parts) or None


def _key(p: types.Position) -> tuple[int, int]:
    return p.line, p.character


def _touches(a: types.Range, b: types.Range) -> bool:
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _contains(r: types.Range, p: types.Position) -> bool:
    return _key(r.start) <= _key(p) <= _key(r.end)
