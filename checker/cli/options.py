"""What every command shares: exit codes, the one-line error, and the option types used by more
than one command (defined once here, so `--rules` or `--field` means the same everywhere).

Only Typer is imported here; each command imports what it needs inside its body, so start-up
stays quick whatever the command.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from checker.termination import EXIT_INTERRUPTED  # noqa: F401 - the exit codes are read from here

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 1  # what Click exits with on EPIPE inside the app; the same when it escapes later


def say_error(message: str, github: bool = False) -> None:
    """`figcheck: error: MESSAGE` on stderr; with `github` (--format github) also a workflow
    annotation on stdout, so that a usage error shows on the run's page, not only as a failed step."""
    if github:
        from checker.report.github import escape_data

        sys.stdout.write(f"::error title=figcheck::{escape_data(message)}\n")
    sys.stderr.write(f"figcheck: error: {message}\n")


def fail(message: str, code: int = EXIT_USAGE, github: bool = False) -> NoReturn:
    """`say_error` and exit (2 unless told otherwise)."""
    say_error(message, github)
    raise typer.Exit(code)


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail a second time (after
    the reader of a pipe went away)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def file_names(value):
    """A file option as Path(s); an empty name (`--rates "$RATES"` with the variable unset) is a usage
    error, never Path('') (which is '.', the working folder, read as the file)."""
    if value is None:
        return None
    names = value if isinstance(value, list) else [value]
    if any(not str(name).strip() for name in names):
        raise typer.BadParameter("the file name is empty (an unset variable?); name a file")
    return [Path(name) for name in names] if isinstance(value, list) else Path(value)


def file_name(value: str | None) -> str | None:
    """`file_names` for an option kept as text (a baseline's name)."""
    if value is not None and not value.strip():
        raise typer.BadParameter("the file name is empty (an unset variable?); name a file")
    return value


RulePacks = Annotated[
    Optional[list[str]], typer.Option("--rules", metavar="FILE", help="An extra rule pack (YAML); may be repeated.",
                                      callback=file_names)
]
AsOfDate = Annotated[
    Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="As-of date YYYY-MM-DD for exchange rates; overrides the documents' own dates.")
]
RatesFile = Annotated[
    Optional[str], typer.Option("--rates", metavar="FILE", help="A fresher ECB history (zip/CSV) or a CSV of date,currency,rate.",
                                callback=file_names)
]
TextField = Annotated[
    Optional[str], typer.Option("--field", metavar="FIELD", help="In JSON/JSONL exports, the field holding the body text (dotted path).")
]
DateField = Annotated[
    Optional[str], typer.Option("--date-field", metavar="FIELD", help="In JSON/JSONL exports, the field holding the publication date.")
]
Output = Annotated[  # a str: Path("reports/") would drop the slash that says a folder was meant
    Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write the report to FILE (atomically) instead of stdout.")
]
ConfigFile = Annotated[
    Optional[str], typer.Option("--config", metavar="FILE", help="Use this config file (YAML or pyproject.toml) instead of searching upward for one.",
                                callback=file_names)
]
SelectRules = Annotated[
    Optional[list[str]], typer.Option("--select", metavar="RULES", help="Run only these rules: ids or id prefixes, comma-separated or repeated (ALL for every rule).")
]
IgnoreRules = Annotated[
    Optional[list[str]], typer.Option("--ignore", metavar="RULES", help="Do not run these rules: ids or id prefixes, comma-separated or repeated.")
]
