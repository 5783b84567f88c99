"""English numbers written in words: "two billion", "half a billion", "twenty-one", "two thirds".

`WORD_RUN` finds stretches of number words; `read_words()` turns one stretch into one or more
numbers (a stretch like "three nought four" is three numbers, not one). Hand-written because
the job needs character spans and scale words that the word-to-number libraries do not give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.patterns import first_char_lookahead, trie_pattern
from checker.vocab import vocab

_V = vocab()
UNITS = {**_V.numbers.cardinals, **_V.numbers.formal_cardinals}
UNITS = {word: UNITS[word] for word in sorted(UNITS, key=UNITS.get)}  # zero, nought, ... nineteen
TENS = dict(_V.numbers.tens)
BIG_SCALES = {word: value for word, value in _V.scale_words("spoken").items() if value > 100}
DOZEN = {word: int(value) for word, value in _V.scale_words("spoken").items() if value == 12}
# Denominators of fractions. "first" and "second" are left out: "a first class seat" is no number.
ORDINALS = {word: (int(value) if value == int(value) and value < 1e3 else value) for word, value in _V.numbers.ordinals.items()}
ORDINAL_FORMS = {**ORDINALS, **{w + "s": v for w, v in ORDINALS.items() if not w.endswith("s")}}
ORDINAL_FORMS.update({"firsts": 1, "first": 1})  # only inside compounds: "three twenty-firsts"

_CARDINAL_WORDS = [*UNITS, *TENS, "hundred", *BIG_SCALES, *(w + "s" for w in BIG_SCALES)]


_WORD = trie_pattern(sorted({*_CARDINAL_WORDS, *DOZEN, *ORDINAL_FORMS, "point"}))
_JOIN = r"(?:\s*-\s*|\s+)(?:(?:and|a|an|of)\s+)*"
# A run starts with a number word (or "a"/"an" before a scale or fraction) and is a sequence of
# number words joined by spaces, hyphens, "and", "a", "of".
_RUN = rf"(?:(?:minus|negative)\s+)?(?:(?:an?|half|one)\s+(?=(?:{_WORD})\b))?(?:{_WORD})(?:{_JOIN}(?:{_WORD}))*(?![\w])"
# The lookahead of a run's first letters, after the test for a word start: the scan over every
# paragraph fails at once on most positions instead of trying the word trie (0.6 of the time).
WORD_RUN = re.compile(rf"(?<![\w-]){first_char_lookahead(_RUN, re.IGNORECASE)}{_RUN}", re.IGNORECASE)
# A cheap test that a text holds any number word at all (the prefilter).
ANY_NUMBER_WORD = re.compile(rf"\b(?:{_WORD})\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+")


@dataclass(slots=True, frozen=True)
class WordNumber:
    """One number read from words; offsets are relative to the run."""

    start: int
    end: int
    value: float
    scale: str | None  # the last scale word, as written ("billion")


class _Reader:
    """Left-to-right reader over the tokens of one run, emitting a number at each break."""

    def __init__(self, run: str, tokens: list[tuple[str, int, int]]):
        self.run = run
        self.tokens = tokens
        self.results: list[WordNumber] = []

    def read(self) -> list[WordNumber]:
        i = 0
        while i < len(self.tokens):
            end_i, value, scale = self._number(i)
            if end_i == i:  # nothing readable here
                i += 1
                continue
            start = self.tokens[i][1]
            end = self.tokens[end_i - 1][2]
            self.results.append(WordNumber(start, end, value, scale))
            i = end_i
        return self.results

    def _compound_ordinal(self, i: int) -> bool:
        """Tens followed by "first".."ninth": hyphenated, or "first(s)", which is never a denominator alone."""
        nxt = self._word(i + 1)
        if nxt not in ORDINAL_FORMS or ORDINAL_FORMS[nxt] >= 10 or nxt in ("half", "halves", "quarter", "quarters"):
            return False
        hyphenated = "-" in self.run[self.tokens[i][2]:self.tokens[i + 1][1]]
        # "one hundred thirty fifths" is 100/35, while "one hundred and thirty fifths" is 130/5
        after_count = i > 0 and self._word(i - 1) not in ("and", "a", "an", "minus", "negative")
        return hyphenated or nxt in ("first", "firsts") or after_count

    def _scale_follows(self, i: int) -> bool:
        while self._word(i) in ("of", "a", "an"):
            i += 1
        word = self._word(i)
        return bool(word) and (word.rstrip("s") in BIG_SCALES or word in DOZEN)

    def _word(self, i: int) -> str | None:
        return self.tokens[i][0] if i < len(self.tokens) else None

    def _number(self, i: int) -> tuple[int, float, str | None]:
        """Read one number from token i; returns (next index, value, scale word).

        `total` holds what is complete (multiplied by a big scale), `current` the part under
        a thousand being read, and `group` the part of `current` read since the last "and",
        which is the numerator if a fraction word follows ("twenty and three fifths").
        """
        sign, first = 1.0, i
        if self._word(i) in ("minus", "negative"):
            sign, i = -1.0, i + 1
        start = i
        total = current = group = 0.0
        seen = False
        scale_word = None
        last_kind = None  # "unit" | "tens" | "hundred" | "scale" | "frac" | "point" | "a"
        last_big = 1.0
        kind_before_and = None
        group_words = 0
        while i < len(self.tokens):
            word = self._word(i)
            nxt = self._word(i + 1)
            if word in ("and", "of"):
                if nxt is None or not seen:
                    break
                group, group_words = 0.0, 0
                kind_before_and = last_kind
                i += 1
                continue
            if word in ("a", "an"):
                if nxt is None or nxt in UNITS or (nxt in TENS and not self._compound_ordinal(i + 1)):
                    break
                if nxt in TENS:  # "a twenty-first"
                    current = group = 1.0
                    seen, last_kind = True, "a"
                    i += 1
                    continue
                if seen and last_kind not in ("scale", "hundred", "frac") and nxt not in ORDINAL_FORMS and nxt not in BIG_SCALES:
                    break
                if nxt in ORDINAL_FORMS:
                    group, last_kind, group_words = 1.0, "a", 1
                    current += 1.0
                elif not seen:
                    current = group = 1.0
                    last_kind = "a"
                seen = True
                i += 1
                continue
            if word == "point" and seen and last_kind in ("unit", "tens", "hundred", "scale"):
                decimals, j = _read_decimals(self.tokens, i + 1)
                if j == i + 1:
                    break
                current += decimals
                i, last_kind = j, "point"
                continue
            if word in UNITS:
                fraction_follows = kind_before_and is not None and self._word(i + 1) in ORDINAL_FORMS
                if (last_kind in ("unit", "point", "frac") and not fraction_follows) or (last_kind == "tens" and (current % 10 or UNITS[word] >= 10)):
                    break
                current += UNITS[word]
                group += UNITS[word]
            elif word in TENS and self._compound_ordinal(i) and not seen:
                break  # "the twenty-first century": an ordinal, no number
            elif word in TENS and self._compound_ordinal(i):
                # "twenty-first", "three twenty-fifths": tens and an ordinal make one denominator
                denominator = TENS[word] + ORDINAL_FORMS[self._word(i + 1)]
                numerator = (total + current) or 1.0
                total, current, group = numerator / denominator, 0.0, 0.0
                seen, last_kind = True, "frac"
                i += 2
                continue
            elif word in TENS:
                if last_kind in ("unit", "tens", "point", "frac"):
                    break
                current += TENS[word]
                group += TENS[word]
            elif not seen and (word == "hundred" or word in DOZEN or word.rstrip("s") in BIG_SCALES):
                break  # "millions of", "dozens of": no number without a count before it
            elif word == "hundred" or word in DOZEN:
                if last_kind in ("point", "frac") or (word == "hundred" and last_kind == "hundred"):
                    break
                factor = 100 if word == "hundred" else 12
                current += (group or 1.0) * factor - group
                group = (group or 1.0) * factor
            elif word.rstrip("s") in BIG_SCALES:
                big = BIG_SCALES[word.rstrip("s")]
                if last_kind == "scale" and big > last_big and current == 0:
                    total *= big  # "three lakh crore"
                else:
                    total += (current or 1.0) * big
                current = group = 0.0
                last_big, scale_word = big, self.tokens[i][0]
            elif word in ORDINAL_FORMS:
                if word in ("first", "firsts") or last_kind == "frac":
                    break
                if not seen and not (word == "half" or (word in ("quarter", "quarters") and self._scale_follows(i + 1))):
                    break
                # "twenty and three fifths": after "and" a one-word count is the numerator of its own
                # fraction; otherwise the whole number read so far is ("twenty-three fifths")
                if kind_before_and is not None and last_kind in ("unit", "a") and group_words == 1:
                    numerator = group or 1.0
                else:
                    numerator = (total + current) or 1.0
                    total = current = group = 0.0
                fraction = numerator / ORDINAL_FORMS[word]
                current -= group
                group = 0.0
                i += 1
                # "half a billion", "two thirds of a million": the fraction is of the scale after it
                j = i
                while self._word(j) in ("of", "a", "an"):
                    j += 1
                after = self._word(j)
                if after and after.rstrip("s") in BIG_SCALES:
                    big = BIG_SCALES[after.rstrip("s")]
                    fraction *= big
                    scale_word, i = self.tokens[j][0], j + 1
                elif after in DOZEN:
                    fraction *= 12
                    i = j + 1
                elif kind_before_and == "scale" and current == 0:
                    fraction *= last_big  # "three million and a half"
                total += fraction
                seen, last_kind = True, "frac"
                continue
            else:
                break
            seen = True
            last_kind = _kind(word)
            group_words += 1
            i += 1
        while i > start and self._word(i - 1) in ("and", "of", "a", "an"):
            i -= 1
        if not seen or i == start:
            return first, 0.0, None
        return i, sign * (total + current), scale_word


def _kind(word: str) -> str:
    if word in UNITS:
        return "unit"
    if word in TENS:
        return "tens"
    if word == "hundred" or word in DOZEN:
        return "hundred"
    return "scale"


def read_words(run: str) -> tuple[WordNumber, ...]:
    """All numbers in one run of number words (see `WORD_RUN`). A run's numbers depend on its
    words alone and copy repeats its runs ("million", "billion", "one"): each is read once, and
    the numbers (offsets into the run) are shared, so they are never changed."""
    return _read_words(run)


@lru_cache(maxsize=4096)
def _read_words(run: str) -> tuple[WordNumber, ...]:
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(run)]
    return tuple(r for r in _Reader(run, tokens).read() if _kept(run, r))


def _read_decimals(tokens: list[tuple[str, int, int]], i: int) -> tuple[float, int]:
    """The digits spoken after "point": "point zero three" -> 0.03, "point seventy-one" -> 0.71."""
    words = []
    j = i
    while j < len(tokens) and (tokens[j][0] in UNITS or tokens[j][0] in TENS):
        words.append(tokens[j][0])
        # "seventy-one" after "point" is the two digits 7 and 1
        if tokens[j][0] in TENS and j + 1 < len(tokens) and tokens[j + 1][0] in UNITS and UNITS[tokens[j + 1][0]] < 10:
            words[-1] = str(TENS[tokens[j][0]] // 10)
            j += 1
            words.append(tokens[j][0])
        j += 1
    digits = "".join(w if w.isdigit() else str(UNITS.get(w, TENS.get(w, ""))) for w in words)
    return (float("0." + digits) if digits else 0.0), j


def _kept(run: str, number: WordNumber) -> bool:
    """Drop readings that are not numbers in prose: a lone "a", a lone fraction word."""
    text = run[number.start:number.end].lower()
    return text not in ("a", "an")
