"""Which rules and which as-of date apply to which file: command line over config over defaults.

The pipeline runs one set of rules for a whole run. Per-path overrides are honoured in two steps:
the run is widened to every rule any path could want (`run_options`), then each finding is kept
only if its own path wants its rule (`keep`). Per-path dates travel with the options as plain
`DateRule`s (`date_rules`), which the pipeline applies to each document wherever it runs.

Precedence, as in ruff: `--select` replaces the config's `select` (and re-enables rules the config
ignores); `--ignore` adds to the config's `ignore`; an override's `select` replaces the selection
for its files unless `--select` was given; an override's `ignore` always applies to its files;
`--date` beats every configured date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

from checker.asof import DateRule
from checker.config import Config
from checker.findings import Finding
from checker.pipeline import LintOptions


@dataclass(frozen=True)
class Selection:
    """Rules to run: only `select` (all when empty), never `ignore`."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def wants(self, rule_id: str) -> bool:
        return (not self.select or rule_id in self.select) and rule_id not in self.ignore


class PathSelection:
    """The base selection from the command line and config, refined per path by overrides."""

    def __init__(self, config: Config | None, cli_select: Iterable[str] = (), cli_ignore: Iterable[str] = (),
                 cli_date: dt.date | None = None) -> None:
        self.config = config
        self.cli_select = frozenset(cli_select)
        settings = config.settings if config else None
        select = self.cli_select or frozenset(settings.select if settings else ())
        ignore = (frozenset(settings.ignore if settings else ()) - self.cli_select) | frozenset(cli_ignore)
        self.base = Selection(select, ignore)
        self.cli_date = cli_date
        self._for_path = lru_cache(maxsize=4096)(self._compute)

    def __getstate__(self) -> dict:  # sent to audit workers: the per-path cache is rebuilt there
        state = dict(self.__dict__)
        del state["_for_path"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._for_path = lru_cache(maxsize=4096)(self._compute)

    def for_path(self, path: str) -> Selection:
        return self._for_path(path)

    def _compute(self, path: str) -> Selection:
        selection = self.base
        for override in self.config.overrides_for(path) if self.config else ():
            if override.select is not None and not self.cli_select:
                chosen = frozenset(override.select)
                selection = Selection(chosen, selection.ignore - chosen)
            selection = Selection(selection.select, selection.ignore | frozenset(override.ignore))
        return selection

    def run_options(self, options: LintOptions) -> LintOptions:
        """`options` widened to every rule that some path may want."""
        select, ignore = set(self.base.select), set(self.base.ignore)
        for override in self.config.settings.overrides if self.config else ():
            if override.select is not None and not self.cli_select:
                select = select | set(override.select) if select else select
                ignore -= set(override.select)
        return replace(options, select=frozenset(select), ignore=frozenset(ignore))

    def keep(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings whose own path wants their rule."""
        return [f for f in findings if self.for_path(f.path).wants(f.rule)]

    def date_rules(self) -> tuple[DateRule, ...]:
        """The dates the config imposes: its own `date:` for every path, then each override's
        for its paths (the last matching wins). `--date`, handled by the pipeline, beats them all."""
        if self.config is None:
            return ()
        name = self.config.path.name
        root = str(self.config.directory)
        rules = []
        if self.config.settings.date is not None:
            rules.append(DateRule(self.config.settings.date, name))
        for override in self.config.settings.overrides:
            if override.date is not None:
                rules.append(DateRule(override.date, f"{name} overrides", tuple(override.paths), root))
        return tuple(rules)
