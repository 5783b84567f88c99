"""Relating amounts: which figures in a block claim something about each other.

- `pairs`    — conversions: "600 billion yuan ($8.5 billion)", "10 miles (16 km)";
- `pound_weights` — "200 pounds (91 kg)": pounds of weight the extractor read as sterling;
- `changes`  — change claims with both endpoints: "rose 12% from 5.0 million to 5.6 million";
- `parts`    — shares of one whole, and parts of a stated total;
- `zh_claims` — the same change, part and share claims written in Chinese (由A增至B, 其中, 合计, 占…的);
- `document_currencies` — which currency ¥ means, from the whole document so far (`DocumentCurrencies`,
  used by the pipeline across blocks).

`relate()` is the one entry point the pipeline calls; it only reads quantities and text.
"""

from __future__ import annotations

import re

from checker.model import Quantity, Relation
from checker.relate.changes import find_change_claims
from checker.relate.parts import find_part_lists
from checker.relate.pairs import find_conversion_pairs
from checker.relate.pound_weights import find_pound_weight_pairs

_CJK = re.compile("[\u4e00-\u9fff]")


def relate(text: str, quantities: list[Quantity]) -> list[Relation]:
    """All relations among the quantities of one block, in text order."""
    relations = find_conversion_pairs(text, quantities)
    relations += find_pound_weight_pairs(text, quantities)
    relations += find_change_claims(text, quantities)
    relations += find_part_lists(text, quantities)
    if _CJK.search(text):
        from checker.relate.zh_claims import find_zh_claims

        relations += find_zh_claims(text, quantities)
    relations.sort(key=lambda r: r.quantities[0].start)
    return relations
