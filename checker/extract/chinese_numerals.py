"""Reading Chinese numerals ("四十九兆九千五百九十二亿", "1.5万亿", "2千零30万") into floats.

`cn2an` reads one section below 万 well (digits, 十百千, 零, elided tails like 两千四百五,
financial forms 壹贰叁), but it refuses the big-unit mixes news copy is full of (4.78万亿,
四万万, 兆, 一百零十万). So this module splits on the big units itself and hands cn2an
only the sections. Text is first folded to one form by `fold`, which never changes the
length of the string, so offsets found in the folded copy are offsets into the original.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.vocab import vocab

# Full-width ASCII (U+FF01..U+FF5E) maps to ASCII one for one; traditional and variant
# characters map to the simplified forms cn2an and our grammar know (numbers.yaml). One char -> one char.
_ZH = vocab().numbers.zh
_FOLD_TABLE = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({ord(k): v for k, v in _ZH.fold.items()})
del _FOLD_TABLE[ord("，")]  # folded only between full-width digits, see `fold`

BIG_UNITS = dict(vocab().scales.zh_big_units)
SMALL_UNITS = _ZH.small_units
CHINESE_DIGITS = _ZH.digits + _ZH.two + _ZH.formal_digits
_DIGIT_VALUE = {c: i for i, c in enumerate(_ZH.digits)}
_DIGIT_VALUE.update({c: i + 1 for i, c in enumerate(_ZH.formal_digits)})
_DIGIT_VALUE[_ZH.two] = 2


# The full-width comma ends a clause ("$20，300美圆") except between full-width digits (４，５６５).
_FULL_WIDTH_THOUSANDS = re.compile("(?<=[０-９])，(?=[０-９])")


def fold(text: str) -> str:
    """Same-length copy with full-width and traditional forms replaced by simplified ASCII-ish ones."""
    return _FULL_WIDTH_THOUSANDS.sub(",", text).translate(_FOLD_TABLE)


def parse_chinese_number(numeral: str) -> float | None:
    """The value of a folded numeral string, or None when it is not a number.

    Accepts Arabic and Chinese digits in any mix, spaces between parts, a leading 负/-,
    approximation marks (余 多 几, read as nothing: 十余万 -> 1e5) and a 点 decimal.
    """
    s = "".join(numeral.split()).replace(",", "")
    sign = 1.0
    while s[:1] in ("负", "-"):
        sign, s = -sign, s[1:]
    s = s.replace("余", "").replace("多", "").replace("几", "")
    if not s or not any(c.isdigit() or c in _DIGIT_VALUE or c in SMALL_UNITS for c in s):
        return None
    value = _parse_with_big_units(s)
    # 15 significant digits drop binary noise (2.2 x 1e8 = 220000000.00000003).
    return None if value is None else sign * float(f"{value:.15g}")


@lru_cache(maxsize=4096)
def _parse_with_big_units(s: str) -> float | None:
    """Split on the largest big unit (兆 > 亿 > 万) at its last occurrence and recurse.

    Taking the last occurrence makes stacked units multiply: 四万万 = 四万 x 万, 1.5万亿 = 1.5万 x 亿.
    """
    for unit, factor in sorted(BIG_UNITS.items(), key=lambda kv: -kv[1]):
        at = s.rfind(unit)
        if at < 0:
            continue
        head, tail = s[:at], s[at + 1 :]
        high = _parse_with_big_units(head) if head else None
        if high is None:
            return None
        low = _parse_tail(tail, factor)
        return None if low is None else high * factor + low
    return _parse_section(s)


def _parse_tail(tail: str, factor: float) -> float | None:
    """What follows a big unit: 零六 is 6, a lone digit is elided (九万四 -> 4000), 点五 is .5."""
    if not tail:
        return 0.0
    if tail.startswith("点"):
        return _parse_section("0" + tail)
    if len(tail) == 1 and tail in _DIGIT_VALUE and tail != "零":
        return _DIGIT_VALUE[tail] * factor / 10
    return _parse_with_big_units(tail.lstrip("零") or "0")


def _parse_section(s: str) -> float | None:
    """A number below the big units, possibly with a 点 decimal part."""
    whole, _, frac = s.partition("点")
    value = _parse_integer_section(whole) if whole else 0.0
    if value is None:
        return None
    if frac:
        if not all(c in _DIGIT_VALUE or c.isdigit() for c in frac) or "两" in frac:
            return None
        digits = "".join(str(_DIGIT_VALUE[c]) if c in _DIGIT_VALUE else c for c in frac)
        value += float("0." + digits)
    return value


def _parse_integer_section(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        pass
    if "两" in s and len(s) > 1 and not any(c in SMALL_UNITS for c in s):
        return None  # 两 is never a digit in a digit string: 一两 is a tael, not 12
    s = s.lstrip("零") or "零"
    if len(s) == 1 and s in _DIGIT_VALUE:  # 三, 两, 叁: what cn2an reads them as, without importing it
        return float(_DIGIT_VALUE[s])
    if s[0] in SMALL_UNITS and s[0] not in "十拾":
        s = "一" + s  # 千三 -> 一千三, 百三 -> 一百三
    # A 零 straight after 百 before the tens is redundant (一百零十 = 110); elsewhere it keeps
    # its place and a bare 十 after it means 一十 (一千零十二 = 1012).
    s = re.sub("([百佰])零([十拾])", r"\1一\2", s)
    s = s.replace("零十", "零一十").replace("零拾", "零壹拾")
    try:
        return float(_cn2an()(s, "smart"))
    except Exception:  # cn2an signals unreadable input with assorted exception types
        return None


@lru_cache(maxsize=1)
def _cn2an():
    """cn2an is imported on first use: it is only needed when there is Chinese text."""
    import cn2an

    return cn2an.cn2an


def zh_words(words) -> list[str]:
    """Words as the folded text spells them (當時 -> 当时), each once, in order."""
    return list(dict.fromkeys(fold(word) for word in words))


def zh_alternation(words) -> str:
    """A regular-expression alternation of `words`, folded, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(zh_words(words), key=len, reverse=True))


def zh_class(words) -> str:
    """A character class of single-character `words`, folded: "[年月日号]"."""
    return "[" + "".join(re.escape(c) for c in zh_words(words)) + "]"
