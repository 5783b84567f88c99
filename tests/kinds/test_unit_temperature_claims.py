"""English temperature pairs: the words say reading or difference, and the check holds the pair to it.

A pair that fits only the other reading is a slip ("reached 39C (70F)": 39 x 1.8 = 70, the offset
dropped; "warmed by 0.6C (33F)": the change converted as a level). Where the words say neither,
or both, either conversion passes, as before.
"""

import pytest

from checker.api import lint_text
from checker.extract import extract
from checker.relate import relate


def unit_findings(text):
    return [f for f in lint_text(text) if f.rule == "unit-conversion"]


def claim(text):
    (pair,) = [r for r in relate(text, extract(text)) if r.kind == "conversion"]
    return pair.temperature


@pytest.mark.parametrize("text, expected", [
    ("Temperatures in Madrid reached 41C (106F) on Sunday.", "reading"),
    ("Forecasters see highs of 35C (95F) on Friday.", "reading"),
    ("The mercury fell to 20 degrees Fahrenheit (minus 7 degrees Celsius) overnight.", "reading"),
    ("People sweltered in 40C (104F) heat across the south.", "reading"),
    ("Road crews expect minus 12C (10F) on the pass.", "reading"),
    ("The vaccine must be stored at minus 70C (minus 94F).", "reading"),
    ("The lake has warmed by about 1.5 degrees Celsius (2.7 degrees Fahrenheit) since 1980.", "difference"),
    ("Night temperatures rose 3C (5.4F) in a decade.", "difference"),
    ("They forecast a rise of 2 degrees Celsius (3.6 Fahrenheit) by 2100.", "difference"),
    ("The afternoon was 10 degrees Fahrenheit (5.6 degrees Celsius) warmer than average.", "difference"),
    ("Leaders pledged to limit global warming to 1.5C (2.7F).", "difference"),
    ("The deep ocean is heating up at 0.1C (0.18F) a decade.", "difference"),
    ("The gauge was up 2C (3.6F) on the week.", "difference"),
])
def test_the_words_around_a_pair_say_reading_or_difference(text, expected):
    assert claim(text) == expected


@pytest.mark.parametrize("text", [
    "Global warming has already reached 1.2C (2.2F), the agency said.",  # a level of a difference
    "Leaders agreed to keep warming well below 2C (3.6F).",  # "below", but of warming
    "Scientists expect 3C (5.4F) by the end of the century.",  # expected what: silent
    "The weather is warming up, with 30C (86F) likely on Friday.",
    "Arctic temperatures were as much as 20C (36F) above normal.",  # a level and a difference at once
    "Its boiling point there is 100C (212F).",
])
def test_words_that_say_neither_or_both_leave_the_claim_open(text):
    assert claim(text) is None


@pytest.mark.parametrize("text", [
    "Temperatures in Madrid reached 41C (106F) on Sunday.",
    "The lake has warmed by about 1.5 degrees Celsius (2.7 degrees Fahrenheit) since 1980.",
    "Global warming has already reached 1.2C (2.2F), the agency said.",
    "Leaders agreed to keep warming well below 2C (3.6F).",
    "Leaders pledged to limit global warming to 1.5C (2.7F) above pre-industrial levels.",
    "Arctic temperatures were as much as 20C (36F) above normal.",
    "It was 5C (41F) above freezing at noon.",
    "The vaccine must be stored at minus 70C (minus 94F).",
    "Temperatures fell to minus 40 degrees Celsius (minus 40 Fahrenheit).",
    "Scientists expect 3C (5.4F) by the end of the century.",
    "The deep ocean is heating up at 0.1C (0.18F) a decade.",
])
def test_fair_temperature_pairs_pass(text):
    assert unit_findings(text) == []


@pytest.mark.parametrize("text, suggestion", [
    ("Temperatures in the south hit 39C (70F) on Tuesday.", "39C (102F)"),
    ("The reef has warmed by 0.8C (33F) since 1990.", "0.8C (1.4F)"),
    ("Night temperatures rose 2C (35.6F) in a decade.", "2C (3.6F)"),
    ("Road crews expect minus 5C (minus 9F) on the pass.", "minus 5C (23F)"),
    ("The afternoon was 10 degrees Fahrenheit (minus 12 degrees Celsius) warmer than average.",
     "10 degrees Fahrenheit (5.6 degrees Celsius)"),
])
def test_a_pair_converted_the_other_way_is_flagged(text, suggestion):
    (finding,) = unit_findings(text)
    assert finding.suggestion == suggestion
