"""Every machine format read back the way its consumer reads it, on a real run of figcheck.

The run covers what trips consumers up: a clean file, two identical findings in one file, a CMS
export (JSONL, the figure behind JSON string escapes), a Chinese file and a .docx. Each format is
checked against its consumer's published schema or format: SARIF 2.1.0 (the official schema),
GitHub workflow commands, reviewdog's rdjsonl Diagnostic, GitLab Code Quality, JUnit as
`junitparser` reads it, and the one-line `concise` format.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import jsonschema
import pytest
from junitparser import Failure, JUnitXml

from checker.report import render
from checker.report.rules import project_url, rule_infos
from checker.run import LintRequest, run_lint

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
SPAN = "600 billion yuan ($8.5 billion)"
ZH = "据报道，当局四月又拨出6000亿元人民币（85亿美元）用于扶持人工智能企业。"
ZH_SPAN = "6000亿元人民币（85亿美元）"
RECORD = {
    "id": "story-7",
    "headline": "Fund \u201cgrows\u201d",
    "body": "Caf\u00e9 \"society\" news:\n" + WRONG,
    "date": "2025-04-15",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "clean.md").write_text("The council met on Tuesday and adjourned.\n", encoding="utf-8")
    (folder / "twice.md").write_text(f"{WRONG}\n\n{WRONG}\n", encoding="utf-8")
    (folder / "zh.txt").write_text(ZH + "\n", encoding="utf-8")
    lines = [json.dumps({"id": "quiet", "body": "Nothing to see."}), json.dumps(RECORD)]  # escapes: \u201c \" \n
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph(WRONG)
    document.save(folder / "report.docx")
    return folder


@pytest.fixture(scope="module")
def run(corpus, monkeypatch_module):
    monkeypatch_module.chdir(corpus)
    names = ["clean.md", "twice.md", "zh.txt", "export.jsonl", "report.docx"]
    return run_lint(LintRequest(paths=names, date="2025-04-15", field="body", config=None))


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def report(run, fmt: str, **options) -> str:
    return render(run.result, fmt, rule_infos(run.rules), environ={}, fail_on=run.fail_on, **options)


def line_of(corpus: Path, path: str, line: int) -> str:
    return (corpus / path).read_text(encoding="utf-8").split("\n")[line - 1]


def test_the_run_finds_what_the_formats_must_carry(run):
    places = sorted((f.path, f.line) for f in run.result.findings if f.rule == "currency-conversion")
    assert places == [("export.jsonl", 2), ("report.docx", 1), ("twice.md", 1), ("twice.md", 3), ("zh.txt", 1)]
    (record,) = [f for f in run.result.findings if f.path == "export.jsonl"]
    assert record.evidence["record"] == "story-7" and record.evidence["headline"] == "Fund \u201cgrows\u201d"
    assert run.result.files == 5 and run.result.records == 2


def test_spans_land_on_the_claim_in_the_real_file_closing_bracket_included(run, corpus):
    for finding in run.result.findings:
        if finding.path.endswith(".docx"):
            continue
        text = line_of(corpus, finding.path, finding.line)[finding.column - 1 : finding.end_column - 1]
        assert text == (ZH_SPAN if finding.path == "zh.txt" else SPAN), finding.path


HOME = "https://git.example.org/newsroom/figcheck"  # a home as [project.urls] would name it


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="../shared/schemas is not checked out beside the repository")
@pytest.mark.parametrize("home", [None, HOME], ids=["metadata-home", "named-home"])
@pytest.mark.parametrize("clean", [False, True], ids=["findings", "clean"])
def test_sarif_validates_and_keeps_identical_findings_apart(run, corpus, clean, home):
    if clean:
        run = run_lint(LintRequest(paths=[str(corpus / "clean.md")], config=None))
    log = json.loads(render(run.result, "sarif", rule_infos(run.rules, home=home), environ={}, homepage=home))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    home = home or project_url()  # without one named, the installed package's [project.urls]
    assert driver.get("informationUri") == home
    assert driver["rules"] and all(rule["help"]["text"] for rule in driver["rules"])  # the docs, in-band
    assert all(rule.get("helpUri") == (f"{home}#check-kinds" if home else None) for rule in driver["rules"])
    results = log["runs"][0]["results"]
    fingerprints = [r["partialFingerprints"]["figcheck/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    twice = [r["partialFingerprints"]["figcheck/v1"] for r in results
             if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "twice.md"]
    if not clean:
        assert [f.rsplit(":", 1)[1] for f in twice] == ["1", "2"] and len({f.rsplit(":", 1)[0] for f in twice}) == 1
        docx_result = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                       == "report.docx"]
        assert docx_result and "fixes" not in docx_result[0]


_COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")


def test_github_workflow_commands_parse_and_point_at_the_span(run, corpus):
    lines = report(run, "github").splitlines()
    assert lines
    for line in lines:
        match = _COMMAND.match(line)
        assert match, line
        props = dict(item.split("=", 1) for item in match.group(2).split(","))
        assert set(props) == {"file", "line", "col", "endLine", "endColumn", "title"}
        if props["file"].endswith((".md", ".txt", ".jsonl")) and "currency" in props["title"]:
            text = line_of(corpus, props["file"], int(props["line"]))
            assert text[int(props["col"]) - 1 : int(props["endColumn"]) - 1] in (SPAN, ZH_SPAN)
        assert "\n" not in match.group(3) and "%0A" in match.group(3)  # the help line, escaped


def test_rdjsonl_lines_are_reviewdog_diagnostics_with_byte_columns(run, corpus):
    schema = json.loads((DATA / "reviewdog-diagnostic.schema.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in report(run, "rdjsonl").splitlines()]
    assert rows
    for row in rows:
        jsonschema.validate(row, schema)
        location = row["location"]
        if row["code"]["value"] != "currency-conversion" or location["path"].endswith(".docx"):
            continue
        raw = line_of(corpus, location["path"], location["range"]["start"]["line"]).encode("utf-8")
        start, end = location["range"]["start"]["column"], location["range"]["end"]["column"]
        assert raw[start - 1 : end - 1].decode("utf-8") in (SPAN, ZH_SPAN)
        assert [s["text"] for s in row["suggestions"]][:1] in (["60 billion yuan ($8.5 billion)"],
                                                             ["600亿元人民币（85亿美元）"])
        assert len(row["suggestions"]) == 2  # the scale fix and the restated conversion
    docx_rows = [row for row in rows if row["location"]["path"] == "report.docx"]
    assert docx_rows and all("suggestions" not in row for row in docx_rows)


def test_gitlab_code_quality_validates_with_unique_fingerprints(run):
    schema = json.loads((DATA / "gitlab-codequality.schema.json").read_text(encoding="utf-8"))
    issues = json.loads(report(run, "gitlab"))
    jsonschema.validate(issues, schema)
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    assert {(i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues} >= {
        ("twice.md", 1), ("twice.md", 3), ("export.jsonl", 2), ("zh.txt", 1)}
    assert {i["severity"] for i in issues if i["check_name"] == "currency-conversion"} == {"major"}


@pytest.mark.parametrize("fmt, empty", [("gitlab", "[]\n"), ("github", ""), ("rdjsonl", ""), ("concise", "")])
def test_a_clean_run_is_an_empty_report(corpus, fmt, empty):
    clean = run_lint(LintRequest(paths=[str(corpus / "clean.md")], config=None))
    text = report(clean, fmt)
    assert text.strip() == empty.strip()
    if fmt == "gitlab":
        assert json.loads(text) == []


def test_the_project_home_is_the_one_pyproject_names():
    """informationUri and helpUri come from [project.urls] through the installed metadata, nowhere else."""
    import tomllib

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"].get("urls", {})
    named = {label.lower(): url for label, url in urls.items()}
    expected = next((named[k] for k in ("homepage", "repository", "source", "documentation")
                     if named.get(k, "").startswith("https://")), None)
    assert project_url() == expected
    rows = [json.loads(line) for line in render(run_lint(LintRequest(paths=[str(ROOT / "seeds")], config=None)).result,
                                                 "rdjsonl", homepage=HOME).splitlines()]
    assert rows and all(row["source"] == {"name": "figcheck", "url": HOME} for row in rows)


def _junit(text: str, tmp_path: Path) -> JUnitXml:
    path = tmp_path / "report.xml"
    path.write_text(text, encoding="utf-8")
    return JUnitXml.fromfile(str(path))


def test_junit_as_junitparser_reads_it(run, tmp_path):
    xml = _junit(report(run, "junit"), tmp_path)
    (suite,) = list(xml)
    cases = list(suite)
    failing = [case for case in cases if any(isinstance(r, Failure) for r in case.result)]
    errors = sorted((f.path, f.line) for f in run.result.findings if f.severity == "error")
    assert len(failing) == len(errors)  # one failing case per failing finding: both twice.md ones too
    assert sorted(case.name.split(" ")[0] for case in failing) == sorted(f"{p}:{line}:" + str(
        next(f.column for f in run.result.findings if (f.path, f.line) == (p, line) and f.severity == "error"))
        for p, line in errors)
    passing = {case.name for case in cases if case.is_passed}
    assert "clean.md" in passing
    assert suite.tests == len(cases) and suite.failures == len(failing)


def test_junit_clean_run_is_a_passing_test_not_no_results(corpus, tmp_path):
    clean = run_lint(LintRequest(paths=[str(corpus / "clean.md")], config=None))
    (suite,) = list(_junit(report(clean, "junit"), tmp_path))
    assert suite.tests == 1 and suite.failures == 0
    (case,) = list(suite)
    assert case.is_passed and case.name.endswith("clean.md")


def test_junit_fails_only_at_or_above_fail_on(run, tmp_path):
    below = render(run.result, "junit", rule_infos(run.rules), fail_on="never")
    (suite,) = list(_junit(below, tmp_path))
    assert suite.failures == 0 and all(case.is_passed for case in suite)
    assert "error[currency-conversion]" in below  # still reported, in system-out


_CONCISE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info)\[(?P<rule>[a-z0-9-]+)\] \S.*$")


def test_concise_is_one_quickfix_line_per_finding(run, corpus):
    lines = report(run, "concise").splitlines()
    assert len(lines) == len(run.result.findings)
    for line in lines:
        match = _CONCISE.match(line)
        assert match, line
    assert any(line.startswith("export.jsonl:2:") for line in lines)
    clean = run_lint(LintRequest(paths=[str(corpus / "clean.md")], config=None))
    assert report(clean, "concise") == ""


@pytest.mark.parametrize("fmt", ["sarif", "github", "rdjsonl", "gitlab", "junit", "concise"])
def test_the_command_line_writes_the_same_reports(run, corpus, fmt):
    """What the consumers above read is what `figcheck lint -f FMT` prints for the same files."""
    from typer.testing import CliRunner

    from checker.cli import app

    names = ["clean.md", "twice.md", "zh.txt", "export.jsonl", "report.docx"]
    printed = CliRunner().invoke(app, ["lint", *names, "-f", fmt, "--date", "2025-04-15", "--field", "body",
                                       "-j", "1"], env={"GITHUB_STEP_SUMMARY": ""}, catch_exceptions=False)
    assert printed.exit_code == 1 and printed.stdout == report(run, fmt)


def test_a_json_export_points_at_the_record_in_every_format(tmp_path, monkeypatch):
    """A pretty-printed JSON array (the CMS export most tools write): the span behind the string's
    escapes, on the record's own line, in every format that names a place."""
    monkeypatch.chdir(tmp_path)
    records = [{"id": "a", "body": "Nothing here."}, {**RECORD, "id": "story-9"}]
    (tmp_path / "export.json").write_text(json.dumps(records, indent=2), encoding="utf-8")
    run = run_lint(LintRequest(paths=["export.json"], date="2025-04-15", field="body", config=None))
    (finding,) = [f for f in run.result.findings if f.rule == "currency-conversion"]
    raw = (tmp_path / "export.json").read_text(encoding="utf-8").split("\n")[finding.line - 1]
    assert raw[finding.column - 1 : finding.end_column - 1] == SPAN and finding.evidence["record"] == "story-9"
    place = (finding.line, finding.column)
    (sarif,) = [r for r in json.loads(report(run, "sarif"))["runs"][0]["results"] if r["ruleId"] == finding.rule]
    region = sarif["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == place
    (github,) = [line for line in report(run, "github").splitlines() if "currency-conversion" in line]
    assert f"file=export.json,line={place[0]},col={place[1]}," in github
    (concise,) = [line for line in report(run, "concise").splitlines() if "currency-conversion" in line]
    assert concise.startswith(f"export.json:{place[0]}:{place[1]}: ")
    (gitlab,) = [i for i in json.loads(report(run, "gitlab")) if i["check_name"] == finding.rule]
    assert gitlab["location"]["lines"]["begin"] == place[0]
    summary = render(run.result, "rich", rule_infos(run.rules), environ={})
    assert "Found 1 error, 0 warnings, 0 infos in 1 file (2 records in 1 file checked)." in summary
