"""shares-sum on the frames of wire copy that are not parts of one whole, next to the real splits of
the same shape, which must still be caught.

The corpus sentences come from the 1987 Reuters wire (Reuters-21578); each class also has variants
written afresh, so that the rule is the grammar, not the sentence.
"""

import pytest

from checker.api import lint_text


def sums(text):
    return [f for f in lint_text(text) if f.rule == "shares-sum"]


def alarms(text):
    return [f for f in sums(text) if f.severity in ("warning", "error")]


@pytest.mark.parametrize("text", [
    # percentages that make up a fee are rates of the principal, not shares of 100%
    "Fees comprise 1-1/4 pct selling concession and 5/8 pct management and underwriting combined, and listing will be in London.",
    "Fees comprised 1-1/4 pct selling concession with 3/4 pct for management and underwriting combined.",
    "The charge is made up of 0.75% for custody and 0.25% for administration.",
    "The levy consists of 2 percent for the state and 1.5 percent for the county.",
    # a share in a relative clause is another subject's
    "The division consists of its majority stake in Cathay and its 25 pct interest in Haeco, which is also 25 pct owned by Cathay.",
])
def test_rates_that_make_up_a_figure_are_not_shares_of_one_whole(text):
    assert sums(text) == [], [f.message for f in sums(text)]


def test_a_closed_split_short_of_the_whole_is_only_info():
    (finding,) = sums("The portfolio is split between 55% equities and 35% bonds.")
    assert finding.severity == "info" and finding.evidence["sum"] == pytest.approx(90)


def test_shares_over_the_whole_are_still_an_error():
    (finding,) = alarms("The portfolio is split between 65% equities and 45% bonds.")
    assert finding.severity == "error" and finding.evidence["sum"] == pytest.approx(110)


@pytest.mark.parametrize("text", [
    "Irvine Sensors Corp said it completed a public offering of 1.25 mln units, consisting of two shares of common stock and one warrant to purchase an additional share.",
    "Angio-Medical Corp - Initial public offering of 1,666,667 units, each consisting of one share of common stock and one redeemable warrant to buy one share.",
    "ACS Systems Inc said it has completed an initial public offering of 1,722,655 units, consisting of one common share and one warrant per unit.",
    "It filed for the offering of the two mln units consisting of two shares of common stock and one warrant per unit for a total of four mln shares of common.",
    "Stan West Mining Corp said it completed a private placement of three mln units, consisting of three mln common shares and warrants to purchase another 1.5 mln shares.",
    # afresh: what each item holds
    "The brewer will sell 400,000 gift packs, each containing six bottles and two glasses.",
    "The trust placed 5 million units comprising one share and two options.",
    "The club sold 12,000 bundles made up of three tickets and one scarf apiece.",
])
def test_what_each_unit_holds_is_not_a_split_of_the_count(text):
    assert sums(text) == [], [f.message for f in sums(text)]


@pytest.mark.parametrize("text", [
    "Last week, the management group submitted its last offer for the company, valued at 3.1 mln dlrs and consisting of 38.50 dlrs a share cash, preferred stock valued at eight dlrs a share and equity in the new company.",
    "The bid, worth $450 million, comprises $12 a share in cash and $3 a share in stock.",
])
def test_per_share_prices_are_not_parts_of_a_total(text):
    assert sums(text) == [], [f.message for f in sums(text)]


@pytest.mark.parametrize("text", [
    "The financing includes 30 mln dlrs of convertible subordinated debentures and 2.7 mln common shares at a price of 11 dlrs per share for a total of 59.7 mln dlrs.",
    "The deal includes $40 million in cash and 3 million shares at $5 a share, for a total of $55 million.",
])
def test_a_count_times_a_price_is_not_read_as_money(text):
    assert sums(text) == [], [f.message for f in sums(text)]


@pytest.mark.parametrize("text", [
    "The All Nippon purchase brings the total number of commitments to the A320 to 439 from 16 airlines, comprising 275 firm orders and 164 options.",
    "Japanese airway companies will be able to increase the number of weekly flights to nine from May 31 from eight currently, comprising six trans-Siberian flights, including four non-stop flights, and three flights via Anchorage.",
    "The order book rose to 120 from 95 planes, comprising 70 jets and 50 turboprops.",
])
def test_a_split_after_a_change_start_is_not_the_start_s(text):
    assert sums(text) == [], [f.message for f in sums(text)]


def test_a_part_of_a_part_is_not_counted_twice():
    assert sums("The fleet of nine ships comprises six tankers, including four new ones, and three barges.") == []
    (finding,) = alarms("The fleet of nine ships comprises seven tankers, including four new ones, and three barges.")
    assert finding.evidence["sum"] == 10


@pytest.mark.parametrize("text", [
    "Shr loss 6.94 dlrs vs loss two cts Net loss 2.20 billion vs profit 7.0 mln Revs 1.55 billion vs 2.44 billion Note: 1986 shr and net include writedowns totalling 2.08 billion dlrs before taxes.",
    "Dome Petroleum Ltd, earlier reporting a 2.20 billion dlr 1986 loss compared to year-earlier profit of 7.0 mln dlrs, said the loss was mainly due to write downs totalling 2.084 billion dlrs.",
    "Sales were $4.1 billion against $3.9 billion, with charges totalling $1.2 billion.",
])
def test_figures_compared_are_not_a_list_before_a_total(text):
    assert sums(text) == [], [f.message for f in sums(text)]


@pytest.mark.parametrize("text, total", [
    # the same frames with real slips
    ("The $10 billion package comprises $6 billion of loans and $7 billion of grants.", 13e9),
    ("Donors pledged $2 million, $3 million and $4 million, totalling $12 million.", 9e6),
    ("The order book of 120 planes comprises 80 jets and 50 turboprops.", 130),
    ("Of the 2,098 million pesos for the crisis: 700 million went to farms, another 700 million for roads and 800 million for schools.", 2.2e9),
])
def test_real_splits_are_still_checked(text, total):
    (finding,) = alarms(text)
    assert finding.evidence["sum"] == pytest.approx(total)


@pytest.mark.parametrize("text", [
    "公司发行200万个单位，每个单位包括两股普通股和一份认股权证，合计400万股普通股。",
    "公司发行200万个单位，其中每个单位包括两股普通股和一份认股权证。",
    "发行费用包括1.25%的销售佣金和0.625%的管理及包销费用。",
])
def test_chinese_lists_of_what_each_unit_holds_or_of_rates_are_silent(text):
    assert sums(text) == [], [f.message for f in sums(text)]


def test_chinese_parts_over_their_total_are_still_an_error():
    (finding,) = alarms("全区现有养老机构265家，其中公办、民办和公建民营机构分别为120家、85家和70家。")
    assert finding.severity == "error" and finding.evidence["sum"] == 275


def test_parts_of_a_per_share_whole_inherit_its_per():
    text = "The offer values the company at 1.2 billion dlrs, or 30 dlrs a share, comprising 20 dlrs in cash and {} dlrs in stock."
    assert alarms(text.format(10)) == []
    (finding,) = alarms(text.format(15))
    assert finding.evidence["sum"] == 35
