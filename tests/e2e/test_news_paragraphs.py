"""Realistic paragraphs from many desks, judged as the held-out evaluation judges them: a paragraph
is flagged when it draws a warning or an error. Correct copy must stay silent and copy with a slip
must be flagged, with the date known and without it."""

from pathlib import Path

import pytest

from checker.api import lint_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "news"


def paragraphs(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def flagged(paragraph, date):
    return [f for f in lint_text(paragraph, date=date) if f.severity in ("warning", "error")]


@pytest.mark.parametrize("date", ["2024-04-15", None])
@pytest.mark.parametrize("paragraph", paragraphs("clean.txt"))
def test_correct_copy_is_not_flagged(paragraph, date):
    assert flagged(paragraph, date) == []


# Undated copy may be decades old: a tenfold gap in a pair that has moved more than twofold within the
# rates table may be drift, not a slip (the rupee was 8.3 to the dollar in 1975), so it is only info,
# telling the editor to give the document a date. Dated, each is flagged like every other slip.
UNDATED_INFO = {
    "Reliance will invest Rs 12,000 crore ($14.4 billion) in the new plant.": "rupee: 39-95 per dollar in the table",
    "Sony will spend 150 billion yen ($10 billion) on the new sensor plant.": "yen: 76-162 per dollar in the table",
}


@pytest.mark.parametrize("date", ["2024-04-15", None])
@pytest.mark.parametrize("paragraph", paragraphs("slips.txt"))
def test_copy_with_a_slip_is_flagged(paragraph, date):
    if date is None and paragraph in UNDATED_INFO:
        findings = [f for f in lint_text(paragraph) if f.rule == "currency-conversion"]
        assert [f.severity for f in findings] == ["info"] and "give it a date" in findings[0].message
        return
    assert flagged(paragraph, date), paragraph


def test_the_undated_exceptions_are_slips_of_the_file():
    assert set(UNDATED_INFO) <= set(paragraphs("slips.txt"))
