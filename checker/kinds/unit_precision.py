"""How precisely a physical figure was printed, read from the way it was written.

A unit conversion is rounded to the precision of whichever figure came first, and copy rarely says
which one that was: "about 2 grams, or 6/100 ounces" may be 0.06 oz rounded to grams, "three meters
(nine feet)" nine feet rounded to a spelled-out whole metre. So the check needs the real rounding of
each printed figure, not a capped one:

- digits ending in a non-zero digit, or with decimals, say their precision: "2" is 1.5 to 2.5,
  "225" 224.5 to 225.5, "1.50" 1.495 to 1.505;
- a fraction says it in its denominator: "6/100" is 0.055 to 0.065;
- a spelled-out number is a word for a round amount: "three" is 2.5 to 3.5, "two hundred" 150 to 250;
- a whole number ending in zeros ("600", "1,000") is ambiguous (round, or exact?): None, and the
  caller keeps its capped reading (`tolerance.rounding`).
"""

from __future__ import annotations

import math
import re

from checker.model import Quantity

# No printed figure stands for more than a quarter either side of itself ("1 mile", "1/2 inch").
MAX_ROUNDING = 0.25
_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")
_NUMBER = re.compile(r"\d(?:[\d,]*\d)?(?:\.(\d+))?")


def printed_rounding(quantity: Quantity, high: bool = False) -> float | None:
    """Relative half-unit of the figure's last printed place (at most MAX_ROUNDING), when the
    writing makes it plain. `high`: the high end of a range ("5-6 miles"). None for a whole
    number ending in zeros."""
    rounding = _rounding(quantity, high)
    return None if rounding is None else min(rounding, MAX_ROUNDING)


def _rounding(quantity: Quantity, high: bool) -> float | None:
    value = abs(quantity.high if high and quantity.high is not None else quantity.value)
    if value == 0 or not math.isfinite(value):
        return None
    text = quantity.text
    fraction = _FRACTION.search(text)
    if fraction is not None and not quantity.is_range:
        denominator = int(fraction.group(2))  # "2 1/2 inches": to the half inch
        return 0.5 / denominator / value if denominator else None
    numbers = list(_NUMBER.finditer(text))
    if not numbers:
        return _spelled_rounding(value)
    if len(numbers) > (2 if quantity.is_range else 1):
        return None  # "5 feet 10 inches": a compound measure, not one printed figure
    number = numbers[-1] if high else numbers[0]
    digits, decimals = number.group().replace(",", ""), number.group(1)
    if decimals is None and digits.endswith("0"):
        return None  # "600 miles": rounded to hundreds, or exact?
    printed = float(digits)
    return 0.5 * 10 ** -(len(decimals) if decimals else 0) / printed if printed else None


def _spelled_rounding(value: float) -> float:
    """A number written in words stands for the amount rounded at its last non-zero digit."""
    digits = f"{value:.6g}"
    if "e" in digits or "." in digits:
        return 0.5 * 10 ** math.floor(math.log10(value)) / value
    place = 10 ** (len(digits) - len(digits.rstrip("0")))
    return 0.5 * place / value
