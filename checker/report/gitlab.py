"""`--format gitlab`: GitLab Code Quality JSON (`artifacts: reports: codequality:`).

A JSON array of issues, the subset of the Code Climate spec GitLab reads: `description`,
`check_name`, `fingerprint`, `severity` (info, minor, major, critical, blocker) and
`location.path` with `location.lines.begin` (plus `positions` for the column). GitLab merges and
compares issues by fingerprint, so two identical findings in one file get distinct ones (the
occurrence suffix SARIF uses).
"""

from __future__ import annotations

import hashlib
from typing import Any, Mapping

from checker.findings import Finding, LintResult
from checker.report.common import by_location, message_with_help, occurrence_keys, span_text
from checker.report.json_text import dumps_indented
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    findings = by_location(result.findings)
    issues = [_issue(f, key) for f, key in zip(findings, occurrence_keys(findings, _anchor))]
    return dumps_indented(issues) + "\n"


def _anchor(finding: Finding) -> str:
    """What stays the same when the finding only moves: rule, path and the words it is about."""
    return f"{finding.rule}\0{finding.path}\0{(span_text(finding) or finding.message).strip()}"


def _issue(finding: Finding, key: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "description": message_with_help(finding),
        "check_name": finding.rule,
        "fingerprint": hashlib.md5(key.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest(),
        "severity": SEVERITIES[finding.severity],
        "categories": ["Bug Risk"],
        "location": {
            "path": finding.path,
            "lines": {"begin": finding.line, "end": finding.end_line},
            "positions": {
                "begin": {"line": finding.line, "column": finding.column},
                "end": {"line": finding.end_line, "column": finding.end_column},
            },
        },
    }
