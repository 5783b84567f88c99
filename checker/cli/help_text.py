"""Help text that shows what to type, never a Python type.

Typer 0.29 prints each parameter's Python annotation beside it (`PATH <list[str]>`, `--help <bool>`,
`--host <str>`). A user reads those as part of the syntax. `plain_help(app)` gives every command of
the app (and of its sub-groups) a command class whose help shows, for each parameter, only its value
list (`[rich|json|…]`), its plain metavar (`FILE`, `N`) or, for a flag, nothing. It is applied once to
the whole app in `checker.cli`, so a new command gets it without doing anything.
"""

from __future__ import annotations

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class _PlainArgument(TyperArgument):
    """An argument whose help row is its metavar alone (the name column already shows it)."""

    def display_type_rich(self, ctx) -> str | None:
        return None


def _plain_params(params: list) -> list:
    """Give each parameter a plain metavar: none for a flag, NAME for an option that has none."""
    for param in params:
        if isinstance(param, TyperArgument):
            if param.metavar is None:
                param.metavar = (param.name or "value").upper()
            if not isinstance(param, _PlainArgument):
                param.__class__ = _PlainArgument
        elif isinstance(param, TyperOption) and param.metavar is None:
            descriptor = getattr(param, "type_descriptor", None)
            choices = descriptor.choices if descriptor is not None and descriptor.is_choice else None
            if param.is_flag or param.count:
                param.metavar = ""
            elif choices:
                param.metavar = f"[{'|'.join(str(getattr(c, 'value', c)) for c in choices)}]"
            else:
                param.metavar = (param.name or "value").upper()
    return params


class PlainHelpCommand(TyperCommand):
    def get_params(self, ctx):
        return _plain_params(super().get_params(ctx))


class PlainHelpGroup(TyperGroup):
    def get_params(self, ctx):
        return _plain_params(super().get_params(ctx))


def plain_help(app: typer.Typer) -> None:
    """Use the plain-help classes for `app`, its commands and its sub-groups (recursively)."""
    if not app.info.cls or app.info.cls is TyperGroup:  # unset: Typer's DefaultPlaceholder(None) is falsy
        app.info.cls = PlainHelpGroup
    for command in app.registered_commands:
        if not command.cls or command.cls is TyperCommand:
            command.cls = PlainHelpCommand
    for group in app.registered_groups:
        if not group.cls or group.cls is TyperGroup:
            group.cls = PlainHelpGroup
        if group.typer_instance is not None:
            plain_help(group.typer_instance)
