"""Extraction: every amount in a piece of prose, as `Quantity` values.

The pass is split by what is being read, each in its own module:

- `money`     — the English money grammar (symbols, codes, names, scale words, hedges, ranges);
- `numbers`   — bare numbers, word numbers and percentages;
- `chinese`   — amounts written in Chinese (7000亿元, 85亿美元, 三千亿元);
- `units`     — physical quantities, through quantulum3 and pint;
- `exclusions`— what is never an amount (years, model names, URLs, handles, times...).

`extract()` runs them and keeps one reading per stretch of text: money before physical units
before percentages before bare numbers, and the longer reading when two overlap.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.model import Quantity


@dataclass(slots=True)
class Unparsed:
    """An amount-like string that no extractor could interpret (reported with --show-unparsed)."""

    text: str
    start: int
    end: int


def extract(text: str) -> list[Quantity]:
    """All amounts in `text`, sorted by position, never overlapping."""
    return extract_with_unparsed(text)[0]


def extract_with_unparsed(text: str) -> tuple[list[Quantity], list[Unparsed]]:
    raise NotImplementedError  # filled in by the extraction work
