"""Check kinds: small Python classes registered under a name that YAML rules select.

A rule pack can only *choose and parameterise* kinds; it can never name code to run. Built-in kinds
live in `checker.kinds`; a user's own kind is loaded only from an installed Python entry point in
the `figcheck.kinds` group, never from a path written in YAML.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from pydantic import BaseModel, ConfigDict

from checker.model import Problem, Quantity, Relation, RelationKind

if TYPE_CHECKING:
    from checker.documents.base import Block
    from checker.engine.packs import Rule
    from checker.rates.book import RateBook


class Params(BaseModel):
    """Base for a kind's parameters: unknown keys are errors, never silently ignored."""

    # defer_build: the schema is built on the first validation (a pack read afresh), not at import;
    # a run whose rules come from the rule cache (checker.engine.rule_cache) never builds it
    model_config = ConfigDict(extra="forbid", defer_build=True)

    def disabled_reason(self) -> str | None:
        """Why these parameters make the rule unable to ever fire, if they do."""
        return None


@dataclass
class Env:
    """What a check may know about the document besides its text."""

    path: str
    date: dt.date | None = None
    date_source: str | None = None
    rates_file: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def rates(self) -> "RateBook":
        """The composed rate sources, built once per process (and `--rates` file) and shared."""
        from checker.rates.book import compose_rates

        return compose_rates(self.rates_file)


@dataclass(slots=True)
class AnalyzedBlock:
    """One block of prose with what extraction and relating found in it."""

    block: "Block"
    quantities: list[Quantity]
    relations: list[Relation]

    @property
    def text(self) -> str:
        return self.block.text


class Check:
    """One rule at work on one document. Subclasses override `block` and/or `finish`.

    A new instance is made for every document, so document-level state (figures seen so far,
    styles used) lives on the instance and must stay bounded. `consumes` names the relation
    types the check reads; the pipeline hands its `block()` only those (a check that reads
    quantities alone consumes none).
    """

    consumes: ClassVar[tuple[RelationKind, ...]] = ()

    def __init__(self, rule: "Rule", params: Params, env: Env) -> None:
        self.rule = rule
        self.params = params
        self.env = env

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        return ()

    def finish(self) -> Iterable[Problem]:
        return ()


@dataclass(frozen=True)
class CheckKind:
    name: str
    check: type[Check]
    params: type[Params]

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.name

    @property
    def consumes(self) -> tuple[RelationKind, ...]:
        return self.check.consumes


_KINDS: dict[str, CheckKind] = {}
ENTRY_POINT_GROUP = "figcheck.kinds"


def register(name: str, params: type[Params] = Params):
    """Class decorator: make a Check subclass available to rule packs as `kind: name`."""

    def decorate(cls: type[Check]) -> type[Check]:
        _KINDS[name] = CheckKind(name, cls, params)
        return cls

    return decorate


def _load_builtins() -> None:
    """Import the built-in kinds (each registers itself); cheap after the first call."""
    from checker.kinds import BUILTIN_KINDS

    for module in BUILTIN_KINDS:
        importlib.import_module(f"checker.kinds.{module}")


def get_kind(name: str) -> CheckKind | None:
    """The kind registered as `name`: a built-in, or one from an installed entry point."""
    _load_builtins()
    if name in _KINDS:
        return _KINDS[name]
    from importlib import metadata  # only for a kind no built-in provides (a slow import to start with)

    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry.name == name:
            cls = entry.load()  # importing it normally registers it through @register
            if name not in _KINDS and isinstance(cls, type) and issubclass(cls, Check):
                _KINDS[name] = CheckKind(name, cls, getattr(cls, "Params", Params))
            return _KINDS.get(name)
    return None


def all_kinds() -> dict[str, CheckKind]:
    _load_builtins()
    return dict(sorted(_KINDS.items()))
