"""A lint request becomes one frozen plan before any document is read; running it only reads it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from checker.baseline import BaselineError
from checker.plan import BadRequest, LintRequest, plan_lint
from checker.run import execute

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) for the plan.\n"


@pytest.fixture
def articles(tmp_path):
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(WRONG, encoding="utf-8")
    return tmp_path


def test_the_plan_is_resolved_once_and_frozen(articles):
    plan = plan_lint(LintRequest(paths=[str(articles)], date="2025-04-15", config=None, ignore=["number-style"]))
    assert plan.as_of == dt.date(2025, 4, 15) and plan.options.date == plan.as_of
    assert "number-style" in plan.options.ignore
    assert plan.rules and all(r.rule.enabled for r in plan.rules)
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.format = "json"
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.options.date = None


@pytest.mark.parametrize("jobs", [1, 2])
def test_running_a_plan_reads_it_and_leaves_it_as_it_was(articles, jobs):
    plan = plan_lint(LintRequest(paths=[str(articles)], date="2025-04-15", config=None, jobs=jobs))
    before = dataclasses.astuple(plan.options), plan.rules, plan.walk
    first = execute(plan).result.contract()
    second = execute(plan).result.contract()
    assert first == second and len(first["findings"]) == 3
    assert (dataclasses.astuple(plan.options), plan.rules, plan.walk) == before


def test_every_user_mistake_is_raised_while_planning(articles):
    with pytest.raises(BaselineError, match="baseline not found"):
        plan_lint(LintRequest(paths=[str(articles)], config=None, baseline=articles / "missing.json"))
    with pytest.raises(BadRequest, match="--write-baseline needs --baseline"):
        plan_lint(LintRequest(paths=[str(articles)], config=None, write_baseline=True))
    with pytest.raises(BadRequest, match="unknown --format"):
        plan_lint(LintRequest(paths=[str(articles)], config=None, format="yaml"))
