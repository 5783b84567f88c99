"""Large inputs stream through with flat memory: a 50 MB line and a ~200 MB file.

Each runs in a fresh interpreter and reads its own peak resident memory from /proc (VmHWM, which
belongs to the process's own address space). `ru_maxrss` would not do: Linux carries it across
fork and exec, so a child of a large pytest process reports the parent's size.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.documents.plaintext import MAX_BLOCK_CHARS

ROOT = Path(__file__).resolve().parents[2]
MEASURE = """
import json, sys
from checker.documents import load_path
(document,) = list(load_path(sys.argv[1]))
count = longest = total = 0
last = None
for block in document:
    count += 1
    longest = max(longest, len(block.text))
    total += len(block.text)
    last = block.locate(len(block.text) - 1)
print(json.dumps({"blocks": count, "longest": longest, "chars": total, "last": last,
                  "notes": [[n.rule, n.line] for n in document.notes], "source_kept": document.source is not None,
                  "peak_mb": next(int(line.split()[1]) for line in open("/proc/self/status")
                                  if line.startswith("VmHWM:")) / 1024}))
"""


def measure(path: Path) -> dict:
    run = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True,
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT)}, check=True)
    return json.loads(run.stdout)


@pytest.mark.slow
def test_a_50_mb_single_line_is_cut_into_bounded_blocks(tmp_path):
    path = tmp_path / "one-line.txt"
    sentence = "Officials earmarked a further 600 billion yuan ($8.5 billion) for chips. "
    repeats = 50_000_000 // len(sentence)
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(repeats // 1000):
            out.write(sentence * 1000)
    size = path.stat().st_size
    result = measure(path)
    assert result["longest"] <= MAX_BLOCK_CHARS
    assert result["chars"] == size  # ASCII: every byte is in exactly one block
    assert result["last"] == [1, size]  # the last character, far along the one line
    assert not result["source_kept"]
    assert result["peak_mb"] < 150, result


@pytest.mark.slow
def test_a_200_mb_file_streams_with_flat_memory(tmp_path):
    path = tmp_path / "big.txt"
    paragraph = ("In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed "
                 "early-stage AI companies, officials said.\nThe fund has raised almost 700 billion yuan.\n\n")
    copies = 200_000_000 // len(paragraph)
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(copies // 10_000):
            out.write(paragraph * 10_000)
        out.write("Tail with a bad byte: ")
    with open(path, "ab") as out:
        out.write(b"\xff end.\n")
    result = measure(path)
    assert result["blocks"] == copies // 10_000 * 10_000 + 1
    assert result["longest"] <= len(paragraph)
    assert result["last"] == [copies // 10_000 * 10_000 * 3 + 1, 29]  # the final newline
    assert result["notes"] == [["invalid-utf8", copies // 10_000 * 10_000 * 3 + 1]]
    assert result["peak_mb"] < 150, result
