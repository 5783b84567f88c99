"""A currency notation is one vocabulary entry: "P30 billion" for Philippine pesos (currencies.yaml,
PHP's `context_symbols`), read only where the text is a Philippine story."""

from __future__ import annotations

import datetime as dt

from checker.api import lint_text
from checker.resolve import extract_resolved


def _money(text):
    return [(q.text, q.value, q.currency) for q in extract_resolved(text) if q.kind == "money"]


def test_p_prefix_is_the_peso_in_a_philippine_story():
    text = "The Philippine government will spend P30 billion on flood control, the budget office in Manila said."
    assert _money(text) == [("P30 billion", 30e9, "PHP")]


def test_p_prefix_with_a_peso_cue_and_a_range():
    assert _money("Rice subsidies cost P1.5-2 billion, or about 2 billion pesos a year.")[0] == ("P1.5-2 billion", 1.5e9, "PHP")


def test_p_is_no_currency_elsewhere():
    assert _money("The Huawei P30 sold 10 million units; page P30 of the report has the chart.") == []
    assert _money("Take Route P30 for 5 miles.") == []


def test_a_p_prefixed_conversion_is_checked():
    good = "In Manila, the agency set aside P56 billion ($1 billion) for the program."
    bad = "In Manila, the agency set aside P56 billion ($10 billion) for the program."
    assert lint_text(good, date="2024-06-14") == []
    [finding] = lint_text(bad, date="2024-06-14")
    assert finding.rule == "currency-conversion" and "PHP" in finding.message


def test_the_p_of_s_and_p_is_no_peso():
    assert _money("In Manila, the peso rose while the S&P 500 fell.") == []
