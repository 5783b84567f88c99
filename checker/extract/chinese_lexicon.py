"""The tables of the Chinese grammar, derived from `checker.vocab`: currency names, hedges, look-alikes.

Names are given in folded (simplified) form, see `chinese_numerals.fold`; traditional
spellings reach them through that fold. No word is listed here: they are in checker/vocab.
"""

from __future__ import annotations

from checker.vocab import vocab

_V = vocab()

# Currency written after the number, longest names first in the grammar. ISO 4217 codes;
# None for what has no code (bitcoin is reported with a unit instead, 比索 names a family).
CURRENCY_SUFFIXES: dict[str, str | None] = {}
# Units with no ISO code of their own, reported in `unit` so the amount is not mistaken
# for a plain number. 比索 names several currencies (MXN, PHP, ARS...), so it stays open.
NON_ISO_UNITS: dict[str, str] = {}
for _currency in _V.currencies.currencies:
    for _name in _currency.zh_names:
        CURRENCY_SUFFIXES[_name] = None if _currency.zh_unit else _currency.code
        if _currency.zh_unit:
            NON_ISO_UNITS[_name] = _currency.zh_unit
# Names of a family the document settles (圆/圓 may be the yuan or the yen, as ¥ may): read as the
# family's default with every member open, like the symbol, not as a currency-less unit.
CURRENCY_SUFFIX_FAMILY: dict[str, str] = {}
for _family in _V.families.families:
    for _name in _family.zh_names:
        CURRENCY_SUFFIXES[_name] = None
        if _family.document:
            CURRENCY_SUFFIX_FAMILY[_name] = _family.name
        else:
            NON_ISO_UNITS[_name] = _family.name

# Minor units after a major one ("五元三毛", "两美元又三美分"), as a fraction of the major unit.
MINOR_UNITS: dict[str, dict[str, float]] = {
    c.code: dict(c.zh_minor) for c in _V.currencies.currencies if c.zh_minor
}

# Symbols written before the number; ¥ is the yuan in Chinese copy but may be the yen.
_YEN_YUAN = _V.family("yen-yuan")
CURRENCY_PREFIX_FAMILY = _YEN_YUAN.name
CURRENCY_PREFIXES: dict[str, tuple[str, ...]] = {symbol: tuple(_YEN_YUAN.members) for symbol in _YEN_YUAN.symbols}

# Hedges written before the amount, and after it.
HEDGES_BEFORE = tuple(_V.hedges.zh_before)
HEDGES_AFTER = tuple(_V.hedges.zh_after)

# Words containing numeral characters that are not numbers. A numeral lying wholly inside
# one of them is dropped ("一切", "四川"), while a longer numeral overlapping one is kept
# ("一千万" survives "千万").
NOT_NUMBERS = tuple(_V.exclusions.zh_not_numbers)

# Currency names printed before the number: 新台币52.3亿元, 港币4180元, 人民币35.4万元.
CURRENCY_NAMES_BEFORE: dict[str, str] = {
    name: c.code for c in _V.currencies.currencies for name in c.zh_names_before
}

# Chinese names several currencies share (比索, 克朗, 卢比), settled by the one country a paragraph
# names: {name: {country: code}}. A family's own names, and a member's names (卢比 is INR's too).
NAMES_BY_COUNTRY: dict[str, dict[str, str]] = {}
_BY_CODE = {c.code: c for c in _V.currencies.currencies}
for _family in _V.families.families:
    _countries = {country: code for code in _family.members if code in _BY_CODE
                  for country in _BY_CODE[code].zh_countries}
    if not _countries:
        continue
    _names = list(_family.zh_names) + [n for code in _family.members if code in _BY_CODE for n in _BY_CODE[code].zh_names]
    for _name in _names:
        if len(_name) <= 3:  # 卢比, 里亚尔; not 巴基斯坦卢比, which names its country already
            NAMES_BY_COUNTRY[_name] = _countries
# Physical units after a numeral (units.yaml `zh`), by folded surface: (pint unit, words one of which
# the text must hold, characters that may not follow).
ZH_UNITS: dict[str, tuple[str, tuple[str, ...], str]] = {}
# Words before a numeral that, with 度 after it, give its unit ("华氏温度98.6度").
ZH_UNIT_PREFIXES: dict[str, str] = {}


def _fold_later(surface: str) -> str:
    from checker.extract.chinese_numerals import fold

    return fold(surface)


for _unit in _V.units.units:
    for _surface in _unit.zh:
        ZH_UNITS[_fold_later(_surface)] = (_unit.pint, tuple(_unit.zh_context), "".join(_unit.zh_not_before))
    for _prefix in _unit.zh_prefix:
        ZH_UNIT_PREFIXES[_fold_later(_prefix)] = _unit.pint
