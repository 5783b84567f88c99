"""The numbers themselves, before anyone asks what they count: "8.5", "1,250", "two billion".

A `Numeral` is one figure as printed, with its value and precision. Whether it is money, a
percentage, a bare number or nothing at all (a year, a model name) is decided later by
`amounts`, which looks at the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.wordnum import WORD_RUN, read_words
from checker.spans import SpanIndex
from checker.vocab import alternation, vocab

_SPACE_GROUP = r"[ \u00a0\u202f\u2009]"
# The lookahead up front gives the regex engine a first-character set, so it jumps from digit to
# digit instead of trying the pattern at every position (six times faster on wire copy). A figure
# straight after "1." or "2.3." is a piece of a dotted string, but one after an ellipsis ("...9") is a figure.
DIGITS = re.compile(
    rf"""(?=[\d.])(?<!\d)(?:(?<![\d.]\.)|(?<=(?<![\d.])\.\.\.))
    (?:
        \d{{1,3}}(?:[ \t]{{1,2}}|-)\d{{1,2}}/\d{{1,3}}(?![\d/])     # 2 1/4, wire style 3-1/2
      | \d{{1,3}}(?:,\d{{3}})+(?![\d])(?:\.\d+)?          # 1,250 / 1,674,200.5
      | \d{{1,3}}(?:{_SPACE_GROUP}\d{{3}})+(?![\d,])(?:\.\d+)?  # 1 234 567 / 40 000
      | \d+(?:\.\d+)?                                    # 96 / 8.5
      | (?<![A-Za-z])\.\d+                                # .08, but "Rs.500" is Rs + 500
    )
    (?:[eE][-+]?\d+(?![\w])|\^[-+]*\d+)?                 # 1.3e6, 2.5^-1
    (?:\s*/\s*\d+(?![\d/]|\.\d))?                        # 3/4
    """,
    re.VERBOSE,
)
# Words before "one" that make it a pronoun ("the one you mentioned"), not a number.
_NUMBERS = vocab().numbers
_PRONOUN_ONE = re.compile(rf"(?:\b(?:{alternation(_NUMBERS.pronoun_before)})\s+)\Z", re.I)
_ONE_AS_PRONOUN_AFTER = re.compile(rf"\s+(?:{alternation(_NUMBERS.pronoun_after)})\b|'s\b", re.I)


@dataclass(slots=True)
class Numeral:
    """One figure as printed. `scale` is set when the words carried their own scale ("two billion")."""

    start: int
    end: int
    value: float
    sig_digits: int
    is_word: bool = False
    scale: str | None = None
    is_integer: bool = True
    digits: int = 0  # number of digits printed before the decimal point (4 for "2014")
    has_separator: bool = False


# European notation: points group thousands, a comma marks decimals ("1.144.000 kronor", "€34,50",
# "$152,4 billion"). A form only that notation writes settles a paragraph as European, unless it
# also has a form only English writes ("1,674,200", "1,250.5"); then "$121.300" there is 121,300.
# Each opens with the digit it consumes, so the engine skips in C from digit to digit (a pattern that
# opens with a lookaround is tried at every position); the lookbehind then tests the character before
# that digit: "\d(?<![\d.,]\d)\d{0,2}" is "(?<![\d.,])\d{1,3}".
_EURO_GROUPED = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:(?:\.\d{3}){2,}(?:,\d+)?|\.\d{3},\d+)(?![\d]|[.,]\d)")
_DECIMAL_COMMA = re.compile(r"\d(?<![\d.,]\d)\d{0,2},\d{1,2}(?![\d]|[.,]\d)")
_ONE_GROUP = re.compile(r"\d(?<![\d.,]\d)\d{0,2}\.\d{3}(?![\d]|[.,]\d)")
_ENGLISH_ONLY = re.compile(r"(?=\d)(?:(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d|(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d]))")
_MONEY_SIGN_BEFORE = re.compile(r"[$€£¥₹₩₽₴₺₪₫₦₱]\s?\Z")
_SCALE_OR_PERCENT_AFTER = re.compile(
    rf"\s?(?:%|(?i:{alternation(list(vocab().scale_words('after_long')) + list(vocab().scale_words('after_short')))})(?![A-Za-z]))"
)


def _european_numerals(text: str) -> list[Numeral]:
    """The figures of a paragraph written in European notation, when it uses that notation."""
    if "," not in text and text.count(".") < 2:
        return []
    found = [m for m in _EURO_GROUPED.finditer(text)]
    # A decimal comma only beside a currency sign or a scale ("€34,50", "3,76 mld"): "pages 12,13" is a list.
    found += [m for m in _DECIMAL_COMMA.finditer(text)
              if _MONEY_SIGN_BEFORE.search(text, max(0, m.start() - 2), m.start())
              or _SCALE_OR_PERCENT_AFTER.match(text, m.end())]
    if not found or _ENGLISH_ONLY.search(text):
        return []
    found += [m for m in _ONE_GROUP.finditer(text)]
    numerals = []
    for m in sorted(found, key=lambda m: m.start()):
        english = m.group().replace(".", "").replace(",", ".")
        numeral = _digit_numeral(english, m.start())
        if numeral is not None:
            numerals.append(Numeral(m.start(), m.end(), numeral.value, numeral.sig_digits,
                                    is_integer=numeral.is_integer, digits=numeral.digits, has_separator=True))
    return numerals


def find_numerals(text: str) -> list[Numeral]:
    """Every figure in `text`, in digits or words, sorted by position, never overlapping."""
    numerals = _european_numerals(text)
    if numerals:
        euro = [(n.start, n.end) for n in numerals]
        numerals += [n for m in DIGITS.finditer(text)
                     if not any(s < m.end() and m.start() < e for s, e in euro)
                     and (n := _digit_numeral(m.group(), m.start())) is not None]
        numerals.sort(key=lambda n: n.start)
    else:
        numerals = [n for m in DIGITS.finditer(text) if (n := _digit_numeral(m.group(), m.start())) is not None]
    if _has_letters(text):
        taken = SpanIndex((n.start, n.end) for n in numerals)  # bisected: a long paragraph stays linear
        for m in WORD_RUN.finditer(text):
            for w in read_words(m.group()):
                start, end = m.start() + w.start, m.start() + w.end
                if _is_pronoun_one(text, start, end) or taken.overlaps(start, end):
                    continue
                numerals.append(Numeral(start, end, w.value, _sig_of_value(w.value), True, w.scale))
        numerals.sort(key=lambda n: n.start)
    return numerals


def _has_letters(text: str) -> bool:
    return not text.isdigit()


# No figure in copy is printed with more digits than this (a float holds 17): a longer digit run is
# data (an ID, a hash, a test string), and a message or fix repeating it would be kilobytes long.
MAX_FIGURE_DIGITS = 40


def _digit_numeral(raw: str, start: int) -> Numeral | None:
    """Read a figure printed in digits; None if it does not parse."""
    reading = _digit_reading(raw)
    if reading is None:
        return None
    value, sig, is_integer, digits, has_separator = reading
    return Numeral(start, start + len(raw), value, sig, False, None, is_integer, digits, has_separator)


# Copy prints the same few figures again and again ("1", "10", "8.5", "1987"), and a figure's
# reading depends on its characters alone: each is parsed once per process, then looked up.
@lru_cache(maxsize=4096)
def _digit_reading(raw: str) -> tuple[float, int, bool, int, bool] | None:
    """(value, significant digits, is integer, digits before the point, has a separator) of a figure."""
    if "/" in raw:
        return _fraction(raw)
    if "^" in raw:
        return _power(raw)
    compact = raw.replace(",", "")
    if not compact.isascii() or " " in compact:
        for space in " \u00a0\u202f\u2009":
            compact = compact.replace(space, "")
    try:
        value = float(compact)
    except ValueError:
        return None
    mantissa = re.split(r"[eE]", compact)[0] if "e" in compact or "E" in compact else compact
    if sum(c.isdigit() for c in mantissa) > MAX_FIGURE_DIGITS:
        return None
    whole = mantissa.split(".")[0]
    return (value, sig_digits(mantissa), "." not in mantissa and "e" not in compact.lower(), len(whole),
            len(compact) != len(raw))


def _power(raw: str) -> tuple[float, int, bool, int, bool] | None:
    """"2.5^-1": a power; an even number of minus signs in the exponent cancel out."""
    base, exponent = raw.split("^")
    sign = -1 if exponent.count("-") % 2 else 1
    try:
        value = float(base.replace(",", "")) ** (sign * int(exponent.lstrip("+-")))
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    return value, sig_digits(base), False, len(base), False


def _fraction(raw: str) -> tuple[float, int, bool, int, bool] | None:
    parts = re.split(r"\s*/\s*", raw.replace("-", " "))
    if re.fullmatch(r"\d{4}", parts[0]):
        return None  # 1986/87: a season or fiscal year
    if len(parts) != 2 or not parts[1].isdigit() or int(parts[1]) == 0:
        return None
    try:
        whole_and_num = parts[0].split()
        numerator = float(whole_and_num[-1])
        whole = float(whole_and_num[0]) if len(whole_and_num) == 2 else 0.0
    except ValueError:
        return None
    value = whole + numerator / int(parts[1])
    return value, 3, False, len(parts[0]), False


def sig_digits(number: str) -> int:
    """Significant digits as printed: "8.5" -> 2, "600" -> 1, "1,250" -> 3, "0.050" -> 2."""
    digits = number.replace(",", "").lstrip("+-−")
    if "." in digits:
        return max(len(digits.replace(".", "").lstrip("0")), 1)
    return max(len(digits.lstrip("0").rstrip("0")), 1)


def _sig_of_value(value: float) -> int:
    """Precision of a number said in words: "two billion" -> 1, "twenty-one" -> 2."""
    if value == 0:
        return 1
    text = f"{abs(value):.10g}".replace(".", "").split("e")[0]
    return max(len(text.strip("0")), 1)


_HALF_OF_A_PERIOD = re.compile(rf"(?:\b(?:{alternation(_NUMBERS.period_before)})\s+)\Z", re.I)


def _is_pronoun_one(text: str, start: int, end: int) -> bool:
    """"the one you mentioned", "in the second half": words that are not counts here."""
    word = text[start:end].lower()
    if word == "half":
        return bool(_HALF_OF_A_PERIOD.search(text, max(0, start - 10), start))
    if word != "one":
        return False
    return bool(_PRONOUN_ONE.search(text, max(0, start - 12), start)) or bool(_ONE_AS_PRONOUN_AFTER.match(text, end))
