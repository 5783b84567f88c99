"""Baselines end to end: write, accept, survive edits elsewhere, fail on what is new."""

import json
import os
import subprocess
import sys
from pathlib import Path

from checker.baseline import compare, fingerprints, write_baseline
from checker.findings import Finding

ROOT = Path(__file__).resolve().parents[2]
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
OTHER = "The bank will lend €3.2 billion (about $35 billion) to the project."


def figcheck(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "checker", "lint", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_known_findings_pass_and_new_ones_fail(tmp_path):
    doc = tmp_path / "article.txt"
    doc.write_text(f"{WRONG}\n")
    written = figcheck("article.txt", "--date", "2025-04-15", "--baseline", "figcheck-baseline.json",
                       "--write-baseline", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    stored = json.loads((tmp_path / "figcheck-baseline.json").read_text())
    assert [e["rule"] for e in stored["findings"]] == ["currency-conversion"]
    assert stored["findings"][0]["path"] == "article.txt"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # atomic write left nothing

    accepted = figcheck("article.txt", "--date", "2025-04-15", "--baseline", "figcheck-baseline.json", cwd=tmp_path)
    assert accepted.returncode == 0, accepted.stdout
    assert "1 known finding accepted" in accepted.stderr

    # Paragraphs added above move the known finding down; it stays known. A new wrong pair fails.
    doc.write_text(f"A new first paragraph.\n\nAnother one.\n\n{WRONG}\n\n{OTHER}\n")
    run = figcheck("article.txt", "--date", "2025-04-15", "--baseline", "figcheck-baseline.json",
                   "--format", "json", cwd=tmp_path)
    assert run.returncode == 1
    [new] = json.loads(run.stdout)["findings"]
    assert new["line"] == 7 and "€3.2 billion" in new["message"]


def test_baseline_is_found_from_another_directory_and_date(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(f"{WRONG}\n")
    assert figcheck("docs", "--date", "2025-04-15", "--baseline", "base.json", "--write-baseline", cwd=tmp_path).returncode == 0
    # Run from inside docs/ and at another date, so the message quotes another rate: still known.
    run = figcheck(".", "--date", "2024-12-02", "--baseline", "../base.json", cwd=tmp_path / "docs")
    assert run.returncode == 0, run.stdout


def test_a_second_copy_of_a_known_finding_is_new(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(f"{WRONG}\n")
    figcheck("a.txt", "--date", "2025-04-15", "--baseline", "b.json", "--write-baseline", cwd=tmp_path)
    doc.write_text(f"{WRONG}\n\n{WRONG}\n")
    run = figcheck("a.txt", "--date", "2025-04-15", "--baseline", "b.json", "--format", "json", cwd=tmp_path)
    assert run.returncode == 1
    assert len(json.loads(run.stdout)["findings"]) == 1


def test_fixed_findings_are_counted(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(f"{WRONG}\n\n{OTHER}\n")
    figcheck("a.txt", "--date", "2025-04-15", "--baseline", "b.json", "--write-baseline", cwd=tmp_path)
    doc.write_text(f"{WRONG}\n")
    run = figcheck("a.txt", "--date", "2025-04-15", "--baseline", "b.json", cwd=tmp_path)
    assert run.returncode == 0
    assert "1 no longer found" in run.stderr


def test_bad_baselines_are_usage_errors(tmp_path):
    (tmp_path / "a.txt").write_text(f"{WRONG}\n")
    missing = figcheck("a.txt", "--baseline", "nope.json", cwd=tmp_path)
    assert missing.returncode == 2 and "nope.json: baseline not found" in missing.stderr
    (tmp_path / "bad.json").write_text("{\n  not json")
    broken = figcheck("a.txt", "--baseline", "bad.json", cwd=tmp_path)
    assert broken.returncode == 2 and "bad.json:2: not a figcheck baseline" in broken.stderr
    alone = figcheck("a.txt", "--write-baseline", cwd=tmp_path)
    assert alone.returncode == 2 and "--baseline FILE" in alone.stderr


def _finding(line: int, column: int, source: str, message: str = "m") -> Finding:
    return Finding(path="a.txt", line=line, column=column, end_line=line, end_column=column + 31,
                   rule="currency-conversion", severity="error", message=message, source_line=source)


def test_fingerprints_ignore_position_and_message_but_not_figures(tmp_path):
    here = _finding(1, 1, "600 billion yuan ($8.5 billion) here", message="at 7.315 CNY per USD")
    moved = _finding(9, 5, "Now 600 billion yuan ($8.5 billion) here", message="at 7.1 CNY per USD")
    other = _finding(1, 1, "600 billion yuan ($9.5 billion) here")
    assert fingerprints([here], tmp_path) == fingerprints([moved], tmp_path)
    assert fingerprints([here], tmp_path) != fingerprints([other], tmp_path)
    baseline = tmp_path / "b.json"
    write_baseline([here], baseline)
    result = compare([moved, other], baseline)
    assert result.accepted == [moved] and result.new == [other] and result.fixed == 0
