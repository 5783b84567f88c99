"""Conversion pairs: two amounts the text presents as the same value in different units.

Editors join an amount and its conversion in a handful of ways: "A (B)", "A (about B)", "A, or B,",
"A, or about B", "A, equivalent to B", "A — roughly B —", and in Chinese "A（约合B）". Only the words
*between* the two amounts decide; two amounts that merely share a sentence ("raised 5 billion yuan
and spent $2 million") are not a pair. Both sides must be money in different currencies, or
physical quantities in different units (whether those units are comparable is the check's call).
"""

from __future__ import annotations

import re

from checker.model import Quantity, Relation

_HEDGE = (
    r"(?:about|around|roughly|approximately|approx\.?|some|nearly|almost|close\s+to|just\s+over|"
    r"just\s+under|more\s+than|over|less\s+than|under|up\s+to|at\s+least|an?\s+estimated|"
    r"estimated|circa|c\.|~|≈)"
)
_LINK = (
    r"(?:(?:the\s+)?equivalent\s+(?:to|of)|equal\s+to|equalling|equaling|worth|"
    r"converted\s+(?:to|into)|translating\s+(?:to|into)|which\s+is|i\.e\.,?)"
)
_ZH_LINK = r"(?:约合|折合|约|合|相当于|逾|近|超过|约为)"

# Each pattern must match the whole gap between the two amounts; group "hedge" captures a hedge.
_GAP_PATTERNS = [
    ("(", rf"\s*[(\[（]\s*(?:or\s+)?(?P<hedge>{_HEDGE}\s*)?(?:{_LINK}\s*)?(?:US\s+)?"),
    ("(", rf"\s*[(（]\s*(?P<hedge>{_ZH_LINK})?\s*"),
    ("or", rf"\s*,?\s*or\s+(?P<hedge>{_HEDGE}\s+)?(?:{_LINK}\s+)?"),
    ("equivalent", rf"\s*[,;:—–-]*\s*(?:or\s+)?(?P<hedge>{_HEDGE}\s+)?{_LINK}\s+(?:{_HEDGE}\s+)?"),
    ("dash", rf"\s*(?:[—–]|--|\s-\s)\s*(?P<hedge>{_HEDGE}\s+)?(?:{_LINK}\s+)?"),
    ("comma", rf"\s*,\s*(?P<hedge>{_HEDGE})\s+"),
    ("equivalent", rf"\s*[，,]?\s*(?P<hedge>{_ZH_LINK})\s*"),
]
_GAP_RE = [(cue, re.compile(pattern + r"\Z", re.IGNORECASE)) for cue, pattern in _GAP_PATTERNS]
_MAX_GAP = 40


def _comparable(a: Quantity, b: Quantity) -> bool:
    if a.kind == "money" and b.kind == "money":
        return bool(a.currency and b.currency) and a.currency != b.currency
    if a.kind == "physical" and b.kind == "physical":
        return bool(a.unit and b.unit) and a.unit != b.unit
    return False


def _closes(text: str, end: int) -> bool:
    """After the second amount of "A (B", the parenthesis must close before the sentence moves on."""
    rest = text[end : end + 60]
    close = min((i for i in (rest.find(")"), rest.find("）")) if i >= 0), default=-1)
    return close >= 0 and "(" not in rest[:close] and "（" not in rest[:close]


def find_conversion_pairs(text: str, quantities: list[Quantity]) -> list[Relation]:
    """Adjacent amounts joined by conversion wording, as (stated, converted) relations."""
    relations: list[Relation] = []
    used: set[int] = set()
    for index in range(len(quantities) - 1):
        first, second = quantities[index], quantities[index + 1]
        if index in used or not _comparable(first, second):
            continue
        gap = text[first.end : second.start]
        if len(gap) > _MAX_GAP or "\n\n" in gap:
            continue
        for cue, pattern in _GAP_RE:
            match = pattern.match(gap)
            if not match:
                continue
            if cue == "(" and not _closes(text, second.end):
                continue
            hedge = (match.group("hedge") or "").strip() or second.hedge
            relations.append(Relation("conversion", (first, second), cue=gap.strip(), hedge=hedge))
            used.update((index, index + 1))
            break
    return relations
