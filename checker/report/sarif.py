"""`--format sarif`: SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure) ingest.

Written as plain dicts: the structure is small and the tests validate it against the official
schema. Columns are Unicode code points (`columnKind`), `endColumn` is exclusive, as in findings.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import quote

from checker.version import __version__
from checker.findings import Finding, LintResult
from checker.report.common import (
    TOOL_NAME,
    by_location,
    known_evidence,
    message_with_help,
    occurrence_keys,
    replacements,
    span_text,
)
from checker.report.json_text import dumps_indented
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo, rule_info

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    findings = by_location(result.findings)
    catalogue = _rule_catalogue(findings, rules)
    index = {rule.id: position for position, rule in enumerate(catalogue)}
    driver: dict[str, Any] = {"name": TOOL_NAME, "version": __version__}
    home = options.home
    if home:  # an absolute URI or nothing (SARIF 3.19.17); see rules.project_url
        driver["informationUri"] = home
    driver["rules"] = [_rule_descriptor(rule) for rule in catalogue]
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory figcheck ran in."}}},
        "results": [
            _result(finding, index[finding.rule], fingerprint)
            for finding, fingerprint in zip(findings, occurrence_keys(findings, _fingerprint))
        ],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return dumps_indented(log) + "\n"


def _rule_catalogue(findings: list[Finding], rules: Mapping[str, RuleInfo]) -> list[RuleInfo]:
    """Every known rule, plus any rule a finding names that nobody described."""
    catalogue = {rule_id: rules[rule_id] for rule_id in sorted(rules)}
    for finding in findings:
        if finding.rule not in catalogue:
            catalogue[finding.rule] = rule_info(rules, finding.rule, finding.severity)
    return list(catalogue.values())


def _rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    """A reportingDescriptor: its documentation in-band (`help`), and a helpUri where one is known
    (the pack's `link:`, else the README's check kinds at the project's home)."""
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.help or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"kind": rule.kind},
    }
    help_text = rule.help or rule.summary
    descriptor["help"] = {"text": help_text, "markdown": help_text}
    if rule.help_uri:
        descriptor["helpUri"] = rule.help_uri
    return descriptor


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    region = _region(finding)
    artifact = _artifact_location(finding.path)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message_with_help(finding)},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "partialFingerprints": {"figcheck/v1": fingerprint},
        "properties": {"evidence": known_evidence(finding.evidence)},
    }
    if finding.suggestion:
        result["properties"]["suggestion"] = finding.suggestion
    fixes = [
        {
            "description": {"text": f"Replace with: {fix}"},
            "artifactChanges": [
                {
                    "artifactLocation": artifact,
                    "replacements": [{"deletedRegion": _bare_region(finding), "insertedContent": {"text": fix}}],
                }
            ],
        }
        for fix in replacements(finding)
    ]
    if fixes:
        result["fixes"] = fixes
    return result


def _bare_region(finding: Finding) -> dict[str, int]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }


def _region(finding: Finding) -> dict[str, Any]:
    region: dict[str, Any] = _bare_region(finding)
    text = span_text(finding)
    if text:
        region["snippet"] = {"text": text}
    return region


def _artifact_location(path: str) -> dict[str, str]:
    """Relative paths against %SRCROOT% (what code scanning expects), absolute ones as file URIs."""
    if Path(path).is_absolute():
        return {"uri": "file://" + _quoted(path)}
    return {"uri": _quoted(path.replace("\\", "/")), "uriBaseId": "%SRCROOT%"}


def _quoted(path: str) -> str:
    """A path percent-encoded from the bytes the file system holds (a name that is not UTF-8 keeps
    its byte, 0xff as %FF, as `Path.as_uri` does); a lone surrogate no file name has is replaced."""
    try:
        return quote(os.fsencode(path))
    except UnicodeEncodeError:
        return quote(path, errors="replace")


def _fingerprint(finding: Finding) -> str:
    """Stable across edits that only move the finding: rule, path and the words it is about.

    Identical findings in one file share this hash; the caller adds CodeQL's `:n` occurrence.
    """
    anchor = span_text(finding) or finding.message
    digest = hashlib.sha256(f"{finding.rule}\0{finding.path}\0{anchor.strip()}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]
