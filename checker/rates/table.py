"""One source's rates as windows: the range of rates a check accepts for a pair before a date.

A conversion in an article is checked against the *range* of rates in a window before its date,
because articles lag the market. Both legs of a cross rate come from the same source and the same
publication day, so no cross rate mixes dates. Outside a source we never guess: a date before a
currency's first rate has no rate; a date after the source's end uses the last window and says how
old it is, up to a year on; a date later than that has no rate either.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from checker.dates import days_before
from checker.rates.files import RatesError  # noqa: F401  (re-exported: the package's error type)
from checker.rates.pegs import Peg
from checker.rates.source import GRANULARITY_DAYS, RateSource, coarsest

# An article dated after the table's end (every article written today) is checked against the
# table's last window, with its age stated, for up to a year; later than that it is unchecked.
MAX_STALE_DAYS = 365

Loaded = tuple[list[int], list[float]]  # ordinal days, units per base


@dataclass(frozen=True, slots=True)
class RateWindow:
    """Units of `quote` per one `base` over the dates the check accepts."""

    base: str
    quote: str
    low: float
    high: float
    latest: float
    latest_date: dt.date
    first_date: dt.date
    source: str
    # Why the window is not simply "the days before the document's date", for the finding to say.
    note: str | None = None
    source_short: str = "ECB"
    source_zh: str = "欧洲央行"  # the source's name in a Chinese message
    granularity: str = "daily"

    def evidence(self) -> dict:
        """The rate as a finding states it: the way round that gives a number above one (a fresh
        dict each time, worked out once per window: every pair checked at it states it)."""
        return dict(_window_evidence(self))


@lru_cache(maxsize=256)
def _window_evidence(window: RateWindow) -> dict:
    latest, low, high, unit = window.latest, window.low, window.high, f"{window.quote} per {window.base}"
    if latest < 1:
        latest, low, high, unit = 1 / latest, 1 / high, 1 / low, f"{window.base} per {window.quote}"
    data = {
        "rate": round(latest, 6),
        "rate_unit": unit,
        "rate_date": window.latest_date.isoformat(),
        "rate_low": round(low, 6),
        "rate_high": round(high, 6),
        "window": f"{window.first_date.isoformat()}..{window.latest_date.isoformat()}",
        "source": window.source,
        "granularity": window.granularity,
    }
    if window.note:
        data["rate_note"] = window.note
    return data


@dataclass(frozen=True, slots=True)
class NoRate:
    """No rate can be had for this pair at this date; the check reports the pair as unchecked."""

    base: str
    quote: str
    reason: str
    # The date is inside the source's coverage but the window holds no rate (a weekend with a
    # zero-day window, a gap in a series): only a source as fine-grained may answer instead.
    empty_window_of: str | None = None


class RateTable:
    """One source's rates, each currency read (through the cache) the first time it is asked for."""

    def __init__(self, source: RateSource, pegs: dict[str, Peg] | None = None,
                 load: Callable[[RateSource, str], Loaded | None] | None = None) -> None:
        self.source_obj = source
        self.source = source.name
        self.base = source.base
        self._pegs = pegs or {}
        self._load_from = load or _load_direct
        self._loaded: dict[str, Loaded | None] = {}
        self.pegged: dict[str, float] = {}  # currency -> units per anchor, for derived series

    # -- series --------------------------------------------------------------------------------

    def has(self, currency: str) -> bool:
        if currency == self.base or currency in self.source_obj.currencies():
            return True
        peg = self._pegs.get(currency)
        return peg is not None and self.has(peg.anchor) and peg.anchor != currency

    def _series(self, currency: str) -> Loaded | None:
        if currency not in self._loaded:
            loaded = None
            if currency in self.source_obj.currencies():
                loaded = self._load_from(self.source_obj, currency)
            if not loaded or not loaded[0]:
                loaded = self._pegged(currency)
            self._loaded[currency] = loaded if loaded and loaded[0] else None
        return self._loaded[currency]

    def _pegged(self, currency: str) -> Loaded | None:
        peg = self._pegs.get(currency)
        if peg is None or peg.anchor == currency:
            return None
        if peg.anchor == self.base:
            start = peg.since.toordinal()
            end = self._overall_bounds()[1].toordinal()
            days = list(range(start, end + 1))
            self.pegged[currency] = peg.per
            return days, [peg.per] * len(days)
        anchor = self._series(peg.anchor)
        if anchor is None:
            return None
        start = bisect.bisect_left(anchor[0], peg.since.toordinal())
        self.pegged[currency] = peg.per
        return anchor[0][start:], [value * peg.per for value in anchor[1][start:]]

    def granularity(self, currency: str) -> str:
        if currency == self.base:
            return "daily"
        if currency not in self.source_obj.currencies() and currency in self._pegs:
            return self.granularity(self._pegs[currency].anchor)
        return self.source_obj.granularity(currency)

    # -- queries -------------------------------------------------------------------------------

    @property
    def currencies(self) -> list[str]:
        codes = set(self.source_obj.currencies()) | {self.base}
        codes |= {c for c in self._pegs if self.has(c)}
        return sorted(codes)

    def bounds(self, currency: str) -> tuple[dt.date, dt.date] | None:
        if currency == self.base:
            return self._overall_bounds()
        series = self._series(currency)
        if series is None:
            return None
        return dt.date.fromordinal(series[0][0]), dt.date.fromordinal(series[0][-1])

    def _overall_bounds(self) -> tuple[dt.date, dt.date]:
        """The span of the source's dollar rate (or any rate): what the base currency's own
        'series' covers when it is one leg of a pair."""
        for probe in ("USD", "EUR", "GBP"):
            if probe != self.base and probe in self.source_obj.currencies():
                series = self._series(probe)
                if series is not None:
                    return dt.date.fromordinal(series[0][0]), dt.date.fromordinal(series[0][-1])
        loaded = [s for s in (self._series(c) for c in sorted(self.source_obj.currencies())) if s]
        if not loaded:
            return dt.date.min, dt.date.min
        return (dt.date.fromordinal(min(s[0][0] for s in loaded)),
                dt.date.fromordinal(max(s[0][-1] for s in loaded)))

    def window(
        self, base: str, quote: str, as_of: dt.date | None, days: int = 90, undated_days: int = 365,
        break_ratio: float | None = None,
    ) -> RateWindow | NoRate:
        """The range of `quote`-per-`base` rates the check accepts for a document dated `as_of`.

        With `break_ratio`, a window stops, going back from its end, where the rate has moved by
        more than that factor: after a float or a devaluation ("EGP 8.88 per dollar" to 18.7 in
        November 2016) copy converts at the new rate, and the old one is a slip, not a lag."""
        for currency in (base, quote):
            if currency != self.base and self._series(currency) is None:
                return NoRate(base, quote, f"no {currency} rates in {self.source}")
        first, last = self._common_bounds(base, quote)
        if first is None:
            return NoRate(base, quote, f"{base} and {quote} rates never overlap in {self.source}")
        granularity = coarsest(self.granularity(base), self.granularity(quote))
        widen = GRANULARITY_DAYS[granularity]  # a weekly rate may have been set up to a week before
        note = None
        if as_of is None:
            end, span = last, undated_days
            note = f"no date known: accepted any rate of the last {undated_days} days of the table"
        elif as_of > last:
            end, span = last, days + widen
            age = (as_of - last).days
            if age > max(days, MAX_STALE_DAYS):  # the table says nothing about rates that late
                return NoRate(base, quote, f"document dated {as_of.isoformat()} is {age} days after the "
                                           f"{self.source_obj.short_name} rates end ({last.isoformat()}); "
                                           "give a fresher table with --rates")
            note = (f"document dated {as_of.isoformat()}, {age} days after the "
                    f"{self.source_obj.short_name} rates end ({last.isoformat()})")
        elif as_of < first:
            return NoRate(base, quote, f"no {base}/{quote} rate before {first.isoformat()} "
                                       f"in {self.source_obj.short_name}")
        else:
            end, span = as_of, days + widen
        start = max(days_before(end, span), first)
        rates = self._cross_series(base, quote, start, end)
        if not rates:
            return NoRate(base, quote, f"no {base}/{quote} rate between {start} and {end}", granularity)
        if break_ratio is not None:
            kept = _since_last_break(rates, break_ratio)
            if len(kept) < len(rates):
                note = "; ".join(([note] if note else []) + [
                    f"rates before {kept[0][0].isoformat()} left out: the rate has moved more than "
                    f"{(break_ratio - 1) * 100:.0f}% since (a float or a devaluation)"])
                rates = kept
        values = [rate for _, rate in rates]
        granularity = coarsest(granularity, _observed(rates))
        pegs = [f"{c} taken at its fixed peg of {self.pegged[c]} per {self._pegs[c].anchor}"
                for c in (base, quote) if c in self.pegged]
        if pegs:
            note = "; ".join(([note] if note else []) + pegs)
        return RateWindow(
            base=base,
            quote=quote,
            low=min(values),
            high=max(values),
            latest=rates[-1][1],
            latest_date=rates[-1][0],
            first_date=rates[0][0],
            source=self.source,
            note=note,
            source_short=self.source_obj.short_name,
            source_zh=getattr(self.source_obj, "zh_name", self.source_obj.short_name),
            granularity=granularity,
        )

    def rate_on(self, base: str, quote: str, on: dt.date) -> tuple[dt.date, float] | None:
        """The latest rate on or before `on` (within 10 days), as (date, rate)."""
        rates = self._cross_series(base, quote, days_before(on, 10), on)
        return rates[-1] if rates else None

    def _common_bounds(self, base: str, quote: str) -> tuple[dt.date | None, dt.date | None]:
        bounds = [self.bounds(c) for c in (base, quote) if c != self.base]
        if not bounds:
            return self._overall_bounds()
        first = max(b[0] for b in bounds)
        last = min(b[1] for b in bounds)
        return (first, last) if first <= last else (None, None)

    def _cross_series(self, base: str, quote: str, start: dt.date, end: dt.date) -> list[tuple[dt.date, float]]:
        """quote-per-base for each day in [start, end] on which both were published."""
        base_rates = self._slice(base, start, end)
        quote_rates = self._slice(quote, start, end)
        if base_rates is None:
            days = quote_rates or {}
            return [(dt.date.fromordinal(d), v) for d, v in sorted(days.items())]
        if quote_rates is None:
            return [(dt.date.fromordinal(d), 1.0 / v) for d, v in sorted(base_rates.items()) if v]
        return [
            (dt.date.fromordinal(d), quote_rates[d] / base_rates[d])
            for d in sorted(base_rates.keys() & quote_rates.keys())
            if base_rates[d]
        ]

    def _slice(self, currency: str, start: dt.date, end: dt.date) -> dict[int, float] | None:
        if currency == self.base:
            return None
        days, values = self._series(currency)  # type: ignore[misc]
        lo = bisect.bisect_left(days, start.toordinal())
        hi = bisect.bisect_right(days, end.toordinal())
        return dict(zip(days[lo:hi], values[lo:hi]))


def _observed(rates: list[tuple[dt.date, float]]) -> str:
    """How far apart the rates actually used are: a table A currency was weekly in table B once."""
    if len(rates) < 3:
        return "daily"
    gaps = sorted((b[0] - a[0]).days for a, b in zip(rates, rates[1:]))
    median = gaps[len(gaps) // 2]
    return "daily" if median <= 3 else "weekly" if median <= 10 else "monthly"


def _load_direct(source: RateSource, currency: str) -> Loaded | None:
    by_date = source.series(currency)
    if not by_date:
        return None
    days = sorted(by_date)
    return [d.toordinal() for d in days], [by_date[d] for d in days]


def _since_last_break(rates: list[tuple[dt.date, float]], ratio: float) -> list[tuple[dt.date, float]]:
    """The rates from the end back to the first one that would make the range wider than `ratio`."""
    low = high = rates[-1][1]
    start = len(rates) - 1
    while start > 0:
        rate = rates[start - 1][1]
        if max(high, rate) > ratio * min(low, rate):
            break
        low, high, start = min(low, rate), max(high, rate), start - 1
    return rates[start:]
