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
    gc.disable()  # see _started
    from checker import code_cache, regex_cache

    regex_cache.install()  # before any figcheck module compiles its patterns (see checker.regex_cache)
    code_cache.install()  # before any dataclass is defined (see checker.code_cache)
    from checker.cli import main as run_cli, preload

    preload(sys.argv[1:])  # the command's own modules load before collection resumes too
    _started()
    signal.signal(signal.SIGINT, previous)
    run_cli()


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
