"""`--format rich` (the default): diagnostics in the style of rustc and ruff, grouped by file.

    seeds/a.txt  (1 error)
      no date known: accepted any rate of the last 365 days of the table

    seeds/a.txt:1:344: error[currency-conversion] 600 billion yuan is about $90 billion …
      |
    1 | …earmarked a further 600 billion yuan ($8.5 billion) to seed early-stage…
      |                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      = help: 60 billion yuan ($8.5 billion) or 600 billion yuan (about $90 billion)
      = evidence: 6.653 Chinese yuan per US dollar on 30 October 2026 (ECB); off by a factor of 10.6

Each file gets a heading with its counts and, once, what is true of all its findings (the date the
rates were taken at, or that none was known). Evidence is written in words. Help and evidence lines
that wrap keep their indentation. Rendered through a rich Console writing to a string, so the same
text can go to a terminal or to `--output`; without colour it is plain text with no escape codes.
"""

from __future__ import annotations

from io import StringIO
from typing import Mapping

from rich.console import Console
from rich.text import Text

from checker.findings import Finding, LintResult
from checker.report.common import by_location, files_text, plural, shown_path, span_width
from checker.language import language_of
from checker.report.evidence_words import date_source_words, evidence_words, long_date
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
    by_path: dict[str, list[Finding]] = {}
    for finding in by_location(result.findings):  # grouped in one pass: linear in the findings
        by_path.setdefault(finding.path, []).append(finding)
    for path, in_file in by_path.items():
        shared_note = _file_note(in_file)
        if not options.quiet:
            _print_heading(console, path, in_file, shared_note)
        for finding in in_file:
            _print_finding(console, finding, shared_note)
            console.print()
    if not options.quiet:
        _print_summary(console, result, options.show_unparsed)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _file_note(findings: list[Finding]) -> str | None:
    """The rate note every dated-by-default finding of a file repeats ("no date known: …"), said once."""
    notes = {f.evidence.get("rate_note") for f in findings if f.evidence.get("rate_note")}
    return notes.pop() if len(notes) == 1 else None


def _print_heading(console: Console, path: str, findings: list[Finding], note: str | None) -> None:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    tally = ", ".join(plural(n, s) for s, n in counts.items() if n)
    console.print(Text.assemble((shown_path(path), "bold underline"), f"  ({tally})"), soft_wrap=True)
    dated = next((f.evidence for f in findings if f.evidence.get("date")), None)
    if dated is not None:
        console.print(Text(f"  as of {long_date(dated['date'])} ({date_source_words(dated.get('date_source'))})",
                           "dim"), soft_wrap=True)
    elif note:
        console.print(Text(f"  {note}", "dim"), soft_wrap=True)
    console.print()


def _print_finding(console: Console, finding: Finding, shared_note: str | None = None) -> None:
    style = STYLES[finding.severity]
    message = finding.message
    if shared_note and message.endswith(f" ({shared_note})"):
        message = message[: -len(shared_note) - 3]  # said once, under the file's heading
    header = Text.assemble(
        (f"{shown_path(finding.path)}:{finding.line}:{finding.column}:", "bold"),
        " ",
        (f"{finding.severity}[{finding.rule}]", style),
        " ",
        (message, "bold"),
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
        _print_hanging(console, Text.assemble((f"{gutter} = ", "blue"), ("help", "bold cyan"), ": "),
                       Text(finding.suggestion))
    evidence = evidence_words(finding.evidence, language_of(finding.message), with_date=False)
    if evidence:
        _print_hanging(console, Text(f"{gutter} = evidence: ", "dim"), Text(evidence, "dim"))


def _print_hanging(console: Console, label: Text, body: Text) -> None:
    """`label` then `body`, the body's wrapped lines indented to where it started.

    The body is wrapped once to the columns left after the label (long words folded), which is
    what a two-column grid prints, without a table layout for every finding: thousands of
    findings render in time linear in their text."""
    indent = label.cell_len
    lines = body.wrap(console, max(console.width - indent, 1), overflow="fold")
    for index, line in enumerate(lines):
        console.print(Text.assemble(label if index == 0 else " " * indent, line), soft_wrap=True)


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
