"""Real copy: on a fixed slice of the Reuters 2006-2013 sample, figcheck raises exactly the warnings
and errors judged real in bench/real_copy_review.yaml.

The slice is the sample's first 500 stories plus every story the review file names, so a false
alarm that was read and rejected fails here if it comes back, and a real slip that stops being
found fails too. Skipped when the shared corpora are not beside the project (CI has them).
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT.parent / "shared" / "corpora" / "reuters-2006-2013" / "sample.jsonl.gz"
FIRST = 500

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="shared Reuters sample not present")


def _bench():
    spec = importlib.util.spec_from_file_location("real_copy", ROOT / "bench" / "real_copy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("real_copy", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_slice_yields_exactly_the_findings_judged_real():
    bench = _bench()
    review = bench.load_review()
    named = {story for story, _, _ in review}
    selected = list(bench.stories(SAMPLE, ids=named, limit=FIRST))
    in_slice = {s["id"] for s in selected}
    got = {flag.key: flag for flag in bench.flags(selected)}
    real = {key for key, entry in review.items() if entry["verdict"] == "real" and key[0] in in_slice}
    unexpected = [f"{got[k].story} {got[k].rule}: {got[k].message}" for k in sorted(set(got) - real)]
    assert not unexpected, "findings not judged real (a false alarm came back, or a new finding needs review)"
    assert real <= set(got), f"real slips no longer found: {sorted(real - set(got))}"


def test_every_verdict_is_real_or_false_with_a_reason():
    for key, entry in _bench().load_review().items():
        assert entry["verdict"] in ("real", "false"), key
        assert entry.get("why", "").strip(), key
