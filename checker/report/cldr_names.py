"""Currency names and long dates as Babel's CLDR data gives them, read from a generated data file.

The reports say "7.315 Chinese yuan per US dollar on 15 April 2025" in the reader's language. Babel
has those words, but asking it loads and merges its locale data, about a tenth of a one-file lint.
`cldr_names.json` holds what the reports use of that data (each locale's currency names, their
plural forms and rule, its long date pattern and month names), written by `generate()` from the
installed Babel: `python -m checker.report.cldr_names` rewrites it, and a test holds it equal to
Babel for every currency and many dates and counts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("cldr_names.json")
# The locale whose words a report in each language uses; English for any other language.
LANGUAGE_LOCALES = {"en": "en_GB", "zh": "zh"}
LOCALES = tuple(LANGUAGE_LOCALES.values())
# The only CLDR plural rule these locales use (English "one"): an integer 1 with no fraction shown.
ONE_RULE = "i in 1 and v in 0"
DATE_FIELDS = frozenset({"d", "M", "MMMM", "y"})  # what the long date patterns are made of


@lru_cache(maxsize=None)
def _locale(locale: str) -> dict:
    with open(DATA, encoding="utf-8") as file:
        return json.load(file)[locale]


def locale_of(language: str) -> str:
    """The locale of a report in `language` ("en", "zh")."""
    return LANGUAGE_LOCALES.get(language, LANGUAGE_LOCALES["en"])


def currency_name(code: str, locale: str, count: float) -> str:
    """Babel's `get_currency_name(code, count=count, locale=locale)`."""
    data = _locale(locale)
    plural = data["plural_names"].get(code)
    if plural is not None:
        form = "other"
        for name, rule in data["plural_rules"].items():
            if rule == ONE_RULE and _integer_one(count):
                form = name
        if form in plural:
            return plural[form]
        if "other" in plural:
            return plural["other"]
    return data["names"].get(code, code)


def _integer_one(count: float) -> bool:
    """CLDR's "i in 1 and v in 0" for an int or a float (Babel reads 1.0 as 1): the count is ±1."""
    return abs(count) == 1  # inf and nan are never 1, as Babel's 'other' for them


def long_date(day: dt.date, locale: str) -> str:
    """Babel's `format_date(day, "long", locale=locale)`."""
    data = _locale(locale)
    return data["long_date"] % {"d": day.day, "M": day.month, "MMMM": data["months"][day.month - 1], "y": day.year}


def generate() -> dict:
    """The data file's content, from the installed Babel."""
    from babel import Locale
    from babel.dates import parse_pattern

    out = {}
    for name in LOCALES:
        locale = Locale.parse(name)
        rules = dict(locale.plural_form.rules)
        if any(rule != ONE_RULE for rule in rules.values()):
            raise ValueError(f"{name}: a plural rule currency_name cannot apply: {rules}")
        pattern = parse_pattern(locale.date_formats["long"].pattern)
        if not set(re.findall(r"%\((\w+)\)s", pattern.format)) <= DATE_FIELDS:
            raise ValueError(f"{name}: a long date pattern long_date cannot fill: {pattern.pattern}")
        out[name] = {
            "names": dict(sorted(locale.currencies.items())),
            "plural_names": {code: dict(forms) for code, forms in sorted(locale._data["currency_names_plural"].items())},
            "plural_rules": rules,
            "long_date": pattern.format,
            "months": [locale.months["format"]["wide"][month] for month in range(1, 13)],
        }
    return out


def write() -> None:
    DATA.write_text(json.dumps(generate(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
