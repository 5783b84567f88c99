"""`figcheck fix`: apply certain fixes, or walk every fix one by one (`--interactive`); `--diff` previews.

The work is in `checker.fix`; this module only reads the options and words the outcome.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.options import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, AsOfDate, RulePacks, file_names, fail


def fix(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Files or directories to fix (text, Markdown, HTML).")],
    interactive: Annotated[bool, typer.Option("--interactive", "-i", help="Show each fix with its alternatives and ask which to apply.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the changes instead of writing them.")] = False,
    date: AsOfDate = None,
    rules: RulePacks = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", metavar="RULES", help="Fix only findings of these rules: ids or id prefixes, comma-separated or repeated.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", metavar="RULES", help="Leave findings of these rules alone: ids or id prefixes, comma-separated or repeated.")] = None,
    config: Annotated[Optional[str], typer.Option("--config", metavar="FILE", callback=file_names, help="Use this config file instead of searching upward for one.")] = None,
) -> None:
    """Rewrite figures as the findings propose: without --interactive only the certain fixes."""
    from checker.fix.files import FixError
    from checker.fix.session import apply_to_files, certain_plan, choose_interactively
    from checker.run import USER_ERRORS, LintRequest, run_lint

    if "-" in paths:
        fail("fix rewrites files; it cannot fix stdin (-)")
    request = LintRequest(paths=paths, date=date, rules=rules or (), select=select or (), ignore=ignore or (),
                          config=config if config is not None else "discover", format="json", jobs=1)
    try:
        run = run_lint(request)
    except USER_ERRORS as exc:
        fail(str(exc))
    findings = run.result.findings
    for message in run.messages:  # files passed over while walking, by name, as lint says them
        sys.stderr.write(f"figcheck: {message}\n")
    unread = [f for f in findings if f.rule in NOT_CHECKED]
    for finding in unread:  # ruff --fix: E902 for a file it cannot read, and the run fails
        sys.stderr.write(f"figcheck: {finding.path}: {finding.message}\n")
    try:
        if interactive:
            if not sys.stdin.isatty():
                fail("--interactive needs a terminal; use --diff to preview the certain fixes")
            plan = choose_interactively(findings)
        else:
            plan = certain_plan(findings)
        report = apply_to_files(plan, diff=diff)
    except FixError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        sys.stderr.write("figcheck: interrupted; no file was changed by the last question\n")
        raise typer.Exit(EXIT_INTERRUPTED)
    for problem in report.problems:
        sys.stderr.write(f"figcheck: {problem}\n")
    if diff:
        sys.stdout.write(report.diff)
        sys.stderr.write(f"figcheck: would have {report.summary()} (--diff: nothing written)\n")
    else:
        sys.stderr.write(f"figcheck: {report.summary()}\n")
    raise typer.Exit(EXIT_FINDINGS if unread or report.problems else EXIT_OK)  # a file left unfixed fails


# A file fix could not read was neither checked nor fixed: never "fixed 0 findings", exit 0.
NOT_CHECKED = frozenset({"unreadable-file", "file-changed", "worker-died"})



def register(app: typer.Typer) -> None:
    app.command("fix")(fix)
