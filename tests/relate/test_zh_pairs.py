"""Chinese conversion pairs in every form editors use, and figures that only share a sentence."""

import pytest

from checker.extract import extract
from checker.relate import relate


def pairs(text):
    return [(r.quantities[0].text, r.quantities[1].text, r.hedge, r.at_the_time)
            for r in relate(text, extract(text)) if r.kind == "conversion"]


@pytest.mark.parametrize("text, first, second", [
    ("有关部门又安排600亿元（约合82亿美元）扶持初创企业。", "600亿元", "82亿美元"),
    ("财政部发行5000亿元专项债（约690亿美元），用于基建。", "5000亿元", "690亿美元"),
    ("项目投资额50亿元人民币，约合7亿美元。", "50亿元人民币", "7亿美元"),
    ("该校获得6.5亿元捐赠，折合8500万欧元。", "6.5亿元", "8500万欧元"),
    ("半導體大廠宣布投資12.6億美元，相當於新台幣404億元，擴建封裝廠。", "12.6億美元", "新台幣404億元"),
    ("港府宣布向医管局拨款港幣38億元（約合人民幣35.4億元）。", "港幣38億元", "人民幣35.4億元"),
    ("美商在台追加投資2.5億美元（約新台幣75億元）。", "2.5億美元", "新台幣75億元"),
    ("这笔交易价值1200亿日元(合8亿美元)。", "1200亿日元", "8亿美元"),
    ("香港机管局批出港币12亿元合约，即约1.54亿美元。", "港币12亿元", "1.54亿美元"),
    ("旅行团套票每人港币2960元（约合新台币12500元）。", "港币2960元", "新台币12500元"),
])
def test_pair_forms(text, first, second):
    assert [(a, b) for a, b, _, _ in pairs(text)] == [(first, second)]


def test_at_the_time_dates_the_conversion():
    [(_, _, _, at_the_time)] = pairs("1997年該公司以85億日圓（當時約合7000萬美元）收購工廠。")
    assert at_the_time


def test_yue_he_is_the_connector_but_yu_is_a_hedge():
    assert pairs("拨款600亿元（约合82亿美元）。")[0][2] is None
    assert pairs("拨款600亿元（逾80亿美元）。")[0][2] == "逾"


@pytest.mark.parametrize("text", [
    "公司去年营收100亿元，和7亿美元的海外收入相比仍有差距。",
    "一期募资1387亿元，二期募资2000亿元。",
    "该项目投资50亿元，另有外资3亿美元参与。",
    "今年出口额为320亿美元（同比增长12%），进口额为2000亿元。",
])
def test_figures_that_only_share_a_sentence_are_not_pairs(text):
    assert pairs(text) == []
