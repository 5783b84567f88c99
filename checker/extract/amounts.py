"""The English amount grammar: a numeral plus the words around it makes money, a percentage or a number.

    [hedge] [-] [currency prefix] NUMERAL [scale] [- NUMERAL [scale]] [currency suffix | %] [per unit]

Each figure found by `numerals` is read outwards: a currency symbol or code before it, a scale
word, a range partner, a currency name or a percent sign after it, a hedge before everything.
Everything is a compiled regular expression run at a known position, so reading a long wire
story costs one pass over its figures.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass
from functools import lru_cache

from checker.documents.datelines import with_dateline
from checker.extract import exclusions, lexicon
from checker.extract.numerals import Numeral
from checker.extract.patterns import trie_pattern
from checker.model import Quantity
from checker.spans import SpanIndex
from checker.vocab import alternation, derived, longest_first, vocab

_V = vocab()


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=longest_first))


# --- before the figure ---------------------------------------------------------------------
# "US$", "hk $", "c $" (tokenised copy); a lone "A" only glued ("A$"), since "a $5 fee" is English.
_QUALIFIED_DOLLAR = lexicon.QUALIFIED_DOLLAR
_GLUED_SYMBOLS = [s for s in lexicon.PREFIX_SYMBOLS if not re.fullmatch(r"[A-Za-z. ]*\$", s)]
_WORDLIKE_SYMBOLS = [s for s in _GLUED_SYMBOLS if s[0].isalpha()]
_SIGN_SYMBOLS = [s for s in _GLUED_SYMBOLS if not s[0].isalpha()]
CURRENCY_BEFORE = re.compile(
    rf"""(?P<lead>(?:(?<=[\s(\[])|^)[-−])?
    (?P<cur>{_QUALIFIED_DOLLAR}
      | (?<![A-Za-z&])(?:{_alternation(_WORDLIKE_SYMBOLS)})  # not the P of "S&P 500"
      | (?:{_alternation(_SIGN_SYMBOLS + ["$"])})
      | (?<![A-Za-z])(?:{_alternation(lexicon.ISO_CODES | lexicon.LOWERCASE_CODES | lexicon.CODES_BEFORE)})(?![A-Za-z]{{2}})
    )
    (?P<gap>[ \u00a0]?)(?P<neg>[-−]?)\Z""",
    re.VERBOSE,
)
# The characters CURRENCY_BEFORE's currency can end with (its letters matched in their case; a
# qualified dollar ends in "$"): without one among the three characters before a figure, it cannot match.
_CURRENCY_LAST_CHARS = frozenset(
    s[-1] for s in [*_WORDLIKE_SYMBOLS, *_SIGN_SYMBOLS, "$", *lexicon.ISO_CODES, *lexicon.LOWERCASE_CODES,
                    *lexicon.CODES_BEFORE]
)
MINUS_WORDS = ("minus", "negative")
MINUS_BEFORE = re.compile(rf"(?:(?:^[-−]\s?)|(?<=[\s(\[])[-−]|\b(?i:{'|'.join(MINUS_WORDS)})\s+)\Z")
# The hedges as a trie: at any one position at most one hedge can be followed by white space to the
# end (none ends in a space), so it reads the same hedge as the plain alternation, trying fewer.
HEDGE_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<hedge>(?i:{trie_pattern(lexicon.HEDGES, space=chr(92) + ' ')}))\s+\Z")
# The finite change verbs (changes.yaml): after one, "from 5 to 6 billion" is a change, not a range.
_CHANGE_WORDS = alternation(
    [*_V.changes.up.verbs, *_V.changes.up.adverbs, *_V.changes.down.verbs, *_V.changes.down.adverbs,
     *_V.changes.neutral.verbs, *_V.changes.multipliers]
)
CHANGE_CUE_BEFORE = re.compile(rf"\b(?i:from|{_CHANGE_WORDS})\b[^.;]{{0,30}}\Z")
# Before "from": "rose from 5 to 6 billion" is a change, "estimated at from 5 to 6 billion" a range.
CHANGE_VERB_BEFORE = re.compile(rf"\b(?i:{_CHANGE_WORDS})\b[^.;,]{{0,25}}\Z")
RANGE_OPENER_BEFORE = re.compile(r"(?<![A-Za-z])(?P<word>(?i:between|from))\s+\Z")


def _last_chars(words) -> re.Pattern:
    """The characters `words` can end with, in any case (as the patterns that read them match)."""
    return re.compile(f"(?i:[{''.join(sorted({re.escape(w[-1]) for w in words}))}])")


def _word_then_space_before(text: str, start: int, low: int, last_chars: re.Pattern) -> bool:
    """Whether text[low:start] ends in white space after a character in `last_chars`: what every
    word-then-space-to-the-figure pattern (a hedge, "from", "between") needs, tested before its
    search tries each position of the window (most figures follow a bracket, a sign or a comma)."""
    i = start
    while i > low and text[i - 1].isspace():
        i -= 1
    return low < i < start and last_chars.match(text, i - 1) is not None


_A_LETTER = re.compile(r"[^\W\d_]")  # how RANGE_OPENER_BEFORE's words end
_HEDGE_LAST = _last_chars(lexicon.HEDGES)
_MINUS_LAST = re.compile(rf"[-−]|{_last_chars(MINUS_WORDS).pattern}")  # how MINUS_BEFORE's signs and words end
LETTER_OR_CODE_BEFORE = re.compile(r"(?:[A-Za-z_]|[A-Za-z\d]-)\Z")

# --- after the figure ----------------------------------------------------------------------
# Possessive (*+): the gap never gives back a space, so a figure followed by thousands of spaces
# (indentation kept by a plain-text fallback) costs one pass, not one per way to split the run.
_GAP = r"(?:[ \t\u00a0]*+(?:\n[ \t\u00a0]*+)?)"
_LONG_SCALES = rf"(?i:{alternation(_V.scale_words('after_long'))})"
SCALE_AFTER = re.compile(
    rf"(?:{_GAP}|-)(?P<scale>{_LONG_SCALES}|{alternation(_V.scale_words('after_short'))})(?![A-Za-z])"
)
SECOND_SCALE_AFTER = re.compile(rf"{_GAP}(?P<scale>(?i:{alternation(_V.scale_words('second'))}))(?![A-Za-z])")
_SCALE_VALUES = {k.lower(): v for k, v in lexicon.SCALES.items()}
# A Chinese big unit after a symbol amount ("$8.5亿", "US$1.2萬億" in Chinese copy): the amount is
# 8.5e8 dollars, not 8.5; Traditional forms fold onto the vocabulary's units.
_ZH_BIG_VALUES = _V.zh_big_unit_values()
ZH_BIG_AFTER = re.compile(rf" ?(?P<scale>[{''.join(_ZH_BIG_VALUES)}]+)")
_COUNTING_SCALES = set(_V.scale_words("counting"))
_SHORT_NUMBER_SCALES = set(_V.scale_words("number"))
# Short scales that are only scales where nothing else can be meant ("1m" may be a metre).
_RESTRICTED_SCALES = frozenset(word.lower() for word in _V.scale_words("restricted"))

_NAME_GROUPS = [(f"n{i}", pattern, iso, alts) for i, (pattern, iso, alts) in enumerate(lexicon.NAME_PATTERNS)]
CURRENCY_AFTER = re.compile(
    rf"""(?:{_GAP}|\s*-\s*)(?:
        {"|".join(f"(?P<{name}>(?i:{pattern}))" for name, pattern, _, _ in _NAME_GROUPS)}
      | (?P<won>won)
      | (?P<code>{_alternation(lexicon.ISO_CODES | lexicon.LOWERCASE_CODES_AFTER)})
      | (?P<symbol>{_alternation(lexicon.SUFFIX_SYMBOLS)})
    )(?![A-Za-z])""",
    re.VERBOSE,
)
_NAME_INFO = {name: (iso, alts) for name, _, iso, alts in _NAME_GROUPS}
_LETTERS = frozenset(string.ascii_letters)
_SECOND_CHARS = frozenset(string.ascii_letters + " .$")
_GAP_AND_DASHES = re.compile(r"[\s\-]*")


@lru_cache(maxsize=1)
def _possible_name_starts() -> frozenset[str]:
    """Every two-character start (letter, then letter/space/dot/$) that some currency word after a
    figure can have, found once with the `regex` package's partial matching."""
    body = "|".join(f"(?i:{pattern})" for _, pattern, _, _ in _NAME_GROUPS)
    codes = lexicon.ISO_CODES | lexicon.LOWERCASE_CODES_AFTER | set(lexicon.SUFFIX_SYMBOLS)
    pattern = rf"(?:{body}|won|{_alternation(codes)})"  # longest first, then alphabetical: the same every run

    def compute() -> frozenset[str]:
        import regex

        names = regex.compile(pattern)
        return frozenset(a + b for a in string.ascii_letters for b in _SECOND_CHARS if names.match(a + b, partial=True))

    # The set depends only on the pattern's text, so it is kept across runs (it costs a tenth of a
    # second of start-up: the `regex` import, a compile and 2,800 partial matches).
    return derived("name-starts", pattern + "\0" + "".join(sorted(_SECOND_CHARS)), compute)


# CURRENCY_AFTER's alternatives one by one, in its order, with its group names and flags: the
# pieces `_after_starting_with` builds its smaller patterns from.
_AFTER_ALTERNATIVES = (
    [f"(?P<{name}>(?i:{pattern}))" for name, pattern, _, _ in _NAME_GROUPS]
    + ["(?P<won>won)", f"(?P<code>{_alternation(lexicon.ISO_CODES | lexicon.LOWERCASE_CODES_AFTER)})",
       f"(?P<symbol>{_alternation(lexicon.SUFFIX_SYMBOLS)})"]
)
_FIRST_CHARS = string.ascii_letters + string.digits + string.punctuation.replace("-", "")
_NEVER = re.compile(r"(?!)")


@lru_cache(maxsize=1)
def _alternatives_by_first() -> dict[str, tuple[int, ...]] | None:
    """For each character of _FIRST_CHARS, the alternatives of CURRENCY_AFTER a match can start
    with it (found once with the `regex` package's partial matching, kept across runs); None when
    some alternative could start with white space or a dash, since then the gap before a currency
    word would not settle where the word starts."""
    key = "\0".join(_AFTER_ALTERNATIVES) + "\0" + _FIRST_CHARS

    def compute() -> dict[str, tuple[int, ...]] | None:
        import regex

        compiled = [regex.compile(alternative, regex.VERBOSE) for alternative in _AFTER_ALTERNATIVES]
        blank = [chr(c) for c in range(0x110000) if re.match(r"[\s\-]", chr(c))]
        if any(p.match(c, partial=True) for p in compiled for c in blank):
            return None
        return {c: tuple(i for i, p in enumerate(compiled) if p.match(c, partial=True)) for c in _FIRST_CHARS}

    return derived("after-first-chars", key, compute)


@lru_cache(maxsize=256)
def _after_starting_with(first: str) -> re.Pattern:
    """CURRENCY_AFTER with only the alternatives that can start with `first` (the character after the
    gap): the same first match, since a match's currency word starts right after the gap, and the
    other alternatives cannot match there. _NEVER when none can; CURRENCY_AFTER itself for a
    character the table does not cover."""
    table = _alternatives_by_first()
    if table is None or first not in table:
        return CURRENCY_AFTER
    chosen = table[first]
    if not chosen:
        return _NEVER
    body = "\n      | ".join(_AFTER_ALTERNATIVES[i] for i in chosen)
    return re.compile(rf"""(?:{_GAP}|\s*-\s*)(?:
        {body}
    )(?![A-Za-z])""", re.VERBOSE)


def currency_after(text: str, pos: int) -> re.Match | None:
    """CURRENCY_AFTER at `pos`, skipped when the next word cannot start a currency ("pct", "to").

    The big alternation costs 15-50 µs a call and runs after every figure, mostly to fail; the
    two-character test rules out about half of those calls on wire copy, and the rest try only the
    alternatives that can start with the character after the gap. Both only ever skip what would fail.
    """
    start = _GAP_AND_DASHES.match(text, pos).end()
    two = text[start : start + 2]
    if len(two) == 2 and two[0] in _LETTERS and two[1] in _SECOND_CHARS and two not in _possible_name_starts():
        return None
    if not two:
        return CURRENCY_AFTER.match(text, pos)
    pattern = _after_starting_with(two[0])
    return None if pattern is _NEVER else pattern.match(text, pos)
PERCENT_AFTER = re.compile(  # "5 percent", "5%", and the compound adjective "a 5-percent stake", "a 25-basis-point cut"
    r"(?:\s*|-)(?:(?P<pct>%|％|(?i:per[\s-]?cents?|pct|pc)(?![A-Za-z])|(?i:percentage)(?![A-Za-z]|[\s-]+(?i:points?)))|(?P<pp>(?i:percentage[\s-]points?|pct\s+points?|ppts?|pp)(?![A-Za-z]))"
    r"|(?P<bp>(?i:basis[\s-]points?|bps|bp)(?![A-Za-z])))"
)
RATIO_LINK_AFTER = re.compile(r"\s+(?P<word>(?i:over|out\s+of))\s+")
_FRACTION_AT = re.compile(r"\A(?i:[a-z]+\s+){0,2}?(?i:an?|one|two|three|four)?[\s-]*(?i:half|halves|thirds?|quarters?|fifths?|tenths?)\s+(?i:to)\b")
RANGE_LINK_AFTER = re.compile(r"\s*(?P<link>[-–—~]|(?i:to|and))\s*")
PER_AFTER = re.compile(
    r"\s*+-?\s*+(?:(?i:an|a|per|each)\b\s*-?\s*(?P<word>[A-Za-z]+(?:\s+(?:metre|meter|foot|feet|mile))?)|/\s*(?P<slash>[A-Za-z]+))"
)
_PER_AFTER_ARTICLE = frozenset(_V.exclusions.per_after_article)
AND_AFTER = re.compile(r"\s*(?:(?i:and)\s+)?")
CENTS_WORD_AFTER = re.compile(r"\s*(?i:cents?)(?![A-Za-z])")


@dataclass(slots=True)
class _Currency:
    """A currency found next to a figure, with the span of the words that said so."""

    iso: str
    alternatives: tuple[str, ...]
    start: int
    end: int
    minor: bool = False  # cents, pence: the figure is in hundredths
    negative: bool = False  # "-$5m", "$-5m"


class AmountReader:
    """Reads every numeral of one text into quantities; one instance per text."""

    def __init__(self, text: str, numerals: list[Numeral], zones: list[tuple[int, int]], place: str | None = None):
        self.text = text
        self.place = place  # the document's dateline place, when the text has none of its own
        self.numerals = numerals
        self.by_start = {n.start: i for i, n in enumerate(numerals)}
        self.starts = [n.start for n in numerals]  # in order: numerals come sorted by position
        self.zones = SpanIndex(zones)  # bisected: a long paragraph's many zones stay linear
        self.consumed: set[int] = set()
        self._cues: str | None = None

    def read(self) -> list[Quantity]:
        found: list[Quantity] = []
        for index, numeral in enumerate(self.numerals):
            if index in self.consumed or self._in_zone(numeral.start, numeral.end):
                continue
            quantity = self._read_one(index, numeral)
            if quantity is not None:
                found.append(quantity)
        return found

    # --- one figure -----------------------------------------------------------------------
    def _read_one(self, index: int, numeral: Numeral) -> Quantity | None:
        text = self.text
        prefix = self._currency_before(numeral.start)
        start = prefix.start if prefix else numeral.start
        if prefix is None and not numeral.is_word and LETTER_OR_CODE_BEFORE.search(text, max(0, numeral.start - 2), numeral.start):
            return None  # H20, A100, GPT-4, FY2025: a name, not a figure
        if prefix is None and numeral.is_word and exclusions.is_name_word(text, numeral.start, numeral.end):
            return None
        minus = None if prefix else self._minus_before(start, numeral)
        negative = bool(prefix and prefix.negative) or minus is not None
        if minus is not None:
            start = minus
        if prefix is None:
            ratio = self._ratio(index, numeral, start, negative)
            if ratio is not None:
                return ratio
        value, scale, pos = self._scaled(numeral, money=prefix is not None)
        inherited: _Currency | None = None

        high = None
        high_end = pos
        link = RANGE_LINK_AFTER.match(text, pos)
        partner = self._range_partner(link, prefix) if link else None
        opener = (RANGE_OPENER_BEFORE.search(text, max(0, start - 10), start)
                  if _word_then_space_before(text, start, max(0, start - 10), _A_LETTER) else None)
        if partner is not None:
            if link.group("link").lower() == "and" and not (opener and opener.group("word").lower() == "between"):
                partner = None
            elif link.group("link").lower() == "to" and not self._to_is_range(start, partner[1], opener, scale):
                if opener is not None and opener.group("word").lower() == "from":
                    value, scale, inherited = self._endpoint_shares(numeral, value, scale, partner[1])
                partner = None  # "rose from 5 to 6 billion", "rose 3 to 114": a change, the relate stage reads it
        if partner is not None and partner[2] and prefix is None:
            partner = None  # "27 to $254 million": the second figure has a currency of its own
        if partner is not None:
            p_index, p_numeral, _ = partner
            p_value, p_scale, p_end = self._scaled(p_numeral, money=True)
            if scale is None and p_scale is not None and numeral.scale is None:
                value *= _SCALE_VALUES.get(p_scale.lower(), 1.0)
                scale = p_scale
            if value < p_value:
                high, high_end = p_value, p_end
                self.consumed.add(p_index)
            elif prefix is None and not numeral.is_word and exclusions.is_score(value, p_value, numeral.is_integer, p_numeral.is_integer):
                self.consumed.add(p_index)
                return None
        if (high is not None and prefix is None and exclusions.is_year(text, numeral.start, numeral.end, numeral.value,
                                                                         numeral.digits, numeral.is_integer, numeral.has_separator)):
            self.consumed.add(partner[0])
            return None  # 2012-13, 1998-2001

        end = high_end
        currency = prefix
        suffix = currency_after(text, end)
        candidate = self._suffix_currency(suffix, scale, value) if suffix is not None else None
        if candidate is not None and (currency is None or currency.iso == candidate.iso):
            if candidate.iso:
                currency = currency or candidate
                currency.minor = candidate.minor
                end = suffix.end()
        if currency is None and inherited is not None:
            currency = inherited  # "rose from 5 to 6 billion yuan": the first endpoint is yuan too
        if currency is not None and currency.minor:
            value, high = value / 100, (high / 100 if high is not None else None)
        elif currency is not None and currency.iso == "USD" and self.text[currency.start:currency.end].lower().startswith(("dollar", "dlr")):
            end, value = self._cents_after_dollars(end, value)

        if currency is not None:
            if scale and not self._scale_ok(scale, numeral, money=True):
                return None
            iso, alternatives, unit, family = lexicon.as_read(currency.iso, currency.alternatives)
            q = self._quantity(start, end, value, "money", numeral, scale, high, negative, iso=iso,
                               alternatives=alternatives, unit=unit, family=family)
            return self._with_per(q)
        percent = PERCENT_AFTER.match(text, end)
        if percent is not None and not (scale and scale.lower() not in ("hundred",)):
            unit = "percent" if percent.group("pct") else "percentage point" if percent.group("pp") else "basis point"
            return self._quantity(start, percent.end(), value, "percent", numeral, None, high, negative, unit=unit)
        if scale and not self._scale_ok(scale, numeral, money=False):
            value, scale, end = numeral.value, numeral.scale, numeral.end
            if high is not None:
                return None
        if numeral.is_word and numeral.value < 1 and _ORDINAL_BEFORE_NOUN.match(text, numeral.end) and _A_ORDINAL.match(text[start:end]):
            return None  # "a third term": an ordinal, not a fraction
        if not scale and high is None and not numeral.is_word:
            if exclusions.is_year(text, numeral.start, numeral.end, numeral.value, numeral.digits, numeral.is_integer,
                                  numeral.has_separator):
                return None
            if exclusions.is_not_a_count(text, numeral.start, numeral.end, numeral.value, numeral.is_integer):
                return None
        elif end < len(text) and text[end].isalpha():
            return None
        return self._quantity(start, end, value, "number", numeral, scale, high, negative)

    # --- pieces -------------------------------------------------------------------------
    def _ratio(self, index: int, numeral: Numeral, start: int, negative: bool) -> Quantity | None:
        """"one out of three", "1 over 20": a fraction said in words."""
        link = RATIO_LINK_AFTER.match(self.text, numeral.end)
        if link is None or not numeral.is_integer:
            return None
        partner = self.by_start.get(link.end())
        if partner is None:
            return None
        denominator = self.numerals[partner]
        if not denominator.is_integer or denominator.value == 0:
            return None
        if link.group("word").lower() == "over" and not _next_is_not_a_noun(self.text, denominator.end):
            return None  # "$2000 over 3 years"
        self.consumed.add(partner)
        return self._quantity(start, denominator.end, numeral.value / denominator.value, "number", numeral, None, None, negative)

    def _currency_before(self, start: int) -> _Currency | None:
        if _CURRENCY_LAST_CHARS.isdisjoint(self.text[max(0, start - 3) : start]):
            return None  # a currency before the figure ends at most a space and a minus before it
        m = CURRENCY_BEFORE.search(self.text, max(0, start - 12), start)
        if m is None:
            return None
        symbol = m.group("cur")
        iso, alternatives = _prefix_currency(symbol)
        context = CONTEXT_REQUIRED.get(symbol)
        if iso is None or (context is not None and not context.search(self._cue_text())):
            return None
        currency = _Currency(iso, alternatives, m.start("cur") if not m.group("lead") else m.start("lead"), m.end("cur"))
        currency.negative = bool(m.group("lead") or m.group("neg"))
        return currency

    def _cue_text(self) -> str:
        """The text a context symbol's cues are looked for in: the block, and its dateline's place
        in the cues' case ("LAGOS -" is a Nigerian story)."""
        if self._cues is None:
            self._cues = with_dateline(self.text)
            if self.place and self._cues is self.text:
                self._cues = f"{self.text}\n{self.place}"
        return self._cues

    def _minus_before(self, start: int, numeral: Numeral) -> int | None:
        """Where a minus sign (or the word "minus") before the figure starts, if there is one."""
        if numeral.value < 0 or not start:
            return None
        last = self.text[start - 1]
        if last not in "-−" and not (last.isspace() and _word_then_space_before(self.text, start, max(0, start - 10),
                                                                                 _MINUS_LAST)):
            return None  # every reading of a minus ends in the sign, or in a space after the sign or a word
        m = MINUS_BEFORE.search(self.text, max(0, start - 10), start)
        return m.start() if m else None

    def _scaled(self, numeral: Numeral, money: bool) -> tuple[float, str | None, int]:
        """The figure with the scale word after it: "8.5" + "bn" -> 8.5e9."""
        if numeral.is_word and numeral.scale:
            return numeral.value, numeral.scale, numeral.end
        zh = ZH_BIG_AFTER.match(self.text, numeral.end) if money and self._zh_big_unit_after(numeral.end) else None
        if zh is not None:
            value = numeral.value
            for unit in zh.group("scale"):
                value *= _ZH_BIG_VALUES[unit]
            return value, zh.group("scale"), zh.end()
        m = SCALE_AFTER.match(self.text, numeral.end)
        if m is None:
            return numeral.value, None, numeral.end
        scale = m.group("scale")
        glued = m.start("scale") == numeral.end
        if not self._scale_ok(scale, numeral, money, glued):
            return numeral.value, None, numeral.end
        if scale == "G" and not money and _WORD_AFTER.match(self.text, m.end()):
            return numeral.value, None, numeral.end  # "10G network", "40G Ethernet": a generation or a name
        value = numeral.value * _SCALE_VALUES[scale.lower() if scale.lower() in _SCALE_VALUES else scale]
        end = m.end()
        second = SECOND_SCALE_AFTER.match(self.text, end)
        if second is not None:
            value *= _SCALE_VALUES[second.group("scale").lower()]
            scale, end = f"{scale} {second.group('scale')}", second.end()
        elif scale.lower() in _COUNTING_SCALES:
            value, end = self._continued(value, _SCALE_VALUES[scale.lower()], end)
        return value, scale, end

    def _zh_big_unit_after(self, end: int) -> bool:
        """Whether a Chinese big unit (after at most one space) follows: what ZH_BIG_AFTER needs."""
        after = self.text[end : end + 2]
        if after[:1] == " ":
            after = after[1:]
        return after[:1] in _ZH_BIG_VALUES  # one character each; "" (the text ends) is none

    def _continued(self, value: float, last_scale: float, end: int) -> tuple[float, int]:
        """"4 thousand 3 hundred and 21", "3 million and a half": a count said in parts. Only
        after hundred/thousand/lakh/crore (or before a fraction), since "2 million and 500,000
        more" is two figures."""
        while True:
            if not self._and_then_numeral(end):
                return value, end
            index = self.by_start.get(AND_AFTER.match(self.text, end).end())
            if index is None or index in self.consumed:
                return value, end
            part = self.numerals[index]
            if part.is_word and 0 < part.value < 1:
                self.consumed.add(index)
                return value + part.value * last_scale, part.end
            if last_scale > 1e3 and last_scale not in (1e5, 1e7):
                return value, end
            m = SCALE_AFTER.match(self.text, part.end)
            part_scale = _SCALE_VALUES.get(m.group("scale").lower()) if m and m.group("scale").lower() in _COUNTING_SCALES else None
            part_value = part.value * (part_scale or 1.0)
            if part.is_word or part_value >= last_scale or not part.is_integer:
                return value, end
            self.consumed.add(index)
            value += part_value
            end = m.end() if part_scale else part.end
            if not part_scale:
                return value, end
            last_scale = part_scale

    def _and_then_numeral(self, end: int) -> bool:
        """Whether AND_AFTER from `end` can lead to a numeral: no numeral starts inside white space or
        "and", so the next one must follow text that is only those ("600 billion yuan ($8.5" has none)."""
        following = bisect.bisect_left(self.starts, end)
        if following == len(self.starts):
            return False
        gap = self.text[end : self.starts[following]]
        return not gap or gap.isspace() or gap.strip().lower() == "and"

    def _scale_ok(self, scale: str, numeral: Numeral, money: bool, glued: bool = True) -> bool:
        """Short scales are only scales where nothing else could be meant ("1m" is a metre)."""
        if scale.lower() in _SCALE_VALUES and scale.lower() not in _RESTRICTED_SCALES:
            return True
        if money:
            return True
        if len(scale) == 1 and glued and numeral.is_integer and numeral.value < 10:
            return False  # 3M, 4K, 5G, "Insat 1B": names, not scaled figures
        return scale in _SHORT_NUMBER_SCALES and (glued or scale not in ("b",))

    def _to_is_range(self, start: int, partner: Numeral, opener: re.Match | None, scale: str | None) -> bool:
        """"340 to 350 cruzados" and "from 5 to 6 billion yuan" are ranges; "rose from 5 to 6
        billion", "gained 3 to 114" are changes, "from $300 million to $900 million" is two full
        amounts, and "10 to 20" with nothing after it is two numbers; "by a quarter to 150 billion
        yen" is a change to 150 billion yen, since a fraction is never a range's low end."""
        if _FRACTION_AT.search(self.text[start : start + 30]):
            return False
        if opener is not None and opener.group("word").lower() == "from":
            if scale is not None or CHANGE_VERB_BEFORE.search(self.text, max(0, opener.start() - 35), opener.start()):
                return False
        elif CHANGE_CUE_BEFORE.search(self.text, max(0, start - 40), start):
            return False
        after = partner.end
        return bool(SCALE_AFTER.match(self.text, after) or currency_after(self.text, after)
                    or PERCENT_AFTER.match(self.text, after))

    def _endpoint_shares(self, numeral: Numeral, value: float, scale: str | None,
                         partner: Numeral) -> tuple[float, str | None, _Currency | None]:
        """"rose from 5 to 6 billion yuan": the first endpoint takes the scale word and the currency
        written once after the second, so a change claim compares 5e9 yuan with 6e9 yuan."""
        if scale is not None or numeral.scale is not None or numeral.is_word:
            return value, scale, None
        p_value, p_scale, p_end = self._scaled(partner, money=True)
        if p_scale is not None and partner.value:
            value, scale = value * (p_value / partner.value), p_scale
        suffix = currency_after(self.text, p_end)
        currency = self._suffix_currency(suffix, p_scale, p_value) if suffix else None
        if currency is not None and (not currency.iso or currency.minor):
            currency = None
        if currency is not None:
            currency.start = currency.end = numeral.end  # said once, after the other endpoint
        return value, scale, currency

    def _range_partner(self, link: re.Match, prefix: _Currency | None) -> tuple[int, Numeral, bool] | None:
        """The figure after "-", "to" or "and", and whether it repeats a currency sign."""
        pos = link.end()
        index = self.by_start.get(pos)
        repeated = False
        if index is None:
            for length in range(1, 6):  # "$5bn-$6bn": skip a repeated currency symbol
                index = self.by_start.get(pos + length)
                if index is not None:
                    between = self.text[pos:pos + length].strip()
                    if between and _prefix_currency(between)[0] is not None:
                        repeated = True
                        break
                    index = None
        if index is None:
            return None
        return index, self.numerals[index], repeated

    def _suffix_currency(self, m: re.Match, scale: str | None, value: float) -> _Currency:
        group = m.lastgroup
        if group == "won":
            if not scale and value < 1000:
                return _Currency("", (), 0, 0)  # "the team that won": past tense of win
            return _Currency("KRW", (), m.start(group), m.end(group))
        if group == "code":
            code = m.group(group).upper()
            return _Currency(lexicon.CODE_ALIASES.get(code, code), (), m.start(group), m.end(group))
        if group == "symbol":
            context = CONTEXT_REQUIRED.get(m.group(group))
            if context is not None and not context.search(self._cue_text()):
                return _Currency("", (), 0, 0)  # "6 Ft" is six feet outside a Hungarian story
            iso, alts = lexicon.SUFFIX_SYMBOLS[m.group(group)]
            return _Currency(iso, alts, m.start(group), m.end(group))
        iso, alts = _NAME_INFO[group]
        return _Currency(iso, alts, m.start(group), m.end(group), minor=_names_minor_unit(m.group(group)))

    def _cents_after_dollars(self, end: int, value: float) -> tuple[int, float]:
        """"3 dollars 50 cents", "thirteen dollars and forty-five cents", "one dollar and one"."""
        index = self.by_start.get(AND_AFTER.match(self.text, end).end())
        if index is None:
            return end, value
        cents = self.numerals[index]
        if not (cents.is_integer and 0 < cents.value < 100):
            return end, value
        word = CENTS_WORD_AFTER.match(self.text, cents.end)
        if word is None and not (cents.is_word and _next_is_not_a_noun(self.text, cents.end)):
            return end, value
        self.consumed.add(index)
        return (word.end() if word else cents.end), value + cents.value / 100

    def _with_per(self, q: Quantity) -> Quantity:
        m = PER_AFTER.match(self.text, q.end)
        if m is not None:
            if m.group("slash"):
                q.per = m.group("slash").lower()
            elif m.group("word").split()[0].lower().rstrip("s") in _PER_AFTER_ARTICLE or self.text[m.start():m.end()].lower().lstrip(" -").startswith(("per", "each")):
                q.per = m.group("word").lower()
        return q

    def _quantity(self, start, end, value, kind, numeral, scale, high, negative, iso=None, alternatives=(), unit=None,
                  family=None):
        if negative:
            value = -abs(value)
        # by position (text, start, end, value, kind, currency, unit, high, scale, hedge, sig_digits, per,
        # alternatives, loc, family): one is built for every figure, and keywords cost more to pass
        return Quantity(self.text[start:end], start, end, value, kind, iso, unit, high, scale, self._hedge(start, end),
                        numeral.sig_digits, None, alternatives if len(alternatives) > 1 else (), None, family)

    def _hedge(self, start: int, end: int) -> str | None:
        if not _word_then_space_before(self.text, start, max(0, start - 30), _HEDGE_LAST):
            return None
        m = HEDGE_BEFORE.search(self.text, max(0, start - 30), start)
        if m is None:
            return None
        hedge = m.group("hedge").lower()
        if hedge in _SPAN_PREPOSITIONS and _TIME_NOUN_AFTER.match(self.text, end):
            return None  # "over two years" is a span of time, not "more than two"
        return hedge

    def _in_zone(self, start: int, end: int) -> bool:
        return self.zones.overlaps(start, end)


_WORD_AFTER = re.compile(r"[ \t]+[A-Za-z]")
# Prefixes that are a currency only where the text names it or its country ("N500 billion" in a
# Nigerian story, not "N95 masks"; "R200 million" in a South African one, not "R2-D2").
CONTEXT_REQUIRED = lexicon.CONTEXT_REQUIRED
_SPAN_PREPOSITIONS = frozenset(_V.exclusions.span_prepositions)
_TIME_NOUN_AFTER = re.compile(rf"\s*+-?\s*+(?i:(?:{alternation(_V.exclusions.time_nouns)})s?)\b")
_A_ORDINAL = re.compile(r"(?i:an?|one)\s+[a-z]+(?<!half)$")
_ORDINAL_BEFORE_NOUN = re.compile(r"\s+(?!of\b)[a-z]")
_NOUN_AFTER = re.compile(r"\s+(?:[a-z]{3,})")
_FUNCTION_WORDS = frozenset(_V.exclusions.function_words)


@lru_cache(maxsize=1024)  # a handful of currency words, each read after many figures
def _names_minor_unit(word: str) -> bool:
    """Whether the currency word after a figure names hundredths ("cents", "pence")."""
    return lexicon.MINOR_UNITS.search(word) is not None


def _next_is_not_a_noun(text: str, end: int) -> bool:
    """"thirteen dollars forty five" ends there; "ten dollars two times" goes on to a noun."""
    m = _NOUN_AFTER.match(text, end)
    return m is None or m.group().strip() in _FUNCTION_WORDS


def _prefix_currency(symbol: str) -> tuple[str | None, tuple[str, ...]]:
    """ISO code for a symbol or code written before a figure ("HK$", "c $", "RMB")."""
    key = symbol.replace("\u00a0", " ")
    if key in lexicon.PREFIX_SYMBOLS:
        return lexicon.PREFIX_SYMBOLS[key]
    compact = re.sub(r"[\s.]", "", key).upper()
    if compact in lexicon.QUALIFIED_DOLLARS:
        return lexicon.QUALIFIED_DOLLARS[compact], ()
    if compact in lexicon.ISO_CODES or compact in lexicon.CODES_BEFORE:
        return lexicon.CODE_ALIASES.get(compact, compact), ()
    return None, ()
