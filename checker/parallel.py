"""Linting many documents on several cores, with output identical to the serial run.

Documents cannot cross a process boundary (their blocks are generators over open files), so
every worker runs the same deterministic walk as the parent and lints only the documents whose
positions it is handed: the parent walks once to number the documents (without reading their
blocks) and submits ranges of positions; results come back tagged with their position and are
added in walk order. A document is never split, so checks that keep state across a document
(repeated figures, currency context) see all of it in one worker.

Workers get the rules either as the plan already loaded them (pickled, a few kilobytes) or, from
callers without a plan, as pack paths each worker loads once; both hold under the "spawn" start
method where nothing is inherited from the parent.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from checker.documents import DocumentError
from checker.engine.packs import LoadedRule, load_rules
from checker.findings import Finding, LintResult
from checker.pipeline import DocumentResult, LintOptions, add_outcome, lint_document
from checker.plan import WalkSpec

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

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
                  keep_sources: bool = False, on_document: Callable[[str], None] | None = None) -> LintResult:
    """Lint every document of the walk on `jobs` processes; the same result as the serial run.

    `rule_spec` is the loaded rules (a plan's) or the packs to load. `on_document(path)` is called
    as each document's result is added (for a progress display)."""
    rules = _rules(rule_spec)
    done = on_document or (lambda path: None)
    if jobs <= 1 or STDIN in walk_spec.paths:
        return _lint_serial(walk_spec.walk(), rules, options, keep_sources, done)
    walk = walk_spec.walk()
    documents = iter(walk)
    first = next(documents, None)
    second = next(documents, None)
    if second is None:  # one document: a pool would only add its start-up time
        result = LintResult()
        if first is not None:
            add_outcome(result, lint_document(first, rules, options), keep_sources)
            done(first.path)
        return _finish(result, walk)
    del first, second  # workers lint them; drop the open streams here
    from concurrent.futures import ProcessPoolExecutor  # only a run with many files pays for it

    result = LintResult()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                             initargs=(walk_spec, rule_spec if isinstance(rule_spec, RuleSpec) else tuple(rules), options, keep_sources)) as pool:
        try:
            for outcome in _in_walk_order(pool, _ranges(documents, jobs, already_seen=2), jobs):
                add_outcome(result, outcome, keep_sources)
                done(outcome.path)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return _finish(result, walk)


def _rules(spec: RuleSpec | Sequence[LoadedRule]) -> list[LoadedRule]:
    return spec.load() if isinstance(spec, RuleSpec) else list(spec)


def _lint_serial(walk, rules: list[LoadedRule], options: LintOptions, keep_sources: bool,
                 done: Callable[[str], None]) -> LintResult:
    result = LintResult()
    for document in walk:
        add_outcome(result, lint_document(document, rules, options), keep_sources)
        done(document.path)
    return _finish(result, walk)


def _finish(result: LintResult, walk) -> LintResult:
    """The walk's own counts (a JSONL export is one file, many documents), findings in order."""
    result.files = walk.files
    result.skipped = len(walk.skipped)
    result.findings.sort(key=Finding.sort_key)
    return result


def _ranges(documents: Iterator, jobs: int, already_seen: int) -> Iterator[tuple[int, int]]:
    """Consecutive [start, stop) ranges of document positions, numbered while walking.

    Chunks start at one document, so a dozen large files spread evenly over the workers, and
    grow with the number of documents seen, so a million small records do not cost a task each.
    """
    start, count = 0, already_seen
    for _document in documents:
        count += 1
        chunk = min(max(count // (8 * jobs), 1), MAX_CHUNK)
        while count - start >= chunk:
            yield start, start + chunk
            start += chunk
    while start < count:
        chunk = min(max(count // (8 * jobs), 1), MAX_CHUNK, count - start)
        yield start, start + chunk
        start += chunk


def _in_walk_order(pool: ProcessPoolExecutor, ranges: Iterator[tuple[int, int]], jobs: int) -> Iterator[DocumentResult]:
    """Submit ranges a few at a time and yield their outcomes in walk order as they complete."""
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    pending: dict[Future, tuple[int, int]] = {}
    done: dict[int, tuple[int, list[DocumentResult]]] = {}
    next_start = 0
    exhausted = False
    while True:
        while not exhausted and len(pending) < 2 * jobs:
            span = next(ranges, None)
            if span is None:
                exhausted = True
                break
            pending[pool.submit(_lint_range, *span)] = span
        if not pending:
            break
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in finished:
            start, stop = pending.pop(future)
            done[start] = (stop, _unwrap(future.result()))
        while next_start in done:
            next_start, outcomes = done.pop(next_start)
            yield from outcomes


def _unwrap(outcome: "list[DocumentResult] | _Failure") -> list[DocumentResult]:
    if isinstance(outcome, _Failure):
        raise DocumentError(outcome.path, outcome.reason)
    return outcome


# ------------------------------------------------------------------------------- in a worker


@dataclass
class _Failure:
    """A DocumentError, carried back as data (its two-argument constructor does not unpickle)."""

    path: str
    reason: str


@dataclass
class _Worker:
    walk_spec: WalkSpec
    rules: list[LoadedRule]
    options: LintOptions
    keep_sources: bool
    documents: Iterator | None = None
    position: int = 0
    skipped: list = field(default_factory=list)

    def advance_to(self, start: int) -> None:
        """Move this worker's own walk to `start`; ranges reach a worker in increasing order."""
        if self.documents is None or start < self.position:
            self.documents, self.position = iter(self.walk_spec.walk()), 0
        while self.position < start:
            next(self.documents)  # blocks are never read, so skipping a document costs little
            self.position += 1


_WORKER: _Worker | None = None


def _start_worker(walk_spec: WalkSpec, rule_spec: RuleSpec | tuple[LoadedRule, ...], options: LintOptions,
                  keep_sources: bool) -> None:
    global _WORKER
    _WORKER = _Worker(walk_spec, _rules(rule_spec), options, keep_sources)


def _lint_range(start: int, stop: int) -> "list[DocumentResult] | _Failure":
    worker = _WORKER
    assert worker is not None, "the pool initializer sets the worker up"
    try:
        worker.advance_to(start)
        outcomes = []
        for document in worker.documents:
            worker.position += 1
            outcome = lint_document(document, worker.rules, worker.options)
            if not worker.keep_sources:
                outcome.source = None  # no need to ship the text back
            outcomes.append(outcome)
            if worker.position >= stop:
                break
        return outcomes
    except DocumentError as error:
        worker.documents = None
        return _Failure(error.path, error.reason)

