"""What a rate source is: one offline series of exchange rates per currency, against one base.

A source only *reads* data shipped on this machine (a package's bundled history, a data file, a
user's CSV); none opens a network connection. `RateTable` turns a source into windows of rates,
`book.compose_rates` puts the sources in order. Adding a source is one class with these members,
its data, and one line in `book.SOURCES`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Protocol, runtime_checkable

Granularity = Literal["daily", "weekly", "monthly"]

# How far apart a source's rates are: a check widens its window by this many days, so that a
# weekly or monthly rate published before the window still counts.
GRANULARITY_DAYS: dict[str, int] = {"daily": 0, "weekly": 7, "monthly": 31}
_ORDER = ("daily", "weekly", "monthly")


def coarsest(*granularities: str) -> Granularity:
    """The coarser of the legs of a cross rate: a daily and a weekly series make a weekly rate."""
    return max(granularities, key=_ORDER.index)  # type: ignore[return-value]


@runtime_checkable
class RateSource(Protocol):
    """One offline series of rates: units of each currency per one `base`."""

    name: str  # what a finding prints as its source: "Narodowy Bank Polski, table B"
    short_name: str  # what the message prints: "NBP"
    zh_name: str  # what a Chinese message prints: "波兰央行"
    base: str  # the currency every series is quoted against (EUR, PLN, GBP)

    def fingerprint(self) -> str:
        """Changes whenever the data would: a package version, a file's size and mtime."""
        ...

    def currencies(self) -> frozenset[str]:
        """The codes the source has any rate for, known without reading the rates themselves."""
        ...

    def granularity(self, currency: str) -> Granularity:
        """How often the source publishes this currency."""
        ...

    def series(self, currency: str) -> dict[dt.date, float]:
        """Every rate of `currency` (units per one `base`), by date; empty when there is none."""
        ...

    def coverage(self) -> str:
        """One line for `figcheck rates --sources`: which currencies and years."""
        ...
