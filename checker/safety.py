"""Bounds on work done for untrusted input: a time limit for parsing one block of prose.

Blocks are already bounded in size by the loaders, but a grammar can still be slow on a
pathological block (thousands of digits, endless separators). Rather than let one block hang a
CI gate, the pipeline parses each block under `time_limit` and reports the block as not checked.

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

import signal
import threading

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


# Once a limit has run out, its timer keeps firing at this interval (a fraction of the limit, at
# least 10 ms) until the guarded work ends: an exception raised while Python runs a garbage
# collector callback or a __del__ is swallowed as "unraisable", and the work would go on unlimited.
_REFIRE_FRACTION = 0.1
_REFIRE_MIN_SECONDS = 0.01


def _refire_interval(limit: float) -> float:
    return max(limit * _REFIRE_FRACTION, _REFIRE_MIN_SECONDS)


class time_limit:  # noqa: N801 - used as a function: `with time_limit(60, cpu_seconds=10):`
    """Raise `TimeLimitExceeded` in the body if it runs longer than `seconds` of wall-clock time,
    or (with `cpu_seconds`) once it has used that much CPU time, whichever comes first.

    Does nothing when it cannot work (not the main thread, no setitimer); a limit whose timer is
    already running outside is left to that outer timer (nesting would cancel it).

    A class rather than a generator, and `_signal`'s functions rather than `signal`'s enum-converting
    wrappers: the pipeline enters one per block, thousands per run of small files, so entering and
    leaving costs a few microseconds instead of about ninety.
    """

    __slots__ = ("_seconds", "_cpu_seconds", "_timers", "_previous", "_ran_out", "_disarmed")

    def __init__(self, seconds: float, cpu_seconds: float | None = None) -> None:
        self._seconds = seconds
        self._cpu_seconds = cpu_seconds or 0
        self._timers: tuple = ()
        self._previous: list = []
        self._ran_out: list[bool] = []  # the limits that fired, CPU or not, even if their exception was lost
        self._disarmed = False

    def __enter__(self) -> None:
        if not _can_limit_time():
            return
        self._timers = tuple((timer, number, limit) for timer, number, limit in (
            (_ITIMER_REAL, _SIGALRM, self._seconds),
            (_ITIMER_PROF, _SIGPROF, self._cpu_seconds),
        ) if limit > 0 and _signal.getitimer(timer)[0] == 0)
        handler = self._raise_time_limit
        self._previous = [(number, _signal.signal(number, handler)) for _, number, _ in self._timers]
        for timer, _, limit in self._timers:
            _signal.setitimer(timer, limit, _refire_interval(limit))

    def _raise_time_limit(self, signum, frame) -> None:  # noqa: ARG002 (signal handler signature)
        if self._disarmed:
            return  # a signal still pending when the timers were stopped
        self._ran_out.append(signum == _SIGPROF)
        raise TimeLimitExceeded(cpu=self._ran_out[0])

    def __exit__(self, exc_type, exc, traceback) -> bool:
        if not self._timers:
            if exc_type is None and self._ran_out:
                raise TimeLimitExceeded(cpu=self._ran_out[0])
            return False
        while not self._disarmed:
            try:
                for timer, _, _ in self._timers:
                    _signal.setitimer(timer, 0)
                self._disarmed = True
            except TimeLimitExceeded:
                continue  # a refire landed while stopping: the exception already on its way stands
        for number, handler in self._previous:
            _signal.signal(number, handler)
        if exc_type is None and self._ran_out:  # the body ended, but only because the exception was swallowed
            raise TimeLimitExceeded(cpu=self._ran_out[0])
        return False


def _can_limit_time() -> bool:
    return _HAS_TIMERS and threading.get_ident() == _MAIN_THREAD_ID


_HAS_TIMERS = hasattr(signal, "setitimer")
_MAIN_THREAD_ID = threading.main_thread().ident
if _HAS_TIMERS:
    import _signal

    _ITIMER_REAL, _ITIMER_PROF = int(signal.ITIMER_REAL), int(signal.ITIMER_PROF)
    _SIGALRM, _SIGPROF = int(signal.SIGALRM), int(signal.SIGPROF)
