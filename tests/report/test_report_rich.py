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
    assert lines[0] == f"{SEED_PATH}  (1 error)"
    assert lines[2] == f"{SEED_PATH}:1:{finding.column}: error[currency-conversion] {SEED_MESSAGE}"
    assert _underlined(text) == [SEED_SPAN]
    assert f"  = help: {SEED_FIX}" in lines
    assert "  = evidence: rate 7.28 on 15 April 2025 (ECB); off by a factor of 9.7" in lines
    assert "Found 1 error, 0 warnings, 0 infos in 1 file (1 file checked)." in lines
    assert "Coverage: 4 amounts read, 2 relations, 2 checked, 1 unparsed." in lines


def test_source_rows_fit_the_width_but_the_header_is_never_wrapped():
    text = render(seed_result(), "rich", width=60)
    rows = [line for line in text.splitlines() if line.startswith("1 | ")]
    assert len(rows) == 1 and len(rows[0]) <= 60
    assert text.splitlines()[2].endswith("off by a factor of 9.7")
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
    headers = [line for line in text.splitlines() if line.startswith(SEED_PATH + ":")]
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


def test_evidence_is_written_in_words():
    evidence = {
        "stated": "6e+11 CNY", "rate": 7.314995, "rate_unit": "CNY per USD", "date": None, "rate_date": "2025-04-15",
        "source": "ECB euro foreign exchange reference rates", "factor": 9.65,
    }
    text = render(seed_result([seed_finding(evidence=evidence)]), "rich")
    assert "  = evidence: 7.315 Chinese yuan per US dollar on 15 April 2025 (ECB); off by a factor of 9.65" in (
        text.splitlines())
    assert "rate=" not in text and "rate_unit" not in text


def test_the_no_date_note_is_said_once_per_file_and_the_date_used_is_in_the_heading():
    note = "no date known: accepted any rate of the last 365 days of the table"
    undated = [seed_finding(message=f"{SEED_MESSAGE} ({note})", evidence={"rate": 7.28, "rate_note": note}),
               seed_finding(line=3, end_line=3, message=f"second slip ({note})", evidence={"rate": 7.2, "rate_note": note})]
    text = render(seed_result(undated), "rich")
    assert text.count(note) == 1
    assert text.splitlines()[:2] == [f"{SEED_PATH}  (2 errors)", f"  {note}"]
    assert f"error[currency-conversion] {SEED_MESSAGE}" in text and "second slip\n" in text
    dated = seed_finding(evidence={"rate": 7.28, "date": "2025-04-15", "date_source": "front matter"})
    assert render(seed_result([dated]), "rich").splitlines()[1] == "  as of 15 April 2025 (from front matter)"


def test_help_and_evidence_keep_their_indentation_when_they_wrap():
    long_help = "60 billion yuan ($8.5 billion) or 600 billion yuan (about $82 billion), as the desk prefers it"
    evidence = {"rate": 7.314995, "rate_unit": "CNY per USD", "rate_date": "2025-04-15", "source": "ECB",
                "factor": 9.65, "likely_slip": "scale", "slip_power": 1, "first": "700 billion yuan in the headline"}
    text = render(seed_result([seed_finding(suggestion=long_help, evidence=evidence)]), "rich", width=60)
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  = help: "))
    assert lines[start + 1].startswith(" " * len("  = help: ")) and lines[start + 1].strip()
    ev = next(i for i, line in enumerate(lines) if line.startswith("  = evidence: "))
    assert all(line.startswith(" " * len("  = evidence: ")) for line in lines[ev + 1 : ev + 3])
    assert all(len(line) <= 60 for line in lines[start:ev + 3])


def test_the_real_seed_report_reads_in_words(tmp_path):
    from checker.api import lint_paths
    from tests.e2e.transcript import save_terminal_svg
    from tests.report.report_helpers import ROOT

    result = lint_paths([str(ROOT / "seeds")], date="2025-04-15")
    for finding in result.findings:
        finding.path = finding.path.replace(str(ROOT) + "/", "")
    text = render(result, "rich", color=True, width=100)
    plain = ANSI.sub("", text)
    assert plain.splitlines()[:2] == [f"{SEED_PATH}  (1 error)", "  as of 15 April 2025 (set by hand)"]
    assert "  = evidence: 7.315 Chinese yuan per US dollar on 15 April 2025 (ECB); any rate from 15 January" in plain
    save_terminal_svg("$ figcheck lint seeds/ --date 2025-04-15\n" + text, "lint-terminal.svg", "figcheck lint")


def test_a_chinese_finding_gives_its_evidence_in_chinese_in_the_terminal_and_html_reports():
    from checker.api import lint_paths
    from tests.report.report_helpers import ROOT

    result = lint_paths([str(ROOT / "seeds" / "001_zh_bigfund.txt")], date="2025-04-15")
    assert [f.rule for f in result.findings] == ["currency-conversion"]
    plain = ANSI.sub("", render(result, "rich", color=False, width=200))
    evidence = next(line for line in plain.splitlines() if "= evidence:" in line)
    assert "1 美元 = 7.315 人民币，2025年4月15日" in evidence and "相差" in evidence and "数量级相差 10^1" in evidence
    assert "per US dollar" not in evidence and "accepted" not in evidence
    page = render(result, "html")
    assert "数量级相差 10^1" in page and "any rate from" not in page
