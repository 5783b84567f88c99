"""The command line end to end, as a user runs it: a real process, real files, real exit codes."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_d4ab128e2416e759.txt"


def figcheck(*args, stdin=None, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "checker", *map(str, args)],
        input=stdin, capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
    )


def lint_json(*args, **kwargs):
    run = figcheck("lint", "--format", "json", *args, **kwargs)
    return run, json.loads(run.stdout)


@pytest.mark.parametrize("date", [None, "2025-04-15", "2026-11-29"])
def test_seed_has_exactly_one_error_with_the_scale_fix(date):
    """`figcheck lint seeds/` (the README's first command): one error in each seed, the English one on
    the 600-billion pair, the Chinese one (seeds/001_zh_bigfund.txt) in Chinese."""
    run, report = lint_json("seeds/", *(["--date", date] if date else []))
    assert run.returncode == 1, run.stderr
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert report["summary"]["error"] == 2
    by_file = {f["path"]: f for f in errors}
    assert sorted(by_file) == ["seeds/000_d4ab128e2416e759.txt", "seeds/001_zh_bigfund.txt"]
    assert "亿美元" in by_file["seeds/001_zh_bigfund.txt"]["message"]
    assert by_file["seeds/001_zh_bigfund.txt"]["suggestion"].startswith("60亿元")
    error = by_file["seeds/000_d4ab128e2416e759.txt"]
    line = SEED.read_text().splitlines()[error["line"] - 1]
    assert line[error["column"] - 1 :].startswith("600 billion yuan ($8.5 billion")
    assert error["rule"] == "currency-conversion"
    assert error["suggestion"].startswith("60 billion yuan ($8.5 billion)")
    assert "600 billion yuan (about $" in error["suggestion"]
    assert not any("700 billion" in f["message"] for f in report["findings"])
    if date is None:
        assert "no date known" in error["message"]


def test_json_output_follows_the_contract():
    run, report = lint_json(SEED, "--date", "2025-04-15")
    assert set(report) == {"version", "files", "findings", "summary"}
    assert report["version"] == 1 and report["files"] == 1
    assert set(report["summary"]) == {"error", "warning", "info"}
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "suggestion", "evidence"}
    for finding in report["findings"]:
        assert set(finding) == keys
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert isinstance(finding["evidence"], dict)
    error = report["findings"][0]
    assert error["evidence"]["rate_date"] == "2025-04-15"
    assert error["evidence"]["source"].startswith("ECB")
    assert 9 < error["evidence"]["factor"] < 11


def test_findings_are_sorted_across_files(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("Later it spent 50 billion yuan ($70 billion).\n\nThen 600 billion yuan ($8.5 billion).\n")
    run, report = lint_json(tmp_path, "--date", "2025-04-15")
    keys = [(f["path"], f["line"], f["column"]) for f in report["findings"]]
    assert keys == sorted(keys) and len(keys) == 4 and report["files"] == 2


def test_extract_json_lists_the_seed_amounts_and_nothing_else():
    run = figcheck("extract", "--format", "json", SEED)
    assert run.returncode == 0, run.stderr
    quantities = json.loads(run.stdout)["quantities"]
    got = [(q["value"], q["currency"]) for q in quantities]
    assert got == [(700e9, "CNY"), (96e9, "USD"), (600e9, "CNY"), (8.5e9, "USD")]
    text = SEED.read_text()
    for q in quantities:
        assert text[q["start"] : q["end"]] == q["text"]


def test_extract_jsonl_batch(tmp_path):
    batch = tmp_path / "cases.jsonl"
    batch.write_text(json.dumps("It cost $5 million.") + "\n" + json.dumps("No figures here.") + "\n")
    run = figcheck("extract", "--jsonl", batch)
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [[q["value"] for q in line["quantities"]] for line in lines] == [[5e6], []]


def test_stdin_is_linted():
    run, report = lint_json("-", "--date", "2025-04-15", stdin="They paid 600 billion yuan ($8.5 billion).\n")
    assert run.returncode == 1
    assert report["findings"][0]["path"] == "<stdin>"


@pytest.mark.parametrize("fail_on, code", [("never", 0), ("error", 1), ("info", 1)])
def test_fail_on(fail_on, code):
    assert figcheck("lint", "seeds/", "--fail-on", fail_on, "--format", "json").returncode == code


def test_a_clean_document_exits_zero(tmp_path):
    doc = tmp_path / "ok.md"
    doc.write_text("---\ndate: 2025-04-15\n---\nThe fund has raised almost 700 billion yuan ($96 billion).\n")
    run = figcheck("lint", doc)
    assert run.returncode == 0, run.stdout
    assert "0 errors" in run.stdout or "No problems" in run.stdout or "Found 0" in run.stdout


def test_front_matter_date_is_used(tmp_path):
    doc = tmp_path / "dated.md"
    doc.write_text("---\ndate: 2025-04-15\n---\n\nThey paid 600 billion yuan ($8.5 billion).\n")
    run, report = lint_json(doc)
    evidence = report["findings"][0]["evidence"]
    assert evidence["date"] == "2025-04-15" and evidence["date_source"] == "YAML front matter date"
    assert report["findings"][0]["line"] == 5


def test_malformed_rule_pack_exits_2_naming_file_and_line(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  - id: fx\n    kind: currency-conversion\n    severity: loud\n")
    run = figcheck("lint", "seeds/", "--rules", pack)
    assert run.returncode == 2
    assert f"{pack}:4:" in run.stderr and "severity" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    "args, needle",
    [
        (["lint", "seeds/", "--date", "2025-02-30"], "not a valid date"),
        (["lint", "seeds/", "--format", "pdf"], "pdf"),  # Click: "'pdf' is not one of 'rich', ..."
        (["lint", "no/such/file.txt"], "no/such/file.txt"),
        (["lint", "seeds/", "--rules", "missing.yaml"], "missing.yaml"),
        (["lint", "seeds/", "--select", "no-such-rule"], "no-such-rule"),
        (["rates", "CNY", "XYZ"], "unknown currency"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args, needle):
    run = figcheck(*args)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert needle in run.stderr
    assert "Traceback" not in run.stderr


def test_lint_never_modifies_its_inputs_and_writes_output(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_bytes(SEED.read_bytes())
    before = hashlib.sha256(doc.read_bytes()).hexdigest()
    out = tmp_path / "reports" / "seed.json"
    run = figcheck("lint", doc, "--format", "json", "--output", out)
    assert run.returncode == 1 and run.stdout == ""
    assert json.loads(out.read_text())["summary"]["error"] == 1
    assert hashlib.sha256(doc.read_bytes()).hexdigest() == before


def test_rates_command_prints_rate_date_and_source():
    run = figcheck("rates", "CNY", "USD", "--date", "2025-04-15")
    assert run.returncode == 0
    assert "1 CNY = 0.1367" in run.stdout
    assert "rate date: 2025-04-15" in run.stdout
    assert "ECB" in run.stdout


def test_rates_before_the_table_is_no_rate():
    run = figcheck("rates", "VND", "USD", "--date", "2001-01-01")
    assert run.returncode == 2 and "no rate" in run.stderr  # a date no source covers is an input error


def test_rules_commands():
    listed = figcheck("rules", "list")
    assert listed.returncode == 0 and "currency-conversion" in listed.stdout
    shown = figcheck("rules", "show", "currency-conversion")
    assert shown.returncode == 0
    assert "tolerance: 0.08" in shown.stdout and "window_days: 90" in shown.stdout
    validated = figcheck("rules", "validate", ROOT / "rules" / "default.yaml")
    assert validated.returncode == 0 and "ok" in validated.stdout


def test_shipped_rule_packs_pass_their_own_examples():
    for pack in sorted((ROOT / "rules").glob("*.yaml")):
        text = pack.read_text()
        if "rules:" not in text:
            continue  # a data file (e.g. a facts registry), not a rule pack
        run = figcheck("rules", "test", pack)
        assert run.returncode == 0, run.stdout
        assert " 0 failed" in run.stdout


def test_rules_test_fails_when_an_example_is_wrong(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "rules:\n  - id: fx\n    kind: currency-conversion\n    severity: error\n"
        "    examples:\n      date: '2025-04-15'\n      bad: ['It raised 700 billion yuan ($96 billion).']\n"
    )
    run = figcheck("rules", "test", pack)
    assert run.returncode == 1 and "FAIL" in run.stdout
