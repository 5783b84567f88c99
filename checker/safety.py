"""Bounds on work done for untrusted input: a wall-clock limit for parsing one block of prose.

Blocks are already bounded in size by the loaders, but a grammar can still be slow on a
pathological block (thousands of digits, endless separators). Rather than let one block hang a
CI gate, the pipeline parses each block under `time_limit` and reports the block as not checked.

The limit uses SIGALRM, so it only applies on POSIX in the main thread of a process (the serial
lint and every `--jobs` worker run there); elsewhere it is a no-op rather than an error. A signal
interrupts Python code between bytecodes, so a single C call that never returns (a backtracking
stdlib `re` match) is cut off when it returns, not before: patterns from users therefore run on
the `regex` package with its own `timeout=` (see checker/kinds/pattern.py).
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

# Generous: a normal block parses in milliseconds; only a pathological one gets near this.
BLOCK_PARSE_SECONDS = 10.0


class TimeLimitExceeded(Exception):
    """The guarded work ran past its time limit and was abandoned."""


def can_limit_time() -> bool:
    """Whether `time_limit` can actually interrupt work here."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_time_limit(signum, frame) -> None:  # noqa: ARG001 (signal handler signature)
    raise TimeLimitExceeded()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in the body if it runs longer than `seconds`.

    Does nothing when it cannot work (not the main thread, no SIGALRM) or when an outer timer is
    already running (nesting would cancel the outer one).
    """
    if seconds <= 0 or not can_limit_time() or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_time_limit)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
