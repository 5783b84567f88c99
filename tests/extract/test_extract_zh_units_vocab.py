"""Chinese physical units, read from units.yaml (`zh`, `zh_prefix`, `zh_context`, `zh_not_before`, and the
pint definitions of 亩, 斤, 两): Mainland, Hong Kong and Taiwan phrasing, Simplified and Traditional."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from checker.extract.units import get_ureg
from checker.resolve import extract_resolved


def _physical(text):
    return [(q.text, q.value, q.unit) for q in extract_resolved(text) if q.kind == "physical"]


@pytest.mark.parametrize(("text", "want"), [
    ("去年全省养殖小龙虾387万亩，比上年增加两成。", [("387万亩", 3.87e6, "mu")]),
    ("台東縣今年種植面積達3.87萬畝。", [("3.87萬畝", 3.87e4, "mu")]),
    ("阳西辣椒上市日均20万公斤，远销珠三角。", [("20万公斤", 2e5, "kilogram")]),
    ("他如今身高168公分，比去年高了5厘米。", [("168公分", 168, "centimeter"), ("5厘米", 5, "centimeter")]),
    ("這條公路全長兩千五百公里，預計明年通車。", [("兩千五百公里", 2500, "kilometer")]),
    ("警方缴获近一吨冰毒。", [("一吨", 1, "metric_ton")]),
    ("香港今年進口米糧逾12萬噸。", [("12萬噸", 1.2e5, "metric_ton")]),
    ("她在菜市场买了三斤半猪肉和二两茶叶。", [("三斤半", 3.5, "jin"), ("二两", 2, "liang")]),
    ("新建水库库容达1.2亿立方米，灌溉面积约5000公顷。", [("1.2亿立方米", 1.2e8, "meter ** 3"), ("5000公顷", 5000, "hectare")]),
    ("该国土面积约38万平方公里。", [("38万平方公里", 3.8e5, "kilometer ** 2")]),
    ("这台机组的功率为一百千瓦，年发电量300万千瓦时。", [("一百千瓦", 100, "kilowatt"), ("300万千瓦时", 3e6, "kilowatt_hour")]),
    ("列车最高时速350公里/小时。", [("350公里/小时", 350, "kilometer / hour")]),
    ("档案大小为五十兆字节。", [("五十兆字节", 50, "megabyte")]),
    ("当天最高气温38摄氏度，体感温度超过40度。", [("38摄氏度", 38, "degree_Celsius"), ("40度", 40, "degree")]),
    ("正常的体温是华氏温度98.6度。", [("华氏温度98.6度", 98.6, "degree_Fahrenheit")]),
    ("他烧到了39°C那么高。", [("39°C", 39, "degree_Celsius")]),
])
def test_units_in_chinese_copy(text, want):
    got = _physical(text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in want]
    assert [v for _, v, _ in got] == pytest.approx([v for _, v, _ in want])


@pytest.mark.parametrize("text", [
    "一两个月后再说。",          # one or two months: 两 before a classifier is no tael
    "这个角度为30度。",          # an angle: 度 is a temperature only in a text about temperature
    "每千米收费两元。",          # 千米 alone names the unit
    "这枚钻石重2克拉。",         # a carat, not two grams
])
def test_not_units(text):
    assert _physical(text) == []


def test_traditional_units_pint_lacks_are_defined():
    ureg = get_ureg()
    assert ureg.Quantity(15, "mu").to("hectare").magnitude == pytest.approx(1.0)
    assert ureg.Quantity(1, "jin").to("gram").magnitude == pytest.approx(500)
    assert ureg.Quantity(1, "liang").to("gram").magnitude == pytest.approx(50)


@pytest.mark.parametrize(("text", "wrong"), [
    ("该保护区面积2500平方公里（约965平方英里）。", False),
    ("该保护区面积2500平方公里（约9650平方英里）。", True),
    ("农场占地3万亩（约2000公顷）。", False),
    ("农场占地3万亩（约20000公顷）。", True),
    ("他买了10斤（5公斤）大米。", False),
    ("他买了10斤（50公斤）大米。", True),
])
def test_chinese_unit_pairs_are_checked(text, wrong):
    findings = [f for f in lint_text(text, date="2024-01-01") if f.rule == "unit-conversion"]
    assert bool(findings) == wrong, findings


@pytest.mark.parametrize(("text", "value"), [
    ("一千两百三十四万", 12_340_000),  # 两 before a numeral is a digit, not a tael
    ("兩千兩百貳拾二", 2222),
])
def test_liang_before_a_numeral_is_a_digit(text, value):
    [quantity] = extract_resolved(text)
    assert (quantity.kind, quantity.value) == ("number", value)


def test_a_look_alike_word_is_no_unit():
    assert _physical("他们两两一组。") == []
