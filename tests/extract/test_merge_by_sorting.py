"""extract/merge.py keeps the same readings as the pairwise rule it replaced, in n log n."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from checker.extract.merge import _PRIORITY, merge


@dataclass(eq=False)
class Reading:
    start: int
    end: int
    kind: str


def pairwise(readings):
    """The old rule: strongest first, keep each reading that overlaps none kept so far."""
    ranked = sorted(readings, key=lambda q: (_PRIORITY.get(q.kind, 9), -(q.end - q.start), q.start))
    kept = []
    for q in ranked:
        if not any(q.start < k.end and k.start < q.end for k in kept):
            kept.append(q)
    return sorted(kept, key=lambda q: q.start)


@pytest.mark.parametrize("seed", range(20))
def test_merge_by_sorting_keeps_what_the_pairwise_rule_kept(seed):
    rng = random.Random(seed)
    for _ in range(500):
        readings = []
        for _ in range(rng.randint(0, 14)):
            start = rng.randint(0, 40)  # empty readings and ties included
            readings.append(Reading(start, start + rng.randint(0, 8), rng.choice(list(_PRIORITY))))
        assert [id(q) for q in merge(readings)] == [id(q) for q in pairwise(readings)]


def test_back_to_back_pairs_merge_in_one_pass():
    readings = [Reading(i * 10, i * 10 + 8, "money") for i in range(20_000)]
    readings += [Reading(i * 10 + 1, i * 10 + 3, "number") for i in range(20_000)]
    kept = merge(readings)
    assert len(kept) == 20_000 and all(q.kind == "money" for q in kept)
