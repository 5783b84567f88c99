"""The root command group, which builds a command only when it is looked up (Click's lazy group).

Typer turns every registered command into Click objects (reading each signature, each `Annotated`
option) whenever the app runs; with eleven commands that was about a tenth of a one-file lint. Here
the root group knows the command names (`checker.cli.COMMANDS`, each module registering one command
or group of its own name) and imports and builds a command's module the first time Click asks for
it: `figcheck lint` builds `lint` alone, while `figcheck --help`, completion and a mistyped name
(which lists every name) see all of them, built the same way Typer builds them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping

import typer
import typer.main

from checker.cli.help_text import PlainHelpGroup, plain_help


def build_command(name: str, *, pretty_exceptions_short: bool, rich_markup_mode, suggest_commands: bool):
    """The Click command (or group) that module `checker.cli.<name>` registers, as Typer builds it."""
    holder = typer.Typer()
    importlib.import_module(f"checker.cli.{name}").register(holder)
    plain_help(holder)
    built = [typer.main.get_command_from_info(info, pretty_exceptions_short=pretty_exceptions_short,
                                              rich_markup_mode=rich_markup_mode)
             for info in holder.registered_commands]
    built += [typer.main.get_group_from_info(info, pretty_exceptions_short=pretty_exceptions_short,
                                             rich_markup_mode=rich_markup_mode, suggest_commands=suggest_commands)
              for info in holder.registered_groups]
    if len(built) != 1 or built[0].name != name:
        raise RuntimeError(f"checker.cli.{name} must register one command named {name!r}")
    return built[0]


class LazyCommands(MutableMapping):
    """Command name -> Click command, in the order given; each built on its first lookup."""

    def __init__(self, names, build) -> None:
        self._names = list(names)
        self._built: dict = {}
        self._build = build

    def __getitem__(self, name):
        if name not in self._built:
            if name not in self._names:
                raise KeyError(name)
            self._built[name] = self._build(name)
        return self._built[name]

    def __setitem__(self, name, command) -> None:
        if name not in self._names:
            self._names.append(name)
        self._built[name] = command

    def __delitem__(self, name) -> None:
        self._names.remove(name)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name) -> bool:
        return name in self._names


class LazyGroup(PlainHelpGroup):
    """The root group: its commands are `LazyCommands` over `names`, built by `build` (both set by
    `lazy_group_class`)."""

    names: tuple[str, ...] = ()

    def __init__(self, **attrs) -> None:
        super().__init__(**attrs)
        registered = self.commands  # anything Typer built eagerly (none: the app registers no command)
        self.commands = LazyCommands(self.names, type(self).build)
        for name, command in registered.items():
            self.commands[name] = command

    @staticmethod
    def build(name: str):
        raise NotImplementedError

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands)  # the names, without building every command as .items() would


def lazy_group_class(names: tuple[str, ...], build) -> type[LazyGroup]:
    """A `LazyGroup` whose commands are `names`, each made by `build(name)`: the root app's `cls`."""
    return type("FigcheckGroup", (LazyGroup,), {"names": tuple(names), "build": staticmethod(build)})
