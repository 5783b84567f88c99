"""A suggested fix is written as a newsroom prints it (issue 11.6): the scale word moves with the figure
("174 billion yuan", never "0.174 trillion yuan"), a bare figure that grows past a million takes a scale
word, and the fix itself passes the check."""

import pytest

from checker import lint_text


@pytest.mark.parametrize("text, fix, never", [
    ("The plan costs 1.74 trillion yuan ($24 billion).", "174 billion yuan ($24 billion)", "0.174 trillion"),
    ("The fee is 109 euros ($0.12 billion).", "109 million euros ($0.12 billion)", "109,000,000"),
    ("It earmarked a further 600 billion yuan ($8.5 billion).", "60 billion yuan ($8.5 billion)", "0.06"),
])
def test_the_scale_fix_is_written_the_way_copy_prints_it(text, fix, never):
    (finding,) = lint_text(text, date="2025-04-15")
    assert finding.suggestion.startswith(fix) and never not in finding.suggestion
    start = finding.column - 1
    fixed = text[:start] + fix + text[finding.end_column - 1:]
    assert [f for f in lint_text(fixed, date="2025-04-15") if f.rule == "currency-conversion"] == []
