"""A progress bar for long multi-file runs, for a person watching a terminal and nobody else.

It goes to stderr, only for runs over several files or a directory (a one-file lint stays quiet),
and is transient: when the run ends it is erased and only the report and its summary line remain.
Piped output, CI logs (`CI` set) and dumb terminals get nothing decorative at all.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Callable, Iterator, Mapping, TextIO


def wants_progress(*, report_to_stdout: bool, stdout: TextIO | None = None, stderr: TextIO | None = None,
                   environ: Mapping[str, str] | None = None) -> bool:
    """Whether a person is watching: stderr is a terminal, and so is stdout when the report goes there."""
    env = os.environ if environ is None else environ
    if env.get("CI") or env.get("TERM") == "dumb":
        return False
    streams = [stderr or sys.stderr] + ([stdout or sys.stdout] if report_to_stdout else [])
    return all(_isatty(stream) for stream in streams)


@contextmanager
def running(enabled: bool, description: str) -> Iterator[Callable[[str], None]]:
    """Show a live count of the documents checked, the latest one's name and the elapsed time
    while the block runs; the block calls the yielded function once per document done. (The walk
    is lazy, so the total is not known in advance and the bar pulses rather than fills.)"""
    if not enabled:
        yield lambda path: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(description), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[current]}", style="dim"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(description, total=None, current="")

        def advance(path: str) -> None:
            progress.update(task, advance=1, current=os.path.basename(path.split("#", 1)[0])[:40])

        yield advance


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
