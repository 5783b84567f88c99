"""Inline suppressions through the real command line, in Markdown, HTML and plain text, with the
seed's wrong pair as the finding to silence."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
AGAIN = "Again, a further 600 billion yuan ($8.5 billion) was set aside."
RIGHT = "The fund has raised almost 700 billion yuan ($96 billion) since 2014."


def lint(path: Path, *args):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    run = subprocess.run([sys.executable, "-m", "checker", "lint", str(path), "--date", "2025-04-15",
                          "--format", "json", *args], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode in (0, 1), run.stderr
    return run.returncode, [(f["line"], f["rule"]) for f in json.loads(run.stdout)["findings"]]


def test_markdown_comment_silences_the_next_paragraph_only(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text(f"# Funding\n\n<!-- figcheck: ignore[currency-conversion] -->\n{WRONG}\n\n{AGAIN}\n")
    code, found = lint(doc)
    assert found == [(6, "currency-conversion")] and code == 1


def test_markdown_suppression_of_another_rule_does_not_silence_and_is_unused(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text(f"<!-- figcheck: ignore[unit-conversion] -->\n{WRONG}\n")
    _, found = lint(doc)
    assert found == [(1, "unused-suppression"), (2, "currency-conversion")]


def test_unused_suppression_is_reported_at_its_comment(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text(f"Intro.\n\n<!-- figcheck: ignore[currency-conversion] -->\n{RIGHT}\n")
    code, found = lint(doc)
    assert found == [(3, "unused-suppression")]
    assert code == 0  # info is below the default --fail-on
    assert lint(doc, "--fail-on", "info")[0] == 1


def test_html_comment_silences_the_next_paragraph(tmp_path):
    doc = tmp_path / "a.html"
    doc.write_text(f"<html><body>\n<!-- figcheck: ignore -->\n<p>{WRONG}</p>\n<p>{AGAIN}</p>\n</body></html>\n")
    _, found = lint(doc)
    assert found == [(4, "currency-conversion")]


def test_plain_text_directive_silences_its_paragraph(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(f"{WRONG} figcheck: ignore\n\n{AGAIN}\n")
    _, found = lint(doc)
    assert found == [(3, "currency-conversion")]
    doc.write_text(f"{WRONG} figcheck: ignore[currency-conversion]\n")
    assert lint(doc) == (0, [])


def test_ignoring_the_unused_suppression_rule_hides_it(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text(f"<!-- figcheck: ignore -->\n{RIGHT}\n")
    assert lint(doc)[1] == [(1, "unused-suppression")]
    assert lint(doc, "--ignore", "unused-suppression")[1] == []
