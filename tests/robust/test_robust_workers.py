"""A worker process killed mid-run (the OOM killer, `kill -9`) never loses a document silently.

The workers here are really killed: FIGCHECK_TEST_KILL_WORKER makes the worker that starts a
document whose name contains the text SIGKILL itself (with `@FLAG`, only the first time), so
the pool breaks exactly as it does under the kernel's OOM killer. Nothing about the pool is mocked.
Trusted behaviour: GNU parallel `--retries 2` runs a job again when its process is killed and
reports the job as failed (exit non-zero) when the retry dies too; make -k goes on with the rest.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker.audit import audit, read_findings
from checker.parallel import RuleSpec, WalkSpec, lint_parallel
from checker.pipeline import LintOptions
from checker.plan import LintRequest, plan_lint
from checker.workpool import KILL_HOOK
from tests.robust.test_robust_battery import DATE, RIGHT, WRONG, checksums
from tests.robust_helpers import ENV

OPTIONS = LintOptions(date=__import__("datetime").date(2025, 4, 15))


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    for number in range(5):
        (root / f"story_{number}.txt").write_text(RIGHT + "\n\n" + (WRONG if number % 2 else RIGHT) + "\n")
    (root / "poison.txt").write_text(RIGHT + "\n")
    records = [{"body": WRONG if i % 2 else RIGHT} for i in range(4)]
    (root / "export.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return root


def _audit(root: Path, output: Path) -> dict:
    plan = plan_lint(LintRequest(paths=[str(root)], field="body", config=None))
    return audit([str(root)], output, plan=plan, workers=2, files_per_partition=2)


def _lint(root: Path, jobs: int) -> dict:
    return lint_parallel(WalkSpec((str(root),), field="body"), RuleSpec(), OPTIONS, jobs).contract()


def _without(report: dict, path_part: str) -> list[dict]:
    return [f for f in report["findings"] if path_part not in f["path"]]


def test_a_document_whose_worker_dies_twice_is_reported_by_name_and_the_rest_are_linted(tree, monkeypatch):
    serial = _lint(tree, 1)
    before = checksums(tree)
    monkeypatch.setenv(KILL_HOOK, "poison")
    report = _lint(tree, 2)
    died = [f for f in report["findings"] if f["rule"] == "worker-died"]
    assert [(f["path"], f["severity"]) for f in died] == [(str(tree / "poison.txt"), "error")]
    # How it died is said when the pool still holds the process ("was killed by SIGKILL"); under load
    # the pool may have let go of it, and then the worker "died": either way it is named, never passed.
    assert re.search(r"worker process (?:was killed by SIGKILL|died) each time it was checked", died[0]["message"])
    assert _without(report, "poison") == _without(serial, "poison")  # every other document, as serial
    assert checksums(tree) == before


def test_a_worker_killed_once_is_retried_and_the_report_is_the_serial_one(tree, tmp_path, monkeypatch):
    serial = _lint(tree, 1)
    monkeypatch.setenv(KILL_HOOK, f"story_3@{tmp_path / 'killed-once'}")
    assert _lint(tree, 2) == serial
    assert (tmp_path / "killed-once").exists()  # the worker really was killed


def test_a_record_of_an_export_is_retried_by_its_place_in_the_file(tree, tmp_path, monkeypatch):
    serial = _lint(tree, 1)
    monkeypatch.setenv(KILL_HOOK, f"export.jsonl#3@{tmp_path / 'killed-once'}")
    assert _lint(tree, 2) == serial
    assert (tmp_path / "killed-once").exists()


def test_the_cli_fails_a_run_that_lost_a_document_even_when_the_rest_pass(tmp_path):
    """Trusted: `parallel --halt never` still exits non-zero when a job was lost."""
    for name in ("a.txt", "b.txt", "poison.txt"):
        (tmp_path / name).write_text(RIGHT + "\n")
    run = subprocess.run([sys.executable, "-m", "checker", "lint", ".", "-j", "2", "--date", DATE],
                         cwd=tmp_path, env={**ENV, KILL_HOOK: "poison"}, capture_output=True, text=True,
                         timeout=240)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "poison.txt:1:1: error[worker-died] not checked" in run.stdout


def test_jobs_are_capped_at_the_cores_this_process_may_use(tmp_path):
    """Trusted: GNU make -j N starts at most N jobs; xargs -P is bounded by the system; here by affinity."""
    (tmp_path / "a.txt").write_text(RIGHT)
    plan = plan_lint(LintRequest(paths=[str(tmp_path / "a.txt")], jobs=100_000, config=None))
    assert plan.jobs == len(os.sched_getaffinity(0))


def test_audit_on_its_local_pool_reports_a_file_whose_worker_died_and_keeps_the_rest(tree, tmp_path, monkeypatch):
    clean = tmp_path / "clean"
    _audit(tree, clean)
    monkeypatch.setenv(KILL_HOOK, "poison")
    faulty = tmp_path / "faulty"
    summary = _audit(tree, faulty)
    assert summary["not_checked"] == [{"path": str(tree / "poison.txt"),
                                       "reason": "its worker process was killed by SIGKILL each time it was checked"}]
    found = list(read_findings(faulty))
    assert [f["path"] for f in found if f["rule"] == "worker-died"] == [str(tree / "poison.txt")]
    assert sorted(json.dumps(f) for f in found if f["rule"] != "worker-died") == \
        sorted(json.dumps(f) for f in read_findings(clean))


def test_audit_retries_a_killed_worker_and_writes_what_a_clean_run_writes(tree, tmp_path, monkeypatch):
    clean = tmp_path / "clean"
    _audit(tree, clean)
    monkeypatch.setenv(KILL_HOOK, f"story_1@{tmp_path / 'killed-once'}")
    faulty = tmp_path / "faulty"
    summary = _audit(tree, faulty)
    assert (tmp_path / "killed-once").exists() and summary["not_checked"] == []
    parts = sorted(p.name for p in faulty.iterdir())
    assert parts == sorted(p.name for p in clean.iterdir())
    for name in parts:
        if name != "_summary.json":
            assert (faulty / name).read_bytes() == (clean / name).read_bytes(), name


def test_the_audit_cli_exits_1_and_names_a_file_nobody_checked(tree, tmp_path):
    run = subprocess.run([sys.executable, "-m", "checker", "audit", str(tree), "-o", str(tmp_path / "out"),
                          "-j", "2", "--field", "body", "--files-per-partition", "2"],
                         env={**ENV, KILL_HOOK: "poison"}, capture_output=True, text=True, timeout=240)
    assert run.returncode == 1, run.stderr
    # As for lint: under load the pool may have let go of the killed process, and then it "died".
    assert re.search(rf"figcheck: not checked {re.escape(str(tree / 'poison.txt'))}: its worker process "
                     r"(?:was killed|died each time it was checked)", run.stderr), run.stderr
    assert "Traceback" not in run.stderr
