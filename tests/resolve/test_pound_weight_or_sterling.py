"""A bare "pounds" (no £) is read as a weight or as sterling from the words around it; where they say
neither, it makes no currency claim. Sentences written for this test, in the shapes news copy takes."""

import pytest

from checker.api import lint_text
from checker.resolve import extract_resolved


def pounds(text):
    (found,) = [q for q in extract_resolved(text) if "pound" in q.text.lower()]
    return found


@pytest.mark.parametrize("text", [
    "She lost 40 pounds after giving up sugar.",                       # a verb of losing
    "The boxer weighed in at about 160 pounds on Friday.",             # weighing, hedged
    "Doctors told him to shed 30 pounds before the operation.",
    "The newborn was just over six pounds.",                           # a weight word in the sentence
    "One tonne equals roughly 2,205 pounds.",                          # a mass unit in the sentence
    "Customs seized 1,200 pounds of cocaine at the port.",             # pounds of <a material>
    "The farm ships 4 million pounds of beef a year.",                 # a scale word, but of beef
    "Engineers fitted a 900-pound battery under the floor.",           # what the thing is
    "Wholesale cheese sold at $180 per 100 pounds.",                   # a mass after "per"
    "The mill turns out 2 million pounds (907,000 kg) of yarn a month.",  # converted into a mass
    "The package was 12 pounds.",                                      # nothing says money
])
def test_a_weight_is_a_weight(text):
    quantity = pounds(text)
    assert (quantity.kind, quantity.unit, quantity.currency) == ("physical", "pound", None)


@pytest.mark.parametrize("text", [
    "The club reported a loss of 12 million pounds for the season.",   # a scale word
    "He was fined 500 pounds and banned from driving.",                # money talk
    "The shares closed at 3.40 pounds, up 12 pence.",                  # pence in the sentence
    "Tickets were priced at 45 pounds each.",
    "The bank offered 2.50 pounds a share for the lender.",            # a price per share
    "Dealers quoted the currency at 7.6 pounds to the dollar.",        # an exchange rate
    "The hotel charged 200 pounds ($250) a night.",                    # converted into dollars
    "LONDON (Reuters) - The council set aside 300 pounds for each household.",  # a British story
    "Bullion traded at 1,100 pounds an ounce.",                        # a price per mass
])
def test_sterling_stays_sterling(text):
    quantity = pounds(text)
    assert (quantity.kind, quantity.currency) == ("money", "GBP")


def test_worries_that_weighed_on_a_price_are_no_weight_word():
    assert pounds("Fears of a slowdown weighed on the shares, which fell to 4.10 pounds.").currency == "GBP"


def test_a_named_currency_is_never_read_as_a_weight():
    quantity = pounds("Egypt sold bonds worth 3 billion Egyptian pounds.")
    assert quantity.currency == "EGP"


def test_a_weight_gets_no_currency_check_and_its_mass_conversion_is_still_checked():
    assert [f.rule for f in lint_text("She lost 40 pounds (18 kg) in a year.")] == []
    (finding,) = [f for f in lint_text("She lost 40 pounds (40 kg) in a year.") if f.rule == "unit-conversion"]
    assert "18 kg" in finding.message
    assert not [f for f in lint_text("She dropped 25 pounds ($30) on the diet.") if f.rule == "unit-conversion"]
