"""percent-change: stated changes against their stated endpoints, and the slips editors make."""

import pytest

from checker.api import lint_text
from checker.resolve import extract_resolved as extract  # extract, then the block settles shared currency names
from checker.relate.changes import find_change_claims


def change_findings(text):
    return [f for f in lint_text(text) if f.rule == "percent-change"]


@pytest.mark.parametrize("text", [
    "Sales rose 12% from 5.0 million to 5.6 million.",
    "It reported a 150% increase from 20 to 50 cases.",
    "Unemployment rose from 4% to 6%, a 50% rise.",
    "Unemployment rose from 4% to 6%, a 2 percentage point rise.",
    "The central bank cut its rate by 0.25 percentage point to 5.25% from 5.5%.",
    "It fell 25% from $80 to $60.",
    "Home prices increased by 5.2% to $412,000 from $391,600.",
    "It climbed to 3.2 million last year from 2.9 million, up 10%.",
    "Revenue doubled from $300 million to $600 million.",
    "Revenue more than doubled from $300 million to $640 million.",
    "Profit fell by a third from 60 million to 40 million.",
    # no start value, or figures that merely share a sentence: no claim
    "Sales rose 12% to 5.6 million.",
    "Sales rose 12% to 5.6 million, while profit went from 3 million to 2 million.",
    "The index rose 2.5% on Monday, and the yield went from 4.1% to 4.3%.",
    "City won 3-1 and moved from 4th to 2nd, 5 points behind.",
])
def test_consistent_or_unstated_changes_pass(text):
    assert change_findings(text) == []


@pytest.mark.parametrize("text, suggestion, slip", [
    ("Sales rose 20% from 5.0 million to 5.6 million.", "12%", None),
    ("Unemployment rose from 4% to 6%, a 2% rise.", "50% (or 2 percentage points)", "points_as_percent"),
    ("Shares fell 25% to $40 from $50.", "20%", "wrong_base"),
    ("Costs fell 50% from $150 million to $100 million.", "33%", "wrong_base"),
    ("A 50% increase from 20 to 50 cases.", "150%", None),
])
def test_mismatched_changes_are_flagged(text, suggestion, slip):
    (finding,) = change_findings(text)
    assert finding.suggestion == suggestion
    if slip:
        assert finding.evidence["likely_slip"] == slip


@pytest.mark.parametrize("text", [
    "Revenue doubled from $300 million to $900 million.",
    "Turnout fell by a third from 60,000 to 50,000.",
    "Output halved from 80 tonnes to 60 tonnes.",
])
def test_word_changes_are_checked(text):
    (finding,) = change_findings(text)
    assert "does not add up" in finding.message


def test_change_relation_carries_endpoints_in_order_and_the_stated_figure():
    text = "Shares fell 20% to $40 from $50."
    (relation,) = find_change_claims(text, extract(text))
    start, end = relation.quantities
    assert (start.value, end.value) == (50, 40)
    assert relation.measure == "percent" and relation.value == 20 and relation.direction == "down"


@pytest.mark.parametrize("text, flagged", [
    # Wire copy states the end value first: "B, up X% from A".
    ("Tesla sold 1.8 million cars in 2023, up 58% from 1.31 million in 2022.", True),
    ("Tesla sold 1.8 million cars in 2023, up 37% from 1.31 million in 2022.", False),
    ("Net profit was 12.5 mln dlrs, up 20 pct from 10.4 mln dlrs.", False),
    ("Net profit was 12.5 mln dlrs, up 40 pct from 10.4 mln dlrs.", True),
    ("Exports were $41 billion, down 5% compared with $43.2 billion.", False),
    # The right size in the wrong direction.
    ("Net profit was 12.5 mln dlrs, down 20 pct from 10.4 mln dlrs.", True),
    ("Net profit fell 20% to $12.5 million from $10.4 million.", True),
    ("Net profit rose 20% to $12.5 million from $10.4 million.", False),
])
def test_end_first_claims_and_direction(text, flagged):
    assert bool(change_findings(text)) == flagged


@pytest.mark.parametrize("text, flagged", [
    ("The Fed cut rates by 25 basis points to 5.25% from 5.5%.", False),
    ("The Fed cut rates by 50 basis points to 5.25% from 5.5%.", True),
    ("The central bank raised its key rate by 0.5 percentage point to 4.5% from 4%.", False),
    ("The central bank raised its key rate by 0.25 percentage point to 4.5% from 4%.", True),
])
def test_changes_in_points_and_basis_points(text, flagged):
    assert bool(change_findings(text)) == flagged


@pytest.mark.parametrize("text", [
    "全国高校毕业生就业率由91.4%降至89.1%，下降了2.3%。",
    "香港失業率由3.6%升至4.1%，上升了0.5%。",
    "台灣出口占比由35.2%升至38.9%，提高了3.7%。",
    "The jobless rate rose from 3.6% to 4.1%, up 0.5%.",
])
def test_a_subtraction_of_rates_written_as_percent_is_the_points_slip(text):
    [finding] = [f for f in lint_text(text, date="2024-03-01") if f.rule == "percent-change"]
    assert finding.evidence["likely_slip"] == "points_as_percent"


@pytest.mark.parametrize("text", [
    "市场份额由99.0%升至99.5%，上升了0.5%。",  # near 100% the relative change is the subtraction too
    "就业率由88.5%降至86.2%，下降了2.3个百分点。",
    "The rate fell from 88.5% to 86.2%, down 2.6%.",
])
def test_points_and_a_right_relative_change_pass(text):
    assert [f for f in lint_text(text, date="2024-03-01") if f.rule == "percent-change"] == []
