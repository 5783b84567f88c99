"""Fuel economy (a reciprocal conversion) and the units news prints in pairs that the vocabulary
now knows: acre-feet, gas volumes, flows, pressures, energies, engine sizes."""

import pytest

from checker.api import lint_text
from checker.kinds.unit_math import convert


def unit_findings(text):
    return [f for f in lint_text(text) if f.rule == "unit-conversion"]


def test_miles_per_gallon_and_litres_per_100_km_are_reciprocals_in_either_gallon():
    us, imperial = convert(40, "mile / gallon", "liter_per_100_kilometer")
    assert us == pytest.approx(235.215 / 40, rel=1e-4)
    assert imperial == pytest.approx(282.481 / 40, rel=1e-4)
    assert convert(9.4, "liter_per_100_kilometer", "mile / imperial_gallon") == [pytest.approx(282.481 / 9.4, rel=1e-4)]
    assert convert(10, "metric_ton", "oil_barrel") == []  # neither the same dimension nor reciprocals


@pytest.mark.parametrize("text", [
    "Cars and light trucks must average 35.5 miles per gallon (6.62 litres/100km) by 2016.",  # US gallon
    "The diesel estate returns 55mpg (5.1 litres per 100km) on the official cycle.",  # imperial gallon
    "The hybrid is rated at 50 mpg (4.7 L/100 km) in town.",
    "The SUV uses 9.4 litres per 100 km (25 mpg) on a mixed route.",
    "The car is expected to get more than 40 miles per gallon (17 km per liter).",  # a direct conversion
    "The hatchback manages 55 miles per imperial gallon (5.1 litres per 100km).",
    "When full, the reservoir holds 3.9 billion cubic metres (3.2 million acre-feet).",
    "The field holds an estimated 63 bcm (2.2 tcf) of gas.",
    "The river peaked at 5,000 cubic metres per second (176,600 cubic feet per second).",
    "Its 1,600cc (98 cubic inch) engine is the smallest in the range.",
    "Tyres should be kept at 32 psi (2.2 bar).",
    "The pack stores 100 kWh (360 MJ) of energy.",
    "The pressure fell to 950 millibars (950 hPa) at the eye.",
    "The pub sells beer by the 2-pint (1.1-litre) jug.",
    "The villa has 500 sq metres (5,400 sq ft) of floor space.",
])
def test_fair_pairs_in_the_new_units_pass(text):
    assert unit_findings(text) == []


@pytest.mark.parametrize("text, suggestion", [
    ("The new compact gets 40 mpg (17 litres per 100km) on the highway.", "40 mpg (5.9 litres per 100km)"),
    ("The hatchback manages 55 miles per imperial gallon (4.3 litres per 100km).",
     "55 miles per imperial gallon (5.1 litres per 100km)"),
    ("The SUV uses 9.4 litres per 100 km (40 mpg) on a mixed route.", "9.4 litres per 100 km (25 mpg)"),
    ("When full, the reservoir holds 3.9 billion cubic metres (3.9 million acre-feet).",
     "3.9 billion cubic metres (3.2 million acre-feet)"),
    ("The pack stores 100 kWh (36 MJ) of energy.", "100 kWh (360 MJ)"),
    ("Tyres should be kept at 32 psi (22 bar).", "32 psi (2.2 bar)"),
])
def test_wrong_pairs_in_the_new_units_are_flagged(text, suggestion):
    (finding,) = unit_findings(text)
    assert finding.suggestion == suggestion
