"""The compiled-pattern cache (checker.regex_cache): patterns read the same in every process, and a
pattern handed back from the cache matches exactly as one `re` compiled itself."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, re, sys
from checker import regex_cache
regex_cache.install()  # as the command line's entry point (checker.launch) does
import checker.relate.changes as changes, checker.relate.parts as parts, checker.extract.amounts as amounts
patterns = {name: getattr(module, name).pattern for module, name in
            ((changes, "_VERB_BEFORE"), (changes, "_MULTIPLE"), (parts, "_SPLIT_AFTER"), (amounts, "CURRENCY_AFTER"))}
text = "Sales doubled to 5 billion yuan, rose by a third from $3 billion and were split between 2 and 3 units."
found = {name: [m.span() for m in re.compile(p, re.IGNORECASE).finditer(text)] for name, p in patterns.items()}
found["multiple"] = [m.span() for m in changes._MULTIPLE.finditer(text)]
print(json.dumps({"patterns": patterns, "found": found}))
"""


def probe(cache: Path, seed: str) -> dict:
    env = {**os.environ, "FIGCHECK_CACHE_DIR": str(cache), "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    env.pop("FIGCHECK_NO_REGEX_CACHE", None)
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_patterns_built_from_sets_read_the_same_under_any_hash_seed_and_the_cache_changes_no_match(tmp_path):
    first = probe(tmp_path, "1")  # compiles everything and writes the cache
    files = list(tmp_path.glob("regex-*.pickle"))
    assert len(files) == 1
    table = pickle.loads(files[0].read_bytes())
    assert (first["patterns"]["_MULTIPLE"], int(__import__("re").IGNORECASE)) in table
    second = probe(tmp_path, "2")  # another hash seed: same pattern texts, so served from the cache
    assert second["patterns"] == first["patterns"]
    assert second["found"] == first["found"]
    uncached = probe(tmp_path / "empty", "3")
    assert uncached["found"] == first["found"]
    assert first["found"]["multiple"]  # "doubled" is read: the probe exercises a real match


def test_a_damaged_cache_is_ignored(tmp_path):
    good = probe(tmp_path, "1")
    for path in tmp_path.glob("regex-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert probe(tmp_path, "1")["found"] == good["found"]


def test_a_full_table_of_old_patterns_is_cut_to_the_runs_own(tmp_path):
    """Patterns of older versions are never asked for again: once the table is past its bound it keeps
    what the last run used, so it never fills up and stops taking new patterns."""
    from checker.regex_cache import MAX_ENTRIES

    first = probe(tmp_path, "1")
    [path] = tmp_path.glob("regex-*.pickle")
    own = pickle.loads(path.read_bytes())
    stale = {(f"old pattern {number}", 0): own[next(iter(own))] for number in range(MAX_ENTRIES)}
    path.write_bytes(pickle.dumps(stale))  # a table filled by old versions: none of this run's patterns
    assert probe(tmp_path, "2")["found"] == first["found"]
    table = pickle.loads(path.read_bytes())
    assert not set(table) & set(stale) and 0 < len(table) <= len(own)  # this run's patterns, and only those
    assert (first["patterns"]["_MULTIPLE"], int(__import__("re").IGNORECASE)) in table
