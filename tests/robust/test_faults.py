"""Faults: interrupted runs, closed pipes, killed writers, bad rate tables. Nothing is lost or misreported.

Every run here is a real `python -m checker` subprocess, so what is checked is what a user sees:
the exit code, stdout and stderr (never a traceback), and the files left on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
ENV.pop("FIGCHECK_DEBUG", None)
PARAGRAPH = ("In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed early-stage AI "
             "companies, officials said.\nThe fund has raised almost 700 billion yuan ($96 billion).\n\n")
SEED = "The fund has raised almost 700 billion yuan ($96 billion) since 2014.\n\n" \
       "In April authorities earmarked a further 600 billion yuan ($8.5 billion).\n"


def figcheck(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          cwd=ROOT, env=ENV, timeout=300, **kwargs)


def start(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=ROOT, env=ENV, **kwargs)


@pytest.fixture(scope="module")
def big_input(tmp_path_factory) -> Path:
    """About 6 MB of paragraphs with figures: minutes of linting, so a run is still busy when a test
    that waited for it to start reading (see `wait_until_reading`) interrupts it. Those runs are
    killed, so the size costs nothing but the write."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_text(PARAGRAPH * (6_000_000 // len(PARAGRAPH)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report_input(tmp_path_factory) -> Path:
    """About 200 kB of paragraphs, one wrong conversion in each: a few seconds of linting for a report of
    over a megabyte (JSON) or over half a megabyte (text), many times what a pipe buffer (64 KB) holds."""
    path = tmp_path_factory.mktemp("report") / "report.txt"
    path.write_text(PARAGRAPH * (200_000 // len(PARAGRAPH)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pipe_input(tmp_path_factory) -> Path:
    """About 50 kB of the same paragraphs: a text report of about 180 kB, still nearly three times
    what a pipe buffer (64 KB) holds, so the reader's close meets a run that is still writing."""
    path = tmp_path_factory.mktemp("pipe") / "report.txt"
    path.write_text(PARAGRAPH * (50_000 // len(PARAGRAPH)), encoding="utf-8")
    return path


def wait_until_reading(run: subprocess.Popen, path: Path, timeout: float = 240) -> None:
    """Block until the run (or one of its workers) holds `path` open: past start-up and linting it.

    Evidence of work instead of a fixed sleep: a loaded machine may take seconds just to import.
    """
    target = str(path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert run.poll() is None, "the run ended before it started reading its input"
        for pid in [run.pid, *_children(run.pid)]:
            try:
                if any(os.readlink(fd) == target for fd in Path(f"/proc/{pid}/fd").iterdir()):
                    return
            except OSError:  # the process or descriptor went away meanwhile
                continue
        time.sleep(0.01)
    raise AssertionError(f"the run never opened {target}")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except OSError:
            continue
    return found


def no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert len(stderr.strip().splitlines()) <= 1, stderr


# ------------------------------------------------------------------------------ inputs are read-only


def snapshot(directory: Path) -> dict[str, tuple[str, int, int]]:
    return {str(p.relative_to(directory)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns,
                                            p.stat().st_mode)
            for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", ["json", "sarif", "html", "rich"])
def test_lint_never_modifies_its_inputs(tmp_path, fmt):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(SEED)
    (docs / "b.md").write_text("---\ndate: 2025-04-15\n---\n# T\n\n" + SEED + "<!-- figcheck: ignore -->\n")
    (docs / "c.html").write_text(f"<html><body><p>{SEED}</p></body></html>")
    (docs / "d.txt").write_bytes(b"\xef\xbb\xbf" + SEED.encode() + b"\xff\xfe bad bytes\n")
    (docs / "e.txt").write_bytes("\ufeff".encode("utf-16-le") + SEED.encode("utf-16-le"))
    (docs / "f.bin").write_bytes(bytes(range(256)) * 10)
    os.chmod(docs / "a.txt", 0o444)
    before = snapshot(docs)
    run = figcheck("lint", str(docs), "--format", fmt, "--date", "2025-04-15")
    assert run.returncode == 1, run.stderr
    no_traceback(run.stderr)
    assert snapshot(docs) == before


# ------------------------------------------------------------------------------ --output is atomic


def test_a_run_killed_while_writing_its_report_leaves_the_old_report_intact(tmp_path, report_input):
    """SIGKILL at the worst moment: while the new report's temporary file (over a megabyte) is being written."""
    output = tmp_path / "report.json"
    output.write_text('{"old": true}\n')
    run = start("lint", str(report_input), "--format", "json", "--output", str(output), "--date", "2025-04-15",
                "-j", "1", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while run.poll() is None and time.monotonic() < deadline:
            if any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
                break
            time.sleep(0.005)
        run.send_signal(signal.SIGKILL)
    finally:
        run.wait(timeout=60)
    if run.returncode == -signal.SIGKILL:
        assert output.read_text() == '{"old": true}\n'
    else:  # the run beat the kill: then the report must be whole
        json.loads(output.read_text())
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "report.json"]
    assert all(name.startswith(".") for name in leftovers), leftovers  # hidden, never a half report


def test_a_run_killed_before_writing_leaves_the_old_report_intact(tmp_path, big_input):
    output = tmp_path / "report.json"
    output.write_text("old report\n")
    run = start("lint", str(big_input), "--format", "json", "--output", str(output), "-j", "1",
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_reading(run, big_input)
    run.kill()
    run.wait(timeout=60)
    assert output.read_text() == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_the_next_run_cleans_up_a_temporary_file_left_by_a_killed_run(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(SEED)
    output = tmp_path / "report.json"
    stale = tmp_path / ".report.json.abc123.tmp"  # what mkstemp in atomic.py names it
    stale.write_text('{"half": ')
    run = figcheck("lint", str(doc), "--format", "json", "--output", str(output), "--date", "2025-04-15")
    assert run.returncode == 1
    assert not stale.exists()


# ---------------------------------------------------------------------------------- Ctrl-C, pipes


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_with_one_line(big_input, jobs):
    run = start("lint", str(big_input), "--format", "json", "-j", jobs, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, text=True, start_new_session=True)
    wait_until_reading(run, big_input)  # into the run (the input takes minutes to lint)
    time.sleep(0.5)  # and a little way into the linting
    os.killpg(run.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert stderr == "figcheck: interrupted\n"


def test_a_closed_pipe_ends_the_run_quietly(pipe_input):
    run = start("lint", str(pipe_input), "--date", "2025-04-15", "-j", "1",
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = run.stdout.readline()
    run.stdout.close()  # `| head -1`
    stderr = run.stderr.read().decode()
    run.wait(timeout=120)
    assert first.startswith(str(pipe_input).encode())
    assert stderr == ""
    assert run.returncode == 1  # Click's convention for EPIPE: a truncated report never passes a gate


# --------------------------------------------------------------------------------- the rates table


def rates_file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def empty_zip(tmp_path: Path) -> Path:
    path = tmp_path / "empty.zip"
    zipfile.ZipFile(path, "w").close()
    return path


GARBAGE_RATES = {
    "empty.csv": b"",
    "random.bin": bytes(range(256)) * 20,
    "corrupt.zip": b"PK\x03\x04 this is not a zip",
    "nan.csv": b"date,currency,rate\n2025-04-10,CNY,nan\n",
    "infinite.csv": b"Date,USD,CNY\n2025-04-10,1e309,8\n",
    "negative.csv": b"date,currency,rate\n2025-04-10,CNY,-7\n",
    "short-row.csv": b"date,currency,rate\n2025-04-10,CNY\n",
    "bad-date.csv": b"date,currency,rate\nyesterday,CNY,7.9\n",
    "unknown-format.csv": b"when,what,how much\n2025-04-10,CNY,7.9\n",
    "html.csv": b"<html><body>404 Not Found</body></html>\n",
}


@pytest.mark.parametrize("name", sorted(GARBAGE_RATES))
def test_a_corrupt_rates_table_is_a_clear_error(tmp_path, name):
    path = rates_file(tmp_path, name, GARBAGE_RATES[name])
    doc = rates_file(tmp_path, "doc.txt", SEED.encode())
    run = figcheck("lint", str(doc), "--rates", str(path), "--date", "2025-04-15")
    assert run.returncode == 2
    assert run.stderr.startswith(f"figcheck: error: {path}"), run.stderr
    no_traceback(run.stderr)
    assert run.stdout == ""


@pytest.mark.parametrize("make", [empty_zip, lambda tmp: tmp / "missing.csv", lambda tmp: tmp])
def test_a_missing_or_unreadable_rates_table_is_a_clear_error(tmp_path, make):
    path = make(tmp_path)
    doc = rates_file(tmp_path, "doc.txt", SEED.encode())
    run = figcheck("lint", str(doc), "--rates", str(path))
    assert run.returncode == 2
    assert run.stderr.startswith(f"figcheck: error: {path}"), run.stderr
    no_traceback(run.stderr)


@pytest.mark.parametrize("date", ["1990-01-01", "2099-12-31"])
def test_a_date_outside_the_table_reports_pairs_unchecked_never_passing(date):
    run = figcheck("lint", "-", "--format", "json", "--date", date, input=SEED)
    report = json.loads(run.stdout)
    conversions = [f for f in report["findings"] if f["rule"] == "currency-conversion"]
    assert [f["line"] for f in conversions] == [1, 3]  # the right pair and the wrong one alike
    assert all(f["evidence"].get("unchecked") is True and f["severity"] == "info" for f in conversions)
    assert run.returncode == 0


def test_a_rates_table_without_the_currency_reports_the_pair_unchecked(tmp_path):
    # A valid custom table that replaces, rather than extends, the shipped one is not possible from the
    # CLI; a pair in a currency no table has (XAU, gold) is the same fault through the real flow.
    doc = rates_file(tmp_path, "doc.txt", b"It weighed 100 ounces (3 kilograms).\n")
    run = figcheck("lint", str(doc), "--format", "json", "--date", "2025-04-15")
    assert run.returncode in (0, 1)
    no_traceback(run.stderr)
