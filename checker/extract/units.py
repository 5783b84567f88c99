"""Physical quantities (lengths, areas, volumes, masses, temperatures, speeds, energy, power,
data sizes) as `Quantity(kind="physical")` with a pint unit expression in `unit`.

quantulum3 reads numbers well but is slow (quadratic on long strings) and guesses units
badly for abbreviations ("30C" coulomb, "86F" farad, "$" amounts as negative). So a compiled
grammar built from `units_lexicon` finds "number + unit word" first; the unit reported is
the lexicon's pint expression, digit numbers are read directly, and quantulum3 is asked
only about the few candidates whose number is written in words ("twenty-five miles"),
on that short candidate alone. Money, years, times and model names never get through.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.patterns import first_char_lookahead, trie_pattern
from checker.extract.wordnum import read_words
from checker.extract.units_lexicon import (
    BARE_TEMPERATURE_LETTERS,
    HEDGE_WORDS,
    NUMBER_WORDS,
    PER_IN_UNIT,
    SCALE_WORDS,
    SYMBOL_UNITS,
    WORD_UNITS,
)
from checker.model import Quantity
from checker.vocab import vocab


def _alternation(names) -> str:
    return trie_pattern(names)


_DIGITS = r"\d+\s+\d+/\d+|\d+/\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_WORD_NUMBER = rf"(?i:(?:{_alternation(NUMBER_WORDS)})(?:(?:\s+and\s+|[\s-]+)(?:{_alternation(NUMBER_WORDS)}))*)"
_UNIT = rf"(?P<unit>(?i:{_alternation(WORD_UNITS)})|{_alternation(SYMBOL_UNITS)})"
_BARE_LETTER = rf"(?P<letter>[{''.join(BARE_TEMPERATURE_LETTERS)}])"

# A candidate never starts inside a digit group ("999,999"): each group would re-read the rest of
# the chain, quadratic on a long one.
_CANDIDATE_BODY = (
    rf"(?<![A-Za-z0-9_.\-/$£€¥])(?<!\d,)(?P<sign>(?<![\w-])(?<!\d\s)-\s?)?"
    rf"(?:(?P<digits>{_DIGITS})|(?P<words>\b{_WORD_NUMBER}))"
    rf"(?P<scale>\s+(?i:{_alternation(SCALE_WORDS)}))?"
    rf"(?:(?:\s*-\s*|\s*)(?P<open>[(\[{{<])?\s*{_UNIT}(?(open)\s*[)\]}}>])(?![A-Za-z0-9_²³/]|-\d)"
    rf"|(?<=\d){_BARE_LETTER}(?![\w/\-]))"
    rf"(?P<per>\s+(?i:a|an|per)\s+(?i:day|week|month|year|annum|hour))?"
)
# The high end of a range glued by a dash ("5-10 km", "75-300mm"): the same candidate, read where the
# dash stands before it, with the low figure and the dash before that.
_LEADING_GUARDS = r"(?<![A-Za-z0-9_.\-/$£€¥])(?<!\d,)"
_RANGE_HIGH = re.compile(_CANDIDATE_BODY.replace(_LEADING_GUARDS, "", 1))
_RANGE_LOW = re.compile(rf"(?<![A-Za-z0-9_.\-/$£€¥,])(?P<low>{_DIGITS})[ \t]?[-–][ \t]?(?=\d)")
# The lookahead of the characters a candidate can start with: the scan fails at once at the other
# positions (white space, brackets, most letters) instead of trying the whole pattern there.
_CANDIDATE = re.compile(first_char_lookahead(_CANDIDATE_BODY) + _CANDIDATE_BODY)
_TEMPERATURE_CONTEXT = re.compile(
    "(?i)" + "|".join(vocab().units.temperature_context)
    + r"|\b(?:high|low)s?\s+of|\d\s?[CF]\s*\(\s*(?:-|(?i:minus)\s+)?\d+(?:\.\d+)?\s?[CF]\s*\)"
)
_PRICE_PER = re.compile(rf"(?i)\s+(?:a|per)\s+(?:{'|'.join(vocab().units.price_per)})s?\b")
_HEDGE = re.compile(rf"(?i)\b(?:{_alternation(HEDGE_WORDS)})\s+$")
_UNIT_PREFILTER = re.compile(r"\d|(?i:\b(?:" + _alternation(NUMBER_WORDS) + r")\b)")


def find_physical(text: str) -> list[Quantity]:
    """Physical quantities in `text`, in order; a range or dimension ("2.3cm x 2.3cm") gives one per number."""
    if not text or not _UNIT_PREFILTER.search(text):
        return []
    found = []
    for match in _CANDIDATE.finditer(text):
        quantity = _read(match, text)
        if quantity is not None:
            found.append(_with_inches(quantity, text))
    if "-" in text or "–" in text:
        found = _with_ranges(text, found)
    return found


def _with_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """"5-10 km", "75-300mm", "2.5–3 metres": one range, its low end in `value` and its high in `high`.
    The dash keeps the high figure from being read alone (a dash glued to a figure is no sign), so it
    is read here, after the low figure."""
    ranges = []
    for low in _RANGE_LOW.finditer(text):
        high_match = _RANGE_HIGH.match(text, low.end())
        if high_match is None or high_match.group("sign") or high_match.group("words"):
            continue
        high = _read(high_match, text)
        if high is None or high.value <= 0:
            continue
        value = _read_digits(low.group("low"))
        if high.scale:
            value *= SCALE_WORDS[high.scale]
        if not 0 <= value < high.value:
            continue  # "10-5 km" is no range; a score or a code
        start = low.start()
        hedge = _HEDGE.search(text, max(0, start - 20), start)
        ranges.append(Quantity(
            text=text[start : high.end], start=start, end=high.end, value=float(f"{value:.15g}"), kind="physical",
            unit=high.unit, high=high.value, scale=high.scale, per=high.per,
            hedge=hedge.group().strip().lower() if hedge else None,
            sig_digits=max(_significant_digits(low.group("low")), high.sig_digits),
        ))
    if not ranges:
        return found
    kept = [q for q in found if not any(r.start <= q.start < r.end for r in ranges)]
    return sorted(kept + ranges, key=lambda q: q.start)


# "6 ft 6 in", "5 feet 11 inches", "6ft 2in": one height, in feet
_INCHES_AFTER = re.compile(r"[ \t]*(?:and[ \t]+)?(?P<inches>\d{1,2}(?:\.\d+)?)[ \t]*(?:in\b\.?|inch(?:es)?\b|\"|″)")


def _with_inches(quantity: Quantity, text: str) -> Quantity:
    if quantity.unit != "foot" or quantity.is_range:
        return quantity
    match = _INCHES_AFTER.match(text, quantity.end)
    if match is None or float(match.group("inches")) >= 12:
        return quantity
    quantity.value += float(match.group("inches")) / 12
    quantity.end = match.end()
    quantity.text = text[quantity.start : quantity.end]
    quantity.sig_digits = max(quantity.sig_digits, 2)
    return quantity


def _read(m: re.Match, text: str) -> Quantity | None:
    unit = _unit_of(m, text)
    if unit is None or _inside_a_name(m, text):
        return None
    value = _value_of(m)
    if value is None:
        return None
    if unit == "pound" and _PRICE_PER.match(text, m.end()):
        return None  # "200 pounds per tonne" is a price in sterling: money, not mass
    end = m.end("per") if m.group("per") else m.end()
    start = m.start()
    minus = _MINUS_WORD.search(text, max(0, start - 12), start)
    if minus is not None and value > 0 and not m.group("sign"):
        value, start = -value, minus.start()  # "minus 10 degrees Celsius"
    per = m.group("per").split()[-1].lower() if m.group("per") else PER_IN_UNIT.get((m.group("unit") or "").lower())
    hedge = _HEDGE.search(text, max(0, start - 20), start)
    return Quantity(
        text=text[start:end], start=start, end=end, value=value, kind="physical", unit=unit,
        scale=m.group("scale").strip().lower() if m.group("scale") else None,
        hedge=hedge.group().strip().lower() if hedge else None,
        sig_digits=_significant_digits(m.group("digits")), per=per,
    )


_MINUS_WORD = re.compile(r"\b(?:minus|negative)\s+\Z", re.IGNORECASE)
_CAPITALISED_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_TITLE_CASE = re.compile(r"[A-Z][a-z]{2,}(?:\s+[A-Z]?[a-z]+)*\Z")


def _inside_a_name(m: re.Match, text: str) -> bool:
    """"Three Mile Island", "Nine Inch Nails", "ONEMI", "FT-SE": a unit word that is part of a
    proper name or of another word, not a measure."""
    unit_start = m.start("unit") if m.group("unit") else -1
    if unit_start < 0:
        return False
    if m.group("words") and unit_start == m.end("words"):
        return True  # "ONEMI": a number word glued to letters is part of a word
    if m.end("unit") < len(text) - 1 and text[m.end("unit")] == "-" and text[m.end("unit") + 1].isalpha():
        return True  # "FT-SE 100", "Mile-End"
    if not _TITLE_CASE.match(m.group("unit")):
        return False
    number_is_title = bool(m.group("words")) and m.group("words")[0].isupper()
    return number_is_title or bool(_CAPITALISED_WORD_AFTER.match(text, m.end("unit")))


def _unit_of(m: re.Match, text: str) -> str | None:
    letter = m.group("letter")
    if letter is not None:
        window = text[max(0, m.start() - 100) : m.end() + 100]
        return BARE_TEMPERATURE_LETTERS[letter] if _TEMPERATURE_CONTEXT.search(window) else None
    surface = m.group("unit")
    if surface in SYMBOL_UNITS:
        return SYMBOL_UNITS[surface]
    return WORD_UNITS.get(" ".join(surface.lower().split()))


def _value_of(m: re.Match) -> float | None:
    digits, words = m.group("digits"), m.group("words")
    value = _read_digits(digits) if digits is not None else _read_number_words(words)
    if value is None:
        return None
    if m.group("scale"):
        value *= SCALE_WORDS[m.group("scale").strip().lower()]
    value = float(f"{value:.15g}")  # 8.38 x 1e6 = 8380000.000000001 in binary
    return -value if m.group("sign") else value


def _read_digits(digits: str) -> float:
    whole, _, fraction = digits.replace(",", "").rpartition(" ") if "/" in digits else ("", "", digits.replace(",", ""))
    if "/" in fraction:
        numerator, denominator = fraction.split("/")
        part = int(numerator) / int(denominator) if int(denominator) else 0.0
        return float(whole or 0) + part
    return float(fraction)


def _read_number_words(words: str) -> float | None:
    """Number words: the project's own reader first (quantulum3 costs about a second to import and
    compile its patterns, more than reading a whole wire archive), quantulum3 for what it misses."""
    spoken = read_words(words)
    if len(spoken) == 1 and spoken[0].end - spoken[0].start == len(words.strip()):
        return spoken[0].value
    value = _quantulum_number(" ".join(words.lower().split()))
    if value is None:
        value = NUMBER_WORDS.get(" ".join(words.lower().split()))
    return value


@lru_cache(maxsize=1024)
def _quantulum_number(words: str) -> float | None:
    try:
        parsed = _quantulum_parser().parse(words)
    except Exception:  # quantulum3 fails on odd input in many ways; a miss is not an error
        return None
    return float(parsed[0].value) if parsed else None


@lru_cache(maxsize=1)
def _quantulum_parser():
    """quantulum3 costs a noticeable import and is needed only for number words."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


def _significant_digits(digits: str | None) -> int:
    if not digits or "/" in digits:
        return 3
    plain = digits.replace(",", "")
    if "." in plain:
        return max(1, len(plain.replace(".", "").lstrip("0")))
    return max(1, len(plain.lstrip("0").rstrip("0")))


@lru_cache(maxsize=1)
def get_ureg():
    """One shared pint registry. Parsing pint's definitions takes about 0.3 s, so they are kept in
    pint's own disk cache (0.01 s to load); where that cache cannot be written, they are parsed."""
    import pint

    try:
        registry = pint.UnitRegistry(cache_folder=":auto:")
    except Exception:  # a read-only or broken cache directory must never stop a lint
        registry = pint.UnitRegistry()
    for unit in vocab().units.units:  # units pint lacks (亩, 斤, 两): their definitions are vocab data
        for definition in unit.definitions:
            registry.define(definition)
    return registry
