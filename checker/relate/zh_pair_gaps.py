"""The words Chinese editors put between an amount and its conversion.

"600亿元（约合82亿美元）", "5000亿元专项债（约690亿美元）", "投资额50亿元人民币，约合7亿美元",
"12.6億美元，相當於新台幣140.4億元", "85億日圓（當時約合5.6億美元）". The gap is read on the folded
text (traditional and full-width forms mapped to simplified ones, one character for one), so
約/當時/相當於 read as 约/当时/相当于. A noun may sit between the first amount and the bracket or
comma ("专项债", "的投资"), but no figure and no clause break. "当时" (at the time) dates the
conversion to the event, not to the article: the relation says so in `data["at_the_time"]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract.chinese_lexicon import CURRENCY_NAMES_BEFORE
from checker.extract.chinese_numerals import fold, zh_alternation, zh_class, zh_words
from checker.vocab import vocab

_V = vocab()
_CHINESE_DIGITS = _V.numbers.zh.digits + _V.numbers.zh.two + _V.numbers.zh.small_units + "".join(_V.scales.zh_big_units)
# What may be said about the rate before the converted figure: 按当时汇率计算, 以现汇率折算.
_RATE_PHRASE = (
    rf"(?:(?:{zh_alternation(_V.zh('rate_by'))})?(?:{zh_alternation(_V.zh('rate_when') + _V.zh('at_the_time'))})?"
    rf"(?:的)?(?:{zh_alternation(_V.zh('rate_noun'))})(?:{zh_alternation(_V.zh('rate_verb'))})?[，,]?\s*)"
)
_AT_THE_TIME = rf"(?P<then>{zh_alternation(_V.zh('at_the_time'))})"
_LINK = rf"(?:{zh_alternation(_V.zh('conversion_link'))})"
_HEDGE = rf"(?:{zh_alternation(['约', *_V.hedges.zh_loose])})"  # the plain 约 and the loose hedges
# A noun between the first amount and the bracket: letters, no digit, no punctuation.
_NOUN = r"(?:[\u4e00-\u9fff]{1,8})"
_NOT_A_NOUN = re.compile(rf"{zh_class(_CHINESE_DIGITS)}|{zh_alternation(_V.zh('not_a_noun'))}")

# The converted currency named before a hedge that splits it from its figure: "折合人民币约9.43亿元".
_NAMED = rf"(?:(?:{zh_alternation(CURRENCY_NAMES_BEFORE)})\s*(?=约|{_HEDGE}))?"
_BRACKET = re.compile(
    rf"(?P<noun>{_NOUN})?\s*[(（]\s*{_RATE_PHRASE}?{_AT_THE_TIME}?\s*{_RATE_PHRASE}?"
    rf"(?P<hedge>{_LINK}|{_HEDGE})?\s*{_NAMED}(?P<hedge2>{_HEDGE})?\s*\Z"
)
_INLINE = re.compile(
    rf"(?P<noun>{_NOUN})?\s*[，,]?\s*{_RATE_PHRASE}?{_AT_THE_TIME}?\s*{_RATE_PHRASE}?"
    rf"(?P<hedge>{_LINK})\s*{_NAMED}(?P<hedge2>{_HEDGE})?\s*\Z"
)


@dataclass(frozen=True, slots=True)
class ZhGap:
    cue: str
    hedge: str | None
    bracket: bool
    at_the_time: bool


def chinese_gap(gap: str) -> ZhGap | None:
    """How a Chinese gap joins two amounts as a conversion, or None when it does not."""
    folded = fold(gap)
    for pattern, bracket in ((_BRACKET, True), (_INLINE, False)):
        match = pattern.match(folded)
        if not match:
            continue
        noun = match.group("noun")
        if noun and _NOT_A_NOUN.search(noun):
            return None
        if noun and not bracket and not re.search(r"[，,]", folded):
            return None  # "50亿元投资合7亿美元": no comma, no bracket, too loose to be a pair
        hedge = _hedge_word(match.group("hedge"), match.group("hedge2"))
        cue = gap.strip()
        if noun:
            cue = cue[len(noun):].strip()
        return ZhGap(cue=cue, hedge=hedge, bracket=bracket, at_the_time=match.group("then") is not None)
    return None


# Chinese copy joins nearly every conversion with 约合 or 约: it is the connector, as a bare
# bracket is in English, not a sign that the writer rounded loosely. Only these widen the tolerance.
REAL_HEDGES = frozenset(zh_words(_V.hedges.zh_loose))


def _hedge_word(link: str | None, hedge: str | None) -> str | None:
    """A hedge that says the figure is loose (逾, 近, 超过, 大约), not the usual 约合/约/折合."""
    for word in (hedge, link):
        if word in REAL_HEDGES:
            return word
    return None


_DIFFERENCE = re.compile(
    rf"温差|(?:{zh_alternation(_V.zh('temperature_difference'))})了?\s*(?:约|近)?\s*\Z|(?:升温|降温)\s*\Z")
_READING = re.compile(zh_alternation(_V.zh("temperature_reading")))


def temperature_claim(text: str, first) -> str | None:
    """"气温升至41摄氏度" gives a reading, "温差达27华氏度" or "上升了2摄氏度" a difference; else None."""
    if "degree" not in (first.unit or ""):
        return None
    before = fold(text[max(0, first.start - 12) : first.start])
    if _DIFFERENCE.search(before):
        return "difference"
    return "reading" if _READING.search(before) else None
