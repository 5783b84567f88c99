"""Without --jobs, a run of a few small files is linted in one process: no pool to start.

Which process linted a document is seen through the workpool's real test hook: a worker that
starts a document named "poison" kills itself, so a `worker-died` finding proves a pool ran and
its absence proves the parent linted the file. Trusted behaviour: ruff and pytest-xdist's `-n auto`
both stay in one process when the work is too small to pay for workers.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checker.parallel import SMALL_RUN_CHARS, RuleSpec, WalkSpec, lint_parallel
from checker.pipeline import LintOptions
from checker.workpool import KILL_HOOK

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) for the plan.\n"
RIGHT = "Officials set aside almost 700 billion yuan ($96 billion) last year.\n"


def _tree(root: Path, padding: int = 0) -> Path:
    root.mkdir()
    (root / "story.txt").write_text(WRONG, encoding="utf-8")
    (root / "poison.txt").write_text(RIGHT + "\n" + "Nothing to check in this paragraph.\n\n" * padding,
                                     encoding="utf-8")
    return root


def _rules(report: dict) -> list[tuple[str, str]]:
    return sorted((Path(f["path"]).name, f["rule"]) for f in report["findings"])


def test_a_few_small_files_are_linted_in_this_process(tmp_path, monkeypatch):
    tree = _tree(tmp_path / "docs")
    monkeypatch.setenv(KILL_HOOK, "poison")
    spec = WalkSpec((str(tree),))
    small = lint_parallel(spec, RuleSpec(), LintOptions(), 2, serial_below=SMALL_RUN_CHARS).contract()
    assert _rules(small) == [("story.txt", "currency-conversion")]  # no worker ran, so none died
    asked = lint_parallel(spec, RuleSpec(), LintOptions(), 2).contract()  # --jobs 2 given: a real pool
    assert ("poison.txt", "worker-died") in _rules(asked)


def test_files_past_the_bound_still_go_to_the_pool(tmp_path, monkeypatch):
    tree = _tree(tmp_path / "docs", padding=SMALL_RUN_CHARS // 30)
    monkeypatch.setenv(KILL_HOOK, "poison")
    report = lint_parallel(WalkSpec((str(tree),)), RuleSpec(), LintOptions(), 2,
                           serial_below=SMALL_RUN_CHARS).contract()
    assert ("poison.txt", "worker-died") in _rules(report)


def test_the_cli_default_jobs_lints_a_small_tree_in_one_process(tmp_path):
    tree = _tree(tmp_path / "docs")
    env = {"PATH": "/usr/bin:/bin", KILL_HOOK: "poison", "NO_COLOR": "1"}
    default = subprocess.run([sys.executable, "-m", "checker", "lint", "--format", "json", str(tree)],
                             capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert default.returncode == 1, default.stderr  # the wrong figure fails the run
    assert "worker-died" not in default.stdout and "currency-conversion" in default.stdout
