"""currency-conversion verdicts on real phrasing, at known dates, through the whole pipeline."""

import pytest

from checker.api import lint_text


def verdict(text, date=None):
    findings = [f for f in lint_text(text, date=date) if f.rule == "currency-conversion"]
    return [(f.severity, f.message) for f in findings]


def test_a_year_named_in_the_sentence_is_a_rate_the_writer_may_have_used():
    # 138.7 billion yuan was about $22.6 billion at 2014's 6.14; at mid-2024's 7.24 it is $19 billion.
    [(severity, message)] = verdict("In 2014 the fund raised 138.7 billion yuan ($22.6 billion).", "2024-06-01")
    assert severity == "info" and "in 2014" in message and "not flagged" in message


def test_without_a_named_year_the_same_pair_is_held_to_the_document_date():
    [(severity, message)] = verdict("The fund raised 138.7 billion yuan ($22.6 billion).", "2024-06-01")
    assert severity == "error" and "1.18 times too large" in message


def test_a_named_year_does_not_excuse_a_scale_slip():
    [(severity, _)] = verdict("In 2014 the fund raised 138.7 billion yuan ($2.26 billion).", "2024-06-01")
    assert severity == "error"


@pytest.mark.parametrize("text, date", [
    ("Sony paid 1 billion yen ($9.5 million) for the studio.", "2020-03-02"),
    ("The EU fined Google 2.42 billion euros ($2.7 billion).", "2017-06-27"),
    ("Toshiba sold its chip unit for 2 trillion yen ($18 billion).", "2017-09-28"),
    ("Didi raised $4.4 billion (29.6 billion yuan) in its IPO.", "2021-06-30"),
])
def test_published_pairs_at_their_dates_pass(text, date):
    assert verdict(text, date) == []


def test_an_undated_old_pair_is_info_not_an_error():
    [(severity, message)] = verdict("Sony paid 1 billion yen ($9.5 million) for the studio.")
    assert severity == "info" and "no date is known" in message


def test_a_japanese_company_settles_the_yen_sign():
    [(severity, message)] = verdict("Toyota expects ¥150 billion ($10 billion) in savings.", "2024-03-20")
    assert severity == "error" and "JPY per USD" in message
    assert verdict("Toyota expects ¥150 billion ($1 billion) in savings.", "2024-03-20") == []
