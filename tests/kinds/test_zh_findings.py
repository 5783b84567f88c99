"""Findings on Chinese copy: caught with a Chinese message and a fix in the writer's notation; clean copy silent."""

import json
from pathlib import Path

import pytest

from checker.api import lint_paths, lint_text
from checker.report import render

ROOT = Path(__file__).resolve().parents[2]
ARITHMETIC = {"percent-change", "shares-sum", "share-of-whole", "stated-difference"}


def flagged(text, date=None):
    return [f for f in lint_text(text, date=date) if f.severity in ("error", "warning")]


def test_the_chinese_seed_is_caught_in_chinese_with_the_fix():
    result = lint_paths([ROOT / "seeds" / "001_zh_bigfund.txt"])
    [finding] = [f for f in result.findings if f.rule == "currency-conversion"]
    assert finding.severity == "error"
    assert finding.message.startswith("600亿元按欧洲央行") and "而非8.5亿美元" in finding.message
    assert finding.suggestion.startswith("60亿元（约合8.5亿美元）")
    assert "about" not in finding.message + finding.suggestion


def test_json_and_sarif_carry_the_same_chinese_message():
    result = lint_paths([ROOT / "seeds" / "001_zh_bigfund.txt"])
    [finding] = [f for f in result.findings if f.rule == "currency-conversion"]
    as_json = json.loads(render(result, "json"))
    sarif = json.loads(render(result, "sarif"))
    assert finding.message in [f["message"] for f in as_json["findings"]]
    assert any(finding.message in r["message"]["text"] for r in sarif["runs"][0]["results"])
    assert finding.message in render(result, "html")


def test_traditional_copy_gets_a_traditional_message():
    [finding] = flagged("香港機管局批出港幣12億元（約1540萬美元）的跑道維修合約。", "2024-11-19")
    assert "而非1540萬美元" in finding.message and "匯率" in finding.message
    assert finding.suggestion.startswith("港幣1.2億元（約1540萬美元）")


def test_english_messages_are_unchanged():
    [finding] = flagged("In April authorities earmarked a further 600 billion yuan ($8.5 billion).", "2025-04-15")
    assert finding.message.startswith("600 billion yuan is about $8") and "times too small" in finding.message


@pytest.mark.parametrize("text, date, words", [
    ("美商宣布在台追加投資2.5億美元（約合75億美元）擴建數據中心。", "2022-07-12", None),
    ("中资企业计划投资5亿美元（约合100亿元人民币）建设新厂。", "2019-09-10", "5亿美元按"),
    ("该校获得6.5亿元捐赠，折合4898万欧元。", "2017-06-06", "6.5亿元按"),
    ("港府向医管局拨款港幣38億元（約合人民幣35.4萬元）。", "2023-08-15", "而非人民幣35.4萬元"),
    ("欧洲航空集团与中方签订40亿欧元（约合367亿元人民币）的飞机订单。", "2019-07-09", "40亿欧元按"),
])
def test_wrong_currency_pairs_are_flagged(text, date, words):
    found = [f for f in flagged(text, date) if f.rule == "currency-conversion"]
    if words is None:  # same currency on both sides: not a pair at all
        assert found == []
        return
    [finding] = found
    assert words in finding.message


@pytest.mark.parametrize("text, date", [
    ("巴西政府为紧急救助金安排的预算为982亿雷亚尔（约合180亿美元）。", "2020-05-22"),
    ("日本參議院22日通過總預算，歲出總額達107兆5964億日圓（約新台幣25兆6900億元）。", "2022-03-22"),
    ("2007年该球员以1000万英镑转会时，约合1.54亿元人民币，创下当时的纪录。", "2024-05-20"),
    ("這家日本車廠2012年在華投資1000億日圓，按當時匯率約合77億元人民幣。", "2024-05-20"),
    ("1997年該公司以85億日圓（當時約合7000萬美元）收購工廠。", "2024-05-20"),
    ("大基金三期注册资本为3440亿元（约合475亿美元）。", "2024-05-27"),
])
def test_right_currency_pairs_are_silent(text, date):
    assert [f for f in flagged(text, date) if f.rule == "currency-conversion"] == []


@pytest.mark.parametrize("text, message_part", [
    ("一季度全市地区生产总值达2480亿元，同比增长12%，去年同期为2300亿元。", "实际为7.83%"),
    ("前三季度公司营业收入同比增长8%，由去年同期的125亿元降至115亿元。", "方向有误"),
    ("居民人均可支配收入中工资性收入占比由55.2%上升到57.8%，提高了4.7个百分点。", "实际为2.6个百分点"),
    ("全省城镇调查失业率由4.2%升至6.2%，上升了2%。", "把百分点写成了百分比"),
    ("十年间全市高新技术企业数量翻了两番，由2.1万家增至5.3万家。", "而非4倍"),
    ("全区现有各类养老机构265家，其中公办、民办和公建民营机构分别为120家、85家和70家。", "多于总数265"),
    ("全市三大产业增加值分别为320亿元、1860亿元和2410亿元，合计4490亿元。", "合计4590亿元"),
    ("A股两市昨日成交额1.02万亿元，较前一交易日的8560亿元增加2640亿元。", "实际差额为1640亿元"),
    ("调查显示，受访者中选择公交、地铁和私家车出行的比例分别为40%、33%和32%。", "超过100%"),
    ("全县常住人口82万人，其中城镇人口45万人，城镇化率为62%。", "实际为55%"),
    ("商场周末全场打八折，一件原价1000元的大衣折后售价880元。", "实际为88%"),
    ("市政协31名常委参加表决，赞成18票，反对9票，弃权5票，议案获得通过。", "多于总数31"),
])
def test_wrong_arithmetic_is_flagged_in_chinese(text, message_part):
    [finding] = [f for f in flagged(text) if f.rule in ARITHMETIC]
    assert message_part in finding.message


@pytest.mark.parametrize("text", [
    "台灣明年度防務部門預算由今年度的3676億元增至4151億元，增加475億元，約增12.9%。",
    "受暖冬影响，1月全省天然气消费量同比下降6.5%，从去年同期的46.2亿元降至43.2亿元。",
    "韩国明年对三大新兴产业的财政扶持将由今年的4.2万亿韩元增至5万亿韩元，增幅约19%。",
    "南韓將投入13.2兆韓元開發邊境地區，其中交流合作基礎約5.1兆韓元、平衡發展3.4兆韓元、生態旅遊約3兆韓元、生活基礎建設1.7兆韓元。",
    "對外投資獲准共4案、總金額11.65億美元：華碩5億美元、台哥大9000萬美元，鴻海兩案分別為2.25億美元及3.5億美元。",
    "這次追加預算規模18兆3034億日圓，其中約6成仰賴追加發行國債補足，金額達11兆6960億日圓，比上一年度的6兆6900億日圓多出5兆日圓。",
    "全市规模以上工业企业1860家，其中亏损企业279家，亏损面为15%。",
    "店庆期间全场七折，原价1200元的羽绒服现价840元。",
    "该市出口额增长了3倍，由100亿元增至300亿元。",
    "警方共抓获犯罪嫌疑人12名，其中女性3名，另有40名民警参与行动。",
    "截至6月底，全省5G基站总数达到11.8万个，比去年底的9.6万个增加2.2万个。",
])
def test_right_arithmetic_is_silent(text):
    assert flagged(text) == []


def test_grew_x_times_that_fits_neither_reading_is_only_info():
    [finding] = [f for f in lint_text("该市出口额增长了3倍，由100亿元增至250亿元。") if f.rule == "percent-change"]
    assert finding.severity == "info"


@pytest.mark.parametrize("text, message_part", [
    ("重庆北碚站午后气温升至41摄氏度（73.8华氏度），刷新当地7月同期纪录。", "约合106华氏度"),  # +32 dropped
    ("报告指出，过去半个世纪该地区平均气温上升了2摄氏度（35.6华氏度）。", "约合3.6华氏度"),  # a difference as a reading
    ("这套120平方米（约394平方英尺）的三居室挂牌价为580万元。", "约合1290平方英尺"),  # linear factor for an area
    ("這塊市有地面積2500坪（約756平方公尺），市府規劃闢為社區公園。", "而非756平方公尺"),  # wrong direction
    ("寒潮来袭，山区夜间最低气温降至零下10摄氏度（零下18华氏度）。", "约合14华氏度"),
])
def test_wrong_unit_pairs_are_flagged_in_chinese(text, message_part):
    [finding] = [f for f in flagged(text) if f.rule == "unit-conversion"]
    assert message_part in finding.message


@pytest.mark.parametrize("text", [
    "该水库库区面积2500平方公里（约965平方英里），是全省最大的水库。",
    "天文台表示，今日最高氣溫攝氏35度，即華氏95度。",
    "美国中西部昼夜温差达27华氏度（约15摄氏度），农作物受冻风险上升。",
    "该农场去年产鲜奶1.2万吨，约合2646万磅，全部销往周边城市。",
    "这款电动车电机最大功率150千瓦（约204马力）。",
])
def test_right_unit_pairs_are_silent(text):
    assert [f for f in flagged(text) if f.rule == "unit-conversion"] == []
