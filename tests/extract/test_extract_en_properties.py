"""Properties of English extraction that must hold for any input (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from checker.extract import extract, extract_with_unparsed
from tests.extraction_helpers import assert_exact_sorted_disjoint

_PROSE = st.text(alphabet=st.sampled_from(list("0123456789 ,.-$€£¥%()/:abcmnotkBMilyuanrsdollar\n")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _PROSE))
def test_spans_lie_inside_the_input_and_match_it(text):
    quantities, unparsed = extract_with_unparsed(text)
    assert_exact_sorted_disjoint(text, quantities)
    assert all(math.isfinite(q.value) or q.kind == "number" for q in quantities)
    for u in unparsed:
        assert text[u.start:u.end] == u.text


_SCALES = [("", 1), (" million", 1e6), (" billion", 1e9), ("bn", 1e9), ("m", 1e6), (" trillion", 1e12)]
_SIGNS = [("$", "USD"), ("US$", "USD"), ("€", "EUR"), ("£", "GBP"), ("HK$", "HKD"), ("USD ", "USD"), ("RMB", "CNY")]


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=1, max_value=999, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(_SCALES),
    st.sampled_from(_SIGNS),
    st.booleans(),
)
def test_a_formatted_amount_reads_back_to_its_value(amount, scale, sign, grouped):
    number = f"{amount:,}" if grouped else f"{amount}"
    text = f"The company said it would pay {sign[0]}{number}{scale[0]} for the stake."
    (q,) = extract(text)
    assert q.currency == sign[1]
    assert math.isclose(q.value, float(amount) * scale[1], rel_tol=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["yuan", "euros", "dollars", "yen"]))
def test_a_number_in_words_reads_back(number, currency):
    words = num2words(number)  # "one thousand, two hundred and thirty-four"
    text = f"They spent {words.replace(',', '')} {currency} on it."
    quantities = [q for q in extract(text) if q.kind == "money"]
    assert len(quantities) == 1 and quantities[0].value == number


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1800, max_value=2100))
def test_a_year_is_never_an_amount(year):
    assert extract(f"Since {year} the fund has raised money.") == []
