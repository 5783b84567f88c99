"""A rate the text seems to state is a rate only if it is worded as one and could be the pair's rate: a
commodity's price per pound of weight is not sterling's rate, nor a figure far outside every rate the
table holds for the pair. Real 1987 Reuters copy (reuters21578) and variants."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from checker.extract import extract_with_unparsed
from checker.kinds.stated import stated_rates


def rates(text: str) -> list[tuple[str, str, float]]:
    quantities, _ = extract_with_unparsed(text)
    return [(r.base, r.quote, round(r.rate, 4)) for r in stated_rates(text, quantities)]


@pytest.mark.parametrize("text", [
    # reut2-004, reut2-010: Chicago cattle and sugar futures
    "April delivery cattle on the Chicago Mercantile Exchange closed at 64.45 cents a pound, up 0.83 cent.",
    "Sugar traded at 7.60 cents per pound.",
    "Arabica coffee was quoted at five cts per pound above the previous close.",
    "Starbucks said it was paying an average of $2.762 per pound for its beans.",
])
def test_a_price_per_pound_of_weight_is_not_a_rate(text):
    assert rates(text) == []


@pytest.mark.parametrize("text, rate", [
    ("Sterling closed at 1.55 dlrs to the pound.", ("GBP", "USD", 1.55)),
    ("The pound was quoted at 1.27 dollars against the pound sterling.", ("GBP", "USD", 1.27)),
    ("The deal was worth 10 billion yuan ($1.39 billion), at 7.2 yuan to the dollar.", ("USD", "CNY", 7.2)),
    ("The lira was fixed at 1,339 Italian lire to the dollar.", ("USD", "ITL", 1339.0)),
])
def test_an_exchange_rate_is_still_read(text, rate):
    assert rate in rates(text)


@pytest.mark.parametrize("text", [
    # reut2-004: "64.45 cents a pound" (a commodity) was read as 1.552 pounds to the dollar
    "Channon said there had been substantial growth in the volume of trade between Japan and Britain, amounting "
    "to 6.2 billion sterling (9.8 billion dlrs) last year. April delivery cattle on the Chicago Mercantile "
    "Exchange closed at 64.45 cents a pound, up 0.83 cent.",
    "Japan sold Britain 3.7 billion sterling (5.8 billion dlrs) more than it bought, while copper held at 70 cts a "
    "pound.",
])
def test_a_pair_is_not_held_to_a_commodity_price(text):
    for date in (None, "2008-11-20"):
        assert [f for f in lint_text(text, date=date) if f.severity != "info"] == []


@pytest.mark.parametrize("text", [
    # 720 yuan to the dollar is a hundred times any rate the table holds for the pair (6.1-8.3): no rate of
    # the yuan, so the pair is checked at the market, where it is right, not against a figure it cannot be
    "It paid 10 billion yuan ($1.39 billion), at 720 yuan to the dollar.",
    "该公司斥资100亿元人民币（约合14亿美元）收购该业务，按1美元兑720元人民币计算。",
])
def test_a_stated_rate_far_outside_every_rate_of_its_pair_does_not_govern(text):
    assert [f for f in lint_text(text) if f.rule == "currency-conversion"] == []


def test_a_plausible_stated_rate_still_governs():
    text = "The deal was worth 10 billion yuan ($139 million), at 7.2 yuan to the dollar."
    (finding,) = [f for f in lint_text(text) if f.rule == "currency-conversion"]
    assert finding.severity == "error" and "the rate the text states" in finding.message
