"""Amounts written in Chinese: 7000亿元, 85亿美元, 三千亿元, 五元三毛, ￥300, 百分之五, 二分之一.

One grammar runs over a folded copy of the text (full-width and traditional forms mapped
to simplified ASCII-ish ones, one character for one), so every span found there is a span
of the original. Numerals are valued by `chinese_numerals`; currency names, hedges and
look-alike words come from `chinese_lexicon`.

Plain ASCII numbers ("2016", "-10000", "5%") are left to the English number grammar; this
module reports a number only when something Chinese (or full-width) is part of it.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from checker.extract.chinese_lexicon import (
    CURRENCY_NAMES_BEFORE,
    CURRENCY_PREFIX_FAMILY,
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIX_FAMILY,
    CURRENCY_SUFFIXES,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    MINOR_UNITS,
    NAMES_BY_COUNTRY,
    NON_ISO_UNITS,
    NOT_NUMBERS,
    ZH_UNIT_PREFIXES,
    ZH_UNITS,
)
from checker.extract.chinese_numerals import (
    BIG_UNITS,
    CHINESE_DIGITS,
    SMALL_UNITS,
    fold,
    parse_chinese_number,
    zh_class,
)
from checker.model import Quantity
from checker.vocab import longest_first, vocab

def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=longest_first))


_TWO = vocab().numbers.zh.two
_DIGITS_AND_TWO = vocab().numbers.zh.digits + _TWO  # 零一二…九两
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?"
_NUMERAL_CHARS = CHINESE_DIGITS + SMALL_UNITS
_BIG = "".join(BIG_UNITS)
_DECIMAL = rf"点 *[{CHINESE_DIGITS.replace(_TWO, '')}0-9]+"
_FIRST = rf"(?:{_ARABIC}|[{_NUMERAL_CHARS}])"
# Spaces may separate Chinese parts (一百 五 十 二, 7 万5 千), never two Arabic runs.


def _numeral_not_unit(chars: str) -> str:
    """A class of numeral characters, except where one starts a unit word: 千 in 千米 and 兆 in 兆字节
    are the kilo- and mega- of the unit, so "12千米" is 12 km and "五十兆字节" 50 MB."""
    rests = {c: [u[1:] for u in ZH_UNITS if u[0] == c and len(u) > 1] for c in chars}
    plain = "".join(c for c in chars if not rests[c])
    parts = [f"[{plain}]"] if plain else []
    parts += [f"{re.escape(c)}(?!{_alternation(r)})" for c, r in rests.items() if r]
    return "(?:" + "|".join(parts) + ")"


_NEXT = (
    rf"(?:(?<![0-9]) *[{CHINESE_DIGITS}]| *{_numeral_not_unit(SMALL_UNITS)}| *(?:[余多几] *)*{_numeral_not_unit(_BIG)}"
    rf"|(?<![0-9]) *{_ARABIC}| *{_DECIMAL})"
)
_NUMBER = rf"(?:负 *|(?<![-\w])-)?{_FIRST}{_NEXT}*"
# 3/5 and 1 3/5 in full-width digits (ASCII ones belong to the English grammar).
_SLASH_FRACTION = r"(?:(?P<slash_whole>\d+) +)?(?P<slash_numerator>\d+) *[/] *(?P<slash_denominator>\d+)"


_CJK = "\u4e00-\u9fff"
NUMBER_WORDS = dict(vocab().numbers.zh.words)
# 块 is also a classifier (一块蛋糕): it is money only before 钱, a minor unit, or a non-word.
_CURRENCY = rf"{_alternation(CURRENCY_SUFFIXES)}|块(?![{_CJK}])|块(?=[{_DIGITS_AND_TWO}0-9]+[毛角])"
_MINOR = _alternation({name for units in MINOR_UNITS.values() for name in units})
_RANGE_JOIN = r" *(?:至|到|-|~|～|—) *"
# 九成 is 90%, 七五折 75%: but 成 and 折 also start words (成为, 成本, 折合, 折旧) after a figure.
_ZH = vocab().numbers.zh
_DIGIT_CHAR = f"[0-9{_ZH.digits}{_ZH.two}]"
_NOT_AFTER_CHENG = zh_class(vocab().zh("not_after_cheng"))
_NOT_AFTER_ZHE = zh_class(vocab().zh("not_after_zhe"))
_NOT_AFTER_TAIL = zh_class(vocab().zh("not_after_tenths_tail"))
# Unit words; one that classifiers may follow ("一两个月": one or two months, not a tael) is guarded.
_UNIT = "|".join(
    re.escape(surface) + (f"(?![{not_before}])" if not_before else "")
    for surface, (_, _, not_before) in sorted(ZH_UNITS.items(), key=lambda item: -len(item[0]))
)

_GRAMMAR = re.compile(
    rf"(?<![{_NUMERAL_CHARS}0-9])百分之 *(?P<pct_of>{_NUMBER})"
    rf"|(?:(?P<whole>{_NUMBER}) *又 *)?(?P<denominator>{_NUMBER}|[{_BIG}](?: *[{_BIG}])*) *分 *之 *(?P<numerator>{_NUMBER})"
    rf"|{_SLASH_FRACTION}"
    rf"|(?P<amount>{_NUMBER})(?:{_RANGE_JOIN}(?P<high>{_NUMBER}))? *(?P<approx>[多余])? *个?(?P<currency>{_CURRENCY})"
    rf"(?: *又? *(?P<minor_amount>[{_DIGITS_AND_TWO}0-9]+) *(?P<minor_unit>{_MINOR}))?"
    rf"|(?<!兑)(?P<named>{_alternation(CURRENCY_NAMES_BEFORE)}) *(?P<named_amount>(?>{_NUMBER}))"
    rf"(?: *(?P<named_unit>[元圆块]))?(?! *(?:{_CURRENCY}|[{_NUMERAL_CHARS}{_BIG}0-9]))"
    rf"|(?P<unit_prefix>{_alternation(ZH_UNIT_PREFIXES)}) *(?P<prefix_amount>{_NUMBER}) *度"
    rf"|(?P<unit_amount>{_NUMBER}) *(?P<unit>{_UNIT})(?P<unit_half> *半)?"
    rf"|(?P<symbol>{_alternation(CURRENCY_PREFIXES)}) *(?P<symbol_amount>{_NUMBER})"
    rf"|(?P<pct>{_NUMBER}) *(?P<pct_sign>%|个? *百 *分 *点)"
    rf"|(?P<zhe_digits>{_DIGIT_CHAR} *{_DIGIT_CHAR}) *折(?!{_NOT_AFTER_ZHE})"
    rf"|(?P<tenths>(?>{_NUMBER})) *(?P<tenths_unit>成(?!{_NOT_AFTER_CHENG})|折(?!{_NOT_AFTER_ZHE}))"
    rf"(?:(?<=成) *(?P<tenths_tail>[{_DIGITS_AND_TWO[1:-1]}半])(?![{_NUMERAL_CHARS}{_BIG}0-9]|{_NOT_AFTER_TAIL}))?"
    rf"|(?<![{_NUMERAL_CHARS}0-9])(?P<half>半成(?!品)|半折|对折)"
    rf"|(?<![{_NUMERAL_CHARS}0-9])(?P<word>{_alternation(NUMBER_WORDS)})(?![{_NUMERAL_CHARS}{_BIG}0-9])"
    rf"|(?P<number>{_NUMBER})(?P<dozen> *打)?"
)
_NOT_NUMBERS = re.compile(_alternation(NOT_NUMBERS))
# A look-alike is one whatever digit form it is written in: 壹切 is 一切.
_PLAIN_DIGITS = str.maketrans(vocab().numbers.zh.formal_digits, vocab().numbers.zh.digits[1:])
_HEDGE_BEFORE = re.compile(rf"(?:{_alternation(HEDGES_BEFORE)}) *$")
_HEDGE_AFTER = re.compile(rf" *(?:{_alternation(HEDGES_AFTER)})")
_HAS_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def find_chinese(text: str) -> list[Quantity]:
    """Money, percentages and numbers written the Chinese way, in text order, never overlapping."""
    if not text or not _HAS_NON_ASCII.search(text):
        return []
    folded = fold(text)
    blocked = [m.span() for form in {folded, folded.translate(_PLAIN_DIGITS)} for m in _NOT_NUMBERS.finditer(form)]
    found: list[Quantity] = []
    for match in _GRAMMAR.finditer(folded):
        quantity = _read(match, text, folded, blocked)
        if quantity is not None:
            found.append(quantity)
    return found


def _read(m: re.Match, text: str, folded: str, blocked: list[tuple[int, int]]) -> Quantity | None:
    if m.group("pct_of") is not None:
        return _percent(m, text, m.group("pct_of"), "percent")
    if m.group("numerator") is not None:
        return _fraction(m, text)
    if m.group("slash_numerator") is not None:
        return _slash_fraction(m, text)
    if m.group("currency") is not None:
        return _money_after(m, text, folded)
    if m.group("named") is not None:
        return _money_named_before(m, text, folded)
    if m.group("unit") is not None:
        return _physical(m, text, folded, blocked)
    if m.group("unit_prefix") is not None:
        return _temperature(m, text, folded)
    if m.group("symbol") is not None:
        return _money_before(m, text, folded)
    if m.group("zhe_digits") is not None or m.group("tenths") is not None or m.group("half") is not None:
        return _tenths(m, text)
    if m.group("word") is not None:
        return Quantity(text=text[m.start() : m.end()], start=m.start(), end=m.end(),
                        value=NUMBER_WORDS[m.group("word")], kind="number", sig_digits=1)
    if m.group("pct") is not None:
        if not _HAS_NON_ASCII.search(text[m.start() : m.end()]):
            return None  # "12%" is the English grammar's
        unit = "percent" if m.group("pct_sign") == "%" else "percentage_point"  # 个百分点, 百 分 点
        return _percent(m, text, m.group("pct"), unit)
    return _bare_number(m, text, folded, blocked)


def _quantity(text: str, start: int, end: int, value: float, kind, numeral: str, **extra) -> Quantity:
    return Quantity(
        text=text[start:end], start=start, end=end, value=value, kind=kind,
        sig_digits=significant_digits(numeral, value), scale=scale_as_written(numeral), **extra,
    )


def _money_after(m: re.Match, text: str, folded: str) -> Quantity | None:
    """A number followed by a currency name: 7000亿元, 85亿美元, 五元三毛, 5至6亿元."""
    numeral, high_numeral = m.group("amount"), m.group("high")
    value = parse_chinese_number(numeral)
    if value is None:
        return None
    name = m.group("currency")
    code = CURRENCY_SUFFIXES.get(name, "CNY")  # a 块 variant is the only name not in the table
    code = _settled_by_country(name, folded) or code
    end = m.end("currency")
    high = None
    if high_numeral is not None:
        high = parse_chinese_number(high_numeral)
        value = _share_scale(numeral, value, high_numeral)
    minor = _minor_part(m, code)
    if minor is not None:
        value, end = value + minor, m.end("minor_unit")
    start = m.start("amount")
    hedge = _hedge(folded, start, end, numeral + (m.group("approx") or ""))
    family = CURRENCY_SUFFIX_FAMILY.get(name)
    open_readings = {}
    if family is not None and code is None:
        members = tuple(vocab().family(family).members)
        code, open_readings = members[0], {"alternatives": members, "family": family}
    quantity = _quantity(
        text, start, end, value, "money", numeral, currency=code, high=high, hedge=hedge,
        unit=NON_ISO_UNITS.get(name), **open_readings,
    )
    if high_numeral is not None and quantity.scale is None:
        quantity.scale = scale_as_written(high_numeral)
    return quantity


def _money_named_before(m: re.Match, text: str, folded: str) -> Quantity | None:
    """A currency named before the number: 新台币52.3亿元, 港币4180元, 人民币35.4万元."""
    numeral = m.group("named_amount")
    value = parse_chinese_number(numeral)
    if value is None:
        return None
    start = m.start("named")
    end = m.end("named_unit") if m.group("named_unit") else m.end("named_amount")
    return _quantity(
        text, start, end, value, "money", numeral, currency=CURRENCY_NAMES_BEFORE[m.group("named")],
        hedge=_hedge(folded, start, end, numeral),
    )


def _tenths(m: re.Match, text: str) -> Quantity | None:
    """成 and 折 count tenths: 九成 = 90%, 三成半 = 35%, 八折 = 80%, 七五折 = 75%, 对折 = 50%."""
    if m.group("half") is not None:
        value = 5.0 if m.group("half") == "半成" else 50.0
        return Quantity(text=text[m.start() : m.end()], start=m.start(), end=m.end(), value=value,
                        kind="percent", unit="percent", sig_digits=1)
    if m.group("zhe_digits") is not None:
        digits = "".join(m.group("zhe_digits").split())
        numeral = "".join(str(int(parse_chinese_number(c) or 0)) for c in digits)
        value = float(numeral)
    else:
        numeral = m.group("tenths")
        tenths = parse_chinese_number(numeral)
        if tenths is None:
            return None
        tail = m.group("tenths_tail")
        if tail is not None:
            tenths += 0.5 if tail == "半" else (parse_chinese_number(tail) or 0) / 10
        value = tenths * 10
    if not 0 < value <= 100 and not (m.group("tenths_unit") == "成" and value <= 1000):
        return None
    return _quantity(text, m.start(), m.end(), float(f"{value:.12g}"), "percent", numeral, unit="percent")
def _physical(m: re.Match, text: str, folded: str, blocked) -> Quantity | None:
    """A number followed by a unit: 387万亩, 20万公斤, 两千五百公里, 三斤半, 85度 (where the text is about
    temperature). Not inside a word that only looks numeric (两两, "in pairs")."""
    numeral = m.group("unit_amount")
    if _inside_word(m.start("unit_amount"), m.end("unit"), blocked):
        return None
    unit, context, _ = ZH_UNITS[m.group("unit")]
    if context and not any(word in folded for word in context):
        return None
    if not any(c.isdigit() or c in CHINESE_DIGITS or c in "十拾" for c in numeral):
        return None  # 千米 alone is the unit's name, not a thousand metres
    value = parse_chinese_number(numeral)
    if value is None:
        return None
    end = m.end("unit")
    if m.group("unit_half"):
        value, end = value + 0.5, m.end("unit_half")
    start = m.start("unit_amount")
    if folded[max(0, start - 2) : start] == "零下" and value > 0:
        value, start = -value, start - 2  # 零下10摄氏度: ten below zero
    return _quantity(text, start, end, value, "physical", numeral, unit=unit, hedge=_hedge(folded, start, end, numeral))


def _temperature(m: re.Match, text: str, folded: str) -> Quantity | None:
    """华氏温度98.6度, 摄氏20度: the scale named before the number, 度 after it."""
    numeral = m.group("prefix_amount")
    value = parse_chinese_number(numeral)
    if value is None:
        return None
    start, end = m.start(), m.end()
    return _quantity(text, start, end, value, "physical", numeral, unit=ZH_UNIT_PREFIXES[m.group("unit_prefix")],
                     hedge=_hedge(folded, start, end, numeral))


def _share_scale(low_numeral: str, low: float, high_numeral: str) -> float:
    """In 5至6亿元 the 亿 written once belongs to both ends."""
    if scale_as_written(low_numeral) is None:
        scale = scale_as_written(high_numeral)
        if scale is not None:
            return low * parse_chinese_number("1" + scale)
    return low


def _settled_by_country(name: str, folded: str) -> str | None:
    """比索 in a paragraph about Argentina alone is the Argentine peso; with no country, or two, unsettled."""
    countries = NAMES_BY_COUNTRY.get(name)
    if not countries:
        return None
    named = {code for country, code in countries.items() if country in folded}
    return named.pop() if len(named) == 1 else None


def _minor_part(m: re.Match, code: str | None) -> float | None:
    unit = m.group("minor_unit")
    if unit is None or unit not in MINOR_UNITS.get(code or "", {}):
        return None
    amount = parse_chinese_number(m.group("minor_amount"))
    return None if amount is None else amount * MINOR_UNITS[code][unit]


def _money_before(m: re.Match, text: str, folded: str) -> Quantity | None:
    """A symbol before the number: ￥300."""
    numeral = m.group("symbol_amount")
    value = parse_chinese_number(numeral)
    if value is None:
        return None
    codes = CURRENCY_PREFIXES[m.group("symbol")]
    start, end = m.start("symbol"), m.end("symbol_amount")
    return _quantity(
        text, start, end, value, "money", numeral, currency=codes[0], alternatives=codes,
        hedge=_hedge(folded, start, end, numeral), family=CURRENCY_PREFIX_FAMILY,
    )


def _percent(m: re.Match, text: str, numeral: str, unit: str) -> Quantity | None:
    value = parse_chinese_number(numeral)
    if value is None:
        return None
    return _quantity(text, m.start(), m.end(), value, "percent", numeral, unit=unit)


def _fraction(m: re.Match, text: str) -> Quantity | None:
    """A分之B is B/A; W又A分之B adds the whole part, keeping its sign."""
    written = m.group("denominator").strip()
    denominator = parse_chinese_number(("一" + written) if written[:1] in BIG_UNITS else written)
    numerator = parse_chinese_number(m.group("numerator"))
    if not denominator or numerator is None:
        return None
    value = numerator / denominator
    per = _per_power_of_ten(m.group("denominator"), denominator)
    if per is not None and m.group("whole") is None:
        # 百分之五 is 5%, 千分之二 0.2%, 万分之三 0.03%: a rate, however the spaces fall.
        return Quantity(text=text[m.start() : m.end()], start=m.start(), end=m.end(),
                        value=float(f"{value * 100:.12g}"), kind="percent", unit="percent",
                        sig_digits=significant_digits(m.group("numerator"), numerator))
    if m.group("whole") is not None:
        whole = parse_chinese_number(m.group("whole"))
        if whole is None:
            return None
        value = whole - value if whole < 0 else whole + value
    return Quantity(text=text[m.start() : m.end()], start=m.start(), end=m.end(), value=value, kind="number")


def _per_power_of_ten(numeral: str, value: float) -> int | None:
    """100, 1000, 10000... written as a bare unit (百, 千, 万, 百万): the denominators of a rate."""
    written = "".join(numeral.split())
    if written[:1] not in "百佰千仟万亿" or value < 100:  # 一百分之二 is the fraction 0.02
        return None
    power = round(math.log10(value))
    return power if 10**power == value else None


def _slash_fraction(m: re.Match, text: str) -> Quantity | None:
    denominator = int(m.group("slash_denominator"))
    if not denominator or not _HAS_NON_ASCII.search(text[m.start() : m.end()]):
        return None
    value = int(m.group("slash_numerator")) / denominator + int(m.group("slash_whole") or 0)
    return Quantity(text=text[m.start() : m.end()], start=m.start(), end=m.end(), value=value, kind="number")


def _bare_number(m: re.Match, text: str, folded: str, blocked) -> Quantity | None:
    """A number with no currency: kept only when Chinese, and not a word, an ordinal or a date."""
    start, end = m.span("number")
    numeral = folded[start:end]
    value = parse_chinese_number(numeral)
    while value is None and end - start > 1:  # 一两 (a tael): fall back to the longest readable head
        end -= 1
        numeral = folded[start:end].rstrip()
        value = parse_chinese_number(numeral)
    if value is None or not _is_chinese_number(text[start:end], numeral):
        return None
    if _inside_word(start, end, blocked) or _is_ordinal_or_date(folded, start, end, numeral):
        return None
    if m.group("dozen") and end == m.end("number"):
        value, end = value * 12, m.end("dozen")
    return _quantity(text, start, end, value, "number", numeral, hedge=_hedge(folded, start, end, numeral))


def _is_chinese_number(original: str, numeral: str) -> bool:
    has_digit = any(c.isdigit() or c in CHINESE_DIGITS or c in "十拾" for c in numeral)
    return has_digit and _HAS_NON_ASCII.search(original) is not None


def _inside_word(start: int, end: int, blocked) -> bool:
    return any(b_start <= start and end <= b_end for b_start, b_end in blocked)


_DATE_AFTER = re.compile(zh_class(vocab().zh("date_after")))


def _is_ordinal_or_date(folded: str, start: int, end: int, numeral: str) -> bool:
    """第三 is an ordinal; 1991年, 1月, 16日 are calendar dates, not amounts."""
    if start > 0 and folded[start - 1] == "第":
        return True
    after = folded[end : end + 1]
    if not _DATE_AFTER.match(after):
        return False
    is_digit_string = all(c.isdigit() or c in _ZH.digits for c in numeral)
    if after == "年":
        return is_digit_string and len(numeral) == 4
    value = parse_chinese_number(numeral)
    if after == "月":
        return value is not None and value == int(value) and 1 <= value <= 12
    return "月" in folded[max(0, start - 3) : start]


def _hedge(folded: str, start: int, end: int, numeral: str) -> str | None:
    before = _HEDGE_BEFORE.search(folded[max(0, start - 4) : start])
    if before:
        return before.group().strip()
    for mark in "多余几":
        if mark in numeral:
            return mark
    after = _HEDGE_AFTER.match(folded, end)
    return after.group().strip() if after else None


def significant_digits(numeral: str, value: float) -> int:
    """Digits the writer printed: 8.5亿 -> 2, 7000亿 -> 1, 4.800 -> 4, 四十九兆九千五百九十二亿 -> 6."""
    arabic = re.search(r"\d[\d,]*(?:\.\d+)?", numeral)
    if arabic and not any(c in _NUMERAL_CHARS for c in numeral):
        digits = arabic.group().replace(",", "")
        if "." in digits:
            return max(1, len(digits.replace(".", "").lstrip("0")))
        return max(1, len(digits.lstrip("0").rstrip("0")))
    mantissa = f"{abs(value):.12e}".split("e")[0].replace(".", "").rstrip("0")
    return max(1, len(mantissa))


@lru_cache(maxsize=256)
def scale_as_written(numeral: str) -> str | None:
    """The scale word ending the numeral: 亿 in 7000亿, 万亿 in 1.5万亿, 千 in 3千 (after a digit)."""
    stripped = numeral.rstrip()
    big = re.search(rf"[{_BIG}]+$", stripped)
    if big:
        return big.group()
    small = re.search(r"(?<=[0-9])[千百]$", stripped)
    return small.group() if small else None
