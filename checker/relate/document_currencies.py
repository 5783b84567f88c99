"""Which currency an ambiguous symbol means, decided from the rest of the document.

`¥` is both the yuan and the yen; the extractor records both readings (best guess first). Only
that ambiguity is settled here: a bare `$` stays the US dollar the extractor chose, since one
mention of "NZ$" in a long file says nothing about the other dollars in it. A story
about Beijing that also says "yuan" means CNY; one that says "yen" or "Tokyo" means JPY. The
context keeps running counts as blocks stream past, so memory stays constant, and a quantity whose
reading the document never settles keeps its first guess with `ambiguous` evidence for the finding.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from checker.model import Quantity

_CLUES = {
    "CNY": re.compile(r"\b(?:yuan|renminbi|RMB|CNY|China|Chinese|Beijing|Shanghai|Shenzhen|Hangzhou|PBOC|"
                      r"Alibaba|Tencent|Huawei|Baidu|BYD|Xiaomi|Sinopec|PetroChina)\b|人民币|元"),
    "JPY": re.compile(r"\b(?:yen|JPY|Japan|Japanese|Tokyo|Osaka|Nikkei|BOJ|Toyota|Sony|SoftBank|Nissan|"
                      r"Honda|Panasonic|Toshiba|Hitachi|Mitsubishi|Nintendo|Nomura|Mizuho|Keidanren)\b|日元|円"),
}


class DocumentCurrencies:
    """Running evidence, per candidate currency, from the blocks seen so far."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def observe(self, text: str, quantities: list[Quantity]) -> None:
        for currency, clue in _CLUES.items():
            self.counts[currency] += len(clue.findall(text))
        for quantity in quantities:
            if quantity.currency in _CLUES and not quantity.alternatives:
                self.counts[quantity.currency] += 2

    def resolve(self, quantities: list[Quantity]) -> list[Quantity]:
        """Quantities with ambiguous currencies settled where the evidence allows."""
        resolved = []
        for quantity in quantities:
            candidates = [c for c in quantity.alternatives if c in _CLUES]
            if len(candidates) > 1:
                best = max(candidates, key=lambda c: (self.counts[c], -candidates.index(c)))
                if self.counts[best] > 0:
                    quantity = replace(quantity, currency=best, alternatives=())
            resolved.append(quantity)
        return resolved
