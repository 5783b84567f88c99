"""What is never an amount: years, dates, times, model names, codes, URLs, handles, scores.

Two kinds of test. `blocked_zones()` finds stretches where nothing is an amount at all (a URL,
an e-mail address, a hashtag, a phone number, a numeric date, a clock time); `is_not_a_count()`
judges one bare figure by its neighbours (a year, a day of the month, "Boeing 737", "No. 1").
Money and percentages are judged only by the zones: "$2014" is money, "in 2014" is not.
"""

from __future__ import annotations

import re

from checker.vocab import alternation, vocab

_WORDS = vocab().exclusions
_MONTH = rf"(?:{alternation(_WORDS.months)})"
# Each zone pattern runs only when its cheap gate (a substring) is in the text: most prose has
# no "@" or "://", and scanning for them costs more than everything else in extraction.
_ZONE_PATTERNS: list[tuple[tuple[str, ...], re.Pattern]] = [
    (("://", "www."), re.compile(r"(?:https?://|ftp://|www\.)\S+")),
    (("@",), re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (("#", "@"), re.compile(r"(?<![\w&])[#@][A-Za-z_]\w*")),
    ((".com", ".org", ".net", ".gov", ".edu", ".io", ".ai", ".cn", ".uk"),
     re.compile(rf"\b[\w-]+\.(?:{alternation(_WORDS.web_domains)})(?:/\S*)?\b")),
    # Figures that are dates, clock times, IP addresses or phone numbers. One pattern that starts
    # with a digit class, so the engine skips ahead to digits instead of trying every position.
    (("/", "-", ".", ":", "+"), re.compile(
        r"""[(+\d](?<![\w.]\d)(?<![\w.][(+])(?:
            (?<=\d)\d{0,3}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)        # 5/17/2018, 2018-05-17, 17.05.2018
          | (?<=\d)\d?:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?       # 10:30, 10:30 pm
          | (?<=\d)\d{0,2}(?:\.\d{1,3}){3}(?!\.?\d)             # IP addresses
          | (?<=\d)\d{3}/(?:\d{2}){1,2}(?!\d)                   # 2024/25: a season or fiscal year
          | (?<=\+)\d{1,3}(?:[\s-]\d{2,5}){2,}(?:/\d+)?          # +1-222-2222
          | (?:(?<=\+)\d{1,3}[\s-]?\(?|(?<=\()|(?<=\d))\d{2,3}\)?[\s-]\d{3}-\d{4}(?!\d)  # (212) 555-1234
        )""",
        re.VERBOSE,
    )),
    # US ZIP: NY 10001. Opening with the capital it consumes lets the engine skip to capitals in C;
    # the lookbehind is the word boundary before it ("\b[A-Z]" is "[A-Z](?<!\w[A-Z])").
    ((" ",), re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]\s\d{5}(?:-\d{4})?\b")),
]

# Words that name a product line or a numbered thing when a figure follows them.
_NAMED_BEFORE = re.compile(rf"(?:\b(?:{alternation(_WORDS.named_before)})\.?\s+|\#)\Z")
_NAMED_AFTER = re.compile(rf"\s*(?:{alternation(_WORDS.named_after)})\b|-(?:Series|series|Class|class)\b")  # "5-Series" models
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*\.?\s*\Z")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b")
# A clock word ending in a letter must end a word ("10 am", not "10 amps"); "a.m." ends itself.
_CLOCK_AFTER = re.compile(
    rf"\s*(?:(?:{alternation(w for w in _WORDS.clock_after if w[-1].isalpha())})\b"
    rf"|{alternation(w for w in _WORDS.clock_after if not w[-1].isalpha())})"
)
_YEAR_CUES_BEFORE = re.compile(rf"\b(?:{alternation(_WORDS.year_cues_before)})\s*-?\s*\Z", re.I)
_GLUED_LETTER_AFTER = re.compile(r"[A-Za-z]")


# Each pattern's gates as one search: one pass over the text instead of one per gate.
_GATES = [re.compile("|".join(re.escape(gate) for gate in gates)) for gates, _ in _ZONE_PATTERNS]


def blocked_zones(text: str) -> list[tuple[int, int]]:
    """Stretches in which no amount is read: URLs, e-mail, handles, numeric dates, times, phones."""
    zones = []
    for gate, (_, pattern) in zip(_GATES, _ZONE_PATTERNS):
        if gate.search(text):
            zones.extend(m.span() for m in pattern.finditer(text))
    return zones


# Classifiers after a Chinese count: 1860家, 2000人, 1500辆 (a year is followed by 年).
def _chinese_count_words() -> frozenset[str]:
    """Single-character counters, units and currency and scale words, in both scripts."""
    v = vocab()
    simplified = {w for w in v.zh("counters") if len(w) == 1}
    simplified |= {w for u in v.units.units for w in u.zh if len(w) == 1 and not u.zh_context and not u.zh_not_before}
    simplified |= {w for c in v.currencies.currencies for w in c.zh_names if len(w) == 1}
    simplified |= {w for f in v.families.families for w in f.zh_names if len(w) == 1}
    simplified |= set(v.scales.zh_big_units)
    traditional = {old for old, new in v.numbers.zh.fold.items() if new in simplified}
    return frozenset(simplified | traditional)


_CHINESE_COUNT_WORDS = _chinese_count_words()


def is_year(text: str, start: int, end: int, value: float, digits: int, is_integer: bool, has_separator: bool) -> bool:
    """A four-digit whole number a writer would print as a year (1800-2100), or a year after a cue."""
    if not is_integer or has_separator or digits != 4:
        return False
    if text[end : end + 1] in _CHINESE_COUNT_WORDS:
        return False  # "新增企业1860家": a Chinese classifier makes it a count
    if 1800 <= value <= 2100:
        return True
    return bool(_YEAR_CUES_BEFORE.search(text, max(0, start - 12), start)) and 1000 <= value <= 2200


def is_not_a_count(text: str, start: int, end: int, value: float, is_integer: bool) -> bool:
    """A bare figure that names or dates something rather than counting it."""
    if end < len(text) and _GLUED_LETTER_AFTER.match(text, end):
        return True  # 4th, 1990s, 3D, 29km (units are read elsewhere)
    window = max(0, start - 24)
    if _NAMED_BEFORE.search(text, window, start) or _NAMED_AFTER.match(text, end):
        return True
    if is_integer and 1 <= value <= 31:
        if _MONTH_BEFORE.search(text, window, start) or _MONTH_AFTER.match(text, end):
            return True
    if _CLOCK_AFTER.match(text, end):
        return True
    return False


def is_score(low: float, high: float, low_int: bool, high_int: bool) -> bool:
    """"3-1", "2-2": a result, not a range (ranges are written low to high)."""
    return low_int and high_int and 0 <= high <= low <= 30


_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_SENTENCE_START_BEFORE = re.compile(r"(?:\A|[.!?:;\"'“(\n]\s*|\A\s*)\Z")


def is_name_word(text: str, start: int, end: int) -> bool:
    """"Three Mile Island", "Three Gorges Dam", "Four Seasons": a capitalised number word inside a
    name. At the start of a sentence capitals say nothing, so the figure stays."""
    if not text[start].isupper() or not _CAPITALISED_AFTER.match(text, end):
        return False
    return not _SENTENCE_START_BEFORE.search(text, max(0, start - 3), start)
