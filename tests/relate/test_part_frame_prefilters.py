"""The part-of-whole reader skips a frame's tests only in a block that lacks the frame's words.

`parts._Frames` scans a block once for each frame's words; a frame it rules out must be one whose
test matches no window of the block, so the parts read are the same as testing every figure.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.relate import parts

PIECES = ["Of", "of", "OUT OF", "the", "15", "$5 billion", "-seat", "-member", "comprises", "is made up of",
          "split between", ":", " ", ", ", "including", "includes", "totalling", "a total of", "in all",
          "in  total", "altogether", "and", "judges", "\n", "Democrats"]


@settings(max_examples=100)
@given(st.lists(st.sampled_from(PIECES), max_size=10))
def test_a_frame_ruled_out_never_matches_a_window(pieces):
    text = " ".join(pieces)
    frames = parts._Frames(text)
    for lo in range(len(text) + 1):
        for hi in (lo, min(len(text), lo + 30), min(len(text), lo + 40), min(len(text), lo + 80), min(len(text), lo + 90), len(text)):
            window = text[lo:hi]
            assert frames.of or not parts._OF_WHOLE.search(window), window
            assert frames.seats or not parts._SEATS.match(window), window
            assert frames.split or not parts._SPLIT_ANYWHERE.search(window), window
            assert frames.colon or not parts._COLON_AFTER.match(window), window
            assert frames.includes or not parts._INCLUDES_AFTER.match(window), window
            assert frames.total or not parts._TOTAL_BEFORE.search(window), window
            assert frames.in_all or not parts._IN_ALL_AFTER.match(window), window


def test_parts_are_still_read_in_each_frame():
    from checker.extract import extract
    from checker.relate import relate

    for text in ["Of the 15 judges, eight voted for, five against and two abstained.",
                 "The $10 billion package comprises $6 billion of loans and $4 billion of grants.",
                 "They spent $3 million, $4 million and $5 million, totalling $12 million."]:
        found = [r for r in relate(text, extract(text)) if r.kind == "parts"]
        assert len(found) == 1, text


SHARE_PIECES = ["of", "OF", "Out", "out", "the", "1,030", "2,300", "nurses", ", or", "55%", "(", " ", "about",
                "rate", "Of", "off", "o", "f", "\n"]


@settings(max_examples=100)
@given(st.lists(st.sampled_from(SHARE_PIECES), max_size=10))
def test_a_block_without_of_has_no_share_frame(pieces):
    from checker.relate import shares

    text = " ".join(pieces)
    if "of" in text.lower():
        return
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            window = text[lo:hi]
            assert not shares._OF.match(window) and not shares._OF_FIRST.search(window), window


def test_shares_are_still_read():
    from checker.extract import extract
    from checker.relate import relate

    text = "Of the 2,300 nurses, 1,030, or 45%, voted to strike."
    found = [r for r in relate(text, extract(text)) if r.kind == "share"]
    assert found and found[0].stated.value == 45
    text = "The Big Fund has raised 700 billion yuan so far."
    assert [r.subject for r in relate(text, extract(text)) if r.kind == "subject"] == ["big fund"]
