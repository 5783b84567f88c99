"""The `figcheck` command line (Typer): one module per command, registered from the list below.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config, rule-pack
or input error; 130 interrupted. Heavy modules are imported inside the commands that need them,
so `figcheck --help` and a lint of one short article start quickly.

Adding a command is one module under checker/cli/ that defines `register(app)` (one command or
group, named as the module), plus its name in `COMMANDS`; a command is imported and built only when
it is looked up (checker/cli/lazy_group.py), and its help shows value lists and metavars, never
Python types (checker/cli/help_text.py). Options shared by several commands are defined once in `checker.cli.options`.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import Annotated, NoReturn

import typer

from checker.cli.lazy_group import build_command, lazy_group_class
from checker.cli.options import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_USAGE, say_error, silence_stdout
from checker.version import __version__

def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """Python's backslashreplace writes £ as \\xa3 and 😀 as \\U0001f600, which are no JSON escapes
    (jq: "invalid escape"): every character is written as JSON writes it, \\u00a3, and one past
    U+FFFF as its UTF-16 pair \\ud83d\\ude00, so a JSON report on an ASCII stream stays JSON (and reads
    as well as backslashreplace in a text report)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for char in error.object[error.start:error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


def _register_json_escapes() -> str:
    import codecs

    codecs.register_error("figcheck-json-escape", _json_escape)
    return "figcheck-json-escape"


# Command modules, in the order `figcheck --help` lists them (sub-command groups such as `rules`
# are listed after the plain commands).
COMMANDS: tuple[str, ...] = (
    "lint",
    "fix",
    "serve",
    "server",
    "audit",
    "extract",
    "rates",
    "rules",
)


def _build(name: str):
    """Command `name`, built the first time it is looked up (checker/cli/lazy_group.py)."""
    return build_command(name, pretty_exceptions_short=app.pretty_exceptions_short,
                         rich_markup_mode=app.rich_markup_mode, suggest_commands=app.suggest_commands)


app = typer.Typer(
    cls=lazy_group_class(COMMANDS, _build),
    name="figcheck",
    help="Lint documents for figures that do not add up: currency conversions, unit conversions, arithmetic.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"figcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", metavar="", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """figcheck: catch wrong figures before they are published."""



def preload(args: list[str]) -> None:
    """Import the module of the command `args` name (the root takes no option with a value), so
    that the entry point loads it while garbage collection waits (checker/launch.py); the app
    would otherwise import it only when Click looks the command up."""
    name = next((arg for arg in args if not arg.startswith("-")), None)
    if name in COMMANDS:
        importlib.import_module(f"checker.cli.{name}")


def main() -> None:
    """Entry point: run the app so that no traceback ever reaches the user.

    Ctrl-C exits 130 with one line. A reader that goes away (`figcheck lint ... | head`) ends the
    run quietly with exit 1, as Typer/Click already do inside the app, so a `set -o pipefail`
    gate never mistakes a truncated report for a clean one. Anything unexpected is one line and
    exit 2; set FIGCHECK_DEBUG=1 to see the traceback.
    """
    from checker.termination import handle_sigterm, terminated, terminated_exit

    handle_sigterm()  # a CI cancel cleans up like Ctrl-C (checker/termination.py)
    try:
        os.getcwd()  # relative paths, config discovery and reports all start here
    except FileNotFoundError:
        sys.stderr.write("figcheck: error: the current folder no longer exists (it was deleted or moved); "
                         "cd to a folder that exists\n")
        sys.exit(EXIT_USAGE)
    if sys.stdout is None:  # started with stdout closed (`>&-`): Python leaves it as None
        if not any(arg in ("-o", "--output") or arg.startswith("--output=") for arg in sys.argv[1:]):
            sys.stderr.write("figcheck: error: standard output is closed; nowhere to write the report "
                             "(use --output FILE)\n")
            sys.exit(EXIT_USAGE)
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    # PYTHONIOENCODING=ascii or a Latin-1 terminal: \u escapes, no crash; a file name that is not UTF-8
    # (Python's surrogateescape would write its raw byte) as the \udcff escape a report file has too,
    # so a JSON or SARIF report on stdout stays valid UTF-8
    for stream in (sys.stdout, sys.stderr):
        if (stream is not None and getattr(stream, "errors", None) in ("strict", "surrogateescape")
                and hasattr(stream, "reconfigure")):
            stream.reconfigure(errors=_register_json_escapes())
    try:
        code = app(standalone_mode=False)
    except _CLICK_ERRORS as error:  # a bad option or value: one line, as our own errors
        if type(error).__name__ == "NoArgsIsHelpError":  # plain `figcheck`: the help, as before
            error.show()
            sys.exit(error.exit_code)
        message = f"{' '.join(error.format_message().replace('Value error, ', '').split())}{_help_hint(error)}"  # pydantic's prefix, which Typer passes on
        say_error(message, github=_github_format(sys.argv[1:]))  # in a workflow, an annotation too
        sys.exit(EXIT_USAGE)
    except _CLICK_ABORT:  # Click's name for a KeyboardInterrupt, which SIGTERM raises too
        sys.stderr.write("figcheck: terminated\n" if terminated() else "figcheck: interrupted\n")
        sys.exit(terminated_exit() if terminated() else EXIT_INTERRUPTED)
    except SystemExit as exit_:
        if exit_.code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into a silent exit 130
            if terminated():
                sys.stderr.write("figcheck: terminated\n")
                sys.exit(terminated_exit())
            sys.stderr.write("figcheck: interrupted\n")
        raise
    except KeyboardInterrupt:
        sys.stderr.write("figcheck: terminated\n" if terminated() else "figcheck: interrupted\n")
        sys.exit(terminated_exit() if terminated() else EXIT_INTERRUPTED)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except OSError as exc:
        if exc.errno not in _WRITE_ERRORS:
            _internal_error(exc)
        silence_stdout()  # the interpreter's last flush of what is left would fail again
        where = "standard output" if exc.filename is None else str(exc.filename)
        sys.stderr.write(f"figcheck: error: cannot write to {where} ({exc.strerror or exc})\n")
        sys.exit(EXIT_USAGE)
    except RecursionError:
        sys.stderr.write("figcheck: error: input nested too deeply to process\n")
        sys.exit(EXIT_USAGE)
    except MemoryError:
        sys.stderr.write("figcheck: error: out of memory\n")
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # noqa: BLE001 (the last line of defence: one line, not a traceback)
        _internal_error(exc)
    if code == EXIT_INTERRUPTED:  # Typer turned Ctrl-C (or SIGTERM, see termination.py) into 130
        if terminated():
            sys.stderr.write("figcheck: terminated\n")
            sys.exit(terminated_exit())
        sys.stderr.write("figcheck: interrupted\n")
    sys.exit(code if isinstance(code, int) else 0)


# A full disk, a quota, a file-size limit or a failing device under `figcheck lint > report.json`
# (stdout is then a file): the shell's own `echo x > /dev/full` says "No space left on device".
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _internal_error(exc: BaseException) -> NoReturn:
    if os.environ.get("FIGCHECK_DEBUG"):
        raise exc
    detail = " ".join(str(exc).split())[:300]
    sys.stderr.write(f"figcheck: internal error: {type(exc).__name__}: {detail} "
                     "(please report it; FIGCHECK_DEBUG=1 shows the traceback)\n")
    sys.exit(EXIT_USAGE)


def _click_exceptions():
    """Click's error classes as this Typer raises them (newer Typers ship their own copy of Click)."""
    import typer.core

    vendored = getattr(typer.core, "_click", None)
    if vendored is not None:
        from typer.exceptions import Abort

        return vendored.exceptions.ClickException, Abort
    import click

    return click.exceptions.ClickException, click.exceptions.Abort


_CLICK_ERRORS, _CLICK_ABORT = _click_exceptions()


def _github_format(args: list[str]) -> bool:
    """Whether the command line asks for `--format github` (in any of its spellings)."""
    for index, arg in enumerate(args):
        if arg in ("--format=github", "--output-format=github", "-fgithub"):
            return True
        if arg in ("--format", "--output-format", "-f") and args[index + 1 : index + 2] == ["github"]:
            return True
    return False


def _help_hint(error) -> str:
    """" (see `figcheck lint --help`)" for the command the mistake was made in."""
    ctx = getattr(error, "ctx", None)
    return f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
