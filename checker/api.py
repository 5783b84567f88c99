"""The Python API, which the command line itself uses.

    from checker import lint_text, lint_paths
    lint_text("It raised 600 billion yuan ($8.5 billion).", date="2025-04-15")   # [Finding, ...]
    result = lint_paths(["articles/"], date="2025-04-15", jobs=2)               # LintResult

Both raise one of `checker.run.USER_ERRORS` (each with a one-line message naming the file and,
where known, the line) for input a user can fix: a bad date, an invalid rule pack, an unreadable file.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Sequence

from checker.documents import load_text
from checker.dates import BadDate, parse_date
from checker.findings import Finding, LintResult
from checker.pipeline import lint_document
from checker.plan import DISCOVER, LintRequest, plan_lint
from checker.run import run_lint

__all__ = ["lint_text", "lint_paths", "BadDate", "parse_date", "DISCOVER"]


def lint_text(
    text: str,
    *,
    date: str | dt.date | None = None,
    rules: Sequence[str | Path] = (),
    path: str = "<text>",
    kind: str = "text",
    rates: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    config: str | Path | None = None,
) -> list[Finding]:
    """Findings for one piece of text (`kind`: text, markdown, html), sorted by position.

    The request is planned as `lint_paths` and the command line plan theirs (`plan_lint`): the same
    packs, rates, dates and selection, so the text gets the findings a lint of a file `path` with
    this content would. `config` as in `lint_paths`."""
    plan = plan_lint(LintRequest(paths=[path], date=date, rules=rules, rates=rates, select=select, ignore=ignore,
                                 config=config, jobs=1))
    rules_loaded = list(plan.rules)
    findings: list[Finding] = []
    for document in load_text(text, kind=kind, name=path):
        findings.extend(lint_document(document, rules_loaded, plan.options).findings)
    findings = plan.selection.keep(findings)
    findings.sort(key=Finding.sort_key)
    return findings


def lint_paths(
    paths: Sequence[str | Path] | str | Path,
    *,
    date: str | dt.date | None = None,
    rules: Sequence[str | Path] = (),
    rates: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    field: str | None = None,
    date_field: str | None = None,
    config: str | Path | None = None,
    jobs: int = 1,
    keep_sources: bool = False,
) -> LintResult:
    """Lint files and directories (recursively): every finding, with coverage figures.

    `config` names a figcheck.yaml / pyproject.toml to apply; `config="discover"` searches upward
    from the working directory as the command line does; None (the default) uses none.
    """
    if isinstance(paths, (str, os.PathLike)):  # lint_paths("a.md") means that file, not "a", ".", "m", "d"
        paths = [paths]
    if not paths:  # an empty glob checks nothing: never the current folder, as the command line's default
        return LintResult.model_construct()
    request = LintRequest(
        paths=[str(p) for p in paths], date=date, rules=rules, rates=rates, select=select, ignore=ignore,
        include=include, exclude=exclude, field=field, date_field=date_field,
        config=config, jobs=jobs, keep_sources=keep_sources,
    )
    return run_lint(request).result

