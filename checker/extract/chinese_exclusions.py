"""Figures in Chinese text that name or date something instead of counting it.

四季度/第四季度 (a quarter), 十四五 (the 14th five-year plan), 一带一路 and other set phrases,
第X (an ordinal), 2023年 (a year), 3月15日 (a date), 星期三/周五 (a weekday), 下午3时30分 and
15:30 (a time), 2号线 (a name). Both the Chinese grammar and the English number grammar read
digits, so these zones are applied to the merged result: a bare number inside one is dropped.
Money and percentages are never dropped here ("15日元" is fifteen yen).
"""

from __future__ import annotations

import re

from checker.extract.chinese_numerals import fold
from checker.model import Quantity

_D = r"[0-9零〇一二三四五六七八九十两]"
_NUM = rf"{_D}+"
_ZONES = re.compile(
    "|".join(
        [
            rf"第 *{_NUM}",  # 第四季度, 第5名, 第十届
            rf"(?:前|后)?{_NUM} *季度?(?![0-9])(?=[度报财营利收，。、的末初中内])",  # 四季度, 前三季度, 3季报
            rf"(?<![0-9]){_D}{{4}} *年",  # 2023年, 二〇二三年
            rf"(?<![0-9]){_D}{{2}} *年代",  # 90年代
            rf"{_NUM} *月(?:份)?(?: *{_NUM} *[日号])?",  # 3月, 3月15日
            rf"(?<![0-9]){_NUM} *[日号](?![元圆币])",  # 15日电, 2号线
            r"(?:星期|礼拜|周|週)[一二三四五六日天1-7]",  # 星期三, 周五
            rf"(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚间|夜间|清晨|早|晚)? *{_NUM} *[时点](?: *{_NUM} *分| *半| *整| *钟)?"
            rf"(?: *{_NUM} *秒)?(?<=[时分秒半整钟])",  # 3时30分, 下午3点半
            rf"(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚间|夜间|清晨) *{_NUM} *点",  # 下午3点
            r"(?<![0-9])[0-2]?[0-9][:：][0-5][0-9]",  # 15:30
            r"十[一二三四五]五",  # 十四五, 十三五: five-year plans
            r"(?:十[一二三四五六七八九]|二十)(?:届)?大(?=报告|以来|召开|精神|期间|代表|闭幕|开幕|胜利|提出|强调|后|前|上|时|[，。、）)])",
            r"[一二三四五六七八九十]+中全会",
            r"一带一路|一国两制|两岸三地|两会|三农|双十一|双11|双十二|五四运动|九一八|七七事变|八一|五一|"
            r"十一黄金周|十一假期|十一长假|三八妇女节|六一儿童节|七一|二十国集团|七国集团|八国集团|"
            r"四面八方|五湖四海|三番五次|七上八下|一五一十|一心一意|三令五申|九牛一毛|十全十美|"
            r"一清二楚|接二连三|三三两两|独一无二|万无一失|一举两得|五角大楼|三峡|九寨沟|"
            r"[一二三四五]线城市|[一二三]级市场|一把手|二把手|二手|一季|二季|三季|四季度?",
        ]
    )
)


def non_amount_zones(text: str) -> list[tuple[int, int]]:
    """Spans of `text` in which a bare number names or dates something."""
    return [m.span() for m in _ZONES.finditer(fold(text))]


def drop_non_amounts(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities without the bare numbers that sit inside a date, a time, an ordinal or a name."""
    if not any(q.kind == "number" for q in quantities):
        return quantities
    zones = non_amount_zones(text)
    if not zones:
        return quantities
    return [q for q in quantities if q.kind != "number" or not _inside(q, zones)]


def _inside(quantity: Quantity, zones: list[tuple[int, int]]) -> bool:
    return any(start <= quantity.start and quantity.end <= end for start, end in zones)
