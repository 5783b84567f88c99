"""Chinese amounts the way Mainland, Hong Kong and Taiwan desks print them, and what is never an amount."""

import pytest

from checker.extract import extract


def readings(text):
    return [(q.text, q.kind, q.value, q.currency or q.unit) for q in extract(text)]


@pytest.mark.parametrize("text, figure, value, currency", [
    ("台積電宣布在高雄投資新台幣52.3億元擴建廠房。", "新台幣52.3億元", 5.23e9, "TWD"),
    ("港府向醫管局額外撥款港幣4180元作為每名病人的津貼。", "港幣4180元", 4180, "HKD"),
    ("两岸贸易中涉及人民币35.4万元的订单受到影响。", "人民币35.4万元", 354000, "CNY"),
    ("去年全台半導體產值達3.6万亿元新台币，創歷史新高。", "3.6万亿元新台币", 3.6e12, "TWD"),
    ("日本政府追加2000億日圓預算用於防災。", "2000億日圓", 2e11, "JPY"),
    ("三星電子計劃投資2.5兆韓元建設新廠。", "2.5兆韓元", 2.5e12, "KRW"),
    ("该集团以1000万英镑收购伦敦一处写字楼。", "1000万英镑", 1e7, "GBP"),
    ("俄方同意以300亿卢布购买这批设备。", "300亿卢布", 3e10, "RUB"),
    ("中国企业在阿根廷投资68.7亿比索建设锂矿。", "68.7亿比索", 6.87e9, "ARS"),
    ("巴基斯坦政府拨款500亿卢比用于灾后重建。", "500亿卢比", 5e10, "PKR"),
])
def test_currency_named_before_or_after_the_amount(text, figure, value, currency):
    assert (figure, "money", value, currency) in readings(text)


def test_a_peso_in_a_paragraph_naming_two_countries_stays_unsettled():
    [q] = [q for q in extract("墨西哥和阿根廷两国央行各投放500亿比索。") if q.kind == "money"]
    assert q.currency is None and q.unit == "peso"


@pytest.mark.parametrize("text, value", [
    ("今年夏粮收购价格上涨两成。", 20), ("受访者中九成表示满意。", 90), ("商场周末全场打八折。", 80),
    ("这款手机七五折出售。", 75), ("清仓商品一律打对折。", 50), ("利润率只有半成。", 5),
    ("三成半的用户选择续费。", 35), ("贷款利率为百分之三点五。", 3.5), ("千分之二的不良率。", 0.2),
])
def test_tenths_and_written_out_percentages(text, value):
    assert [q.value for q in extract(text) if q.kind == "percent"] == [value]


@pytest.mark.parametrize("text", [
    "产品还要等半成品检验。", "项目建成后将成为全市最大的物流中心。",
    "这批设备5亿元折合成股权转让给对方。",
])
def test_cheng_and_zhe_inside_words_are_not_percentages(text):
    assert not [q for q in extract(text) if q.kind == "percent" and q.value in (500, 50, 80)]


@pytest.mark.parametrize("text", [
    "公司四季度营收增长，第四季度利润下降，前三季度整体持平。",
    "十四五规划期间，一带一路倡议稳步推进，两会代表热议。",
    "2023年3月15日星期三下午3时30分，发布会在北京召开。",
    "會議於15:30結束，週五再議，下午3點半集合。",
    "他在比赛中排名第5，这是第十届大会，也是三中全会以来的第一次。",
    "（中央社記者台北17日電）日本參議院22日通過預算案。",
    "地铁2号线今天起延长运营时间。",
])
def test_dates_times_ordinals_and_set_phrases_are_never_amounts(text):
    assert [q for q in extract(text) if q.kind == "number"] == []


def test_counts_beside_dates_are_still_read():
    found = readings("2024年5月，该市新增企业1860家，其中外资企业279家。")
    assert [(t, v) for t, k, v, _ in found if k == "number"] == [("1860", 1860), ("279", 279)]


def test_fifteen_yen_is_money_not_a_day():
    assert ("15日元", "money", 15, "JPY") in readings("一罐饮料售价15日元。")


@pytest.mark.parametrize("text, figure, value", [
    ("这位年过半百的工程师仍坚持每天骑车上班。", "半百", 50),
    ("年過半百的他，決定重返校園攻讀碩士。", "半百", 50),
])
def test_whole_number_words_are_numbers(text, figure, value):
    assert (figure, "number", value, None) in readings(text)


@pytest.mark.parametrize("text", [
    "法國已經作好壹切準備，迎接各國元首。",  # 壹切 is 一切 in a formal digit
    "这艘船远离大陆，驶向公海。",
])
def test_a_look_alike_word_is_no_number_in_any_digit_form(text):
    assert [r for r in readings(text) if r[1] == "number"] == []


def test_a_figure_after_an_ellipsis_is_read_but_a_dotted_piece_is_not():
    assert [q.value for q in extract("Wait...9 of them came back.")] == [9]
    assert "7" not in [q.text for q in extract("Build 4.2.7 is out.")]
