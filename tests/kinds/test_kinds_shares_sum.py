"""shares-sum: shares of one whole and parts of a stated total, with the lists that are not splits left alone."""

import pytest

from checker.api import lint_text


def sum_findings(text):
    return [f for f in lint_text(text) if f.rule == "shares-sum"]


@pytest.mark.parametrize("text", [
    "In the poll, 52% backed the deal, 41% opposed it and 7% were undecided.",
    "Biden won 51.3% of the vote to Trump's 46.9%.",
    "About 60% of respondents said prices were too high and 70% said wages were too low.",
    "Sales rose 12% in Asia and 9% in Europe, while the group's share of the market was 30%.",
    "The $10 billion package comprises $6 billion of loans and $4 billion of grants.",
    "The $10 billion package comprises $6 billion of loans and $5 billion of grants.",  # 5.5 + 4.5 rounds so
    "The plan includes $3 billion for roads and $2 billion for rail.",
    "Of the 1,200 staff, 800 work in China and 300 in Vietnam.",
    "Donors pledged $2 million, $3 million and $4 million, totalling $9 million.",
])
def test_consistent_or_unrelated_figures_pass(text):
    assert sum_findings(text) == []


@pytest.mark.parametrize("text, total", [
    ("In the survey 52% said yes, 45% said no and 9% did not answer.", 106),
    ("Apple's share of the market was 55%, Samsung's 30% and Huawei's 20%.", 105),
    ("The $10 billion package comprises $6 billion of loans and $7 billion of grants.", 13e9),
    ("The $4 billion plan includes $3 billion for roads and $2 billion for rail.", 5e9),
    ("Donors pledged $2 million, $3 million and $4 million, totalling $12 million.", 9e6),
])
def test_parts_that_do_not_add_up_are_flagged(text, total):
    (finding,) = sum_findings(text)
    assert finding.evidence["sum"] == pytest.approx(total)


def test_a_disabled_rule_is_a_load_error(tmp_path):
    from checker.engine.packs import PackError, load_pack

    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  - id: sums\n    kind: shares-sum\n    params:\n      check_totals: false\n      check_shares: false\n")
    with pytest.raises(PackError, match="can never fire"):
        load_pack(pack)


@pytest.mark.parametrize("text, flagged", [
    # Wire copy wraps lines inside a figure and uses decimals; both used to hide the list.
    ("In that survey, the Conservatives had the support of 49\npct of the voters, Labour 37 pct and the Alliance 23 pct.", True),
    ("In that survey, the Conservatives had the support of 39\npct of the voters, Labour 37 pct and the Alliance 23 pct.", False),
    ("In the poll 52.5% backed the plan, 45.5% opposed it and 9% were undecided.", True),
    # Shares of different wholes are not one split.
    ("The group holds 60 pct of the voting rights and 45 pct of the share capital.", False),
])
def test_lists_across_wrapped_lines_and_decimals(text, flagged):
    assert bool([f for f in lint_text(text) if f.rule == "shares-sum"]) == flagged
