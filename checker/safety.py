"""Bounds on work done for untrusted input: a time limit for parsing one block of prose.

Blocks are already bounded in size by the loaders, but a grammar can still be slow on a
pathological block (thousands of digits, endless separators). Rather than let one block hang a
CI gate, the pipeline parses each block under a time limit (`TimeLimits`, armed once for a run of
documents)
and reports a block past it as not checked.

The block's limit is CPU time (ITIMER_PROF: user + system time of this process), so a document is
judged by the work it needs, not by how busy the machine is: on a loaded CI runner a worker may
get a fraction of a core, and a wall-clock limit would cut off an ordinary paragraph there. CPU
time does not advance while the process waits (a read that blocks, a sleep), so a generous
wall-clock limit (ITIMER_REAL) stays on as the backstop: whatever happens, the block ends.

The limits use SIGPROF and SIGALRM, so they only apply on POSIX in the main thread of a process
(the serial lint and every `--jobs` worker run there); elsewhere they are a no-op rather than an
error. A signal interrupts Python code between bytecodes, so a single C call that never returns (a
backtracking stdlib `re` match) is cut off when it returns, not before: patterns from users
therefore run on the `regex` package with its own `timeout=` (see checker/kinds/pattern.py).
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
import time
from contextlib import contextmanager
from typing import Iterator

# Generous: a normal block parses in milliseconds of CPU; only a pathological one gets near this.
BLOCK_PARSE_SECONDS = 10.0
# The wall-clock backstop for the same parse: a block that has waited this long ends, even if it
# never used its CPU time (a process starved on a crowded machine, a wait that never returns).
BLOCK_PARSE_WALL_SECONDS = 6 * BLOCK_PARSE_SECONDS


class TimeLimitExceeded(Exception):
    """The guarded work ran past its time limit and was abandoned; `cpu` says which limit."""

    def __init__(self, cpu: bool = False) -> None:
        super().__init__("CPU time limit" if cpu else "wall-clock time limit")
        self.cpu = cpu


def can_limit_time() -> bool:
    """Whether `time_limit` can actually interrupt work here."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


# A timer ticks at this interval (a fraction of the limit, at least 10 ms): a block is cut off within
# a tick of its limit, and once its limit has run out the ticks go on raising until the guarded work
# ends: an exception raised while Python runs a garbage collector callback or a __del__ is swallowed
# as "unraisable", and the work would go on unlimited.
_REFIRE_FRACTION = 0.1
_REFIRE_MIN_SECONDS = 0.01


def _refire_interval(limit: float) -> float:
    return max(limit * _REFIRE_FRACTION, _REFIRE_MIN_SECONDS)


class TimeLimits:
    """Time limits for each of a run of guarded blocks (a document's paragraphs), armed once.

    Setting two timers and two signal handlers costs about 0.1 ms, a few percent of a paragraph's
    parse; so the timers are armed once, when the run (of a document's blocks, or of a run's
    documents) begins, and tick every tenth of their limit.
    `block()` only notes when a block began: a tick that finds the block running past its limit
    raises `TimeLimitExceeded` in it, and ticks between blocks do nothing. A block is cut off between
    its limit and a tenth past it. A timer already running outside is left to its owner (nesting
    would cancel it); where limits cannot work (not the main thread, no setitimer), nothing is limited.
    """

    def __init__(self, seconds: float, cpu_seconds: float | None = None) -> None:
        self._limits = {signal.SIGALRM: seconds, signal.SIGPROF: cpu_seconds or 0} if can_limit_time() else {}
        self._timers: list[tuple[int, int, float]] = []
        self._previous: list[tuple[int, object]] = []
        self._deadlines: dict[int, float] = {}  # per signal: when the running block's limit runs out
        self._ran_out: list[bool] = []  # the limits that fired in this block, even if their exception was lost

    def __enter__(self) -> "TimeLimits":
        if not self._limits:
            return self
        self._timers = [(timer, number, limit) for timer, number, limit in (
            (signal.ITIMER_REAL, signal.SIGALRM, self._limits[signal.SIGALRM]),
            (signal.ITIMER_PROF, signal.SIGPROF, self._limits[signal.SIGPROF]),
        ) if limit > 0 and signal.getitimer(timer)[0] == 0]
        self._previous = [(number, signal.signal(number, self._on_tick)) for _, number, _ in self._timers]
        for timer, _, limit in self._timers:
            signal.setitimer(timer, _refire_interval(limit), _refire_interval(limit))
        return self

    def __exit__(self, *exc_info) -> None:
        self._deadlines = {}  # a tick still pending does nothing now
        for timer, _, _ in self._timers:
            signal.setitimer(timer, 0)
        for number, handler in self._previous:
            signal.signal(number, handler)
        self._timers, self._previous = [], []

    @contextmanager
    def block(self) -> Iterator[None]:
        """Raise `TimeLimitExceeded` in the body once it has run past a limit; also after the body,
        when the exception was swallowed somewhere inside (a gc callback, a __del__)."""
        if not self._timers:
            yield
            return
        self._ran_out = []
        try:  # the deadlines are set inside: a tick that lands at once still finds them cleared after
            self._deadlines = {number: _CLOCKS[number]() + limit for _, number, limit in self._timers}
            yield
        finally:
            while True:
                try:
                    self._deadlines = {}
                    break
                except TimeLimitExceeded:
                    continue  # a tick landed while the block ended: it is in ran_out, and stands
        if self._ran_out:  # the body ended, but only because the exception was swallowed somewhere
            raise TimeLimitExceeded(cpu=self._ran_out[0])

    def _on_tick(self, signum, frame) -> None:  # noqa: ARG001 (signal handler signature)
        deadline = self._deadlines.get(signum)
        if deadline is None or _CLOCKS[signum]() < deadline:
            return  # between blocks, or the block still has time
        self._ran_out.append(signum == signal.SIGPROF)
        raise TimeLimitExceeded(cpu=self._ran_out[0])


# The clock each timer's signal is judged by: ITIMER_PROF counts the process's CPU time, as
# process_time does; ITIMER_REAL the wall clock.
_CLOCKS = {getattr(signal, "SIGALRM", None): time.monotonic, getattr(signal, "SIGPROF", None): time.process_time}


@contextmanager
def time_limit(seconds: float, cpu_seconds: float | None = None) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in the body if it runs longer than `seconds` of wall-clock time,
    or (with `cpu_seconds`) once it has used that much CPU time, whichever comes first: one block
    under `TimeLimits`.

    Does nothing when it cannot work (not the main thread, no setitimer); a limit whose timer is
    already running outside is left to that outer timer (nesting would cancel it).
    """
    with TimeLimits(seconds, cpu_seconds) as limits, limits.block():
        yield


class NotRegularFile(OSError):
    """A config, rule pack, rates file or baseline that names a FIFO, a device or a socket."""


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a file the run reads beside its documents (a config, a pack, a rates file, a
    baseline): at most `limit` + 1 of them, so the caller can say it is too large. A FIFO nobody
    writes to would block the run forever and /dev/zero never end, so anything that is not a
    regular file is refused, as the document loader refuses it; opening does not block (O_NONBLOCK)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
                    else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                    else "not a plain file")
            raise NotRegularFile(f"not a regular file ({kind}); name a file")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read(limit + 1)
    finally:
        os.close(descriptor)
