"""The rate sources behind one protocol: the ECB first, the NBP's daily and weekly tables and
HMRC's monthly rates for what the ECB lacks, pegs from their data file, one source per cross rate."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.api import lint_text
from checker.rates.book import SOURCES, compose_rates
from checker.rates.hmrc import _without_spikes
from checker.rates.nbp import NbpSource
from checker.rates.pegs import pegs
from checker.rates.source import RateSource
from checker.rates.table import NoRate, RateWindow

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2022, 9, 14)


def figcheck(*args):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


@pytest.fixture(scope="module")
def book():
    return compose_rates()


def test_every_source_has_the_protocol_and_the_ecb_comes_first():
    sources = [factory() for factory in SOURCES]
    assert all(isinstance(s, RateSource) for s in sources)
    assert [s.short_name for s in sources] == ["ECB", "NBP", "HMRC"]
    assert [s.zh_name for s in sources] == ["欧洲央行", "波兰央行", "英国税务海关总署"]


def test_a_chinese_finding_names_the_source_in_chinese():
    """The Chinese name is the source's own (`zh_name`), carried by the window to the message."""
    from checker.api import lint_text

    [finding] = lint_text("该公司投资新台币100亿元（约合32亿美元）。", date="2022-09-14")
    assert "按波兰央行周2022-09-14汇率" in finding.message


@pytest.mark.parametrize("base, quote, per_usd_or_cny, granularity", [
    ("VND", "USD", 23_600, "weekly"),   # dong per dollar, mid-September 2022
    ("PKR", "USD", 235, "weekly"),
    ("NGN", "USD", 428, "weekly"),      # the official rate, not the parallel market's
    ("EGP", "USD", 19.3, "weekly"),
    ("KWD", "USD", 0.309, "weekly"),
    ("TWD", "CNY", 4.47, "weekly"),     # Taiwan dollars per yuan
])
def test_currencies_the_ecb_lacks_come_from_the_nbp(book, base, quote, per_usd_or_cny, granularity):
    window = book.window(base, quote, DAY)
    assert isinstance(window, RateWindow)
    assert window.source_short == "NBP" and window.granularity == granularity
    assert 1 / window.latest == pytest.approx(per_usd_or_cny, rel=0.02)
    assert DAY - dt.timedelta(days=7) <= window.latest_date <= DAY


def test_a_cross_rate_takes_both_legs_from_one_source_and_one_day(book):
    window = book.window("TWD", "CNY", DAY)
    nbp = NbpSource()
    day = window.latest_date
    assert window.latest == pytest.approx(nbp.series("CNY")[day] / nbp.series("TWD")[day])


def test_the_ecb_answers_where_it_has_both_currencies_at_the_date(book):
    assert book.window("CNY", "USD", dt.date(2025, 4, 15)).source_short == "ECB"
    # The ECB's rupee starts in 2009; before that the NBP's answers.
    early = book.window("INR", "USD", dt.date(2007, 9, 14))
    assert early.source_short == "NBP" and 1 / early.latest == pytest.approx(40.5, rel=0.03)


def test_a_currency_only_hmrc_has_is_monthly(book):
    window = book.window("BTN", "USD", DAY)  # the ngultrum, held at par with the rupee
    assert window.source_short == "HMRC" and window.granularity == "monthly"
    assert window.latest_date == dt.date(2022, 9, 1)
    assert 1 / window.latest == pytest.approx(80, rel=0.03)
    assert window.evidence()["granularity"] == "monthly"


def test_a_one_month_typo_in_a_monthly_table_is_dropped_but_a_lasting_jump_stays():
    months = [dt.date(2020, m, 1) for m in range(1, 7)]
    typo = dict(zip(months, [5.0, 5.1, 51_000.0, 5.2, 5.1, 5.0]))
    assert dt.date(2020, 3, 1) not in _without_spikes(typo)
    jump = dict(zip(months, [5.0, 5.1, 5100.0, 5200.0, 5100.0, 5000.0]))  # a redenomination
    assert _without_spikes(jump) == jump


def test_pegs_are_data_and_fill_in_where_a_source_publishes_nothing(book):
    assert pegs()["SAR"].per == 3.75 and pegs()["SAR"].anchor == "USD"
    window = book.window("SAR", "EUR", DAY)
    assert window.source_short == "ECB" and "fixed peg of 3.75 per USD" in window.note


def test_the_same_currency_twice_is_no_rate(book):
    assert isinstance(book.window("EUR", "EUR", DAY), NoRate)


def test_a_slip_in_a_currency_the_ecb_lacks_is_caught_and_a_right_pair_passes():
    text = ("LAGOS - The bank raised 50 billion naira ($117 million) last week.\n\n"
            "CAIRO - Egypt sold 10 billion Egyptian pounds ($52 million) of bonds.\n")
    findings = lint_text(text, date="2022-09-14")
    errors = [f for f in findings if f.rule == "currency-conversion" and f.severity == "error"]
    assert len(errors) == 1 and "Egyptian pounds" in errors[0].message
    evidence = errors[0].evidence
    assert evidence["granularity"] == "weekly" and "Narodowy Bank Polski" in evidence["source"]
    assert evidence["rate_date"] == "2022-09-14"
    assert "(NBP weekly, 2022-09-14)" in errors[0].message


@pytest.mark.parametrize("pair", ["VND USD", "PKR USD", "NGN USD", "EGP USD", "KWD USD", "TWD CNY", "KES GBP"])
def test_rates_prints_rate_source_granularity_and_date(pair):
    run = figcheck("rates", *pair.split(), "--date", "2022-09-14")
    assert run.returncode == 0, run.stderr
    assert "rate date: 2022-09-1" in run.stdout and "(NBP)" in run.stdout
    assert "granularity: weekly" in run.stdout


def test_rates_lists_the_sources_with_coverage_and_granularity():
    run = figcheck("rates", "--sources")
    assert run.returncode == 0
    lines = run.stdout.splitlines()
    assert lines[1].startswith("1. ECB") and "daily" in lines[2]
    assert any(line.startswith("2. NBP") for line in lines) and "daily/weekly" in run.stdout
    assert any(line.startswith("3. HMRC") for line in lines) and "monthly" in run.stdout
    assert "SAR" in run.stdout and "VND" in run.stdout


@pytest.mark.parametrize("args, needle", [
    (["EUR", "EUR"], "same currency"),
    (["CNY", "USD", "--window", "-3"], "--window must be 0 to 36,525 days, not -3"),
    (["VND", "USD", "--date", "1999-06-01"], "before 2004-03-30"),
    (["VND", "USD", "--date", "2031-06-01"], "days after"),
    (["VND"], "name two currencies"),
])
def test_rates_input_errors_exit_2_with_one_line(args, needle):
    run = figcheck("rates", *args)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert needle in run.stderr and "Traceback" not in run.stderr
    assert run.stderr.startswith("figcheck: error:") and run.stderr.count("\n") == 1
