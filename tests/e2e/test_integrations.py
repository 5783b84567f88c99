"""The pre-commit hook and the composite GitHub Action: their declarations, and their commands run
for real the way pre-commit and the Actions runner would run them."""

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups.\n"
RIGHT = "The fund has raised almost 700 billion yuan ($96 billion) since 2014.\n"


def console_scripts() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]


def shim(tmp_path: Path) -> dict:
    """An environment whose PATH has a `figcheck` command running this checkout, as an install would."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    command = bin_dir / "figcheck"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m checker "$@"\n')
    command.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", PYTHONPATH=str(ROOT), NO_COLOR="1")
    return env


def test_pre_commit_hook_declaration():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "figcheck"
    assert hook["language"] == "python"
    import re

    matches = re.compile(hook["files"]).search
    assert all(matches(name) for name in ("story.md", "page.html", "wire.txt", "draft.docx", "post.mdx"))
    assert not any(matches(name) for name in ("checker/cli.py", "pyproject.toml", "data.csv"))
    assert hook["pass_filenames"] is True
    program, *args = shlex.split(hook["entry"])
    assert program in console_scripts() and args == ["lint"]


def test_pre_commit_entry_fails_on_a_staged_wrong_pair(tmp_path):
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (tmp_path / "good.md").write_text(RIGHT)
    (tmp_path / "bad.txt").write_text(WRONG)
    env = shim(tmp_path)
    entry = shlex.split(hook["entry"])
    clean = subprocess.run([*entry, "--date", "2025-04-15", "good.md"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120)
    assert clean.returncode == 0, clean.stderr
    dirty = subprocess.run([*entry, "--date", "2025-04-15", "good.md", "bad.txt"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120)
    assert dirty.returncode == 1
    assert "bad.txt:1:42: error[currency-conversion]" in dirty.stdout


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text())


def test_action_is_composite_with_the_documented_inputs():
    declared = action()
    assert declared["runs"]["using"] == "composite"
    assert {"paths", "args", "python-version", "upload-sarif"} <= set(declared["inputs"])
    uses = [step.get("uses", "") for step in declared["runs"]["steps"]]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)


def test_action_scripts_take_inputs_only_through_the_environment():
    """`${{ inputs.x }}` pasted into a script would let a crafted input run commands."""
    for step in action()["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step["run"]
            assert step["shell"] == "bash"


def run_step(name: str, tmp_path: Path, env: dict, inputs: dict) -> subprocess.CompletedProcess:
    """Run one of the action's bash steps the way the runner does, with its `env:` filled in."""
    step = next(s for s in action()["runs"]["steps"] if s.get("name") == name)
    step_env = dict(env)
    for key, value in step.get("env", {}).items():
        step_env[key] = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], value)
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=step_env,
                          capture_output=True, text=True, timeout=120)


def test_action_runs_figcheck_once_for_annotations_summary_and_sarif(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(f"# Funding\n\n{WRONG}")
    env = shim(tmp_path)
    output = tmp_path / "github_output"
    output.touch()
    summary = tmp_path / "summary.md"
    env.update(GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(summary))
    inputs = {"paths": "docs", "args": "--date 2025-04-15", "sarif-file": "out.sarif", "upload-sarif": "true"}
    script = next(s for s in action()["runs"]["steps"] if s.get("id") == "lint")["run"]
    assert script.count("figcheck lint") == 1  # one run: annotations, summary and SARIF agree

    lint = run_step("Lint (annotations, step summary and SARIF)", tmp_path, env, inputs)
    assert lint.returncode == 0, lint.stderr  # the step records the code; a later step fails the job
    assert lint.stdout.startswith("::error file=docs/a.md,line=3,col=42")
    assert "exit-code=1" in output.read_text()
    assert "currency-conversion" in summary.read_text()
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    (result,) = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


@pytest.mark.parametrize("args, says", [
    ("--date 2025-02-30", "not a valid date"),  # figcheck's own usage error
    ("--fail-on sometimes", "sometimes"),  # one the option parser rejects
])
def test_action_turns_usage_errors_into_error_annotations(tmp_path, args, says):
    (tmp_path / "a.md").write_text(WRONG)
    env = shim(tmp_path)
    output = tmp_path / "github_output"
    output.touch()
    env.update(GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"))
    inputs = {"paths": "a.md", "args": args, "sarif-file": "out.sarif", "upload-sarif": "true"}
    lint = run_step("Lint (annotations, step summary and SARIF)", tmp_path, env, inputs)
    errors = [line for line in lint.stdout.splitlines() if line.startswith("::error title=figcheck::")]
    assert len(errors) == 1 and says in errors[0], lint.stdout + lint.stderr
    assert "exit-code=2" in output.read_text()


def test_readme_snippets_pin_the_release_tag_of_this_version():
    """pre-commit's `rev:` and the Action's `@ref` are the tag `v<version>` (a form both accept and
    `pre-commit autoupdate` maintains), never a placeholder such as COMMIT_SHA."""
    from checker.version import __version__

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    integrations = readme[readme.index("## Integrations"):readme.index("**Flags for ruff and Vale users.**")]
    snippets = re.findall(r"```yaml\n(.*?)```", integrations, re.S)
    hooks = [item for snippet in snippets for item in (yaml.safe_load(snippet) or [])
             if isinstance(snippet, str) and isinstance(item, dict) and "hooks" in item]
    assert [hook["rev"] for hook in hooks] == [f"v{__version__}"]
    assert hooks[0]["hooks"] == [{"id": "figcheck"}]
    action_refs = re.findall(r"uses: [\w.-]+/figcheck@(\S+)", integrations)
    assert action_refs == [f"v{__version__}"]
    assert "COMMIT_SHA" not in readme and "OWNER/figcheck" not in readme
