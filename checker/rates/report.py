"""What `figcheck rates` prints: one pair's rate with its source, granularity and date, or the
list of sources and what they cover. The command line only passes the arguments and prints."""

from __future__ import annotations

import datetime as dt

from checker.rates.book import RateBook
from checker.rates.files import RatesError
from checker.rates.table import NoRate


class RatesQueryError(RatesError):
    """A question the rates cannot answer as asked: the same currency twice, a negative window,
    an unknown code, a date no source covers. An input error (exit 2)."""


def describe_pair(book: RateBook, base: str, quote: str, as_of: dt.date | None, window: int = 90) -> list[str]:
    base, quote = base.strip().upper(), quote.strip().upper()
    if window < 0:
        raise RatesQueryError(f"--window must be 0 or more days, not {window}")
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
    lines = [
        f"1 {base} = {result.latest:.6g} {quote}   (1 {quote} = {1 / result.latest:.6g} {base})",
        f"rate date: {result.latest_date.isoformat()}",
        f"window:    {result.first_date.isoformat()} .. {result.latest_date.isoformat()}  "
        f"range {result.low:.6g} .. {result.high:.6g} {quote} per {base}",
        f"source:    {result.source} ({result.source_short})",
        f"granularity: {result.granularity}",
    ]
    if result.note:
        lines.append(f"note:      {result.note}")
    return lines


def describe_sources(book: RateBook) -> list[str]:
    """The sources in the order a pair is looked up, each with its coverage and granularity."""
    lines = ["rate sources, asked in this order (the first with both currencies at the date is used):"]
    for number, table in enumerate(book.tables, 1):
        source = table.source_obj
        codes = table.currencies
        granularities = sorted({table.granularity(c) for c in codes if c != table.base},
                               key=("daily", "weekly", "monthly").index)
        lines.append(f"{number}. {source.short_name}: {source.name}")
        last = table.bounds("USD") if table.has("USD") and table.base != "USD" else None
        until = f"; dollar rates to {last[1]}" if last else ""
        lines.append(f"   base {source.base}; {'/'.join(granularities) or 'no rates'}; {source.coverage()}{until}")
        pegged = sorted(c for c in codes if c not in source.currencies() and c != table.base)
        if pegged:
            lines.append(f"   fixed pegs where unpublished (checker/rates/pegs.toml): {', '.join(pegged)}")
    covered = book.currencies
    lines.append(f"{len(covered)} currency codes in all: {', '.join(covered)}")
    return lines
