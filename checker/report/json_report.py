"""`--format json`: exactly the contract in DESIGN.md, findings in path/line/column order."""

from __future__ import annotations

from typing import Mapping

from checker.findings import LintResult
from checker.report.common import by_location
from checker.report.json_text import dumps_indented
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    ordered = result.model_copy(update={"findings": by_location(result.findings)})
    return dumps_indented(ordered.contract(as_models=True), ordered.contract) + "\n"
