"""Currencies from context (issue 12.2): datelines, countries, cities and institutions settle a
shared name in the resolve stage; a name left open is tried under each plausible reading."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from checker.documents.datelines import dateline_place
from checker.extract import extract
from checker.resolve import resolve_block


@pytest.mark.parametrize("text, place", [
    ("CAIRO (Reuters) - Egypt's central bank ...", "Cairo"),
    ("ADDIS ABABA - Ethiopia's electric utility ...", "Addis Ababa"),
    ("NEW YORK, March 3 (Reuters) - U.S. stocks ...", "New York"),
    (" \n\n FRANKFURT  (Reuters) - Internet service provider ...", "Frankfurt"),
    ("The bank said on Monday - in a statement - that ...", None),
    ("US stocks rose - the Dow gained.", None),
])
def test_dateline_place(text, place):
    assert dateline_place(text) == place


def resolved(text: str):
    return [q for q in resolve_block(text, extract(text)) if q.kind == "money"]


def test_a_dateline_settles_a_shared_name_and_says_so():
    (pounds, _) = resolved("KHARTOUM - The central bank injected 4.5 billion pounds ($100 million) into banks.")
    assert pounds.currency == "SDG" and pounds.currency_cue == "Khartoum"


def test_pounds_in_a_story_that_names_egypt_may_still_be_sterling():
    (pounds, _) = resolved("Britain will give Egypt 10 million pounds ($12.7 million) in aid.")
    assert set(pounds.readings) == {"GBP", "EGP"}
    # sterling at 1.27 dollars fits (June 2019): no error though Egypt is named
    findings = lint_text("Britain will give Egypt 10 million pounds ($12.7 million) in aid.", date="2019-06-12")
    assert [f for f in findings if f.rule == "currency-conversion" and f.severity != "info"] == []


def test_pounds_with_no_country_are_sterling():
    (pounds, _) = resolved("The club paid 50 million pounds ($63.7 million) for the striker.")
    assert pounds.currency == "GBP" and pounds.readings == ()


def test_a_name_with_no_safe_default_is_tried_under_every_member():
    (dinars, _) = resolved("The fund holds 304 million dinars ($1 billion) in deposits.")
    assert dinars.currency is None and {"KWD", "JOD", "BHD"} <= set(dinars.readings)


def test_the_finding_names_the_words_that_settled_the_currency():
    text = "CAIRO - Egypt will spend 16.7 billion pounds ($10 billion) on bread subsidies."
    (finding,) = [f for f in lint_text(text, date="2019-06-12") if f.rule == "currency-conversion"]
    assert finding.severity == "error" and finding.evidence["currency_from"] == {"16.7 billion pounds": "Egypt"}
    assert "EGP" in finding.evidence["stated"]


def test_a_later_paragraph_keeps_the_story_dateline():
    story = ("MANILA (Reuters) - The central bank left rates unchanged on Thursday.\n\n"
             "Remittances reached 520 billion pesos ($1 billion) in the first half.\n")
    (finding,) = [f for f in lint_text(story, date="2019-06-12") if f.rule == "currency-conversion"]
    assert finding.severity == "error" and "PHP" in finding.evidence["stated"]
    assert lint_text(story.replace("520 billion", "52 billion"), date="2019-06-12") == []
