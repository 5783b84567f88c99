"""Pounds of weight that extraction read as pounds sterling: "200 pounds (91 kg)".

"Pounds" written as a word, with no £ sign, and paired with a mass in another unit, is a weight.
Such pairs are re-read here as physical conversions so that the unit check sees them; the money
reading stays for every other use. Only the pair's own wording decides, as in `pairs`.
"""

from __future__ import annotations

import re

from checker.model import Conversion, Quantity, Relation
from checker.resolve.weights import as_weight as _as_weight
from checker.vocab import alternation, vocab

_PAREN_GAP = re.compile(rf"\s*\(\s*(?:{alternation(vocab().hedge_words('weight'))}|or\s+)?\s*\Z", re.IGNORECASE)
_MASS_UNITS = {"kilogram", "gram", "metric_ton", "tonne", "milligram"}


def find_pound_weight_pairs(text: str, quantities: list[Quantity]) -> list[Relation]:
    """(pounds, mass) or (mass, pounds) pairs joined by a parenthesis, as conversions."""
    relations = []
    for first, second in zip(quantities, quantities[1:]):
        gap = text[first.end : second.start]
        if not _PAREN_GAP.match(gap) or ")" not in text[second.end : second.end + 3]:
            continue
        if second.kind == "physical" and second.unit in _MASS_UNITS and (weight := _as_weight(first)):
            relations.append(Conversion("conversion", (weight, second), cue=gap.strip()))
        elif first.kind == "physical" and first.unit in _MASS_UNITS and (weight := _as_weight(second)):
            relations.append(Conversion("conversion", (first, weight), cue=gap.strip()))
    return relations
