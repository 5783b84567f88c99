"""`--format junit`: JUnit XML, for CI dashboards that chart test results.

One test case per file, one <failure> per finding in it; a file whose text was kept but that has
no findings is a passing case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Mapping

from checker.findings import Finding, LintResult
from checker.report.common import TOOL_NAME, by_location, evidence_text, file_paths
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    per_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in by_location(result.findings):
        per_file[finding.path].append(finding)
    paths = file_paths(result)
    failing = sum(1 for path in paths if per_file[path])

    suites = ET.Element("testsuites", name=TOOL_NAME, tests=str(len(paths)), failures=str(failing))
    suite = ET.SubElement(
        suites, "testsuite", name=TOOL_NAME, tests=str(len(paths)), failures=str(failing), errors="0", skipped="0"
    )
    for path in paths:
        case = ET.SubElement(suite, "testcase", name=path, classname=TOOL_NAME, file=path)
        for finding in per_file[path]:
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{finding.path}:{finding.line}:{finding.column}: {finding.message}",
                type=f"{finding.severity}[{finding.rule}]",
            )
            failure.text = _details(finding)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _details(finding: Finding) -> str:
    lines = [
        f"{finding.path}:{finding.line}:{finding.column}: {finding.severity}[{finding.rule}] {finding.message}",
    ]
    if finding.suggestion:
        lines.append(f"help: {finding.suggestion}")
    evidence = evidence_text(finding.evidence)
    if evidence:
        lines.append(f"evidence: {evidence}")
    return "\n".join(lines)
