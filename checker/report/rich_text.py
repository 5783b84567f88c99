"""`--format rich` (the default): diagnostics in the style of rustc and ruff.

    seeds/a.txt:1:344: error[currency-conversion] 600 billion yuan is about $82.4 billion …
      |
    1 | …earmarked a further 600 billion yuan ($8.5 billion) to seed early-stage…
      |                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      = help: 60 billion yuan ($8.5 billion)
      = evidence: rate=7.28 rate_date=2025-04-15 source=ECB factor=9.7

Rendered through a rich Console writing to a string, so the same text can go to a terminal or to
`--output`; without colour it is plain ASCII-art text with no escape codes.
"""

from __future__ import annotations

from io import StringIO
from typing import Mapping

from rich.console import Console
from rich.text import Text

from checker.findings import Finding, LintResult
from checker.report.common import by_location, evidence_text, files_text, plural, span_width
from checker.report.excerpt import excerpt
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo

FILE_WIDTH = 100  # columns used when the width is unknown (writing to a file or a pipe)
STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        width=options.width or FILE_WIDTH,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    for finding in by_location(result.findings):
        _print_finding(console, finding)
        console.print()
    if not options.quiet:
        _print_summary(console, result, options.show_unparsed)
    return buffer.getvalue()


def _print_finding(console: Console, finding: Finding) -> None:
    style = STYLES[finding.severity]
    header = Text.assemble(
        (f"{finding.path}:{finding.line}:{finding.column}:", "bold"),
        " ",
        (f"{finding.severity}[{finding.rule}]", style),
        " ",
        (finding.message, "bold"),
    )
    console.print(header, soft_wrap=True)
    gutter = " " * len(str(finding.line))
    if finding.source_line is not None:
        budget = console.width - len(gutter) - 3
        start = finding.column - 1
        end = start + span_width(finding, len(finding.source_line))
        shown = excerpt(finding.source_line, start, end, budget)
        console.print(Text(f"{gutter} |", "blue"))
        console.print(Text.assemble((f"{finding.line} | ", "blue"), shown.text), soft_wrap=True)
        carets = " " * shown.caret_offset + "^" * shown.caret_width
        console.print(Text.assemble((f"{gutter} | ", "blue"), (carets, style)), soft_wrap=True)
    if finding.suggestion:
        help_line = Text.assemble((f"{gutter} = ", "blue"), ("help", "bold cyan"), f": {finding.suggestion}")
        console.print(help_line, soft_wrap=True)
    evidence = evidence_text(finding.evidence, compact=True)
    if evidence:
        console.print(Text(f"{gutter} = evidence: {evidence}", "dim"), soft_wrap=True)


def _print_summary(console: Console, result: LintResult, show_unparsed: bool) -> None:
    counts = result.summary()
    with_findings = len({f.path for f in result.findings})
    checked = f"{files_text(result)} checked"
    if result.skipped:
        checked += f", {result.skipped} skipped"
    if result.findings:
        verdict = Text.assemble(
            "Found ",
            (plural(counts["error"], "error"), STYLES["error"] if counts["error"] else ""),
            ", ",
            (plural(counts["warning"], "warning"), STYLES["warning"] if counts["warning"] else ""),
            ", ",
            (plural(counts["info"], "info"), STYLES["info"] if counts["info"] else ""),
            f" in {plural(with_findings, 'file')} ({checked}).",
        )
    else:
        verdict = Text(f"No problems found ({checked}).", "bold green")
    console.print(verdict, soft_wrap=True)
    stats = result.stats
    console.print(
        Text(
            f"Coverage: {plural(stats.amounts, 'amount')} read, {plural(stats.relations, 'relation')}, "
            f"{stats.checked} checked, {len(stats.unparsed)} unparsed.",
            "dim",
        ),
        soft_wrap=True,
    )
    if show_unparsed and stats.unparsed:
        console.print(Text("Unparsed:", "dim"))
        for text in stats.unparsed:
            console.print(Text(f"  {text!r}", "dim"), soft_wrap=True)
