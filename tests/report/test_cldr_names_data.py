"""The CLDR words the reports use come from a data file generated from Babel (checker/report/cldr_names.json,
so that no run loads Babel's locale data); this holds the file and its readers equal to Babel itself."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from babel.dates import format_date
from babel.numbers import get_currency_name

from checker.report import cldr_names

COUNTS = [0, 1, 1.0, -1, 2, 0.5, 1.5, 1.0001, 7.315, 1000, 1e12, float("inf"), float("nan")]
DATES = [dt.date(year, month, day) for year in (1, 999, 2009, 2025, 9999) for month in range(1, 13)
         for day in (1, 9, 10, 28)]


def test_the_data_file_is_what_babel_generates():
    """Out of date after a Babel upgrade? `python -m checker.report.cldr_names` rewrites it."""
    assert json.loads(cldr_names.DATA.read_text(encoding="utf-8")) == cldr_names.generate()


@pytest.mark.parametrize("locale", cldr_names.LOCALES)
def test_currency_names_are_babels_for_every_code_and_count(locale):
    codes = sorted(json.loads(cldr_names.DATA.read_text(encoding="utf-8"))[locale]["names"]) + ["XQQ", ""]
    assert len(codes) > 250
    for code in codes:
        for count in COUNTS:
            assert cldr_names.currency_name(code, locale, count) == get_currency_name(code, count=count, locale=locale), (code, count)


@pytest.mark.parametrize("locale", cldr_names.LOCALES)
def test_long_dates_are_babels(locale):
    for day in DATES:
        assert cldr_names.long_date(day, locale) == format_date(day, "long", locale=locale), day
