"""A bare "$" that the writer sets against "US$" is the local dollar of the story's place.

"$10 billion (US$310 million)" in a Taipei story, "$2.4 billion (US$1.8 billion)" in a Sydney or
Singapore one: the sign is not the US dollar, since the bracket converts it into US dollars. Which
dollar it is comes from the block and the story's dateline place (each dollar's `cues` in
currencies.yaml: "Taipei", "Hong Kong", "Sydney"); with no place named the sign stays as read, since
a pair between unknown dollars is better left unchecked than guessed. A bare "$" anywhere else stays
the US dollar: one "NZ$" in a long story says nothing about its other dollars.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.documents.datelines import with_dateline
from checker.model import Quantity

# The bracket that converts a figure into US dollars: "(US$310 million)", "(about US$1.8 billion)".
_INTO_US_DOLLARS = re.compile(r"\s*[(（]\s*(?:[a-z]+\s+)?\Z", re.I)
_US_DOLLARS = re.compile(r"(?:US\s?\$|U\.S\.\s?\$|USD\b)")


def local_dollars(text: str, quantities: list[Quantity], place: str | None) -> list[Quantity]:
    """`quantities` with each bare "$" converted into "US$" read as the dollar the place names."""
    if "US" not in text and "U.S." not in text:
        return quantities
    from checker.resolve.families import settle

    out = list(quantities)
    money = [i for i, q in enumerate(out) if q.kind == "money"]
    cue_text = None
    for this, following in zip(money, money[1:]):
        dollar, into = out[this], out[following]
        if not (dollar.family == "dollar" and dollar.currency == "USD" and dollar.text.lstrip("-−–(").startswith("$")):
            continue
        if into.currency != "USD" or not _US_DOLLARS.match(into.text) \
                or not _INTO_US_DOLLARS.fullmatch(text, dollar.end, into.start):
            continue
        if cue_text is None:
            cue_text = with_dateline(text)
            if place and cue_text is text:
                cue_text = f"{text}\n{place}"
        reading = settle("dollar", cue_text)
        if reading.currency in (None, "USD") and not reading.readings:
            continue  # no dollar country named: leave the sign as read
        readings = tuple(c for c in reading.readings if c != "USD")
        out[this] = replace(dollar, currency=readings[0] if readings else reading.currency, alternatives=(),
                            readings=readings if len(readings) > 1 else (), currency_cue=reading.cue)
    return out
