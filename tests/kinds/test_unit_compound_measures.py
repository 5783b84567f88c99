"""Measures written as compound adjectives ("a 500-square-metre villa", "the 3,000-metre peak"):
read with their unit, paired with a conversion after the noun they qualify, and an area converted
with the linear factor is flagged."""

import pytest

from checker.api import lint_text
from checker.extract import extract


def unit_findings(text):
    return [f for f in lint_text(text) if f.rule == "unit-conversion"]


@pytest.mark.parametrize("text, unit", [
    ("a 500-square-metre plot", "meter ** 2"),
    ("a 2,000-square-foot house", "foot ** 2"),
    ("a 50-cubic-metre tank", "meter ** 3"),
    ("the 200-nautical-mile zone", "nautical_mile"),
    ("a 10-tonne truck", "metric_ton"),
])
def test_a_hyphenated_measure_is_read_with_its_unit(text, unit):
    (quantity,) = [q for q in extract(text) if q.kind == "physical"]
    assert quantity.unit == unit


@pytest.mark.parametrize("text", [
    "The 500-square-metre (5,400 sq ft) villa on the cliffs sold last week.",
    "They bought a 2,000-square-foot (186-square-metre) house.",
    "Climbers reached the 3,000-metre peak (9,843 ft) at dawn.",
    "A 10-tonne truck (11 tons) overturned on the bridge.",
    "A 40-foot container (12 metres) fell overboard.",
    "The 100-metre sprint (9.58 seconds) record still stands.",  # seconds: no conversion
    "They walked a 2-mile stretch (3 km of it paved) to the river.",  # the bracket says more: no pair
])
def test_fair_compound_measures_and_non_pairs_pass(text):
    assert unit_findings(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The 500-square-metre (1,640 sq ft) villa on the cliffs sold last week.", "5,380 sq ft"),  # the linear factor
    ("Climbers reached the 3,000-metre peak (3,000 ft) at dawn.", "9,800 ft"),
    ("The field covers 20 square kilometres (12 square miles).", "7.7 square miles"),  # km -> mi for an area
])
def test_a_compound_measure_converted_wrongly_is_flagged(text, expected):
    (finding,) = unit_findings(text)
    assert expected in finding.message
