"""The console entry point: a Ctrl-C while figcheck is still starting ends with its one line too.

Importing the command line takes a moment (typer, rich, pydantic, the vocabulary); a Ctrl-C in that
moment would otherwise print Python's traceback. Until the CLI's own handling takes over
(`checker.cli.main`), an interrupt ends the run with "figcheck: interrupted" and exit 130.
"""

from __future__ import annotations

import gc
import os
import signal
import sys

from checker.termination import EXIT_INTERRUPTED


def _interrupted_while_starting(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
    sys.stderr.write("figcheck: interrupted\n")
    sys.stderr.flush()
    os._exit(EXIT_INTERRUPTED)  # nothing has been written or opened yet: nothing to clean up


def main() -> None:
    previous = signal.signal(signal.SIGINT, _interrupted_while_starting)
    # figcheck's pydantic models are its own; a pydantic plugin installed beside it (one that traces
    # validation, say) has nothing to observe in them, and looking for plugins scans the metadata of
    # every installed distribution on the first model built. A value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_loader()
    gc.disable()  # see _started
    from checker import code_cache, regex_cache

    regex_cache.install()  # before any figcheck module compiles its patterns (see checker.regex_cache)
    code_cache.install()  # before any dataclass is defined (see checker.code_cache)
    from checker.cli import main as run_cli, preload

    preload(sys.argv[1:])  # the command's own modules load before collection resumes too
    _started()
    signal.signal(signal.SIGINT, previous)
    run_cli()


PLUGINS_OFF = ("__all__", "1", "true")  # the values of PYDANTIC_DISABLE_PLUGINS that turn every plugin off
LOADER = "pydantic.plugin._loader"


def _no_plugin_loader() -> None:
    """With every pydantic plugin off, pydantic's plugin loader answers "no plugins" without looking,
    yet importing it imports `importlib.metadata` (email, zipfile, csv: ~40 ms of start-up here) for
    the look it never takes. So a stand-in that gives the same answer takes its place; anything else
    pydantic asks of the loader imports the real one. Plugins turned on, or off by name: the real one."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in PLUGINS_OFF or LOADER in sys.modules:
        return
    import types

    stand_in = types.ModuleType(LOADER, "pydantic's plugin loader while every plugin is off (checker.launch)")

    def get_plugins() -> tuple:
        return ()

    def real(name: str):
        if name.startswith("__"):  # what the import system looks up on any module (__path__, ...)
            raise AttributeError(name)
        if sys.modules.get(LOADER) is stand_in:
            del sys.modules[LOADER]
        import importlib

        return getattr(importlib.import_module(LOADER), name)

    stand_in.get_plugins = get_plugins
    stand_in.__getattr__ = real  # type: ignore[attr-defined]
    sys.modules[LOADER] = stand_in


def _started() -> None:
    """Start-up builds a few hundred thousand objects that live as long as the process (modules,
    classes, compiled patterns, pydantic schemas) and makes no garbage worth collecting, yet the
    cycle collector would walk them all again and again while they are made: about a fifth of a
    one-file lint. So collection is off while the modules load, and what they built is then frozen
    (`gc.freeze`: never examined again). Collection resumes with a youngest generation of 100,000
    objects instead of 700: the modules the first document still loads (the extractors, the kinds)
    are not walked every few hundred allocations, and cyclic garbage stays bounded by a few MB."""
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, 20, 20)
    gc.enable()


YOUNG_OBJECTS = 100_000
