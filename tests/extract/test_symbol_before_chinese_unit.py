"""A currency symbol before a figure with a Chinese big unit ("$8.5亿", "US$84億", "HK$1.2万亿"),
as Hong Kong, Taiwan and mainland copy writes dollars: the unit scales the amount, so the pair
is checked at 8.5e8 dollars and not read as $8.5 (which made a correct pair look 1,000 times off)."""

import pytest

from checker import lint_text
from checker.extract import extract


@pytest.mark.parametrize("text, written, value, currency", [
    ("有关部门安排600亿元（约合$8.5亿）专项资金。", "$8.5亿", 8.5e8, "USD"),
    ("另有600亿元（约合US$84亿）。", "US$84亿", 8.4e9, "USD"),
    ("港府拨款HK$1.2万亿用于基建。", "HK$1.2万亿", 1.2e12, "HKD"),
    ("台積電投資US$ 120億擴產。", "US$ 120億", 1.2e10, "USD"),
    ("A fee of $8.5 and then some.", "$8.5", 8.5, "USD"),
    ("It paid $8.5 billion.", "$8.5 billion", 8.5e9, "USD"),
])
def test_the_chinese_unit_scales_the_symbol_amount(text, written, value, currency):
    (money,) = [q for q in extract(text) if q.kind == "money" and "$" in q.text]
    assert (money.text, money.currency) == (written, currency)
    assert money.value == pytest.approx(value)


def test_a_right_pair_in_symbol_notation_is_silent_and_a_slip_is_caught():
    right = "另有600亿元（约合US$84亿）。"
    wrong = "有关部门安排600亿元（约合$8.5亿）专项资金。"
    assert [f for f in lint_text(right, date="2024-05-01") if f.severity in ("error", "warning")] == []
    (finding,) = [f for f in lint_text(wrong, date="2024-05-01") if f.rule == "currency-conversion"]
    assert finding.severity == "error" and finding.suggestion.startswith("60亿元（约合$8.5亿）")
