"""The English currency and scale tables the amount grammar is built from, derived from `checker.vocab`.

Nothing here is a word list of its own: the words are in checker/vocab/*.yaml, and this module
only shapes them the way `amounts` reads them (a symbol -> (code, alternatives) table, the name
patterns in matching order, the scale multipliers).
"""

from __future__ import annotations

import re

from checker.vocab import alternation, longest_first, vocab

_V = vocab()


def _reading(family) -> tuple[str, tuple[str, ...]]:
    """What the grammar records for a family's name or symbol: a family the block settles is given
    by its name (resolve decides); the others by their default and the readings left open."""
    if family.block == "pick":
        return family.name, ()
    return family.default, tuple(family.members)


# Symbols and qualified symbols written before the figure. Values: (ISO code or family name,
# alternatives when the symbol is ambiguous).
PREFIX_SYMBOLS: dict[str, tuple[str, tuple[str, ...]]] = {}
for _family in _V.families.families:
    PREFIX_SYMBOLS.update({symbol: _reading(_family) for symbol in _family.symbols})
for _currency in _V.currencies.currencies:
    PREFIX_SYMBOLS.update({symbol: (_currency.code, ()) for symbol in _currency.symbols})
    PREFIX_SYMBOLS.update({symbol: (_currency.code, ()) for symbol in _currency.context_symbols})

# Symbols that may also follow the figure ("100 ₡", "100€"), and the letter symbols the
# vocabulary writes after it ("2.26 billion Kč", "8.6 billion kr").
SUFFIX_SYMBOLS = {s: v for s, v in PREFIX_SYMBOLS.items() if not s[0].isascii()}
for _family in _V.families.families:
    SUFFIX_SYMBOLS.update({symbol: _reading(_family) for symbol in _family.suffix_symbols})
for _currency in _V.currencies.currencies:
    SUFFIX_SYMBOLS.update({symbol: (_currency.code, ()) for symbol in _currency.suffix_symbols})

# Prefixes that are a currency only where the text names it or its country ("N500 billion" in a
# Nigerian story, not "N95 masks"; "R200 million" in a South African one, not "R2-D2").
# The symbol's own cues, and its currency's (country, cities, institutions: "Lagos", "Eskom").
CONTEXT_REQUIRED: dict[str, re.Pattern] = {
    symbol: re.compile(rf"\b(?:{'|'.join(cues + currency.cues)})")
    for currency in _V.currencies.currencies
    for symbol, cues in currency.context_symbols.items()
}

# ISO 4217 codes written as words (before or after the figure). Upper case only, so that
# English words that happen to be codes ("all", "top", "try", "mop") are never read as money.
ISO_CODES = frozenset(
    [c.code for c in _V.currencies.currencies if c.iso_word] + [a for c in _V.currencies.currencies for a in c.aliases]
)
# Codes read before a figure only ("NIS 50").
CODES_BEFORE = frozenset(a for c in _V.currencies.currencies for a in c.alias_before)
CODE_ALIASES = {a: c.code for c in _V.currencies.currencies for a in c.aliases + c.alias_before}
# Codes readers also type in lower case; only unambiguous ones (never an English word).
LOWERCASE_CODES = frozenset(code for c in _V.currencies.currencies for code in c.lowercase_codes)
LOWERCASE_CODES_AFTER = frozenset(code for c in _V.currencies.currencies for code in c.lowercase_after)

# Currency names after the figure: (regex, ISO code or family name, alternatives). A currency's own
# names come before the families' bare ones, so "Hong Kong dollars" is read before "dollars".
NAME_PATTERNS: list[tuple[str, str, tuple[str, ...]]] = [
    (pattern, c.code, ()) for c in _V.currencies.currencies for pattern in c.names + c.minor_names
] + [
    (pattern, *_reading(f)) for f in _V.families.families for pattern in f.names + f.minor_names
]

# Minor units: the amount is stored in the major unit (50 cents -> 0.50).
MINOR_UNITS = re.compile(
    "(?:" + "|".join(p for c in [*_V.currencies.currencies, *_V.families.families] for p in c.minor_names) + r")\Z",
    re.I,
)

# Qualified dollar signs ("US$", "hk $", "C $"): the qualifier as letters, from the symbols. A
# single letter is read only glued and in its case ("A$"), since "a $5 fee" is English, unless
# the vocabulary spells it spaced too ("C $" in tokenised copy).
_DOLLAR_SIGNS = [s for s in PREFIX_SYMBOLS if len(s) > 1 and s.endswith("$")]
QUALIFIED_DOLLARS = {re.sub(r"[\s.]", "", s).upper(): PREFIX_SYMBOLS[s][0] for s in _DOLLAR_SIGNS}
_QUALIFIERS = sorted({re.sub(r"[\s.$]", "", s) for s in _DOLLAR_SIGNS}, key=longest_first)
_SPACED = {re.sub(r"[\s.$]", "", s) for s in _DOLLAR_SIGNS if " " in s}
_LOOSE = [q for q in _QUALIFIERS if len(q) > 1 or q in _SPACED]
_GLUED = [q for q in _QUALIFIERS if q not in _LOOSE]
_DOTTED = {re.sub(r"[\s.$]", "", s) for s in _DOLLAR_SIGNS if "." in s}  # "U.S. $": "U S $", "US.$" too
QUALIFIED_DOLLAR = (
    r"(?<![A-Za-z.])(?:(?i:" + "|".join(r"\.?\s?".join(q) + r"\.?" if q in _DOTTED else q for q in _LOOSE)
    + r")\s?\$|[" + "".join(_GLUED) + r"]\$)"
)

# Scale words as written, and their multipliers, in the case they are read in.
SCALES: dict[str, float] = {**_V.scale_words("after_long"), **_V.scale_words("after_short")}

# Hedge words before an amount: they widen the tolerance of later checks. Only the words
# themselves: prepositions in front of them ("of about", "to nearly") are not part of the hedge.
HEDGES = sorted(_V.hedge_words("amount"), key=len, reverse=True)
HEDGE_PATTERN = alternation(HEDGES, space=None)


_PICKED = {f.name: f for f in _V.families.families if f.block == "pick"}
_OPEN = {tuple(f.members): f.name for f in _V.families.families if f.block != "pick"}


def as_read(iso: str, alternatives: tuple[str, ...]) -> tuple[str | None, tuple[str, ...], str | None, str | None]:
    """(currency, alternatives, unit, family) of a currency word as the grammar read it, before
    `checker.resolve` looks at the rest of the text: a name several countries share ("francs")
    has no currency yet, only its candidates and the family's name as its unit."""
    if iso in _PICKED:
        family = _PICKED[iso]
        if family.default_stays:  # "pounds" read as sterling until resolve finds Cairo in the text
            return family.default, tuple(family.members), None, iso
        return None, tuple(family.members), iso, iso
    return iso, alternatives, None, _OPEN.get(alternatives)
