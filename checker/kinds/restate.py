"""Writing a corrected figure the way the writer wrote the original.

A suggested fix reads best in the document's own style: "600 billion yuan" corrected by a factor
of ten is "60 billion yuan", "US$8.5bn" becomes "US$85bn". When the original has no digits to
swap (a word number), or a fresh figure is needed in another currency, `format_money` writes it
in plain newsroom style ("$82 billion", "60 billion yuan").
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from checker.model import Quantity
from checker.vocab import vocab

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
# How each currency is written in a fresh amount: the `restate` of its entry in currencies.yaml.
_SCALES = sorted(((value, word) for word, value in vocab().scale_words("restate").items()), reverse=True)
_PREFIX_SYMBOLS = {c.code: c.restate.prefix for c in vocab().currencies.currencies if c.restate and c.restate.prefix}
_SUFFIX_NAMES = {c.code: c.restate.suffix for c in vocab().currencies.currencies if c.restate and c.restate.suffix}


def significant(value: float, digits: int) -> str:
    """`value` to `digits` significant digits, without trailing zeros after the point."""
    if not math.isfinite(value):
        return "(out of range)"  # never reached: the pipeline does not check such amounts
    if value == 0:
        return "0"
    exponent = math.floor(math.log10(abs(value)))
    places = digits - 1 - exponent
    # To places >= 0 the format rounds as round() does (half to even, from the float's exact value),
    # without round()'s trip through a decimal string and back: a finding prints several figures.
    text = f"{value:.{places}f}" if places >= 0 else f"{round(value, places):.0f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _group(text: str) -> str:
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}"
    return grouped + ("." + fraction if fraction else "")


_MINUS_WORD = re.compile(r"(?:minus|negative)\s+", re.IGNORECASE)


def restate(quantity: Quantity, new_value: float, digits: int | None = None) -> str:
    """`quantity.text` with its number replaced so that it means `new_value`."""
    if quantity.text.startswith("零下") and quantity.value < 0:  # 零下18华氏度 -> 14华氏度 or 零下4华氏度
        plain = replace(quantity, text=quantity.text[2:], value=-quantity.value)
        restated = restate(plain, abs(new_value), digits)
        return ("零下" + restated) if new_value < 0 else restated
    word = _MINUS_WORD.match(quantity.text)
    if word is not None and quantity.value < 0:  # "minus 9F" -> "23F" or "minus 4F": the sign is the word
        plain = replace(quantity, text=quantity.text[word.end():], value=-quantity.value)
        restated = restate(plain, abs(new_value), digits)
        return (word.group() + restated) if new_value < 0 else restated
    match = _NUMBER.search(quantity.text)
    if match is None:
        return format_money(new_value, quantity.currency, digits or 2) if quantity.currency else significant(new_value, 2)
    printed = float(match.group().replace(",", ""))
    if printed == 0:
        return format_money(new_value, quantity.currency, digits or 2)
    multiplier = quantity.value / printed
    digits = digits or max(quantity.sig_digits, 2)
    rescaled = (_with_chinese_scale(quantity.text, match, new_value, multiplier, digits)
                or _with_scale_word(quantity.text, match, new_value, multiplier, digits))
    if rescaled is not None:
        return rescaled
    number = significant(new_value / multiplier, digits)
    if "," in match.group() or abs(new_value / multiplier) >= 10_000:
        number = _group(number)
    return " ".join((quantity.text[: match.start()] + number + quantity.text[match.end() :]).split())


_SCALE_WORD = re.compile(r"\s?(" + "|".join(word for _, word in _SCALES) + r")\b")


def _with_scale_word(text: str, match: re.Match, new_value: float, multiplier: float, digits: int) -> str | None:
    """The figure in words a newsroom prints when the plain swap would not: "174 billion yuan", not
    "0.174 trillion yuan"; "109 million euros", not "109,000,000 euros". None when the swap reads well
    (or the figure is not written with an English scale word, or could take one)."""
    mantissa = abs(new_value / multiplier)
    after = _SCALE_WORD.match(text, match.end())
    has_word = after is not None
    if has_word and 1 <= mantissa < 1000:
        return None
    if not has_word and (multiplier != 1 or abs(new_value) < 1e6):
        return None
    for size, word in _SCALES:
        if abs(new_value) >= size:
            number = f"{significant(new_value / size, digits)} {word}"
            break
    else:
        return None
    rest = text[after.end():] if has_word else text[match.end():]
    return " ".join((text[: match.start()] + number + rest).split())


def _chinese_scales() -> tuple[list[tuple[float, str, str]], re.Pattern]:
    """(size, Simplified word, Traditional word) from the largest down, 万亿 included, and a pattern for
    any of them after a number: scales.yaml's 万 亿 兆 and the Traditional forms the fold maps onto them."""
    big = dict(vocab().scales.zh_big_units)
    fold = vocab().numbers.zh.fold
    traditional = {word: next((old for old, new in fold.items() if new == word), word) for word in big}
    ten_thousand, hundred_million = (min(big, key=big.get), sorted(big, key=big.get)[1])
    sizes = [(big[ten_thousand] * big[hundred_million], ten_thousand + hundred_million,
              traditional[ten_thousand] + traditional[hundred_million])]
    sizes += [(big[w], w, traditional[w]) for w in (hundred_million, ten_thousand)]
    words = {w for _, simplified, trad in sizes for w in (simplified, trad)} | set(big)
    return sizes, re.compile(r"\s*(" + "|".join(sorted(words, key=len, reverse=True)) + ")")


_CHINESE_SIZES, _CHINESE_SCALE = _chinese_scales()
_TRILLION = max(vocab().scales.zh_big_units, key=vocab().scales.zh_big_units.get)  # 兆


@lru_cache(maxsize=1)
def _traditional_forms() -> frozenset[str]:
    """Characters of Traditional copy: the CJK ones numbers.yaml folds to Simplified."""
    return frozenset(c for c in vocab().numbers.zh.fold if "\u4e00" <= c <= "\u9fff")


def _with_chinese_scale(text: str, match: re.Match, new_value: float, multiplier: float, digits: int) -> str | None:
    """"26.5亿磅", not "265,000万磅": a figure written with 万/亿 takes the scale its new value needs,
    in the script the writer used (萬, 億) and with 兆 where the writer wrote 兆. None when the swap reads well."""
    after = _CHINESE_SCALE.match(text, match.end())
    if after is None or 1 <= abs(new_value / multiplier) < 10_000:
        return None
    traditional = any(c in _traditional_forms() for c in after.group(1) + text)
    number = significant(new_value, digits)
    for size, simplified, traditional_word in _CHINESE_SIZES:
        if abs(new_value) >= size:
            word = _TRILLION if size == 1e12 and after.group(1) == _TRILLION else traditional_word if traditional else simplified
            number = significant(new_value / size, digits) + word
            break
    return text[: match.start()] + number + text[after.end():]


def format_money(value: float, currency: str | None, digits: int = 2) -> str:
    """A fresh amount in plain newsroom style: "$82 billion", "60 billion yuan", "€3.2 million"."""
    for size, word in _SCALES:
        if abs(value) >= size:
            number = f"{significant(value / size, digits)} {word}"
            break
    else:
        number = significant(value, digits)
        number = _group(number) if abs(value) >= 10_000 else number
    if currency in _PREFIX_SYMBOLS:
        return f"{_PREFIX_SYMBOLS[currency]}{number}"
    if currency in _SUFFIX_NAMES:
        return f"{number} {_SUFFIX_NAMES[currency]}"
    return f"{currency} {number}" if currency else number
