"""The validated rules of a set of rule packs, kept across runs, so start-up does not read and
validate the same packs again every time.

Loading the default pack parses its YAML, builds pydantic's validators for the pack's shape and for
every kind's parameters, validates each rule and reads the house facts registry it names: most of
what a one-file lint spends before it reads a document. The result is plain data (the rules, their
kinds' classes by name, their validated parameters), so it is pickled into figcheck's cache
directory (`checker.pickle_cache`) and read back next time.

Safe by construction: an entry is used only if every file the load read (the packs, the packs they
extend, a facts registry a rule names) still has the contents it had, byte for byte, and the code
that shapes the rules (checker/engine, checker/kinds, the YAML reader: size and modification time)
is unchanged; the file itself is named by figcheck's, pydantic's and Python's versions and the
packs as named. Anything else (a pack edited, a damaged or foreign cache file, a kind from an
installed plugin, whose code figcheck cannot watch) loads and validates the packs as before, so a
bad pack gets exactly the message it always got: only successful loads are kept, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from checker.pickle_cache import cache_dir, read_pickle, write_pickle
from checker.safety import read_regular_file
from checker.version import __version__

FORMAT = 1  # the shape of an entry; bumped when it changes
_CHECKER = Path(__file__).resolve().parents[1]
# The code whose change can change what loading a pack produces: the pack model and loader, every
# kind's parameters and validators, the facts registry, the YAML reader and the file reading beneath it.
_CODE_FOLDERS = ("engine", "kinds")
_CODE_FILES = ("yaml_source.py", "safety.py", "empty.py", "version.py")
MAX_FILE_BYTES = 20_000_000  # larger than any pack or registry figcheck reads (yaml_source.MAX_BYTES)


def cache_file(sources: list[Path], with_default: bool) -> Path:
    """Where the rules of `sources` are kept: one file per set of packs as named (and, for packs
    named relative to the working directory, per working directory)."""
    names = [str(source) for source in sources]
    here = os.getcwd() if any(not source.is_absolute() for source in sources) else ""
    from pydantic.version import VERSION as PYDANTIC  # its validators shape the values kept

    key = repr((FORMAT, __version__, PYDANTIC, sys.version, sys.implementation.cache_tag, with_default, here, names))
    return cache_dir() / f"rules-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pickle"


def read_rules(path: Path) -> list | None:
    """The rules kept at `path` if every file they were built from is as it was, else None."""
    entry = read_pickle(path, tuple)
    if entry is None or len(entry) != 4 or entry[0] != FORMAT:
        return None
    _format, files, code, payload = entry
    if code is None or code != code_state():
        return None
    for name, digest in files:
        if _digest_of(name) != digest:
            return None
    try:
        rules = pickle.loads(payload)  # imports the kinds the rules use, as loading would
    except Exception:  # noqa: BLE001 - a class gone or changed shape: load the packs afresh
        return None
    return rules if isinstance(rules, list) else None


def write_rules(path: Path, rules: list, read: dict[str, bytes | None], every_kind_builtin: bool) -> None:
    """Keep `rules` at `path`, with the digest of every file their loading read (`read`: name ->
    the bytes read, or None to read them now). Rules of a plugin's kind are never kept."""
    code = code_state()
    if not every_kind_builtin or code is None:
        return
    files = []
    for name, data in read.items():
        digest = _digest(data) if data is not None else _digest_of(name)
        if digest is None:
            return  # a file read a moment ago is gone: nothing sure to key on
        files.append((name, digest))
    try:
        payload = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - something in a rule that does not pickle: just do not keep it
        return
    write_pickle(path, (FORMAT, tuple(files), code, payload))


def code_state() -> tuple | None:
    """Size and modification time of each module of the code that shapes loaded rules (None if
    one cannot be read: then nothing is kept or trusted)."""
    state = []
    for folder in _CODE_FOLDERS:
        try:
            entries = sorted(os.scandir(_CHECKER / folder), key=lambda entry: entry.name)
        except OSError:
            return None
        for entry in entries:
            if entry.name.endswith(".py"):
                info = entry.stat()
                state.append((folder, entry.name, info.st_size, info.st_mtime_ns))
    for name in _CODE_FILES:
        try:
            info = os.stat(_CHECKER / name)
        except OSError:
            return None
        state.append(("", name, info.st_size, info.st_mtime_ns))
    return tuple(state)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _digest_of(name: str) -> str | None:
    """The digest of the file `name` now; None if it is gone, unreadable, too large or no longer a
    regular file (a FIFO put in a pack's place is never opened for reading: it could block)."""
    try:
        data = read_regular_file(name, MAX_FILE_BYTES)
    except (OSError, ValueError):
        return None
    return _digest(data) if len(data) <= MAX_FILE_BYTES else None
