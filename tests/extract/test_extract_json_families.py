"""`figcheck extract --format json` for a shared currency name the text leaves open: `currency` stays
an ISO 4217 code or null (the contract), and the family and its plausible codes are printed beside it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker.resolve import extract_resolved


@pytest.mark.parametrize("text, family, first", [
    ("The offer put a value of 528 million francs on the stake.", "franc", "CHF"),
    ("The insurer paid 3.2 billion crowns for the unit.", "crown", "SEK"),
    ("The state fund lent the bank 200 million dinars.", "dinar", "KWD"),
])
def test_an_open_family_prints_its_name_and_the_codes_it_may_be(text, family, first):
    (item,) = [q.as_json() for q in extract_resolved(text)]
    assert item["currency"] is None and item["family"] == family
    assert item["currencies"][0] == first and len(item["currencies"]) > 1
    assert set(item) == {"text", "start", "end", "value", "unit", "currency", "family", "currencies"}


@pytest.mark.parametrize("text, currency", [
    ("ZURICH (Reuters) - The bank paid 528 million francs for the stake.", "CHF"),  # the dateline settles it
    ("Volvo cut 2 billion Swedish crowns of costs.", "SEK"),
    ("The fund raised $5 billion.", "USD"),
])
def test_a_settled_amount_keeps_the_six_keys(text, currency):
    (item,) = [q.as_json() for q in extract_resolved(text) if q.kind == "money"]
    assert item["currency"] == currency and set(item) == {"text", "start", "end", "value", "unit", "currency"}


def test_the_command_prints_the_family():
    run = subprocess.run([sys.executable, "-m", "checker", "extract", "--format", "json", "-"],
                         input="Sales of 20 billion francs are expected.", capture_output=True, text=True, check=True)
    (item,) = json.loads(run.stdout)["quantities"]
    assert (item["currency"], item["family"]) == (None, "franc") and "CHF" in item["currencies"]


@pytest.mark.parametrize("pair, flagged", [
    ("528 million francs ($580 million)", False),  # Swiss francs, May 2024
    ("528 million francs ($880,000)", False),  # CFA francs
    ("528 million francs ($58 million)", True),  # no franc converts so
    ("200 million dinars ($650 million)", False),  # Kuwaiti dinars
    ("200 million dinars ($6.5 billion)", True),
])
def test_lint_flags_an_open_family_only_when_every_reading_fails(pair, flagged):
    from checker.api import lint_text

    found = [f for f in lint_text(f"The offer put a value of {pair} on the stake.", date="2024-05-03")
             if f.rule == "currency-conversion" and f.severity != "info"]
    assert bool(found) is flagged
    if flagged:
        assert len(found[0].evidence["readings_tried"][pair.split(" (")[0]]) > 2
