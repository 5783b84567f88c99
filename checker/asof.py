"""Which as-of date a document is checked at.

`--date` beats everything; then a configured date for the document's path (a per-path override,
the last matching one winning, then the config's own `date:`); then the document's own date
(front matter, HTML meta). The rules are plain data, so they travel to worker processes.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DateRule:
    """`date` for documents whose path matches `patterns` (gitignore syntax, relative to `root`);
    no patterns means every document."""

    date: dt.date
    source: str
    patterns: tuple[str, ...] = ()
    root: str = "."

    def applies_to(self, path: str) -> bool:
        if not self.patterns:
            return True
        if path.startswith("<"):  # <stdin>, <text>: no path to match
            return False
        relative = os.path.relpath(os.path.abspath(path.split("#", 1)[0]), os.path.abspath(self.root))
        if relative.startswith(".."):
            return False
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(self.patterns).match_file(Path(relative).as_posix())


def as_of(path: str, own: tuple[dt.date | None, str | None], cli_date: dt.date | None,
          rules: tuple[DateRule, ...]) -> tuple[dt.date | None, str | None]:
    """(date, where it came from) for the document at `path` whose own date is `own`."""
    if cli_date is not None:
        return cli_date, "--date"
    for rule in reversed(rules):
        if rule.applies_to(path):
            return rule.date, rule.source
    return own
