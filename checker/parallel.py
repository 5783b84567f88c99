"""Linting many documents on several cores, with output identical to the serial run.

Documents cannot cross a process boundary (their blocks are generators over open files), so the
parent walks once to number the documents (without reading their blocks) and hands each worker
runs of them by name: the file the walk read and the document's place in it (a record of an
export). The worker reads that file itself; results come back tagged with their position and
are added in walk order. A document is never split, so checks that keep state across a document
(repeated figures, currency context) see all of it in one worker. A file that vanished or changed
between the walk and the worker's read is reported (`file-changed`), never linted as another.

The pool is checker.workpool's: a worker killed mid-document (the OOM killer, `kill -9`) costs
that document one retry, and a second death reports it as not checked (`worker-died`, an error).

Workers get the rules either as the plan already loaded them (pickled, a few kilobytes) or, from
callers without a plan, as pack paths each worker loads once; both hold under the "spawn" start
method where nothing is inherited from the parent.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from checker.documents import DocumentError
from checker.documents.base import Document, Note
from checker.documents.errors import UnreadableDocument
from checker.documents.loader import load_file
from checker.documents.walk import UNREADABLE_RULE
from checker.engine.packs import LoadedRule, load_rules
from checker.findings import Finding, LintResult
from checker.pipeline import DocumentResult, LintOptions, add_outcome, lint_document, parse_limits
from checker.plan import WalkSpec

MAX_CHUNK = 64  # documents per task once the walk has shown there are many
STDIN = "-"


def default_jobs() -> int:
    """The cores this process may run on (not all the machine's, under taskset or a container)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class RuleSpec:
    """Rule packs by path, so each worker loads them itself."""

    paths: tuple[str, ...] = ()
    with_default: bool = True

    def load(self) -> list[LoadedRule]:
        return load_rules(list(self.paths), with_default=self.with_default)


def lint_parallel(walk_spec: WalkSpec, rule_spec: RuleSpec | Sequence[LoadedRule], options: LintOptions, jobs: int,
                  keep_sources: bool = False, on_document: Callable[[str], None] | None = None,
                  serial_below: int = 0) -> LintResult:
    """Lint every document of the walk on `jobs` processes; the same result as the serial run.

    `rule_spec` is the loaded rules (a plan's) or the packs to load. `on_document(path)` is called
    as each document's result is added (for a progress display). A document whose worker process
    is killed is tried again once; if that worker dies too, the document is reported as not
    checked (`worker-died`, an error), so the run fails rather than passing it.

    `serial_below` (characters; 0: never): a walk that ends within its first few documents, all
    small and together shorter than this, is linted here, because starting the workers would
    cost more than the work (a pre-commit hook's two changed files; the default --jobs)."""
    rules = _rules(rule_spec)
    done = on_document or (lambda path: None)
    if jobs <= 1 or STDIN in walk_spec.paths:
        return _lint_serial(walk_spec.walk(), rules, options, keep_sources, done)
    walk = walk_spec.walk()
    documents = iter(walk)
    first, whole = _first_few(documents, serial_below)
    if whole:  # the whole walk, and too little for a pool
        result = LintResult.model_construct()
        for document in first:
            add_outcome(result, lint_document(document, rules, options), keep_sources)
            done(document.path)
        return _finish(result, walk)
    head = [_unit_of(document) for document in first]
    del first  # workers read them; drop the open streams here
    from contextlib import closing

    from checker.workpool import run_tasks

    units = _numbered(head, documents)
    worker_rules = rule_spec if isinstance(rule_spec, RuleSpec) else tuple(rules)
    result = LintResult.model_construct()
    outcomes = run_tasks(_tasks(units, jobs), _lint_units, jobs=jobs, initializer=_start_worker,
                         initargs=(worker_rules, options, keep_sources, walk_spec.field, walk_spec.date_field))
    with closing(outcomes):
        for outcome in _in_walk_order(outcomes, units, rules, options):
            add_outcome(result, outcome, keep_sources)
            done(outcome.path)
    return _finish(result, walk)


SMALL_RUN_DOCUMENTS = 16  # how far the walk is looked into before deciding on a pool
# Below this many characters in all, a run of a few files is linted in one process when --jobs was
# not given: each worker costs about 0.3 s of CPU to start (the extractors, the vocabulary), the
# time serial linting takes for ~80,000 characters of wire copy.
SMALL_RUN_CHARS = 64_000


def _first_few(documents: Iterator, serial_below: int) -> tuple[list, bool]:
    """The walk's first documents, and whether they are all of it and too little for a pool: at
    most one document, or at most SMALL_RUN_DOCUMENTS in-memory texts shorter than `serial_below`
    characters in all. Otherwise the documents read so far (at least two) head the pool's work."""
    seen: list = []
    chars = 0
    for document in documents:
        seen.append(document)
        chars += len(document.source) if document.source is not None else serial_below
        if len(seen) >= 2 and (chars >= serial_below or len(seen) > SMALL_RUN_DOCUMENTS):
            return seen, False
    return seen, True


def _rules(spec: RuleSpec | Sequence[LoadedRule]) -> list[LoadedRule]:
    return spec.load() if isinstance(spec, RuleSpec) else list(spec)


def _lint_serial(walk, rules: list[LoadedRule], options: LintOptions, keep_sources: bool,
                 done: Callable[[str], None]) -> LintResult:
    result = LintResult.model_construct()
    with parse_limits() as limits:  # armed once for the run, not once per document
        for document in walk:
            add_outcome(result, lint_document(document, rules, options, limits), keep_sources)
            done(document.path)
    return _finish(result, walk)


def _finish(result: LintResult, walk) -> LintResult:
    """The walk's own counts (a JSONL export is one file, many documents), findings in order."""
    result.files = walk.files
    result.skipped = len(walk.skipped)
    result.skipped_files = list(walk.skipped)
    result.findings.sort(key=Finding.sort_key)
    return result


@dataclass(frozen=True)
class _Unit:
    """Where a worker finds one document: the file the walk read, the document's place in it
    (records of an export), and the name findings give it."""

    file: str
    index: int
    path: str
    record: str | None
    unread: str | None = None  # why the walk could not read the file: reported, never read again


def _unit_of(document) -> _Unit:
    return _Unit(document.report_path, 0, document.path, document.record, document.unread)


class _Numbered:
    """The walk's documents as units, numbered in walk order; remembers the ones not yet reported."""

    def __init__(self, head: list[_Unit], documents: Iterator) -> None:
        self.head, self.documents = head, documents
        self.waiting: dict[int, _Unit] = {}

    def __iter__(self) -> Iterator[tuple[int, _Unit]]:
        position, previous = 0, None
        for document in self._all():
            unit = document if isinstance(document, _Unit) else _unit_of(document)
            index = previous.index + 1 if previous is not None and previous.file == unit.file and \
                unit.record is not None else 0
            unit = _Unit(unit.file, index, unit.path, unit.record, unit.unread)
            self.waiting[position] = unit
            yield position, unit
            position, previous = position + 1, unit

    def _all(self) -> Iterator:
        yield from self.head
        yield from self.documents  # blocks are never read here: only the walk's own bookkeeping


def _numbered(head: list[_Unit], documents: Iterator) -> _Numbered:
    return _Numbered(head, documents)


def _tasks(units: _Numbered, jobs: int):
    """Consecutive runs of documents as tasks, numbered while walking.

    Tasks start at one document, so a dozen large files spread evenly over the workers, and
    grow with the number of documents seen, so a million small records do not cost a task each.
    """
    from checker.workpool import Task

    batch: list[tuple[int, _Unit]] = []
    for count, item in enumerate(units, 1):
        batch.append(item)
        if len(batch) >= min(max(count // (8 * jobs), 1), MAX_CHUNK):
            yield Task(batch[0][0], tuple(batch))
            batch = []
    if batch:
        yield Task(batch[0][0], tuple(batch))


def _in_walk_order(outcomes, units: _Numbered, rules: list[LoadedRule],
                   options: LintOptions) -> Iterator[DocumentResult]:
    """Each document's result in walk order, as tasks finish in any order; a document lost with
    its worker becomes a `worker-died` error finding in its place."""
    from checker.workpool import Lost

    ready: dict[int, DocumentResult] = {}
    next_position = 0
    for _key, results in outcomes:
        for position, outcome in results.items():
            unit = units.waiting.pop(position)
            if isinstance(outcome, Lost):
                outcome = lint_document(_note(unit, WORKER_DIED_RULE, f"not checked: {outcome.reason}"), rules, options)
            ready[position] = outcome
        while next_position in ready:
            yield ready.pop(next_position)
            next_position += 1
    yield from (ready.pop(position) for position in sorted(ready))


WORKER_DIED_RULE = "worker-died"
FILE_CHANGED_RULE = "file-changed"


# ------------------------------------------------------------------------------- in a worker


@dataclass
class _Worker:
    rules: list[LoadedRule]
    options: LintOptions
    keep_sources: bool
    field: str | None
    date_field: str | None
    file: str | None = None
    documents: Iterator | None = None
    next_index: int = 0

    def document(self, unit: _Unit):
        """The unit's document, read from its file; a note instead if the file changed since the walk."""
        if unit.unread is not None:  # the walk could not read it (a zip bomb is not unpacked twice)
            return _note(unit, UNREADABLE_RULE, f"not checked: {unit.unread}")
        if self.file != unit.file or self.documents is None or unit.index < self.next_index:
            self.file, self.documents, self.next_index = unit.file, None, 0
            try:
                self.documents = iter(load_file(unit.file, field=self.field, date_field=self.date_field))
            except UnreadableDocument as error:
                return _note(unit, UNREADABLE_RULE, f"not checked: {error.reason}")
            except DocumentError as error:
                return _note(unit, FILE_CHANGED_RULE, f"not checked: {error.reason} (it was there when the run began)")
        document = None
        while self.next_index <= unit.index:
            document = next(self.documents, None)
            self.next_index += 1
            if document is None:
                break
        if document is None or document.path != unit.path:
            self.documents = None
            return _note(unit, FILE_CHANGED_RULE, "not checked: the file changed during the run")
        return document


def _note(unit: _Unit, rule: str, message: str):
    return Document(unit.path, [], notes=[Note(rule, message, "error")],
                    file=unit.file if unit.record is not None else None, record=unit.record)


_WORKER: _Worker | None = None


def _start_worker(rule_spec: RuleSpec | tuple[LoadedRule, ...], options: LintOptions, keep_sources: bool,
                  field: str | None, date_field: str | None) -> None:
    global _WORKER
    from checker.termination import worker_signals

    worker_signals()
    _WORKER = _Worker(_rules(rule_spec), options, keep_sources, field, date_field)


def _lint_units(_key: int, units: tuple[tuple[int, _Unit], ...]) -> list[DocumentResult]:
    from checker.workpool import working_on

    worker = _WORKER
    assert worker is not None, "the pool initializer sets the worker up"
    outcomes = []
    with parse_limits() as limits:  # armed once for the task's documents
        for position, unit in units:
            working_on(position, unit.path)
            try:
                outcome = lint_document(worker.document(unit), worker.rules, worker.options, limits)
            except DocumentError as error:  # a file damaged past its first bytes: that file's error
                worker.documents = None
                outcome = lint_document(_note(unit, UNREADABLE_RULE, f"not checked: {error.reason}"),
                                        worker.rules, worker.options, limits)
            if not worker.keep_sources:
                outcome.source = None  # no need to ship the text back
            outcomes.append(outcome)
    return outcomes
