"""Letter symbols that are a currency only in their country's copy, settled from the document's dateline.

"R10 billion" is rand in a Johannesburg story and nothing in a Star Wars review; "P30 billion",
"N740 billion", "K5 billion", "KD2 billion" likewise (each symbol's cues are in currencies.yaml,
`context_symbols`). The extractor reads such a symbol only when its block names the country, or
opens with its dateline. A wire story's later paragraphs carry no dateline of their own: here a
block is read again with the document's dateline place ("JOHANNESBURG, May 3 (Reuters) -" two
paragraphs up) as a cue, and the amounts it gains keep that place as the evidence that settled them.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from checker.documents.datelines import with_dateline
from checker.model import Quantity
from checker.vocab import alternation


@lru_cache(maxsize=64)
def _symbols_cued_by(place: str) -> re.Pattern | None:
    """A pattern for the context symbols whose country `place` is ("Lagos": N), glued or spaced to a digit."""
    from checker.extract.lexicon import CONTEXT_REQUIRED

    symbols = [symbol for symbol, cues in CONTEXT_REQUIRED.items() if cues.search(place)]
    if not symbols:
        return None
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(symbols, space=None)})\s?\d")


def with_document_symbols(text: str, quantities: list[Quantity], place: str | None) -> list[Quantity]:
    """`quantities`, with the amounts a context symbol gives them once the document's place is a cue.

    Only a block with no dateline of its own, holding a symbol the place cues, is read again; every
    amount the first reading had is kept unless a context-symbol amount now covers it."""
    if not place or with_dateline(text) is not text:
        return quantities
    pattern = _symbols_cued_by(place)
    if pattern is None or pattern.search(text) is None:
        return quantities
    from checker.extract import extract

    known = {(q.start, q.end) for q in quantities if q.kind == "money"}
    gained = [replace(q, currency_cue=q.currency_cue or place) for q in extract(text, place)
              if q.kind == "money" and (q.start, q.end) not in known and pattern.match(text, q.start)
              and math.isfinite(q.value) and (q.high is None or math.isfinite(q.high))]
    if not gained:
        return quantities
    kept = [q for q in quantities if not any(g.start < q.end and q.start < g.end for g in gained)]
    return sorted(kept + gained, key=lambda q: q.start)

