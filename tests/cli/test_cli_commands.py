"""The command line is one module per command, registered from one list: adding a command is a
module under checker/cli/ with a `register(app)` and one line in `COMMANDS`."""

from __future__ import annotations

import importlib
import pkgutil

from typer.testing import CliRunner

import checker.cli as cli


def test_every_command_module_is_listed_and_every_listed_module_registers():
    modules = {m.name for m in pkgutil.iter_modules(cli.__path__)}
    registering = {name for name in modules if hasattr(importlib.import_module(f"checker.cli.{name}"), "register")}
    assert registering == set(cli.COMMANDS)


def test_help_lists_every_command():
    result = CliRunner().invoke(cli.app, ["--help"], terminal_width=120)
    assert result.exit_code == 0
    for name in cli.COMMANDS:
        assert f" {name} " in result.output


def test_command_bodies_format_no_tables():
    """Listings are worded by the report layer (checker.report.listings), not inside commands."""
    for name in cli.COMMANDS:
        source = importlib.import_module(f"checker.cli.{name}").__file__
        text = open(source, encoding="utf-8").read()
        assert "rich.table" not in text and "ljust(" not in text and ":<{" not in text, name
