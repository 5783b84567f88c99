"""Physical quantities: annotated news phrasing (tests/data/extract/units_cases.jsonl), the
misreadings quantulum3 is known for, and the pint names later conversion checks rely on."""

import json
from pathlib import Path

import pytest

from checker.extract.units import find_physical, get_ureg

CASES = [json.loads(line) for line in (Path(__file__).parents[1] / "data/extract/units_cases.jsonl").open(encoding="utf-8")]


@pytest.mark.parametrize("case", CASES, ids=[c["input"][:40] for c in CASES])
def test_annotated_case(case):
    found = find_physical(case["input"])
    assert [(q.text, q.start, q.end, q.unit) for q in found] == [
        (e["text"], e["start"], e["end"], e["unit"]) for e in case["expected"]
    ]
    for quantity, expected in zip(found, case["expected"]):
        assert quantity.kind == "physical" and quantity.currency is None
        assert quantity.value == pytest.approx(expected["value"], rel=1e-9)


def test_every_reported_unit_is_a_pint_unit():
    ureg = get_ureg()
    for case in CASES:
        for quantity in find_physical(case["input"]):
            ureg.Unit(quantity.unit)  # raises if pint does not know the name


def test_temperatures_convert_through_pint_as_offset_units():
    ureg = get_ureg()
    celsius, fahrenheit = find_physical("Temperatures reached 30C (86F) in Madrid.")
    converted = ureg.Quantity(celsius.value, ureg.Unit(celsius.unit)).to(ureg.Unit(fahrenheit.unit))
    assert converted.magnitude == pytest.approx(fahrenheit.value)


def test_per_time_is_kept_apart_from_the_unit():
    (daily,) = find_physical("Output rose to 28.5 mln bpd.")
    (yearly,) = find_physical("It produces 34,500 metric tons a year.")
    assert (daily.unit, daily.per, daily.scale) == ("oil_barrel", "day", "mln")
    assert (yearly.unit, yearly.per, yearly.text) == ("metric_ton", "year", "34,500 metric tons a year")


@pytest.mark.parametrize(
    "text, hedge, sig_digits",
    [("about 17 km away", "about", 2), ("more than 12,000 hectares", "more than", 2), ("7.620 mm", None, 4)],
)
def test_hedge_and_precision(text, hedge, sig_digits):
    (quantity,) = find_physical(text)
    assert (quantity.hedge, quantity.sig_digits) == (hedge, sig_digits)


def test_get_ureg_is_shared():
    assert get_ureg() is get_ureg()


def test_minus_in_words_makes_a_temperature_negative():
    from checker.extract import extract

    [celsius, fahrenheit] = extract("Temperatures dropped to minus 10 degrees Celsius (14 degrees Fahrenheit).")
    assert celsius.text == "minus 10 degrees Celsius" and celsius.value == -10
    assert fahrenheit.value == 14
