"""Which currency a shared name or symbol means, decided by what the block itself says.

"francs" in 1987 wire copy is as often French or Belgian as Swiss; "crowns" may be Swedish,
Norwegian, Danish or Czech; "pesos", "rupees", "dinars", "riyals", "pounds" belong to several
countries. A name is settled when the text (or its dateline, "CAIRO -") names exactly one of its
countries, cities or institutions ("Swiss", "Khartoum", "Eskom"); the cue that settled it goes with
the amount, for the finding. When the text names several, each cued reading stays plausible and a
check tries them all; when it names none, the family's default is read ("pesos" are Mexican), or,
for the names with no safe default (franc, crown, dinar), every member is tried. "¥" is the yuan
unless the text speaks of yen or Japan, and stays open for the document to settle. The families,
their members and every member's cues are in checker/vocab (families.yaml, currencies.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.documents.datelines import with_dateline
from checker.extract.patterns import first_char_lookahead
from checker.model import Quantity
from checker.resolve.dollars import local_dollars
from checker.resolve.symbols import with_document_symbols
from checker.resolve.weights import read_weights
from checker.vocab import vocab


@dataclass(frozen=True, slots=True)
class Settled:
    """How the block reads one family: its currency, the open alternatives (best first), the
    readings a check must try, and the words that decided."""

    currency: str | None
    alternatives: tuple[str, ...] = ()
    readings: tuple[str, ...] = ()
    cue: str | None = None


@lru_cache(maxsize=None)
def _cues(family: str) -> re.Pattern | None:
    """One pattern per family, a named group per member that has cues."""
    members = vocab().family(family).members
    groups = []
    for code in members:
        currency = vocab().currency(code)
        if currency is not None and currency.cues:
            groups.append(rf"(?P<{code}>\b(?:{'|'.join(currency.cues)})\b)")
    if not groups:
        return None
    # the lookahead of the cues' first characters: settle() scans the whole block, once per family
    # it meets, and without it every cue was tried at every position (a 64 KB paragraph took 30 ms)
    body = "|".join(groups)
    return re.compile(first_char_lookahead(body) + f"(?:{body})")


def settle(family: str, text: str) -> Settled:
    """How a word of `family` reads in `text` (the block, with its dateline's place)."""
    entry = vocab().family(family)
    pattern = _cues(family)
    found: dict[str, str] = {}  # member -> its first cue, in the order the text names them
    if pattern is not None:
        for match in pattern.finditer(text):
            found.setdefault(match.lastgroup, match.group())
    candidates = tuple(entry.members)
    if entry.block == "prefer":
        first = next((c for c in candidates if c in found), None) or entry.default
        return Settled(first, (first, *(c for c in candidates if c != first)), cue=found.get(first))
    cued = tuple(found)
    if entry.default_stays and cued and entry.default not in cued:
        cued = (*cued, entry.default)  # "pounds" in a story that names Egypt may still be sterling
    cue = ", ".join(found.values()) or None
    if len(cued) == 1:
        return Settled(cued[0], cue=cue)
    if len(cued) > 1:
        return Settled(cued[0], cued, readings=cued, cue=cue)
    if entry.default is not None:
        return Settled(entry.default, (entry.default, *(c for c in candidates if c != entry.default)))
    return Settled(None, candidates, readings=candidates)  # no country named: any member may be meant


def resolve_block(text: str, quantities: list[Quantity], place: str | None = None) -> list[Quantity]:
    """`quantities` of one block with every family reading the block can settle, settled.

    `place` is the document's dateline place when the block has none of its own (a later
    paragraph of a story filed from Cairo)."""
    quantities = with_document_symbols(text, quantities, place)  # "R10 billion" in that Johannesburg story
    quantities = local_dollars(text, quantities, place)  # "$10 billion (US$310 million)" in a Taipei story
    settled: dict[str, Settled] = {}
    cue_text = with_dateline(text)
    if place and cue_text is text:
        cue_text = f"{text}\n{place}"
    out = []
    for quantity in quantities:
        family = quantity.family
        if family is not None and vocab().family(family).block != "none":
            if family not in settled:
                settled[family] = settle(family, cue_text)
            reading = settled[family]
            currency = reading.currency if not (reading.readings and reading.currency is None) else None
            unit = quantity.unit if currency is None else None
            quantity = replace(quantity, currency=currency, unit=unit,
                               alternatives=reading.alternatives if len(reading.alternatives) > 1 else (),
                               readings=reading.readings, currency_cue=reading.cue)
        out.append(quantity)
    return read_weights(text, out, cue_text)  # "to drop 25 pounds": a weight, not sterling
