"""A progress bar for long multi-file runs, for a person watching a terminal and nobody else.

It goes to stderr, only for runs over several files or a directory (a one-file lint stays quiet),
and is transient: when the run ends it is erased and only the report and its summary line remain.
Piped output, CI logs (`CI` set) and dumb terminals get nothing decorative at all.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterator, Mapping, TextIO


def wants_progress(*, report_to_stdout: bool, stdout: TextIO | None = None, stderr: TextIO | None = None,
                   environ: Mapping[str, str] | None = None) -> bool:
    """Whether a person is watching: stderr is a terminal, and so is stdout when the report goes there."""
    env = os.environ if environ is None else environ
    if env.get("CI") or env.get("TERM") == "dumb":
        return False
    streams = [stderr or sys.stderr] + ([stdout or sys.stdout] if report_to_stdout else [])
    return all(_isatty(stream) for stream in streams)


@contextmanager
def running(enabled: bool, description: str) -> Iterator[None]:
    """Show a pulsing bar with the elapsed time while the block runs (files are linted in worker
    processes, so the parent knows that the run goes on, not how far it has got)."""
    if not enabled:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(description), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        progress.add_task(description, total=None)
        yield


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
