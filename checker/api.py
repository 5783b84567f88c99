"""The Python API, which the command line itself uses.

    from checker import lint_text, lint_paths
    lint_text("It raised 600 billion yuan ($8.5 billion).", date="2025-04-15")
    result = lint_paths(["articles/"], date="2025-04-15")   # a LintResult
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Sequence

from checker.documents.base import Document, split_paragraphs
from checker.engine.packs import LoadedRule, load_rules
from checker.findings import Finding, LintResult
from checker.pipeline import DocumentResult, LintOptions, lint_document


class BadDate(ValueError):
    """A date that is not a real YYYY-MM-DD day (2025-02-30)."""


def parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadDate(f"not a valid date (expected YYYY-MM-DD): {value!r}") from None


def lint_text(
    text: str,
    *,
    date: str | dt.date | None = None,
    rules: Sequence[str | Path] = (),
    path: str = "<text>",
    rates: str | None = None,
) -> list[Finding]:
    """Findings for one piece of plain text, sorted by position."""
    loaded = load_rules(list(rules))
    doc = Document(path, split_paragraphs(text), source=text)
    options = LintOptions(date=parse_date(date), rates_file=rates)
    return lint_document(doc, loaded, options).findings


def lint_documents(
    documents: Iterable[Document], rules: list[LoadedRule], options: LintOptions, keep_sources: bool = False
) -> LintResult:
    """Lint documents one after another and gather one result."""
    result = LintResult()
    for document in documents:
        outcome: DocumentResult = lint_document(document, rules, options)
        add_outcome(result, outcome, keep_sources)
    # A directory walk knows how many files it read (a JSONL export is one file, many documents)
    # and which it passed over.
    result.files = getattr(documents, "files", result.files)
    result.skipped = len(getattr(documents, "skipped", ()))
    result.findings.sort(key=Finding.sort_key)
    return result


def add_outcome(result: LintResult, outcome: DocumentResult, keep_sources: bool = False) -> None:
    result.files += 1
    result.findings.extend(outcome.findings)
    result.stats.amounts += outcome.stats.amounts
    result.stats.relations += outcome.stats.relations
    result.stats.checked += outcome.stats.checked
    result.stats.unparsed.extend(outcome.stats.unparsed)
    if keep_sources and outcome.source is not None:
        result.sources[outcome.path] = outcome.source


def lint_paths(
    paths: Sequence[str | Path],
    *,
    date: str | dt.date | None = None,
    rules: Sequence[str | Path] = (),
    rates: str | None = None,
    keep_sources: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    field: str | None = None,
    date_field: str | None = None,
) -> LintResult:
    """Lint files and directories (recursively) and return every finding with coverage figures."""
    from checker.documents import iter_documents

    loaded = load_rules(list(rules))
    options = LintOptions(date=parse_date(date), rates_file=rates)
    walk = iter_documents([str(p) for p in paths], include=include, exclude=exclude,
                          field=field, date_field=date_field)
    return lint_documents(walk, loaded, options, keep_sources)
