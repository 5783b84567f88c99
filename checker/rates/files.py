"""Reading a rates file: the ECB's history (zip or CSV) or a `date,currency,rate[,base]` CSV.

Everything comes back as units of each currency per euro, the ECB's own base, so a user's file
can be laid over the shipped ECB table and cross-rated with it on the same dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import zipfile
from pathlib import Path
from typing import Callable

from checker.dates import BadDate, parse_day
from checker.safety import read_regular_file

# The full ECB history is under 10 MB as CSV; anything far larger is not a rates table (or is a zip bomb).
MAX_RATES_BYTES = 200_000_000

Series = dict[str, dict[dt.date, float]]
UsdPerEur = Callable[[dt.date], float | None]


class RatesError(Exception):
    """A rates file that cannot be read or understood."""


def read_rates_file(path: str | Path, usd_per_eur: UsdPerEur | None = None) -> Series:
    """Units per euro by currency and date. `usd_per_eur` converts rows whose base is USD."""
    path = Path(path)
    try:
        raw = read_regular_file(path, MAX_RATES_BYTES)
        if len(raw) > MAX_RATES_BYTES:
            raise RatesError(f"{path}: larger than {MAX_RATES_BYTES // 1_000_000} MB; not a rates table")
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
    return _parse_rates_csv(text, str(path), usd_per_eur)


def _parse_rates_csv(text: str, name: str, usd_per_eur: UsdPerEur | None) -> Series:
    try:  # newline="" lets csv read CR, CRLF and LF line ends alike
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise RatesError(f"{name}: not a readable CSV file ({exc})") from None
    if not rows:
        raise RatesError(f"{name}: rates file is empty")
    header = [cell.strip().lower() for cell in rows[0]]
    if header[:1] == ["date"] and "currency" in header and "rate" in header:
        return _parse_long_csv(rows, header, name, usd_per_eur)
    if header[:1] == ["date"]:
        return _parse_ecb_csv(rows, name)
    raise RatesError(
        f"{name}: unknown rates format: expected an ECB history (Date,USD,JPY,...) "
        "or a CSV with columns date,currency,rate"
    )


def _parse_date(value: str, name: str, line: int) -> dt.date:
    """A row's day, read as every user-given day is (`checker.dates.parse_day`), the error naming the row."""
    try:
        return parse_day(value)
    except BadDate:
        raise RatesError(f"{name}:{line}: not a date: {value!r}") from None


def _parse_ecb_csv(rows: list[list[str]], name: str) -> Series:
    """The ECB's wide format: one row per day, one column per currency, 'N/A' where unpublished."""
    currencies = [cell.strip().upper() for cell in rows[0][1:]]
    series: Series = {c: {} for c in currencies if c}
    lines: dict[tuple[str, dt.date], int] = {}
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
            if value > 0 and not _plausible(value):
                raise RatesError(f"{name}:{line}: {currency} rate {cell!r} is {_RANGE}")
            if value > 0:
                _put(series[currency], currency, day, value, lines, name, line)
    return {c: days for c, days in series.items() if days}


# Units of a currency per euro have stayed within 1e-6..1e15 (the Zimbabwe dollar of 2008 at the
# top); far past that, a cross rate of two such rates or its inverse overflows to inf or 0.
_LOWEST_RATE, _HIGHEST_RATE = 1e-30, 1e30
_RANGE = f"outside {_LOWEST_RATE:g} to {_HIGHEST_RATE:g} per unit of the base, which no currency has been"


def _plausible(value: float) -> bool:
    return _LOWEST_RATE <= value <= _HIGHEST_RATE


def _put(days: dict[dt.date, float], currency: str, day: dt.date, value: float,
         lines: dict[tuple[str, dt.date], int], name: str, line: int) -> None:
    """Record one rate; a second, different rate for the same currency and day is the file's error
    (a table gives one rate a day: taking the last would silently decide which figures pass)."""
    earlier = days.get(day)
    if earlier is not None and not math.isclose(earlier, value, rel_tol=1e-9):
        raise RatesError(f"{name}:{line}: {currency} on {day} is {value:g} here but {earlier:g} at line "
                         f"{lines[currency, day]}; a rates table gives one rate a day")
    days[day] = value
    lines.setdefault((currency, day), line)


def _parse_long_csv(rows: list[list[str]], header: list[str], name: str, usd_per_eur: UsdPerEur | None) -> Series:
    """date,currency,rate[,base]: units of currency per one base (EUR unless the row says USD)."""
    col = {key: header.index(key) for key in ("date", "currency", "rate")}
    base_col = header.index("base") if "base" in header else None
    series: Series = {}
    lines: dict[tuple[str, dt.date], int] = {}
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
        if not _plausible(value):
            raise RatesError(f"{name}:{line}: {currency} rate {row[col['rate']].strip()!r} is {_RANGE}")
        base = row[base_col].strip().upper() if base_col is not None and len(row) > base_col else "EUR"
        if base == "USD":
            usd = series.get("USD", {}).get(day) or (usd_per_eur(day) if usd_per_eur else None)
            if usd is None:
                raise RatesError(f"{name}:{line}: no EUR/USD rate on {day} to convert a USD-based rate")
            value *= usd
        elif base != "EUR":
            raise RatesError(f"{name}:{line}: base must be EUR or USD, not {base}")
        _put(series.setdefault(currency, {}), currency, day, value, lines, name, line)
    return series
