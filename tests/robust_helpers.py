"""Shared by the robustness tests: run the real CLI and check what a user would see."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
ENV.pop("FIGCHECK_DEBUG", None)


def figcheck(*args: str, input: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], input=input, capture_output=True,
                          cwd=ROOT, env=ENV, timeout=timeout)


@lru_cache(maxsize=1)
def lint_schema() -> dict:
    return json.loads((Path(__file__).with_name("lint_output.schema.json")).read_text())


def check_lint_report(report: dict) -> None:
    """Valid against the DESIGN.md contract, sorted, and with a summary that counts the findings."""
    jsonschema.validate(report, lint_schema())
    keys = [(f["path"], f["line"], f["column"]) for f in report["findings"]]
    assert keys == sorted(keys), "findings are sorted by path, line, column"
    for severity in ("error", "warning", "info"):
        assert report["summary"][severity] == sum(f["severity"] == severity for f in report["findings"])
    for finding in report["findings"]:
        assert (finding["end_line"], finding["end_column"]) >= (finding["line"], finding["column"]), finding


def clean_exit(run: subprocess.CompletedProcess) -> None:
    stderr = run.stderr.decode("utf-8", "replace") if isinstance(run.stderr, bytes) else run.stderr
    assert run.returncode in (0, 1, 2), (run.returncode, stderr)
    assert "Traceback" not in stderr, stderr
