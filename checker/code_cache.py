"""The methods `dataclasses` writes, compiled once and kept across runs, so start-up does not
compile them again every time.

figcheck and the libraries a lint loads define about 120 dataclasses. For each one `dataclasses`
writes the source of `__init__`, `__repr__`, `__eq__`, ... and compiles it with `exec`: some 500
compiles, about a tenth of a second of a one-file lint. The compiled form is plain data (a code
object, which `marshal` stores as the interpreter's own .pyc files do), so it is kept in figcheck's
cache directory under the exact source text and handed to `exec` next time: the same functions,
without the compile.

Safe by construction: an entry is keyed on the full source text, the file on the exact Python
build; the code is compiled exactly as `exec` compiles a string there (file name "<string>", no
inherited future flags); any problem (another Python, a damaged or unwritable cache) falls back to
compiling the text. Only `dataclasses`' own `exec` is routed here; the cache never changes a result.
"""

from __future__ import annotations

import atexit
import builtins
import os
import sys

MAX_ENTRIES = 4000  # a lint writes about 480 distinct sources; past this only the last run's are kept

_installed = False


def install() -> None:
    """Route `dataclasses`' exec through the cache (once per process)."""
    global _installed
    if _installed or os.environ.get("FIGCHECK_NO_CODE_CACHE"):
        return
    _installed = True
    try:
        import dataclasses
        import marshal

        path = _cache_path()
    except Exception:  # noqa: BLE001 - nothing to cache with: leave dataclasses alone
        return
    table = _load(path, marshal)
    added: dict = {}
    used: set = set()
    run = builtins.exec

    def exec(source, globals=None, locals=None, /):  # noqa: A001 - the name dataclasses calls
        if type(source) is not str:
            return run(source, globals, locals)
        code = table.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            added[source] = code
        used.add(source)
        return run(code, globals, locals)

    dataclasses.exec = exec  # found before the builtin: a module global shadows builtins
    atexit.register(lambda: _save(path, table, added, used, marshal))


def _cache_path():
    from binascii import crc32

    from checker.pickle_cache import cache_dir

    build = f"{sys.version}|{sys.implementation.cache_tag}|{sys.flags.optimize}"
    return cache_dir() / f"dataclass-code-{sys.implementation.cache_tag}-{crc32(build.encode()):08x}.pickle"


def _load(path, marshal) -> dict:
    from checker.pickle_cache import read_pickle

    data = read_pickle(path, tuple)  # (build, marshalled table)
    if data is None or len(data) != 2 or data[0] != sys.version:
        return {}
    try:
        table = marshal.loads(data[1])
    except Exception:  # noqa: BLE001 - damaged: compile afresh
        return {}
    return table if isinstance(table, dict) else {}


def _save(path, table: dict, added: dict, used: set, marshal) -> None:
    """Write the table with this run's new sources, atomically; past MAX_ENTRIES keep what this run used."""
    if not added:
        return
    from checker.pickle_cache import grown_table, write_pickle

    table = grown_table({**_load(path, marshal), **table}, added, used, MAX_ENTRIES)
    try:
        write_pickle(path, (sys.version, marshal.dumps(table)))
    except ValueError:  # a code object marshal cannot store: keep no cache rather than a bad one
        pass
