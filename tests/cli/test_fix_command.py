"""`figcheck lint --fix`, `figcheck fix --diff` and `figcheck fix --interactive` (under a pseudo-terminal)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pexpect

from tests.e2e.transcript import save_terminal_svg

SLIP = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
TYPO = "Prices rose 5% percent last year, and the company paid $5 million dollars for the site."
STORY = f"{SLIP}\r\n\r\n{TYPO}\r\n"  # CRLF line ends, which a fix must keep


def _figcheck(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def _write(path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def test_lint_fix_applies_only_the_certain_fixes_and_reports_the_rest(tmp_path):
    story = tmp_path / "story.txt"
    _write(story, STORY)
    done = _figcheck("lint", "--fix", "--date", "2025-04-15", "--format", "json", "story.txt", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # the slip is still there: it needs an editor's choice
    assert "fixed 2 findings in 1 file" in done.stderr
    assert story.read_bytes().decode("utf-8") == (
        f"{SLIP}\r\n\r\nPrices rose 5% last year, and the company paid $5 million for the site.\r\n")
    assert '"rule": "figure-typos"' not in done.stdout and '"rule": "currency-conversion"' in done.stdout


def test_fix_diff_previews_and_writes_nothing(tmp_path):
    story = tmp_path / "story.txt"
    _write(story, STORY)
    before = story.stat().st_mtime_ns
    done = subprocess.run([sys.executable, "-m", "checker", "fix", "--diff", "--date", "2025-04-15", "story.txt"],
                          cwd=tmp_path, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    diff = done.stdout.decode("utf-8")
    assert "-Prices rose 5% percent last year, and the company paid $5 million dollars for the site.\r\n" in diff
    assert "+Prices rose 5% last year, and the company paid $5 million for the site.\r\n" in diff
    assert diff.startswith("--- a/story.txt\n+++ b/story.txt\n")
    assert story.read_bytes().decode("utf-8") == STORY and story.stat().st_mtime_ns == before


def test_interactive_shows_both_alternatives_and_writes_the_choice(tmp_path):
    story, other = tmp_path / "story.txt", tmp_path / "other.txt"
    _write(story, STORY)
    _write(other, SLIP + "\n")
    other_before = other.stat().st_mtime_ns
    child = pexpect.spawn(sys.executable, ["-m", "checker", "fix", "--interactive", "--date", "2025-04-15", "story.txt"],
                          cwd=str(tmp_path), encoding="utf-8", timeout=60, dimensions=(40, 200),
                          env={**os.environ, "NO_COLOR": "1"})
    child.logfile_read = seen = io.StringIO()
    child.expect_exact("[1/3] story.txt:1:42  error[currency-conversion]")
    child.expect_exact("now: …April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups.")
    child.expect_exact("1:   …April authorities earmarked a further 60 billion yuan ($8.5 billion) to seed AI start-ups.")
    child.expect_exact("2:   …April authorities earmarked a further 600 billion yuan (about $82 billion) to seed AI start-ups.")
    child.expect_exact("fix with 1/2, s to skip, q to stop: ")
    child.sendline("3")
    child.expect_exact("please answer 1/2, s or q")
    child.sendline("2")
    child.expect_exact("[2/3] story.txt:3:13  warning[figure-typos]")
    child.expect_exact("fix with 1, s to skip, q to stop: ")
    child.sendline("s")
    child.expect_exact("[3/3] story.txt:3:56  warning[figure-typos]")
    child.sendline("1")
    child.expect_exact("fixed 2 findings in 1 file")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    save_terminal_svg("$ figcheck fix --interactive --date 2025-04-15 story.txt" + seen.getvalue(),
                      "fix-interactive.svg", "figcheck fix --interactive")
    assert story.read_bytes().decode("utf-8") == (
        "In April authorities earmarked a further 600 billion yuan (about $82 billion) to seed AI start-ups.\r\n\r\n"
        "Prices rose 5% percent last year, and the company paid $5 million for the site.\r\n")
    assert other.stat().st_mtime_ns == other_before  # a file it was not asked to fix is never touched


def test_interactive_stop_keeps_earlier_choices_and_needs_a_terminal(tmp_path):
    story = tmp_path / "story.txt"
    _write(story, STORY)
    child = pexpect.spawn(sys.executable, ["-m", "checker", "fix", "-i", "--date", "2025-04-15", "story.txt"],
                          cwd=str(tmp_path), encoding="utf-8", timeout=60)
    child.expect_exact("fix with 1/2, s to skip, q to stop: ")
    child.sendline("1")
    child.expect_exact("fix with 1, s to skip, q to stop: ")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert story.read_bytes().decode("utf-8").startswith(
        "In April authorities earmarked a further 60 billion yuan ($8.5 billion) to seed")
    assert "5% percent" in story.read_text(encoding="utf-8")

    piped = _figcheck("fix", "--interactive", "story.txt", cwd=tmp_path)
    assert piped.returncode == 2 and piped.stderr.startswith("figcheck: error: --interactive needs a terminal")
