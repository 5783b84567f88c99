"""Rule packs: YAML files that switch check kinds on and parameterise them.

A pack is validated in two passes, both reported with the file, the line and the field:
the pack's own shape (pydantic), then each rule's `params` against its kind's parameter model.
A rule that names no registered kind, or whose parameters make it unable to ever fire, is an
error at load time rather than a silent no-op. `extends:` pulls in other packs, resolved relative
to the file that names them; a later rule with the same id replaces the earlier one.
"""

from __future__ import annotations

import importlib.util
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.empty import new_dict, new_list
from checker.kinds.base import CheckKind, Params, get_kind
from checker.yaml_source import YamlDocument, YamlError, load_yaml, reads_recorded

SeverityName = Literal["error", "warning", "info"]


class PackError(YamlError):
    """A rule pack that cannot be used (exit 2)."""


class Examples(BaseModel):
    """Snippets a rule must flag (`bad`) and must leave alone (`good`); run by `rules test`."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built on first validation (see Rule)
    bad: list[str] = Field(default_factory=new_list)
    good: list[str] = Field(default_factory=new_list)
    date: str | None = Field(default=None, description="as-of date for the snippets, YYYY-MM-DD")

    @field_validator("date", mode="before")
    @classmethod
    def _day_as_written(cls, value: object) -> object:
        """`date: 2025-04-15` unquoted is a YAML date, as a config's `date:` reads it: keep its day. A
        day that does not exist (2025-02-30) is the pack's error at its line, caught by `rules validate`."""
        import datetime as dt

        if isinstance(value, dt.date):
            return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
        if isinstance(value, str):
            from checker.dates import parse_day

            parse_day(value)  # BadDate is a ValueError: pydantic names the field
        return value


class Rule(BaseModel):
    # defer_build: the validator is built when a pack is first validated, not at import; a run whose
    # rules come from the rule cache (checker.engine.rule_cache) never builds it
    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)
    kind: str
    severity: SeverityName = "warning"
    message: str | None = Field(
        default=None, max_length=2_000,
        description="template; {message}, {suggestion} and evidence keys may be used",
    )
    description: str | None = None
    link: str | None = Field(default=None, description="a page that documents the rule (SARIF helpUri), as in Vale")
    enabled: bool = True
    params: dict = Field(default_factory=new_dict)
    examples: Examples | None = None

    def render_message(self, message: str, suggestion: str | None, evidence: dict) -> str:
        """The message template filled in. Format specs and conversions are ignored, so a pack
        cannot ask for "{message:>999999999}" and make every finding a gigabyte long."""
        if not self.message:
            return message
        values = {**evidence, "message": message, "suggestion": suggestion or ""}
        try:
            parts = list(string.Formatter().parse(self.message))
        except ValueError:
            return message
        out, size = [], 0
        for literal, name, _spec, _conversion in parts:
            out.append(literal)
            if name is not None:
                out.append(str(values.get(name, "?"))[:MAX_FIELD_CHARS])
            size += len(out[-1]) + (len(literal) if name is not None else 0)
            if size > MAX_MESSAGE_CHARS:  # "{message}" a thousand times is not a 2 MB message
                return "".join(out)[: MAX_MESSAGE_CHARS - 1] + "…"
        return "".join(out)


MAX_FIELD_CHARS = 2_000
MAX_MESSAGE_CHARS = 4_000
MAX_EXTENDS_DEPTH = 32


class PackFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # see Rule

    extends: list[str] = Field(default_factory=new_list)
    rules: list[Rule] = Field(default_factory=new_list)

    @field_validator("extends", mode="before")
    @classmethod
    def _one_or_many(cls, value):
        return [value] if isinstance(value, str) else value


@dataclass(frozen=True)
class LoadedRule:
    """A rule ready to run: its definition, its kind and its validated parameters."""

    rule: Rule
    kind: CheckKind
    params: Params
    origin: str  # the pack file it came from

    @property
    def id(self) -> str:
        return self.rule.id


def default_pack_path() -> Path:
    """rules/default.yaml: shipped inside the wheel as checker/rules, or beside the package in a checkout.
    (Found through the import system's spec, as importlib.resources would, without importing it.)"""
    try:
        spec = importlib.util.find_spec("checker.rules")
    except (ImportError, ValueError):
        spec = None
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        shipped = Path(folder) / "default.yaml"
        if shipped.is_file():
            return shipped
    return Path(__file__).resolve().parents[2] / "rules" / "default.yaml"


def load_rules(paths: list[str | Path] | None = None, *, with_default: bool = True) -> list[LoadedRule]:
    """The rules of the default pack (unless told not to) followed by those of `paths`: from the
    rule cache when no file they were read from has changed, else loaded and validated (and kept)."""
    from checker.engine import rule_cache

    sources: list[Path] = ([default_pack_path()] if with_default else []) + [Path(p) for p in paths or []]
    kept = rule_cache.cache_file(sources, with_default)
    cached = rule_cache.read_rules(kept)
    if cached is not None:
        return cached
    with reads_recorded() as read:
        rules: dict[str, LoadedRule] = {}
        every: list[LoadedRule] = []
        for path in sources:
            for loaded in load_pack(path):
                every.append(loaded)
                rules.pop(loaded.id, None)
                rules[loaded.id] = loaded
    enabled = [r for r in rules.values() if r.rule.enabled]
    builtin = all(r.kind.check.__module__.startswith(BUILTIN_KIND_MODULES) for r in every)
    rule_cache.write_rules(kept, enabled, read, every_kind_builtin=builtin)
    return enabled


BUILTIN_KIND_MODULES = "checker.kinds."  # kinds whose code the rule cache watches; a plugin's it cannot


def load_pack(path: str | Path, _seen: tuple[Path, ...] = ()) -> list[LoadedRule]:
    """Every rule of one pack, its `extends:` first."""
    path = Path(path)
    resolved = path.resolve()
    if len(_seen) >= MAX_EXTENDS_DEPTH:
        raise PackError(str(path), f"extends: chain of more than {MAX_EXTENDS_DEPTH} rule packs")
    if resolved in _seen:
        raise PackError(str(path), "extends itself (cycle through " + " -> ".join(p.name for p in _seen) + ")")
    try:
        document = load_yaml(path)
    except YamlError as exc:
        raise PackError(exc.path, exc.message, exc.line) from None
    if document.data is None:
        raise PackError(str(path), "empty rule pack: expected a mapping with a 'rules:' list")
    if not isinstance(document.data, dict):
        raise PackError(str(path), "a rule pack is a mapping with a 'rules:' list", document.line_of(()))
    try:
        pack = PackFile.model_validate(document.data)
    except ValidationError as exc:
        raise _pack_error(document, exc, ()) from None

    rules: list[LoadedRule] = []
    for index, target in enumerate(pack.extends):
        target_path = (path.parent / target) if not Path(target).is_absolute() else Path(target)
        if not target_path.is_file():
            raise PackError(str(path), f"extends: no such rule pack: {target}", document.line_of(("extends", index)))
        rules.extend(load_pack(target_path, _seen + (resolved,)))
    seen_ids: set[str] = set()
    for index, rule in enumerate(pack.rules):
        loc = ("rules", index)
        if rule.id in seen_ids:
            raise PackError(str(path), f"rule id '{rule.id}' is defined twice", document.line_of(loc + ("id",)))
        seen_ids.add(rule.id)
        rules.append(_bind(document, rule, loc))
    return rules


def _bind(document: YamlDocument, rule: Rule, loc: tuple) -> LoadedRule:
    kind = get_kind(rule.kind)
    if kind is None:
        from checker.kinds.base import all_kinds

        known = ", ".join(all_kinds())
        raise PackError(
            document.path,
            f"rules[{loc[1]}].kind: unknown check kind '{rule.kind}' (known kinds: {known})",
            document.line_of(loc + ("kind",)),
        )
    try:
        # The context lets a kind resolve a path param relative to the pack that names it.
        params = kind.params.model_validate(rule.params, context={"pack_dir": str(Path(document.path).parent)})
    except ValidationError as exc:
        raise _pack_error(document, exc, loc + ("params",)) from None
    reason = params.disabled_reason()
    if reason and rule.enabled:
        raise PackError(
            document.path,
            f"rule '{rule.id}' can never fire: {reason}",
            document.line_of(loc + ("params",)),
        )
    return LoadedRule(rule, kind, params, document.path)


def _pack_error(document: YamlDocument, exc: ValidationError, prefix: tuple) -> PackError:
    """The first validation error, with its field path and the line it sits on."""
    error = exc.errors()[0]
    loc = prefix + tuple(error["loc"])
    field = _dotted(loc)
    message = error["msg"].removeprefix("Value error, ")  # pydantic's prefix to a ValueError raised by a validator
    if error["type"] == "extra_forbidden":
        message = "unknown key"
    elif error["type"] == "literal_error" and "expected" in error.get("ctx", {}):
        message = f"must be {error['ctx']['expected']}"
    more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return PackError(document.path, f"{field}: {message}{more}", document.line_of(loc))


def _dotted(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"
