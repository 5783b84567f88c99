"""Figures in Chinese text that name or date something instead of counting it.

四季度/第四季度 (a quarter), 十四五 (the 14th five-year plan), 一带一路 and other set phrases,
第X (an ordinal), 2023年 (a year), 3月15日 (a date), 星期三/周五 (a weekday), 下午3时30分 and
15:30 (a time), 2号线 (a name). Both the Chinese grammar and the English number grammar read
digits, so these zones are applied to the merged result: a bare number inside one is dropped.
Money and percentages are never dropped here ("15日元" is fifteen yen).
"""

from __future__ import annotations

import re

from checker.extract.chinese_numerals import fold, zh_alternation, zh_class
from checker.model import Quantity
from checker.vocab import vocab

_V = vocab()
_D = rf"[0-9{_V.numbers.zh.digits}{_V.numbers.zh.two}十〇]"
_NUM = rf"{_D}+"
_ONE_TO_NINE = _V.numbers.zh.digits[1:]
_TIME_OF_DAY = zh_alternation(_V.zh("time_of_day"))
_ZONES = re.compile(
    "|".join(
        [
            rf"第 *{_NUM}",  # 第四季度, 第5名, 第十届
            rf"(?:前|后)?{_NUM} *季度?(?![0-9])(?=[，。、]|{zh_class(_V.zh('quarter_after'))})",  # 四季度, 前三季度, 3季报
            rf"(?<![0-9]){_D}{{4}} *年",  # 2023年, 二〇二三年
            rf"(?<![0-9]){_D}{{2}} *年代",  # 90年代
            rf"{_NUM} *月(?:份)?(?: *{_NUM} *[日号])?",  # 3月, 3月15日
            rf"(?<![0-9]){_NUM} *[日号](?![元圆币])",  # 15日电, 2号线
            rf"(?:{zh_alternation(_V.zh('weekday_before'))}){zh_class(_V.zh('weekday'))}|(?:星期|礼拜|周)[1-7]",
            rf"(?:{_TIME_OF_DAY}|早|晚)? *{_NUM} *[时点](?: *{_NUM} *分| *半| *整| *钟)?"
            rf"(?: *{_NUM} *秒)?(?<={zh_class(_V.zh('clock_after'))})",  # 3时30分, 下午3点半
            rf"(?:{_TIME_OF_DAY}) *{_NUM} *点",  # 下午3点
            r"(?<![0-9])[0-2]?[0-9][:：][0-5][0-9]",  # 15:30
            r"十[一二三四五]五",  # 十四五, 十三五: five-year plans
            rf"(?:十[{_ONE_TO_NINE}]|二十)(?:届)?大(?=[，。、）)]|{zh_alternation(_V.zh('congress_after'))})",
            rf"[{_ONE_TO_NINE}十]+中全会",
            zh_alternation(_V.zh("set_phrases")) + r"|[一二三四五]线城市|[一二三]级市场",
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
