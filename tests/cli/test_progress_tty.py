"""The progress bar shows on an interactive terminal only: run the real CLI on pseudo-terminals."""

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups.\n"
SUMMARY = "Found 3 errors"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def folder(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(WRONG)
    return tmp_path


def run_on_terminals(folder: Path, **extra_env) -> tuple[str, str]:
    """Run lint with stdout and stderr each on its own pseudo-terminal; return what each showed."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "TERM")}
    env.update(PYTHONPATH=str(ROOT), TERM="xterm-256color", COLUMNS="120", **extra_env)
    out_main, out_child = pty.openpty()
    err_main, err_child = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "checker", "lint", str(folder), "--date", "2025-04-15"],
                               stdin=subprocess.DEVNULL, stdout=out_child, stderr=err_child, env=env)
    os.close(out_child)
    os.close(err_child)
    captured = {out_main: b"", err_main: b""}
    open_fds = set(captured)
    while open_fds:
        ready, _, _ = select.select(list(open_fds), [], [], 120)
        if not ready:
            break
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # the child closed its side
                data = b""
            if data:
                captured[fd] += data
            else:
                open_fds.discard(fd)
    process.wait(timeout=120)
    os.close(out_main)
    os.close(err_main)
    return tuple(ANSI.sub("", captured[fd].decode(errors="replace")) for fd in (out_main, err_main))


def test_a_terminal_gets_a_transient_progress_bar_and_the_summary_stays(folder):
    stdout, stderr = run_on_terminals(folder)
    assert "checking on" in stderr
    assert "3/?" in stderr  # a live count of the documents done (the folder holds three)
    assert SUMMARY in stdout


def test_ci_gets_no_progress_bar_even_on_a_terminal(folder):
    stdout, stderr = run_on_terminals(folder, CI="true")
    assert stderr.strip() == ""
    assert SUMMARY in stdout


def test_piped_output_gets_nothing_decorative(folder):
    env = {k: v for k, v in os.environ.items() if k not in ("CI",)}
    env.update(PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-m", "checker", "lint", str(folder), "--date", "2025-04-15"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.stderr == ""
    assert "\x1b" not in run.stdout
    assert SUMMARY in run.stdout


def test_one_file_gets_no_progress_bar(folder):
    _, stderr = run_on_terminals(folder / "a.txt")
    assert stderr.strip() == ""
