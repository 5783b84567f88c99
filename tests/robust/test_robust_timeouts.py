"""A block whose parse cannot finish in time is cut off and reported, never a hang."""

from __future__ import annotations

import time

import pytest

import checker.pipeline
from checker.api import lint_text
from checker.safety import TimeLimitExceeded, can_limit_time, time_limit

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
