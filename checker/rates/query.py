"""The questions `figcheck rates` asks of the composed sources, checked as input: one pair's rate
window, and what each source covers. The report layer words the answers
(`checker.report.listings.rate_answer`, `rate_sources`); the command line only passes arguments."""

from __future__ import annotations

import datetime as dt

from checker.rates.book import RateBook
from checker.rates.files import RatesError
from checker.rates.table import NoRate, RateWindow


class RatesQueryError(RatesError):
    """A question the rates cannot answer as asked: the same currency twice, a negative window,
    an unknown code, a date no source covers. An input error (exit 2)."""


MAX_WINDOW_DAYS = 36_525  # a century: every table's whole history


def pair_window(book: RateBook, base: str, quote: str, as_of: dt.date | None, window: int = 90) -> RateWindow:
    base, quote = base.strip().upper(), quote.strip().upper()
    if not 0 <= window <= MAX_WINDOW_DAYS:  # past the calendar's end a date cannot be counted back
        raise RatesQueryError(f"--window must be 0 to {MAX_WINDOW_DAYS:,} days, not {window:,}")
    if base == quote:
        raise RatesQueryError(f"{base} and {quote} are the same currency: 1 {base} = 1 {quote}; "
                              "name two different currencies")
    known = set(book.currencies)
    for currency in (base, quote):
        if currency not in known:
            raise RatesQueryError(f"unknown currency {currency!r}; `figcheck rates --sources` lists the "
                                  f"sources, and they have: {', '.join(sorted(known))}")
    result = book.window(base, quote, as_of, days=window)
    if isinstance(result, NoRate):
        spans = [f"{c} {b[0]}..{b[1]}" for c in (base, quote) for b in [book.bounds(c)] if b]
        raise RatesQueryError(f"no rate: {result.reason}" + (f" (covered: {', '.join(spans)})" if spans else ""))
    return result


def source_rows(book: RateBook) -> list[dict]:
    """Each source in the order a pair is looked up: names, base, granularities, coverage, pegs."""
    rows = []
    for table in book.tables:
        source = table.source_obj
        codes = table.currencies
        granularities = sorted({table.granularity(c) for c in codes if c != table.base},
                               key=("daily", "weekly", "monthly").index)
        last = table.bounds("USD") if table.has("USD") and table.base != "USD" else None
        rows.append({
            "short_name": source.short_name,
            "name": source.name,
            "base": source.base,
            "granularity": "/".join(granularities) or "no rates",
            "coverage": source.coverage(),
            "dollar_rates_until": last[1].isoformat() if last else None,
            "pegged": sorted(c for c in codes if c not in source.currencies() and c != table.base),
        })
    return rows
