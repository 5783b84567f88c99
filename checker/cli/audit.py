"""`figcheck audit`: the lint checks over a whole archive with Dask."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.options import (AsOfDate, ConfigFile, DateField, IgnoreRules, RatesFile, RulePacks, SelectRules,
                                 TextField, fail)


def audit(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="Folders, globs ('archive/**/*.jsonl') or files.")],
    output: Annotated[str, typer.Option("--output", "-o", metavar="DIR", help="Directory for part-NNNNN.jsonl|parquet and _summary.json.")] = "audit-findings",
    format: Annotated[str, typer.Option("--format", "-f", metavar="[jsonl|parquet]", help="jsonl or parquet (needs pyarrow).")] = "jsonl",
    scheduler: Annotated[str, typer.Option("--scheduler", metavar="SCHEDULER", help="processes, threads or synchronous (local), or a Dask scheduler ADDRESS (tcp://host:8786).")] = "processes",
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", min=1, help="Local worker processes (default: every core).")] = None,
    files_per_partition: Annotated[Optional[int], typer.Option("--files-per-partition", metavar="N", min=1, help="Files per Dask task (default: from the archive's size).")] = None,
    date: AsOfDate = None,
    rules: RulePacks = None,
    select: SelectRules = None,
    ignore: IgnoreRules = None,
    rates: RatesFile = None,
    config: ConfigFile = None,
    field: TextField = None,
    date_field: DateField = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the output of an earlier audit in --output.")] = False,
) -> None:
    """Run the lint checks over a whole archive with Dask; write partitioned findings and a summary.

    The options and the project's config are resolved into the same plan `figcheck lint` runs, so an
    audit finds in each file what a lint of it would."""
    from checker.audit import AuditError, audit as run
    from checker.parallel import default_jobs
    from checker.plan import DISCOVER, LintRequest, plan_lint
    from checker.report.listings import audit_summary
    from checker.run import USER_ERRORS

    if not output.strip():  # `-o "$OUT"` with OUT unset: never the current folder (Path("") is ".")
        fail("--output is empty (an unset variable?); name the folder for the findings")
    request = LintRequest(paths=inputs, date=date, rules=rules or (), select=select or (), ignore=ignore or (),
                          rates=rates, field=field, date_field=date_field,
                          config=config if config is not None else DISCOVER)
    try:
        summary = run(inputs, Path(output), plan=plan_lint(request), format=format, scheduler=scheduler,
                      workers=jobs or default_jobs(), files_per_partition=files_per_partition, overwrite=overwrite)
    except (AuditError, *USER_ERRORS) as exc:
        fail(str(exc))
    for row in summary["skipped"][:MAX_NAMED]:  # by name, as lint does: never silently left out
        sys.stderr.write(f"figcheck: skipped {row['path']}: {row['reason']}\n")
    if len(summary["skipped"]) > MAX_NAMED:
        sys.stderr.write(f"figcheck: skipped {len(summary['skipped']) - MAX_NAMED} more file(s)\n")
    for row in summary["not_checked"]:
        sys.stderr.write(f"figcheck: not checked {row['path']}: {row['reason']}\n")
    print(audit_summary(summary, Path(output), format))
    if summary["not_checked"]:  # a file nobody checked must not pass
        raise typer.Exit(1)


MAX_NAMED = 20


def register(app: typer.Typer) -> None:
    app.command()(audit)
