"""`figcheck rules test` passes on the shipped packs: every bad example flagged, every good one silent."""

from typer.testing import CliRunner

from checker.cli import app
from checker.engine.packs import load_rules
from checker.cli.rule_examples import run_examples


def test_every_shipped_example_behaves():
    failures = [o for o in run_examples(load_rules()) if not o.passed]
    assert failures == []


def test_every_shipped_rule_has_bad_and_good_examples():
    for rule in load_rules():
        assert rule.rule.examples and rule.rule.examples.bad and rule.rule.examples.good, rule.id


def test_rules_test_command_exits_zero():
    result = CliRunner().invoke(app, ["rules", "test"])
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output
