"""Change claims read as frames: which figures a change joins, and which it must leave alone.

Each false-alarm class found on real wire copy has a case here, written afresh: the clean sentence
must make no claim (or the right one), so a pattern that comes back fails here, at the relate stage.
"""

import pytest

from checker.extract import extract
from checker.model import Change
from checker.relate import relate
from checker.relate.changes import find_change_claims


def claims(text):
    return [(r.start.text, r.end.text, r.measure, round(r.value, 3)) for r in find_change_claims(text, extract(text))]


@pytest.mark.parametrize("text, expected", [
    # words between the roles, in any order
    ("Weekly wages climbed 14% to 3,420 rupees a week from 3,000.", ("3,000", "3,420 rupees", "percent", 14)),
    ("Arrivals dropped 25% to 66,000 in March from 88,000 a year before.", ("88,000", "66,000", "percent", 25)),
    ("Output was up 12% on the year at 5.6 million, against 5.0 million.", ("5.0 million", "5.6 million", "percent", 12)),
    ("Exports were $41 billion, down 5% compared with $43.2 billion.", ("$43.2 billion", "$41 billion", "percent", 5)),
    ("The budget is 20% higher than last year's $2.5 billion at $3 billion.", ("$2.5 billion", "$3 billion", "percent", 20)),
    ("The new budget of $3 billion is 20% higher than last year's $2.5 billion.", ("$2.5 billion", "$3 billion", "percent", 20)),
    ("Visitors went from 40,000 to 52,000, a 30% rise on the year.", ("40,000", "52,000", "percent", 30)),
    ("Claims fell to 900 from 1,200, a drop of 25%, the agency said.", ("1,200", "900", "percent", 25)),
    ("Operating profit for the year to March 31 fell 12% to 85 billion yen from 96.6 billion yen.",
     ("96.6 billion yen", "85 billion yen", "percent", 12)),
    ("The fleet grew by a quarter to 150 ships from 120.", ("120", "150", "factor", 1.25)),
    ("Imports have doubled since 2019, rising from 1.2 million tonnes to 2.5 million tonnes.",
     ("1.2 million tonnes", "2.5 million tonnes", "factor", 2)),
    ("The policy rate rose 0.75 percentage point to 4.5% from 3.75%.", ("3.75%", "4.5%", "points", 0.75)),
])
def test_a_change_joins_its_own_start_and_end(text, expected):
    assert claims(text) == ([expected] if expected else [])


def test_totals_pair_with_totals_and_per_share_with_per_share():
    text = ("Net income was $812 million, or 71 cents a share, for the quarter that ended June 30, up 14 percent "
            "from $712 million, or 61 cents a share, a year earlier.")
    assert claims(text) == [("$712 million", "$812 million", "percent", 14)]


@pytest.mark.parametrize("text", [
    # a start stated as a time, not a figure
    "Home prices are up 30% from three years ago, at $412,000.",
    "Audi sold 214,000 cars, up 11 percent from a year earlier, compared with the 260,000 cars Volvo sold.",
    "The handset maker sold 9.5 million phones, down 20 percent from a year ago, short of forecasts that ranged "
    "from 10.2 million to 12 million.",
    # the endpoints belong to another predicate
    "Revenue rose 3 percent to $5.2 billion and the company cut its dividend to 20 cents from 35 cents.",
    "The shares fell 4 percent to $38.20 after a broker cut its price target on the stock to $40 from $55.",
    "Freight revenue rose to $2.4 billion from $2.3 billion, with a 4 percent decline in shipments offset by "
    "higher rates.",
    "The index fell 2 percent at one point to 7,640 from a 16-month peak near 7,796.",
    "The stock, up 18 percent this year, trades at 14 times earnings, compared to 16 for its nearest rival.",
    # a clause boundary
    "Sales rose 4% to $5 billion, while costs went from $3 billion to $2.9 billion.",
    # bid and ask, not one figure
    "Palladium fell 6 percent to $428/435 an ounce from $455/460.",
    # no start at all
    "Sales rose 12% to 5.6 million in the year to March 31.",
])
def test_figures_that_are_not_the_changes_endpoints_make_no_claim(text):
    assert claims(text) == []


def test_relations_are_typed_records():
    text = "Shares fell 20% to $40 from $50."
    (relation,) = [r for r in relate(text, extract(text)) if r.kind == "change"]
    assert isinstance(relation, Change) and not hasattr(relation, "data")
    assert (relation.start.value, relation.end.value, relation.direction, relation.stated.text) == (50, 40, "down", "20%")
