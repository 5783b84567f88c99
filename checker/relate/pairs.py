"""Conversion pairs: two amounts the text presents as the same value in different units.

Editors join an amount and its conversion in a handful of ways: "A (B)", "A (about B)", "A, or B,",
"A, or about B", "A, equivalent to B", "A — roughly B —", and in Chinese "A（约合B）". Only the words
*between* the two amounts decide; two amounts that merely share a sentence ("raised 5 billion yuan
and spent $2 million") are not a pair. Both sides must be money in different currencies, or
physical quantities in different units (whether those units are comparable is the check's call).
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.model import Conversion, Quantity, Relation
from checker.relate.pair_context import not_restated, zh_not_restated
from checker.relate.temperature_claims import is_temperature_pair, temperature_claim as english_temperature_claim
from checker.relate.zh_pair_gaps import REAL_HEDGES as _ZH_REAL_HEDGES, chinese_gap, temperature_claim
from checker.vocab import alternation, vocab

_HEDGE = rf"(?:{alternation(vocab().hedge_words('pair'))})"
_LINK = rf"(?:{alternation(vocab().cues.conversion_links)})"

# Each pattern must match the whole gap between the two amounts; group "hedge" captures a hedge.
_GAP_PATTERNS = [
    ("(", rf"\s*[(\[（]\s*(?:or\s+)?(?P<hedge>{_HEDGE}\s*)?(?:{_LINK}\s*)?(?:US\s+)?"),
    ("or", rf"\s*,?\s*or\s+(?P<hedge>{_HEDGE}\s+)?(?:{_LINK}\s+)?"),
    ("equivalent", rf"\s*[,;:—–-]*\s*(?:or\s+)?(?P<hedge>{_HEDGE}\s+)?{_LINK}\s+(?:{_HEDGE}\s+)?"),
    ("dash", rf"\s*(?:[—–]|--|\s-\s)\s*(?P<hedge>{_HEDGE}\s+)?(?:{_LINK}\s+)?"),
    ("comma", rf"\s*,\s*(?P<hedge>{_HEDGE})\s+"),
]
_GAP_RE = [(cue, re.compile(pattern + r"\Z", re.IGNORECASE)) for cue, pattern in _GAP_PATTERNS]
_MAX_GAP = 40
# "the 3,000-metre peak (9,843 ft)": a measure written as a compound adjective ("3,000-metre") is
# converted after the noun it qualifies; one or two lower-case words may stand before the bracket.
_NOUN_THEN_BRACKET = re.compile(r"\s+[a-z]+(?:[ -][a-z]+)?\s*\(\s*\Z")
_COMPOUND_MEASURE = re.compile(r"\d\s?-\s?[A-Za-z]")
_CLOSES_AT_ONCE = re.compile(r"\s*\)")


def _comparable(a: Quantity, b: Quantity) -> bool:
    if a.kind == "money" and b.kind == "money":
        if not a.readings and not b.readings:  # the common case: one currency each, no sets to build
            return bool(a.currency) and bool(b.currency) and a.currency != b.currency
        first, second = set(a.readings or [a.currency] * bool(a.currency)), set(b.readings or [b.currency] * bool(b.currency))
        return bool(first and second) and first != second
    if a.kind == "physical" and b.kind == "physical":
        return bool(a.unit and b.unit) and a.unit != b.unit
    return False


def _closes(text: str, end: int) -> bool:
    """After the second amount of "A (B", the parenthesis must close before the sentence moves on."""
    rest = text[end : end + 60]
    close = min((i for i in (rest.find(")"), rest.find("）")) if i >= 0), default=-1)
    return close >= 0 and "(" not in rest[:close] and "（" not in rest[:close]


_RANGE_LINK = re.compile(r"\s*(?:-|–|—|to|and)\s*\Z", re.IGNORECASE)


def _range_pairs(text: str, quantities: list[Quantity], used: set[int]) -> list[Relation]:
    """"from $5 to $10 (£4 to £8)": each end of the range pairs with its own conversion, never the
    high end of one with the low end of the other."""
    relations = []
    for i in range(len(quantities) - 3):
        low, high, low_conv, high_conv = quantities[i : i + 4]
        if not (_comparable(low, low_conv) and _comparable(high, high_conv)):
            continue
        if not (_RANGE_LINK.match(text[low.end : high.start]) and _RANGE_LINK.match(text[low_conv.end : high_conv.start])):
            continue
        gap = text[high.end : low_conv.start]
        if not re.fullmatch(r"\s*[(（]\s*", gap) or not _closes(text, high_conv.end):
            continue
        relations += [Conversion("conversion", (low, low_conv), cue="(range)", hedge=low_conv.hedge),
                      Conversion("conversion", (high, high_conv), cue="(range)", hedge=high_conv.hedge)]
        used.update(range(i, i + 4))
    return relations


# Imperial measures written in two parts: "6 feet 2 inches", "7 pounds 4 ounces".
_COMPOUND_UNITS = {("foot", "inch"), ("yard", "foot"), ("mile", "yard"), ("pound", "ounce"), ("stone", "pound")}
_COMPOUND_GAP = re.compile(r"\s*(?:,|and)?\s*\Z")


def _second_part_of_compound(text: str, quantities: list[Quantity], index: int) -> bool:
    """"6 feet 2 inches (1.88 metres)": the 2 inches are not converted on their own."""
    if index == 0:
        return False
    before, this = quantities[index - 1], quantities[index]
    # "7 pounds 4 ounces": the extractor may have read the pounds as sterling; the ounces say otherwise.
    before_unit = "pound" if before.kind == "money" and "pound" in before.text.lower() else before.unit
    return ((before_unit, this.unit) in _COMPOUND_UNITS and this.kind == "physical"
            and bool(_COMPOUND_GAP.match(text[before.end : this.start])))


_MINOR_NAMES = "|".join(p for c in [*vocab().currencies.currencies, *vocab().families.families] for p in c.minor_names)
_MINOR_WORDS = [mark for mark in vocab().cues.minor_unit_marks if mark.isalnum()]
_MINOR_SIGNS = [mark for mark in vocab().cues.minor_unit_marks if not mark.isalnum()]  # "¢": no word boundary
_MINOR_UNIT = re.compile(rf"\b(?:{_MINOR_NAMES}|{alternation(_MINOR_WORDS)})\b|{alternation(_MINOR_SIGNS)}", re.IGNORECASE)
_LIST_BEFORE = re.compile(r"\A\s*,\s*\Z")


def _restatable(text: str, quantities: list[Quantity], index: int) -> bool:
    """Whether the pair at `index` can be one amount said twice.

    Not when one side is a range and the other is not ("from 10 billion yen to 40 billion yen ($105
    million to $420 million)": the range's low end was not read); not when a per-share price in pence
    or cents sits beside a total in millions or billions ("820 pence, or $17.9 billion" values the
    company); and not in a list of local prices ("$1.29, 1.29 euros or 99 pence").
    """
    first, second = quantities[index], quantities[index + 1]
    if first.kind != "money" or second.kind != "money":
        return True
    if second.is_range and not first.is_range:
        return False  # "40 billion yen ($105 million to $420 million)": the low end was not read
    if first.is_range and not second.is_range and not re.match(r"\s*[(（]", text[first.end : second.start]):
        return False  # a range given one bracketed figure converts a point of it; other joins are lists
    minor = [q.scale is None and bool(_MINOR_UNIT.search(q.text)) for q in (first, second)]
    scaled = [q.scale is not None for q in (first, second)]
    if (minor[0] and scaled[1]) or (minor[1] and scaled[0]):
        return False
    if index > 0:
        before = quantities[index - 1]
        if before.kind == "money" and _LIST_BEFORE.match(text[before.end : first.start]) and before.currency != first.currency:
            return False
    return True


_CJK_GAP = re.compile("[\u3000-\u9fff\uff00-\uffef]")


def _chinese_pair(text: str, first: Quantity, second: Quantity, gap: str) -> Relation | None:
    """"A（约合B）", "A专项债（约B）", "A，约合B", "A，相当于B", "A（当时约合B）"."""
    joined = chinese_gap(gap)
    if joined is None or (joined.bracket and not _closes(text, second.end)):
        return None
    if zh_not_restated(text, first, second):
        return None  # "243亿英镑，约合1万美元/人": a share per head, not the total converted
    if second.hedge and second.hedge not in _ZH_REAL_HEDGES:
        second = replace(second, hedge=None)  # 约合 joined the pair; it does not loosen the figure
    return Conversion("conversion", (first, second), cue=joined.cue, hedge=joined.hedge, at_the_time=joined.at_the_time,
                      temperature=temperature_claim(text, first) if first.kind == "physical" else None)


_NEXT_IN_BRACKET = re.compile(rf"\s*[;,/]\s*(?:or\s+)?(?P<hedge>{_HEDGE}\s+)?\Z", re.IGNORECASE)


def _further_conversions(text: str, quantities: list[Quantity], index: int, used: set[int]) -> list[Relation]:
    """"799 yuan ($124; 114 euros)": every further currency in the bracket converts the first amount."""
    first, found = quantities[index], []
    seen = {quantities[index + 1].currency}
    for later in range(index + 2, min(index + 5, len(quantities))):
        previous, third = quantities[later - 1], quantities[later]
        match = _NEXT_IN_BRACKET.match(text[previous.end : third.start])
        if match is None or not _comparable(first, third) or third.currency in seen or not _closes(text, third.end):
            break
        hedge = (match.group("hedge") or "").strip() or third.hedge
        found.append(Conversion("conversion", (first, third), cue="(" + text[previous.end : third.start].strip(),
                                hedge=hedge))
        seen.add(third.currency)
        used.add(later)
    return found


def find_conversion_pairs(text: str, quantities: list[Quantity]) -> list[Relation]:
    """Adjacent amounts joined by conversion wording, as (stated, converted) relations."""
    used: set[int] = set()
    relations: list[Relation] = _range_pairs(text, quantities, used)
    for index in range(len(quantities) - 1):
        first, second = quantities[index], quantities[index + 1]
        if index in used or index + 1 in used or not _comparable(first, second):
            continue
        if _second_part_of_compound(text, quantities, index) or not _restatable(text, quantities, index):
            continue
        gap = text[first.end : second.start]
        if len(gap) > _MAX_GAP or "\n\n" in gap:
            continue
        if not gap.isascii() and _CJK_GAP.search(gap):
            relation = _chinese_pair(text, first, second, gap)
            if relation is not None:
                relations.append(relation)
                used.update((index, index + 1))
            continue
        if (first.kind == "physical" and _NOUN_THEN_BRACKET.match(gap) and _COMPOUND_MEASURE.search(first.text)
                and "-" not in second.text and _CLOSES_AT_ONCE.match(text, second.end)):
            relations.append(Conversion("conversion", (first, second), cue="(", hedge=second.hedge,
                                        temperature=None))
            used.update((index, index + 1))
            continue
        for cue, pattern in _GAP_RE:
            match = pattern.match(gap)
            if not match:
                continue
            if cue == "(" and not _closes(text, second.end):
                continue
            if not_restated(text, first, second, offered=cue == "or"):
                break  # a share per head, a margin or a choice of prices, joined as a conversion is
            hedge = (match.group("hedge") or "").strip() or second.hedge
            claim = english_temperature_claim(text, first, second) if is_temperature_pair(first, second) else None
            relations.append(Conversion("conversion", (first, second), cue=gap.strip(), hedge=hedge, temperature=claim))
            used.update((index, index + 1))
            if cue == "(":
                relations += _further_conversions(text, quantities, index, used)
            break
    return relations
