"""`figcheck lint`: check documents and report the figures that do not add up."""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated, Optional

from enum import Enum

import typer

from checker.cli.options import (EXIT_FINDINGS, EXIT_OK, AsOfDate, ConfigFile, DateField, IgnoreRules, Output, RatesFile,
                                 RulePacks, SelectRules, TextField, fail, file_name)
from checker.plan import FAIL_ON
from checker.report import FORMATS
from checker.report.options import COLOR_MODES

# Choices as enums, so that --help lists the values ("--format [rich|json|…]") and Click rejects
# anything else with a message naming them.
FormatName = Enum("FormatName", {name: name for name in FORMATS}, type=str)
FailOn = Enum("FailOn", {name: name for name in FAIL_ON}, type=str)
ColorMode = Enum("ColorMode", {name: name for name in COLOR_MODES}, type=str)


def lint(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATH", help="Files, directories (searched recursively) or - for stdin.")] = None,
    format: Annotated[Optional[FormatName], typer.Option("--format", "--output-format", "-f", metavar=f"[{'|'.join(FORMATS)}]", help="Output format (default: rich, or the config's format).")] = None,
    output: Output = None,
    date: AsOfDate = None,
    rules: RulePacks = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", metavar=f"[{'|'.join(FAIL_ON)}]", help="Exit 1 when a finding is at or above this severity (default: error).")] = None,
    select: SelectRules = None,
    ignore: IgnoreRules = None,
    rates: RatesFile = None,
    show_unparsed: Annotated[bool, typer.Option("--show-unparsed", metavar="", help="List amount-like strings that could not be interpreted.")] = False,
    no_default_rules: Annotated[bool, typer.Option("--no-default-rules", metavar="", help="Do not load rules/default.yaml.")] = False,
    include: Annotated[Optional[list[str]], typer.Option("--include", metavar="GLOB", help="Only files matching this glob (gitignore syntax) when walking directories.")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", metavar="GLOB", help="Skip files matching this glob (gitignore syntax).")] = None,
    field: TextField = None,
    date_field: DateField = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", min=1, help="Processes to lint files on (default: every core); output is the same.")] = None,
    config: ConfigFile = None,
    baseline: Annotated[Optional[str], typer.Option("--baseline", metavar="FILE", help="Accept the findings recorded in FILE; fail only on new ones.", callback=file_name)] = None,
    write_baseline: Annotated[bool, typer.Option("--write-baseline", metavar="", help="Record the current findings in the --baseline FILE and exit 0.")] = False,
    diff: Annotated[Optional[str], typer.Option("--diff", help="Report only findings on lines this branch changed since it left REF (git diff REF...HEAD, plus uncommitted and untracked files).", metavar="REF")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", metavar="", help="Print how many findings each rule raised instead of the findings.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", metavar="", help="Print the findings and nothing else: no summary, no notes.")] = False,
    color: Annotated[ColorMode, typer.Option("--color", metavar=f"[{'|'.join(COLOR_MODES)}]", help="Colour the report: auto honours NO_COLOR, FORCE_COLOR and whether stdout is a terminal.")] = ColorMode.auto,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", metavar="", help="Exit 0 even when findings are at or above --fail-on (usage errors still exit 2).")] = False,
    show_settings: Annotated[bool, typer.Option("--show-settings", metavar="", help="Print the settings a lint of the first PATH would use (config, packs, rules, date) as JSON and exit.")] = False,
    show_files: Annotated[bool, typer.Option("--show-files", metavar="", help="Print every file a lint would read, one per line, and exit.")] = False,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", metavar="NAME", help="Read stdin as the file NAME: its type (.md, .html, ...), front matter and the path findings name.")] = None,
    reports: Annotated[Optional[list[str]], typer.Option("--report", metavar="FORMAT:FILE", help="Also write the report in FORMAT to FILE, from the same run; may be repeated (e.g. --report sarif:figcheck.sarif).")] = None,
    fix: Annotated[bool, typer.Option("--fix", metavar="", help="Apply the certain fixes (a unit stated twice, house style) to the files, then report the rest.")] = False,
) -> None:
    """Check documents and report the figures that do not add up."""
    from checker.parallel import default_jobs
    from checker.progress import wants_progress
    from checker.report import render, wants_color, write_report
    from checker.report.rules import rule_infos
    from checker.documents.walk import check_named
    from checker.run import USER_ERRORS, LintRequest, effective_settings, execute, plan_lint, selected_files

    format = format.value if format is not None else None
    fail_on = fail_on.value if fail_on is not None else None
    extra_reports = _parse_reports(reports or [])
    paths = paths or (["-"] if stdin_filename else ["."])
    request = LintRequest(
        paths=paths, date=date, rules=rules or (), default_rules=not no_default_rules,
        select=select or (), ignore=ignore or (), rates=rates, include=include or (), exclude=exclude or (),
        field=field, date_field=date_field, config=config if config is not None else "discover",
        format=format, fail_on=fail_on, jobs=jobs or default_jobs(), jobs_auto=jobs is None, diff=diff, baseline=baseline,
        write_baseline=write_baseline, stdin_filename=stdin_filename, output=output,
        reports=tuple(target for _, target in extra_reports),
        keep_sources=any(fmt == "html" for fmt, _ in extra_reports),
        progress=not quiet and wants_progress(report_to_stdout=output is None) and _many_files(paths),
    )
    try:
        check_named(request.paths or ["."])  # --show-settings and --show-files refuse a missing path as a lint does
        plan = plan_lint(request)
        if show_settings:
            sys.stdout.write(json.dumps(effective_settings(plan), indent=2, ensure_ascii=False) + "\n")
            raise typer.Exit(EXIT_OK)
        if show_files:
            sys.stdout.write("".join(f"{name}\n" for name in selected_files(plan)))
            raise typer.Exit(EXIT_OK)
        run = execute(plan)
    except USER_ERRORS as exc:
        fail(str(exc), github=format == "github")
    if not quiet:
        for message in run.messages:
            sys.stderr.write(f"figcheck: {message}\n")
    if run.baseline_written:
        raise typer.Exit(EXIT_OK)
    if fix:
        from checker.fix.session import apply_to_files, certain_plan, fixed_findings

        fixed = apply_to_files(certain_plan(run.result.findings))
        run.result.findings = fixed_findings(run.result.findings, fixed)
        for problem in fixed.problems:  # a file left unfixed, by name, as `figcheck fix` says it
            sys.stderr.write(f"figcheck: {problem}\n")
        if not quiet:
            sys.stderr.write(f"figcheck: {fixed.summary()}\n")
    colored = output is None and wants_color(sys.stdout, mode=color.value)
    infos = rule_infos(run.rules)
    if statistics:
        from checker.report.statistics import statistics as per_rule

        text = per_rule(run.result)
    elif run.empty and run.format == "rich":
        text = ""  # the one-line note on stderr says it all
    else:
        text = render(run.result, run.format, infos, color=colored,
                      width=_terminal_width() if output is None else None,
                      show_unparsed=show_unparsed, fail_on=run.fail_on, quiet=quiet)
    from checker.report.atomic import OutputError, write_stdout

    try:
        for fmt, target in extra_reports:
            write_report(render(run.result, fmt, infos, fail_on=run.fail_on, environ={}), target)
        if output is not None:
            write_report(text, output)
    except OutputError as exc:
        fail(str(exc))
    if output is None:
        try:
            write_stdout(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `| head`: a truncated report never passes a gate, whatever --fail-on
            from checker.cli.options import EXIT_BROKEN_PIPE, silence_stdout

            silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
    raise typer.Exit(EXIT_FINDINGS if run.fails() and not exit_zero else EXIT_OK)


def _parse_reports(values: list[str]) -> list[tuple[str, str]]:
    """`--report FORMAT:FILE` values, checked before anything is read."""
    parsed = []
    for value in values:
        fmt, sep, target = value.partition(":")
        if not sep or not target or fmt not in FORMATS:
            fail(f"--report wants FORMAT:FILE with FORMAT one of {', '.join(FORMATS)}; got {value!r}")
        parsed.append((fmt, target))
    return parsed


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
