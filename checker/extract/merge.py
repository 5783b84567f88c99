"""One reading per stretch of text, when several extractors claim overlapping spans.

Money beats physical units, which beat percentages, which beat bare numbers; between two
readings of the same kind the longer span wins ("$5-6 billion" over "$5").
"""

from __future__ import annotations

from checker.model import Quantity

_PRIORITY = {"money": 0, "physical": 1, "percent": 2, "number": 3}


def merge(quantities: list[Quantity]) -> list[Quantity]:
    """Non-overlapping quantities sorted by position; on overlap the stronger reading is kept."""
    ranked = sorted(quantities, key=lambda q: (_PRIORITY.get(q.kind, 9), -(q.end - q.start), q.start))
    kept: list[Quantity] = []
    for q in ranked:
        if not any(q.start < k.end and k.start < q.end for k in kept):
            kept.append(q)
    kept.sort(key=lambda q: q.start)
    return kept
