"""The reporters' small helpers: excerpts, evidence lines, colour, atomic writes."""

from __future__ import annotations

import io
import os

import pytest

from checker.report import wants_color, write_report
from checker.report.common import evidence_text, span_text
from checker.report.excerpt import excerpt
from tests.report.report_helpers import SEED_PATH, SEED_SPAN, locate, seed_finding, seed_text


def test_seed_span_is_where_the_sample_says():
    finding = seed_finding()
    assert span_text(finding) == SEED_SPAN
    assert finding.line == 1 and finding.column > 300


def test_excerpt_of_a_long_line_keeps_the_span_under_its_carets():
    finding = seed_finding()
    start = finding.column - 1
    shown = excerpt(finding.source_line, start, start + len(SEED_SPAN), budget=60)
    assert len(shown.text) <= 60
    assert shown.text.startswith("…") and shown.text.endswith("…")
    underlined = shown.text[shown.caret_offset : shown.caret_offset + shown.caret_width]
    assert underlined == SEED_SPAN


def test_excerpt_counts_wide_characters_as_two_cells():
    line = "国家集成电路产业投资基金募集了近7000亿元（960亿美元）。"
    start = line.index("7000亿元")
    shown = excerpt(line, start, start + len("7000亿元"), budget=200)
    assert shown.text == line
    assert shown.caret_offset == 2 * start  # every character before the span is full-width
    assert shown.caret_width == 4 + 2 * 2  # four digits, two ideographs


def test_excerpt_of_a_span_wider_than_the_budget_starts_at_the_span():
    line = "x" * 50 + "y" * 200 + "z" * 50
    shown = excerpt(line, 50, 250, budget=40)
    assert shown.caret_offset == 1  # after the leading ellipsis
    assert set(shown.text[1 : 1 + shown.caret_width]) == {"y"}


def test_evidence_reads_as_one_compact_line():
    assert evidence_text(seed_finding().evidence) == "rate=7.28 rate_date=2025-04-15 source=ECB factor=9.7"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "stream, environ, expected",
    [
        (_Terminal(), {}, True),
        (io.StringIO(), {}, False),
        (_Terminal(), {"CI": "true"}, False),
        (_Terminal(), {"NO_COLOR": "1"}, False),
        (_Terminal(), {"TERM": "dumb"}, False),
    ],
)
def test_colour_only_for_a_person_at_a_terminal(stream, environ, expected):
    assert wants_color(stream, environ) is expected


def test_write_report_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "reports" / "seed.json"
    write_report("first\n", target)
    write_report("second\n", target)
    assert target.read_text(encoding="utf-8") == "second\n"
    assert os.listdir(target.parent) == ["seed.json"]


def test_write_report_interrupted_keeps_the_old_report(tmp_path):
    target = tmp_path / "seed.html"
    write_report("<p>old</p>\n", target)
    with pytest.raises(TypeError):  # the write fails after the temporary file was made
        write_report(12345, target)  # neither text nor bytes
    assert target.read_text(encoding="utf-8") == "<p>old</p>\n"
    assert os.listdir(tmp_path) == ["seed.html"]


def test_write_report_escapes_a_lone_surrogate_instead_of_failing(tmp_path):
    target = tmp_path / "seed.json"
    write_report('{"path": "bad\udc80name"}\n', target)  # a file name that is not UTF-8
    assert target.read_text(encoding="utf-8") == '{"path": "bad\\udc80name"}\n'
    assert os.listdir(tmp_path) == ["seed.json"]
