"""Letter symbols that are a currency only in their country's copy (R, P, N, K, KD) and the shared
names ("Rs") read from the dateline of an earlier paragraph of the same story, with that place as
the evidence in the finding (issue 12.2)."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from checker.extract import extract
from checker.resolve import resolve_block


def story(dateline: str, sentence: str) -> str:
    """A wire story whose dateline opens the first paragraph and whose pair is in the second."""
    return f"{dateline} (Reuters) - The results were due on Tuesday, the company said.\n\n{sentence}\n"


def flagged(text: str, date: str = "2024-05-03") -> list:
    return [f for f in lint_text(text, date=date) if f.rule == "currency-conversion" and f.severity != "info"]


# May 2024: about 18.5 rand, 57 pesos, 1,355 naira, 26.6 kwacha, 0.31 Kuwaiti dinars, 278 Pakistani rupees per dollar.
@pytest.mark.parametrize("dateline, clean, slipped, figure, cue", [
    ("JOHANNESBURG, May 3", "The utility will spend R10 billion ($540 million) on new lines.",
     "The utility will spend R10 billion ($5.4 billion) on new lines.", "R10 billion", "Johannesburg"),
    ("MANILA, May 3", "The firm will spend P10 billion ($175 million) on new plants.",
     "The firm will spend P10 billion ($1.75 billion) on new plants.", "P10 billion", "Manila"),
    ("LAGOS, May 3", "The state's N100 billion ($74 million) bond will fund the bridge.",
     "The state's N100 billion ($740 million) bond will fund the bridge.", "N100 billion", "Lagos"),
    ("LUSAKA, May 3", "The miner will spend K5 billion ($190 million) on roads.",
     "The miner will spend K5 billion ($1.9 billion) on roads.", "K5 billion", "Lusaka"),
    ("KARACHI, May 3", "The cement maker will invest Rs 58 billion ($208 million) in a new line.",
     "The cement maker will invest Rs 58 billion ($2.08 billion) in a new line.", "Rs 58 billion", "Karachi"),
])
def test_a_symbol_in_a_later_paragraph_is_read_from_the_stories_dateline(dateline, clean, slipped, figure, cue):
    assert flagged(story(dateline, clean)) == []
    (finding,) = flagged(story(dateline, slipped))
    assert finding.span.startswith(figure) and finding.evidence["currency_from"] == {figure: cue}


@pytest.mark.parametrize("dateline, sentence", [
    ("LONDON, May 3", "The firm will spend R10 billion ($5.4 billion) on new lines."),  # R is no currency here
    ("JOHANNESBURG, May 3", "Fans queued for N95 masks and a P30 Pro phone."),  # N and P are not rand's letters
    ("NEW YORK, May 3", "Droids such as R2-D2 sold for K5 each."),
])
def test_a_symbol_its_dateline_does_not_cue_stays_unread(dateline, sentence):
    text = story(dateline, sentence)
    assert flagged(text) == []
    second = text.split("\n\n")[1]
    place = dateline.split(",")[0].title()
    assert [q for q in resolve_block(second, extract(second), place) if q.kind == "money" and q.currency != "USD"] == []


def test_the_block_alone_reads_no_letter_symbol_and_the_place_settles_it():
    paragraph = "The utility will spend R10 billion ($540 million) on new lines."
    assert [q.text for q in resolve_block(paragraph, extract(paragraph)) if q.kind == "money"] == ["$540 million"]
    (rand, dollars) = [q for q in resolve_block(paragraph, extract(paragraph), "Johannesburg") if q.kind == "money"]
    assert (rand.text, rand.currency, rand.currency_cue) == ("R10 billion", "ZAR", "Johannesburg")
    assert dollars.currency == "USD" and dollars.currency_cue is None


def test_a_paragraph_with_its_own_dateline_is_read_by_it():
    # A second story in the same file opens with its own dateline: the first story's place does not apply.
    paragraph = "NEW YORK (Reuters) - The droid R2 sold for R10 million at auction."
    assert [q for q in resolve_block(paragraph, extract(paragraph), "Johannesburg") if q.currency == "ZAR"] == []
