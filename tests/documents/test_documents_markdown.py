"""Markdown and MDX: prose only, exact positions, front-matter dates, suppressions, deep nesting."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.documents import load_path, load_text
from tests.document_helpers import located, source_at

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"


def load(path):
    (document,) = list(load_path(path))
    return document, list(document)


@pytest.fixture(scope="module")
def article():
    path = FIXTURES / "article.md"
    document, blocks = load(path)
    return document, blocks, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("needle, raw", [
    ("Beijing bets", "Beijing bets"),
    ("600 billion yuan ($8.5 billion)", "600 billion yuan ($8.5 billion)"),  # second line of a paragraph
    ("fund's report for 2024", "fund's report for 2024"),  # link text
    ("locally", "locally"),  # after a code span
    ("€3.2m", "€3.2m"),
    ("& more", "&amp; more"),  # an entity points at its `&`
    ("$41 billion", "$41 billion"),  # table cell
    ("£2.3bn", "£2.3bn"),  # block quote
])
def test_prose_maps_back_to_the_original(article, needle, raw):
    _, blocks, original = article
    line, column = located(blocks, needle)
    written = source_at(original, line, column, len(raw))
    assert written == raw


def test_escaped_characters_locate_exactly(article):
    _, blocks, original = article
    block = next(b for b in blocks if "starred" in b.text)
    star = block.text.index("*starred*")
    line, column = block.locate(star)
    assert source_at(original, line, column, 1) == "*"  # the star itself, after its backslash
    line, column = block.locate(star + 8)
    assert source_at(original, line, column, 1) == "*"


@pytest.mark.parametrize("hidden", ["Chip fund", "999", "example.com", "12345", "5 million", "5_000_000",
                                    "77 billion", "31 billion", "figcheck", "tags"])
def test_code_links_images_comments_and_front_matter_are_not_prose(article, hidden):
    _, blocks, _ = article
    assert all(hidden not in block.text for block in blocks)


def test_front_matter_date(article):
    document, _, _ = article
    assert str(document.date) == "2025-04-15" and document.date_source == "YAML front matter date"
    assert document.notes == []


def test_suppression_comment_applies_to_the_next_block_only(article):
    _, blocks, original = article
    flagged = [b for b in blocks if b.suppress]
    assert [b.text for b in flagged] == ["Officials put the cost at ¥20 billion (about $2.8 billion)."]
    assert "figcheck: ignore[currency-conversion]" in original.split("\n")[flagged[0].suppress_line - 1]
    assert flagged[0].suppress == {"currency-conversion"}


def test_impossible_front_matter_date_is_a_warning_and_unknown():
    (document,) = load_text("---\ntitle: x\ndate: 2025-02-30\n---\n\nText with $5.\n", kind="markdown")
    assert document.date is None and document.date_source is None
    (note,) = document.notes
    assert (note.rule, note.severity, note.line) == ("bad-date", "warning", 3)
    assert [b.text for b in document] == ["Text with $5."]


def test_broken_front_matter_is_noted_and_the_body_still_read():
    (document,) = load_text("---\ndate: [2025\n---\nBody 5 dollars.\n", kind="markdown")
    assert [n.rule for n in document.notes] == ["bad-front-matter"]
    assert located(list(document), "Body") == (4, 1)


def test_mdx_drops_imports_exports_and_jsx():
    document, blocks = load(FIXTURES / "article.mdx")
    assert [b.text for b in blocks] == ["MDX article", "The ministry spent $15 billion on grids.",
                                       "It later added $3 billion."]
    assert located(blocks, "$3 billion") == (12, 16)


@pytest.mark.parametrize("nested", ["> " * 10_000 + "deep 5 dollars", "* " * 10_000 + "deep 5 dollars",
                                    "[" * 10_000 + "deep 5 dollars" + "]" * 10_000,
                                    "*" * 10_000 + "deep 5 dollars" + "*" * 10_000])
def test_deep_nesting_does_not_crash(nested):
    (document,) = load_text(nested + "\n\nAfter 7 dollars.\n", kind="markdown")
    blocks = list(document)
    assert any("deep 5 dollars" in b.text for b in blocks)
    assert located(blocks, "After") == (3, 1)


def test_too_deep_block_nesting_is_read_as_plain_text_with_a_note():
    (document,) = load_text("> " * 10_000 + "deep 5 dollars\n", kind="markdown")
    blocks = list(document)
    assert [n.rule for n in document.notes] == ["unparsed-markup"]
    assert located(blocks, "deep 5 dollars") == (1, 20_001)


@pytest.mark.slow
def test_a_large_markdown_file_is_parsed_in_pieces_exactly_as_whole(tmp_path, monkeypatch):
    """Streaming cuts a big file into pieces; each must parse as it would in the whole text.

    The promise is about the cuts, not the byte count, so the test lowers the streaming threshold
    and the piece size (the real parameters of the real loader) and streams a ~300 kB file in
    several pieces instead of a 2.7 MB one (markdown-it needs ~1 min of CPU per parse of that).
    """
    from checker.documents import loader, markdown_text

    monkeypatch.setattr(loader, "SMALL_INPUT_BYTES", 64 * 1024)
    monkeypatch.setattr(markdown_text.markdown_segments, "__defaults__", (64 * 1024,))
    unit = ("## Section {n}\n\nSpending rose to {n} billion yuan (&#36;{n} million), up *{n}%*.\n"
            "See [the table](https://example.com/{n}) and `code {n}`.\n\n"
            "```text\nFENCED dollars\n\n\nstill code {n}\n```\n\n")
    text = "---\ndate: 2025-04-15\n---\n\n" + "".join(unit.format(n=n) for n in range(1_800))
    path = tmp_path / "big.md"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 4 * loader.SMALL_INPUT_BYTES  # streamed, not read whole
    assert len(list(markdown_text.markdown_segments([text]))) >= 4  # in several pieces
    (streamed,) = list(load_path(path))
    (whole,) = load_text(text, kind="markdown")
    assert streamed.source is None and str(streamed.date) == "2025-04-15"
    streamed_blocks = [(b.text, b.pieces) for b in streamed]
    assert streamed_blocks == [(b.text, b.pieces) for b in whole]
    assert not any("FENCED" in block_text for block_text, _ in streamed_blocks)
    assert streamed_blocks[-1][1][0].line == text.count("\n", 0, text.rindex("Spending")) + 1
