"""`--format concise`: one line per finding, `path:line:col: severity[rule] message`.

For grep, `sort`, and editors' quickfix lists (Vim's `errorformat` `%f:%l:%c: %m`, Emacs'
compilation mode), as ruff's `--output-format concise`. The message stays on its line: line
breaks inside it become spaces. A clean run prints nothing.
"""

from __future__ import annotations

from typing import Mapping

from checker.findings import LintResult
from checker.report.common import by_location, shown_path
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    return "".join(
        f"{shown_path(f.path)}:{f.line}:{f.column}: {f.severity}[{f.rule}] {' '.join(f.message.split())}\n"
        for f in by_location(result.findings)
    )
