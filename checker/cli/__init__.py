"""The `figcheck` command line (Typer): one module per command, registered from the list below.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config, rule-pack
or input error; 130 interrupted. Heavy modules are imported inside the commands that need them,
so `figcheck --help` and a lint of one short article start quickly.

Adding a command is one module under checker/cli/ that defines `register(app)`, plus its name in
`COMMANDS`. Options shared by several commands are defined once in `checker.cli.options`.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated

import typer

from checker.cli.options import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_USAGE
from checker.version import __version__

# Command modules, in the order `figcheck --help` lists them (sub-command groups such as `rules`
# are listed after the plain commands).
COMMANDS: tuple[str, ...] = (
    "lint",
    "audit",
    "extract",
    "rates",
    "rules",
)

app = typer.Typer(
    name="figcheck",
    help="Lint documents for figures that do not add up: currency conversions, unit conversions, arithmetic.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"figcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """figcheck: catch wrong figures before they are published."""


for _name in COMMANDS:
    importlib.import_module(f"checker.cli.{_name}").register(app)


def main() -> None:
    """Entry point: run the app so that no traceback ever reaches the user.

    Ctrl-C exits 130 with one line. A reader that goes away (`figcheck lint ... | head`) ends the
    run quietly with exit 1, as Typer/Click already do inside the app, so a `set -o pipefail`
    gate never mistakes a truncated report for a clean one. Anything unexpected is one line and
    exit 2; set FIGCHECK_DEBUG=1 to see the traceback.
    """
    try:
        app()
    except SystemExit as exit_:
        if exit_.code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into a silent exit 130
            sys.stderr.write("figcheck: interrupted\n")
        raise
    except KeyboardInterrupt:
        sys.stderr.write("figcheck: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except RecursionError:
        sys.stderr.write("figcheck: error: input nested too deeply to process\n")
        sys.exit(EXIT_USAGE)
    except MemoryError:
        sys.stderr.write("figcheck: error: out of memory\n")
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # noqa: BLE001 (the last line of defence: one line, not a traceback)
        if os.environ.get("FIGCHECK_DEBUG"):
            raise
        detail = " ".join(str(exc).split())[:300]
        sys.stderr.write(f"figcheck: internal error: {type(exc).__name__}: {detail} "
                         "(please report it; FIGCHECK_DEBUG=1 shows the traceback)\n")
        sys.exit(EXIT_USAGE)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
