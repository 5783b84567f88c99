"""The rate sources in order, put together in one place: `compose_rates`.

Lint (`Env.rates`), `figcheck rates`, the Python API and the `--rates` check all get their rates
from `compose_rates`. A pair is looked up in the first source that has both currencies and a
rate at that date: the ECB's daily rates first (with a user's `--rates` file laid over them),
then the NBP's daily and weekly tables, then HMRC's monthly rates. Each source's data is read
only when a pair first needs it, so linting copy in ECB currencies never reads the others.

Adding a source: write a class with the `RateSource` members (checker/rates/source.py), ship or
depend on its data, and add it to `SOURCES`.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Callable

from checker.pickle_cache import file_state
from checker.rates import cache
from checker.rates.ecb import EcbSource, FileSource
from checker.rates.hmrc import HmrcSource
from checker.rates.nbp import NbpSource
from checker.rates.pegs import pegs
from checker.rates.source import RateSource, coarsest
from checker.rates.table import NoRate, RateTable, RateWindow

# In the order they are asked; the first stays the ECB (the `--rates` file is laid over it).
SOURCES: tuple[Callable[[], RateSource], ...] = (
    EcbSource,
    NbpSource,
    HmrcSource,
)


class RateBook:
    """Every source's table, asked in order; windows are remembered per pair, date and span."""

    def __init__(self, tables: list[RateTable]) -> None:
        self.tables = tables
        self._windows: dict[tuple, RateWindow | NoRate] = {}

    @property
    def source(self) -> str:
        return self.tables[0].source

    @property
    def currencies(self) -> list[str]:
        return sorted({c for table in self.tables for c in table.currencies})

    def table_for(self, base: str, quote: str) -> RateTable | None:
        """The first source that publishes both currencies (at any date)."""
        return next((t for t in self.tables if t.has(base) and t.has(quote)), None)

    def bounds(self, currency: str) -> tuple[dt.date, dt.date] | None:
        spans = [b for t in self.tables if t.has(currency) for b in [t.bounds(currency)] if b]
        return (min(b[0] for b in spans), max(b[1] for b in spans)) if spans else None

    def window(
        self, base: str, quote: str, as_of: dt.date | None, days: int = 90, undated_days: int = 365,
        break_ratio: float | None = None,
    ) -> RateWindow | NoRate:
        """The range of `quote`-per-`base` rates a check accepts for a document dated `as_of`,
        from the first source that has one (`break_ratio`: see `RateTable.window`)."""
        key = (base, quote, as_of, days, undated_days, break_ratio)
        found = self._windows.get(key)
        if found is None:
            found = self._windows[key] = self._window(base, quote, as_of, days, undated_days, break_ratio)
        return found

    def _window(self, base: str, quote: str, as_of, days: int, undated_days: int,
                break_ratio: float | None = None) -> RateWindow | NoRate:
        if base == quote:
            return NoRate(base, quote, f"{base} and {quote} are the same currency")
        first: NoRate | None = None
        finest: str | None = None  # after an empty window inside a source, no coarser one answers
        for table in self.tables:
            if not (table.has(base) and table.has(quote)):
                continue
            if finest is not None and coarsest(finest, table.granularity(base), table.granularity(quote)) != finest:
                continue
            result = table.window(base, quote, as_of, days, undated_days, break_ratio)
            if isinstance(result, RateWindow):
                return result
            first = first or result
            if result.empty_window_of is not None:
                finest = result.empty_window_of if finest is None else min(
                    finest, result.empty_window_of, key=("daily", "weekly", "monthly").index)
        if first is not None:
            return first
        missing = [c for c in (base, quote) if not any(t.has(c) for t in self.tables)]
        if missing:
            names = ", ".join(t.source_obj.short_name for t in self.tables)
            return NoRate(base, quote, f"no {' or '.join(missing)} rates in any source ({names})")
        return NoRate(base, quote, f"no source has both {base} and {quote}")

    def rate_on(self, base: str, quote: str, on: dt.date) -> tuple[dt.date, float] | None:
        table = self.table_for(base, quote)
        return table.rate_on(base, quote, on) if table else None


def compose_rates(rates_file: str | None = None) -> RateBook:
    """The rates every part of figcheck uses: the sources in order, with `rates_file` (a fresher
    ECB history or a `date,currency,rate[,base]` CSV) laid over the ECB's. A bad file raises
    `RatesError` here, before any check runs.

    Built once per file as it is on disk: a relative name means another file in another folder,
    and a file edited since means new rates, for the API, `serve` and the language server alike
    (one process, many runs), never the first one's table under the same name."""
    return _composed(rates_file, None if rates_file is None else file_state(rates_file))


@lru_cache(maxsize=8)
def _composed(rates_file: str | None, identity: tuple | None) -> RateBook:
    sources: list[RateSource] = [factory() for factory in SOURCES]
    if rates_file is not None:
        ecb = sources[0]
        sources[0] = FileSource(rates_file, under=ecb if isinstance(ecb, EcbSource) else None, load=cache.load)
    table_pegs = pegs()
    return RateBook([RateTable(source, table_pegs, cache.load) for source in sources])


compose_rates.cache_clear = _composed.cache_clear  # type: ignore[attr-defined]  # tests start afresh
