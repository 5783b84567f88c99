"""`figcheck rules list | show | validate | test`: the rule packs, documented and tested."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.options import EXIT_FINDINGS, EXIT_OK, RulePacks, fail

rules_app = typer.Typer(help="List, document, validate and test rule packs.", no_args_is_help=True)


@rules_app.command("list")
def rules_list(rules: RulePacks = None) -> None:
    """List the rules that would run, and every check kind available."""
    from checker.builtin_rules import BUILTIN_RULES
    from checker.kinds.base import all_kinds
    from checker.report.listings import rules_listing

    print(rules_listing(_load_or_fail(rules), all_kinds(), BUILTIN_RULES))


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(metavar="RULE_ID", help="A rule id (or a check kind name).")],
    rules: RulePacks = None,
) -> None:
    """Print a rule's documentation, parameters (with defaults) and examples."""
    from checker.builtin_rules import BUILTIN_RULES
    from checker.kinds.base import get_kind
    from checker.report.listings import builtin_rule_page, rule_page

    loaded = {r.id: r for r in _load_or_fail(rules)}
    rule = loaded.get(rule_id)
    kind = rule.kind if rule else get_kind(rule_id)
    if kind is None:
        if rule_id in BUILTIN_RULES:
            print(builtin_rule_page(BUILTIN_RULES[rule_id]))
            return
        fail(f"no rule or check kind named {rule_id!r}; see `figcheck rules list`")
    print(rule_page(rule_id, rule, kind))


@rules_app.command("validate")
def rules_validate(
    files: Annotated[list[Path], typer.Argument(metavar="FILE", help="Rule pack files to validate.")],
) -> None:
    """Validate rule packs; exit 2 with the file, line and field of the first problem."""
    from checker.engine.packs import PackError, load_pack
    from checker.report.common import plural

    for file in files:
        try:
            loaded = load_pack(file)
        except PackError as exc:
            fail(str(exc))
        print(f"{file}: ok ({plural(len(loaded), 'rule')})")


@rules_app.command("test")
def rules_test(
    files: Annotated[Optional[list[Path]], typer.Argument(metavar="FILE", help="Rule packs whose examples to run (default: the default pack).")] = None,
) -> None:
    """Run every rule's examples: a bad one must raise a finding, a good one none."""
    from checker.cli.rule_examples import run_examples
    from checker.engine.packs import PackError, default_pack_path, load_pack
    from checker.report.listings import example_outcome, examples_total

    failures = 0
    total = 0
    for file in files or [default_pack_path()]:
        try:
            loaded = load_pack(file)
        except PackError as exc:
            fail(str(exc))
        for outcome in run_examples(loaded):
            total += 1
            failures += not outcome.passed
            print(example_outcome(outcome))
    print(examples_total(total, failures))
    raise typer.Exit(EXIT_FINDINGS if failures else EXIT_OK)


def _load_or_fail(rules):
    from checker.engine.packs import load_rules
    from checker.yaml_source import YamlError

    try:
        return load_rules([str(p) for p in rules or []])
    except YamlError as exc:
        fail(str(exc))


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")
