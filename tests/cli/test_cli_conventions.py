"""The conventions ruff and Vale users bring to `figcheck lint`, each tried on real documents.

Run in-process through Click's test runner (the real app, real packs, real rates), one process.
"""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from checker.cli import app

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
RIGHT = "The fund has raised almost 700 billion yuan ($96 billion) since 2014."
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def figcheck(*args, input=None, env=None, cwd=None, monkeypatch=None):
    runner = CliRunner()
    if cwd is not None and monkeypatch is not None:
        monkeypatch.chdir(cwd)
    return runner.invoke(app, [str(a) for a in args], input=input, env=env or {}, catch_exceptions=False)


@pytest.fixture
def docs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(f"# A\n\n{WRONG}\n\n{WRONG}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{RIGHT}\n", encoding="utf-8")
    (tmp_path / "figcheck.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    return tmp_path


def test_output_format_is_an_alias_of_format(docs):
    one = figcheck("lint", "a.md", "--date", "2025-04-15", "--format", "concise", "-j", "1")
    two = figcheck("lint", "a.md", "--date", "2025-04-15", "--output-format", "concise", "-j", "1")
    assert one.stdout == two.stdout and one.stdout.count("\n") == 2 and one.exit_code == two.exit_code == 1


def test_help_lists_values_not_python_types():
    text = ANSI.sub("", figcheck("lint", "--help", env={"COLUMNS": "200"}).stdout)
    assert "[rich|json|sarif|github|rdjsonl|junit|html|concise|gitlab]" in text
    assert "[error|warning|info|never]" in text and "[auto|always|never]" in text
    assert "│   PATH  " in text and "[PATH]..." in text  # (every command's help: tests/cli/test_help_metavars.py)


def test_select_takes_comma_lists_and_prefixes(docs):
    listed = figcheck("lint", "a.md", "--date", "2025-04-15", "-f", "json", "-j", "1",
                      "--select", "currency-conversion,unit-conversion")
    prefixed = figcheck("lint", "a.md", "--date", "2025-04-15", "-f", "json", "-j", "1", "--select", "currency")
    ignored = figcheck("lint", "a.md", "--date", "2025-04-15", "-f", "json", "-j", "1", "--ignore", "currency")
    rules = lambda run: [f["rule"] for f in json.loads(run.stdout)["findings"]]  # noqa: E731
    assert rules(listed) == rules(prefixed) == ["currency-conversion"] * 2
    assert rules(ignored) == []
    unknown = figcheck("lint", "a.md", "--select", "currency,nosuch")
    assert unknown.exit_code == 2 and "unknown rule id(s) in --select: nosuch" in unknown.stderr


def test_statistics_counts_per_rule(docs):
    run = figcheck("lint", "a.md", "b.txt", "--date", "2025-04-15", "--statistics", "-j", "1")
    assert run.stdout == "2  currency-conversion  error\n" and run.exit_code == 1


def test_quiet_prints_the_findings_and_nothing_else(docs):
    run = figcheck("lint", "a.md", "--date", "2025-04-15", "-q", "-j", "1")
    assert "error[currency-conversion]" in run.stdout
    assert "Found" not in run.stdout and "Coverage" not in run.stdout


@pytest.mark.parametrize("args, env, colored", [
    (["--color", "always"], {"NO_COLOR": "1"}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ([], {}, False),  # not a terminal
])
def test_color_modes_and_environment(docs, args, env, colored):
    run = figcheck("lint", "a.md", "--date", "2025-04-15", "-j", "1", *args, env=env)
    assert ("\x1b[" in run.stdout) is colored


def test_version_short_flag():
    run = figcheck("-V")
    assert run.exit_code == 0 and re.fullmatch(r"figcheck \d+\.\d+\.\d+\S*\n", run.stdout)


def test_exit_zero_keeps_the_report_and_usage_errors(docs):
    run = figcheck("lint", "a.md", "--date", "2025-04-15", "--exit-zero", "-j", "1")
    assert run.exit_code == 0 and "error[currency-conversion]" in run.stdout
    assert figcheck("lint", "a.md", "--exit-zero", "--date", "2025-13-01").exit_code == 2


def test_show_settings_names_config_packs_rules_and_date(docs):
    run = figcheck("lint", "a.md", "--show-settings", "--ignore", "number-style")
    settings = json.loads(run.stdout)
    assert run.exit_code == 0
    assert settings["config"].endswith("figcheck.yaml") and settings["fail_on"] == "warning"
    assert "currency-conversion" in settings["rules"] and "number-style" in settings["not_selected"]
    assert settings["date"]["date"] is None and settings["packs"][0].startswith("rules/default.yaml")


def test_show_files_lists_what_would_be_read(docs):
    (docs / "image.png").write_bytes(b"\x89PNG")
    run = figcheck("lint", ".", "--show-files")
    assert run.exit_code == 0 and sorted(run.stdout.split()) == ["./a.md", "./b.txt"]


def test_stdin_filename_reads_markdown_front_matter(docs):
    text = f"---\ntitle: Fund\ndate: 2025-04-15\n---\n\n{WRONG}\n"
    run = figcheck("lint", "-", "--stdin-filename", "news/fund.md", "-f", "json", input=text)
    (finding,) = json.loads(run.stdout)["findings"]
    assert finding["path"] == "news/fund.md" and finding["line"] == 6
    assert finding["evidence"]["date_source"] == "YAML front matter date"
    # Without the name, the same bytes are plain text: the front matter is prose and gives no date.
    plain = figcheck("lint", "-", "-f", "json", input=text)
    assert json.loads(plain.stdout)["findings"][0]["evidence"]["date_source"] is None


def test_stdin_filename_reads_html_as_html(docs):
    page = (f'<html><head><meta name="date" content="2025-04-15"></head>'
            f"<body><script>var x = '600 billion yuan ($8.5 billion)';</script><p>{WRONG}</p></body></html>")
    run = figcheck("lint", "--stdin-filename", "page.html", "-f", "json", input=page)  # no path: stdin
    findings = json.loads(run.stdout)["findings"]
    assert [f["path"] for f in findings] == ["page.html"]  # the script's text is not prose
    assert findings[0]["evidence"]["date_source"] == 'HTML meta name="date"'


def test_an_empty_selection_is_a_note_and_exit_0_a_missing_path_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "image.png").write_bytes(b"\x89PNG")
    run = figcheck("lint", "empty")
    assert run.exit_code == 0 and run.stdout == ""
    assert run.stderr == "figcheck: no documents to check in empty\n"
    for asked in ((), ("--show-settings",), ("--show-files",)):  # what a lint refuses, a look at its settings does too
        missing = figcheck("lint", *asked, "nowhere")
        assert missing.exit_code == 2 and missing.stdout == ""
        assert missing.stderr == "figcheck: error: nowhere: no such file\n"


def test_report_writes_more_formats_from_the_same_run(docs):
    run = figcheck("lint", "a.md", "--date", "2025-04-15", "-f", "concise", "-j", "1",
                   "--report", "sarif:out.sarif", "--report", "junit:out.xml")
    assert run.stdout.count("\n") == 2
    assert len(json.loads((docs / "out.sarif").read_text())["runs"][0]["results"]) == 2
    assert (docs / "out.xml").read_text().count("<failure") == 2
    bad = figcheck("lint", "a.md", "--report", "yaml:out.yaml")
    assert bad.exit_code == 2 and "--report wants FORMAT:FILE" in bad.stderr


def test_shell_completion_is_offered():
    text = ANSI.sub("", figcheck("--help", env={"COLUMNS": "200"}).stdout)
    assert "--install-completion" in text and "--show-completion" in text


@pytest.mark.parametrize("args", [["--format", "xml"], ["--color", "sometimes"]])
def test_a_bad_choice_is_one_plain_line_naming_the_choices(args, tmp_path):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "checker", "lint", *args, str(tmp_path)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("figcheck: error: Invalid value for")
    assert "Value error" not in run.stderr and f"'{args[1]}' is not one of" in run.stderr
