"""Subject figures: a money figure stated as a named subject's size, read as a typed record."""

from checker.extract import extract
from checker.model import SubjectFigure
from checker.relate import relate


def subjects(text):
    return [r for r in relate(text, extract(text)) if r.kind == "subject"]


def test_a_named_subject_and_its_verb_make_a_typed_record():
    text = "The Big Fund III has raised almost 700 billion yuan since 2014."
    [mention] = subjects(text)
    assert isinstance(mention, SubjectFigure)
    assert (mention.subject, mention.fact, mention.years) == ("big fund iii", "raise", frozenset({"2014"}))
    assert mention.figure.text == "700 billion yuan" and mention.hedge == "almost"


def test_the_verbs_of_size_name_the_fact_they_state():
    assert [m.fact for m in subjects("Analysts say Acme is worth $5 billion and Beta was valued at $2 billion.")] == ["worth", "value"]


def test_common_nouns_ranges_and_figures_that_are_no_money_are_no_subject():
    assert subjects("The company raised $5 million.") == []
    assert subjects("Acme raised $5 million to $6 million.") == []
    assert subjects("Acme raised 5 million tonnes of steel.") == []


def test_mentions_of_other_years_are_other_facts():
    one, two, three = subjects("In 2020 Acme raised $5 million. In 2022 Acme raised $8 million. Since then Acme raised $9 million.")
    assert not one.same_years(two) and one.same_years(three) and three.same_years(two)
