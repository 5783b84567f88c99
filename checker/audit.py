"""`figcheck audit`: the lint checks over a whole archive, scaled out with Dask.

The archive is listed once on the client (a folder, a glob, or JSONL/JSON exports) and cut into
partitions of whole files; each partition is one Dask task that lints its files and writes its
findings to its own file under the output directory, atomically (a temporary name, then a
rename), so a failed or retried task never leaves half a partition behind. Tasks return only
small counts, which the client adds up into the summary; findings never travel through the
scheduler. The request is resolved once on the client into the same `LintPlan` that `figcheck
lint` runs (config, packs, rates, dates, per-path selection), and the tasks only read it: the
loaded rules, the options and the selection ship with each task (they pickle in a few kilobytes). On a cluster the workers need figcheck installed and
must see the archive and the output directory at the same paths (a shared or network filesystem).

Dask, distributed and (for Parquet) pyarrow are the optional extra `figcheck[audit]`.
"""

from __future__ import annotations

import glob
import json
import math
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from checker.documents import DocumentError, load_path
from checker.documents.walk import DEFAULT_EXTENSIONS, RECORD_EXTENSIONS
from checker.engine.packs import LoadedRule
from checker.pipeline import LintOptions, lint_document
from checker.plan import LintPlan, LintRequest, plan_lint
from checker.selection import PathSelection

OUTPUT_FORMATS = ("jsonl", "parquet")
LOCAL_SCHEDULERS = ("processes", "threads", "synchronous")
PART_PREFIX = "part-"
SUMMARY_FILE = "_summary.json"
MAX_FILES_PER_PARTITION = 256
TARGET_PARTITIONS = 32


class AuditError(Exception):
    """Something the user can fix: a missing extra, no input files, an output directory in use."""


@dataclass(frozen=True)
class AuditJob:
    """What every task needs besides its files; small and picklable, sent with each task."""

    output: str
    format: str
    rules: tuple[LoadedRule, ...]
    options: LintOptions
    selection: PathSelection  # which findings each path keeps, as in `figcheck lint`
    field: str | None = None
    date_field: str | None = None

    @classmethod
    def of(cls, plan: LintPlan, output: str, format: str) -> "AuditJob":
        return cls(output, format, plan.rules, plan.options, plan.selection, plan.walk.field, plan.walk.date_field)


@dataclass
class PartitionSummary:
    """The counts one task reports back; findings themselves stay in its output file."""

    files: int = 0
    documents: int = 0
    amounts: int = 0
    relations: int = 0
    severities: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    lost: list[tuple[str, str]] = field(default_factory=list)  # files whose worker died twice: not checked

    def add(self, other: "PartitionSummary") -> None:
        self.files += other.files
        self.documents += other.documents
        self.amounts += other.amounts
        self.relations += other.relations
        self.severities.update(other.severities)
        self.rules.update(other.rules)
        self.skipped.extend(other.skipped)
        self.lost.extend(other.lost)

    def as_json(self) -> dict:
        return {
            "files": self.files, "documents": self.documents, "amounts": self.amounts,
            "relations": self.relations, "findings": sum(self.severities.values()),
            "summary": {s: self.severities.get(s, 0) for s in ("error", "warning", "info")},
            "rules": dict(sorted(self.rules.items())),
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "not_checked": [{"path": p, "reason": r} for p, r in self.lost],
        }


# ------------------------------------------------------------------------------ listing input


def archive_files(inputs: Sequence[str], *, records: bool = False,
                  skipped: list[tuple[str, str]] | None = None) -> list[str]:
    """Every file to audit, sorted and without repeats: folders are searched recursively for the
    lint command's extensions (and JSON/JSONL exports when `records`), other inputs are globs.

    What cannot be read as a file (an unreadable folder, a symlink loop, a broken link, a FIFO or
    device) is never opened: it is added to `skipped` as (path, reason), so it is reported by name."""
    wanted = DEFAULT_EXTENSIONS | (RECORD_EXTENSIONS if records else frozenset())
    passed_over = skipped if skipped is not None else []
    found: dict[str, None] = {}

    def take(path: str) -> None:
        reason = _not_a_file(path)
        if reason is None:
            found.setdefault(path)
        elif path not in dict(passed_over):
            passed_over.append((path, reason))

    for item in inputs:
        if os.path.isdir(item):
            def unreadable(error: OSError, root: str = item) -> None:
                passed_over.append((error.filename or root, f"folder cannot be read ({error.strerror or error})"))

            for directory, subdirectories, files in os.walk(item, onerror=unreadable):
                subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
                for name in sorted(files):
                    if Path(name).suffix.lower() in wanted:
                        take(os.path.join(directory, name))
        elif os.path.lexists(item):
            take(item)
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise AuditError(f"{item}: no such file, folder or matching glob")
            for match in matches:
                if not os.path.isdir(match):
                    take(match)
    return sorted(found)


def _not_a_file(path: str) -> str | None:
    """Why `path` is not a regular file to read, or None when it is one."""
    import stat

    try:
        info = os.stat(path)
    except OSError as error:  # a broken link, a loop, a path too long, a file that vanished
        return error.strerror or str(error)
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    return None


def partition(files: Sequence[str], files_per_partition: int | None = None) -> list[list[str]]:
    """Whole files into partitions: about TARGET_PARTITIONS of them for a small archive, at most
    MAX_FILES_PER_PARTITION files each for a large one (so one task stays short)."""
    size = files_per_partition or min(max(math.ceil(len(files) / TARGET_PARTITIONS), 1), MAX_FILES_PER_PARTITION)
    return [list(files[i : i + size]) for i in range(0, len(files), size)]


# -------------------------------------------------------------------------------- one task


def audit_partition(index: int, files: list[str], job: AuditJob) -> PartitionSummary:
    """Lint the files of one partition and write their findings to its output file."""
    summary = PartitionSummary()
    rows: list[dict] = []
    for path in files:
        file_summary, file_rows = audit_file(path, job)
        summary.add(file_summary)
        rows.extend(file_rows)
    _write_partition(Path(job.output), index, rows, job.format)
    return summary


def audit_file(path: str, job: AuditJob) -> tuple[PartitionSummary, list[dict]]:
    """One file's counts and finding rows (a file that cannot be read is counted as skipped)."""
    summary = PartitionSummary()
    rows: list[dict] = []
    try:
        for document in load_path(path, field=job.field, date_field=job.date_field):
            outcome = lint_document(document, list(job.rules), job.options)
            summary.documents += 1
            summary.amounts += outcome.stats.amounts
            summary.relations += outcome.stats.relations
            for finding in job.selection.keep(outcome.findings):
                rows.append(finding.contract())
                summary.severities[finding.severity] += 1
                summary.rules[finding.rule] += 1
    except DocumentError as error:
        return PartitionSummary(skipped=[(path, error.reason)]), []
    summary.files += 1
    return summary, rows


def part_name(index: int, format: str) -> str:
    return f"{PART_PREFIX}{index:05d}.{format}"


def _write_partition(directory: Path, index: int, rows: list[dict], format: str) -> None:
    target = directory / part_name(index, format)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            if format == "parquet":
                _write_parquet(stream, rows)
            else:
                for row in rows:
                    stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _write_parquet(stream, rows: list[dict]) -> None:
    """One row per finding; `evidence` differs by rule, so it is kept as a JSON string."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("path", pa.string()), ("line", pa.int64()), ("column", pa.int64()),
        ("end_line", pa.int64()), ("end_column", pa.int64()), ("rule", pa.string()),
        ("severity", pa.string()), ("message", pa.string()), ("suggestion", pa.string()),
        ("evidence", pa.string()),
    ])
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    columns["evidence"] = [json.dumps(row.get("evidence") or {}, ensure_ascii=False) for row in rows]
    pq.write_table(pa.table(columns, schema=schema), stream)


# ------------------------------------------------------------------------------ the client


def require_extras(format: str) -> None:
    """A clear message, not an ImportError, when the optional extra is not installed."""
    missing = [name for name in ("dask", "dask.bag") if not _importable(name)]
    if format == "parquet" and not _importable("pyarrow"):
        missing.append("pyarrow")
    if missing:
        raise AuditError(f"figcheck audit needs {', '.join(missing)}: pip install 'figcheck[audit]'")


def _importable(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


def prepare_output(directory: Path, overwrite: bool) -> None:
    """Create the output directory; refuse one holding an earlier run unless told to replace it."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        earlier = sorted(p for p in directory.iterdir() if p.name.startswith(PART_PREFIX) or p.name == SUMMARY_FILE)
    except FileExistsError:
        raise AuditError(f"{directory}: is not a directory; name a directory for the audit's output") from None
    except NotADirectoryError:
        raise AuditError(f"{directory}: a part of the path is a file; name a directory for the audit's output") from None
    except OSError as error:
        raise AuditError(f"{directory}: cannot create the output directory ({error.strerror or error})") from None
    if earlier and not overwrite:
        raise AuditError(f"{directory}: holds the output of an earlier audit; use --overwrite or another directory")
    for path in earlier:
        path.unlink()


def run_audit(partitions: list[list[str]], job: AuditJob, scheduler: str = "processes",
              workers: int | None = None) -> PartitionSummary:
    """Run one task per partition on the chosen scheduler and add up what they report.

    The local "processes" pool is checker.workpool's, which survives a killed worker (the file it
    was on is retried once, then reported as not checked); threads, synchronous and a cluster
    address run on Dask's schedulers."""
    if scheduler == "processes" and (workers or 2) > 1 and len(partitions) > 1:
        return _on_local_pool(partitions, job, workers or 2)
    import dask.bag as db

    bag = db.from_sequence(list(enumerate(partitions)), npartitions=max(len(partitions), 1))
    tasks = bag.starmap(audit_partition, job=job)
    if scheduler in LOCAL_SCHEDULERS:
        summaries = tasks.compute(scheduler=scheduler, num_workers=workers)
    else:
        summaries = _on_cluster(tasks, scheduler)
    total = PartitionSummary()
    for summary in summaries:
        total.add(summary)
    return total


def _on_local_pool(partitions: list[list[str]], job: AuditJob, workers: int) -> PartitionSummary:
    from contextlib import closing

    from checker.workpool import Lost, Task, run_tasks

    names: dict[int, str] = {}
    tasks = []
    for index, files in enumerate(partitions):
        units = []
        for path in files:
            names[len(names)] = path
            units.append((len(names) - 1, path))
        tasks.append(Task(index, tuple(units)))
    total = PartitionSummary()
    lost_rows: list[dict] = []
    outcomes = run_tasks(tasks, _audit_units, jobs=min(workers, len(partitions)), initializer=_start_audit_worker,
                         initargs=(job,))
    with closing(outcomes):
        for _index, results in outcomes:
            for unit, result in sorted(results.items()):
                if isinstance(result, Lost):
                    lost_rows.append(_lost_row(names[unit], result.reason))
                    total.lost.append((names[unit], result.reason))
                    total.severities["error"] += 1
                    total.rules[WORKER_DIED] += 1
                else:
                    total.add(result)
    if lost_rows:  # after the partitions: their files stay exactly what a run without the fault writes
        _write_partition(Path(job.output), len(partitions), lost_rows, job.format)
    return total


WORKER_DIED = "worker-died"
_AUDIT_JOB: AuditJob | None = None


def _start_audit_worker(job: AuditJob) -> None:
    global _AUDIT_JOB
    from checker.termination import worker_signals

    worker_signals()
    _AUDIT_JOB = job


def _audit_units(index: int, units: tuple[tuple[int, str], ...]) -> list[PartitionSummary]:
    """A partition on the local pool: one summary per file, its finding rows written at the end."""
    from checker.workpool import working_on

    job = _AUDIT_JOB
    assert job is not None, "the pool initializer sets the job"
    summaries, rows = [], []
    for unit, path in units:
        working_on(unit, path)
        summary, file_rows = audit_file(path, job)
        summaries.append(summary)
        rows.extend(file_rows)
    _write_partition(Path(job.output), index, rows, job.format)
    return summaries


def _lost_row(path: str, reason: str) -> dict:
    return {"path": path, "line": 1, "column": 1, "end_line": 1, "end_column": 1, "rule": WORKER_DIED,
            "severity": "error", "message": f"not checked: {reason}", "suggestion": None, "evidence": {}}


def _on_cluster(tasks, address: str) -> list[PartitionSummary]:
    try:
        from distributed import Client
    except ImportError:
        raise AuditError("--scheduler ADDRESS needs distributed: pip install 'figcheck[audit]'") from None
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as error:
        raise AuditError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    with client:
        return tasks.compute(scheduler=client)


def write_summary(directory: Path, summary: PartitionSummary, partitions: int) -> dict:
    # Every task has ended when the summary is written: a partition's temporary file still here is
    # one a killed worker (SIGKILL, the OOM killer) had no chance to remove; its retry wrote the part.
    for leftover in directory.glob(f".{PART_PREFIX}*.tmp"):
        leftover.unlink(missing_ok=True)
    report = {"partitions": partitions, **summary.as_json()}
    target = directory / SUMMARY_FILE
    temporary = target.with_name(f".{SUMMARY_FILE}.tmp")
    temporary.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, target)
    return report


def read_findings(directory: Path) -> Iterable[dict]:
    """Every finding of an audit's JSONL output, partition by partition (for tests and scripts)."""
    for part in sorted(directory.glob(f"{PART_PREFIX}*.jsonl")):
        with part.open(encoding="utf-8") as stream:
            for line in stream:
                yield json.loads(line)


def audit(inputs: Sequence[str], output: Path, *, plan: LintPlan | None = None, format: str = "jsonl",
          scheduler: str = "processes", workers: int | None = None, files_per_partition: int | None = None,
          overwrite: bool = False) -> dict:
    """The whole audit: list, partition, run, and write `_summary.json`; returns the summary.

    `plan` is the lint plan for these inputs (`plan_lint`), as the command line builds it from its
    options and the project's config; None plans a bare request (built-in rules, no config)."""
    if format not in OUTPUT_FORMATS:
        raise AuditError(f"unknown --format {format!r}; choose one of: {', '.join(OUTPUT_FORMATS)}")
    require_extras(format)
    if plan is None:
        plan = plan_lint(LintRequest(paths=list(inputs), config=None))
    passed_over: list[tuple[str, str]] = []
    files = archive_files(inputs, records=plan.walk.field is not None, skipped=passed_over)
    if plan.walk.field is None and (export := next((f for f in files if Path(f).suffix.lower() in RECORD_EXTENSIONS), None)):
        raise AuditError(f"{export}: a JSON/JSONL export; name the field that holds the text (--field body)")
    if not files:
        raise AuditError(f"no documents found in {', '.join(inputs)}")
    prepare_output(output, overwrite)
    partitions = partition(files, files_per_partition)
    job = AuditJob.of(plan, str(output.resolve()), format)
    summary = run_audit(partitions, job, scheduler, workers)
    summary.skipped[:0] = passed_over
    return write_summary(output, summary, len(partitions) + bool(summary.lost))
