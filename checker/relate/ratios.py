"""Stated rates of two stated figures: densities ("a density of 800 people per square km") and
"one X for every N" ("one doctor for every 2,500 people").

The frame, in one sentence: a rate word ("density of", "one <noun> for every", "one <noun> per") and
its figure, and exactly one figure of each side the rate divides: for a density, a count and an area in
the unit the rate names; for "one X for every N Y", two counts, the larger divided by the smaller.
"""

from __future__ import annotations

import re

from checker.model import Quantity, Ratio
from checker.relate.clauses import sentence_quantities

_DENSITY_BEFORE = re.compile(r"\bdensity\s+of\s+(?:about\s+|around\s+|some\s+)?\Z", re.IGNORECASE)
_PER_AREA_AFTER = re.compile(r"\A\s*(?:people|persons|residents|inhabitants)?\s*(?:per|a|/)\s*(?:square\s+(?:km|kilometre|kilometer)s?|sq\.?\s*km|km2|km²)\b",
                             re.IGNORECASE)
_ONE_FOR_EVERY = re.compile(r"\bone\s+[a-z-]+\s+(?:for\s+every|per|to\s+every)\s+(?:about\s+|around\s+|some\s+)?\Z", re.IGNORECASE)
_AREA_UNIT = "kilometer ** 2"


def find_ratios(text: str, quantities: list[Quantity]) -> list[Ratio]:
    found: list[Ratio] = []
    for lo, _end, inside in sentence_quantities(text, quantities):
        for stated in inside:
            if stated.kind != "number" or stated.is_range:
                continue
            before = text[max(lo, stated.start - 40) : stated.start]
            others = [q for q in inside if q is not stated and not q.is_range]
            counts = [q for q in others if q.kind == "number"]
            if _DENSITY_BEFORE.search(before) and _PER_AREA_AFTER.match(text[stated.end : stated.end + 30]):
                areas = [q for q in others if q.kind == "physical" and q.unit == _AREA_UNIT]
                if len(areas) == 1 and len(counts) == 1:
                    found.append(Ratio("ratio", (counts[0], areas[0], stated), cue="density", numerator=counts[0],
                                       denominator=areas[0], stated=stated))
            elif _ONE_FOR_EVERY.search(before):
                earlier = [q for q in counts if q.end <= stated.start and "one" not in q.text.lower()]
                if len(earlier) == 2:
                    small, large = sorted(earlier, key=lambda q: q.value)
                    found.append(Ratio("ratio", (large, small, stated), cue="one for every", numerator=large,
                                       denominator=small, stated=stated))
    return found
