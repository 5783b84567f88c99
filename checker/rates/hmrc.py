"""HMRC's monthly exchange rates (customs and VAT), from the history `hmrc-rates` ships.

Monthly since 2014-02 for about 150 currencies, in units per pound. HMRC sets each month's rate in
advance from a day in the month before, so it can be several percent off the month's market
rates: this is the last source asked, and its monthly granularity widens the check's tolerance.
Only the bundled `Rates()` is used; the package's `Updater`, which fetches, never is.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property


class HmrcSource:
    name = "HMRC monthly exchange rates"
    short_name = "HMRC"
    zh_name = "英国税务海关总署"
    base = "GBP"

    @cached_property
    def _rates(self):
        try:
            import hmrc_rates
        except ImportError:
            return None
        return hmrc_rates.Rates()  # the bundled history: no network, no I/O

    def fingerprint(self) -> str:
        from importlib import metadata  # only when this source is consulted: a slow import to start with

        try:
            return metadata.version("hmrc-rates")
        except metadata.PackageNotFoundError:
            return "absent"

    @cached_property
    def _codes(self) -> frozenset[str]:
        if self._rates is None:
            return frozenset()
        import hmrc_rates

        return frozenset(c.code for c in self._rates.currencies(hmrc_rates.RateType.MONTHLY)) - {"GBP"}

    def currencies(self) -> frozenset[str]:
        return self._codes

    def granularity(self, currency: str) -> str:
        return "monthly"

    def series(self, currency: str) -> dict[dt.date, float]:
        if currency not in self._codes:
            return {}
        import hmrc_rates

        found: dict[dt.date, float] = {}
        for month in self._rates.months():
            try:
                rate = self._rates.monthly_rate(currency, month)
            except hmrc_rates.HmrcRatesError:
                continue
            value = float(rate.units_per_gbp)
            if value > 0:
                found[dt.date(month.year, month.month, 1)] = value
        return _without_spikes(found)

    def coverage(self) -> str:
        if self._rates is None:
            return "not installed"
        months = self._rates.months()
        first, last = months[0], months[-1]
        return (f"{len(self._codes)} currencies, monthly, {first.year}-{first.month:02d} to "
                f"{last.year}-{last.month:02d} (hmrc-rates {self.fingerprint()})")


def _without_spikes(series: dict[dt.date, float], factor: float = 3.0) -> dict[dt.date, float]:
    """Drop a month that is off by `factor` from both neighbours (a typo in the published table),
    which would otherwise make any figure pass or fail; a lasting jump (a redenomination) stays."""
    days = sorted(series)
    keep = dict(series)
    for before, day, after in zip(days, days[1:], days[2:]):
        value = series[day]
        if all(max(value / series[d], series[d] / value) > factor for d in (before, after)):
            del keep[day]
    return keep
