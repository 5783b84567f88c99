"""Chinese claim frames: changes (由…增至…，增长…), parts (其中…, …合计) and shares (…率为…%), and what they leave alone."""

import pytest

from checker.api import lint_text
from checker.extract import extract
from checker.model import Change, Parts
from checker.relate import relate

ARITHMETIC = {"percent-change", "shares-sum", "share-of-whole"}


def flagged(text):
    return [f.rule for f in lint_text(text, date="2023-06-01") if f.rule in ARITHMETIC and f.severity in ("warning", "error")]


def changes(text):
    return [(r.start.text, r.end.text, r.measure, r.value) for r in relate(text, extract(text)) if isinstance(r, Change)]


@pytest.mark.parametrize("text, expected", [
    ("全市公交客运量由4.2亿人次增至4.8亿人次，增长14.3%。", ("4.2亿", "4.8亿", "percent", 14.3)),
    ("今年社零总额同比增长9%，由去年同期的1200亿元增至1308亿元。", ("1200亿元", "1308亿元", "percent", 9.0)),
    ("上半年人均收入2.2万元，比去年同期的2万元增长10%。", ("2万元", "2.2万元", "percent", 10.0)),
    ("全省城镇化率从58.3%提高到61.5%，提高了3.2个百分点。", ("58.3%", "61.5%", "points", 3.2)),
    ("十年间全市专利授权量翻了一番，由1.5万件增至3万件。", ("1.5万", "3万", "factor", 2.0)),
])
def test_zh_change_frames(text, expected):
    assert changes(text) == [expected]


@pytest.mark.parametrize("text", [
    "全市公交客运量由4.2亿人次增至4.8亿人次，增长20%。",
    "全省城镇化率从58.3%提高到61.5%，提高了5.2个百分点。",
    "全区共有幼儿园120所，其中公办58所、民办70所。",
    "今年三个园区分别投资25亿元、40亿元和38亿元，合计93亿元。",
    "全县参保职工5200人，其中按时缴费4680人，缴费率为80%。",
])
def test_zh_slips_are_flagged(text):
    assert len(flagged(text)) == 1


@pytest.mark.parametrize("text", [
    "全市公交客运量由4.2亿人次增至4.8亿人次，增长14.3%。",
    "全区共有幼儿园120所，其中公办58所、民办62所。",
    "今年三个园区分别投资25亿元、40亿元和38亿元，合计103亿元。",
    "全县参保职工5200人，其中按时缴费4680人，缴费率为90%。",
    # a comparison after 其中 is not one of its parts
    "追加预算18万亿日元，其中国债部分达11万亿日元，比上年的7万亿日元多出4万亿日元。",
])
def test_zh_clean_copy_is_silent(text):
    assert flagged(text) == []


def test_zh_parts_stop_at_a_comparison():
    text = "追加预算18万亿日元，其中国债部分达11万亿日元，比上年的7万亿日元多出4万亿日元。"
    assert [[q.text for q in r.parts] for r in relate(text, extract(text)) if isinstance(r, Parts)] in ([], [["11万亿日元"]])
