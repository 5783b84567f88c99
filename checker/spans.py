"""Which text spans overlap or cover a range, answered by bisection so dense text stays linear.

Extract asks whether any reading overlaps a currency sign left unread; resolve asks whether a
currency word lies inside a figure ("台币26兆元"). Both walk a block's matches against its figures,
and comparing each match with every figure was quadratic on a block of thousands of pairs.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class SpanIndex:
    """Spans (start, end) sorted by start, with the furthest end any of them reaches so far."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether some span shares a character with text[lo:hi]."""
        before = bisect.bisect_left(self.starts, hi)
        return bool(before) and self.reach[before - 1] > lo

    def covers(self, lo: int, hi: int) -> bool:
        """Whether some span contains all of text[lo:hi]."""
        before = bisect.bisect_right(self.starts, lo)
        return bool(before) and self.reach[before - 1] >= hi
