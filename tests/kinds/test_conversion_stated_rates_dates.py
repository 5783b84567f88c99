"""currency-conversion with the rates and dates the text states: "($1 = 6.81 crowns)", "at 7.2
yuan to the dollar", "In June 2008 ...", a timeline entry's own date."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import lint_text
from checker.extract import extract
from checker.kinds.stated import stated_months, stated_rates


def conversion_findings(text: str, date: str) -> list:
    return [f for f in lint_text(text, date=date) if f.rule == "currency-conversion"]


@pytest.mark.parametrize("text, base, quote, rate", [
    ("The stake cost 500 million Swedish crowns ($73.4 million) ($1 = 6.81 Swedish crowns).", "USD", "SEK", 6.81),
    ("(100 yen = $0.93)", "JPY", "USD", 0.0093),
    ("The deal was worth 10 billion yuan ($1.39 billion), at 7.2 yuan to the dollar.", "USD", "CNY", 7.2),
    ("It was converted at about 0.86 pounds per euro.", "EUR", "GBP", 0.86),
])
def test_stated_rates_are_read(text, base, quote, rate):
    (found,) = stated_rates(text, extract(text))
    assert (found.base, found.quote) == (base, quote) and found.rate == pytest.approx(rate)


def test_a_plain_pair_is_not_a_stated_rate():
    text = "The fund raised 600 billion yuan ($8.5 billion) at the end of the year."
    assert stated_rates(text, extract(text)) == []


def test_stated_months_are_read_with_their_year():
    assert stated_months("In June 2008 the fund paid A$2.3 billion") == [(dt.date(2008, 6, 1), dt.date(2008, 6, 30))]
    assert stated_months("November 15, 2006 - BA says it bought the stake")[0][0] == dt.date(2006, 11, 1)
    assert stated_months("It may rise in 2008 or so") == []


def test_a_pair_at_the_rate_the_text_states_passes_though_the_market_moved():
    # In May 2024 a dollar bought about 10.8 crowns; the story says it converted at 6.81.
    text = "The company paid 500 million Swedish crowns ($73.4 million) for the stake ($1 = 6.81 Swedish crowns)."
    assert conversion_findings(text, "2024-05-05") == []


def test_a_slip_is_caught_even_beside_a_stated_rate():
    text = "The deal was worth 10 billion yuan ($139 million), at 7.2 yuan to the dollar."
    (finding,) = conversion_findings(text, "2024-05-05")
    assert finding.severity == "error" and "1 billion yuan ($139 million)" in finding.suggestion


def test_where_no_source_has_a_rate_the_stated_rate_decides():
    # No offline source goes back to 1990: the text's own rate is the only one.
    clean = "It sold 200 million crowns ($29.4 million) of bonds, at 6.81 crowns to the dollar."
    assert conversion_findings(clean, "1990-05-05") == []  # it agrees with the rate it states
    wrong = "The company paid 500 million Swedish crowns ($48 million) for the stake ($1 = 6.81 Swedish crowns)."
    (finding,) = conversion_findings(wrong, "1990-05-05")
    assert finding.severity == "error" and "the rate the text states" in finding.message
    assert finding.evidence["source"] == "stated in the text"


def test_a_conversion_the_sentence_dates_is_checked_at_that_month():
    right = "In June 2008 the fund paid A$2.3 billion ($2.2 billion) for the port."  # A$1 = US$0.96 then
    assert conversion_findings(right, "2024-05-05") == []
    wrong = "In June 2008 the fund paid A$2.3 billion ($1.2 billion) for the port."
    assert [f.severity for f in conversion_findings(wrong, "2024-05-05")] == ["error"]


def test_a_timeline_entry_is_checked_at_its_own_date():
    text = ("November 15, 2006 - BA says it has bought American Airlines' stake in Iberia for 19 million "
            "euros ($24.3 million), raising its stake to about 10 percent.")
    assert conversion_findings(text, "2008-07-29") == []


def test_a_pair_that_contradicts_the_stated_rate_is_the_error_though_the_market_agrees():
    # In May 2019 a dollar bought about 9.6 crowns; the story converts at 6.81, and this pair at 9.6.
    text = ("The company paid 500 million Swedish crowns ($73.4 million) for the stake, and 96 million "
            "Swedish crowns ($10 million) for the land ($1 = 6.81 Swedish crowns).")
    (finding,) = conversion_findings(text, "2019-05-15")
    assert finding.span.startswith("96 million Swedish crowns") and "the rate the text states" in finding.message


def test_a_reuters_footer_rate_governs_the_pairs_above_it():
    # The story's pairs convert at its footer's rate, not the market's (1.13 dollars per euro in June 2019).
    story = ("FRANKFURT (Reuters) - The bank will pay 200 million euros ($270 million) for the unit.\n\n"
             "It also sold bonds worth 50 million euros ($67.5 million).\n\n($1 = 0.7407 euros)\n")
    assert [f for f in conversion_findings(story, "2019-06-12") if f.severity != "info"] == []
    slipped = story.replace("$67.5 million", "$675 million")
    (finding,) = [f for f in conversion_findings(slipped, "2019-06-12") if f.severity != "info"]
    assert finding.span.startswith("50 million euros") and "the rate the text states" in finding.message
    assert finding.line == 3


def test_a_stated_rate_does_not_govern_a_pair_its_sentence_dates():
    # The 2008 deal converts at 2008's rates; the story's own rate is today's.
    text = ("In June 2008 the fund paid A$2.3 billion ($2.2 billion) for the port. "
            "It now values it at A$4 billion ($2.8 billion) ($1 = 1.43 Australian dollars).")
    assert [f for f in conversion_findings(text, "2019-06-12") if f.severity != "info"] == []


@pytest.mark.parametrize("clean, slipped", [
    ("In 2009 the fund raised 10 billion yuan ($1.46 billion) from state banks.",
     "In 2009 the fund raised 10 billion yuan ($14.6 billion) from state banks."),
    ("In March 2009 the insurer paid 100 billion yen ($1.02 billion) for the stake.",
     "In March 2009 the insurer paid 100 billion yen ($10.2 billion) for the stake."),
    ("In June 2008 the fund paid A$2.3 billion ($2.2 billion) for the port.",
     "In June 2008 the fund paid A$2.3 billion ($22 billion) for the port."),
    ("The group bought the stake in 2012 for 8 billion kronor, or about $1.2 billion at the time.",
     "The group bought the stake in 2012 for 8 billion kronor, or about $12 billion at the time."),
    ("August 8, 2008 - The Swiss bank sets aside 1 billion francs ($920 million) for losses.",
     "August 8, 2008 - The Swiss bank sets aside 1 billion francs ($9.2 billion) for losses."),
])
def test_a_pair_its_sentence_dates_is_checked_at_that_date(clean, slipped):
    assert [f for f in conversion_findings(clean, "2019-10-01") if f.severity != "info"] == []
    assert [f for f in conversion_findings(slipped, "2019-10-01") if f.severity != "info"]


def test_a_timeline_entry_without_a_year_is_checked_at_its_month():
    # The rouble fell from about 35.5 to 46.4 per dollar between April and November 2014.
    story = "TIMELINE-Russia's banks\n\nApril 8 - Sberbank sets aside 65 billion roubles ($1.85 billion) for losses.\n"
    assert [f for f in conversion_findings(story, "2014-11-20") if f.severity != "info"] == []
    slipped = story.replace("$1.85 billion", "$18.5 billion")
    assert [f for f in conversion_findings(slipped, "2014-11-20") if f.severity != "info"]


def test_after_a_float_the_old_rate_is_a_slip_not_a_lag():
    # Egypt floated the pound on 3 November 2016 (8.88 -> 18 per dollar); ten weeks later the old
    # rate is no longer one copy may lag behind.
    text = "Egypt will spend EGP 10 billion ($1.13 billion) this year subsidising bread."
    (finding,) = conversion_findings(text, "2017-01-15")
    assert finding.severity == "error" and "a float or a devaluation" in finding.message
    assert conversion_findings("Egypt will spend EGP 10 billion ($534 million) this year.", "2017-01-15") == []
    # A currency that only drifts keeps its whole window: EUR/USD moved 12% in early 2011.
    assert conversion_findings("Greece must refinance 54 billion euros ($66.6 billion) in debt.", "2011-04-15") == []


# A Reuters story from Stockholm: in the three months to 3 March 2009 a dollar bought 7.6 to 9.2 crowns.
_STOCKHOLM = ("STOCKHOLM, March 3 (Reuters) - Volvo will cut costs by a further 2 billion Swedish crowns "
              "($220 million) this year, the truckmaker said on Tuesday.\n\n"
              "It will also spend 500 million crowns ($55 million) on its Umea cab plant.\n\n"
              "($1 = 9.10 Swedish crowns)\n")


def test_a_footer_rate_flags_a_pair_the_market_window_lets_pass():
    assert [f for f in conversion_findings(_STOCKHOLM, "2009-03-03") if f.severity != "info"] == []
    # 2 billion crowns at 7.7 per dollar was a rate of December 2008, inside the window; the story says 9.10.
    slipped = _STOCKHOLM.replace("($220 million)", "($260 million)")
    assert conversion_findings(slipped.replace("($1 = 9.10 Swedish crowns)\n", ""), "2009-03-03") == []
    (finding,) = conversion_findings(slipped, "2009-03-03")
    assert finding.severity == "error" and finding.span.startswith("2 billion Swedish crowns")
    assert '"$1 = 9.10 Swedish crowns"' in finding.message and "about $220 million" in finding.message
    assert finding.evidence["source"] == "stated in the text" and finding.evidence["stated_rate"] == "$1 = 9.10 Swedish crowns"


@pytest.mark.parametrize("date", ["2009-03-03", None])
def test_a_pair_at_the_footer_rate_is_silent_though_the_market_disagrees(date):
    # The story converts at 6.2 crowns to the dollar, far from the market of March 2009 (or of today).
    story = (_STOCKHOLM.replace("9.10", "6.2").replace("$220 million", "$323 million")
             .replace("$55 million", "$80.6 million"))
    assert conversion_findings(story, date) == []
    assert conversion_findings(story.replace("\n\n($1 = 6.2 Swedish crowns)\n", "\n"), date)  # without it: not silent


def test_a_footer_rate_leaves_pairs_in_other_currencies_to_the_market():
    story = ("FRANKFURT (Reuters) - The insurer will pay 200 million euros ($270 million) for the unit and "
             "sold its British arm for 90 million pounds ($140 million).\n\n($1 = 0.7407 euros)\n")
    assert [f for f in conversion_findings(story, "2013-06-12") if f.severity != "info"] == []
    slipped = story.replace("$140 million", "$14 million")
    (finding,) = [f for f in conversion_findings(slipped, "2013-06-12") if f.severity != "info"]
    assert finding.span.startswith("90 million pounds") and "ECB" in finding.message


@pytest.mark.parametrize("text, stated_rate, expected", [
    # In May 2024 a dollar bought about 7.1 yuan: 1.9 billion dollars passes the market, not the story's 7.2.
    ("该公司斥资100亿元人民币（约合19亿美元）收购该业务，按1美元兑7.2元人民币计算。", "1美元兑7.2元人民币", "约合13.9亿美元"),
    ("新华社北京5月5日电 该公司斥资100亿元（约合13.9亿美元）收购该业务。\n\n"
     "该公司还将投资20亿元（约合4亿美元）建设新厂。\n\n（1美元=6.81元）\n", "1美元=6.81元", "约合2.94亿美元"),
])
def test_a_chinese_pair_against_the_rate_its_story_states_is_told_in_chinese(text, stated_rate, expected):
    (finding,) = conversion_findings(text, "2024-05-05")
    assert finding.severity == "error" and "按文中所述汇率" in finding.message
    assert f"“{stated_rate}”" in finding.message and expected in finding.message and "偏大" in finding.message
    assert finding.evidence["stated_rate"] == stated_rate and finding.suggestion.endswith(f"（{expected}）")


def test_a_chinese_pair_at_the_rate_its_story_states_is_silent():
    # 100亿元 at 6.2 is 16.1亿美元, 13% off the market of May 2024 (7.1): the story's rate decides.
    text = "该公司斥资100亿元（约合16.1亿美元）收购该业务（1美元＝6.2元人民币）。"
    assert conversion_findings(text, "2024-05-05") == []
    assert conversion_findings(text.replace("（1美元＝6.2元人民币）", ""), "2024-05-05")


# The rouble: about 32 per dollar in 2013, 36 in March 2014, 62-73 in February 2015, 49-58 in April-June 2015.
_RUSSIA_TIMELINE = ("TIMELINE-Russia's banks under sanctions\n\n"
                    "2013 — Sberbank sets aside 65 billion roubles ($2.04 billion) for bad loans.\n\n"
                    "March 2014: VTB raises 100 billion roubles ($2.8 billion) from the state.\n\n"
                    "February - Sberbank books 65 billion roubles ($985 million) of provisions.\n\n"
                    "June 10 - The central bank cuts its key rate to 11.5 percent.\n")


def test_timeline_entries_with_a_month_or_a_year_but_no_day_are_checked_at_that_period():
    assert conversion_findings(_RUSSIA_TIMELINE, "2015-06-30") == []
    for right, slipped in [("$2.04 billion", "$20.4 billion"), ("$2.8 billion", "$28 billion"),
                           ("$985 million", "$98.5 million")]:
        (finding,) = conversion_findings(_RUSSIA_TIMELINE.replace(right, slipped), "2015-06-30")
        assert finding.severity == "error" and slipped in finding.message


@pytest.mark.parametrize("line, as_of, period", [
    ("February - Sberbank books 65 billion roubles", "2015-06-30", ("2015-02-01", "2015-02-28")),
    ("November - The bank", "2015-06-30", ("2014-11-01", "2014-11-30")),
    ("March 2009: VTB raises", "2015-06-30", ("2009-03-01", "2009-03-31")),
    ("* Nov. 15, 2006 -- BA says", None, ("2006-11-01", "2006-11-30")),
    ("2008 — Sberbank sets aside", None, ("2008-01-01", "2008-12-31")),
    ("2011: The government", "2015-06-30", ("2011-01-01", "2011-12-31")),
])
def test_a_timeline_entry_dates_itself(line, as_of, period):
    from checker.kinds.stated import timeline_month

    date = dt.date.fromisoformat(as_of) if as_of else None
    assert timeline_month(line, date) == tuple(dt.date.fromisoformat(d) for d in period)


@pytest.mark.parametrize("line", ["2008-09 was a bad year", "May 2 percent of them", "February was cold - said",
                                  "2015 - 2016 budget", "The March 2009 deal"])
def test_lines_that_only_begin_with_a_date_are_no_timeline_entries(line):
    from checker.kinds.stated import timeline_month

    assert timeline_month(line, dt.date(2015, 6, 30)) is None


def test_a_footer_rate_does_not_govern_a_timeline_entry():
    # Each entry converts at the rate of its own date; the footer gives today's.
    story = _RUSSIA_TIMELINE + "\n($1 = 55.7 roubles)\n"
    assert conversion_findings(story, "2015-06-30") == []
