"""Checking one text in memory, as the web page and the language server need it.

The same pipeline and packs as `figcheck lint`: the project's config (found upward from the file's
directory, or named) chooses packs, rates, selection and dates; `--date` style dates win. On top of
the findings it returns where each checked relation sits, so a caller can mark the figures that
were checked and found right, and converts positions to offsets in the text.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from checker.documents import load_text
from checker.engine.packs import LoadedRule, load_rules
from checker.findings import Finding
from checker.fix.edits import LineIndex
from checker.pipeline import CheckedSpan, LintOptions, lint_document

MAX_TEXT_CHARS = 500_000


@dataclass
class TextCheck:
    """The findings for one text, the relations checked, and the as-of date used."""

    text: str
    findings: list[Finding]
    relations: list[CheckedSpan]
    date: dt.date | None
    date_source: str | None
    index: LineIndex = field(repr=False, default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.index = LineIndex(self.text)

    def offsets(self, line: int, column: int, end_line: int, end_column: int, span: str | None = None
                ) -> tuple[int, int] | None:
        """Character offsets [start, end) of a located span; `span` pins the end where it is known."""
        start = self.index.offset(line, column)
        if start is None:
            return None
        if span and self.text[start : start + len(span)] == span:
            return start, start + len(span)
        end = self.index.offset(end_line, end_column)
        return (start, max(end, start + 1)) if end is not None else None

    def checked_right(self) -> list[CheckedSpan]:
        """Relations that no finding touches: checked, and the figures agree."""
        flagged = [(f.line, f.column, f.end_line, f.end_column) for f in self.findings]
        return [r for r in self.relations if not any(_overlaps(r, f) for f in flagged)]


def _overlaps(span: CheckedSpan, finding: tuple[int, int, int, int]) -> bool:
    line, column, end_line, end_column = finding
    return (span.line, span.column) < (end_line, end_column) and (line, column) < (span.end_line, span.end_column)


class Checker:
    """Loads packs once per set of pack files and checks texts with them (thread-safe)."""

    def __init__(self, rules: Sequence[str | Path] = (), config: str | Path | None = None,
                 discover_from: Path | None = None) -> None:
        self.extra_rules = [str(r) for r in rules]
        self.config_path = Path(config) if config else None
        self.discover_from = discover_from
        self._lock = threading.Lock()
        self._rules: dict[tuple, list[LoadedRule]] = {}

    def _project(self, path: str | None):
        from checker.config import discover, load_config

        if self.config_path is not None:
            return load_config(self.config_path)
        start = Path(path).parent if path and not path.startswith("<") else self.discover_from
        return discover(start) if start is not None else None

    def _loaded(self, packs: tuple[str, ...]) -> list[LoadedRule]:
        with self._lock:
            if packs not in self._rules:
                self._rules[packs] = load_rules(list(packs))
            return self._rules[packs]

    def check(self, text: str, *, kind: str = "text", path: str | None = None,
              date: dt.date | None = None) -> TextCheck:
        """Check `text` as a document of `kind` (text, markdown, html) at `path` (for config and dates)."""
        from checker.selection import PathSelection

        project = self._project(path)
        packs = tuple(str(p) for p in (project.rule_packs() if project else [])) + tuple(self.extra_rules)
        rules = self._loaded(packs)
        selection = PathSelection(project, (), (), date)
        rates = project.rates_file() if project else None
        options = selection.run_options(LintOptions(
            date=date, date_rules=selection.date_rules(), rates_file=str(rates) if rates else None,
            keep_relations=True,
        ))
        name = path or "<text>"
        findings: list[Finding] = []
        relations: list[CheckedSpan] = []
        used_date, used_source = date, "--date" if date else None
        for document in load_text(text, kind=kind, name=name):
            outcome = lint_document(document, rules, options)
            findings += selection.keep(outcome.findings)
            relations += outcome.relations
            used_date, used_source = outcome.date, outcome.date_source
        findings.sort(key=Finding.sort_key)
        return TextCheck(text, findings, relations, used_date, used_source)


def utf16_offset(text: str, offset: int) -> int:
    """A character offset as JavaScript and LSP count it (UTF-16 code units)."""
    return utf16_length(text[:offset])


def utf16_length(text: str) -> int:
    """`text`'s length in UTF-16 code units. A lone surrogate (JSON.stringify of a broken emoji sends
    "\\ud83d") is one code unit to JavaScript too, so it is counted, never an encoding error."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


