"""Every word figcheck knows, read from the data files in this folder and validated once per process.

Currency names, symbols, codes and context cues (currencies.yaml, families.yaml), scale words
(scales.yaml), hedges (hedges.yaml), change verbs and nouns (changes.yaml), number words
(numbers.yaml), physical units (units.yaml), what is never an amount (exclusions.yaml) and the
wording that ties figures together (cues.yaml). Stages never keep a copy: they build their
patterns from `vocab()`.

Reading and validating the YAML costs tens of milliseconds, a noticeable share of a one-file lint;
the validated tables are therefore kept as a pickle in figcheck's cache directory, keyed on the
files' contents and on this package's code, so any edit replaces it. A cache that cannot be read or
written is ignored: it never changes a result.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from checker.pickle_cache import cache_dir, read_pickle, write_pickle

if TYPE_CHECKING:
    from checker.vocab import schema

HERE = Path(__file__).parent
# file name -> its model in `schema` (imported only when the files are read, not from the cache)
FILES: dict[str, str] = {
    "currencies": "CurrencyFile",
    "families": "FamilyFile",
    "scales": "ScaleFile",
    "hedges": "HedgeFile",
    "changes": "ChangeFile",
    "numbers": "NumberFile",
    "units": "UnitFile",
    "exclusions": "ExclusionFile",
    "cues": "CueFile",
    "zh_words": "ZhWordFile",
}


class VocabError(ValueError):
    """A vocabulary file that does not validate: names the file and what is wrong."""


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The validated files, as plain attribute trees shaped like their `schema` models (plain data
    unpickles without importing pydantic or building the models, which is most of the saving)."""

    currencies: "schema.CurrencyFile"
    families: "schema.FamilyFile"
    scales: "schema.ScaleFile"
    hedges: "schema.HedgeFile"
    changes: "schema.ChangeFile"
    numbers: "schema.NumberFile"
    units: "schema.UnitFile"
    exclusions: "schema.ExclusionFile"
    cues: "schema.CueFile"
    zh_words: "schema.ZhWordFile"

    # --- views the stages share ----------------------------------------------------------------
    def currency(self, code: str) -> "schema.Currency | None":
        return _by_code(self).get(code)

    def family(self, name: str) -> "schema.Family | None":
        return _by_family(self).get(name)

    def scale_words(self, role: str) -> dict[str, float]:
        """Scale words that play `role` (see scales.yaml), with their multipliers, in file order."""
        return {s.word: s.value for s in self.scales.scales if role in s.roles}

    def zh(self, concept: str) -> list[str]:
        """The Chinese words of a zh_words.yaml entry, its characters and the words of the entries it
        includes, in order, as written (readers fold them as they fold the text)."""
        entry = self.zh_words.concepts[concept]
        words = list(entry.words) + list(entry.chars)
        for other in entry.include:
            words += self.zh(other)
        return words

    def zh_big_unit_values(self) -> dict[str, float]:
        """万 亿 兆 with their values, and the Traditional forms the fold maps onto them (萬 億)."""
        big = self.scales.zh_big_units
        return {**{old: big[new] for old, new in self.numbers.zh.fold.items() if new in big}, **big}

    def hedge_words(self, role: str) -> list[str]:
        """Hedges read in `role` (see hedges.yaml), in file order."""
        return [h.word for h in self.hedges.hedges if role in h.roles]


def _by_code(v: Vocabulary) -> "dict[str, schema.Currency]":
    return _index(v)[0]


def _by_family(v: Vocabulary) -> "dict[str, schema.Family]":
    return _index(v)[1]


@lru_cache(maxsize=1)
def _index(v: Vocabulary):
    return ({c.code: c for c in v.currencies.currencies}, {f.name: f for f in v.families.families})


def paths() -> dict[str, Path]:
    return {name: HERE / f"{name}.yaml" for name in FILES}


@lru_cache(maxsize=1)
def vocab() -> Vocabulary:
    """The vocabulary, from the cache when it is current, else read and validated from the files."""
    raw = {name: path.read_bytes() for name, path in paths().items()}
    cache = _cache_file(raw)
    if cache is not None:
        loaded = read_pickle(cache, Vocabulary)
        if loaded is not None:
            return loaded
    loaded = build(raw)
    if cache is not None:
        write_pickle(cache, loaded)
    return loaded


def build(raw: dict[str, bytes]) -> Vocabulary:
    """Parse and validate every file, then check what spans files (members exist, no word twice)."""
    import yaml
    from pydantic import ValidationError

    from checker.vocab import schema

    Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    tables = {}
    for name, model in FILES.items():
        try:
            data = yaml.load(raw[name].decode("utf-8"), Loader=Loader)
            tables[name] = getattr(schema, model).model_validate(data)
        except yaml.YAMLError as exc:
            raise VocabError(f"{name}.yaml: {exc}") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise VocabError(f"{name}.yaml: {where}: {first['msg']}") from None
    problems = schema.cross_check(SimpleNamespace(**tables))
    if problems:
        raise VocabError("; ".join(problems))
    return Vocabulary(**{name: _plain(table) for name, table in tables.items()})


def _plain(value):
    """A validated model as nested SimpleNamespaces, lists and dicts."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return SimpleNamespace(**{field: _plain(getattr(value, field)) for field in type(value).model_fields})
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


# --- the cache (checker.pickle_cache: the directory the rate series are cached in too) ----------
def _cache_file(raw: dict[str, bytes]) -> Path | None:
    digest = hashlib.sha256()
    for name in sorted(raw):
        digest.update(name.encode() + b"\0" + raw[name] + b"\0")
    for code in (HERE / "__init__.py", HERE / "schema.py"):
        try:
            digest.update(code.read_bytes())
        except OSError:
            return None
    return cache_dir() / f"vocab-{digest.hexdigest()[:24]}.pickle"


def derived(kind: str, key: str, compute):
    """`compute()`, kept across processes in the cache directory under a hash of `key` (the full
    input it is computed from, such as a pattern's text), for tables built from the vocabulary that
    cost a noticeable share of start-up. A cache that cannot be read or written is ignored."""
    path = cache_dir() / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pickle"
    stored = read_pickle(path, tuple)
    if stored is not None and len(stored) == 2 and stored[0] == key:
        return stored[1]
    value = compute()
    write_pickle(path, (key, value))
    return value


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for the words of an alternation: longer first (so "miles" is tried before "mile"),
    then alphabetical, so that a pattern built from a set reads the same in every process (its
    text is what the compiled-pattern cache in `checker.regex_cache` is keyed on)."""
    return -len(word), word


def alternation(words, space: str | None = r"\s+") -> str:
    """A regular-expression alternation of `words`, longest first, each escaped; a space inside a
    word matches `space` (any run of white space by default; None keeps it a literal space)."""
    import re

    ordered = sorted(dict.fromkeys(words), key=longest_first)
    escaped = (re.escape(word) for word in ordered)
    if space is not None:
        escaped = (word.replace(r"\ ", space) for word in escaped)
    return "|".join(escaped)
