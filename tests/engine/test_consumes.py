"""A check declares the relation types it consumes, and the pipeline hands it only those."""

from __future__ import annotations

from typing import get_args

from checker.documents import load_text
from checker.engine.packs import LoadedRule, Rule
from checker.kinds.base import Check, CheckKind, Params, all_kinds
from checker.model import RelationKind
from checker.pipeline import LintOptions, lint_document

TEXT = ("Revenue jumped 25% from $4.0 billion to $6.0 billion. "
        "Authorities earmarked 600 billion yuan ($8.5 billion) for the plan.")


def spy(consumes: tuple[str, ...]) -> tuple[LoadedRule, list]:
    seen: list = []

    class Spy(Check):
        def block(self, block):
            seen.extend(r.kind for r in block.relations)
            return ()

    Spy.consumes = consumes
    return LoadedRule(Rule(id="spy", kind="spy"), CheckKind("spy", Spy, Params), Params(), "<test>"), seen


def lint(*rules: LoadedRule) -> None:
    for document in load_text(TEXT):
        lint_document(document, list(rules), LintOptions())


def test_each_check_sees_only_the_relation_types_it_consumes():
    changes, seen_changes = spy(("change",))
    conversions, seen_conversions = spy(("conversion",))
    both, seen_both = spy(("change", "conversion"))
    nothing, seen_nothing = spy(())
    lint(changes, conversions, both, nothing)
    assert seen_changes == ["change"]
    assert seen_conversions == ["conversion"]
    assert sorted(seen_both) == ["change", "conversion"]
    assert seen_nothing == []


def test_every_built_in_kind_declares_known_relation_types():
    known = set(get_args(RelationKind))
    for name, kind in all_kinds().items():
        assert isinstance(kind.consumes, tuple), name
        assert set(kind.consumes) <= known, name
