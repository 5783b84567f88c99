"""Undated copy may be of any age. A pair that fails the table's last year is only info, saying to give
the document a date, unless no drift of the pair explains it (a pair far outside every rate of the table, a
rate turned the wrong way round; a tenfold slip at today's rates in a pair that moved a lot is a warning). Real 1987 Reuters pairs
(reuters21578, right at the rates of their day) and variants; the seed's slip stays an error undated."""

from __future__ import annotations

import pytest

from checker.api import lint_text


def conversion(text: str, date: str | None = None) -> list:
    return [f for f in lint_text(text, date=date) if f.rule == "currency-conversion"]


@pytest.mark.parametrize("text", [
    # the rand was about 2.07 to the dollar in March 1987, about 17 lately: eightfold, near a power of ten
    "Salaries for black miners currently range from a low of 195 rand or 94 dlrs a month to 800 rand, or 384 "
    "dlrs, with an average monthly wage of 345 rand or 165 dlrs, Ramaphosa said.",
    # the Kenya shilling: 16 to the dollar then, 130 now
    "This gave Kenya an overall balance of payments surplus of 780 mln Kenya shillings (48 mln dlrs) during the "
    "period, compared with a 1.4 billion shilling (87 mln dlr) deficit in the second half of 1985, it said.",
    # the taka, 30 then and 124 now; the peso, 20 then and 58 now; the CFA franc, 300 then and 580 now
    "Police said the four arrested owed nearly 50.7 mln taka -- the equivalent of about 1.7 mln dlrs -- to the bank.",
    "MANILA - President Corazon Aquino announced government plans to devote to land reform an estimated 24 "
    "billion pesos (about one billion U.S. Dlrs) raised from the sale of failed businesses.",
    "Bra Kanon estimated at at least 535 billion CFA francs (1.76 billion dlrs) the overall loss in revenues.",
    "SEAT losses for 1986 were around 27 billion pesetas, or about 386 mln marks, almost double expectations.",
])
def test_an_old_pair_that_fails_recent_rates_is_only_info(text):
    findings = conversion(text)
    assert findings and all(f.severity == "info" for f in findings)


@pytest.mark.parametrize("text", [
    # the rupee was 8.3 to the dollar in 1975 and 39-95 in the table, the yen 76-162: a tenfold gap at
    # today's rates may be age, but most undated copy is a draft of today, so it is a warning, not info
    "Reliance will invest Rs 12,000 crore ($14.4 billion) in the new plant.",
    "索尼将投资1500亿日元（约合100亿美元）兴建新的传感器工厂。",
])
def test_a_scale_slip_at_todays_rates_in_a_pair_that_moved_a_lot_is_a_warning(text):
    (finding,) = conversion(text)
    assert finding.severity == "warning" and finding.evidence["likely_slip"] == "scale"
    assert finding.evidence["undated"] is True


@pytest.mark.parametrize("text, slip", [
    # no age explains these shapes: £2.4 billion divided by 1.46 dollars a pound; the yuan far outside
    # the 6.1-8.3 band it has kept for twenty years; the won converted into yuan instead of dollars
    ("The insurer agreed to sell its Asian life business for £2.4 billion ($1.64 billion) in cash.", "inverted_rate"),
    ("The developer paid 1.8 billion yuan ($2 billion) for a residential plot in Shenzhen.", None),
    ("The battery maker's new plant will cost 3 trillion won ($15.1 billion).", None),
])
def test_an_undated_gap_no_age_explains_keeps_the_rules_severity(text, slip):
    (finding,) = conversion(text)
    assert finding.severity == "error" and finding.evidence.get("likely_slip") == slip


@pytest.mark.parametrize("text, hint", [
    ("Police said the four arrested owed nearly 50.7 mln taka -- the equivalent of about 1.7 mln dlrs -- to the "
     "bank.", "give it a date"),
    ("肯尼亚国际收支顺差7.8亿肯尼亚先令（约合4800万美元）。", "请注明日期"),
])
def test_the_info_says_to_give_the_document_a_date(text, hint):
    (finding,) = conversion(text)
    assert finding.severity == "info" and hint in finding.message and finding.evidence["undated"] is True


@pytest.mark.parametrize("text, fix", [
    ("Since 2014 the fund has raised almost 700 billion yuan ($96 billion), and in April authorities earmarked "
     "a further 600 billion yuan ($8.5 billion) to seed early-stage AI companies.", "60 billion yuan ($8.5 billion)"),
    ("今年4月，有关部门又安排600亿元（约合8.5亿美元）专项资金，用于扶持人工智能初创企业。", "60亿元（约合8.5亿美元）"),
    # the won stayed within 900-1,600 to the dollar; sterling within 1.03-2.1 dollars; the euro 0.83-1.6
    ("Samsung plans to spend 25 trillion won ($1.9 billion) on chip lines.", "2.5 trillion won ($1.9 billion)"),
    ("The bank was fined £500m ($630bn) by regulators.", "£500,000m ($630bn)"),
    ("Siemens won a contract worth 1.2 billion euros ($13 billion).", "12 billion euros ($13 billion)"),
])
def test_a_scale_slip_in_a_pair_that_never_drifted_so_far_stays_an_error(text, fix):
    (finding,) = [f for f in conversion(text) if f.severity != "info" or "600" in f.message]
    assert finding.severity == "error" and fix in finding.suggestion


@pytest.mark.parametrize("text", [
    # the rate turned the wrong way round: 10 billion yuan times 7.2, not divided by it
    "The city raised 10 billion yuan ($72 billion) for the new metro line.",
    # yen written as yuan: 500 billion yen is about $3.2 billion, not $69 billion
    "The utility raised 500 billion yen ($69 billion) in green bonds.",
    "该市为新地铁线路筹资100亿元人民币（约合720亿美元）。",
])
def test_a_gap_far_beyond_any_drift_is_an_error_undated(text):
    (finding,) = conversion(text)
    assert finding.severity == "error"


def test_the_seed_line_before_the_slip_stays_silent_undated():
    text = "Since 2014 the National Integrated Circuit Industry Fund has raised almost 700 billion yuan ($96 billion)."
    assert conversion(text) == []


def test_a_date_brings_the_check_back():
    # Dated, a gap that undated copy can only call info is held to the rates of its day.
    text = "Reliance will invest Rs 12,000 crore ($14.4 billion) in the new plant."
    (finding,) = conversion(text, "2024-04-15")
    assert finding.severity == "error" and "Rs 120,000 crore ($14.4 billion)" in finding.suggestion


@pytest.mark.parametrize("text, date", [
    # a rate the text states does not depend on the date: the pair is held to it, dated or not
    ("Miners earn 195 rand or 940 dlrs a month, at 2.07 rand to the dollar.", None),
    ("Miners earn 195 rand or 940 dlrs a month, at 2.07 rand to the dollar.", "2024-04-15"),
])
def test_a_pair_against_the_rate_its_text_states_is_an_error_at_any_age(text, date):
    (finding,) = conversion(text, date)
    assert finding.severity == "error" and "the rate the text states" in finding.message


def test_a_pair_at_the_rate_its_text_states_passes_undated():
    assert conversion("Miners earn 195 rand or 94 dlrs a month, at 2.07 rand to the dollar.") == []
