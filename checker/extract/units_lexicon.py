"""The unit tables of the physical-quantity grammar, derived from checker/vocab/units.yaml.

This is what the cheap prefilter looks for after a number: only text that matches it is handed
to quantulum3, and its pint name is the one reported (quantulum3's own unit guess is unreliable
for abbreviations: "86F" farad, "30C" coulomb, "100 mb" millibarn). Keys in `WORD_UNITS` match
case-insensitively; keys in `SYMBOL_UNITS` only as written, because case is the meaning there
(MB megabyte, mb megabit; m metre, M million).
"""

from __future__ import annotations

from checker.vocab import vocab

_V = vocab()

WORD_UNITS: dict[str, str] = {word: unit.pint for unit in _V.units.units for word in unit.words}
SYMBOL_UNITS: dict[str, str] = {symbol: unit.pint for unit in _V.units.units for symbol in unit.symbols}

# Abbreviations that carry their own "per": bpd is barrels per day.
PER_IN_UNIT: dict[str, str] = dict(_V.units.per_in_unit)

# A bare letter C or F glued to a number ("30C", "86F") is a temperature only where the
# context is about temperature; elsewhere it is a model or form name ("13F", "777F").
BARE_TEMPERATURE_LETTERS: dict[str, str] = {u.bare_letter: u.pint for u in _V.units.units if u.bare_letter}

# Multipliers written between the number and the unit ("2.4 billion gallons", "25 lakh tonnes").
SCALE_WORDS: dict[str, float] = _V.scale_words("before_unit")

# Number words before a unit ("twenty-five miles", "a hundred metres", "a dozen").
_COUNTS = {word: int(value) for word, value in _V.scale_words("count_before_unit").items()}
NUMBER_WORDS: dict[str, int] = (
    dict(_V.numbers.cardinals) | dict(_V.numbers.tens) | _COUNTS
    | {f"a {word}": value for word, value in _COUNTS.items() if value == 100}
)

HEDGE_WORDS = tuple(_V.hedge_words("unit"))
