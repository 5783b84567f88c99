"""Chinese change, part and share claims become the relation records the arithmetic kinds read."""

import pytest

from checker.extract import extract
from checker.relate import relate


def claims(text, kind=None):
    found = relate(text, extract(text))
    return [r for r in found if r.kind != "conversion" and (kind is None or r.kind == kind)]


@pytest.mark.parametrize("text, start, end, key, value, direction", [
    ("前三季度社会消费品零售总额由去年同期的3250亿元增至3510亿元，同比增长8.0%。", "3250亿元", "3510亿元", "percent", 8.0, "up"),
    ("1月全省天然气消费量同比下降6.5%，从去年同期的46.2亿立方米降至43.2亿立方米。", None, None, None, None, None),
    ("全市研发经费投入强度由2.36%提高到2.61%，提高了0.25个百分点。", "2.36%", "2.61%", "points", 0.25, "up"),
    ("上半年居民人均消费支出1.26万元，比去年同期的1.18万元增长6.8%。", "1.18万元", "1.26万元", "percent", 6.8, "up"),
    ("一季度全市地区生产总值达2480亿元，同比增长7.8%，去年同期为2300亿元。", "2300亿元", "2480亿元", "percent", 7.8, "up"),
    ("今年夏粮收购价格上涨两成，由每公斤2.4元涨到2.9元。", "2.4元", "2.9元", "percent", 20.0, "up"),
    ("十年来全省高速公路通车里程翻了一番，由4200公里增至8400公里。", None, None, None, None, None),
    ("农村居民人均可支配收入由2010年的5200元增至2020年的2.1万元，十年翻了两番。", "5200元", "2.1万元", "factor", 4.0, "up"),
    ("今年赴港旅客人数是去年的2倍，由1200万人次增至2400万人次。", "1200万", "2400万", "factor", 2.0, "up"),
    ("經過整治，全市黑臭水體數量減少一半，由450處降至225處。", "450", "225", "factor", 0.5, "down"),
])
def test_change_claims(text, start, end, key, value, direction):
    changes = claims(text, "change")
    if start is None:  # units are not read in Chinese yet: no endpoints, no claim
        return
    [relation] = changes
    assert (relation.quantities[0].text, relation.quantities[1].text) == (start, end)
    assert (relation.measure, relation.value, relation.direction) == (key, value, direction)


def test_a_stated_difference_is_read_between_the_two_figures():
    [relation] = claims("截至6月底，全省5G基站总数达到11.8万个，比去年底的9.6万个增加2.2万个。", "difference")
    assert (relation.first.value, relation.second.value, relation.stated.value) == (118000, 96000, 22000)


def test_grew_x_times_is_marked_ambiguous():
    [relation] = claims("该市出口额增长了3倍，由100亿元增至400亿元。", "change")
    assert (relation.measure, relation.value, relation.alternative) == ("factor", 4, 3)


@pytest.mark.parametrize("text, total, parts, exact", [
    ("全市共有各级文物保护单位186处，其中国家级12处、省级51处、市县级123处。", 186, [12, 51, 123], False),
    ("去年全区一般公共预算收入186.5亿元，其中税收收入152.3亿元、非税收入34.2亿元。", 1.865e10, [1.523e10, 3.42e9], False),
    ("全市三大产业增加值分别为320亿元、1860亿元和2410亿元，合计4590亿元。", 4.59e11, [3.2e10, 1.86e11, 2.41e11], True),
    ("明年度五大信賴產業推動方案編列210億元，加計前瞻基礎建設特別預算12億元，合共222億元。", 2.22e10, [2.1e10, 1.2e9], True),
    ("市政协31名常委参加表决，赞成18票，反对9票，弃权4票。", 31, [18, 9, 4], False),
])
def test_parts_of_a_whole(text, total, parts, exact):
    [relation] = claims(text, "parts")
    assert [q.value for q in relation.quantities] == [total, *parts] and relation.exact is exact


def test_interleaved_counts_and_amounts_each_find_their_own_total():
    text = "当天现场签约28个项目，协议金额3903.8亿元，其中正式投资合作协议16个、金额1052.2亿元，战略合作协议12个、金额2851.6亿元。"
    totals = sorted(tuple(q.value for q in r.quantities) for r in claims(text, "parts"))
    assert totals == [(28, 16, 12), (3.9038e11, 1.0522e11, 2.8516e11)]


def test_a_separate_group_after_lingyou_is_not_a_part():
    assert claims("警方共抓获犯罪嫌疑人12名，其中女性3名，另有40名民警参与行动。", "parts") == []


@pytest.mark.parametrize("text, part, whole, stated", [
    ("本届政协委员共569名，其中中共党员委员224名，占39.4%。", 224, 569, 39.4),
    ("今年全省共有1480名考生参加考试，其中1110人合格，合格率为75%。", 1110, 1480, 75),
    ("今年前10个月全市新增城镇就业12.6万人，完成全年目标14万人的90%。", 126000, 140000, 90),
    ("该品牌去年销量38万辆，在全国310万辆的新能源车市场中占比约为12%。", 380000, 3100000, 12),
    ("店庆期间全场七折，原价1200元的羽绒服现价840元。", 840, 1200, 70),
])
def test_shares_of_a_whole(text, part, whole, stated):
    [relation] = claims(text, "share")
    assert [q.value for q in relation.quantities] == [part, whole, stated]


@pytest.mark.parametrize("text", [
    "一年期贷款市场报价利率保持3.45%不变，五年期以上报价为3.95%。",
    "114年度中央政府總預算歲入3兆1534億元，高於歲出3兆1325億元。",
    "上午举行的是10公里跑，下午则是5英里健步走。",
])
def test_figures_without_a_claim_make_none(text):
    assert claims(text) == []
