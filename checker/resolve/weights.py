"""Pounds of weight that extraction read as pounds sterling: "200 pounds (91 kg)".

"Pounds" written as a word, with no £ sign, may be a weight. Whether it is one is decided by the
relate stage from the pair's wording (`checker.relate.pound_weights`); the re-reading itself is
here, with the other currency readings.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.model import Quantity

_POUND_WORD = re.compile(r"\d[\d,.]*\s*-?\s*(?:pounds?|lbs?\.?)\Z", re.IGNORECASE)


def as_weight(quantity: Quantity) -> Quantity | None:
    """The pounds-of-weight reading of a sterling amount written with the word, else None."""
    if quantity.kind == "money" and quantity.currency == "GBP" and _POUND_WORD.search(quantity.text):
        return replace(quantity, kind="physical", unit="pound", currency=None, family=None)
    return None
