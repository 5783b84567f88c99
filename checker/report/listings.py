"""Plain listings for the commands that are not lint reports: `rules list`, `rules show`,
`rules test`, `extract`'s table, `rates` and the `audit` summary.

The command bodies only gather data and print what these return, so how each listing reads is
decided in one place, in the report layer, and a second front end can print the same text.
Each function returns the text without its final newline (the caller prints it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from checker.report.common import plural

if TYPE_CHECKING:
    from checker.builtin_rules import BuiltinRule
    from checker.engine.packs import LoadedRule
    from checker.kinds.base import CheckKind
    from checker.model import Quantity


def _summary(rule: "LoadedRule") -> str:
    return (rule.rule.description or rule.kind.summary).strip().split("\n")[0]


def rules_listing(loaded: list["LoadedRule"], kinds: Mapping[str, "CheckKind"],
                  builtins: Mapping[str, "BuiltinRule"]) -> str:
    """The rules that would run, every check kind, and the rules figcheck reports on its own."""
    lines = []
    width = max((len(r.id) for r in loaded), default=10) + 2
    lines.append(f"{plural(len(loaded), 'rule')}:")
    for rule in loaded:
        kind = "" if rule.kind.name == rule.id else f" [{rule.kind.name}]"
        lines.append(f"  {rule.id:<{width}}{rule.rule.severity:<9}{_summary(rule)}{kind}  ({Path(rule.origin).name})")
    width = max(len(name) for name in kinds) + 2
    lines.append(f"\ncheck kinds ({len(kinds)}):")
    for name, kind in kinds.items():
        lines.append(f"  {name:<{width}}{kind.summary}")
    width = max(len(name) for name in builtins) + 2
    lines.append(f"\n{plural(len(builtins), 'built-in rule')} (reported without a rule pack):")
    for builtin in builtins.values():
        lines.append(f"  {builtin.id:<{width}}{builtin.severity:<9}{builtin.summary}")
    return "\n".join(lines)


def rule_page(rule_id: str, rule: "LoadedRule | None", kind: "CheckKind") -> str:
    """A rule's (or a bare kind's) documentation, parameters with their values, and examples."""
    where = f"  (kind: {kind.name}, severity: {rule.rule.severity}, from {rule.origin})" if rule else "  (check kind)"
    # The doc's own "Parameters:" section is replaced by the parameters with their current values.
    doc = kind.doc.split("\nParameters:\n", 1)[0].rstrip()
    lines = [f"{rule_id}{where}", "", doc, "", "parameters:"]
    current = rule.params.model_dump() if rule else {}
    for name, info in kind.params.model_fields.items():
        if name in current:
            shown = json.dumps(current[name], default=str)
        else:
            shown = "(required)" if info.is_required() else json.dumps(info.get_default(call_default_factory=True), default=str)
        lines.append(f"  {name}: {shown}" + (f"    # {info.description}" if info.description else ""))
    if rule and rule.rule.examples:
        lines += ["", "examples:"]
        lines += [f"  bad:  {snippet}" for snippet in rule.rule.examples.bad]
        lines += [f"  good: {snippet}" for snippet in rule.rule.examples.good]
    return "\n".join(lines)


def builtin_rule_page(rule: "BuiltinRule") -> str:
    """A built-in rule's documentation: no kind, no parameters, reported by figcheck itself."""
    return "\n".join([
        f"{rule.id}  (built in, severity: {rule.severity}, reported by the {rule.emitted_by} stage)",
        "",
        rule.summary + ".",
        "",
        rule.doc,
    ])


def example_outcome(outcome) -> str:
    """One line per `rules test` example, and the reason under a failure."""
    mark = "ok  " if outcome.passed else "FAIL"
    text = f"{mark} {outcome.rule} {outcome.expectation}: {outcome.snippet}"
    return text if outcome.passed else f"{text}\n     {outcome.detail}"


def examples_total(total: int, failures: int) -> str:
    return f"{total - failures} passed, {failures} failed"


def quantity_table(text: str, quantities: Iterable["Quantity"]):
    """`extract --format table`: a rich Table of every amount with where it sits in `text`."""
    from rich.table import Table

    quantities = list(quantities)
    table = Table(title=plural(len(quantities), "amount"), show_lines=False)
    for column in ("text", "line:col", "value", "currency/unit", "hedge", "precision"):
        table.add_column(column)
    for quantity in quantities:
        line = text.count("\n", 0, quantity.start) + 1
        column = quantity.start - (text.rfind("\n", 0, quantity.start) + 1) + 1
        value = _shown(quantity.value) + (f" – {_shown(quantity.high)}" if quantity.high is not None else "")
        unit = quantity.currency or quantity.unit or ""
        if len(quantity.alternatives) > 1:
            unit += f" (or {', '.join(quantity.alternatives[1:])})"
        table.add_row(quantity.text, f"{line}:{column}", value, unit, quantity.hedge or "", f"{quantity.sig_digits} sig.")
    return table


def _shown(value: float) -> str:
    """A value for the table; one past a float's range (1e400) is said so, never 'inf'."""
    import math

    return f"{value:,.6g}" if math.isfinite(value) else "too large to hold"


def rate_answer(base: str, quote: str, result) -> str:
    """`figcheck rates`: the rate used for a pair, its date, the window accepted, its source and
    how often that source publishes (daily, weekly, monthly)."""
    lines = [
        f"1 {base} = {result.latest:.6g} {quote}   (1 {quote} = {1 / result.latest:.6g} {base})",
        f"rate date: {result.latest_date.isoformat()}",
        f"window:    {result.first_date.isoformat()} .. {result.latest_date.isoformat()}  "
        f"range {result.low:.6g} .. {result.high:.6g} {quote} per {base}",
        f"source:    {result.source} ({result.source_short})",
        f"granularity: {result.granularity}",
    ]
    if result.note:
        lines.append(f"note:      {result.note}")
    return "\n".join(lines)


def rate_sources(rows: list[dict], currencies: list[str]) -> str:
    """`figcheck rates --sources`: the sources in look-up order, their coverage and granularity."""
    lines = ["rate sources, asked in this order (the first with both currencies at the date is used):"]
    for number, row in enumerate(rows, 1):
        until = f"; dollar rates to {row['dollar_rates_until']}" if row["dollar_rates_until"] else ""
        lines.append(f"{number}. {row['short_name']}: {row['name']}")
        lines.append(f"   base {row['base']}; {row['granularity']}; {row['coverage']}{until}")
        if row["pegged"]:
            lines.append(f"   fixed pegs where unpublished (checker/rates/pegs.toml): {', '.join(row['pegged'])}")
    lines.append(f"{len(currencies)} currency codes in all: {', '.join(currencies)}")
    return "\n".join(lines)


def audit_summary(summary: dict, output: Path, format: str) -> str:
    """What `figcheck audit` prints when it is done: totals, per-rule counts, where findings are."""
    counts = summary["summary"]
    lines = [f"{plural(summary['files'], 'file')}, {plural(summary['documents'], 'document')}, "
             f"{plural(summary['partitions'], 'partition')}: {plural(counts['error'], 'error')}, "
             f"{plural(counts['warning'], 'warning')}, {plural(counts['info'], 'info')} "
             f"({plural(summary['amounts'], 'amount')}, {plural(summary['relations'], 'relation')})"]
    lines += [f"  {rule}: {count}" for rule, count in summary["rules"].items()]
    if summary["skipped"]:
        lines.append(f"  skipped {plural(len(summary['skipped']), 'unreadable file')} (listed in {output / '_summary.json'})")
    if summary.get("not_checked"):
        lines.append(f"  not checked: {plural(len(summary['not_checked']), 'file')} whose worker process died twice")
    lines.append(f"findings: {output}/part-*.{format}")
    return "\n".join(lines)
