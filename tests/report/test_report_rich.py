"""The default terminal report: compiler-style diagnostics, plain when not at a terminal."""

from __future__ import annotations

import re

from tests.report.report_helpers import SEED_FIX, SEED_MESSAGE, SEED_PATH, SEED_SPAN, seed_finding, seed_result

from checker.findings import FileStats, LintResult
from checker.report import render

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _underlined(text: str) -> list[str]:
    """The text above each caret run: the source row just before the caret row."""
    lines = text.splitlines()
    found = []
    for above, below in zip(lines, lines[1:]):
        match = re.search(r"\^+", below)
        if match and "|" in below:
            found.append(above[match.start() : match.end()])
    return found


def test_plain_report_of_the_seed():
    finding = seed_finding()
    text = render(seed_result(), "rich")
    assert not ANSI.search(text)
    lines = text.splitlines()
    assert lines[0] == f"{SEED_PATH}:1:{finding.column}: error[currency-conversion] {SEED_MESSAGE}"
    assert _underlined(text) == [SEED_SPAN]
    assert f"  = help: {SEED_FIX}" in lines
    assert "  = evidence: rate=7.28 rate_date=2025-04-15 source=ECB factor=9.7" in lines
    assert "Found 1 error, 0 warnings, 0 infos in 1 file (1 file checked)." in lines
    assert "Coverage: 4 amounts read, 2 relations, 2 checked, 1 unparsed." in lines


def test_source_rows_fit_the_width_but_the_header_is_never_wrapped():
    text = render(seed_result(), "rich", width=60)
    rows = [line for line in text.splitlines() if line.startswith("1 | ")]
    assert len(rows) == 1 and len(rows[0]) <= 60
    assert text.splitlines()[0].endswith("off by a factor of 9.7")
    assert _underlined(text) == [SEED_SPAN]


def test_colour_when_asked():
    text = render(seed_result(), "rich", color=True)
    assert ANSI.search(text)
    assert _underlined(ANSI.sub("", text)) == [SEED_SPAN]


def test_unparsed_strings_are_listed_only_when_asked():
    assert "a few hundred million" not in render(seed_result(), "rich")
    assert "  'a few hundred million'" in render(seed_result(), "rich", show_unparsed=True).splitlines()


def test_findings_come_in_location_order_and_a_multiline_span_underlines_to_the_end_of_line():
    late = seed_finding(line=3, end_line=4, column=5, end_column=2, source_line="The fund: 700 billion")
    early = seed_finding()
    text = render(seed_result([late, early]), "rich")
    headers = [line for line in text.splitlines() if line.startswith(SEED_PATH)]
    assert [h.split(":")[1] for h in headers] == ["1", "3"]
    assert _underlined(text) == [SEED_SPAN, "fund: 700 billion"]


def test_a_finding_without_its_source_line_still_reports_location_and_fix():
    text = render(seed_result([seed_finding(source_line=None)]), "rich")
    assert "^" not in text
    assert f"  = help: {SEED_FIX}" in text.splitlines()


def test_clean_run_says_so_with_coverage():
    result = LintResult(files=3, skipped=1, stats=FileStats(amounts=12, relations=3, checked=3))
    lines = render(result, "rich").splitlines()
    assert lines == [
        "No problems found (3 files checked, 1 skipped).",
        "Coverage: 12 amounts read, 3 relations, 3 checked, 0 unparsed.",
    ]


def test_evidence_line_keeps_rate_date_source_and_factor():
    evidence = {
        "stated": "6e+11 CNY", "rate": 7.28, "date": None, "rate_date": "2025-04-15", "source": "ECB", "factor": 9.7
    }
    text = render(seed_result([seed_finding(evidence=evidence)]), "rich")
    assert "  = evidence: rate=7.28 rate_date=2025-04-15 source=ECB factor=9.7" in text.splitlines()
