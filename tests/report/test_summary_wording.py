"""Summaries count in words a reader can trust: singulars, and records of exports as records."""

from __future__ import annotations

from checker.findings import LintResult
from checker.report import render
from tests.report.report_helpers import seed_finding


def test_one_of_everything_is_singular():
    result = LintResult(files=1, findings=[seed_finding(severity="warning")], paths=["seeds/x.txt"])
    summary = render(result, "rich").splitlines()[-2]
    assert summary == "Found 0 errors, 1 warning, 0 infos in 1 file (1 file checked)."


def test_records_of_an_export_are_counted_as_records_in_their_file():
    result = LintResult(files=1, records=3, paths=["export.jsonl"])
    assert "No problems found (3 records in 1 file checked)." in render(result, "rich")
    summary = render(result, "github", environ={"GITHUB_STEP_SUMMARY": ""})
    assert summary == ""  # no findings, no annotations


def test_step_summary_counts_records(tmp_path):
    target = tmp_path / "summary.md"
    result = LintResult(files=2, records=3, findings=[seed_finding()], paths=["export.jsonl", "a.md"])
    render(result, "github", environ={"GITHUB_STEP_SUMMARY": str(target)})
    assert target.read_text().startswith("### figcheck: 1 error, 0 warnings, 0 infos in 3 records in 2 files")
