"""Kinds fed hand-built blocks: quantities and relations written out by hand, no extraction and no
relating. A failure here is the kind's own arithmetic or wording, never the grammar's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.documents.base import Block
from checker.engine.packs import load_rules
from checker.kinds.base import AnalyzedBlock, Env
from checker.model import Quantity, Relation, SubjectFigure

RULES = {r.kind.name: r for r in load_rules()}
APRIL_15 = dt.date(2025, 4, 15)


def money(text: str, sentence: str, value: float, currency: str, sig: int, scale: str | None = "billion",
          hedge: str | None = None) -> Quantity:
    start = sentence.index(text)
    return Quantity(text, start, start + len(text), value, "money", currency=currency, scale=scale,
                    sig_digits=sig, hedge=hedge)


def physical(text: str, sentence: str, value: float, unit: str, sig: int) -> Quantity:
    start = sentence.index(text)
    return Quantity(text, start, start + len(text), value, "physical", unit=unit, sig_digits=sig)


def run(kind: str, sentence: str, quantities: list[Quantity], relations: list[Relation] = (),
        date: dt.date | None = APRIL_15) -> list:
    rule = RULES[kind]
    check = rule.kind.check(rule.rule, rule.params, Env("<hand-built>", date, "test" if date else None))
    block = AnalyzedBlock(Block.verbatim(sentence), quantities, list(relations))
    return list(check.block(block)) + list(check.finish())


SEED = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
RIGHT = "The fund has raised almost 700 billion yuan ($96 billion) since 2014."


def test_currency_conversion_flags_the_seed_pair_and_proposes_the_scale_fix():
    stated = money("600 billion yuan", SEED, 6e11, "CNY", 1)
    converted = money("$8.5 billion", SEED, 8.5e9, "USD", 2)
    [problem] = run("currency-conversion", SEED, [stated, converted], [Relation("conversion", (stated, converted), "(")])
    assert problem.quantities == (stated, converted)
    assert "60 billion yuan ($8.5 billion)" in problem.suggestion
    assert problem.evidence["rate_date"] == "2025-04-15"


def test_currency_conversion_is_silent_on_the_right_pair():
    stated = money("700 billion yuan", RIGHT, 7e11, "CNY", 1, hedge="almost")
    converted = money("$96 billion", RIGHT, 9.6e10, "USD", 2)
    assert run("currency-conversion", RIGHT, [stated, converted], [Relation("conversion", (stated, converted), "(")]) == []


def test_currency_conversion_reads_relations_not_neighbouring_figures():
    """Without a conversion relation, two amounts side by side are not a claim."""
    stated = money("600 billion yuan", SEED, 6e11, "CNY", 1)
    converted = money("$8.5 billion", SEED, 8.5e9, "USD", 2)
    assert run("currency-conversion", SEED, [stated, converted]) == []


def test_currency_conversion_before_the_table_is_unchecked_info():
    text = "The deal is worth 2 billion yuan ($290 million)."
    stated = money("2 billion yuan", text, 2e9, "CNY", 1)
    converted = money("$290 million", text, 2.9e8, "USD", 2, scale="million")
    [problem] = run("currency-conversion", text, [stated, converted], [Relation("conversion", (stated, converted), "(")],
                    date=dt.date(1990, 1, 1))
    assert problem.severity == "info" and "could not check" in problem.message


@pytest.mark.parametrize("km, wrong", [(6.0, True), (16.0, False)])
def test_unit_conversion_of_miles_to_km(km, wrong):
    text = f"The trail runs 10 miles ({km:g} km) through the forest."
    miles = physical("10 miles", text, 10.0, "mile", 1)
    kilometres = physical(f"{km:g} km", text, km, "kilometer", len(f"{km:g}"))
    problems = run("unit-conversion", text, [miles, kilometres], [Relation("conversion", (miles, kilometres), "(")])
    assert bool(problems) == wrong
    if wrong:
        assert problems[0].suggestion == "10 miles (16 km)"


def test_number_style_reports_the_second_scale_style_once():
    text = "The group raised $2bn in March and another $3 billion in June, then $4bn."
    quantities = [money("$2bn", text, 2e9, "USD", 1, scale="bn"), money("$3 billion", text, 3e9, "USD", 1),
                  money("$4bn", text, 4e9, "USD", 1, scale="bn")]
    [problem] = run("number-style", text, quantities)
    assert problem.quantities[0].text == "$3 billion"


def test_repeated_figure_compares_mentions_across_blocks():
    first = "The Big Fund has raised 700 billion yuan since 2014."
    second = "Critics say the Big Fund has raised 650 billion yuan since 2014 with little to show."
    rule = RULES["repeated-figure"]
    check = rule.kind.check(rule.rule, rule.params, Env("<hand-built>", APRIL_15))
    one = money("700 billion yuan", first, 7e11, "CNY", 1)
    two = money("650 billion yuan", second, 6.5e11, "CNY", 2)

    def mention(figure, years=frozenset({"2014"})):
        return SubjectFigure("subject", (figure,), cue="has raised", subject="big fund", fact="raise", years=years)

    assert list(check.block(AnalyzedBlock(Block.verbatim(first), [one], [mention(one)]))) == []
    [problem] = check.block(AnalyzedBlock(Block.verbatim(second, line=2), [two], [mention(two)]))
    assert problem.quantities == (two,)
    # the same figures without the relation, or about another year, are no finding
    assert list(check.block(AnalyzedBlock(Block.verbatim(second, line=3), [two], []))) == []
    assert list(check.block(AnalyzedBlock(Block.verbatim(second, line=4), [two],
                                          [mention(two, frozenset({"2020"}))]))) == []


def test_house_facts_checks_a_figure_tied_to_the_name():
    text = "The Big Fund III, with registered capital of 300 billion yuan, was set up in May 2024."
    figure = money("300 billion yuan", text, 3e11, "CNY", 1)
    [problem] = run("house-facts", text, [figure])
    assert problem.suggestion == "344 billion yuan"
