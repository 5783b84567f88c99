"""Chinese amounts: annotated news phrasing (tests/data/extract/zh_cases.jsonl) and the details
later checks rely on (scale, hedge, significant digits, spans into the original text)."""

import json
from pathlib import Path

import pytest

from checker.extract.chinese import find_chinese

CASES = [json.loads(line) for line in (Path(__file__).parents[1] / "data/extract/zh_cases.jsonl").open(encoding="utf-8")]


@pytest.mark.parametrize("case", CASES, ids=[c["input"][:24] for c in CASES])
def test_annotated_case(case):
    found = find_chinese(case["input"])
    got = [(q.text, q.start, q.end, q.kind, q.currency) for q in found]
    want = [(e["text"], e["start"], e["end"], e["kind"], e["currency"]) for e in case["expected"]]
    assert got == want
    for quantity, expected in zip(found, case["expected"]):
        assert quantity.value == pytest.approx(expected["value"], rel=1e-9)
        assert case["input"][quantity.start : quantity.end] == quantity.text
        if "unit" in expected:
            assert quantity.unit == expected["unit"]


def test_seed_line_yields_both_sides_of_the_conversion():
    text = "今年4月，当局又拨款6000亿元（85亿美元）用于基础设施。"
    yuan, dollars = find_chinese(text)
    assert (yuan.text, yuan.value, yuan.currency, yuan.scale, yuan.sig_digits) == ("6000亿元", 6e11, "CNY", "亿", 1)
    assert (dollars.text, dollars.value, dollars.currency, dollars.sig_digits) == ("85亿美元", 8.5e9, "USD", 2)
    assert text[yuan.start : yuan.end] == "6000亿元" and text[dollars.start : dollars.end] == "85亿美元"


@pytest.mark.parametrize(
    "text, hedge",
    [("近7000亿元", "近"), ("超过1.5万亿元", "超过"), ("逾千亿港元", "逾"), ("约300多亿美元", "约"),
     ("300多亿美元", "多"), ("1000元左右", "左右"), ("3000亿元", None)],
)
def test_hedge_words_are_kept(text, hedge):
    (quantity,) = find_chinese(text)
    assert quantity.hedge == hedge


@pytest.mark.parametrize(
    "text, scale, sig_digits",
    [("1.5万亿元", "万亿", 2), ("7000亿元", "亿", 1), ("36.57亿元", "亿", 4), ("4.800万元", "万", 4),
     ("49283元", None, 5), ("四十九兆九千五百九十二亿元", "亿", 6), ("3千元", "千", 1)],
)
def test_scale_and_precision_as_printed(text, scale, sig_digits):
    (quantity,) = find_chinese(text)
    assert (quantity.scale, quantity.sig_digits) == (scale, sig_digits)


def test_range_keeps_both_ends_and_the_shared_scale():
    (quantity,) = find_chinese("融资5至6亿元")
    assert (quantity.value, quantity.high, quantity.scale) == (5e8, 6e8, "亿")


def test_yen_sign_is_yuan_with_yen_as_alternative():
    (quantity,) = find_chinese("售价￥300")
    assert quantity.currency == "CNY" and quantity.alternatives == ("CNY", "JPY")


def test_as_json_contract():
    (quantity,) = find_chinese("中国资金净流出1200亿美元")
    assert quantity.as_json() == {"text": "1200亿美元", "start": 7, "end": 14, "value": 1.2e11,
                                  "unit": "USD", "currency": "USD"}


@pytest.mark.parametrize("text", ["", "plain English, 2016 and $5 billion", "   ", "万", "，，，", "点"])
def test_nothing_chinese_means_nothing_found(text):
    assert find_chinese(text) == []
