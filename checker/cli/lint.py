"""`figcheck lint`: check documents and report the figures that do not add up."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.options import EXIT_FINDINGS, EXIT_OK, AsOfDate, DateField, Output, RatesFile, RulePacks, TextField, fail
from checker.report import FORMATS


def lint(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories (searched recursively) or - for stdin.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)} (default: rich).")] = None,
    output: Output = None,
    date: AsOfDate = None,
    rules: RulePacks = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help="Exit 1 when a finding is at or above: error (default), warning, info, never.")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Run only these rule ids; may be repeated.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Do not run these rule ids; may be repeated.")] = None,
    rates: RatesFile = None,
    show_unparsed: Annotated[bool, typer.Option("--show-unparsed", help="List amount-like strings that could not be interpreted.")] = False,
    no_default_rules: Annotated[bool, typer.Option("--no-default-rules", help="Do not load rules/default.yaml.")] = False,
    include: Annotated[Optional[list[str]], typer.Option("--include", help="Only files matching this glob (gitignore syntax) when walking directories.")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", help="Skip files matching this glob (gitignore syntax).")] = None,
    field: TextField = None,
    date_field: DateField = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes to lint files on (default: every core); output is the same.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this config file (YAML or pyproject.toml) instead of searching upward for one.")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Accept the findings recorded in FILE; fail only on new ones.")] = None,
    write_baseline: Annotated[bool, typer.Option("--write-baseline", help="Record the current findings in the --baseline FILE and exit 0.")] = False,
    diff: Annotated[Optional[str], typer.Option("--diff", help="Report only findings on lines changed since this git ref (e.g. origin/main).")] = None,
) -> None:
    """Check documents and report the figures that do not add up."""
    from checker.parallel import default_jobs
    from checker.progress import wants_progress
    from checker.report import render, wants_color, write_report
    from checker.report.rules import rule_infos
    from checker.run import USER_ERRORS, LintRequest, run_lint

    request = LintRequest(
        paths=paths or ["."], date=date, rules=rules or (), default_rules=not no_default_rules,
        select=select or (), ignore=ignore or (), rates=rates, include=include or (), exclude=exclude or (),
        field=field, date_field=date_field, config=config if config is not None else "discover",
        format=format, fail_on=fail_on, jobs=jobs or default_jobs(), diff=diff, baseline=baseline,
        write_baseline=write_baseline,
        progress=wants_progress(report_to_stdout=output is None) and _many_files(paths or ["."]),
    )
    try:
        run = run_lint(request)
    except USER_ERRORS as exc:
        fail(str(exc))
    for message in run.messages:
        sys.stderr.write(f"figcheck: {message}\n")
    if run.baseline_written:
        raise typer.Exit(EXIT_OK)
    text = render(
        run.result, run.format, rule_infos(run.rules),
        color=output is None and wants_color(sys.stdout),
        width=_terminal_width() if output is None else None,
        show_unparsed=show_unparsed,
    )
    if output is not None:
        write_report(text, output)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    raise typer.Exit(EXIT_FINDINGS if run.fails() else EXIT_OK)


def _many_files(paths: list[str]) -> bool:
    return len(paths) > 1 or any(os.path.isdir(p) for p in paths)


def _terminal_width() -> int | None:
    if not sys.stdout.isatty():
        return None
    try:
        return os.get_terminal_size().columns
    except OSError:
        return None


def register(app: typer.Typer) -> None:
    app.command()(lint)
