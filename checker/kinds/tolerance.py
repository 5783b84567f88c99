"""How far apart two printed figures may be and still agree.

A figure printed as "8.5" stands for anything from 8.45 to 8.55; "600" for 550 to 650 at worst.
Checks widen their base tolerance by the rounding of each printed figure (capped, since trailing
zeros are often exact) and by hedge words ("about", "almost") that say the writer did not mean
the figure exactly.
"""

from __future__ import annotations

import math

from checker.model import Quantity

MAX_ROUNDING = 0.05


def rounding(quantity: Quantity) -> float:
    """Relative half-unit of the last significant digit printed."""
    value = abs(quantity.value)
    if value == 0 or not math.isfinite(value):
        return 0.0
    exponent = math.floor(math.log10(value))
    half_unit = 0.5 * 10 ** (exponent - max(quantity.sig_digits, 1) + 1)
    return min(half_unit / value, MAX_ROUNDING)


def allowed(base: float, *quantities: Quantity, hedge: str | None = None, hedge_tolerance: float = 0.0) -> float:
    """The relative tolerance for comparing figures: base + rounding of each + hedge allowance."""
    hedged = hedge
    total = 0  # summed as sum() would, in a loop: a pair's check asks this for every window it tries
    for quantity in quantities:
        total += rounding(quantity)
        hedged = hedged or quantity.hedge
    return base + total + (hedge_tolerance if hedged else 0.0)


def near_power_of_ten(factor: float, slack: float) -> int | None:
    """The k for which `factor` is within `slack` (relative) of 10**k, k != 0; else None."""
    if factor <= 0 or not math.isfinite(factor):
        return None
    k = round(math.log10(factor))
    if k == 0:
        return None
    return k if abs(factor / 10**k - 1) <= slack else None
