"""The precision a figure was printed with, read from its digits.

`tolerance.rounding` reads "80" as one significant digit (anything from 75 to 85), which suits a
converted figure. Figures that are compared by arithmetic (endpoints of a change, parts of a total)
are usually printed as found, so here an integer counts as exact to its last digit.
"""

from __future__ import annotations

import re

from checker.kinds.tolerance import rounding
from checker.model import Quantity

_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
MAX_ROUNDING = 0.05


def decimals(quantity: Quantity) -> int:
    """Digits printed after the decimal point: "12%" -> 0, "2.75%" -> 2."""
    match = _DIGITS.search(quantity.text)
    return len(match.group(1)) if match and match.group(1) else 0


def half_unit(quantity: Quantity) -> float:
    """Half the place of the last printed digit, in printed units: "12%" -> 0.5, "2.5%" -> 0.05."""
    return 0.5 * 10 ** -decimals(quantity)


def printed_rounding(quantity: Quantity) -> float:
    """Relative half unit of the last printed digit ("$80" -> 0.6%, "5.0 million" -> 1%), capped."""
    match = _DIGITS.search(quantity.text)
    if match is None:
        return rounding(quantity)
    printed = float(match.group().replace(",", ""))
    return min(half_unit(quantity) / printed, MAX_ROUNDING) if printed else 0.0


def times(factor: float, over: str = "over 1,000") -> str:
    """A factor as an editor reads it: "1.43", "14", "140" — never "1.34e+03", and past a thousand
    only `over` ("over 1,000", or the message file's "逾1000": a factor that large says the two
    figures are not the same amount at all)."""
    factor = abs(factor)
    if factor < 10:
        return f"{factor:.3g}"
    if factor < 1000:
        return f"{factor:,.0f}"
    return over
