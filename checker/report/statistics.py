"""`--statistics`: how many findings each rule raised, as ruff prints them.

    3  currency-conversion  error
    1  bad-suppression      warning

Most frequent first, then by rule id; the severity is the most severe any of its findings had.
"""

from __future__ import annotations

from collections import Counter

from checker.findings import LintResult, Severity


def statistics(result: LintResult) -> str:
    counts = Counter(f.rule for f in result.findings)
    worst: dict[str, str] = {}
    for finding in result.findings:
        if finding.rule not in worst or Severity.of(finding.severity) > Severity.of(worst[finding.rule]):
            worst[finding.rule] = finding.severity
    if not counts:
        return ""
    width = max(len(str(n)) for n in counts.values())
    rule_width = max(len(rule) for rule in counts)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{count:>{width}}  {rule:<{rule_width}}  {worst[rule]}\n" for rule, count in rows)
