"""A lint request resolved, in one pass, into one immutable plan.

`plan_lint` reads everything a run depends on exactly once, in this order — the project config,
the output format and exit threshold, the as-of date, the rule packs (loaded and validated), the
`--rates` file (validated), the rule selection with its per-path overrides and dates, the walk,
the changed lines of `--diff`, and the baseline — and returns a frozen `LintPlan`. The parallel
runner, the pipeline and the steps after them only read the plan; nothing goes back to the config
or the packs mid-run. Every mistake a user can make is raised here, before a document is read.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from checker.dates import parse_date
from checker.documents import iter_documents
from checker.documents.walk import DocumentWalk
from checker.engine.packs import LoadedRule, load_rules
from checker.pipeline import LintOptions
from checker.report import FORMATS

if TYPE_CHECKING:
    from checker.config import Config
    from checker.gitdiff import ChangedLines
    from checker.selection import PathSelection

FAIL_ON = ("error", "warning", "info", "never")
DISCOVER = "discover"  # LintRequest.config: search upward from the working directory


class BadRequest(ValueError):
    """An option with a value figcheck does not know (a format, a rule id)."""


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
    jobs_auto: bool = False  # `jobs` is the default (every core), not asked for: a few small files need no pool
    diff: str | None = None
    baseline: str | Path | None = None  # kept as given: "dir/" is no file "dir" (Path would drop the slash)
    write_baseline: bool = False
    keep_sources: bool = False
    progress: bool = False
    stdin_filename: str | None = None  # read stdin ("-") as this file: its type, front matter, name
    output: str | Path | None = None  # --output: never an input, never read while walking
    reports: Sequence[str | Path] = ()  # --report FORMAT:FILE targets: held to the same rules as --output


@dataclass(frozen=True)
class WalkSpec:
    """Everything needed to repeat the parent's walk in another process."""

    paths: tuple[str, ...]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    field: str | None = None
    date_field: str | None = None
    stdin_name: str | None = None  # --stdin-filename
    outputs: tuple[tuple[int, int], ...] = ()  # (device, inode) of the run's own outputs: never read

    def walk(self):
        return iter_documents(list(self.paths), include=self.include, exclude=self.exclude,
                              field=self.field, date_field=self.date_field, stdin_name=self.stdin_name,
                              outputs=self.outputs)


@dataclass(frozen=True)
class BaselinePlan:
    """`--baseline FILE`: record the findings there (`write`), or accept those it already knows
    (`known`, its fingerprints, read while planning so a broken baseline fails before linting)."""

    path: Path
    write: bool
    known: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LintPlan:
    """One lint run, fully decided: what to read, which rules, at which dates, what to report."""

    config: "Config | None"  # the project config that applied, if any
    as_of: dt.date | None  # --date
    rule_paths: tuple[str, ...]  # packs named by the config and --rules, after the default pack
    rates: str | None  # the --rates / config rates file, validated
    walk: WalkSpec
    rules: tuple[LoadedRule, ...]  # loaded and validated once; workers get them as they are
    options: LintOptions  # per document: --date, configured dates, rates file, the widened selection
    selection: "PathSelection"  # which findings each path keeps
    changed: "ChangedLines | None"  # --diff: only findings on these lines
    baseline: BaselinePlan | None
    format: str
    fail_on: str
    jobs: int
    keep_sources: bool
    progress: bool
    default_rules: bool = True  # whether rules/default.yaml was loaded (--show-settings says so)
    jobs_auto: bool = False  # --jobs not given: a run of a few small files is linted in one process


def plan_lint(request: LintRequest) -> LintPlan:
    """Resolve `request` against the project's config (flags beat config, config beats defaults)."""
    from checker.builtin_rules import BUILTIN_RULES
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
        from checker.rates.book import compose_rates

        compose_rates(str(rates))  # fail now, with a clear message, rather than mid-run
    known = {r.id for r in rules} | set(BUILTIN_RULES)
    select = expand_rule_ids(request.select, known, "--select")
    ignore = expand_rule_ids(request.ignore, known, "--ignore")
    if project:
        project.check_rule_ids(known)
    both = set(select) & set(ignore)
    if both:
        raise BadRequest(f"rule id(s) both selected and ignored, so nothing would check them: {', '.join(sorted(both))}")
    selection = PathSelection(project, select, ignore, as_of)
    widened = selection.run_options(LintOptions())
    pack_ids = {r.id for r in rules}
    if not any(widened.wants(rule_id) for rule_id in pack_ids | (set(widened.select) & set(BUILTIN_RULES))):
        raise BadRequest("no rule is active (every rule is ignored, unselected or absent), so nothing would be checked")
    if request.diff is not None and not request.diff.strip():
        raise BadRequest("--diff needs a git ref (it was empty: an unset CI variable?)")
    if request.stdin_filename is not None and not request.stdin_filename.strip():
        raise BadRequest("--stdin-filename needs a file name (it was empty: an unset variable?)")
    for option, value in (("--field", request.field), ("--date-field", request.date_field)):
        if value is not None and not value.strip():  # an empty name would silently read every field's default
            raise BadRequest(f"{option} needs a field name (it was empty: an unset variable?)")
    paths = tuple(request.paths or ["."])
    include = tuple(request.include or (settings.include if settings else ()))
    exclude = tuple(request.exclude or (settings.exclude if settings else ()))
    field = request.field or (settings and settings.field) or None
    reads = DocumentWalk(paths, include=include, exclude=exclude, field=field).would_read
    walk = WalkSpec(
        paths, include, exclude, field,
        request.date_field or (settings and settings.date_field) or None,
        request.stdin_filename,
        outputs=_check_outputs(request, project, rules, rates, reads),
    )
    options = selection.run_options(LintOptions(
        date=as_of, date_rules=selection.date_rules(), rates_file=str(rates) if rates else None,
    ))
    return LintPlan(
        config=project,
        as_of=as_of,
        rule_paths=tuple(rule_paths),
        rates=str(rates) if rates else None,
        walk=walk,
        rules=tuple(rules),
        options=options,
        selection=selection,
        changed=_changed_lines(request.diff) if request.diff else None,
        baseline=_baseline(request.baseline, request.write_baseline),
        format=format,
        fail_on=fail_on,
        jobs=max(min(request.jobs, _usable_cores()), 1),  # --jobs 10000 is not 10000 processes
        keep_sources=request.keep_sources or format == "html",
        progress=request.progress,
        default_rules=request.default_rules,
        jobs_auto=request.jobs_auto,
    )


def _check_outputs(request: LintRequest, project, rules: list[LoadedRule], rates,
                   would_read) -> tuple[tuple[int, int], ...]:
    """Refuse an --output, --report or --write-baseline file that is one of this run's inputs, an
    article its walk would read, or another of its outputs (exit 2); the identities of the outputs,
    so that a directory walk never reads them as documents."""
    from checker.report.atomic import file_identity, refuse_inputs, refuse_walked_document

    inputs: list[str] = [p for p in request.paths or () if p != "-" and not os.path.isdir(p)]
    inputs += [str(project.path)] if project else []
    inputs += sorted({r.origin for r in rules} | {str(p) for p in request.rules})
    inputs += [str(p) for p in project.rule_packs()] if project else []
    inputs += [str(rates)] if rates is not None else []
    outputs = []
    reports = ([request.output] if request.output is not None else []) + list(request.reports)
    for report in reports:
        baseline = [str(request.baseline)] if request.baseline is not None and not request.write_baseline else []
        refuse_inputs(report, inputs + baseline)
        if request.write_baseline and request.baseline is not None:
            refuse_inputs(report, [str(request.baseline)], "report")
        twice = [o for o in outputs if os.path.realpath(o) == os.path.realpath(report) and str(o) != "-"]
        if twice:  # two reports into one file: one would be lost
            raise BadRequest(f"{report}: named for two reports (also as {twice[0]}); give each its own file")
        outputs.append(report)
    if request.write_baseline and request.baseline is not None:
        refuse_inputs(request.baseline, inputs, "baseline")
        outputs.append(request.baseline)
    for output in outputs:
        refuse_walked_document(output, would_read)
    return tuple(identity for identity in map(file_identity, outputs) if identity is not None)


def expand_rule_ids(given: Sequence[str], known: set[str] | frozenset[str], option: str) -> list[str]:
    """Rule ids from `--select a,b --select c`, each an id or a prefix of ids, as in ruff.

    `currency` selects `currency-conversion`; `unit-` every rule starting so; `ALL` every rule.
    A name that is neither an id nor a prefix of one is an error naming it.
    """
    chosen: list[str] = []
    unknown: list[str] = []
    for item in given:
        if not str(item).replace(",", "").strip():  # `--select "$RULES"` with the variable unset
            raise BadRequest(f"{option} needs rule ids (it was empty: an unset variable?)")
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
        raise BadRequest(f"unknown rule id(s) in {option}: {', '.join(unknown)} (see `figcheck rules list`)")
    return chosen


def _usable_cores() -> int:
    """The cores this process may run on (taskset, containers), the cap for --jobs."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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


def _baseline(path: str | Path | None, write: bool) -> BaselinePlan | None:
    if path is None:
        return None
    if write and str(path).endswith(("/", os.sep)):  # `--baseline dir/`: never a file named "dir"
        raise BadRequest(f"--baseline {path}: names a folder (it ends in /); name a file to write the baseline to")
    if write:
        return BaselinePlan(Path(path), True)
    from checker.baseline import read_baseline

    return BaselinePlan(Path(path), False, frozenset(read_baseline(Path(path))))
