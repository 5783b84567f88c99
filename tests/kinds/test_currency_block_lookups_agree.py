"""The conversion check's per-block lookups answer as the per-pair scans they replace.

A pair's sentence is cut from breaks found once per block (bisection, not a scan of the 400
characters either side), its line's start from the block's newlines (not a search back to it),
and its timeline entry read in place (not from a copy of the rest of the block). Each must give
exactly what the plain scan gives, at every position, edges of the reach included.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.kinds import currency_conversion as cc
from checker.kinds.stated import opens_timeline_entry, timeline_month, timeline_month_at
from checker.model import Quantity

PIECES = ["600 billion yuan ($8.5 billion)", ", ", "; ", ". ", ".5", "!", "? ", "。", "！", "？", "\n", "\n\n", " ",
          "In June 2008", "2008 — ", "August 8 - ", "March 2009: ", "* 2011: ", "x" * 37, "1.2", "e.g. it", "\t",
          ".\u00a0", ".\u2028"]


def _plain_sentence(text: str, start: int, end: int) -> str:
    """The scan `_sentence_around` replaced: the breaks within the reach either side."""
    reach_back = max(0, start - cc.SENTENCE_REACH)
    breaks = [m.end() for m in cc._SENTENCE_BREAK.finditer(text, reach_back, start)]
    reach = min(len(text), end + cc.SENTENCE_REACH)
    after = cc._SENTENCE_BREAK.search(text, end, reach)
    return text[breaks[-1] if breaks else reach_back : after.start() if after else reach]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.data())
def test_a_pairs_sentence_line_and_timeline_entry_are_what_the_scans_find(pieces, data):
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    cc._sentence_around.cache_clear()
    assert cc._sentence_around(text, start, end) == _plain_sentence(text, start, end)
    quantity = Quantity(text[start:end], start, end, 1.0, "money")
    line_start = text.rfind("\n", 0, start) + 1
    assert cc._line_start(text, quantity) == line_start
    for date in (None, dt.date(2015, 6, 30)):
        assert timeline_month_at(text, line_start, date) == timeline_month(text[line_start:], date)
    assert opens_timeline_entry(text, line_start) == opens_timeline_entry(text[line_start:])


def test_a_break_straddling_the_reach_is_not_the_sentences_edge():
    # The ". " ending exactly one character past the reach back is outside it, as in the scan.
    text = "a. " + "x" * cc.SENTENCE_REACH + "600 yuan ($85)" + " y" * 300 + ". z"
    start = text.index("600")
    end = start + len("600 yuan ($85)")
    for shift in range(-3, 4):
        cc._sentence_around.cache_clear()
        assert cc._sentence_around(text, start + shift, end) == _plain_sentence(text, start + shift, end)


PLAIN_YEAR = re.compile(r"(?<![\d.])(?:19[89]\d|20\d\d)(?:(?=年)|\b)")
YEAR_PIECES = ["1", "2", "19", "20", "198", "2015", "1999", "2100", ".", "5.", "年", "a", "_", " ", "\n", "é", "٣",
               "中", "-", "20.5", "x2019"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(YEAR_PIECES), max_size=12))
def test_the_years_a_sentence_names_are_what_the_plain_pattern_finds(pieces):
    text = "".join(pieces)
    assert cc._years_named(text) == PLAIN_YEAR.findall(text)
    assert cc._names_a_year(text) == bool(PLAIN_YEAR.search(text))
