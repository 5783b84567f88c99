"""Undated pairs (issue 12.4): the last year of the table decides and older years are only info, but
what the text itself says is used — a budget or fiscal year it names dates the conversion, and an
older year "fits" only where one actual month's rates agree, not the envelope of twenty years."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from checker.kinds.stated import fiscal_years


def conversion(text: str) -> list:
    return [f for f in lint_text(text) if f.rule == "currency-conversion"]


# A Kenyan shilling bought about 66.7 per dollar in 2008, 110-160 in 2022-23, about 130 in the table's last year.
@pytest.mark.parametrize("text, period", [
    ("The city council approved KSh 46.2 billion ($693 million) for its 2022/23 budget after a late-night sitting.",
     "2022/23 budget"),
    ("Nairobi's county set aside KSh 46.2 billion ($693 million) in FY2023 for roads.", "FY2023"),
    ("内罗毕市议会批准2022/23财年预算462亿肯尼亚先令（约合6.93亿美元）。", "2022/23财年"),
])
def test_a_pair_that_fits_no_rate_of_the_fiscal_year_it_names_is_a_stale_rate(text, period):
    (finding,) = conversion(text)
    assert finding.severity == "warning" and finding.evidence["period_named"] == period
    assert period in finding.message and finding.evidence["fits_rates_of"] == 2008


@pytest.mark.parametrize("text", [
    # At 2022's rates (about 117 per dollar) the budget's conversion is right: old copy, only info.
    "The city council approved KSh 46.2 billion ($393 million) for its 2022/23 budget after a late-night sitting.",
    # The same stale-looking pair with no year named may be copy from 2008: only info.
    "The city council approved KSh 46.2 billion ($693 million) for its budget after a late-night sitting.",
    # A plan for years the table has not reached says nothing about the rate used.
    "The city council approved KSh 46.2 billion ($693 million) for its 2031/32 budget.",
])
def test_without_that_evidence_an_undated_old_rate_stays_info(text):
    assert [f.severity for f in conversion(text)] == ["info"]


@pytest.mark.parametrize("sentence, found", [
    ("for its 2022/23 budget", [("2022/23 budget", (2022, 2023))]),
    ("in fiscal 2022-23", [("fiscal 2022-23", (2022, 2023))]),
    ("its FY23 results", [("FY23", (2022, 2023))]),
    ("the 2024 budget", [("2024 budget", (2023, 2024))]),
    ("2024年预算", [("2024年预算", (2023, 2024))]),
    ("the 2022-25 budget plan", []),
    ("founded in 1998, the company", []),
    ("the 2008 crisis", []),
])
def test_fiscal_years_are_read_with_the_years_they_span(sentence, found):
    assert fiscal_years(sentence) == found


def test_an_older_year_fits_only_where_an_actual_months_rates_agree():
    # Egypt's pound went from 8.88 to about 16-18 per dollar in November 2016 and has been 47-55 lately:
    # 12.5 per dollar lies inside twenty years' envelope but was never the rate of any month.
    # Undated, it is still only info (the copy may predate the table: 3.4 per dollar in the 1990s), and
    # says so; the same pair in a dated story of 2023 is the error.
    (never,) = conversion("Egypt will spend EGP 10 billion ($800 million) on bread subsidies.")
    assert never.severity == "info" and never.evidence["undated"] is True and "give it a date" in never.message
    assert "between" not in never.message
    (dated,) = [f for f in lint_text("Egypt will spend EGP 10 billion ($800 million) on bread subsidies.",
                                     date="2023-06-01") if f.rule == "currency-conversion"]
    assert dated.severity == "error"
    # 17.9 per dollar was the rate of 2016-2022: only info, and the message names those years, not the envelope's.
    (old,) = conversion("Egypt will spend EGP 10 billion ($560 million) on bread subsidies.")
    assert old.severity == "info" and "between 2016 and 2022" in old.message
