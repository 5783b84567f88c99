"""Project configuration: `figcheck.yaml`, `.figcheck.yaml` or `[tool.figcheck]` in `pyproject.toml`.

The file is found by walking up from the working directory (the first directory holding one of
them wins, as ruff and markdownlint do), or named with `--config`. It is validated strictly: an
unknown or misspelt key is an error naming the file and line, because a silently ignored
`ignore:` would let wrong figures through a CI gate. Paths inside it (rule packs, rates, override
globs) are relative to the file, so a run gives the same answer from any subdirectory.

    config = discover(Path.cwd())            # or load_config(Path("figcheck.yaml")); None if absent
    config.rule_packs(), config.options_for("docs/a.md")
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal, Sequence

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.dates import parse_day
from checker.safety import read_regular_file
from checker.yaml_source import YamlError, load_yaml
from checker.report import FORMATS

YAML_NAMES = ("figcheck.yaml", ".figcheck.yaml")
PYPROJECT = "pyproject.toml"


class ConfigError(YamlError):
    """A config file that cannot be used; `str()` is `path:line: message` (exit 2 in the CLI)."""


def _as_list(value: Any) -> Any:
    """Let `ignore: rule-a` mean `ignore: [rule-a]`, as in rule packs."""
    return [value] if isinstance(value, str) else value


def _as_date(value: Any) -> Any:
    """YAML already turns 2025-04-15 into a date; TOML and quoted strings need parsing."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return parse_day(value)
    return value


def _globs(value: list[str]) -> list[str]:
    """Globs that compile: `[z-a]` is the config's error, named at its line, not an internal one."""
    from checker.documents.globs import glob_spec

    glob_spec(value)  # GlobError is a ValueError: pydantic reports it at the key
    return value


def _named(value: Any) -> Any:
    """A file or field name that is blank (`rates: ""`, `rules: [""]`: an unset variable in a
    templated config) is the config's error, never the config's own folder read as the file."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and not item.strip():
            raise ValueError("is empty (an unset variable?); give a name or leave the key out")
    return value


class _Strict(BaseModel):
    # Only the documented spellings; the validators are built on first use, so a run without a
    # config file never pays for them (defer_build).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Override(_Strict):
    """Settings for the files matching `paths` (gitignore-style globs relative to the config)."""

    paths: list[str] = Field(min_length=1)
    select: list[str] | None = None
    ignore: list[str] = []
    date: dt.date | None = None

    _lists = field_validator("paths", "select", "ignore", mode="before")(_as_list)
    _date = field_validator("date", mode="before")(_as_date)
    _paths = field_validator("paths")(_globs)


class ConfigFile(_Strict):
    """Every key a config file may hold; the hyphenated spellings are the documented ones."""

    extends: list[str] = []
    rules: list[str] = []
    select: list[str] = []
    ignore: list[str] = []
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(default=None, alias="fail-on")
    date: dt.date | None = None
    rates: str | None = None
    include: list[str] = []
    exclude: list[str] = []
    field: str | None = None
    date_field: str | None = Field(default=None, alias="date-field")
    format: Literal[FORMATS] | None = None  # type: ignore[valid-type]
    overrides: list[Override] = []

    _lists = field_validator("extends", "rules", "select", "ignore", "include", "exclude", mode="before")(_as_list)
    _date = field_validator("date", mode="before")(_as_date)
    _globs = field_validator("include", "exclude")(_globs)
    _named = field_validator("extends", "rules", "rates", "field", "date_field")(_named)


@dataclass(frozen=True)
class Config:
    """A validated config file, with what is needed to point back into it."""

    path: Path
    settings: ConfigFile
    line_of: Callable[[Sequence[str | int]], int | None]

    @property
    def directory(self) -> Path:
        return self.path.parent

    def resolve(self, relative: str) -> Path:
        """A path written in the config, made relative to the config's directory."""
        return Path(relative) if Path(relative).is_absolute() else self.directory / relative

    def rule_packs(self) -> list[Path]:
        """`extends:` then `rules:`, in order; later packs redefine earlier rule ids."""
        packs = []
        for key in ("extends", "rules"):
            for index, name in enumerate(getattr(self.settings, key)):
                pack = self.resolve(name)
                if not pack.exists():  # a FIFO or a folder is named, and refused in one line, when loaded
                    raise self.error(f"{key}: no such rule pack: {name}", (key, index))
                packs.append(pack)
        return packs

    def rates_file(self) -> Path | None:
        if self.settings.rates is None:
            return None
        rates = self.resolve(self.settings.rates)
        if not rates.exists():
            raise self.error(f"rates: no such file: {self.settings.rates}", ("rates",))
        return rates

    def check_rule_ids(self, known: set[str]) -> None:
        """Refuse rule ids that no loaded pack defines: a typo would silently select nothing."""
        places: list[tuple[str, tuple]] = []
        for key in ("select", "ignore"):
            places += [(rule, (key, i)) for i, rule in enumerate(getattr(self.settings, key))]
        for n, override in enumerate(self.settings.overrides):
            for key in ("select", "ignore"):
                places += [(rule, ("overrides", n, key, i)) for i, rule in enumerate(getattr(override, key) or ())]
        for rule, loc in places:
            if rule not in known:
                raise self.error(f"{'.'.join(str(p) for p in loc[:-1])}: unknown rule id {rule!r}", loc)

    def overrides_for(self, path: str) -> list[Override]:
        """The overrides whose globs match `path` (a document path as the walk reports it)."""
        if not self.settings.overrides:
            return []
        relative = _relative_posix(path, self.directory)
        if relative is None:
            return []
        import pathspec  # only a config with overrides matches paths: most runs never import it

        return [o for o in self.settings.overrides if pathspec.GitIgnoreSpec.from_lines(o.paths).match_file(relative)]

    def error(self, message: str, loc: Sequence[str | int]) -> ConfigError:
        return ConfigError(str(self.path), message, self.line_of(loc))


def _relative_posix(path: str, directory: Path) -> str | None:
    if path.startswith("<"):  # <stdin>, <text>
        return None
    relative = os.path.relpath(os.path.abspath(path), directory.resolve())
    return None if relative.startswith("..") else Path(relative).as_posix()


# ------------------------------------------------------------------------------ finding & loading


def discover(start: Path) -> Config | None:
    """The config governing `start`: the nearest directory upward holding one, or None."""
    start = start.resolve()
    for directory in (start, *start.parents):
        for name in YAML_NAMES:
            if (directory / name).exists():  # the nearest config governs, even one that cannot be read
                return load_config(directory / name)
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_figcheck_table(pyproject):
            return load_config(pyproject)
    return None


def load_config(path: Path) -> Config:
    """Read and validate one config file (YAML, or a pyproject.toml's [tool.figcheck])."""
    if path.name == PYPROJECT or path.suffix == ".toml":
        data, line_of = _read_toml(path)
    else:
        try:
            document = load_yaml(path)
        except YamlError as exc:
            raise ConfigError(exc.path, exc.message, exc.line) from None
        data, line_of = document.data, document.line_of
        if data is None:
            data = {}
    if not isinstance(data, dict):
        raise ConfigError(str(path), "a config file is a mapping of settings", line_of(()))
    try:
        settings = ConfigFile.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(path, exc, line_of) from None
    return Config(path, settings, line_of)


def _has_figcheck_table(path: Path) -> bool:
    try:
        text = read_regular_file(path, MAX_TOML_BYTES).decode("utf-8-sig")  # a BOM (Notepad) reads as nothing
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return "figcheck" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        # someone else's broken pyproject is not ours to report while discovering; one with our
        # table is, or its settings (fail-on, select) would silently not apply
        return _FIGCHECK_TABLE.search(text) is not None


_FIGCHECK_TABLE = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*figcheck[ \t]*[\].]", re.MULTILINE)


MAX_TOML_BYTES = 2_000_000  # a pyproject.toml is kilobytes; /dev/zero named as one never ends


def _read_toml(path: Path) -> tuple[Any, Callable[[Sequence[str | int]], int | None]]:
    try:
        raw = read_regular_file(path, MAX_TOML_BYTES)
        if len(raw) > MAX_TOML_BYTES:
            raise ConfigError(str(path), f"larger than {MAX_TOML_BYTES // 1_000_000} MB; not a config file")
        text = raw.decode("utf-8-sig")  # tomllib refuses a BOM; Notepad writes one
    except FileNotFoundError:
        raise ConfigError(str(path), "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read: {exc}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # TOML knows no lone-CR line end
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise ConfigError(str(path), f"invalid TOML: {exc}", int(line.group(1)) if line else None) from None
    if path.name == PYPROJECT:
        if "figcheck" not in data.get("tool", {}):
            raise ConfigError(str(path), "has no [tool.figcheck] table")
        data = data["tool"]["figcheck"]
    lines = text.splitlines()
    return data, lambda loc: _toml_line(lines, loc, nested=path.name == PYPROJECT)


def _toml_line(lines: list[str], loc: Sequence[str | int], nested: bool) -> int | None:
    """Best-effort line of a key in TOML (tomllib keeps no positions): the table header, then the
    key inside it; inside `[[...overrides]]` the n-th such header."""
    prefix = "tool.figcheck" if nested else ""
    table = prefix
    skip = 0
    keys = [k for k in loc if isinstance(k, str)]
    if len(loc) >= 2 and loc[0] == "overrides" and isinstance(loc[1], int):
        table, skip, keys = f"{prefix}.overrides".lstrip("."), loc[1], [k for k in loc[2:] if isinstance(k, str)]
    start = _header_line(lines, table, skip) if table else 0
    if start is None:
        return None
    key = keys[0] if keys else None
    if key is None:
        return start + 1 if table else None
    pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*=')
    for number in range(start + (1 if table else 0), len(lines)):
        if number > start and lines[number].lstrip().startswith("["):
            break
        if pattern.match(lines[number]):
            return number + 1
    return start + 1 if table else None


def _header_line(lines: list[str], table: str, skip: int) -> int | None:
    pattern = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\s*\]\]?\s*(#.*)?$")
    seen = 0
    for number, line in enumerate(lines):
        if pattern.match(line):
            if seen == skip:
                return number
            seen += 1
    return None


def _validation_error(path: Path, exc: ValidationError, line_of) -> ConfigError:
    """The first problem, as `field: message`, at the line of the offending key."""
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    field = ".".join(str(part) for part in loc) or "(top level)"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown key"
    elif error["type"] == "literal_error" and "expected" in error.get("ctx", {}):
        message = f"must be {error['ctx']['expected']}"
    more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return ConfigError(str(path), f"{field}: {message}{more}", line_of(loc))
