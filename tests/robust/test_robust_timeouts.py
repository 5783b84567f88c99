"""A block whose parse cannot finish in time is cut off and reported, never a hang.

The block's limit is CPU time (a loaded machine does not make a document fail), with a wall-clock
backstop that ends even a wait that uses no CPU at all (a blocked read). Trusted behaviour:
`ulimit -t` / RLIMIT_CPU counts CPU seconds, and GNU `timeout` ends a blocked process by the clock.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

import checker.pipeline
from checker.api import lint_text
from checker.safety import (
    BLOCK_PARSE_SECONDS,
    BLOCK_PARSE_WALL_SECONDS,
    TimeLimitExceeded,
    TimeLimits,
    can_limit_time,
    time_limit,
)

pytestmark = pytest.mark.skipif(not can_limit_time(), reason="needs SIGALRM in the main thread")


def test_time_limit_interrupts_python_work():
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.05):
            while True:
                time.sleep(0.001)


def test_time_limit_leaves_no_timer_behind():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


def test_a_block_past_its_parse_limit_is_reported_as_not_checked(monkeypatch):
    # The real extractor on a real (large) paragraph, with a limit it cannot meet.
    monkeypatch.setattr(checker.pipeline, "BLOCK_PARSE_SECONDS", 1e-6)
    text = "Intro line.\n\n" + "It cost 600 billion yuan ($8.5 billion), " * 2000
    findings = lint_text(text, date="2025-04-15")
    timeouts = [f for f in findings if f.rule == "parse-timeout"]
    assert timeouts, [f.rule for f in findings]
    assert all(f.severity == "info" for f in timeouts)
    assert not [f for f in findings if f.rule == "currency-conversion"]  # nothing is claimed as checked


def test_a_normal_block_parses_under_the_default_limit():
    findings = lint_text("It cost 600 billion yuan ($8.5 billion).", date="2025-04-15")
    assert [f.rule for f in findings] == ["currency-conversion"]


def test_the_cpu_limit_ends_work_that_uses_the_cpu():
    started = time.process_time()
    with pytest.raises(TimeLimitExceeded) as raised:
        with time_limit(60, cpu_seconds=0.05):
            while True:
                pass
    assert raised.value.cpu
    # it was the CPU time that ran out: about the limit (the kernel's timer and process_time count the
    # same CPU time in ticks of their own, so a few milliseconds of slack)
    assert time.process_time() - started >= 0.04


def test_waiting_does_not_count_against_the_cpu_limit():
    # A process that waits (for a core on a crowded runner, here in a sleep) uses no CPU time:
    # twice the CPU limit of waiting ends normally, where a wall-clock limit would have cut it off.
    with time_limit(60, cpu_seconds=0.1):
        time.sleep(0.2)
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_a_blocked_read_is_ended_by_the_wall_clock_backstop():
    reader, writer = os.pipe()  # nothing is ever written: the read blocks, using no CPU time
    try:
        with pytest.raises(TimeLimitExceeded) as raised:
            with time_limit(0.2, cpu_seconds=30):
                os.read(reader, 1)
        assert not raised.value.cpu
    finally:
        os.close(reader)
        os.close(writer)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_both_timers_and_handlers_are_restored():
    before = signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPROF)
    with time_limit(5, cpu_seconds=5):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0 and signal.getitimer(signal.ITIMER_PROF)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert (signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPROF)) == before


def test_the_pipeline_limits_cpu_time_with_a_wall_clock_backstop(monkeypatch):
    assert BLOCK_PARSE_WALL_SECONDS > BLOCK_PARSE_SECONDS  # the backstop is the generous one
    monkeypatch.setattr(checker.pipeline, "BLOCK_PARSE_SECONDS", 1e-6)
    text = "Intro line.\n\n" + "It cost 600 billion yuan ($8.5 billion), " * 2000
    timeouts = [f for f in lint_text(text, date="2025-04-15") if f.rule == "parse-timeout"]
    assert timeouts and all("of CPU time" in f.message for f in timeouts), [f.message for f in timeouts]


def test_a_limit_whose_exception_was_swallowed_fires_again():
    # Python swallows an exception raised while it runs a gc callback or a __del__ ("unraisable"):
    # the limit must still end the work, so the timer fires again until the body ends.
    swallowed = 0
    with pytest.raises(TimeLimitExceeded):
        with time_limit(60, cpu_seconds=0.05):
            while True:
                try:
                    while True:
                        pass
                except TimeLimitExceeded:
                    if swallowed:
                        raise  # the second firing is let out: the first was the lost one
                    swallowed += 1
    assert swallowed == 1


def test_work_that_swallowed_its_limit_and_finished_is_still_past_the_limit():
    with pytest.raises(TimeLimitExceeded):
        with time_limit(60, cpu_seconds=0.05):
            try:
                while True:
                    pass
            except TimeLimitExceeded:
                pass  # lost, as in a gc callback; the work then ends on its own
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0) and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_limits_armed_once_cut_off_only_the_block_past_its_limit():
    # The pipeline arms the timers once per document: work between blocks is never cut off, however
    # long, and each block gets its own full limit, counted from when it began.
    before = signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPROF)
    with TimeLimits(60, cpu_seconds=0.05) as limits:
        with limits.block():
            pass
        started = time.process_time()
        while time.process_time() - started < 0.2:  # four limits' worth of CPU outside any block
            pass
        started = time.process_time()
        with pytest.raises(TimeLimitExceeded) as raised:
            with limits.block():
                while True:
                    pass
        assert raised.value.cpu and time.process_time() - started >= 0.05
        with limits.block():  # the next block starts afresh
            time.sleep(0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert (signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPROF)) == before


def test_a_lint_leaves_no_timer_or_handler_behind(monkeypatch):
    before = signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPROF)
    monkeypatch.setattr(checker.pipeline, "BLOCK_PARSE_SECONDS", 1e-6)
    text = "Intro line.\n\n" + "It cost 600 billion yuan ($8.5 billion), " * 2000 + "\n\nIt cost 600 billion yuan ($8.5 billion)."
    assert any(f.rule == "parse-timeout" for f in lint_text(text, date="2025-04-15"))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert (signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPROF)) == before
    monkeypatch.undo()  # the next document is limited again as usual, and its paragraph checked
    assert [f.rule for f in lint_text("It cost 600 billion yuan ($8.5 billion).", date="2025-04-15")] == ["currency-conversion"]
