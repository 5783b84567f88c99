"""Stated differences: a margin, lead or gap the text gives for two figures it also gives.

"The incumbent took 45,310 votes to the challenger's 44,510, winning by 1,200 votes" (the margin is
800); "the gap narrowing to 4 points, with the governor on 48% and her rival on 46%".

The frame, inside one sentence: a margin word ("winning by", "won by", "a lead of", "a gap of",
"a margin of", "ahead by") with its figure, and exactly two other figures of one measure, either
"A to B" (a score, a vote) or "on A ... on B" (poll standings). Anything more — a third figure of
the same measure — and the gap could be between any two, so no claim is read.
"""

from __future__ import annotations

import re

from checker.model import Difference, Quantity
from checker.relate.claim_words import MARGIN_CHANGES, MARGIN_NOUNS, MARGIN_VERBS
from checker.relate.clauses import sentence_quantities
from checker.vocab import alternation

_MARGIN = re.compile(rf"\b(?:(?:{alternation(MARGIN_VERBS)})\s+(?:\w+\s+)?by|"
                     rf"(?:a|the|its|his|her|their)\s+(?:\w+\s+)?(?:{alternation(MARGIN_NOUNS)})\s+(?:of|to|at)|"
                     rf"(?:gap|lead|margin)\s+(?:{alternation(MARGIN_CHANGES)})\s+to)"
                     r"\s+(?:just\s+)?\Z", re.IGNORECASE)
# A word each margin must contain, for the shortcut above (the first word of each verb and noun).
_MARGIN_WORDS = frozenset(phrase.split()[0].lower() for phrase in (*MARGIN_VERBS, *MARGIN_NOUNS))
_PAIR_TO = re.compile(r"\A\s*(?:[A-Za-z]+\s+){0,2}to\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?\Z", re.IGNORECASE)
_ON = re.compile(r"\b(?:on|at|with)\s+\Z", re.IGNORECASE)
_POINTS_AFTER = re.compile(r"\A\s*(?:percentage\s+)?points?\b", re.IGNORECASE)


def find_differences(text: str, quantities: list[Quantity]) -> list[Difference]:
    found: list[Difference] = []
    if text.isascii():  # then every window is, and one test of the whole block rules them all out
        lowered = text.lower()
        if not any(word in lowered for word in _MARGIN_WORDS):
            return found
    for lo, _end, inside in sentence_quantities(text, quantities):
        for stated in inside:
            window = text[max(lo, stated.start - 40) : stated.start]
            if window.isascii():  # every margin names a margin verb or noun (lower() is case-blind only on ASCII)
                lowered = window.lower()  # once, not once for each word asked about
                if not any(word in lowered for word in _MARGIN_WORDS):
                    continue
            if not _MARGIN.search(window):
                continue
            others = [q for q in inside if q is not stated and not q.is_range]
            pair = _pair(text, others, stated)
            if pair is not None:
                first, second = pair
                found.append(Difference("difference", (first, second, stated), cue="margin",
                                        first=first, second=second, stated=stated))
    return found


def _pair(text: str, others: list[Quantity], stated: Quantity):
    for kind in ("percent", "money", "number", "physical"):
        same = [q for q in others if q.kind == kind]
        if len(same) != 2:
            continue
        a, b = same
        if not _comparable(text, a, b, stated):
            continue
        if _PAIR_TO.match(text[a.end : b.start]) or (_ON.search(text[max(0, a.start - 6) : a.start])
                                                     and _ON.search(text[max(0, b.start - 6) : b.start])):
            return a, b
    return None


def _comparable(text: str, a: Quantity, b: Quantity, stated: Quantity) -> bool:
    if a.currency != b.currency or a.unit != b.unit:
        return False
    if stated.kind == a.kind and stated.currency == a.currency and stated.unit == a.unit:
        return True
    # "a gap of 4 points" between two percentages
    return a.kind == "percent" and stated.kind == "number" and bool(_POINTS_AFTER.match(text[stated.end : stated.end + 25]))
