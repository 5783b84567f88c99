"""Every figcheck cell of the README's table "Flags for ruff and Vale users" works as written.

The table is read from README.md, so a row added, changed or removed there is tested here or fails
here: each row's task has a check below that runs the exact flags its figcheck cell shows through
the real `figcheck` (Click's runner, real files, real rates, a real git repository for --diff).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

ROOT = Path(__file__).resolve().parents[2]
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
RIGHT = "The fund has raised almost 700 billion yuan ($96 billion) since 2014."
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def flag_table() -> dict[str, list[str]]:
    """{task: [each `code` span of its figcheck cell]}, from the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("**Flags for ruff and Vale users.**")
    rows = {}
    for line in readme[start:].split("\n\n")[1].splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) < 2 or cells[0] in ("task", "") or set(cells[0]) <= {"-"}:
            continue
        rows[cells[0]] = [span.replace("\\|", "|") for span in re.findall(r"`([^`]+)`", cells[1])]
    return rows


TABLE = flag_table()


def figcheck(*args, input=None, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input, env=env or {}, catch_exceptions=False)


def flags(span: str) -> list[str]:
    return span.split()


@pytest.fixture
def docs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(f"---\ndate: 2025-04-15\n---\n\n{WRONG}\n\n{RIGHT}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{RIGHT}\n", encoding="utf-8")
    return tmp_path


def _output_format(spans, docs):
    assert spans == ["--format", "--output-format concise"]
    one = figcheck("lint", "a.md", "-j", "1", *flags(spans[1]))
    two = figcheck("lint", "a.md", "-j", "1", spans[0], "concise")
    assert one.stdout == two.stdout and re.fullmatch(r"a\.md:5:\d+: error\[currency-conversion\] .+\n", one.stdout)


def _choose_rules(spans, docs):
    (span,) = [s for s in spans if s.startswith("--select")]
    run = figcheck("lint", "a.md", "-f", "json", "-j", "1", *flags(span))
    assert [f["rule"] for f in json.loads(run.stdout)["findings"]] == ["currency-conversion"]
    none = figcheck("lint", "a.md", "-f", "json", "-j", "1", "--select", "unit-conversion")
    assert json.loads(none.stdout)["findings"] == []
    assert "ALL" in spans
    every = figcheck("lint", "a.md", "-f", "json", "-j", "1", "--select", "ALL")
    assert [f["rule"] for f in json.loads(every.stdout)["findings"]] == ["currency-conversion"]


def _leave_rules_out(spans, docs):
    (docs / "c.md").write_text("It earned 5 million yuan and then 3 mln yuan.\n\nSales were 4.2 bln yuan.\n")
    (span,) = spans
    rule = flags(span)[1]
    full = figcheck("lint", "c.md", "-f", "json", "-j", "1", "--fail-on", "never")
    left = figcheck("lint", "c.md", "-f", "json", "-j", "1", "--fail-on", "never", *flags(span))
    assert any(f["rule"] == rule for f in json.loads(full.stdout)["findings"])  # the rule fires here...
    assert [f["rule"] for f in json.loads(left.stdout)["findings"] if f["rule"] == rule] == []  # ...not with it


def _counts_per_rule(spans, docs):
    run = figcheck("lint", "a.md", "b.txt", "-j", "1", *flags(spans[0]))
    assert run.stdout == "1  currency-conversion  error\n" and run.exit_code == 1


def _findings_only(spans, docs):
    for span in spans:
        run = figcheck("lint", "a.md", "-j", "1", span)
        assert "error[currency-conversion]" in run.stdout and run.exit_code == 1
        assert "Found" not in run.stdout and "Coverage:" not in run.stdout and run.stderr == ""


def _exit_zero(spans, docs):
    run = figcheck("lint", "a.md", "-j", "1", *flags(spans[0]))
    assert run.exit_code == 0 and "error[currency-conversion]" in run.stdout


def _effective_settings(spans, docs):
    run = figcheck("lint", "a.md", *flags(spans[0]))
    settings = json.loads(run.stdout)
    assert run.exit_code == 0 and "currency-conversion" in settings["rules"]


def _files_read(spans, docs):
    (docs / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    run = figcheck("lint", ".", *flags(spans[0]))
    assert run.exit_code == 0 and sorted(run.stdout.split()) == ["./a.md", "./b.txt"]


def _stdin_as_type(spans, docs):
    run = figcheck("lint", "-", "-f", "json", *flags(spans[0]), input=(docs / "a.md").read_text())
    (finding,) = json.loads(run.stdout)["findings"]
    assert finding["path"] == "a.md" and finding["line"] == 5
    assert finding["evidence"]["date_source"] == "YAML front matter date"  # read as Markdown


def _config_file(spans, docs):
    option, name = flags(spans[0])
    (docs / "elsewhere").mkdir()
    (docs / "elsewhere" / name).write_text("fail-on: never\n", encoding="utf-8")
    run = figcheck("lint", "a.md", "-j", "1", option, f"elsewhere/{name}")
    assert run.exit_code == 0 and "error[currency-conversion]" in run.stdout
    missing = figcheck("lint", "a.md", option, "nowhere.yaml")
    assert missing.exit_code == 2 and "nowhere.yaml" in missing.stderr


def _version(spans, docs):
    from checker.version import __version__

    for span in spans:
        run = figcheck(span)
        assert run.exit_code == 0 and run.stdout == f"figcheck {__version__}\n"


def _colour(spans, docs):
    assert spans == ["--color auto|always|never", "NO_COLOR", "FORCE_COLOR"]
    colored = lambda run: "\x1b[" in run.stdout  # noqa: E731
    for mode, env, expected in (("always", {"NO_COLOR": "1"}, True), ("never", {"FORCE_COLOR": "1"}, False),
                                ("auto", {"FORCE_COLOR": "1"}, True), ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
                                ("auto", {}, False)):
        assert colored(figcheck("lint", "a.md", "-j", "1", "--color", mode, env=env)) is expected, (mode, env)


def _shell_completion(spans, docs):
    program, option = flags(spans[0])
    assert program == "figcheck"
    run = figcheck(option, env={"HOME": str(docs), "SHELL": "/bin/bash"})
    assert run.exit_code == 0
    script = docs / ".bash_completions" / "figcheck.sh"
    assert script.is_file() and "complete" in script.read_text() and str(script) in (docs / ".bashrc").read_text()


def _git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def _branch_lines(spans, docs):
    if shutil.which("git") is None:
        pytest.skip("needs git")
    option, ref = flags(spans[0])
    _git("init", "-q", "-b", "main", cwd=docs)
    _git("add", ".", cwd=docs)
    _git("commit", "-q", "-m", "base", cwd=docs)
    _git("update-ref", f"refs/remotes/{ref}", "HEAD", cwd=docs)  # as a fetched origin/main would be
    _git("checkout", "-q", "-b", "feature", cwd=docs)
    with open(docs / "a.md", "a", encoding="utf-8") as article:
        article.write(f"\n{WRONG}\n")
    _git("commit", "-q", "-am", "feature", cwd=docs)
    run = figcheck("lint", "a.md", "-f", "json", "-j", "1", option, ref)
    assert [f["line"] for f in json.loads(run.stdout)["findings"]] == [9]  # not the base's line 5


def _inline_suppression(spans, docs):
    (directive,) = spans
    written = directive.replace("[rule]", "[currency-conversion]").replace("-- why", "-- quoted as said")
    (docs / "s.md").write_text(f"{written}\n{WRONG}\n\n{WRONG}\n", encoding="utf-8")
    run = figcheck("lint", "s.md", "-f", "json", "-j", "1", "--date", "2025-04-15")
    assert [(f["line"], f["rule"]) for f in json.loads(run.stdout)["findings"]] == [(4, "currency-conversion")]


def _fix(spans, docs):
    (docs / "f.md").write_text("The deal was worth $5 million dollars.\n", encoding="utf-8")
    run = figcheck("lint", "f.md", "-j", "1", *flags(spans[0]))
    assert (docs / "f.md").read_text(encoding="utf-8") == "The deal was worth $5 million.\n", run.stdout + run.stderr


CHECKS = {
    "output format": _output_format,
    "choose rules": _choose_rules,
    "leave rules out": _leave_rules_out,
    "counts per rule": _counts_per_rule,
    "findings only": _findings_only,
    "exit 0 despite findings": _exit_zero,
    "effective settings": _effective_settings,
    "files that would be read": _files_read,
    "stdin as a file type": _stdin_as_type,
    "config file": _config_file,
    "version": _version,
    "colour": _colour,
    "shell completion": _shell_completion,
    "only this branch's lines": _branch_lines,
    "inline suppression": _inline_suppression,
    "fix what is certain": _fix,
}


def test_every_row_of_the_table_has_a_check_and_every_check_a_row():
    assert set(TABLE) == set(CHECKS)
    assert all(TABLE.values())  # every figcheck cell names something to run


@pytest.mark.parametrize("task", sorted(TABLE))
def test_the_figcheck_cell_works(task, docs):
    CHECKS[task](TABLE[task], docs)
