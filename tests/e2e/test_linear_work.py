"""Work grows linearly with the text on the shapes that used to be quadratic: no timing, a count.

Every Python call and every call into C (each regex search or match among them) made while one
document is linted is counted; doubling the document may at most about double the count. A
comparison of every pair with every other, a Python loop over all of a paragraph's figures for
each figure, or a rate window rebuilt from the whole table per pair would show as a ratio near 4.
(A single regex call that scans further as the text grows is one call: the chars/s ratios of
`bench/run.py` watch that.)
"""

from __future__ import annotations

import sys

import pytest

from checker.documents import load_text
from checker.engine.packs import load_rules
from checker.pipeline import LintOptions, lint_document

PAIR = "600 billion yuan ($8.5 billion), 700 billion yuan ($96 billion); "
WIRE = ("The company said net profit rose 12 pct to 45.6 mln dlrs in 1986, or 1.23 dlrs a share, from "
        "40.7 mln dlrs. Revenue was 1.2 billion dlrs, up from 1.1 billion dlrs, and it paid 15 cts a share. ")


def calls(text: str) -> int:
    import datetime as dt

    rules = load_rules([])
    options = LintOptions(date=dt.date(2025, 4, 15))
    documents = list(load_text(text, name="shape.txt"))
    for document in documents:  # once unmeasured: first-use loading (rates, vocab) is not the document's work
        lint_document(document, rules, options)
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        for document in documents:
            lint_document(document, rules, options)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("shape", [
    pytest.param(lambda n: (PAIR * 20 + "\n\n") * (n // 20), id="dense pairs in paragraphs"),
    pytest.param(lambda n: PAIR * n, id="dense pairs on one line"),
    pytest.param(lambda n: WIRE * (n // 2), id="wire copy as one paragraph"),
    pytest.param(lambda n: " ".join((WIRE * (n // 2)).split()), id="wire copy on one line"),
])
def test_doubling_the_text_at_most_doubles_the_work(shape):
    small, large = calls(shape(80)), calls(shape(160))
    assert large <= 2.2 * small, f"{large} calls for twice the text of {small}: grows faster than linear"
