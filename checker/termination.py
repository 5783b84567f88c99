"""SIGTERM (a CI job cancelled, `timeout`, `kill`) handled exactly like Ctrl-C.

The default action of SIGTERM kills the process where it stands: `--jobs` workers are orphaned and
a half-written temporary report is left behind. With `handle_sigterm()` installed, SIGTERM raises
KeyboardInterrupt in the main thread instead, so the same clean-up runs as for Ctrl-C (workers
terminated, temporary files removed) and the run ends with one line and exit 128 + 15.
Workers (`worker_signals`) leave both signals to the parent, which stops them itself.
"""

from __future__ import annotations

import signal

EXIT_TERMINATED = 128 + signal.SIGTERM
EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130: Ctrl-C, as shells report it
_received: list[int] = []


# SIGHUP (the terminal or ssh session went away) and SIGQUIT (Ctrl-\\) kill a process where it stands
# just as SIGTERM does, orphaning the workers (they block on their queue forever): all three are
# handled alike, and the run exits 128 + the signal's number, as a shell reports it.
_STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name))


def handle_sigterm() -> None:
    for number in _STOPPING:
        signal.signal(number, _raise_interrupt)


def terminated() -> bool:
    """Whether the run was stopped by SIGTERM, SIGHUP or SIGQUIT (rather than Ctrl-C)."""
    return bool(_received)


def terminated_exit() -> int:
    """The exit code of a run stopped by a signal: 128 + its number (143 for SIGTERM)."""
    return 128 + _received[0] if _received else EXIT_TERMINATED


def _raise_interrupt(signum, frame) -> None:  # noqa: ARG001 (signal handler signature)
    _received.append(signum)
    for number in _STOPPING:  # a second signal must not interrupt the clean-up
        signal.signal(number, signal.SIG_IGN)
    raise KeyboardInterrupt


def worker_signals() -> None:
    """In a pool worker: die at once on SIGTERM (the parent sends it), ignore Ctrl-C, a hang-up and
    Ctrl-\\ (the parent gets them too, and stops the workers)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in _STOPPING:
        if number != signal.SIGTERM:
            signal.signal(number, signal.SIG_IGN)
