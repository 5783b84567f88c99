"""A physical range written with a dash ("5-10 km", "a 75-300mm lens") is one quantity: the low end in
`value`, the high end in `high`, the unit of the high end. Before, the dash kept the high figure from
being read at all and the pair was a bare number range."""

import pytest

from checker.api import lint_text
from checker.resolve import extract_resolved


@pytest.mark.parametrize("text, low, high, unit", [
    ("The hikers covered 12-15 km a day.", 12.0, 15.0, "kilometer"),
    ("He bought an 18-55mm zoom.", 18.0, 55.0, "millimeter"),
    ("Doctors removed a 4–5cm growth.", 4.0, 5.0, "centimeter"),
    ("Output reached 2-3 million tonnes.", 2e6, 3e6, "metric_ton"),
    ("The ridge rises 1,200-1,800 metres.", 1200.0, 1800.0, "meter"),
])
def test_a_dash_range_is_one_physical_quantity(text, low, high, unit):
    (quantity,) = [q for q in extract_resolved(text) if q.kind == "physical"]
    assert (quantity.value, quantity.high, quantity.unit) == (low, high, unit)


@pytest.mark.parametrize("text", [
    "The home side won 3-1 in the rain.",       # a score, no unit
    "A 10-foot wall surrounds it.",             # a compound adjective, one figure
])
def test_no_range_where_there_is_none(text):
    assert not [q for q in extract_resolved(text) if q.kind == "physical" and q.is_range]


def test_a_range_and_its_converted_range_are_checked_end_by_end():
    assert not [f for f in lint_text("The storm dropped 2-4 inches (5-10 cm) of rain.") if f.rule == "unit-conversion"]
    (finding,) = [f for f in lint_text("The trail is 6-9 miles (6-9 km) long.") if f.rule == "unit-conversion"]
    assert "about 9.7-14 km, not 6-9 km" in finding.message and finding.suggestion == "6-9 miles (9.7-14 km)"
