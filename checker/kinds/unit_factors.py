"""Conversion factors between pint units, kept on disk so that a run need not import pint.

Importing pint costs more CPU than linting a hundred thousand characters of wire copy (it imports
numpy, dask and babel too when they are installed), and a run pays it at the first unit
conversion it meets. A factor ("kilometer" to "mile": 0.6213...) is one float that depends only
on pint's definitions and the vocabulary's own (`units.yaml`), so once pint has worked it out it
is kept in figcheck's cache folder, in a file named after pint's installed definitions, the
vocabulary's and this code: a change to any of them is a new file. The cache holds the very float
pint gave, so it never changes a result; a missing, damaged or unwritable file only means pint is
asked again.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Callable

Factor = float | str | None  # the multiplier, "offset" for offset units, None if they do not convert

_PINT_FILES = ("__init__.py", "default_en.txt", "constants_en.txt")
_table: dict[tuple[str, str], Factor] | None = None


def cached_factor(source: str, target: str, compute: Callable[[str, str], Factor]) -> Factor:
    """The factor from `source` to `target`: from the cache, else `compute`d and stored."""
    global _table
    if _table is None:
        _table = _read()
    key = (source, target)
    if key in _table:
        return _table[key]
    factor = compute(source, target)
    _table[key] = factor
    _write(key, factor)
    return factor


def _read() -> dict[tuple[str, str], Factor]:
    from checker.pickle_cache import read_pickle

    path = _path()
    return dict(read_pickle(path, dict) or {}) if path is not None else {}


def _write(key: tuple[str, str], factor: Factor) -> None:
    """Add one factor to the file (what concurrent runs added since it was read is kept)."""
    from checker.pickle_cache import read_pickle, write_pickle

    path = _path()
    if path is not None:
        write_pickle(path, {**(read_pickle(path, dict) or {}), key: factor})


@lru_cache(maxsize=1)
def _path() -> Path | None:
    """The cache file for this pint, this vocabulary and this code; None without pint's files."""
    from importlib.util import find_spec

    from checker.pickle_cache import cache_dir
    from checker.vocab import vocab

    try:
        spec = find_spec("pint")
        if spec is None or spec.origin is None:
            return None
        folder = Path(spec.origin).parent
        stamps = [str(folder)]
        for file in [*(folder / name for name in _PINT_FILES), Path(__file__), Path(__file__).with_name("unit_math.py")]:
            info = file.stat()
            stamps.append(f"{file.name}:{info.st_size}:{info.st_mtime_ns}")
    except (OSError, ImportError, ValueError):
        return None
    stamps.extend(definition for unit in vocab().units.units for definition in unit.definitions)
    key = hashlib.sha1("|".join(stamps).encode()).hexdigest()[:16]
    return cache_dir() / f"unit-factors-{key}.pickle"
