"""Project config end to end: discovery upward, --config, precedence, strict keys with file:line,
rule packs relative to the config, and per-path overrides — through the real command line."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups.\n"
RIGHT = "The fund has raised almost 700 billion yuan ($96 billion) since 2014.\n"


def figcheck(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_STEP_SUMMARY")}
    env.update(PYTHONPATH=str(ROOT), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def findings(run):
    return json.loads(run.stdout)["findings"]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs" / "legacy").mkdir(parents=True)
    (tmp_path / "docs" / "news.txt").write_text(RIGHT + "\n" + WRONG)
    (tmp_path / "docs" / "legacy" / "old.txt").write_text(WRONG)
    return tmp_path


@pytest.mark.parametrize("name", ["figcheck.yaml", ".figcheck.yaml"])
def test_yaml_config_is_found_from_a_subdirectory(project, name):
    (project / name).write_text("date: 2025-04-15\nfail-on: never\nformat: json\n")
    run = figcheck("lint", "news.txt", cwd=project / "docs")
    assert run.returncode == 0, run.stderr  # fail-on: never
    [finding] = findings(run)  # format: json
    assert finding["rule"] == "currency-conversion" and finding["line"] == 3
    assert finding["evidence"]["date"] == "2025-04-15"
    assert finding["evidence"]["date_source"] == name


def test_pyproject_tool_table_is_found(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.figcheck]\nformat = "json"\nignore = ["currency-conversion"]\n')
    run = figcheck("lint", "docs", cwd=project)
    assert run.returncode == 0, run.stderr
    assert findings(run) == []


def test_pyproject_without_figcheck_table_is_passed_over(project):
    (project / "figcheck.yaml").write_text("format: json\n")
    (project / "docs" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    run = figcheck("lint", "news.txt", cwd=project / "docs")
    assert run.stdout.lstrip().startswith("{"), run.stdout  # the YAML one level up was used


def test_command_line_beats_config(project):
    (project / "figcheck.yaml").write_text("date: 2025-04-15\nfail-on: never\nformat: json\n")
    run = figcheck("lint", "docs/news.txt", "--fail-on", "error", "--format", "github", "--date", "2024-12-02", cwd=project)
    assert run.returncode == 1
    assert run.stdout.startswith("::error file=docs/news.txt,line=3")
    assert "2024-12-02" in run.stdout


def test_select_on_the_command_line_reenables_a_rule_the_config_ignores(project):
    (project / "figcheck.yaml").write_text("date: 2025-04-15\nignore: [currency-conversion]\n")
    assert figcheck("lint", "docs", cwd=project).returncode == 0
    run = figcheck("lint", "docs", "--select", "currency-conversion", "--format", "json", cwd=project)
    assert run.returncode == 1 and len(findings(run)) == 2


def test_named_config_replaces_discovery(project, tmp_path_factory):
    (project / "figcheck.yaml").write_text("this-key-is-wrong: 1\n")
    elsewhere = tmp_path_factory.mktemp("conf") / "strict.yaml"
    elsewhere.write_text("date: 2025-04-15\nformat: json\n")
    run = figcheck("lint", "docs/news.txt", "--config", elsewhere, cwd=project)
    assert run.returncode == 1, run.stderr
    assert len(findings(run)) == 1


def test_unknown_key_is_an_error_with_file_and_line(project):
    (project / "figcheck.yaml").write_text("date: 2025-04-15\n\nfail-on: warning\nignroe: [currency-conversion]\n")
    run = figcheck("lint", "docs", cwd=project)
    assert run.returncode == 2
    assert f"{project / 'figcheck.yaml'}:4: ignroe: unknown key" in run.stderr
    assert "Traceback" not in run.stderr


def test_unknown_key_in_an_override_names_its_line(project):
    (project / "figcheck.yaml").write_text("overrides:\n  - paths: [docs/legacy/**]\n    ignored: [x]\n")
    run = figcheck("lint", "docs", cwd=project)
    assert run.returncode == 2
    assert "figcheck.yaml:3: overrides.0.ignored: unknown key" in run.stderr


def test_unknown_key_in_pyproject_names_its_line(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.figcheck]\ndate = "2025-04-15"\nfail_on = "never"\n')
    run = figcheck("lint", "docs", cwd=project)
    assert run.returncode == 2
    assert "pyproject.toml:6: fail_on: unknown key" in run.stderr


@pytest.mark.parametrize("text, line, fragment", [
    ("fail-on: sometimes\n", 1, "fail-on: must be"),
    ("date: '2025-02-30'\n", 1, "date: not a valid date"),
    ("date: 2025-02-30\n", 1, "day is out of range for month"),
    ("format: json\nselect: [no-such-rule]\n", 2, "unknown rule id 'no-such-rule'"),
    ("rules: [packs/missing.yaml]\n", 1, "no such rule pack: packs/missing.yaml"),
    ("- just\n- a list\n", 1, "a config file is a mapping"),
    ("date: [unclosed\n", 2, "invalid YAML"),
])
def test_bad_values_are_errors_with_file_and_line(project, text, line, fragment):
    (project / "figcheck.yaml").write_text(text)
    run = figcheck("lint", "docs", cwd=project)
    assert run.returncode == 2, run.stdout
    where = f"figcheck.yaml:{line}:" if line else "figcheck.yaml: "
    assert where in run.stderr and fragment in run.stderr, run.stderr
    assert "Traceback" not in run.stderr


def test_rule_pack_paths_are_relative_to_the_config(project):
    (project / "packs").mkdir()
    (project / "packs" / "soft.yaml").write_text(
        "rules:\n  - id: currency-conversion\n    kind: currency-conversion\n    severity: warning\n")
    (project / "figcheck.yaml").write_text("date: 2025-04-15\nextends: packs/soft.yaml\nformat: json\n")
    run = figcheck("lint", "news.txt", cwd=project / "docs")
    assert run.returncode == 0  # a warning is below the default --fail-on error
    [finding] = findings(run)
    assert finding["severity"] == "warning"


def test_per_path_override_ignores_a_rule_for_matching_files_only(project):
    (project / "figcheck.yaml").write_text(
        "date: 2025-04-15\nformat: json\noverrides:\n  - paths: ['docs/legacy/**']\n    ignore: [currency-conversion]\n")
    run = figcheck("lint", "docs", cwd=project)
    assert [f["path"] for f in findings(run)] == ["docs/news.txt"]
    # The globs are relative to the config, so the answer is the same from below it.
    run = figcheck("lint", ".", cwd=project / "docs")
    assert [Path(f["path"]).name for f in findings(run)] == ["news.txt"]


def test_per_path_override_selects_and_dates(project):
    (project / "figcheck.yaml").write_text(
        "format: json\nselect: [unit-conversion]\n"
        "overrides:\n  - paths: ['docs/legacy/**']\n    select: [currency-conversion]\n    date: 2024-12-02\n")
    run = figcheck("lint", "docs", cwd=project)
    [finding] = findings(run)
    assert finding["path"] == "docs/legacy/old.txt"
    assert finding["evidence"]["date"] == "2024-12-02"
    assert finding["evidence"]["date_source"] == "figcheck.yaml overrides"
