"""The ruff/ESLint/markdownlint forms of suppression, on real documents through the lint run.

Each case silences the seed's wrong pair in one place and leaves the same pair elsewhere standing,
so a directive that silenced too much or too little fails the test.
"""

from __future__ import annotations

import pytest

from checker.run import LintRequest, run_lint

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."


def findings(tmp_path, name: str, text: str) -> list[tuple[int, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = run_lint(LintRequest(paths=[str(path)], date="2025-04-15", config=None))
    return sorted((f.line, f.rule) for f in run.result.findings)


def test_disable_enable_block_silences_the_lines_in_between(tmp_path):
    text = (f"# Title\n\n<!-- figcheck: disable[currency-conversion] -- quoted as the minister said it -->\n"
            f"{WRONG}\n\n{WRONG}\n<!-- figcheck: enable[currency-conversion] -->\n\n{WRONG}\n")
    assert findings(tmp_path, "a.md", text) == [(9, "currency-conversion")]


def test_disable_without_enable_runs_to_the_end(tmp_path):
    text = f"{WRONG}\n\n<!-- figcheck: disable -->\n\n{WRONG}\n\n{WRONG}\n"
    assert findings(tmp_path, "a.md", text) == [(1, "currency-conversion")]


def test_disable_next_line_silences_only_the_next_line(tmp_path):
    text = f"<p>{WRONG}</p>\n<!-- figcheck: disable-next-line[currency-conversion] -->\n<p>{WRONG}</p>\n<p>{WRONG}</p>\n"
    assert findings(tmp_path, "a.html", text) == [(1, "currency-conversion"), (4, "currency-conversion")]


def test_plain_text_disable_line_and_whole_file(tmp_path):
    text = f"{WRONG} figcheck: disable-line -- checked by the desk\n\n{WRONG}\n"
    assert findings(tmp_path, "a.txt", text) == [(3, "currency-conversion")]
    whole = f"figcheck: disable-file[currency-conversion] -- archive copy, printed as published\n\n{WRONG}\n\n{WRONG}\n"
    assert findings(tmp_path, "b.txt", whole) == []


def test_ignore_takes_a_reason_too(tmp_path):
    text = f"<!-- figcheck: ignore[currency-conversion] -- the source's own figure -->\n{WRONG}\n\n{WRONG}\n"
    assert findings(tmp_path, "a.md", text) == [(4, "currency-conversion")]


@pytest.mark.parametrize("directive, named", [
    ("disable-nxt-line", "unknown suppression directive 'disable-nxt-line'"),
    ("disable-next-line[curency-conversion]", "unknown rule id(s): curency-conversion"),
])
def test_unknown_directive_or_rule_id_is_a_warning_naming_it(tmp_path, directive, named):
    path = tmp_path / "a.md"
    path.write_text(f"<!-- figcheck: {directive} -->\n{WRONG}\n", encoding="utf-8")
    run = run_lint(LintRequest(paths=[str(path)], date="2025-04-15", config=None))
    (warning,) = [f for f in run.result.findings if f.rule == "bad-suppression"]
    assert warning.severity == "warning" and warning.line == 1 and named in warning.message
    assert [f.line for f in run.result.findings if f.rule == "currency-conversion"] == [2]  # not silenced


def test_a_disable_that_silences_nothing_is_reported_unused(tmp_path):
    text = "<!-- figcheck: disable-next-line[currency-conversion] -->\nThe council met on Tuesday.\n"
    assert findings(tmp_path, "a.md", text) == [(1, "unused-suppression")]


def test_directives_in_markdown_prose_are_not_directives(tmp_path):
    text = f"Write `figcheck: disable` in a comment to silence figcheck.\n\n{WRONG}\n"
    assert findings(tmp_path, "a.md", text) == [(3, "currency-conversion")]
