"""The entry point turns cycle collection off while its modules load, and on again before the run.

Off for good would let cyclic garbage pile up over a 500 MB file; this holds the entry point to
collecting again, with what start-up built frozen out of the collector's way.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import gc, json, sys
import checker.cli
state = {}
def run_cli():
    cycle = []
    cycle.append(cycle)  # garbage only the cycle collector can free
    del cycle
    state.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count(), collected=gc.collect())
checker.cli.main = run_cli
from checker.launch import main
main()
print(json.dumps(state))
"""


def test_collection_is_on_again_when_the_run_starts():
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    state = json.loads(run.stdout)
    assert state["enabled"] and state["frozen"] > 10_000  # start-up's objects are frozen, not scanned
    assert state["collected"] >= 1  # and cyclic garbage made during the run is collected
