"""The shortcuts in relate and the conversion check answer as the plain patterns do.

`_SPLIT_ANYWHERE` and `_TOTAL_BEFORE` are only asked whether they match, so they are a trie behind a
first-letter lookahead; `subject_figure` gives up at once when the text before a figure cannot end in
a verb; `stated_months` skips a sentence with no year. None may change an answer.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import extract
from checker.kinds.stated import _MONTH_YEAR, stated_months
from checker.relate import parts, subjects
from checker.relate.claim_words import EXHAUSTIVE_SPLITS, TOTAL_AFTER

PLAIN_SPLIT = re.compile(rf"(?:{parts._words(EXHAUSTIVE_SPLITS)})\b", re.IGNORECASE)
PLAIN_TOTAL = re.compile(rf"(?:,|—|–|\band\b)?\s*(?:{parts._words(TOTAL_AFTER)}|bringing\s+the\s+total\s+to)\s+(?:of\s+)?\Z",
                         re.IGNORECASE)
PIECES = [*EXHAUSTIVE_SPLITS, *TOTAL_AFTER, "bringing the total to", "of", "and", ",", " ", "  ", "\n", "$5 million",
          "X", "comprisesx", "In all", "TOTALLING", "the fund", "Big Fund", "has raised", "raised", "is worth",
          "valued at", "about", "June", "June 2008", "March 3, 2009", "1990", "2015", "(", ";"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=8), st.sampled_from(["", " ", "  "]))
def test_whether_they_match_is_unchanged(pieces, glue):
    text = glue.join(pieces)
    assert bool(parts._SPLIT_ANYWHERE.search(text)) == bool(PLAIN_SPLIT.search(text))
    assert bool(parts._TOTAL_BEFORE.search(text)) == bool(PLAIN_TOTAL.search(text))
    assert stated_months(text) == _plain_months(text)


def _plain_months(sentence: str):
    import calendar
    import datetime as dt

    from checker.kinds.stated import _MONTHS

    months = set()
    for match in _MONTH_YEAR.finditer(sentence):
        year, month = int(match.group(2)), _MONTHS[match.group(1).lower()]
        months.add((dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])))
    return sorted(months, reverse=True)


@settings(max_examples=150)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
def test_subject_figure_is_unchanged(pieces):
    text = " ".join(pieces) + " 700 billion yuan, and Big Fund III has raised about $5 million."
    plain = _without_shortcut()
    for quantity in extract(text):
        if quantity.kind == "money":
            assert repr(subjects.subject_figure(text, quantity)) == repr(plain(text, quantity))


def _without_shortcut():
    import inspect

    source = inspect.getsource(subjects.subject_figure)
    shortcut = ("    if not before or not before[-1].isspace() or not any(tail in before for tail in _VERB_TAILS):\n"
                "        return None")
    assert shortcut in source
    namespace = dict(vars(subjects))
    exec(source.replace(shortcut, "    pass").replace("def subject_figure", "def plain_subject_figure"), namespace)
    return namespace["plain_subject_figure"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["winning by", "won by", "a lead of", "the gap narrowing to", "its margin of", "WON BY",
                                 "Lead", "by", "of", "to", "just", "votes", "the", "x", " "]), max_size=6))
def test_a_margin_always_holds_a_margin_word(pieces):
    from checker.relate import differences

    window = " ".join(pieces) + " "
    if differences._MARGIN.search(window):
        assert any(word in window.lower() for word in differences._MARGIN_WORDS)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["It rose 5% to $8.5 billion", ". ", "; ", ".\n\n", "U.S. ", "5.9 ", "Then ",
                                 "1,030 of the 2,300 nurses, or 45%", "! ", "(A", "x"]), max_size=12))
def test_sentence_groups_are_within_each_sentence(pieces):
    from checker.relate.clauses import sentence_quantities, sentences, within

    text = "".join(pieces)
    quantities = sorted(extract(text), key=lambda q: q.start)
    expected = [(lo, hi, within(quantities, lo, hi)) for lo, hi in sentences(text)]
    assert list(sentence_quantities(text, quantities)) == [group for group in expected if group[2]]
    assert sentence_quantities(text, quantities) is sentence_quantities(text, quantities)  # kept for the block's readers
