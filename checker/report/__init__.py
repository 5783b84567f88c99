"""Reporters: turn a `LintResult` into text in one of several formats.

Reporters are picked by name and only read findings (plus rule metadata for formats that
document rules). Each lives in its own module, imported on first use so that the command line
does not pay for `rich` when it prints JSON.

    text = render(result, "sarif", rules)
    write_report(text, "reports/seed.sarif")
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from typing import Mapping

from checker.findings import LintResult
from checker.report.atomic import write_report
from checker.report.options import RenderOptions, wants_color
from checker.report.rules import RuleInfo

__all__ = [
    "FORMATS",
    "RenderOptions",
    "RuleInfo",
    "UnknownFormat",
    "render",
    "wants_color",
    "write_report",
]

# format name -> module under checker.report that defines `render(result, rules, options) -> str`
_REPORTERS: dict[str, str] = {
    "rich": "rich_text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "rdjsonl": "rdjsonl",
    "junit": "junit",
    "html": "html_page",
    "concise": "concise",
    "gitlab": "gitlab",
}
FORMATS: tuple[str, ...] = tuple(_REPORTERS)

# The file suffix each format conventionally gets when written under reports/.
SUFFIXES: dict[str, str] = {
    "rich": ".txt",
    "json": ".json",
    "sarif": ".sarif",
    "github": ".txt",
    "rdjsonl": ".rdjsonl",
    "junit": ".xml",
    "html": ".html",
    "concise": ".txt",
    "gitlab": ".json",
}


class UnknownFormat(ValueError):
    """Raised for a format name no reporter answers to; the CLI turns it into exit code 2."""

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown report format {name!r}; choose one of: {', '.join(FORMATS)}")
        self.name = name


def render(
    result: LintResult,
    fmt: str = "rich",
    rules: Mapping[str, RuleInfo] | None = None,
    *,
    color: bool = False,
    width: int | None = None,
    show_unparsed: bool = False,
    environ: Mapping[str, str] | None = None,
    fail_on: str = "error",
    quiet: bool = False,
    homepage: str | None = None,
) -> str:
    """The report of `result` in format `fmt`, as one string ready to print or write.

    `homepage` stands in for the project's home that the package metadata names (rules.project_url)."""
    module_name = _REPORTERS.get(fmt)
    if module_name is None:
        raise UnknownFormat(fmt)
    reporter = importlib.import_module(f"{__name__}.{module_name}")
    options = RenderOptions(color=color, width=width, show_unparsed=show_unparsed, fail_on=fail_on,
                            quiet=quiet)
    if environ is not None:
        options = replace(options, environ=environ)
    if homepage is not None:
        options = replace(options, homepage=homepage)
    return reporter.render(result, dict(rules or {}), options)
