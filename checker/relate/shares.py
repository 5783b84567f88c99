"""Shares of stated counts: a percentage the text gives for a part of a whole it also gives.

"Some 1,030 of the hospital's 2,300 nurses, or 55%, joined the strike" (1,030 / 2,300 is 45%);
"Of the 1,850 pupils who sat the exam, 1,480 passed, a pass rate of 72%"; "276 votes, or 61% of its
450 seats"; "Tk 10,526.11 crore, or 77 percent, of the Tk 13,655.98 crore needed".

The frame is a part, its whole (after "of", or before it as "Of the N ..., X"), and one percentage
tied to them by "or", "about" or "a <rate> of" in the same sentence. Part and whole must be the
same measure and the part no larger than the whole. A percentage that names a different base
("2 million of his 10 million shares, or 5% of the company") is not this share.
"""

from __future__ import annotations

import re

from checker.model import Quantity, Share
from checker.relate.claim_words import TIE_HEDGES
from checker.relate.clauses import sentence_quantities
from checker.vocab import alternation

_OF = re.compile(r"\A\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|a\s+total\s+of)\s+)?(?:[A-Z][\w-]*\s+){0,3}?"
                 r"(?:[\w-]+(?:'s|’s)\s+)?\Z",
                 re.IGNORECASE)
_OF_FIRST = re.compile(r"(?:^|[,(]\s*)(?:of|out\s+of)\s+(?:(?:the|its|their)\s+)?(?:[A-Z][\w-]*\s+){0,3}?"
                       r"(?:[\w-]+(?:'s|’s)\s+)?\Z", re.IGNORECASE)
# what ties the percentage to the pair: ", or 55%", ", a pass rate of 72%", ", about 1.5 percent of the total"
_TIE_HEDGE = alternation(TIE_HEDGES)
_TIE = re.compile(rf"(?:,|—|–|\()\s*(?:or\s+(?:(?:{_TIE_HEDGE})\s+)?|(?:{_TIE_HEDGE})\s+|"
                  r"(?:an?\s+)?(?:[a-z-]+\s+){0,2}(?:rate|turnout|share|proportion|ratio)\s+of\s+(?:about\s+|around\s+|nearly\s+)?|)\Z",
                  re.IGNORECASE)
_TOTAL_BASE = re.compile(r"\A\s*of\s+(?:the|its|their)\s+(?:national\s+|overall\s+|whole\s+)?(?:total|whole)\b", re.IGNORECASE)
_ANY_BASE = re.compile(r"\A\s*of\s+\S", re.IGNORECASE)
MAX_GAP = 110


def find_shares(text: str, quantities: list[Quantity]) -> list[Share]:
    found: list[Share] = []
    if text.isascii() and "of" not in text.lower():
        return found  # every frame ties its figures with "of" (_OF, _OF_FIRST, read without case): none here
    for lo, _hi, inside in sentence_quantities(text, quantities):
        percents = [q for q in inside if q.kind == "percent" and q.unit == "percent" and not q.is_range]
        counts = [q for q in inside if q.kind != "percent"]
        for part, whole, stated in _percent_of_whole(text, inside):
            found.append(Share("share", (part, whole, stated), cue="of", hedge=stated.hedge,
                               part=part, whole=whole, stated=stated))
        for part, whole, stated in _fraction_of_whole(text, inside):
            found.append(Share("share", (part, whole, stated), cue="of", hedge=stated.hedge,
                               part=part, whole=whole, stated=stated))
        for part, whole in _pairs(text, counts, lo):
            stated = _stated(text, part, whole, percents, inside)
            if stated is not None:
                found.append(Share("share", (part, whole, stated), cue="of", hedge=stated.hedge,
                                   part=part, whole=whole, stated=stated))
    return found


def _same(a: Quantity, b: Quantity) -> bool:
    return (a.kind == b.kind and a.currency == b.currency and a.unit == b.unit and not a.is_range and not b.is_range
            and 0 < a.value <= b.value)


def _pairs(text: str, counts: list[Quantity], lo: int):
    for part, whole in zip(counts, counts[1:]):
        if _same(part, whole) and _OF.match(text[part.end : whole.start]) and len(text[part.end : whole.start]) < 40:
            yield part, whole
    for index, whole in enumerate(counts):
        if _OF_FIRST.search(text[max(lo, whole.start - 25) : whole.start]) and index + 1 < len(counts):
            part = counts[index + 1]
            if _same(part, whole) and len(text[whole.end : part.start]) < 80:
                yield part, whole


def _stated(text: str, part: Quantity, whole: Quantity, percents: list[Quantity], inside: list[Quantity]):
    last = max(part.end, whole.end)
    first = min(part.start, whole.start)
    for q in percents:
        if first < q.start < last:
            # "Tk 10,526.11 crore, or 77 percent, of the Tk 13,655.98 crore"
            if q.start > part.end and q.end < whole.start and _TIE.search(text[part.end : q.start]):
                return q
            continue
        if q.start < last or q.start - last > MAX_GAP:
            continue
        between = [x for x in inside if last <= x.start and x.end <= q.start]
        if between:
            return None
        if not _TIE.search(text[last : q.start]) or not re.search(r"[,—–(]", text[last : q.start]):
            return None
        if _ANY_BASE.match(text[q.end : q.end + 80]) and not _TOTAL_BASE.match(text[q.end : q.end + 80]):
            return None
        return q
    return None


def _fraction_of_whole(text: str, inside: list[Quantity]):
    """"Two thirds of the 840 new homes, or 620": a fraction of a whole, restated as a count."""
    for stated, whole, part in zip(inside, inside[1:], inside[2:]):
        if stated.kind != "number" or not 0 < stated.value < 1 or not re.search(r"[A-Za-z]", stated.text):
            continue
        if _same(part, whole) and _OF.match(text[stated.end : whole.start]) and re.fullmatch(
                r"\s*(?:[\w-]+,?\s+){0,4}?(?:,\s*)?or\s+(?:about\s+|some\s+|nearly\s+|around\s+)?", text[whole.end : part.start]):
            yield part, whole, stated


def _percent_of_whole(text: str, inside: list[Quantity]):
    """"276 votes, or 61% of its 450 seats": part, percentage, whole."""
    for part, stated, whole in zip(inside, inside[1:], inside[2:]):
        if stated.kind != "percent" or stated.unit != "percent" or not _same(part, whole):
            continue
        if len(text[part.end : stated.start]) < 30 and _TIE.search(text[part.end : stated.start]) \
                and re.search(r"[,(]", text[part.end : stated.start]) and _OF.match(text[stated.end : whole.start]):
            yield part, whole, stated
