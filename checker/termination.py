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


def handle_sigterm() -> None:
    signal.signal(signal.SIGTERM, _raise_interrupt)


def terminated() -> bool:
    """Whether the run was stopped by SIGTERM (rather than Ctrl-C)."""
    return bool(_received)


def _raise_interrupt(signum, frame) -> None:  # noqa: ARG001 (signal handler signature)
    _received.append(signum)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second TERM must not interrupt the clean-up
    raise KeyboardInterrupt


def worker_signals() -> None:
    """In a pool worker: die at once on SIGTERM (the parent sends it), ignore Ctrl-C (the parent
    gets it too, and stops the workers)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
