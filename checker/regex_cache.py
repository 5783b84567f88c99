"""Compiled regular expressions kept across runs, so start-up does not re-parse them every time.

figcheck builds a few hundred patterns from its vocabulary when its modules load (currency names,
change verbs, unit words, the Chinese grammar). Python's `re` parses and compiles each one in pure
Python on every start: about half of a one-file lint. The compiled form `re` produces is plain data
(the opcodes, the flags and the group names), so it is stored once (the opcodes as an array, which
unpickles as one block of bytes: a list of ints took about 10 ms to read back) in figcheck's cache
directory and handed straight back to `_sre.compile` next time: the same pattern object, without
the parse.

Safe by construction: an entry is keyed on the pattern's full text and flags, the file on the exact
Python build and the `_sre` engine's version, and any problem (another Python, a damaged or
unwritable cache, a missing internal) falls back to `re`'s own compiler. Only patterns compiled by
figcheck's own modules (and the libraries of CACHED_MODULES) are recorded; the cache never changes
a result.
"""

from __future__ import annotations

import atexit
import hashlib
from array import array
import os
import sys

MAX_ENTRIES = 3000  # a lint compiles about 350; past this the table keeps only the last run's patterns
# Whose patterns are kept: figcheck's own, and those of the libraries a lint loads whose patterns are
# fixed text (module constants: yaml's resolver, rich's markup, typer, babel's plural rules, cn2an's
# numerals, and the standard modules below): about 70 of them, re-parsed on every start otherwise.
# Not cn2an's helper `proces`: its one big pattern (every Chinese city) is joined in set order, which
# differs from run to run, so it would never be found and would fill the table; not fnmatch or glob,
# whose patterns are the user's globs. A user's pack patterns are never kept.
CACHED_MODULES = ("checker.", "cn2an.", "tomllib.", "yaml.", "rich.", "typer.", "pydantic.", "babel.", "json.",
                  "email.")
CACHED_STDLIB = frozenset({"platform", "textwrap", "tokenize", "string", "locale", "inspect", "pathlib",
                           "importlib.metadata"})

_installed = False


def install() -> None:
    """Route `re`'s compiler through the cache (once per process; a no-op where `re` differs)."""
    global _installed
    if _installed or os.environ.get("FIGCHECK_NO_REGEX_CACHE"):
        return
    _installed = True
    try:
        import _sre
        import re
        from re import _compiler, _parser

        original = _compiler.compile
        path = _cache_path(_sre)
        typecode = next(t for t in "IQ" if array(t).itemsize == _sre.CODESIZE)
    except Exception:  # another Python's internals: leave `re` alone
        return
    table = _load(path)
    added: dict = {}
    used: set = set()

    def compile(pattern, flags=0):  # noqa: A001 - the name `re` calls
        flags = int(flags)
        if not isinstance(pattern, str) or flags & re.DEBUG:
            return original(pattern, flags)
        entry = table.get((pattern, flags))
        if entry is not None:
            try:
                compiled = _sre.compile(pattern, entry[0], entry[1].tolist(), *entry[2:])
                used.add((pattern, flags))
                return compiled
            except Exception:
                table.pop((pattern, flags), None)
        if len(added) >= MAX_ENTRIES or not _from_figcheck():
            return original(pattern, flags)
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groups = parsed.state.groupdict
        names = [None] * parsed.state.groups
        for name, index in groups.items():
            names[index] = name
        entry = (int(flags | parsed.state.flags), array(typecode, code), parsed.state.groups - 1, dict(groups),
                 tuple(names))
        compiled = _sre.compile(pattern, entry[0], code, *entry[2:])
        added[(pattern, flags)] = entry
        return compiled

    _compiler.compile = compile
    atexit.register(lambda: _save(path, added, used))


def _from_figcheck() -> bool:
    """Whether the pattern being compiled comes from a figcheck module or a library named in
    CACHED_MODULES (never from a user's pack)."""
    frame = sys._getframe(2)
    for _ in range(4):  # re.compile / re.search and re._compile sit between figcheck and here
        if frame is None:
            return False
        module = frame.f_globals.get("__name__", "")
        if (module.startswith(CACHED_MODULES) or module in CACHED_STDLIB) and module != __name__:
            return True
        if module not in ("re", "re._compiler"):
            return False
        frame = frame.f_back
    return False


def _cache_path(_sre):
    from checker.pickle_cache import cache_dir

    # "array": the opcodes are kept as an array (one block of bytes, read back at once), not a list of ints
    build = f"array|{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}|{_sre.MAXREPEAT}"
    return cache_dir() / f"regex-{hashlib.sha256(build.encode()).hexdigest()[:20]}.pickle"


def _load(path) -> dict:
    from checker.pickle_cache import read_pickle

    return read_pickle(path, dict) or {}  # missing, damaged or foreign: compile afresh


def _save(path, added: dict, used: set) -> None:
    """Write the table with this run's new patterns, atomically (concurrent runs each leave a whole file).

    The table on disk is read again first, so what concurrent runs added is kept. Patterns of older
    figcheck versions are never asked for again; once the table passes MAX_ENTRIES it is cut down to
    the patterns this run used or added, so it never fills up and stops taking new ones."""
    if not added:
        return
    from checker.pickle_cache import grown_table, write_pickle

    write_pickle(path, grown_table(_load(path), added, used, MAX_ENTRIES))
