"""Clauses: the stretch of text a claim's roles must stay inside.

A claim never reaches across a sentence end, a semicolon, a paragraph break or a contrasting
conjunction ("revenue rose 4% to $5 billion, while costs fell 2% from $3 billion": two claims, and
neither has both endpoints). A full stop inside a number ("5.9") or an initial ("U.S.") with no
capital after it is not an end.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from checker.model import Quantity
from checker.relate.claim_words import CLAUSE_CONJUNCTIONS

# Each pattern opens with a lookahead of the characters a match can start with: that gives the
# regex engine a first-character set, so it skips from candidate to candidate in C instead of trying
# every alternative at every position (about twice as fast on wire copy; the matches are the same).
_BREAK = re.compile(
    r"(?=[.!?;\n\s(,])(?:[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|[.!?]+[\"'”’)]*\s*\Z|;|\n\s*\n|\s[-–—]{2}\s|\((?=[A-Z$(])"
    # only from the first space of a run, which it takes whole: a long run of spaces (indentation a
    # plain-text fallback keeps) is one try, not one per space, each rescanning the rest of the run
    rf"|,?(?<!\s)\s++\b(?:{'|'.join(CLAUSE_CONJUNCTIONS)})\b)"
)


SENTENCE_END = re.compile(r"(?=[.!?;\n])(?:[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|[.!?]+\s*\Z|;|\n\s*\n)")
_SENTENCE_END = SENTENCE_END


_last_ends: tuple[str, tuple[int, ...]] = ("", ())


def sentence_ends(text: str) -> tuple[int, ...]:
    """Where each sentence of `text` ends (SENTENCE_END), the text's length last unless it ends one.

    Several readers walk a block sentence by sentence; the ends of the block being read are kept,
    so the text is scanned once, not once per reader."""
    global _last_ends
    if _last_ends[0] is text:
        return _last_ends[1]
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    _last_ends = (text, tuple(ends))
    return _last_ends[1]


def sentences(text: str, ends: re.Pattern = _SENTENCE_END):
    """(start, end) of each sentence of `text` (a semicolon or paragraph break ends one too), in order;
    `ends` may give another language's sentence ends (。；！？ for Chinese)."""
    if ends is SENTENCE_END:
        start = 0
        for end in sentence_ends(text) if text else ():
            yield start, end
            start = end
        return
    start = 0
    for match in ends.finditer(text):
        yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


_last_groups: tuple = ("", None, ())


def sentence_quantities(text: str, quantities: list[Quantity]) -> tuple[tuple[int, int, list[Quantity]], ...]:
    """(start, end, the quantities inside) of each sentence of `text` that holds any, in order: what
    `within` gives for each of `sentences(text)`, from one walk over the figures.

    `quantities` must be in text order and not change while it is read (as `relate` hands them to its
    readers); the groups of the block being read are kept, so the readers that walk it sentence by
    sentence share one walk instead of each bisecting once per sentence."""
    global _last_groups
    if _last_groups[0] is text and _last_groups[1] is quantities:
        return _last_groups[2]
    groups = []
    index, count, start = 0, len(quantities), 0
    for end in sentence_ends(text) if text else ():
        inside = []
        while index < count and quantities[index].start < end:
            quantity = quantities[index]
            if quantity.start >= start and quantity.end <= end:  # one that runs past the end is in neither
                inside.append(quantity)
            index += 1
        if inside:
            groups.append((start, end, inside))
        start = end
    _last_groups = (text, quantities, tuple(groups))
    return _last_groups[2]


def within(quantities: list[Quantity], lo: int, hi: int) -> list[Quantity]:
    """The quantities (in text order, as extract gives them) that lie inside text[lo:hi], found by
    bisection so that walking a block sentence by sentence stays linear in its length."""
    first = bisect.bisect_left(quantities, lo, key=lambda q: q.start)
    inside = []
    for quantity in quantities[first:]:
        if quantity.start >= hi:
            break
        if quantity.end <= hi:
            inside.append(quantity)
    return inside


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    quantities: list[Quantity]


def clauses(text: str, quantities: list[Quantity]) -> list[Clause]:
    """The clauses of `text` that hold at least one quantity, with their quantities in order."""
    ordered = sorted(quantities, key=lambda q: q.start)
    starts = [q.start for q in ordered]
    reach = list(itertools.accumulate((q.end for q in ordered), max))  # furthest end so far
    bounds = [0]
    for match in _BREAK.finditer(text):
        before = bisect.bisect_left(starts, match.start())  # the figures starting before the break
        if before and reach[before - 1] > match.start():
            continue  # "5.9" or "U.S." inside a figure's own text (found by bisection: linear overall)
        bounds.append(match.end())
    bounds.append(len(text))
    found = []
    index = 0
    for lo, hi in zip(bounds, bounds[1:]):
        inside = []
        while index < len(ordered) and ordered[index].start < hi:
            if ordered[index].start >= lo:
                inside.append(ordered[index])
            index += 1
        if inside:
            found.append(Clause(lo, hi, inside))
    return found
