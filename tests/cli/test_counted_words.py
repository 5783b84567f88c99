"""Every count a command prints agrees with its noun ("1 rule", "1 amount", "1 warning", "in 1 file",
"3 records in 1 file"), run through the real commands on real files."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from checker.cli import app

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
PACK = "rules:\n  - id: my-rule\n    kind: pattern\n    severity: warning\n    params: {patterns: ['zzz']}\n"


def figcheck(*args, input=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input, env={"COLUMNS": "120"}, catch_exceptions=False)


def test_a_one_rule_pack_is_one_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text(PACK, encoding="utf-8")
    assert figcheck("rules", "validate", "p.yaml").stdout == "p.yaml: ok (1 rule)\n"
    (tmp_path / "w.txt").write_text("zzz here\n", encoding="utf-8")
    run = figcheck("lint", "w.txt", "--rules", "p.yaml", "--select", "my-rule", "-j", "1")
    assert run.exit_code == 0  # a warning is below the default --fail-on error
    assert "Found 0 errors, 1 warning, 0 infos in 1 file (1 file checked)." in run.stdout


def test_one_amount_is_one_amount():
    run = figcheck("extract", "-", input="It cost $5.\n")
    assert run.stdout.splitlines()[0].strip() == "1 amount"


def test_records_are_counted_in_their_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = [json.dumps({"id": n, "body": WRONG if n == 2 else "Quiet."}) for n in (1, 2, 3)]
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = figcheck("lint", "export.jsonl", "--date", "2025-04-15", "-j", "1")
    assert run.exit_code == 1
    assert "Found 1 error, 0 warnings, 0 infos in 1 file (3 records in 1 file checked)." in run.stdout
