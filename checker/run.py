"""One lint run, from what the user asked for to a result: the layer under both the CLI and the API.

`run_lint` has two steps. `plan_lint` (checker.plan) resolves the `LintRequest` once into a frozen
`LintPlan` — config, packs, rates, dates, selection, walk, diff, baseline — raising one of
`USER_ERRORS` for anything a user got wrong; `execute` then only reads the plan: it lints the
documents (on several processes when asked) and narrows the findings to the selected rules, the
changed lines and what the baseline does not already know. The CLI turns `USER_ERRORS` into exit 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.baseline import BaselineError
from checker.dates import BadDate, parse_date
from checker.documents import DocumentError
from checker.engine.packs import LoadedRule
from checker.findings import LintResult, Severity
from checker.gitdiff import DiffError
from checker.plan import DISCOVER, FAIL_ON, BadRequest, LintPlan, LintRequest, plan_lint
from checker.rates import RatesError
from checker.report.atomic import OutputError
from checker.report.common import plural
from checker.yaml_source import YamlError

__all__ = ["USER_ERRORS", "BadDate", "BadRequest", "DISCOVER", "FAIL_ON", "LintRequest", "LintRun",
           "effective_settings", "execute", "parse_date", "run_lint", "selected_files"]

USER_ERRORS = (BadDate, BadRequest, YamlError, RatesError, DocumentError, DiffError, BaselineError, OutputError)


@dataclass
class LintRun:
    """The result and what decided it, for the reporter and the exit code."""

    result: LintResult
    rules: list[LoadedRule]
    format: str
    fail_on: str
    messages: list[str] = field(default_factory=list)  # notes for stderr (baseline counts)
    baseline_written: bool = False
    empty: bool = False  # no documents were found to check (a note and exit 0, as in ruff)

    def fails(self) -> bool:
        """Whether a finding is at or above `fail_on` (the CLI's exit 1)."""
        if self.fail_on == "never":
            return False
        threshold = Severity.of(self.fail_on)
        return any(Severity.of(f.severity) >= threshold for f in self.result.findings)


def run_lint(request: LintRequest) -> LintRun:
    return execute(plan_lint(request))


def execute(plan: LintPlan) -> LintRun:
    """Lint what the plan says and narrow the findings as it says; reads the plan, never changes it."""
    from checker.parallel import SMALL_RUN_CHARS, lint_parallel
    from checker.progress import running

    jobs = plan.jobs
    with running(plan.progress, f"checking on {jobs} process{'es' if jobs > 1 else ''}") as advance:
        result = lint_parallel(plan.walk, plan.rules, plan.options, jobs,
                               keep_sources=plan.keep_sources, on_document=advance,
                               serial_below=SMALL_RUN_CHARS if plan.jobs_auto else 0)
    empty = result.files == 0 and not result.skipped
    result.findings = plan.selection.keep(result.findings)
    if plan.changed is not None:
        result.findings = plan.changed.keep(result.findings)
    run = LintRun(result, list(plan.rules), plan.format, plan.fail_on)
    run.messages.extend(_skipped_notes(result.skipped_files))
    if empty:  # as ruff and markdownlint-cli2: nothing to check is a note, not an error
        run.messages.append(f"no documents to check in {', '.join(plan.walk.paths)}")
        run.empty = True
    if plan.baseline is not None:
        _apply_baseline(run, plan)
    return run


MAX_SKIPPED_NOTES = 20


def _skipped_notes(skipped: list[tuple[str, str]]) -> list[str]:
    """One stderr line per file passed over while walking (binary files are only counted)."""
    named = [(path, reason) for path, reason in skipped if reason != "binary"]
    notes = [f"skipped {path}: {reason}" for path, reason in named[:MAX_SKIPPED_NOTES]]
    if len(named) > MAX_SKIPPED_NOTES:
        notes.append(f"skipped {plural(len(named) - MAX_SKIPPED_NOTES, 'more file')}")
    return notes


def _apply_baseline(run: LintRun, plan: LintPlan) -> None:
    """Record the findings in the baseline, or drop those it already knows."""
    from checker.baseline import compare, write_baseline

    baseline = plan.baseline
    assert baseline is not None
    if baseline.write:
        count = write_baseline(run.result.findings, baseline.path)
        run.messages.append(f"wrote {plural(count, 'finding')} to the baseline {baseline.path}")
        run.baseline_written = True
        return
    comparison = compare(run.result.findings, baseline.path, baseline.known)
    run.result.findings = comparison.new
    if comparison.accepted or comparison.fixed:
        note = f"baseline {baseline.path}: {plural(len(comparison.accepted), 'known finding')} accepted"
        if comparison.fixed:
            note += f", {comparison.fixed} no longer found (refresh with --write-baseline)"
        run.messages.append(note)


def selected_files(plan: LintPlan) -> list[str]:
    """--show-files: every file the plan's lint would read, in walk order, without checking them."""
    seen: list[str] = []
    for document in plan.walk.walk():
        if not seen or seen[-1] != document.report_path:
            seen.append(document.report_path)
    return seen


def effective_settings(plan: LintPlan, path: str | None = None) -> dict:
    """--show-settings: the config, format, packs, rules and as-of date a lint would use for `path`."""
    target = path or (plan.walk.paths[0] if plan.walk.paths else ".")
    chosen = plan.selection.for_path(target)
    if plan.options.date is not None:
        date = {"date": plan.options.date.isoformat(), "source": "--date"}
    elif rule := next((r for r in reversed(plan.options.date_rules) if r.applies_to(target)), None):
        date = {"date": rule.date.isoformat(), "source": rule.source}
    else:
        date = {"date": None, "source": "the document's own (front matter, meta tags, JSON-LD, .docx properties)"}
    return {
        "path": target,
        "config": str(plan.config.path) if plan.config else None,
        "format": plan.format,
        "fail_on": plan.fail_on,
        "packs": (["rules/default.yaml (built in)"] if plan.default_rules else []) + list(plan.rule_paths),
        "rules": {r.id: {"kind": r.kind.name, "severity": r.rule.severity} for r in plan.rules if chosen.wants(r.id)},
        "not_selected": sorted(r.id for r in plan.rules if not chosen.wants(r.id)),
        "date": date,
        "rates": plan.rates or "shipped (ECB reference rates and the other offline tables)",
        "walk": {"paths": list(plan.walk.paths), "include": list(plan.walk.include),
                 "exclude": list(plan.walk.exclude), "field": plan.walk.field, "date_field": plan.walk.date_field},
    }
