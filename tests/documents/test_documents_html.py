"""HTML: visible text only, positions of text runs and entities, dates, suppressions, nesting."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.documents import load_path, load_text
from checker.documents.html_text import html_blocks
from tests.document_helpers import located, source_at

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"


@pytest.fixture(scope="module")
def page():
    path = FIXTURES / "article.html"
    (document,) = list(load_path(path))
    return document, list(document), path.read_text(encoding="utf-8")


@pytest.mark.parametrize("needle, raw", [
    ("Since 2014", "Since 2014"),
    ("and in April", "and in April"),  # second source line of a text run
    ("600 billion yuan", "600 billion yuan"),  # inside <strong>
    ("($8.5 billion)", "($8.5 billion)"),  # tail text after </strong>
    ("$96 billion", "&#36;"),  # a character reference points at its `&`
    ("96 billion", "96 billion"),  # and the text after it is exact again
    ("& more", "&amp;"),
    ("¥20 billion", "&yen;"),
    ("$41 billion", "$41 billion"),
])
def test_visible_text_maps_back_to_the_html_source(page, needle, raw):
    _, blocks, original = page
    line, column = located(blocks, needle)
    assert source_at(original, line, column, len(raw)) == raw


@pytest.mark.parametrize("hidden", ["111", "222", "333", "444", "555", "charset", "article:published"])
def test_head_scripts_styles_templates_and_noscript_are_not_prose(page, hidden):
    _, blocks, _ = page
    assert all(hidden not in b.text for b in blocks)


def test_blocks_follow_block_level_elements(page):
    _, blocks, _ = page
    assert [b.text.split()[0] for b in blocks] == ["Home", "Beijing", "Since", "Officials", "Spending", "$41",
                                                  "Published"]


def test_published_time_meta_is_the_date(page):
    document, _, _ = page
    assert str(document.date) == "2025-04-15" and document.date_source == 'HTML meta property="article:published_time"'


def test_time_element_is_the_date_without_meta():
    (document,) = load_text('<p>Filed <time datetime="2024-11-05T09:00">Tuesday</time>: $5 billion.</p>',
                            kind="html")
    assert str(document.date) == "2024-11-05" and document.date_source == "HTML time element"


def test_impossible_meta_date_is_a_warning_and_unknown():
    text = '<html><head>\n<meta property="article:published_time" content="2025-02-30"></head><p>x 5</p>'
    (document,) = load_text(text, kind="html")
    assert document.date is None
    (note,) = document.notes
    assert (note.rule, note.severity, note.line) == ("bad-date", "warning", 2)


def test_suppression_comment_applies_to_the_next_block(page):
    _, blocks, original = page
    flagged = [b for b in blocks if b.suppress]
    assert [b.text for b in flagged] == ["Officials put the cost at ¥20 billion."]
    assert flagged[0].suppress == {"*"}
    assert "figcheck: ignore" in original.split("\n")[flagged[0].suppress_line - 1]


def test_deep_nesting_does_not_crash():
    text = "<div>" * 10_000 + "<p>deep 5 dollars</p>" + "</div>" * 10_000 + "\n<p>After 7 dollars.</p>"
    (document,) = load_text(text, kind="html")
    blocks = list(document)
    assert located(blocks, "deep 5 dollars") == (1, 50_004)
    assert located(blocks, "After") == (2, 4)


def test_streamed_html_gives_the_same_blocks_as_whole_html(page):
    _, blocks, original = page
    chunks = [original[i : i + 7] for i in range(0, len(original), 7)]
    streamed = list(html_blocks(chunks))
    assert [b.text for b in streamed] == [b.text for b in blocks]
    assert located(streamed, "$41 billion") == located(blocks, "$41 billion")
