"""One lint run, from what the user asked for to a result: the layer under both the CLI and the API.

A `LintRequest` holds what a user can say (paths, date, packs, selection, config, baseline, diff);
`run_lint` merges it with the project's config (flags beat config, config beats defaults), loads and
validates the rule packs, lints the documents (on several processes when asked), and narrows the
findings to the selected rules, the changed lines and what a baseline does not already know.
Everything a user can get wrong raises one of `USER_ERRORS`, which the CLI turns into exit 2.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from checker.baseline import BaselineError
from checker.documents import DocumentError
from checker.engine.packs import LoadedRule, load_rules
from checker.engine.yaml_source import YamlError
from checker.findings import LintResult
from checker.gitdiff import DiffError
from checker.pipeline import LintOptions
from checker.rates import RatesError
from checker.report import FORMATS
from checker.report.atomic import OutputError, file_identity, refuse_inputs

FAIL_ON = ("error", "warning", "info", "never")
BUILTIN_RULE_IDS = frozenset({"invalid-utf8", "invalid-encoding", "bad-date", "bad-front-matter", "unparsed-markup",
                              "unused-suppression", "parse-timeout", "unreadable-file"})
DISCOVER = "discover"  # LintRequest.config: search upward from the working directory


class BadDate(ValueError):
    """A date that is not a real YYYY-MM-DD day (2025-02-30)."""


class BadRequest(ValueError):
    """An option with a value figcheck does not know (a format, a rule id)."""


USER_ERRORS = (BadDate, BadRequest, YamlError, RatesError, DocumentError, DiffError, BaselineError, OutputError)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadDate(f"not a valid date (expected YYYY-MM-DD): {value!r}") from None


@dataclass
class LintRequest:
    """Everything a user can ask of one run; None means "not said" (config or default decides)."""

    paths: Sequence[str] = (".",)
    date: str | dt.date | None = None
    rules: Sequence[str | Path] = ()
    default_rules: bool = True
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    rates: str | Path | None = None
    include: Sequence[str] = ()
    exclude: Sequence[str] = ()
    field: str | None = None
    date_field: str | None = None
    config: str | Path | None = DISCOVER
    format: str | None = None
    fail_on: str | None = None
    jobs: int = 1
    diff: str | None = None
    baseline: Path | None = None
    write_baseline: bool = False
    keep_sources: bool = False
    progress: bool = False
    output: str | Path | None = None  # --output: never an input, never read while walking


@dataclass
class LintRun:
    """The result and what decided it, for the reporter and the exit code."""

    result: LintResult
    rules: list[LoadedRule]
    format: str
    fail_on: str
    messages: list[str] = field(default_factory=list)  # notes for stderr (baseline counts)
    baseline_written: bool = False


def run_lint(request: LintRequest) -> LintRun:
    from checker.selection import PathSelection

    if request.write_baseline and request.baseline is None:
        raise BadRequest("--write-baseline needs --baseline FILE to write to")
    project = _project_config(request.config)
    settings = project.settings if project else None
    format = _choice("--format", request.format or (settings and settings.format) or "rich", FORMATS)
    fail_on = _choice("--fail-on", request.fail_on or (settings and settings.fail_on) or "error", FAIL_ON)
    as_of = parse_date(request.date)
    rule_paths = [str(p) for p in (project.rule_packs() if project else [])] + [str(p) for p in request.rules]
    rules = load_rules(rule_paths, with_default=request.default_rules)
    rates = request.rates or (project.rates_file() if project else None)
    if rates is not None:
        from checker.rates import RateTable

        RateTable.from_file(rates)  # fail now, with a clear message, rather than mid-run
    known = {r.id for r in rules} | BUILTIN_RULE_IDS
    unknown = (set(request.select) | set(request.ignore)) - known
    if unknown:
        raise BadRequest(f"unknown rule id(s) in --select/--ignore: {', '.join(sorted(unknown))}")
    if project:
        project.check_rule_ids(known)
    both = set(request.select) & set(request.ignore)
    if both:
        raise BadRequest(f"rule id(s) both selected and ignored, so nothing would check them: {', '.join(sorted(both))}")
    selection = PathSelection(project, request.select, request.ignore, as_of)
    run_options = selection.run_options(LintOptions())
    if not any(run_options.wants(rule_id) for rule_id in {r.id for r in rules} | BUILTIN_RULE_IDS if
               rule_id in {r.id for r in rules} or rule_id in run_options.select):
        raise BadRequest("no rule is active (every rule is ignored, unselected or absent), so nothing would be checked")
    if request.diff is not None and not request.diff.strip():
        raise BadRequest("--diff needs a git ref (it was empty: an unset CI variable?)")
    changed = _changed_lines(request.diff) if request.diff else None
    outputs = _check_outputs(request, project, rules, rates)

    from checker.parallel import RuleSpec, WalkSpec, lint_parallel
    from checker.progress import running

    walk = WalkSpec(
        tuple(request.paths or ["."]),
        tuple(request.include or (settings.include if settings else ())),
        tuple(request.exclude or (settings.exclude if settings else ())),
        request.field or (settings and settings.field) or None,
        request.date_field or (settings and settings.date_field) or None,
        outputs=outputs,
    )
    options = selection.run_options(LintOptions(
        date=as_of, date_rules=selection.date_rules(), rates_file=str(rates) if rates else None,
    ))
    jobs = max(request.jobs, 1)
    with running(request.progress, f"checking on {jobs} process{'es' if jobs > 1 else ''}") as advance:
        result = lint_parallel(walk, RuleSpec(tuple(rule_paths), request.default_rules), options, jobs,
                               keep_sources=request.keep_sources or format == "html", on_document=advance)
    result.findings = selection.keep(result.findings)
    if changed is not None:
        result.findings = changed.keep(result.findings)
    run = LintRun(result, rules, format, fail_on)
    run.messages.extend(_skipped_notes(result.skipped_files))
    if request.baseline is not None:
        _apply_baseline(run, request.baseline, request.write_baseline)
    return run


def _check_outputs(request: LintRequest, project, rules: list[LoadedRule], rates) -> tuple[tuple[int, int], ...]:
    """Refuse an --output or --write-baseline file that is one of this run's inputs (exit 2);
    the identities of the outputs, so that a directory walk never reads them as documents."""
    inputs: list[str] = [p for p in request.paths or () if p != "-" and not Path(p).is_dir()]
    inputs += [str(project.path)] if project else []
    inputs += sorted({r.origin for r in rules})
    inputs += [str(rates)] if rates is not None else []
    outputs = []
    if request.output is not None:
        baseline = [str(request.baseline)] if request.baseline is not None and not request.write_baseline else []
        refuse_inputs(request.output, inputs + baseline)
        if request.write_baseline and request.baseline is not None:
            refuse_inputs(request.output, [str(request.baseline)], "report")
        outputs.append(request.output)
    if request.write_baseline and request.baseline is not None:
        refuse_inputs(request.baseline, inputs, "baseline")
        outputs.append(request.baseline)
    return tuple(identity for identity in map(file_identity, outputs) if identity is not None)


MAX_SKIPPED_NOTES = 20


def _skipped_notes(skipped: list[tuple[str, str]]) -> list[str]:
    """One stderr line per file passed over while walking (binary files are only counted)."""
    named = [(path, reason) for path, reason in skipped if reason != "binary"]
    notes = [f"skipped {path}: {reason}" for path, reason in named[:MAX_SKIPPED_NOTES]]
    if len(named) > MAX_SKIPPED_NOTES:
        notes.append(f"skipped {len(named) - MAX_SKIPPED_NOTES} more file(s)")
    return notes


def _choice(option: str, value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise BadRequest(f"unknown {option} {value!r}; choose one of: {', '.join(allowed)}")
    return value


def _project_config(named: str | Path | None):
    """The config named, else (with DISCOVER) the nearest one upward from here, else None."""
    from checker.config import discover, load_config

    if named is None:
        return None
    return discover(Path.cwd()) if named == DISCOVER else load_config(Path(named))


def _changed_lines(ref: str):
    from checker.gitdiff import changed_lines

    return changed_lines(ref)


def _apply_baseline(run: LintRun, path: Path, write: bool) -> None:
    """Record the findings in the baseline, or drop those it already knows."""
    from checker.baseline import compare, write_baseline

    if write:
        count = write_baseline(run.result.findings, path)
        run.messages.append(f"wrote {count} finding(s) to the baseline {path}")
        run.baseline_written = True
        return
    comparison = compare(run.result.findings, path)
    run.result.findings = comparison.new
    if comparison.accepted or comparison.fixed:
        note = f"baseline {path}: {len(comparison.accepted)} known finding(s) accepted"
        if comparison.fixed:
            note += f", {comparison.fixed} no longer found (refresh with --write-baseline)"
        run.messages.append(note)
