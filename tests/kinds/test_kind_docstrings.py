"""Every check kind documents itself in one shape (what `figcheck rules show` prints), and its
examples are true.

    One sentence saying what it checks.

    A paragraph (or more) on exactly what is checked and what is left alone.

    Why it matters:
        ...
    Bad:
        a sentence the kind flags
    Good:
        a sentence it leaves alone
    Parameters:
        `name`: what it does (every field of the kind's Params, and no other)

As sqlfluff holds its rules' docs to a shape, so that a new kind cannot ship undocumented.
"""

from __future__ import annotations

import re

import pytest

from checker.dates import parse_date
from checker.documents.base import Document, split_paragraphs
from checker.engine.packs import load_rules
from checker.kinds.base import CheckKind, all_kinds
from checker.pipeline import LintOptions, lint_document

SECTIONS = ("Why it matters:", "Bad:", "Good:", "Parameters:")
KINDS = all_kinds()
DEFAULT_RULES = {rule.kind.name: rule for rule in load_rules()}


def sections(doc: str) -> tuple[list[str], dict[str, list[str]]]:
    """The lines before the first heading, and each heading's (dedented, non-blank) lines."""
    head: list[str] = []
    found: dict[str, list[str]] = {}
    current: list[str] = head
    for line in doc.splitlines():
        if line in SECTIONS:
            current = found.setdefault(line, [])
        elif current is head:
            head.append(line)
        elif line.strip():
            assert line.startswith("    "), f"section text is indented by four spaces: {line!r}"
            current.append(line[4:])
    return head, found


@pytest.fixture(params=sorted(KINDS), ids=str)
def kind(request) -> CheckKind:
    return KINDS[request.param]


def test_the_summary_is_one_sentence_saying_what_it_checks(kind):
    summary, blank, *rest = kind.doc.splitlines()
    assert summary.endswith(".") and len(summary) <= 100 and summary[0].isupper()
    assert blank == "" and rest, "a blank line, then the rest of the doc"


def test_the_sections_come_in_order_and_none_is_empty(kind):
    head, found = sections(kind.doc)
    assert list(found) == list(SECTIONS)
    assert all(found[name] for name in SECTIONS), "every section has text"
    description = [line for line in head[2:] if line.strip()]
    assert description, "what it checks, in detail, before 'Why it matters:'"


def test_the_parameters_section_names_every_parameter_and_no_other(kind):
    _head, found = sections(kind.doc)
    named = [re.match(r"`(\w+)`: \S", line) for line in found["Parameters:"] if not line.startswith(" ")]
    assert all(named), "each parameter line reads `name`: what it does"
    assert [m.group(1) for m in named] == list(kind.params.model_fields)


def _findings(kind: CheckKind, text: str) -> list:
    rule = DEFAULT_RULES[kind.name]
    examples = rule.rule.examples
    options = LintOptions(date=parse_date(examples.date if examples else None))
    document = Document(f"<doc of {kind.name}>", split_paragraphs(text), source=text)
    return [f for f in lint_document(document, [rule], options).findings if f.rule == rule.id]


def test_the_bad_example_is_flagged_and_the_good_one_is_not(kind):
    _head, found = sections(kind.doc)
    assert kind.name in DEFAULT_RULES, "the default pack runs every built-in kind"
    for bad in found["Bad:"]:
        assert _findings(kind, bad), f"the documented bad example draws no finding: {bad}"
    for good in found["Good:"]:
        assert not _findings(kind, good), f"the documented good example draws a finding: {good}"
