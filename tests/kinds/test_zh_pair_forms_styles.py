"""Every conversion-pair form issue 13 lists, in Mainland, Hong Kong and Taiwan copy: the right pair is
silent and the same pair with a slip (x10, 亿/万, a linear factor for an area, +32 dropped, the wrong
direction) is an error in Chinese, in the writer's script, with the fix in the writer's notation."""

import pytest

from checker.api import lint_text

DATE = "2024-06-03"  # 7.25 yuan, 7.82 HK dollars, 32.4 NT dollars, 157 yen to the dollar

MONEY = [
    ("（约…） with a noun before the bracket", "Mainland",
     "财政部下达5000亿元专项债（约690亿美元），支持地方基建。",
     "财政部下达5000亿元专项债（约69亿美元），支持地方基建。"),
    ("ASCII brackets", "Mainland",
     "该公司获得20亿元(2.76亿美元)融资。",
     "该公司获得20亿元(27.6亿美元)融资。"),
    ("，约合 after words", "Mainland",
     "项目投资额50亿元人民币，约合6.9亿美元。",
     "项目投资额50亿元人民币，约合69亿美元。"),
    ("，折合 with the currency before", "Mainland",
     "德国企业增资1.2亿欧元，折合人民币约9.43亿元。",
     "德国企业增资1.2亿欧元，折合人民币约94.3亿元。"),
    ("，相当于 (日元)", "Mainland",
     "这笔订单价值300亿日元，相当于1.91亿美元。",
     "这笔订单价值300亿日元，相当于19.1亿美元。"),
    ("，合 (韩元, 万亿)", "Mainland",
     "韩国政府拨款1.5万亿韩元，合10.9亿美元。",
     "韩国政府拨款1.5万亿韩元，合109亿美元。"),
    ("，即约 (英镑)", "Mainland",
     "英国基金投入2000万英镑，即约2546万美元。",
     "英国基金投入2000万英镑，即约2.546亿美元。"),
    ("（约合…） (卢比)", "Mainland",
     "印度政府拨款500亿卢比（约合6亿美元）修建公路。",
     "印度政府拨款500亿卢比（约合60亿美元）修建公路。"),
    ("（约合…） (卢布)", "Mainland",
     "俄方以300亿卢布（约合24.4亿元人民币）采购设备。",
     "俄方以300亿卢布（约合244亿元人民币）采购设备。"),
    ("¥ in Chinese text", "Mainland",
     "这款手机在国内售价¥5999（约828美元）。",
     "这款手机在国内售价¥5999（约82.8美元）。"),
    ("港幣 before the amount", "Hong Kong",
     "港府向醫管局撥款港幣4180元（約535美元）。",
     "港府向醫管局撥款港幣4180元（約53.5美元）。"),
    ("，約合港幣…億元", "Hong Kong",
     "該基金規模為150億美元，約合港幣1173億元。",
     "該基金規模為150億美元，約合港幣117.3億元。"),
    ("萬億 and 億 (Traditional)", "Hong Kong",
     "本港去年吸引外資3.2萬億港元（約4092億美元）。",
     "本港去年吸引外資3.2萬億港元（約409.2億美元）。"),
    ("日圓 (Traditional)", "Hong Kong",
     "日本企業以2000億日圓（約12.7億美元）收購本港物業。",
     "日本企業以2000億日圓（約127億美元）收購本港物業。"),
    ("人民幣…萬元（約合港幣…）", "Hong Kong",
     "內地企業在港投資人民幣35.4萬元（約合港幣38.2萬元）。",
     "內地企業在港投資人民幣35.4萬元（約合港幣3.82萬元）。"),
    ("新台幣 before the amount", "Taiwan",
     "台積電宣布投資新台幣52.3億元（約1.62億美元）。",
     "台積電宣布投資新台幣52.3億元（約16.2億美元）。"),
    ("元新台幣 after 兆元", "Taiwan",
     "去年全台半導體產值達3.6兆元新台幣（約1113億美元）。",
     "去年全台半導體產值達3.6兆元新台幣（約11.13億美元）。"),
    ("，約新台幣…億元", "Taiwan",
     "美光宣布投資20億美元，約新台幣647億元。",
     "美光宣布投資20億美元，約新台幣64.7億元。"),
    ("兆日圓（約合新台幣…兆元）", "Taiwan",
     "日本政府追加預算13兆日圓（約合新台幣2.68兆元）。",
     "日本政府追加預算13兆日圓（約合新台幣26.8兆元）。"),
    ("歐元 (Traditional)", "Taiwan",
     "歐盟撥款10億歐元（約新台幣350億元）協助重建。",
     "歐盟撥款10億歐元（約新台幣3500億元）協助重建。"),
    ("英鎊 (Traditional)", "Taiwan",
     "英國宣布投資5億英鎊（約合新台幣206億元）。",
     "英國宣布投資5億英鎊（約合新台幣2060億元）。"),
]

UNITS = [
    ("a linear factor used for an area", "Mainland",
     "该保护区面积2500平方公里（约965平方英里）。",
     "该保护区面积2500平方公里（约1553平方英里）。"),
    ("+32 dropped", "Mainland",
     "当天气温高达40摄氏度（104华氏度）。",
     "当天气温高达40摄氏度（72华氏度）。"),
    ("the wrong direction", "Mainland",
     "马拉松全程42公里（约26英里）。",
     "马拉松全程42公里（约68英里）。"),
    ("亿/万 confusion", "Mainland",
     "今年出口大豆120万吨（约26.5亿磅）。",
     "今年出口大豆120万吨（约26.5万磅）。"),
    ("x10", "Hong Kong",
     "大廈樓高1000英尺（約305米）。",
     "大廈樓高1000英尺（約3050米）。"),
    ("x10 (公斤/磅)", "Hong Kong",
     "這名拳手體重90公斤（約198磅）。",
     "這名拳手體重90公斤（約1980磅）。"),
    ("+32 dropped (Traditional)", "Taiwan",
     "台南氣溫高達37攝氏度（98.6華氏度）。",
     "台南氣溫高達37攝氏度（66.6華氏度）。"),
    ("約合 (公頃/畝)", "Taiwan",
     "這片農地約30公頃，約合450畝。",
     "這片農地約30公頃，約合45畝。"),
]


def flagged(text, rule):
    return [f for f in lint_text(text, date=DATE) if f.rule == rule and f.severity in ("error", "warning")]


@pytest.mark.parametrize(("form", "style", "right", "wrong"), MONEY, ids=[f"{c[1]}: {c[0]}" for c in MONEY])
def test_money_pair_forms(form, style, right, wrong):
    assert flagged(right, "currency-conversion") == []
    [finding] = flagged(wrong, "currency-conversion")
    assert finding.severity == "error" and "而非" in finding.message and "about" not in finding.message
    traditional = style != "Mainland"
    assert ("匯率" in finding.message) == traditional and ("汇率" in finding.message) != traditional
    assert finding.suggestion and "，或" in finding.suggestion


@pytest.mark.parametrize(("form", "style", "right", "wrong"), UNITS, ids=[f"{c[1]}: {c[0]}" for c in UNITS])
def test_unit_pair_forms_and_slips(form, style, right, wrong):
    assert flagged(right, "unit-conversion") == []
    [finding] = flagged(wrong, "unit-conversion")
    assert "而非" in finding.message and "over" not in finding.message
    assert ("（" in wrong) == ("（" in finding.suggestion)  # the writer's own joining words
    assert finding.suggestion.split("（")[0].split("，")[0] in wrong  # the stated figure, as printed


@pytest.mark.parametrize("text", [
    "2015年，該公司以85億日圓（當時約合7000萬美元）買下工廠。",
    "该公司当年以85亿日元（当时约合7000万美元）买下工厂。",
])
def test_a_conversion_at_the_time_is_held_to_the_old_rate(text):
    assert flagged(text, "currency-conversion") == []


def test_a_slip_at_the_time_is_still_an_error():
    [finding] = flagged("2015年，該公司以85億日圓（當時約合7億美元）買下工廠。", "currency-conversion")
    assert "而非7億美元" in finding.message
