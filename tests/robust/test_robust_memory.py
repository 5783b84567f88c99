"""A huge document lints in bounded memory: fresh `figcheck lint` subprocesses, peak RSS measured.

Flat memory is shown by comparing two sizes: a file 4 MB longer than a smaller (streamed) one may
raise the peak by well under those 4 MB, which a reader that kept the text (a str of this ASCII copy
is a byte a character) or anything per paragraph could not do, and the larger stays far under a
gigabyte. The smaller file is past the first megabytes, over which bounded per-run tables fill (the
peak rose 64 -> 68 MB from 2.5 to 5.5 MB of input, then stayed at 68 MB up to 12.5 MB). The default
sizes keep CI within budget (each MB is seconds of linting); FIGCHECK_MEMORY_TEST_MB=500 runs the
full 500 MB case as the larger file.
The text is newsroom-like: prose with a correct conversion every five paragraphs (a file full of
wrong figures would hold one finding per paragraph, and findings are what a report must keep).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL_MB = 4.5  # streamed (above the 2 MiB under which a file is read whole) and past the warm-up
SIZE_MB = float(os.environ.get("FIGCHECK_MEMORY_TEST_MB", "8.5"))
LIMIT_MB = 1024

CHUNK = (
    "Officials in the capital said on Tuesday that the programme would continue through the year, "
    "though several ministries had asked for a review of how the money was being spent.\n\n"
    "Critics argued that the scheme favoured large companies over the small firms it was meant to help.\n\n"
    "The fund has raised almost 700 billion yuan ($96 billion) since 2014, according to the ministry.\n\n"
    "Several lawmakers said they would press the ministry for a fuller account before the budget vote.\n\n"
    "Others said the programme had already changed how young companies in the provinces raise money.\n\n"
)
MEASURE = """
import resource, subprocess, sys
run = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
sys.stdout.write(run.stdout.decode())
sys.stderr.write(run.stderr.decode())
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, file=sys.stderr)
sys.exit(run.returncode)
"""


def peak_rss_mb(path: Path, size_mb: float) -> int:
    """Write about `size_mb` MB of copy ending in one wrong conversion, lint it, return its peak RSS in MB."""
    block = CHUNK * 1000
    copies = int(size_mb * 1_000_000) // len(block)
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(copies):
            out.write(block)
        out.write("In April authorities earmarked a further 600 billion yuan ($8.5 billion).\n")
    command = [sys.executable, "-m", "checker", "lint", str(path), "--format", "json", "--date", "2025-04-15",
               "-j", "1"]
    run = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=3 * 3600)
    *messages, peak = run.stderr.strip().splitlines()
    assert run.returncode == 1, messages
    report = json.loads(run.stdout)
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert len(errors) == 1 and errors[0]["line"] == copies * block.count("\n") + 1  # read to the very end
    return int(peak)


@pytest.mark.slow
def test_a_huge_file_lints_in_flat_memory_well_under_a_gigabyte(tmp_path):
    small = peak_rss_mb(tmp_path / "small.txt", SMALL_MB)
    large = peak_rss_mb(tmp_path / "huge.txt", SIZE_MB)
    print(f"peak RSS {small} MB for {SMALL_MB} MB, {large} MB for {SIZE_MB} MB")
    assert large < LIMIT_MB, f"peak RSS {large} MB for {SIZE_MB} MB"
    extra_mb = SIZE_MB - SMALL_MB
    assert large - small < extra_mb * 2 / 3, f"peak RSS grew {large - small} MB for {extra_mb} MB more input"
