"""The dataclass code cache (checker.code_cache): a dataclass whose methods come from the cache
behaves exactly as one `dataclasses` compiled itself, and a damaged cache is compiled afresh."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json
from checker import code_cache
code_cache.install()  # as the command line's entry point (checker.launch) does
from checker.documents.base import Block, Piece
from checker.model import Location
block = Block("It cost $5.", [Piece(0, 3, 7)])
other = Block("It cost $5.", [Piece(0, 3, 7)])
print(json.dumps({"repr": repr(block.pieces[0]), "equal": block == other, "locate": block.locate(8),
                  "location": repr(Location(1, 2, 3, 4)), "frozen": Location.__dataclass_params__.frozen}))
"""


def probe(cache: Path) -> dict:
    env = {**os.environ, "FIGCHECK_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    env.pop("FIGCHECK_NO_CODE_CACHE", None)
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_methods_from_the_cache_behave_as_freshly_compiled_ones(tmp_path):
    first = probe(tmp_path)  # compiles everything and writes the cache
    [path] = tmp_path.glob("dataclass-code-*.pickle")
    build, blob = pickle.loads(path.read_bytes())
    assert build == sys.version and len(blob) > 1000
    assert probe(tmp_path) == first  # served from the cache
    assert first["equal"] and first["locate"] == [3, 15] and first["repr"] == "Piece(offset=0, line=3, column=7)"


def test_a_damaged_cache_is_ignored(tmp_path):
    good = probe(tmp_path)
    [path] = tmp_path.glob("dataclass-code-*.pickle")
    path.write_bytes(pickle.dumps((sys.version, b"not marshal data")))
    assert probe(tmp_path) == good
    path.write_bytes(b"not a pickle")
    assert probe(tmp_path) == good
