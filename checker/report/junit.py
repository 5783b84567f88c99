"""`--format junit`: JUnit XML, for CI dashboards that chart test results (Jenkins, GitLab, Azure).

Every file checked is a test case, so a clean run reports passing cases and never `tests="0"`
(which Jenkins reads as "no results"). A finding at or above `--fail-on` is a failing case of its
own, named by file, line and rule, so dashboards that show one failure per case show them all. A
file's findings below the threshold are listed in its passing case's `system-out`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Mapping

from checker.findings import Finding, LintResult, Severity
from checker.report.common import TOOL_NAME, by_location, evidence_text
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    failing: dict[str, list[Finding]] = defaultdict(list)
    passing: dict[str, list[Finding]] = defaultdict(list)
    for finding in by_location(result.findings):
        (failing if _fails(finding, options.fail_on) else passing)[finding.path].append(finding)
    suites = ET.Element("testsuites", name=TOOL_NAME)
    suite = ET.SubElement(suites, "testsuite", name=TOOL_NAME)
    tests = failures = 0
    for path in result.checked_paths():
        cases = [_failing_case(suite, path, finding) for finding in failing[path]]
        if not cases:
            cases.append(ET.SubElement(suite, "testcase", name=path, classname=_classname(path), file=path))
        if passing[path]:  # below --fail-on: reported, not failed, on the file's first case
            ET.SubElement(cases[0], "system-out").text = "\n".join(_details(f) for f in passing[path])
        tests += len(cases)
        failures += len(failing[path])
    if tests == 0:  # nothing to check is still a result, not "no results"
        ET.SubElement(suite, "testcase", name="no documents to check", classname=TOOL_NAME)
        tests = 1
    counts = {"tests": str(tests), "failures": str(failures), "errors": "0", "skipped": "0"}
    suites.attrib.update(counts)
    suite.attrib.update(counts)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _failing_case(suite: ET.Element, path: str, finding: Finding) -> ET.Element:
    case = ET.SubElement(suite, "testcase", name=f"{path}:{finding.line}:{finding.column} {finding.rule}",
                         classname=_classname(path), file=path, line=str(finding.line))
    failure = ET.SubElement(case, "failure", message=finding.message, type=f"{finding.severity}[{finding.rule}]")
    failure.text = _details(finding)
    return case


def _fails(finding: Finding, fail_on: str) -> bool:
    return fail_on != "never" and Severity.of(finding.severity) >= Severity.of(fail_on)


def _classname(path: str) -> str:
    """Dashboards group cases by class: the file, as `figcheck.<path>`."""
    return f"{TOOL_NAME}.{path}"


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
