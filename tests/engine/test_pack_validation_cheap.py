"""Validating a rule pack is cheap: it loads no extraction or relating code.

`figcheck rules validate`, an editor's pack check and every start-up load packs; kinds import
their heavy dependencies (the grammar, pint, the relaters) inside their methods, so a pack is
checked against each kind's `Params` without paying for them. Measured in a fresh interpreter,
since this test process has long since imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.kinds import BUILTIN_KINDS

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PACK = ROOT / "rules" / "default.yaml"
HEAVY = ("checker.extract", "checker.relate", "checker.resolve", "pint", "quantulum3")

PACK_PROBE = """
import json, sys
import checker.engine.packs as packs
kinds = sorted({rule.kind.name for rule in packs.load_pack(sys.argv[1])})
heavy = sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2:])))
print(json.dumps({"kinds": kinds, "heavy": heavy}))
"""

KINDS_PROBE = """
import json, sys
import checker.engine.packs
from checker.kinds.base import all_kinds
kinds = sorted(all_kinds())
heavy = sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2:])))
print(json.dumps({"kinds": kinds, "heavy": heavy}))
"""


def _probe(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args, *HEAVY], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True)
    return json.loads(out.stdout)


def test_validating_the_default_pack_loads_no_extract_or_relate_module():
    report = _probe(PACK_PROBE, str(DEFAULT_PACK))
    assert len(report["kinds"]) == len(BUILTIN_KINDS), "the default pack exercises every built-in kind"
    assert report["heavy"] == []


def test_registering_every_kind_loads_nothing_heavy():
    report = _probe(KINDS_PROBE, "-")
    assert len(report["kinds"]) >= len(BUILTIN_KINDS)
    assert report["heavy"] == []
