"""Clauses: the stretch of text a claim's roles must stay inside.

A claim never reaches across a sentence end, a semicolon, a paragraph break or a contrasting
conjunction ("revenue rose 4% to $5 billion, while costs fell 2% from $3 billion": two claims, and
neither has both endpoints). A full stop inside a number ("5.9") or an initial ("U.S.") with no
capital after it is not an end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.model import Quantity
from checker.relate.claim_words import CLAUSE_CONJUNCTIONS

_BREAK = re.compile(
    r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|[.!?]+[\"'”’)]*\s*\Z|;|\n\s*\n|\s[-–—]{2}\s"
    rf"|,?\s+\b(?:{'|'.join(CLAUSE_CONJUNCTIONS)})\b"
)


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    quantities: list[Quantity]


def clauses(text: str, quantities: list[Quantity]) -> list[Clause]:
    """The clauses of `text` that hold at least one quantity, with their quantities in order."""
    bounds = [0]
    for match in _BREAK.finditer(text):
        if any(q.start < match.start() < q.end for q in quantities):
            continue  # "5.9" or "U.S." inside a figure's own text
        bounds.append(match.end())
    bounds.append(len(text))
    found = []
    index = 0
    ordered = sorted(quantities, key=lambda q: q.start)
    for lo, hi in zip(bounds, bounds[1:]):
        inside = []
        while index < len(ordered) and ordered[index].start < hi:
            if ordered[index].start >= lo:
                inside.append(ordered[index])
            index += 1
        if inside:
            found.append(Clause(lo, hi, inside))
    return found
