"""unit-conversion reads how precisely each figure was printed: either one may be the original, the
other rounded from it, so a one-digit figure, a fraction or a spelled-out number widens the tolerance
by its own rounding; a close miss is a warning, a wrong figure an error."""

import pytest

from checker.api import lint_text
from checker.extract import extract
from checker.kinds.unit_precision import printed_rounding


def unit_findings(text):
    return [f for f in lint_text(text) if f.rule == "unit-conversion"]


def quantity(text):
    (first, *_) = [q for q in extract(text) if q.kind == "physical"]
    return first


@pytest.mark.parametrize("text, half", [
    ("It is 2 grams.", 0.25),            # 1.5 to 2.5
    ("It is 225 km.", 0.5 / 225),
    ("It is 1.50 metres.", 0.005 / 1.5),
    ("It is 6/100 ounces.", 0.005 / 0.06),
    ("It is three metres.", 0.5 / 3),    # a spelled-out three: a whole metre
    ("It is two hundred miles.", 0.25),  # 150 to 250
    ("It is 600 miles.", None),          # round, or exact? the caller keeps its capped reading
    ("It is 1,000 feet.", None),
])
def test_the_rounding_a_figure_was_printed_with(text, half):
    rounding = printed_rounding(quantity(text))
    assert rounding == (None if half is None else pytest.approx(half))


@pytest.mark.parametrize("text", [
    # the converted figure is the original: 0.06 oz is 1.7 g, which is 2 g to the gram
    "The ore holds about 2 grams, or 6/100 ounces, of gold per tonne.",
    "The ore holds 2 grams, or 6/100 ounces, of gold per tonne.",
    "Each coin weighs 3 grams (1/10 ounce).",
    # spelled-out small numbers are whole units: nine feet is 2.7 m, three metres to the metre
    "The blast left a hole three meters (nine feet) across.",
    "The wall stands four metres (12 feet) high.",
    "A fence two meters (seven feet) tall ringed the site.",
    "The pit was half a metre (1.5 feet) deep.",
    # one-digit figures: 8 km is 5 miles, 5 miles is 8 km
    "The road runs 8 km (5 miles) to the border.",
])
def test_a_conversion_within_either_figures_rounding_passes(text):
    assert unit_findings(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The blast left a hole three meters (fifteen feet) across.", "9.8 feet"),
    ("The ore holds 2 grams, or 2/10 ounces, of gold per tonne.", "about 0.0705 ounces, not 2/10 ounces"),
    ("The road runs 8 km (9 miles) to the border.", "5 miles"),
])
def test_a_conversion_outside_both_roundings_is_an_error(text, expected):
    (finding,) = unit_findings(text)
    assert finding.severity == "error"
    assert expected in finding.message


@pytest.mark.parametrize("text", [
    "The train was derailed 225 km (135 miles) east of Lima.",
    "The pipeline will run 560 km (330 miles) across the plain.",
])
def test_a_close_miss_is_a_warning(text):
    (finding,) = unit_findings(text)
    assert finding.severity == "warning"
    assert "too small" in finding.message or "too large" in finding.message


def test_a_close_miss_stays_below_a_rule_set_to_warning_or_info():
    rules = """
rules:
  - id: unit-conversion
    kind: unit-conversion
    severity: info
"""
    import tempfile, pathlib

    with tempfile.TemporaryDirectory() as folder:
        pack = pathlib.Path(folder, "pack.yaml")
        pack.write_text(rules)
        (finding,) = [f for f in lint_text("It lies 225 km (135 miles) east of Lima.", rules=[pack])
                      if f.rule == "unit-conversion"]
    assert finding.severity == "info"
