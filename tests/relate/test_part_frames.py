"""Parts of a whole, shares of stated counts and stated margins: read only where the text says so.

Clean sentences, written afresh for each false-alarm class seen on real wire copy, must relate no
parts; the frames that do make the claim must find it.
"""

import pytest

from checker.extract import extract
from checker.relate.differences import find_differences
from checker.relate.parts import find_part_lists
from checker.relate.shares import find_shares


def parts(text):
    return [([q.text for q in r.parts], r.whole.text if r.whole else None, r.exact)
            for r in find_part_lists(text, extract(text))]


@pytest.mark.parametrize("text, expected", [
    ("Of the 15 judges, eight voted for, five against and three abstained.", (["eight", "five", "three"], "15", True)),
    ("Of 900 members polled, 410 backed the merger, 380 opposed it and the remaining 110 did not vote.",
     (["410", "380", "110"], "900", True)),
    ("The $10 billion package comprises $6 billion of loans and $4 billion of grants.",
     (["$6 billion", "$4 billion"], "$10 billion", True)),
    ("The $2 billion package includes $800 million of loans and $700 million of grants.",
     (["$800 million", "$700 million"], "$2 billion", False)),
    ("The four mills produced 12.1 million tonnes, 8.4 million tonnes, 3.3 million tonnes and 1.9 million tonnes, "
     "a combined 25.7 million tonnes.",
     (["12.1 million tonnes", "8.4 million tonnes", "3.3 million tonnes", "1.9 million tonnes"], "25.7 million tonnes", True)),
    ("The grant will be split between roads, schools and clinics, which get 45%, 35% and 20% respectively.",
     (["45%", "35%", "20%"], None, True)),
    ("The three funds own 40%, 25% and 10% respectively, a combined 75% stake.", (["40%", "25%", "10%"], "75%", True)),
    # the other owners may be named elsewhere: "the remaining" only bounds the shares
    ("Workers will hold 10 percent and the government the remaining 35 percent.", (["10 percent", "35 percent"], None, False)),
])
def test_parts_the_text_makes_exhaustive_or_bounded(text, expected):
    assert parts(text) == [expected]


@pytest.mark.parametrize("text", [
    # percentages of different bases
    "Some 70% of nurses backed the strike and 64% rejected the pay offer.",
    "In the ballot 54% backed the plan and 46% opposed it, on a turnout of 61%.",
    "Its market share is less than 60% now, compared with 96% a year ago.",
    # "respectively" and "the remaining" do not close a split by themselves
    "Ford and GM cut first-quarter output by 38 percent and 53 percent, respectively.",
    "The two lenders will cap their stakes at 10 percent and 14.9 percent, respectively.",
    # a change's endpoints are not shares
    "The fund raised its stake in the retailer to 15.6 percent from about 12 percent.",
    # ages, models and compound adjectives are not parts
    "It nominated two directors: Ann Lee, 63, a former regulator, and Raj Patel, 50.",
    "The carrier chose the 118-seat Embraer 195, a stretched version of the Embraer 190.",
    "The 10-city and 20-city indexes have fallen every month, a total of 28 months.",
    # a mid-sentence "of" is no whole, a range is no list
    "It forecast profit of $3.20 to $3.25 a share, in line with the average forecast of $3.22.",
    # "including" with no figures listed straight after it
    "Iron ore fell to about $180 a tonne, including freight, down from nearly $200 but above the $100 of March.",
    # two questions, not one split
    "Of the 400 firms surveyed, 220 said sales would rise next year and 260 said they planned to hire.",
])
def test_figures_that_are_not_parts_of_one_whole(text):
    assert parts(text) == []


def shares(text):
    return [(r.part.text, r.whole.text, r.stated.text) for r in find_shares(text, extract(text))]


@pytest.mark.parametrize("text, expected", [
    ("Some 18 million of the 24 million registered voters cast ballots, a turnout of 81%.",
     ("18 million", "24 million", "81%")),
    ("Only 64 of the county's 320 appeals, or 20%, succeeded.", ("64", "320", "20%")),
    ("Of the 1,600 staff surveyed, 1,240 said they would stay, a retention rate of 77.5%.", ("1,240", "1,600", "77.5%")),
    ("The party won 180 seats, or 40% of the 450-seat chamber.", ("180", "450", "40%")),
    ("Two thirds of the 900 flats, or 600, will be let at social rents.", ("600", "900", "Two thirds")),
])
def test_shares_of_stated_counts(text, expected):
    assert shares(text) == ([expected] if expected else [])


def test_a_percentage_with_its_own_base_is_not_the_share():
    assert shares("He sold 2 million of his 10 million shares, or 5% of the company.") == []


def test_margins_between_two_stated_figures():
    text = "Smith took 12,400 votes to Jones's 11,900, winning by 700 votes."
    assert [(r.first.text, r.second.text, r.stated.text) for r in find_differences(text, extract(text))] == [
        ("12,400", "11,900", "700")]
    # three figures of the measure: the gap could be between any two
    text = "Smith took 12,400 votes, Jones 11,900 and Brown 9,000, Smith winning by 500 votes."
    assert find_differences(text, extract(text)) == []


def test_stated_rates_of_two_stated_figures():
    from checker.relate.ratios import find_ratios

    text = "With 900,000 residents on 1,500 square km, the region has a density of 600 people per square km."
    assert [(r.numerator.text, r.denominator.text, r.stated.text) for r in find_ratios(text, extract(text))] == [
        ("900,000", "1,500 square km", "600")]
    text = "With 860 nurses for 1.72 million people, the region has one nurse for every 2,000 residents."
    assert [(r.numerator.text, r.denominator.text) for r in find_ratios(text, extract(text))] == [("1.72 million", "860")]
    # a density with no area in the sentence relates nothing
    text = "The city has a density of 600 people per square km, officials said."
    assert find_ratios(text, extract(text)) == []
