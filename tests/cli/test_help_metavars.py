"""Every command's help shows what to type: a value list or a plain metavar, never a Python type.

Walks every command and sub-command the app registers (checker.cli.COMMANDS, and groups such as
`rules`), renders its real `--help` both as Rich panels and as plain Click text, and fails on any
Python type name (`<list[str]>`, `<bool>`, `<path>`, `str`, `int range`…) in it.
"""

from __future__ import annotations

import re

import click
import pytest
import typer.main
from typer.testing import CliRunner

from checker.cli import COMMANDS, app

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# What Typer and Click print for a parameter whose metavar is missing.
PYTHON_TYPES = re.compile(
    r"<[^<>\s]*>|\blist\[|\b(?:str|int|float|bool|Path|path|dict|tuple|datetime|int range|float range)\b"
    r"(?=\s|\]|$)|\b(?:TEXT|INTEGER|FLOAT|BOOLEAN|FILENAME|DIRECTORY|PATH RANGE|INTEGER RANGE)\b"
)


def _command_paths() -> list[tuple[str, ...]]:
    root = typer.main.get_command(app)
    paths: list[tuple[str, ...]] = [()]

    def walk(command: click.Command, prefix: tuple[str, ...]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            paths.append((*prefix, name))
            walk(sub, (*prefix, name))

    walk(root, ())
    return paths


PATHS = _command_paths()


def test_the_walk_reaches_every_registered_command():
    assert {path[0] for path in PATHS if path} == set(COMMANDS)
    assert ("rules", "validate") in PATHS  # and the commands of groups


def _type_column_words(text: str) -> list[str]:
    """The words printed between each option/argument name and its help (the 'type' column)."""
    found = []
    for line in text.splitlines():
        match = re.match(r"\s*│?\s*(\*\s+)?(-\S+|[A-Z][A-Z_0-9]*)(,\S+)?(\s+-\w)?\s{2,}(.*)", line)
        if match:
            found.append(match.group(5))
    return found


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "figcheck")
@pytest.mark.parametrize("mode", ["rich", "plain"])
def test_help_shows_no_python_type(path, mode, monkeypatch):
    if mode == "plain":  # Click's own formatter, as used without Rich
        monkeypatch.setattr(typer.core, "HAS_RICH", False)
    run = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "200", "TERM": "dumb"})
    assert run.exit_code == 0, run.output
    text = ANSI.sub("", run.stdout)
    assert "Usage:" in text
    for row in _type_column_words(text):
        bad = PYTHON_TYPES.search(row.split("  ")[0])  # the metavar, before the help sentence
        assert bad is None, f"`figcheck {' '.join(path)} --help` shows a Python type {bad.group()!r}: {row!r}"
    usage = text[text.index("Usage:"):].splitlines()[0]
    assert PYTHON_TYPES.search(usage) is None and not re.search(r"[{\[][a-z_]+[}\]]", usage), usage


def test_every_parameter_has_a_plain_metavar():
    """The same, read from the parameters: a flag shows nothing, a value a metavar or its choices."""
    root = typer.main.get_command(app)
    for path in PATHS:
        command = root
        for name in path:
            command = command.commands[name]
        ctx = click.Context(command, info_name="figcheck")
        for param in command.get_params(ctx):
            shown = param.display_type_rich(ctx) if hasattr(param, "display_type_rich") else param.metavar
            assert shown is None or PYTHON_TYPES.search(shown) is None, (path, param.name, shown)
            if isinstance(param, click.Argument):
                assert param.metavar and param.metavar.isupper(), (path, param.name, param.metavar)
