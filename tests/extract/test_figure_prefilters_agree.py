"""The per-figure shortcuts of the amount grammar skip only searches that would fail.

Before a hedge, "from"/"between" or a minus is searched for in the window before a figure, a
character test rules the window out (most figures follow a bracket, a sign or a comma). Each
shortcut must say "maybe" wherever the full search finds something, and a figure's or a word
run's cached reading must be the reading itself.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import amounts, numerals, wordnum

PIECES = ["about", "more than", "nearly", "some", "approx.", "approx", "up to", "from", "between", "FROM",
          "Between", "minus", "negative", "-", "−", " ", "  ", "\u00a0", "\u2009", "\n", "(", "; ", ", ", "a",
          "was", "by", "over", "ABOUT", "$", "5", "1.5", "ſome", "\u212aelvin", "É"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_word_then_space_shortcut_never_skips_a_match(pieces):
    text = "".join(pieces) + "5"
    for start in range(len(text) + 1):
        hedge_low, opener_low = max(0, start - 30), max(0, start - 10)
        if amounts.HEDGE_BEFORE.search(text, hedge_low, start) is not None:
            assert amounts._word_then_space_before(text, start, hedge_low, amounts._HEDGE_LAST), (text, start)
        if amounts.RANGE_OPENER_BEFORE.search(text, opener_low, start) is not None:
            assert amounts._word_then_space_before(text, start, opener_low, amounts._A_LETTER), (text, start)
        if amounts.MINUS_BEFORE.search(text, max(0, start - 10), start) is not None:
            assert start and (text[start - 1] in "-−" or text[start - 1].isspace()), (text, start)


def test_hedges_are_still_read_before_figures():
    reader = amounts.AmountReader
    for text, hedge in [("about 5 dlrs", "about"), ("more than  $5", "more than"), ("approx. 5 pct", "approx."),
                        ("(5 dlrs", None), ("ABOUT\u00a05 mln", "about")]:
        found = reader(text, numerals.find_numerals(text), [], None).read()
        assert found and found[0].hedge == hedge, (text, found)


@settings(max_examples=100)
@given(st.lists(st.sampled_from(["1", "12", "1.5", "1,250", "1 250", "1\u00a0250", "3/4", "2 1/4", "2.5^-1", "1e6",
                                 "0.050", "007", "1986/87", ".25", " ", "x"]), min_size=1, max_size=4))
def test_a_cached_figure_reads_as_a_fresh_one(pieces):
    text = " ".join(pieces)
    first = numerals.find_numerals(text)
    numerals._digit_reading.cache_clear()
    assert numerals.find_numerals(text) == first
    assert [(n.start, n.end) for n in first] == sorted((n.start, n.end) for n in first)


def test_a_word_run_is_read_once_and_shared_unchanged():
    first = wordnum.read_words("two hundred and five")
    assert wordnum.read_words("two hundred and five") is first
    assert [(w.start, w.end, w.value) for w in first] == [(0, 20, 205.0)]
