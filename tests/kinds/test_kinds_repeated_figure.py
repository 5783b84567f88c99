"""repeated-figure: one subject, two different figures in one document; other years and hedges are not findings."""

import pytest

from checker.api import lint_text


def repeats(text):
    return [f for f in lint_text(text) if f.rule == "repeated-figure"]


def test_second_mention_is_flagged_pointing_at_the_first():
    text = "The Big Fund has raised 700 billion yuan.\n\nLater, critics said the Big Fund has raised 650 billion yuan."
    (finding,) = repeats(text)
    assert finding.line == 3 and finding.severity == "warning"
    assert (finding.evidence["first_line"], finding.evidence["first"]) == (1, "700 billion yuan")


@pytest.mark.parametrize("text", [
    "The Big Fund has raised almost 700 billion yuan. Critics note the Big Fund has raised 690 billion yuan.",
    "The start-up raised $5 million in 2020. The start-up raised $8 million in 2022.",
    "The Big Fund has raised 700 billion yuan. The Big Fund has raised $96 billion by another count.",
    "Acme raised $5 million and Beta raised $8 million.",
])
def test_same_figure_other_years_other_subjects_pass(text):
    assert repeats(text) == []


def test_a_generic_subject_names_different_things():
    text = "Alibaba said the company raised $1 billion. Tencent said the company raised $2 billion."
    assert [f for f in lint_text(text) if f.rule == "repeated-figure"] == []


@pytest.mark.parametrize("text", [
    # a common noun names a different thing each time: not the same fund
    "The fund has raised 700 billion yuan. Critics said a rival fund has raised 650 billion yuan.",
    "Investors have raised $5 billion this year. Investors have raised $7 billion in Asia alone.",
    "Banks have lent $40 billion. In Europe, banks have lent $55 billion.",
])
def test_common_nouns_are_not_one_named_subject(text):
    assert repeats(text) == []
