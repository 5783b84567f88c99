"""percent-change on the frames of wire copy whose figures are not the change's endpoints, or only
loosely are, next to the slips of the same shape, which must still be caught.

The corpus sentences come from the 1987 Reuters wire (Reuters-21578); each class also has variants
written afresh, so that the rule is the grammar, not the sentence.
"""

import pytest

from checker.api import lint_text


def changes(text):
    return [f for f in lint_text(text) if f.rule == "percent-change"]


def alarms(text):
    return [f for f in changes(text) if f.severity in ("warning", "error")]


@pytest.mark.parametrize("text", [
    # a hedged endpoint widens what the change can be
    "Between February and October of 1986, the number of producing oil wells in California fell 14 pct to 43,521 from more than 50,000, said Bill Guerard.",
    "Bombay Palace Restaurants Inc expects its 1987 sales to increase 150 pct to about 22 mln dlrs from about 8.5 mln dlrs in 1986.",
    "Membership fell 30% to 7,000 from over 9,500 a decade ago.",
    "Output rose 25% to nearly 5,000 units from 4,000.",
    # a currency quoted against another: its figures may be either one per the other
    "The average value of the yen against the dollar rose 0.8 pct to 153.50 in February from 154.67 in January, the bank said.",
    "The rupee against the dollar fell 2 percent to 83.4 from 81.8 over the month.",
    "The yen rose 0.8 pct against the dollar to 153.50 from 154.67 yen.",
    "Sterling rose 2 pct against the mark to 2.95 from 2.89 marks.",
    # the figures belong to another change, or another subject
    "Re-exports fell by 6.6 pct, resulting in a surge in net imports from 175,901 to 251,708 tonnes, an increase of 43 pct.",
    "Imports fell 3%, prompting a jump in the surplus from $2 billion to $5 billion.",
    "Sales were GM 105,438, down 14.8 pct, American Motors 790, down 6.2 pct, American Honda 7,447 compared with 5,031, Nissan 3,358, up 10.7 pct.",
    "Toyota sold 5,200, up 4 percent, Honda 3,100 compared with 2,900.",
    # a year-on-year change is not the change from last month
    "Japan's trade surplus rose by more than 70 pct in February, year-on-year, to 8.14 billion dlrs from 5.7 billion in January, political sources said.",
    "Exports climbed 12% year-on-year in May to $30 billion from $33 billion in April.",
    # a start counted before a share split
    "It said the quarterly cash dividend of 10.5 cts per share on the split shares, a 10.5 pct increase from the 19 cts per share before the split.",
    "The dividend of 30 cents a share is up 20% from 50 cents before the split.",
])
def test_figures_on_another_basis_or_hedged_are_silent(text):
    assert changes(text) == [], [f.message for f in changes(text)]


def test_a_table_row_is_not_paired_with_the_next_table():
    text = ("Shr loss nil vs profit nil\n    Net loss 17,000 vs profit 31,000\n    Revs 5,429,000 up 27 pct\n"
            "    Year\n    Shr profit four cts vs profit five cts\n    Net profit 523,000 vs profit 421,000\n"
            "    Revs 18.3 mln vs 11.6 mln\n")
    assert changes(text) == []


@pytest.mark.parametrize("text", [
    "Midway Airlines Inc said its February load factor declined 1.6 pct to 55.9 pct from 57.5 pct in the same month last year.",
    "The jobless rate rose 0.4 pct to 7.2 pct from 6.8 pct.",
])
def test_points_written_pct_in_wire_style_are_only_info(text):
    (finding,) = changes(text)
    assert finding.severity == "info" and finding.evidence["likely_slip"] == "points_as_percent"


def test_points_written_as_a_percent_sign_are_a_warning():
    (finding,) = changes("Youth unemployment dropped to 14.2% from 17.5%, a decline of 3.3%, the office said.")
    assert finding.severity == "warning" and finding.evidence["likely_slip"] == "points_as_percent"


@pytest.mark.parametrize("text, actual", [
    ("The group had a loss last year of 859 mln dlrs after policyholders' dividends, up 25 pct from 1985's 710 mln dlrs.", 20.99),
    ("Last year turnover rose by 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs in 1985.", 19.97),
    ("Cotton production will rise 25 pct to 315,000 tonnes from 248,000 tonnes last year.", 27.02),
])
def test_a_small_real_mismatch_is_a_warning(text, actual):
    (finding,) = alarms(text)
    assert finding.severity == "warning" and finding.evidence["actual_percent"] == pytest.approx(actual, abs=0.01)


def test_a_ratio_written_as_the_rise_is_an_error_that_names_it():
    (finding,) = alarms("Results are expected to rise over 580 pct to 700,000 dlrs from the 125,313 dlrs reported last year.")
    assert finding.severity == "error" and finding.evidence["likely_slip"] == "ratio_as_change"
    assert "percentage of the old" in finding.message


@pytest.mark.parametrize("text", [
    # the same frames with clear slips stay errors
    "Membership fell 10% to 7,000 from over 9,500 a decade ago.",
    "Revenue jumped 25% from $4.0 billion to $6.0 billion.",
    "The rupee against the dollar fell 9 percent to 83.4 from 81.8 over the month.",
    "Toyota sold 5,200, up 4 percent from 2,900.",
])
def test_clear_slips_of_the_same_shapes_are_errors(text):
    (finding,) = alarms(text)
    assert finding.severity == "error"


def test_a_check_never_raises_a_rule_set_lower(tmp_path):
    from checker.api import lint_text as lint

    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  - id: percent-change\n    kind: percent-change\n    severity: info\n")
    findings = [f for f in lint("Last year turnover rose by 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs.", rules=[str(pack)])
                if f.rule == "percent-change"]
    assert [f.severity for f in findings] == ["info"]


def test_a_quote_wrong_either_way_round_says_by_how_much():
    (finding,) = alarms("The dollar rose 5 pct against the yen to 143.05 from 144.80.")
    assert finding.severity == "error" and "likely_slip" not in finding.evidence
    assert finding.evidence["actual_percent"] == pytest.approx(1.22, abs=0.01)
