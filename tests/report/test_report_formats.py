"""The machine formats: each must carry the finding's path, line and column, and follow its spec."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from tests.report.report_helpers import (
    ROOT,
    SEED_FIX,
    SEED_MESSAGE,
    SEED_PATH,
    SEED_SPAN,
    seed_finding,
    seed_result,
    seed_rules,
)

from checker.report import FORMATS, UnknownFormat, render
from checker.report.github import escape_data, escape_property

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def _locations(fmt: str, text: str) -> list[tuple[str, int, int]]:
    """Read (path, line, column) of every finding back out of a report."""
    if fmt == "json":
        return [(f["path"], f["line"], f["column"]) for f in json.loads(text)["findings"]]
    if fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        places = [r["locations"][0]["physicalLocation"] for r in results]
        return [(p["artifactLocation"]["uri"], p["region"]["startLine"], p["region"]["startColumn"]) for p in places]
    if fmt == "github":
        found = []
        for line in text.splitlines():
            props = dict(item.split("=", 1) for item in line.split("::")[1].split(" ", 1)[1].split(","))
            found.append((props["file"], int(props["line"]), int(props["col"])))
        return found
    if fmt == "rdjsonl":
        rows = [json.loads(line)["location"] for line in text.splitlines()]
        return [(r["path"], r["range"]["start"]["line"], r["range"]["start"]["column"]) for r in rows]
    if fmt == "junit":
        cases = [c for c in ET.fromstring(text.encode()).iter("testcase") if c.find("failure") is not None]
        return [tuple(c.get("name").split(" ", 1)[0].split(":")) for c in cases]
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "rdjsonl", "junit"])
def test_every_machine_format_points_at_the_seed_span(fmt):
    finding = seed_finding()
    found = _locations(fmt, render(seed_result(), fmt, seed_rules(), environ={}))
    expected = (SEED_PATH, finding.line, finding.column)
    assert [tuple(str(v) for v in place) for place in found] == [tuple(str(v) for v in expected)]


def test_every_registered_format_renders_the_seed():
    for fmt in FORMATS:
        text = render(seed_result(), fmt, seed_rules(), environ={})
        assert SEED_PATH in text, fmt


def test_unknown_format_is_a_clear_error():
    with pytest.raises(UnknownFormat, match="choose one of: rich, json"):
        render(seed_result(), "yaml")


def _three_findings():
    return [
        seed_finding(path="b.md", line=7, column=3, end_line=7, end_column=9, source_line=None, severity="info"),
        seed_finding(path="a.md", line=2, column=9, end_line=2, end_column=12, source_line=None, severity="warning"),
        seed_finding(path="a.md", line=2, column=1, end_line=2, end_column=4, source_line=None),
    ]


def test_json_is_the_contract_sorted_by_path_line_column():
    data = json.loads(render(seed_result(_three_findings()), "json"))
    assert set(data) == {"version", "files", "findings", "summary"}
    assert data["version"] == 1 and data["files"] == 1
    places = [(f["path"], f["line"], f["column"]) for f in data["findings"]]
    assert places == [("a.md", 2, 1), ("a.md", 2, 9), ("b.md", 7, 3)]
    assert data["summary"] == {"error": 1, "warning": 1, "info": 1}
    assert set(data["findings"][0]) == {
        "path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "suggestion", "evidence"
    }


def test_json_keeps_the_seed_finding_whole():
    (finding,) = json.loads(render(seed_result(), "json"))["findings"]
    assert finding["message"] == SEED_MESSAGE
    assert finding["suggestion"] == SEED_FIX
    assert finding["evidence"] == {"rate": 7.28, "rate_date": "2025-04-15", "source": "ECB", "factor": 9.7}
    assert finding["end_column"] - finding["column"] == len(SEED_SPAN)


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="../shared/schemas is not checked out beside the repository")
@pytest.mark.parametrize("findings", [None, [], "three"], ids=["seed", "clean", "several"])
def test_sarif_validates_against_the_official_schema(findings):
    result = seed_result(_three_findings() if findings == "three" else findings)
    log = json.loads(render(result, "sarif", seed_rules()))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator_class(schema, format_checker=validator_class.FORMAT_CHECKER).validate(log)


def test_sarif_describes_rules_and_carries_the_suggestion():
    log = json.loads(render(seed_result(), "sarif", seed_rules()))
    run = log["runs"][0]
    (rule,) = run["tool"]["driver"]["rules"]
    assert rule["id"] == "currency-conversion"
    assert rule["defaultConfiguration"]["level"] == "error"
    assert "ECB reference rates" in rule["fullDescription"]["text"]
    assert rule["helpUri"] == "https://example.org/rules/currency-conversion"
    (result,) = run["results"]
    assert result["level"] == "error"
    assert result["message"]["text"] == f"{SEED_MESSAGE}\nhelp: {SEED_FIX}"
    assert result["properties"]["suggestion"] == SEED_FIX
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"]["text"] == SEED_SPAN
    assert region["endColumn"] - region["startColumn"] == len(SEED_SPAN)
    assert "fixes" not in result  # a suggestion for people is not an exact replacement


def _with_replacement():
    finding = seed_finding()
    return seed_result([seed_finding(evidence={**finding.evidence, "replacement": SEED_FIX})])


def test_sarif_offers_a_fix_only_for_an_exact_replacement():
    (result,) = json.loads(render(_with_replacement(), "sarif"))["runs"][0]["results"]
    (change,) = result["fixes"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == SEED_FIX
    assert replacement["deletedRegion"]["startColumn"] == seed_finding().column
    assert change["artifactLocation"]["uri"] == SEED_PATH


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="../shared/schemas is not checked out beside the repository")
def test_sarif_with_a_fix_validates():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(render(_with_replacement(), "sarif")), schema)


def test_sarif_lists_a_rule_nobody_described():
    log = json.loads(render(seed_result([seed_finding(rule="unit-conversion", severity="info")]), "sarif", {}))
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["unit-conversion"]
    assert run["results"][0]["level"] == "note" and run["results"][0]["ruleIndex"] == 0


def test_github_escapes_properties_and_data_as_the_toolkit_does():
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"
    assert escape_data("50% off\r\nnow, then: later") == "50%25 off%0D%0Anow, then: later"
    finding = seed_finding(path="news/a,b:c.md", message="line one\nline two: 100%")
    (line,) = render(seed_result([finding]), "github", environ={}).splitlines()
    assert line.startswith("::error file=news/a%2Cb%3Ac.md,line=1,")
    assert line.endswith("::line one%0Aline two: 100%25%0Ahelp: " + SEED_FIX)


def test_github_puts_the_most_severe_first():
    text = render(seed_result(_three_findings()), "github", environ={})
    assert [line.split(" ", 1)[0] for line in text.splitlines()] == ["::error", "::warning", "::notice"]


def test_github_appends_a_summary_table_to_the_step_summary(tmp_path):
    summary = tmp_path / "step_summary.md"
    summary.write_text("## Earlier step\n", encoding="utf-8")
    finding = seed_finding(message="a | b")
    render(seed_result([finding]), "github", environ={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Earlier step\n### figcheck: 1 error, 0 warnings, 0 infos in 1 file")
    assert f"| error | `{SEED_PATH}:1:{finding.column}` | `currency-conversion` | a \\| b | {SEED_FIX} |" in text


def test_rdjsonl_counts_columns_in_utf8_bytes():
    line = "Hangzhou’s fund: 600 billion yuan ($8.5 billion)."
    column = line.index("600") + 1
    finding = seed_finding(path="doc.md", column=column, end_column=column + len(SEED_SPAN), source_line=line)
    (row,) = [json.loads(text) for text in render(seed_result([finding]), "rdjsonl").splitlines()]
    span = row["location"]["range"]
    assert span["start"]["column"] == column + 2  # the curly apostrophe is three bytes
    assert line.encode()[span["start"]["column"] - 1 : span["end"]["column"] - 1].decode() == SEED_SPAN
    assert row["severity"] == "ERROR" and row["code"]["value"] == "currency-conversion"
    assert row["message"] == f"{SEED_MESSAGE}\nhelp: {SEED_FIX}"
    assert "suggestions" not in row


def test_rdjsonl_suggests_an_exact_replacement():
    (row,) = [json.loads(text) for text in render(_with_replacement(), "rdjsonl").splitlines()]
    assert row["suggestions"] == [{"range": row["location"]["range"], "text": SEED_FIX}]


def test_junit_fails_a_case_per_finding_and_passes_clean_files():
    findings = _three_findings()  # an error and a warning in a.md, an info in b.md
    result = seed_result(findings, keep_source=True)  # the seed file is kept but has no finding here
    root = ET.fromstring(render(result, "junit").encode())
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert sorted(cases) == ["a.md:2:1 currency-conversion", "b.md", SEED_PATH]
    assert cases[SEED_PATH].findall("failure") == [] and cases["b.md"].findall("failure") == []
    assert "info[currency-conversion]" in cases["b.md"].find("system-out").text  # below --fail-on
    assert "warning[currency-conversion]" in cases["a.md:2:1 currency-conversion"].find("system-out").text
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")
    assert "help: " + SEED_FIX in cases["a.md:2:1 currency-conversion"].find("failure").text


def test_github_reports_a_step_summary_it_cannot_write(tmp_path):
    missing = tmp_path / "no-such-dir" / "summary.md"
    lines = render(seed_result(), "github", environ={"GITHUB_STEP_SUMMARY": str(missing)}).splitlines()
    assert lines[0].startswith("::error file=")
    assert lines[1].startswith("::warning title=figcheck::could not write the step summary")
