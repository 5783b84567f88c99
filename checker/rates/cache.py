"""Parsed rate series, kept on disk so a run reads them instead of parsing them again.

Parsing the 25-year ECB history costs about 0.15 s (unzip, CSV, 250,000 cells) — a third of the
start-up budget of a pre-commit hook linting one article — and each NBP currency 10-35 ms. The
parsed series are pickled in the user's cache directory under a name built from the source's
fingerprint (its package version or file size and mtime), figcheck's version and the rates
package's own code, so a change to any of them replaces them. A source that can only be read all
at once (`all_series`, the ECB zip) is kept as one file; any other one file per currency, written
the first time that currency is asked for. Any problem with the cache (read-only home, a damaged
or foreign file) falls back to parsing; the cache never changes a result (`checker.pickle_cache`
reads and writes the files, as it does the vocabulary's).
"""

from __future__ import annotations

import hashlib
from array import array
from functools import lru_cache
from pathlib import Path

from checker.pickle_cache import CACHE_ENV, cache_dir, read_pickle, write_pickle
from checker.rates.source import RateSource

__all__ = ["CACHE_ENV", "cache_dir", "load"]

Loaded = tuple[list[int], list[float]]


@lru_cache(maxsize=1)
def _code_key() -> str:
    """figcheck's version and the rates code: the series' shape follows them."""
    from checker.version import __version__

    stats = []
    for path in sorted(Path(__file__).parent.glob("*.py")):
        stat = path.stat()
        stats.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha1(f"{__version__}|{'|'.join(stats)}".encode()).hexdigest()[:12]


def _file(source: RateSource, currency: str | None) -> Path | None:
    try:
        fingerprint = source.fingerprint()
    except Exception:  # noqa: BLE001  (a missing data file: the source itself will say so)
        return None
    key = hashlib.sha1(f"{fingerprint}|{_code_key()}".encode()).hexdigest()[:16]
    name = f"{source.short_name.lower()}-rates-{key}" + (f"-{currency}" if currency else "") + ".pickle"
    return cache_dir() / name


_BULK: dict[object, dict[str, Loaded]] = {}  # in-process copies of whole-source files


def load(source: RateSource, currency: str) -> Loaded | None:
    """`currency`'s series from `source` as (ordinal days, values), from the cache when current."""
    if not getattr(source, "cacheable", True):  # a user's file, read in full already
        series = source.series(currency)
        return _arrays(series) if series else None
    bulk = getattr(source, "all_series", None)
    path = _file(source, None if bulk else currency)
    if bulk is not None:
        key = path if path is not None else id(source)
        table = _BULK.get(key)
        if table is None:
            table = read_pickle(path, dict) if path is not None else None
            if table is None:
                table = {c: _arrays(s) for c, s in bulk().items() if s}
                if path is not None:
                    write_pickle(path, table)
            _BULK[key] = table
        return table.get(currency)
    if path is not None:
        found = read_pickle(path, dict)
        if found is not None:
            return found.get(currency)
    series = source.series(currency)
    loaded = _arrays(series) if series else None
    if path is not None:
        write_pickle(path, {currency: loaded} if loaded else {})
    return loaded


def _arrays(by_date) -> Loaded:
    days = sorted(by_date)
    # Arrays pickle as one block of bytes each: reading them back is far cheaper than lists.
    return array("l", (d.toordinal() for d in days)), array("d", (by_date[d] for d in days))  # type: ignore[return-value]
