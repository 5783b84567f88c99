"""One reading per stretch of text, when several extractors claim overlapping spans.

Money beats physical units, which beat percentages, which beat bare numbers; between two
readings of the same kind the longer span wins ("$5-6 billion" over "$5").
"""

from __future__ import annotations

import bisect

from checker.model import Quantity

_PRIORITY = {"money": 0, "physical": 1, "percent": 2, "number": 3}


def merge(quantities: list[Quantity]) -> list[Quantity]:
    """Non-overlapping quantities sorted by position; on overlap the stronger reading is kept.

    Readings are taken strongest first; the kept ones never overlap, so they are held sorted by
    start and a candidate only has to be compared with its two neighbours there (found by
    bisection): n log n, where comparing each candidate with every kept reading was quadratic on
    a paragraph of back-to-back conversion pairs.
    """
    ranked = sorted(quantities, key=lambda q: (_PRIORITY.get(q.kind, 9), -(q.end - q.start), q.start))
    every_start: list[int] = []  # of every kept reading, sorted
    span_starts: list[int] = []  # of the kept readings that are not empty (pairwise disjoint), sorted
    spans: list[Quantity] = []
    kept: list[tuple[int, int, Quantity]] = []  # (start, rank, reading)
    for rank, q in enumerate(ranked):
        inside = bisect.bisect_right(every_start, q.start)
        if inside < len(every_start) and every_start[inside] < q.end:
            continue  # a kept reading starts strictly inside q
        before = bisect.bisect_right(span_starts, q.start) - 1
        if before >= 0:
            span = spans[before]
            if span.start < q.start < span.end or (span.start == q.start and q.end > q.start):
                continue  # the kept span before q runs into it
        bisect.insort(every_start, q.start)
        if q.end > q.start:
            at = bisect.bisect_right(span_starts, q.start)
            span_starts.insert(at, q.start)
            spans.insert(at, q)
        kept.append((q.start, rank, q))
    kept.sort(key=lambda item: (item[0], item[1]))  # by position; on a tie, the stronger first
    return [q for _, _, q in kept]
