"""Amounts whose shape a claim depends on: a fraction before "to" starts no range, feet and inches are one height,
a model number is no figure."""

from checker.extract import extract


def texts(text):
    return [(q.text, q.value) for q in extract(text)]


def test_a_fraction_before_to_is_a_change_not_a_range():
    assert texts("Profit rose by a quarter to 150 billion yen.") == [("150 billion yen", 150e9)]
    assert texts("Operating profit grew by nearly a fifth to 2.13 billion euros.") == [("2.13 billion euros", 2.13e9)]


def test_feet_and_inches_are_one_height():
    ((text, value),) = texts("The centre stands 6 ft 10 in tall.")
    assert text == "6 ft 10 in" and abs(value - (6 + 10 / 12)) < 1e-9
    assert texts("She is 5 feet 11 inches tall.")[0][0] == "5 feet 11 inches"


def test_model_numbers_are_not_figures():
    assert texts("BMW sold 5,000 5-Series cars and the airline flies 747s and A380 jets.") == [("5,000", 5000.0)]
