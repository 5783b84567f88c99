"""YAML test cases per check kind (tests/kinds/cases/<kind>.yml), run by one hook, as sqlfluff runs
its std_rule_cases: each case lints one text with ONE rule (the default pack's rule of that kind,
its params optionally overridden) at an optional date, and expects exactly the findings it lists,
or silence. A red case names its file and case, so it says which kind broke on which phrasing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field

from checker.dates import parse_date
from checker.documents.base import Document, split_paragraphs
from checker.engine.packs import LoadedRule, default_pack_path, load_rules
from checker.kinds.base import all_kinds
from checker.pipeline import LintOptions, lint_document

CASES = Path(__file__).parent / "cases"


class Expected(BaseModel):
    model_config = ConfigDict(extra="forbid")
    span: str
    severity: str | None = None
    suggestion_contains: str | None = None
    message_contains: str | None = None


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    text: str
    date: dt.date | None = None
    params: dict = Field(default_factory=dict)
    findings: list[Expected]


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rule: str
    cases: list[Case] = Field(min_length=1)


def load_case_files() -> dict[str, CaseFile]:
    return {path.stem: CaseFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
            for path in sorted(CASES.glob("*.yml"))}


def pytest_generate_tests(metafunc):
    """One test per case of every file, named <kind>::<case>."""
    if "case" in metafunc.fixturenames:
        files = load_case_files()
        params = [(kind, file.rule, case) for kind, file in files.items() for case in file.cases]
        metafunc.parametrize("kind, rule_id, case", params, ids=[f"{k}::{c.name}" for k, _r, c in params])


RULES = {r.id: r for r in load_rules()}


def _rule(rule_id: str, overrides: dict) -> LoadedRule:
    rule = RULES[rule_id]
    if not overrides:
        return rule
    values = {**rule.rule.params, **overrides}
    params = rule.kind.params.model_validate(values, context={"pack_dir": str(default_pack_path().parent)})
    return replace(rule, params=params)


def test_case(kind: str, rule_id: str, case: Case):
    rule = _rule(rule_id, case.params)
    assert rule.kind.name == kind, f"{kind}.yml runs a rule of another kind ({rule.kind.name})"
    document = Document(f"<{kind}::{case.name}>", split_paragraphs(case.text), source=case.text)
    findings = [f for f in lint_document(document, [rule], LintOptions(date=parse_date(case.date))).findings
                if f.rule == rule.id]
    got = [case.text[f.column - 1 : f.end_column - 1] if f.line == f.end_line == 1 else f"{f.line}:{f.column}"
           for f in findings]
    assert got == [e.span for e in case.findings], [f.message for f in findings]
    for finding, expected in zip(findings, case.findings):
        if expected.severity:
            assert finding.severity == expected.severity
        if expected.suggestion_contains:
            assert expected.suggestion_contains in (finding.suggestion or ""), finding.suggestion
        if expected.message_contains:
            assert expected.message_contains in finding.message, finding.message


def test_every_built_in_kind_has_a_case_file_with_a_finding_and_a_silence():
    files = load_case_files()
    assert set(files) == set(all_kinds())
    for kind, file in files.items():
        assert any(c.findings for c in file.cases) and any(not c.findings for c in file.cases), kind
