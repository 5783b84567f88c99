"""Every arithmetic-claim form and every non-figure issue 13 lists, in Mainland, Hong Kong and Taiwan
copy: the right claim is silent and the wrong one an error in Chinese; dates, times, ordinals, plans and
set phrases are never read as amounts."""

import pytest

from checker.api import lint_text
from checker.extract import extract

ARITHMETIC = [
    ("同比增长X%", "Mainland",
     "今年一季度全市营收由120亿元增至138亿元，同比增长15%。",
     "今年一季度全市营收由120亿元增至138亿元，同比增长25%。"),
    ("同比下降X%", "Hong Kong",
     "本港首季訪港旅客由800萬人次降至720萬人次，同比下降10%。",
     "本港首季訪港旅客由800萬人次降至720萬人次，同比下降20%。"),
    ("从A降至B，降幅X%", "Taiwan",
     "台灣出口從4500億美元降至4320億美元，降幅4%。",
     "台灣出口從4500億美元降至4320億美元，降幅14%。"),
    ("B，较上年的A增加X%", "Mainland",
     "全年粮食产量6.9亿吨，较上年的6.6亿吨增加4.5%。",
     "全年粮食产量6.9亿吨，较上年的6.6亿吨增加14.5%。"),
    ("增长了X个百分点", "Taiwan",
     "失業率由3.4%升至3.9%，上升了0.5個百分點。",
     "失業率由3.4%升至3.9%，上升了1.5個百分點。"),
    ("X% for a points change", "Hong Kong",
     "失業率由3.0%升至3.3%，上升了10%。",
     "失業率由3.0%升至3.3%，上升了0.3%。"),
    ("翻了一番", "Mainland",
     "新能源汽车销量由300万辆增至600万辆，翻了一番。",
     "新能源汽车销量由300万辆增至900万辆，翻了一番。"),
    ("翻两番", "Taiwan",
     "該公司營收由50億元增至200億元，翻了兩番。",
     "該公司營收由50億元增至100億元，翻了兩番。"),
    ("占X%", "Mainland",
     "全县常住人口80万人，其中城镇人口48万人，城镇化率为60%。",
     "全县常住人口80万人，其中城镇人口48万人，城镇化率为70%。"),
    ("其中…分别 (shares)", "Hong Kong",
     "受訪者中支持、反對和中立的比例分別為40%、35%和25%。",
     "受訪者中支持、反對和中立的比例分別為50%、35%和25%。"),
    ("合计 totals", "Mainland",
     "甲、乙两厂分别投资3亿元和5亿元，合计8亿元。",
     "甲厂投资3亿元、乙厂投资5亿元，合计9亿元。"),
    ("共计 totals", "Taiwan",
     "北部12萬人、中部8萬人和南部10萬人，共計30萬人。",
     "北部12萬人、中部8萬人和南部10萬人，共計33萬人。"),
    ("总计 totals", "Hong Kong",
     "港島3.2萬宗、九龍4.5萬宗和新界6.3萬宗，總計14萬宗。",
     "港島3.2萬宗、九龍4.5萬宗和新界6.3萬宗，總計16萬宗。"),
    ("七五折", "Mainland",
     "商场全场七五折，原价1200元的羽绒服现价900元。",
     "商场全场七五折，原价1200元的羽绒服现价960元。"),
    ("对折 / 半价", "Taiwan",
     "百貨週年慶對折，原價3000元的外套現價1500元。",
     "百貨週年慶對折，原價3000元的外套現價1800元。"),
]


def flagged(text):
    return [f for f in lint_text(text, date="2024-06-03") if f.severity in ("error", "warning")]


@pytest.mark.parametrize(("form", "style", "right", "wrong"), ARITHMETIC, ids=[f"{c[1]}: {c[0]}" for c in ARITHMETIC])
def test_arithmetic_claim_forms(form, style, right, wrong):
    assert flagged(right) == []
    [finding] = flagged(wrong)
    # points written as percent is a house-style slip: a warning, never an error
    expected = "warning" if finding.evidence.get("likely_slip") == "points_as_percent" else "error"
    assert finding.severity == expected and not any(w in finding.message for w in ("does not", "times", "over"))


def test_a_points_change_written_as_percent_says_so():
    [finding] = flagged("失業率由3.0%升至3.3%，上升了0.3%。")
    assert finding.evidence["likely_slip"] == "points_as_percent" and "百分點" in finding.message


@pytest.mark.parametrize(("text", "severity"), [
    ("出口额由100亿元增至400亿元，增长了3倍。", None),  # x4 by the book
    ("出口額由100億元增至300億元，增長了3倍。", None),  # x3 as much copy means it
    ("出口额由100亿元增至800亿元，增长了3倍。", "info"),  # neither: unsure, so only info
])
def test_grew_by_x_times_is_never_an_error(text, severity):
    found = [f.severity for f in lint_text(text, date="2024-06-03") if f.rule == "percent-change"]
    assert found == ([severity] if severity else [])


@pytest.mark.parametrize("text", [
    "公司预计四季度利润将继续增长。", "公司預計第四季度盈利將回升。", "台積電第四季營收創新高。",
    "十四五期间将新建高铁线路。", "國家十四五規劃支持香港發展。", "陸方十四五規劃提到對台政策。",
    "一带一路倡议提出已经多年。", "香港積極參與一帶一路建設。", "一帶一路沿線國家的投資放緩。",
    "堅持一國兩制方針。", "北京、上海等一線城市房價上漲。",
    "该队获得第三名。", "他在第五屆立法會任職。", "她是第十屆總統。",
    "2023年，全市经济回升。", "2023年本港經濟復甦。", "2023年台灣出口衰退。",
    "3月15日是消费者权益日。", "會議將於3月15日舉行。", "選舉定於1月13日舉行。",
    "星期三将有大雨。", "星期五天文台或發出雷暴警告。", "週五將有鋒面通過。",
    "发布会将于下午3时30分举行。", "記者會於下午3時舉行。", "會議上午10點開始。",
    "比赛于15:30开始。", "航班於15:30起飛。", "列車於15：30發車。",
])
def test_non_figures_are_never_amounts(text):
    assert extract(text) == []


def test_a_place_name_with_a_numeral_is_no_part_of_a_list():
    [finding] = flagged("港島3.2萬宗、九龍4.5萬宗和新界6.3萬宗，總計16萬宗。")
    assert "（3.2萬 + 4.5萬 + 6.3萬）" in finding.message


def test_a_claim_is_quoted_in_the_writers_script():
    [finding] = [f for f in lint_text("出口額由100億元增至800億元，增長了3倍。", date="2024-06-03")
                 if f.rule == "percent-change"]
    assert "“增長了3倍”" in finding.message


def test_a_named_year_reads_as_plain_chinese_in_both_scripts():
    [finding] = [f for f in lint_text("2015年，該公司以85億日圓（當時約合7000萬美元）買下工廠。", date="2024-06-03")
                 if f.rule == "currency-conversion"]
    assert "句中寫明2015年" in finding.message and "明瞭" not in finding.message
