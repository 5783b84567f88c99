"""Undated pairs: one that fits some earlier year, or fails recent rates by a drift an old article's
currency may have seen, is only info.
A bare 圆/圓 is the yen in a story about Japan, the yuan otherwise."""

import pytest

from checker.api import lint_text


def verdict(text, date=None):
    return [(f.severity, f.message, f.evidence) for f in lint_text(text, date=date) if f.rule == "currency-conversion"]


@pytest.mark.parametrize("text, note", [
    # 8 hryvnias to the dollar was the rate of 2008-2014; today's is about five times that. Undated, the
    # copy may be from 2012: only info, naming the years whose rates it fits.
    ("Ukraine's government allotted 1 billion hryvnias ($125 million) to repair roads.", "between 2008 and 2014"),
    ("乌克兰政府拨款10亿格里夫纳（约合1.25亿美元）用于修复道路。", "2008年至2014年间"),
    ("烏克蘭政府撥款10億格里夫納（約合1.25億美元）修復道路。", "2008年至2014年間"),
])
def test_an_undated_pair_far_outside_recent_rates_is_only_info(text, note):
    [(severity, message, evidence)] = verdict(text)
    assert severity == "info" and note in message and evidence["unchecked"] is True


@pytest.mark.parametrize("text", [
    "Sony paid 100 billion yen ($950 million) for the studio.",  # 105 yen to the dollar: 2020, not today
    "索尼以1000亿日元（约合9.5亿美元）收购该工作室。",
    "索尼以1000億日圓（約9.5億美元）收購該工作室。",
])
def test_an_undated_pair_that_an_earlier_year_explains_is_info(text):
    [(severity, _, _)] = verdict(text)
    assert severity == "info"


def test_a_dated_pair_is_held_to_its_date_not_to_the_drift_rule():
    [(severity, message, evidence)] = verdict("乌克兰政府拨款10亿格里夫纳（约合1.25亿美元）用于修复道路。", "2023-06-01")
    assert severity == "error" and "仅符合" not in message and "drift" not in evidence


@pytest.mark.parametrize("text, date", [
    ("日本內閣通過補充預算13兆圓（約合新台幣2.8兆元），以因應物價上漲。", "2023-11-10"),  # Taiwan: 圓 is the yen
    ("日本政府追加预算13兆圆（约合1000亿美元）。", "2023-11-10"),
    ("这枚纪念币面值10圆（约合1.4美元），由人民银行发行。", "2024-05-10"),  # Mainland: 圆 is the yuan
])
def test_a_bare_yuan_sign_word_is_read_the_way_the_story_means_it(text, date):
    assert [v for v in verdict(text, date) if v[0] != "info"] == []


def test_a_bare_yen_word_still_catches_a_slip():
    [(severity, message, _)] = verdict("日本內閣通過補充預算13兆圓（約合新台幣28兆元）。", "2023-11-10")
    assert severity == "error" and "而非新台幣28兆元" in message
