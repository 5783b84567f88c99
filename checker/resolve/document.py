"""Which currency an ambiguous symbol means, decided from the rest of the document.

`¥` is both the yuan and the yen; the block step may leave both readings open (best guess first).
Only that ambiguity is settled here (the families marked `document: true` in families.yaml): a
bare `$` stays the US dollar the extractor chose, since one mention of "NZ$" in a long file says
nothing about the other dollars in it. A story about Beijing that also says "yuan" means CNY; one
that says "yen" or "Tokyo" means JPY (each member's `document_cues`). The context keeps running
counts as blocks stream past, so memory stays constant, and a quantity whose reading the document
never settles keeps its first guess with `ambiguous` evidence for the finding.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from checker.documents.datelines import dateline_place
from checker.extract.patterns import first_char_lookahead
from checker.model import Quantity
from checker.spans import SpanIndex
from checker.vocab import vocab


@lru_cache(maxsize=1)
def _clues() -> dict[str, re.Pattern]:
    clues = {}
    for family in vocab().families.families:
        if not family.document:
            continue
        for code in family.members:
            currency = vocab().currency(code)
            words = "|".join(re.escape(w) for w in currency.document_cues)
            anywhere = "".join(f"|{re.escape(w)}" for w in currency.document_cues_zh)
            body = rf"\b(?:{words})\b{anywhere}"
            # the lookahead of every cue's first character lets the engine give up at once elsewhere
            clues[code] = re.compile(first_char_lookahead(body) + f"(?:{body})")
    return clues


class DocumentCurrencies:
    """Running evidence, per candidate currency, from the blocks seen so far."""

    # A dateline opens one of the first paragraphs (a title or byline may come before it).
    DATELINE_BLOCKS = 3

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.place: str | None = None  # the story's dateline place ("Cairo"), a cue for every block
        self._blocks = 0

    def observe(self, text: str, quantities: list[Quantity]) -> None:
        clues = _clues()
        if self.place is None and self._blocks < self.DATELINE_BLOCKS:
            self.place = dateline_place(text)
            if self.place is not None:
                text = f"{text}\n{self.place}"
        self._blocks += 1
        # A word inside a figure ("台币26兆元") is that figure's currency, counted through the figure.
        figures = SpanIndex((q.start, q.end) for q in quantities if q.kind == "money")
        for currency, clue in clues.items():
            self.counts[currency] += sum(1 for m in clue.finditer(text) if not figures.covers(m.start(), m.end()))
        for quantity in quantities:
            if quantity.currency in clues and not quantity.alternatives:
                self.counts[quantity.currency] += 2

    def resolve(self, quantities: list[Quantity]) -> list[Quantity]:
        """Quantities with ambiguous currencies settled where the evidence allows."""
        clues = _clues()
        resolved = []
        for quantity in quantities:
            candidates = [c for c in quantity.alternatives if c in clues]
            if len(candidates) > 1:
                best = max(candidates, key=lambda c: (self.counts[c], -candidates.index(c)))
                if self.counts[best] > 0:
                    quantity = replace(quantity, currency=best, alternatives=())
            resolved.append(quantity)
        return resolved
