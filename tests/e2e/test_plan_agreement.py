"""`figcheck lint`, `figcheck audit` and the Python API plan a request the same way (`plan_lint`), so on the
same files and config they find the same things: the config's dates, its per-path ignores and the
command line's --ignore reach all three."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.api import lint_paths, lint_text
from checker.plan import LintRequest, plan_lint
from checker.run import run_lint

ROOT = Path(__file__).resolve().parents[2]
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups.\n"
STYLE = "The group raised $2bn in March and another $3 billion in June, then $4bn in July.\n"
CONFIG = ("date: 2025-04-15\n"
          "overrides:\n"
          "  - paths: ['docs/legacy/**']\n"
          "    ignore: [currency-conversion]\n"
          "  - paths: ['docs/2010/**']\n"
          "    date: 2010-01-05\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    for folder in ("docs/legacy", "docs/2010"):
        (tmp_path / folder).mkdir(parents=True)
    for name in ("docs/news.txt", "docs/legacy/old.txt", "docs/2010/then.txt"):
        (tmp_path / name).write_text(WRONG + "\n" + STYLE, encoding="utf-8")
    (tmp_path / "figcheck.yaml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _lint(**request) -> list[dict]:
    """What `figcheck lint` finds: the command runs `run_lint` on the request its options make."""
    return run_lint(LintRequest(paths=["docs"], config="figcheck.yaml", **request)).result.contract()["findings"]


def _key(findings) -> list[str]:
    return sorted(json.dumps(f, sort_keys=True) for f in findings)


@pytest.mark.parametrize("ignore", [(), ("number-style",)])
def test_the_api_finds_what_lint_finds(project, ignore):
    linted = _lint(ignore=ignore)
    rules = {(f["path"], f["rule"]) for f in linted}
    assert ("docs/legacy/old.txt", "currency-conversion") not in rules  # the config's per-path ignore
    assert ("docs/news.txt", "currency-conversion") in rules
    assert (("docs/news.txt", "number-style") in rules) == (not ignore)
    assert _key(lint_paths(["docs"], config="figcheck.yaml", ignore=ignore).contract()["findings"]) == _key(linted)
    texts = [f.contract() for name in sorted({f["path"] for f in linted})
             for f in lint_text((project / name).read_text(encoding="utf-8"), path=name, config="figcheck.yaml",
                                ignore=ignore)]
    assert _key(texts) == _key(linted)


def test_the_config_dates_reach_the_api(project):
    [news] = [f for f in lint_text(WRONG, path="docs/news.txt", config="figcheck.yaml")
              if f.rule == "currency-conversion"]
    [then] = [f for f in lint_text(WRONG, path="docs/2010/then.txt", config="figcheck.yaml")
              if f.rule == "currency-conversion"]
    assert news.evidence["date"] == "2025-04-15" and then.evidence["date"] == "2010-01-05"
    assert lint_text(WRONG, path="docs/legacy/old.txt", config="figcheck.yaml") == []


def test_audit_finds_what_lint_finds(project, tmp_path_factory):
    pytest.importorskip("dask.bag")
    from checker.audit import audit, read_findings

    output = tmp_path_factory.mktemp("audit") / "out"
    request = LintRequest(paths=["docs"], config="figcheck.yaml", ignore=["number-style"])
    summary = audit(["docs"], output, plan=plan_lint(request), scheduler="synchronous")
    linted = _lint(ignore=["number-style"])
    assert summary["files"] == 3 and len(linted) == 2
    assert _key(read_findings(output)) == _key(linted)


def _figcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_STEP_SUMMARY")}
    env.update(PYTHONPATH=str(ROOT), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def test_the_audit_command_uses_the_config_lint_uses(project):
    pytest.importorskip("dask.bag")
    from checker.audit import read_findings

    audited = _figcheck("audit", "docs", "--output", "out", "--scheduler", "synchronous", "--ignore", "number-style",
                        cwd=project)
    assert audited.returncode == 0, audited.stderr
    linted = _figcheck("lint", "docs", "--format", "json", "--ignore", "number-style", cwd=project)
    findings = json.loads(linted.stdout)["findings"]
    assert len(findings) == 2 and _key(read_findings(project / "out")) == _key(findings)
