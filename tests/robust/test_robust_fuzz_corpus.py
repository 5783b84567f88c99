"""Replay every input the fuzzers kept (tests/fuzz_corpus/TARGET/*) through the same target code.

`python fuzz/run.py` adds inputs that reached new code, and any that crashed (crash-*), so a bug
found once by fuzzing stays covered by the normal test suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz.targets import TARGETS

CORPUS = Path(__file__).parents[1] / "fuzz_corpus"
CASES = sorted((target, path) for target in TARGETS for path in (CORPUS / target).glob("*") if path.is_file())


def test_the_corpus_has_inputs_for_every_target():
    assert {target for target, _ in CASES} == set(TARGETS)


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz_corpus_replays_cleanly(target):
    failures = []
    for path in (p for t, p in CASES if t == target):
        try:
            TARGETS[target](path.read_bytes())
        except Exception as error:  # noqa: BLE001 (collect them all, then report)
            failures.append(f"{path.name}: {type(error).__name__}: {error}")
    assert not failures, "\n".join(failures)
