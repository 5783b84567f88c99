"""unit-conversion on real newsroom phrasing: fair roundings pass, wrong conversions are flagged with a fix."""

import pytest

from checker.api import lint_text
from checker.kinds.unit_math import convert


def unit_findings(text):
    return [f for f in lint_text(text) if f.rule == "unit-conversion"]


@pytest.mark.parametrize("text", [
    "The trail runs 10 miles (16 km) through the forest.",
    "Temperatures hit 30C (86F) on Tuesday.",
    "Temperatures reached 104 degrees Fahrenheit (40 degrees Celsius).",
    "The fire burned 5,000 acres (2,000 hectares) of forest.",
    "He weighs 200 pounds (91 kg).",
    "He weighed 91 kg (200 pounds) at the weigh-in.",
    "Plans show a 1,000-foot (305-metre) tower.",
    "He is 6 feet (1.8 metres) tall.",
    "He is 6 feet (2 metres) tall.",
    "Winds of 150 km/h (93 mph) battered the coast.",
    "Warming must be held to 1.5C (2.7F) above pre-industrial levels.",
    "It covers 500 square miles (1,300 sq km).",
    "The plant uses 2 million gallons (7.6 million litres) a day.",
    "Output of 10 million tonnes (11 million tons) a year.",
    "It was 5 miles, or about 8 km, away.",
    "The tumour measured 2.3cm x 2.3cm.",
    "It paid 200 pounds ($250) for the ticket.",
    "The 100-metre sprint (9.58 seconds) record still stands.",
])
def test_fair_conversions_and_non_pairs_pass(text):
    assert unit_findings(text) == []


@pytest.mark.parametrize("text, suggestion", [
    ("The trail runs 10 miles (6 km) through the forest.", "10 miles (16 km)"),
    ("The ship is 300 metres (98 feet) long.", "300 metres (980 feet)"),
    ("Temperatures hit 30C (96F) on Tuesday.", "30C (86F)"),
    ("The fire burned 5,000 acres (20,000 hectares) of forest.", "5,000 acres (2,000 hectares)"),
    ("He weighed 91 kg (100 pounds) at the weigh-in.", "91 kg (200 pounds)"),
    ("It was 5 miles, or 3 km, away.", "5 miles, or 8 km"),
])
def test_wrong_conversions_are_flagged_with_the_fix(text, suggestion):
    (finding,) = unit_findings(text)
    assert finding.severity == "error"
    assert finding.suggestion == suggestion
    assert finding.evidence["expected"]


def test_the_finding_spans_both_figures():
    text = "The lookout tower, 100 feet (3 metres) tall, was closed."
    (finding,) = unit_findings(text)
    assert (finding.column, finding.end_column) == (text.index("100") + 1, text.index(")") + 1)


def test_temperatures_convert_as_readings_and_as_differences():
    reading, difference = convert(1.5, "degree_Celsius", "degree_Fahrenheit")
    assert reading == pytest.approx(34.7)
    assert difference == pytest.approx(2.7)
    assert convert(1, "meter", "second") == []
