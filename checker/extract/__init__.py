"""Extraction: every amount in a piece of prose, as `Quantity` values.

The pass is split by what is being read, each in its own module:

- `numerals`  — figures in digits or words ("8.5", "1,250", "two billion"), via `wordnum`;
- `amounts`   — the English grammar around a figure: currency, scale, range, hedge, per-unit;
- `lexicon`   — the words that grammar knows (symbols, codes, currency names, scales, hedges);
- `exclusions`— what is never an amount (years, dates, model names, URLs, handles, scores...);
- `chinese`   — amounts written in Chinese (7000亿元, 85亿美元, 三千亿元);
- `units`     — physical quantities, through quantulum3 and pint;
- `merge`     — one reading per stretch of text.

`extract()` runs them and keeps one reading per stretch of text: money before physical units
before percentages before bare numbers, and the longer reading when two overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract.amounts import AmountReader
from checker.extract.exclusions import blocked_zones
from checker.extract.merge import merge
from checker.extract.numerals import find_numerals
from checker.extract.wordnum import ANY_NUMBER_WORD
from checker.model import Quantity
from checker.spans import SpanIndex


@dataclass(slots=True)
class Unparsed:
    """An amount-like string that no extractor could interpret (reported with --show-unparsed)."""

    text: str
    start: int
    end: int


_HAS_DIGIT = re.compile(r"\d")
# A currency sign with something after it that is not a figure: "$X million", "€ TBD".
# It opens with a lookahead of its first characters, so the scan skips in C to where one can start.
_CURRENCY_SIGN = re.compile(r"(?=[USHKNZCRA$€£¥₹₩])(?:US|HK|NZ|NT|[ASCR])?[$€£¥₹₩]\s?[^\s\d.,;:!?)\]]\S*")


def prepare(text: str) -> None:
    """Import the extractors `text` will need (they load on first need, so start-up stays cheap).
    The pipeline calls this outside a block's parse time limit: on a loaded machine the first
    import can take seconds, and that is not the block's parsing."""
    if _has_cjk(text):
        import checker.extract.chinese  # noqa: F401
        import checker.extract.chinese_exclusions  # noqa: F401
    import checker.extract.units  # noqa: F401


def extract(text: str, place: str | None = None) -> list[Quantity]:
    """All amounts in `text`, sorted by position, never overlapping. `place` is a place the text's
    document is filed from (an earlier paragraph's dateline), a cue for the symbols that are a
    currency only in their country's copy ("R" in a Johannesburg story): `checker.resolve` passes it."""
    return extract_with_unparsed(text, place)[0]


def extract_with_unparsed(text: str, place: str | None = None) -> tuple[list[Quantity], list[Unparsed]]:
    """All amounts in `text`, and the amount-like strings that could not be read."""
    if not isinstance(text, str) or not text:
        return [], []
    found: list[Quantity] = []
    has_figure = _HAS_DIGIT.search(text) is not None or ANY_NUMBER_WORD.search(text) is not None
    if has_figure:
        found = english_amounts(text, place)
    found.extend(_other_extractors(text, has_figure))
    quantities = merge(found)
    if _has_cjk(text):
        from checker.extract.chinese_exclusions import drop_non_amounts

        quantities = drop_non_amounts(text, quantities)
    return quantities, _unparsed(text, quantities)


def english_amounts(text: str, place: str | None = None) -> list[Quantity]:
    """Money, percentages and bare numbers written in English."""
    numerals = find_numerals(text)
    if not numerals:
        return []
    return AmountReader(text, numerals, blocked_zones(text), place).read()


def _other_extractors(text: str, has_figure: bool) -> list[Quantity]:
    """Chinese amounts and physical quantities, imported on first need (start-up stays cheap)."""
    found: list[Quantity] = []
    if _has_cjk(text):
        from checker.extract.chinese import find_chinese

        found.extend(find_chinese(text))
    if has_figure:  # "about one mile" has no digit
        from checker.extract.units import find_physical

        found.extend(find_physical(text))
    return found


_CJK = re.compile("[\u3400-\u9fff\uff00-\uffef]")


def _has_cjk(text: str) -> bool:
    # isascii() reads a flag the string carries: most copy is ASCII, and needs no scan
    return not text.isascii() and _CJK.search(text) is not None


def _unparsed(text: str, quantities: list[Quantity]) -> list[Unparsed]:
    if not any(sign in text for sign in "$€£¥₹₩"):
        return []
    read = SpanIndex((q.start, q.end) for q in quantities)
    return [Unparsed(m.group(), m.start(), m.end()) for m in _CURRENCY_SIGN.finditer(text)
            if not read.overlaps(m.start(), m.end())]
