"""Parsed rate series, kept on disk so a run reads them instead of parsing them again.

Parsing the 25-year ECB history costs about 0.15 s (unzip, CSV, 250,000 cells) — a third of the
start-up budget of a pre-commit hook linting one article — and each NBP currency 10-35 ms. The
parsed series are pickled in the user's cache directory under a name built from the source's
fingerprint (its package version or file size and mtime), figcheck's version and the rates
package's own code, so a change to any of them replaces them. A source that can only be read all
at once (`all_series`, the ECB zip) is kept as one file; any other one file per currency, written
the first time that currency is asked for. Any problem with the cache (read-only home, a damaged
or foreign file) falls back to parsing; the cache never changes a result.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from array import array
from functools import lru_cache
from pathlib import Path

from checker.rates.source import RateSource

CACHE_ENV = "FIGCHECK_CACHE_DIR"

Loaded = tuple[list[int], list[float]]


def cache_dir() -> Path:
    """$FIGCHECK_CACHE_DIR, else $XDG_CACHE_HOME/figcheck, else ~/.cache/figcheck."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "figcheck"


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
            table = _read(path) if path is not None else None
            if table is None:
                table = {c: _arrays(s) for c, s in bulk().items() if s}
                if path is not None:
                    _write(path, table)
            _BULK[key] = table
        return table.get(currency)
    if path is not None:
        found = _read(path)
        if found is not None:
            return found.get(currency)
    series = source.series(currency)
    loaded = _arrays(series) if series else None
    if path is not None:
        _write(path, {currency: loaded} if loaded else {})
    return loaded


def _arrays(by_date) -> Loaded:
    days = sorted(by_date)
    # Arrays pickle as one block of bytes each: reading them back is far cheaper than lists.
    return array("l", (d.toordinal() for d in days)), array("d", (by_date[d] for d in days))  # type: ignore[return-value]


def _read(path: Path) -> dict | None:
    try:
        with path.open("rb") as stream:
            table = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001  (a damaged or foreign cache file is ignored, never fatal)
        return None
    return table if isinstance(table, dict) else None


def _write(path: Path, table: dict) -> None:
    """Write atomically, so concurrent runs (or --jobs workers) never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rates-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(table, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # no writable cache: parse again next time
