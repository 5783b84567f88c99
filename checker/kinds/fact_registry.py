"""The house-facts registry: known figures in YAML, validated by pydantic.

    facts:
      - entity: Big Fund phase III
        aliases: ["Big Fund III", "third phase of the Big Fund"]
        value: 344e9
        currency: CNY          # or `unit:` with a pint unit name
        as_of: 2024-05-24
        tolerance: 0.02        # relative
        source: https://...

Loaded through the same safe YAML reader as rule packs, so an error names the file and line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, model_validator

from checker.empty import new_list
from checker.pickle_cache import cache_dir, read_pickle, write_pickle
from checker.yaml_source import YamlError, load_yaml, note_read
from checker.vocab import longest_first


class Fact(BaseModel):
    # defer_build: the validator is built when a registry is read afresh, not at import; a run that
    # finds the registry in the cache (_cache_file) never builds it
    model_config = ConfigDict(extra="forbid", defer_build=True)

    entity: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=new_list)
    value: float = Field(gt=0)
    unit: str | None = None
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    as_of: dt.date
    tolerance: float = Field(0.02, ge=0, lt=1)
    source: HttpUrl

    @model_validator(mode="after")
    def _one_measure(self) -> "Fact":
        if (self.unit is None) == (self.currency is None):
            raise ValueError("give exactly one of unit or currency")
        return self

    @cached_property
    def lowered_names(self) -> tuple[str, ...] | None:
        """The names in lower case when all are ASCII, for a substring test of lower-cased ASCII text
        (where `pattern`, read without case, can match only where one of them occurs); else None."""
        names = (self.entity, *self.aliases)
        return tuple(name.lower() for name in names) if all(name.isascii() for name in names) else None

    @cached_property
    def pattern(self) -> re.Pattern:
        from checker.extract.patterns import first_char_lookahead  # not at import: validating a pack loads no extract code

        names = sorted({self.entity, *self.aliases}, key=longest_first)
        body = "(?:" + "|".join(re.escape(n) for n in names) + ")"
        # the lookahead of the names' first characters lets the scan of each paragraph skip in C
        return re.compile(rf"{first_char_lookahead(body, re.IGNORECASE)}(?<!\w){body}(?!\w)", re.IGNORECASE)


class Registry(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # see Fact

    facts: list[Fact] = Field(default_factory=new_list)


class RegistryError(ValueError):
    """A registry file that cannot be used; the message names the file and line."""


def load_registry(path: str) -> Registry:
    """The registry at `path`, read once per process for each state of the file (an edit, or the
    same relative name in another folder, is read afresh: serve and the language server run long)."""
    from checker.pickle_cache import file_state

    note_read(path)  # a rule that names the registry depends on it (checker.engine.rule_cache)
    return _load_registry(path, file_state(path))


@lru_cache(maxsize=16)
def _load_registry(path: str, identity: tuple) -> Registry:
    if not Path(path).is_file():
        raise RegistryError(f"no such facts registry: {path}")
    kept = _cache_file(path)
    if kept is not None:
        cached = read_pickle(kept, Registry)
        if cached is not None:
            return cached
    try:
        document = load_yaml(path)
    except YamlError as exc:
        raise RegistryError(str(exc)) from None
    try:
        registry = Registry.model_validate(document.data or {})
    except ValidationError as exc:
        error = exc.errors()[0]
        line = document.line_of(tuple(error["loc"]))
        where = f"{path}:{line}" if line else path
        field = ".".join(str(p) for p in error["loc"]) or "(top level)"
        raise RegistryError(f"{where}: {field}: {error['msg']}") from None
    if kept is not None:
        write_pickle(kept, registry)
    return registry


def _cache_file(path: str) -> Path | None:
    """Where the registry validated from the bytes now at `path` is kept (checker.pickle_cache), so
    a run neither parses its YAML nor builds its validator again: keyed on those bytes, this
    module's code, figcheck's, pydantic's and Python's versions. None if the file cannot be read
    (the reading that follows says why); only a valid registry is ever kept."""
    import hashlib
    import sys

    from pydantic.version import VERSION as PYDANTIC

    from checker.safety import read_regular_file
    from checker.version import __version__

    try:
        raw = read_regular_file(path, MAX_REGISTRY_BYTES)
        code = os.stat(__file__)
    except (OSError, ValueError):
        return None
    if len(raw) > MAX_REGISTRY_BYTES:
        return None
    digest = hashlib.sha256(raw)
    digest.update(repr((__version__, PYDANTIC, sys.version, code.st_size, code.st_mtime_ns)).encode())
    return cache_dir() / f"facts-{digest.hexdigest()[:24]}.pickle"


MAX_REGISTRY_BYTES = 2_000_000  # as yaml_source reads at most
