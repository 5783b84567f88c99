"""Percent words after a figure in the forms copy prints: the compound adjective ("a 5-percent stake",
"a 25-basis-point cut", "a 2-percentage-point gap"), and the loose "percentage" / "percents" that
non-native copy uses for "percent" (never "percentage points", which stay points)."""

import pytest

from checker.resolve import extract_resolved


def only(text):
    (quantity,) = extract_resolved(text)
    return quantity.text, quantity.kind, quantity.unit, quantity.value


@pytest.mark.parametrize("text, expected", [
    ("The fund bought a 7-percent stake in the miner.", ("7-percent", "percent", "percent", 7.0)),
    ("It announced a 4-per-cent pay rise.", ("4-per-cent", "percent", "percent", 4.0)),
    ("Analysts expect a 50-basis-point cut.", ("50-basis-point", "percent", "basis point", 50.0)),
    ("The poll shows a 3-percentage-point lead.", ("3-percentage-point", "percent", "percentage point", 3.0)),
    ("The 12-pct rise surprised traders.", ("12-pct", "percent", "percent", 12.0)),
    ("Turnout reached 64 percentage in the north.", ("64 percentage", "percent", "percent", 64.0)),
    ("Only forty percents of them voted.", ("forty percents", "percent", "percent", 40.0)),
    ("Support fell 6 percentage points.", ("6 percentage points", "percent", "percentage point", 6.0)),
    ("Support fell 6 percentage-points.", ("6 percentage-points", "percent", "percentage point", 6.0)),
])
def test_percent_word_forms(text, expected):
    assert only(text) == expected


def test_a_range_with_a_hyphen_is_still_a_range():
    quantity, = extract_resolved("Prices rose 5-10 percent.")
    assert (quantity.value, quantity.high, quantity.unit) == (5.0, 10.0, "percent")
