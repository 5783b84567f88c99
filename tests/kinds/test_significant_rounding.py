"""`significant` prints a figure to its digits exactly as rounding with round() then formatting did."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds.restate import significant


def by_round(value: float, digits: int) -> str:
    """The formula significant() used before it formatted directly to places >= 0."""
    exponent = math.floor(math.log10(abs(value)))
    decimals = max(digits - 1 - exponent, 0)
    text = f"{round(value, digits - 1 - exponent):.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@settings(max_examples=200)
@given(st.floats(min_value=1e-12, max_value=1e21, allow_nan=False, allow_infinity=False), st.integers(1, 6),
       st.booleans())
def test_significant_rounds_as_round_did(value, digits, negative):
    value = -value if negative else value
    assert significant(value, digits) == by_round(value, digits)


def test_ties_go_to_even_as_before():
    for value, digits, printed in [(2.5, 1, "2"), (0.125, 2, "0.12"), (82.5, 2, "82"), (8.25e10, 3, "82500000000"),
                                   (96.4, 2, "96")]:
        assert significant(value, digits) == printed == by_round(value, digits)
