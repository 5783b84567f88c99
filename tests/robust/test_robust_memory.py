"""A huge document lints in bounded memory: a fresh `figcheck lint` subprocess, peak RSS measured.

The default size keeps CI within budget; FIGCHECK_MEMORY_TEST_MB=500 runs the full 500 MB case.
The text is newsroom-like: prose with a correct conversion every few paragraphs (a file full of
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
SIZE_MB = int(os.environ.get("FIGCHECK_MEMORY_TEST_MB", "40"))
LIMIT_MB = 1024

CHUNK = (
    "Officials in the capital said on Tuesday that the programme would continue through the year, "
    "though several ministries had asked for a review of how the money was being spent.\n\n"
    "Critics argued that the scheme favoured large companies over the small firms it was meant to help.\n\n"
    "The fund has raised almost 700 billion yuan ($96 billion) since 2014, according to the ministry.\n\n"
)
MEASURE = """
import resource, subprocess, sys
run = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
sys.stdout.write(run.stdout.decode())
sys.stderr.write(run.stderr.decode())
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, file=sys.stderr)
sys.exit(run.returncode)
"""


@pytest.mark.slow
def test_a_huge_file_lints_in_well_under_a_gigabyte(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "w", encoding="utf-8") as out:
        block = CHUNK * 1000
        copies = SIZE_MB * 1_000_000 // len(block)
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
    assert len(errors) == 1 and errors[0]["line"] == copies * block.count("\n") + 1
    print(f"peak RSS {peak} MB for {SIZE_MB} MB")
    assert int(peak) < LIMIT_MB, f"peak RSS {peak} MB for {SIZE_MB} MB"
