"""Small helpers shared by several reporters: ordering, evidence text, spans, file lists."""

from __future__ import annotations

import json
from typing import Any, Iterable

from checker.findings import Finding, LintResult, Severity

TOOL_NAME = "figcheck"


def by_location(findings: Iterable[Finding]) -> list[Finding]:
    """The contract's order: path, line, column (then rule and message, for stability)."""
    return sorted(findings, key=Finding.sort_key)


def most_severe_first(findings: Iterable[Finding]) -> list[Finding]:
    """Errors before warnings before infos, each group in location order.

    GitHub shows only about ten annotations per severity per step, so the ones that block a
    merge must come first.
    """
    return sorted(findings, key=lambda f: (-Severity.of(f.severity), f.sort_key()))


def format_value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


# The evidence a reader needs first; the rest (intermediate values, windows) is in JSON and HTML.
KEY_EVIDENCE = ("rate", "rate_unit", "rate_date", "source", "factor")


def known_evidence(evidence: dict[str, Any]) -> dict[str, Any]:
    """The evidence worth showing: entries with a value (checks record unknowns as None)."""
    return {key: value for key, value in evidence.items() if value is not None}


def evidence_text(evidence: dict[str, Any], compact: bool = False) -> str:
    """Evidence as one line: `rate=7.28 rate_date=2025-04-15 source=ECB factor=9.7`.

    `compact` keeps only the rate, its date, its source and the factor when the check gave them.
    """
    shown = known_evidence(evidence)
    if compact and any(key in shown for key in KEY_EVIDENCE):
        shown = {key: shown[key] for key in KEY_EVIDENCE if key in shown}
    return " ".join(f"{key}={format_value(value)}" for key, value in shown.items())


def replacement(finding: Finding) -> str | None:
    """Text that can replace the finding's span verbatim, for formats that apply fixes.

    `suggestion` is written for people (it may offer alternatives joined by "or", and need not
    cover the span exactly), so a machine-applicable fix is only offered when the check states
    one as `evidence["replacement"]`.
    """
    if finding.path.lower().endswith(BINARY_SUFFIXES):
        return None
    value = finding.evidence.get("replacement")
    return value if isinstance(value, str) else None


# Inputs whose text a fix cannot be applied to as a text edit (a .docx is a zip of XML).
BINARY_SUFFIXES = (".docx",)


def replacements(finding: Finding) -> list[str]:
    """Every exact replacement of the span the check offers (alternatives, most likely first).

    None for a binary input: a reviewer's "apply suggestion" would write text into a zip.
    """
    if finding.path.lower().endswith(BINARY_SUFFIXES):
        return []
    listed = finding.evidence.get("replacements")
    texts = [text for text in listed if isinstance(text, str)] if isinstance(listed, list) else []
    single = replacement(finding)
    if single is not None and single not in texts:
        texts.insert(0, single)
    return texts


def occurrence_keys(findings: Iterable[Finding], key) -> list[str]:
    """`key(finding)` made unique with CodeQL's occurrence suffix: the n-th repeat gets ":n".

    Two identical findings in one file ("$5 (4 euros)" twice) must stay two results.
    """
    seen: dict[str, int] = {}
    keys = []
    for finding in findings:
        base = key(finding)
        seen[base] = seen.get(base, 0) + 1
        keys.append(f"{base}:{seen[base]}")
    return keys


def message_with_help(finding: Finding) -> str:
    """The message plus its suggestion, for formats that have a single text field."""
    if finding.suggestion:
        return f"{finding.message}\nhelp: {finding.suggestion}"
    return finding.message


def span_width(finding: Finding, line_length: int | None = None) -> int:
    """How many characters of the start line the finding covers (at least one).

    `end_column` is exclusive (the column just after the span), as in SARIF. A span that runs onto
    later lines covers the rest of its first line.
    """
    if finding.end_line > finding.line:
        end = (line_length + 1) if line_length is not None else finding.column + 1
    else:
        end = finding.end_column
    return max(1, end - finding.column)


def span_text(finding: Finding) -> str | None:
    """The text the finding underlines, on its first line; None when the line was not kept."""
    if finding.source_line is None:
        return None
    start = finding.column - 1
    return finding.source_line[start : start + span_width(finding, len(finding.source_line))] or None


def file_paths(result: LintResult) -> list[str]:
    """Every file the result can name: those with findings and those whose text was kept."""
    return sorted({f.path for f in result.findings} | set(result.sources))


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def files_text(result: LintResult) -> str:
    """"1 file", "2 files", or for exports "3 records in 1 file" (records counted once each)."""
    if result.records:
        return f"{plural(result.records, 'record')} in {plural(result.files, 'file')}"
    return plural(result.files, "file")


def shown_path(path: str) -> str:
    """A path as a terminal report shows it: control characters (an ESC or BEL in a file name would
    retitle or clear the reader's terminal) as escapes, as `ls` and git quote them; else unchanged."""
    if path.isprintable():
        return path
    return "".join(char if char.isprintable() else f"\\x{ord(char):02x}" if ord(char) < 0x100
                   else f"\\u{ord(char):04x}" for char in path)
