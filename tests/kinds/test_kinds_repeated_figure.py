"""repeated-figure: one subject, two different figures in one document; other years and hedges are not findings."""

import pytest

from checker.api import lint_text


def repeats(text):
    return [f for f in lint_text(text) if f.rule == "repeated-figure"]


def test_second_mention_is_flagged_pointing_at_the_first():
    text = "The fund has raised 700 billion yuan.\n\nLater, critics said the fund has raised 650 billion yuan."
    (finding,) = repeats(text)
    assert finding.line == 3 and finding.severity == "warning"
    assert (finding.evidence["first_line"], finding.evidence["first"]) == (1, "700 billion yuan")


@pytest.mark.parametrize("text", [
    "The fund has raised almost 700 billion yuan. Critics note the fund has raised 690 billion yuan.",
    "The start-up raised $5 million in 2020. The start-up raised $8 million in 2022.",
    "The fund has raised 700 billion yuan. The fund has raised $96 billion by another count.",
    "Acme raised $5 million and Beta raised $8 million.",
])
def test_same_figure_other_years_other_subjects_pass(text):
    assert repeats(text) == []


def test_a_generic_subject_names_different_things():
    text = "Alibaba said the company raised $1 billion. Tencent said the company raised $2 billion."
    assert [f for f in lint_text(text) if f.rule == "repeated-figure"] == []
