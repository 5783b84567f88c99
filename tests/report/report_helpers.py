"""Shared sample data for the reporter tests.

The sample is the seed's real mistake: the finding points at "600 billion yuan ($8.5 billion)"
where it sits in `seeds/000_d4ab128e2416e759.txt`, with the line as the file has it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from checker.findings import FileStats, Finding, LintResult
from checker.report import RuleInfo, wants_color, write_report
from checker.report.common import evidence_text, span_text
from checker.report.excerpt import excerpt

ROOT = Path(__file__).resolve().parents[2]
SEED_PATH = "seeds/000_d4ab128e2416e759.txt"
SEED_SPAN = "600 billion yuan ($8.5 billion)"
SEED_MESSAGE = (
    "600 billion yuan is about $82.4 billion at 7.28 CNY/USD (ECB, 2025-04-15), "
    "not $8.5 billion: off by a factor of 9.7"
)
SEED_FIX = "60 billion yuan ($8.5 billion)"


def seed_text() -> str:
    return (ROOT / SEED_PATH).read_text(encoding="utf-8")


def locate(text: str, needle: str) -> tuple[int, int, int]:
    """(line, column, end_column) of `needle` in `text`, 1-based, end exclusive."""
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column, column + len(needle)


def seed_finding(**changes) -> Finding:
    text = seed_text()
    line, column, end_column = locate(text, SEED_SPAN)
    fields = dict(
        path=SEED_PATH,
        line=line,
        column=column,
        end_line=line,
        end_column=end_column,
        rule="currency-conversion",
        severity="error",
        message=SEED_MESSAGE,
        suggestion=SEED_FIX,
        evidence={"rate": 7.28, "rate_date": "2025-04-15", "source": "ECB", "factor": 9.7},
        source_line=text.split("\n")[line - 1],
    )
    fields.update(changes)
    return Finding(**fields)


def seed_result(findings: list[Finding] | None = None, keep_source: bool = True) -> LintResult:
    findings = [seed_finding()] if findings is None else findings
    return LintResult(
        files=1,
        findings=findings,
        stats=FileStats(amounts=4, relations=2, checked=2, unparsed=["a few hundred million"]),
        sources={SEED_PATH: seed_text()} if keep_source else {},
    )


def seed_rules() -> dict[str, RuleInfo]:
    rule = RuleInfo(
        id="currency-conversion",
        kind="conversion",
        severity="error",
        summary="A converted amount must match the exchange rate of its date",
        help="Checks pairs such as '600 billion yuan ($8.5 billion)' against ECB reference rates.",
        link="https://example.org/rules/currency-conversion",
    )
    return {rule.id: rule}
