"""`--format rdjsonl`: reviewdog's Diagnostic format, one JSON object per line.

reviewdog counts columns in UTF-8 bytes, findings in characters; the source line, when kept,
converts one to the other. reviewdog applies `suggestions` as code changes, so only exact
replacements of the span are offered, every alternative the check gives (none for a binary input
such as .docx); the human suggestion goes into the message.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from checker.findings import Finding, LintResult
from checker.report.common import TOOL_NAME, by_location, message_with_help, replacements
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo, rule_info

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    lines = [json.dumps(diagnostic(finding, rules, options.home), ensure_ascii=False)
             for finding in by_location(result.findings)]
    return "".join(line + "\n" for line in lines)


def diagnostic(finding: Finding, rules: Mapping[str, RuleInfo], homepage: str | None = None) -> dict[str, Any]:
    span = _range(finding)
    code: dict[str, Any] = {"value": finding.rule}
    help_uri = rule_info(rules, finding.rule, finding.severity).help_uri
    if help_uri:
        code["url"] = help_uri
    entry: dict[str, Any] = {
        "message": message_with_help(finding),
        "location": {"path": finding.path, "range": span},
        "severity": SEVERITIES[finding.severity],
        "source": {"name": TOOL_NAME, **({"url": homepage} if homepage else {})},
        "code": code,
    }
    fixes = replacements(finding)
    if fixes:
        entry["suggestions"] = [{"range": span, "text": fix} for fix in fixes]
    return entry


def _range(finding: Finding) -> dict[str, dict[str, int]]:
    end_column = finding.end_column
    if finding.end_line == finding.line:
        end_column = _byte_column(finding.source_line, finding.end_column)
    return {
        "start": {"line": finding.line, "column": _byte_column(finding.source_line, finding.column)},
        "end": {"line": finding.end_line, "column": end_column},
    }


def _byte_column(line: str | None, column: int) -> int:
    """The 1-based UTF-8 byte column of a 1-based character column (unchanged without the line)."""
    if line is None:
        return column
    return len(line[: column - 1].encode("utf-8")) + 1
