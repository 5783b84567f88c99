"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

GitHub shows only about ten annotations per severity per step, so the most severe come first.
When `$GITHUB_STEP_SUMMARY` names a file, a Markdown table of every finding is appended to it,
so nothing is lost to that cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable, Mapping

from checker.findings import Finding, LintResult
from checker.report.atomic import file_identity
from checker.report.common import by_location, files_text, message_with_help, most_severe_first, plural
from checker.report.options import RenderOptions
from checker.report.rules import RuleInfo

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message, as GitHub's toolkit does (`escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (`escapeProperty`): also `:` and `,`, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = {
        "file": finding.path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": f"figcheck {finding.rule}",
    }
    spelled = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {spelled}::{escape_data(message_with_help(finding))}"


def render(result: LintResult, rules: Mapping[str, RuleInfo], options: RenderOptions) -> str:
    lines = [annotation(finding) for finding in most_severe_first(result.findings)]
    summary_file = options.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        try:
            append_step_summary(result, Path(summary_file), result.checked_paths())
        except OSError as error:  # a broken summary must not hide the annotations themselves
            lines.append(f"::warning title=figcheck::{escape_data(f'could not write the step summary: {error}')}")
    return "".join(line + "\n" for line in lines)


def step_summary(result: LintResult) -> str:
    """A Markdown section: the counts, then one table row per finding in location order."""
    counts = result.summary()
    head = (
        f"### figcheck: {plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
        f"{plural(counts['info'], 'info')} in {files_text(result)}\n\n"
    )
    if not result.findings:
        return head + "No findings.\n\n"
    rows = ["| Severity | Location | Rule | Message | Suggestion |", "| --- | --- | --- | --- | --- |"]
    for finding in by_location(result.findings):
        cells = [
            finding.severity,
            f"`{finding.path}:{finding.line}:{finding.column}`",
            f"`{finding.rule}`",
            finding.message,
            finding.suggestion or "",
        ]
        rows.append("| " + " | ".join(_markdown_cell(cell) for cell in cells) + " |")
    return head + "\n".join(rows) + "\n\n"


def append_step_summary(result: LintResult, path: Path, checked: Iterable[str] = ()) -> None:
    """Append the summary to the runner's file: only a regular file (opening a FIFO with no reader
    fails at once instead of blocking), and never one of the files this run checked (a mistyped
    GITHUB_STEP_SUMMARY must not add a table to an article). Raises OSError, which becomes a warning."""
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o644)
    with os.fdopen(descriptor, "a", encoding="utf-8", errors="backslashreplace") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file")
        for name in checked:
            if file_identity(name) == (info.st_dev, info.st_ino):
                raise OSError(f"{path} is {name}, a file this run checked; nothing was written to it")
        handle.write(step_summary(result))


def _markdown_cell(text: str) -> str:
    """One table cell: pipes escaped, line breaks turned into <br> so the row stays one line."""
    return text.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")
