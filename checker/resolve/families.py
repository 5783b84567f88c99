"""Which currency a shared name or symbol means, decided by what the block itself says.

"francs" in 1987 wire copy is as often French or Belgian as Swiss; "crowns" may be Swedish,
Norwegian, Danish or Czech; "pesos", "rupees", "dinars", "riyals" belong to several countries.
Guessing one silently would let a conversion check pass or fail on the wrong rate, so a name is
settled only when the text names exactly one of its countries ("Swiss", "Sweden", "Pakistani");
otherwise it keeps its most likely reading with the alternatives, or, for the names with no safe
default (franc, crown, dinar), no currency at all and the name as its unit. "¥" is the yuan unless
the text speaks of yen or Japan, and stays open for the document to settle. The families, their
members and every member's cues are in checker/vocab (families.yaml, currencies.yaml).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.model import Quantity
from checker.vocab import vocab


@lru_cache(maxsize=None)
def _cues(family: str) -> re.Pattern | None:
    """One pattern per family, a named group per member that has cues."""
    members = vocab().family(family).members
    groups = []
    for code in members:
        currency = vocab().currency(code)
        if currency is not None and currency.cues:
            groups.append(rf"(?P<{code}>\b(?:{'|'.join(currency.cues)})\b)")
    return re.compile("|".join(groups)) if groups else None


def settle(family: str, text: str) -> tuple[str | None, tuple[str, ...]]:
    """The currency a word of `family` stands for in `text`, and the readings still open (best first)."""
    entry = vocab().family(family)
    pattern = _cues(family)
    cued = {m.lastgroup for m in pattern.finditer(text)} if pattern is not None else set()
    candidates = tuple(entry.members)
    if entry.block == "prefer":
        first = next((c for c in candidates if c in cued), None)
        if first is None:
            first = entry.default
        return first, (first, *(c for c in candidates if c != first))
    if len(cued) == 1:
        return cued.pop(), ()
    if entry.default is not None and (not cued or entry.default in cued):
        return entry.default, (entry.default, *(c for c in candidates if c != entry.default))
    return None, tuple(c for c in candidates if not cued or c in cued)


def resolve_block(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """`quantities` of one block with every family reading the block can settle, settled."""
    settled: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    out = []
    for quantity in quantities:
        family = quantity.family
        if family is not None and vocab().family(family).block != "none":
            if family not in settled:
                settled[family] = settle(family, text)
            currency, alternatives = settled[family]
            unit = quantity.unit if currency is None else None
            quantity = replace(quantity, currency=currency, unit=unit,
                               alternatives=alternatives if len(alternatives) > 1 else ())
        out.append(quantity)
    return out
