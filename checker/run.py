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
from checker.pipeline import BUILTIN_RULES as BUILTIN_RULE_IDS, LintOptions
from checker.rates import RatesError
from checker.report import FORMATS

FAIL_ON = ("error", "warning", "info", "never")
DISCOVER = "discover"  # LintRequest.config: search upward from the working directory


class BadDate(ValueError):
    """A date that is not a real YYYY-MM-DD day (2025-02-30)."""


class BadRequest(ValueError):
    """An option with a value figcheck does not know (a format, a rule id)."""


USER_ERRORS = (BadDate, BadRequest, YamlError, RatesError, DocumentError, DiffError, BaselineError)


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
    stdin_filename: str | None = None  # read stdin ("-") as this file: its type, front matter, name


@dataclass
class LintRun:
    """The result and what decided it, for the reporter and the exit code."""

    result: LintResult
    rules: list[LoadedRule]
    format: str
    fail_on: str
    messages: list[str] = field(default_factory=list)  # notes for stderr (baseline counts)
    baseline_written: bool = False
    empty: bool = False  # no documents were found to check


@dataclass
class Plan:
    """What a request resolves to before any document is read (also what --show-settings prints)."""

    config: object | None  # checker.config.Config
    format: str
    fail_on: str
    as_of: dt.date | None
    rule_paths: list[str]
    rules: list[LoadedRule]
    rates: str | Path | None
    selection: object  # checker.selection.PathSelection
    walk: object  # checker.parallel.WalkSpec
    options: LintOptions


def plan_lint(request: LintRequest) -> Plan:
    """Merge the request with the project's config, load and check packs, rates and rule ids."""
    from checker.parallel import WalkSpec
    from checker.selection import PathSelection

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
    select = expand_rule_ids(request.select, known, "--select")
    ignore = expand_rule_ids(request.ignore, known, "--ignore")
    if project:
        project.check_rule_ids(known)
    selection = PathSelection(project, select, ignore, as_of)
    walk = WalkSpec(
        tuple(request.paths or ["."]),
        tuple(request.include or (settings.include if settings else ())),
        tuple(request.exclude or (settings.exclude if settings else ())),
        request.field or (settings and settings.field) or None,
        request.date_field or (settings and settings.date_field) or None,
        request.stdin_filename,
    )
    options = selection.run_options(LintOptions(
        date=as_of, date_rules=selection.date_rules(), rates_file=str(rates) if rates else None,
    ))
    return Plan(project, format, fail_on, as_of, rule_paths, rules, rates, selection, walk, options)


def run_lint(request: LintRequest) -> LintRun:
    if request.write_baseline and request.baseline is None:
        raise BadRequest("--write-baseline needs --baseline FILE to write to")
    plan = plan_lint(request)
    changed = _changed_lines(request.diff) if request.diff else None

    from checker.parallel import RuleSpec, lint_parallel
    from checker.progress import running

    jobs = max(request.jobs, 1)
    with running(request.progress, f"checking on {jobs} process{'es' if jobs > 1 else ''}") as advance:
        result = lint_parallel(plan.walk, RuleSpec(tuple(plan.rule_paths), request.default_rules), plan.options,
                               jobs, keep_sources=request.keep_sources or plan.format == "html",
                               on_document=advance)
    empty = result.files == 0 and not result.skipped
    result.findings = plan.selection.keep(result.findings)
    if changed is not None:
        result.findings = changed.keep(result.findings)
    run = LintRun(result, plan.rules, plan.format, plan.fail_on)
    if empty:  # as ruff and markdownlint-cli2: nothing to check is a note, not an error
        run.messages.append(f"no documents to check in {', '.join(request.paths or ['.'])}")
        run.empty = True
    if request.baseline is not None:
        _apply_baseline(run, request.baseline, request.write_baseline)
    return run


def selected_files(request: LintRequest) -> list[str]:
    """--show-files: every file a lint of `request` would read, in walk order, without checking."""
    plan = plan_lint(request)
    walk = plan.walk.walk()
    seen: list[str] = []
    for document in walk:
        path = document.report_path
        if not seen or seen[-1] != path:
            seen.append(path)
    return seen


def effective_settings(request: LintRequest, path: str | None = None) -> dict:
    """--show-settings: the config, format, packs, rules and dates a lint would use for `path`."""
    plan = plan_lint(request)
    target = path or (request.paths[0] if request.paths else ".")
    chosen = plan.selection.for_path(target)
    date_rule = next((rule for rule in reversed(plan.options.date_rules) if rule.applies_to(target)), None)
    if plan.as_of is not None:
        date = {"date": plan.as_of.isoformat(), "source": "--date"}
    elif date_rule is not None:
        date = {"date": date_rule.date.isoformat(), "source": date_rule.source}
    else:
        date = {"date": None, "source": "the document's own date (front matter, meta tags, ...), if any"}
    return {
        "path": target,
        "config": str(plan.config.path) if plan.config else None,
        "format": plan.format,
        "fail_on": plan.fail_on,
        "packs": (["rules/default.yaml (built in)"] if request.default_rules else []) + plan.rule_paths,
        "rules": {r.id: {"kind": r.kind.name, "severity": r.rule.severity, "from": str(r.origin)}
                  for r in plan.rules if chosen.wants(r.id)},
        "not_selected": sorted(r.id for r in plan.rules if not chosen.wants(r.id)),
        "date": date,
        "rates": str(plan.rates) if plan.rates else "shipped tables (ECB, ...)",
        "walk": {"paths": list(plan.walk.paths), "include": list(plan.walk.include),
                 "exclude": list(plan.walk.exclude), "field": plan.walk.field,
                 "date_field": plan.walk.date_field},
    }


def expand_rule_ids(given: Sequence[str], known: set[str] | frozenset[str], option: str) -> list[str]:
    """Rule ids from `--select a,b --select c`, each an id or a prefix of ids, as in ruff.

    `currency` selects `currency-conversion`; `unit-` every rule starting so; `ALL` every rule.
    A name that is neither an id nor a prefix of one is an error naming it.
    """
    chosen: list[str] = []
    unknown: list[str] = []
    for item in given:
        for name in filter(None, (part.strip() for part in str(item).split(","))):
            if name == "ALL":
                matches = sorted(known)
            elif name in known:
                matches = [name]
            else:
                matches = sorted(rule for rule in known if rule.startswith(name))
            if not matches:
                unknown.append(name)
            chosen.extend(m for m in matches if m not in chosen)
    if unknown:
        raise BadRequest(f"unknown rule id(s) in {option}: {', '.join(unknown)} "
                         f"(see `figcheck rules list`)")
    return chosen


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
