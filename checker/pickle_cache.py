"""figcheck's on-disk cache of parsed tables: where it lives, and reading and writing one pickle.

The vocabulary (`checker.vocab`) and the parsed rate series (`checker.rates.cache`) are both kept
here, each under a name keyed on what it was built from, so that any change to the inputs is a new
file. The cache never changes a result: a file that is missing, damaged or of another shape reads
as None (and the caller builds the table again), and a directory that cannot be written is
skipped. Writes are atomic (a temporary file, then a rename), so concurrent runs and `--jobs`
workers never read half a file. It sits below every other layer and imports none of them.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

CACHE_ENV = "FIGCHECK_CACHE_DIR"


def cache_dir() -> Path:
    """$FIGCHECK_CACHE_DIR, else $XDG_CACHE_HOME/figcheck, else ~/.cache/figcheck."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = _xdg_cache_home() or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "figcheck"


def _xdg_cache_home() -> str | None:
    """$XDG_CACHE_HOME when it is an absolute path: the XDG spec has a relative one ignored, which would
    otherwise make a cache folder inside whatever project the run started in."""
    value = os.environ.get("XDG_CACHE_HOME")
    return value if value and os.path.isabs(value) else None


def _home_missing() -> bool:
    """The default cache lives under a home folder that does not exist (pip, in the same spot, warns
    and caches nothing; `mkdir -p` would make the home itself, as root anywhere)."""
    if os.environ.get(CACHE_ENV) or _xdg_cache_home():
        return False
    return not os.path.isdir(os.path.expanduser("~"))


def read_pickle(path: Path, kind: type):
    """The object pickled at `path` if it is a `kind`, else None (missing, damaged or foreign)."""
    try:
        with path.open("rb") as stream:
            loaded = pickle.load(stream)
    except Exception:  # noqa: BLE001  (a damaged or foreign cache file is ignored, never fatal)
        return None
    return loaded if isinstance(loaded, kind) else None


def file_state(path: str) -> tuple:
    """The key a reading of the file at `path` is cached under in one process: the name and what
    changes when the file is edited or replaced (device, inode, size, mtime), so a relative name in
    another folder (another inode) or a file edited since is read afresh; just the name when it
    cannot be stat'ed (the read that follows says what is wrong with it). One stat, no real-path
    resolution (a stat of every folder on the way): the device and inode already say which file."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return (path,)
    return path, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def grown_table(on_disk: dict, added: dict, used: set, limit: int) -> dict:
    """A run's memo table to write back (the regex and dataclass-code caches): what is on disk now
    (concurrent runs' additions kept) plus this run's new entries; once past `limit` entries, only
    what this run used or added, so entries no version asks for again never fill it up."""
    table = {**on_disk, **added}
    if len(table) > limit:
        table = {key: table[key] for key in used | added.keys() if key in table}
    return table


def write_pickle(path: Path, value: object) -> None:
    """Pickle `value` to `path` atomically; a cache that cannot be written is passed over."""
    import tempfile  # only when a cache is written, not on every start

    if _home_missing():
        return  # HOME=/nonexistent (a build sandbox, a service account): never create a home to cache in
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:20]}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # no writable cache: build the table again next time
