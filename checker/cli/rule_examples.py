"""Rule packs that test themselves: every `examples:` snippet run through the real pipeline.

It sits beside the `rules test` command, above the pipeline it runs (the engine below only loads
and validates packs).

A bad snippet must draw at least one finding from its own rule; a good one must draw none.
Each snippet is linted alone, with only its rule enabled and the examples' date, so rules cannot
mask or trigger each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from checker.dates import parse_date
from checker.documents.base import Document, split_paragraphs
from checker.engine.packs import LoadedRule
from checker.pipeline import LintOptions, lint_document


@dataclass(frozen=True)
class ExampleOutcome:
    rule: str
    expectation: str  # "bad" or "good"
    snippet: str
    passed: bool
    detail: str = ""


def run_examples(rules: Iterable[LoadedRule]) -> Iterator[ExampleOutcome]:
    for rule in rules:
        examples = rule.rule.examples
        if examples is None:
            continue
        options = LintOptions(date=parse_date(examples.date))
        for expectation, snippets in (("bad", examples.bad), ("good", examples.good)):
            for snippet in snippets:
                document = Document(f"<example of {rule.id}>", split_paragraphs(snippet), source=snippet)
                findings = [f for f in lint_document(document, [rule], options).findings if f.rule == rule.id]
                checked = [f for f in findings if not f.evidence.get("unchecked")]
                if expectation == "bad":  # "could not check" (no rate that day) is no proof the rule flags it
                    passed = bool(checked)
                    detail = "" if passed else ("expected a finding, got none" if not findings else
                                                "not checked: " + "; ".join(f.message for f in findings))
                else:
                    passed = not findings
                    detail = "" if passed else "expected no finding, got: " + "; ".join(f.message for f in findings)
                yield ExampleOutcome(rule.id, expectation, snippet, passed, detail)
