"""Plain text: paragraphs, exact positions, encodings, suppressions and unreadable input."""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given, settings, strategies as st

from checker.documents import DocumentError, load_path, load_stdin, load_text, split_paragraphs
from checker.documents.decoding import TextDecoder
from checker.documents.plaintext import MAX_BLOCK_CHARS, text_blocks
from tests.document_helpers import located, source_at


def blocks_of(path, **options):
    (document,) = list(load_path(path, **options))
    return document, list(document)


def true_position(original, needle):
    """Where `needle` first occurs in `original`, as a 1-based (line, column)."""
    index = original.index(needle)
    return original.count("\n", 0, index) + 1, index - (original.rfind("\n", 0, index) + 1) + 1


ARTICLE = (
    "Headline: chips\n"
    "\n"
    "Since 2014 the fund has raised almost 700 billion yuan ($96 billion), and\n"
    "in April authorities earmarked a further 600 billion yuan ($8.5 billion).\n"
    "\n\n\n"
    "   Indented paragraph with €3.2m.\n"
)


@pytest.mark.parametrize("needle", ["Headline", "700 billion yuan", "$8.5 billion", "€3.2m", "Indented"])
def test_positions_point_into_the_original(tmp_path, needle):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document, blocks = blocks_of(path)
    line, column = located(blocks, needle)
    assert source_at(ARTICLE, line, column, len(needle)) == needle
    assert document.source == ARTICLE
    assert [b.text.split()[0] for b in blocks] == ["Headline:", "Since", "Indented"]


def test_crlf_line_ends_split_paragraphs_and_keep_columns(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    _, blocks = blocks_of(path)
    assert len(blocks) == 3
    assert located(blocks, "$8.5 billion") == true_position(ARTICLE, "$8.5 billion")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_are_honoured(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path.write_bytes(data)
    document, blocks = blocks_of(path)
    assert blocks[0].text == "Headline: chips"
    assert located(blocks, "Headline") == (1, 1)
    assert located(blocks, "€3.2m") == true_position(ARTICLE, "€3.2m")
    assert document.notes == []


def test_invalid_utf8_is_replaced_and_noted_at_its_line(tmp_path):
    # UTF-8 copy (its curly quotes and é are UTF-8) with two stray bytes: read as UTF-8, not guessed
    # as a legacy encoding (tests/documents/test_documents_legacy_encodings.py has those).
    path = tmp_path / "stray.txt"
    path.write_bytes("First “café” line.".encode() + b"\n\nPrice: 5 \xa3 and 6 \xff more.\n")
    document, blocks = blocks_of(path)
    assert "\ufffd" in blocks[1].text
    (note,) = document.notes
    assert (note.rule, note.severity, note.line, note.column) == ("invalid-utf8", "info", 3, 10)
    assert "0xa3" in note.message


def test_decoder_keeps_characters_split_across_chunks_and_finds_late_bad_bytes():
    data = ("ä€😀\n" * 5).encode() + b"bad \xc3( here\n"
    decoder = TextDecoder()
    text = "".join(decoder.decode(data[i : i + 3]) for i in range(0, len(data), 3)) + decoder.decode(b"", True)
    assert text.startswith("ä€😀\n" * 5)
    (note,) = decoder.notes
    assert (note.line, note.column) == (6, 5)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab \n€.", max_size=300), cuts=st.lists(st.integers(0, 300), max_size=6))
def test_streamed_blocks_locate_every_character_and_match_split_paragraphs(text, cuts):
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    blocks = list(text_blocks([text[a:b] for a, b in zip(bounds, bounds[1:])]))
    lines = text.split("\n")
    for block in blocks:
        for offset, char in enumerate(block.text):
            line, column = block.locate(offset)
            assert (lines[line - 1] + "\n")[column - 1] == char
    # Same paragraphs as base.split_paragraphs, which may keep one leading newline.
    assert [b.text for b in blocks] == [b.text.lstrip("\n") for b in split_paragraphs(text)]


def test_a_long_line_is_cut_at_sentence_ends_into_bounded_blocks():
    sentence = "The fund raised 700 billion yuan ($96 billion) this year. "
    line = sentence * (3 * MAX_BLOCK_CHARS // len(sentence)) + "Last 5 words here"
    blocks = list(text_blocks([line[i : i + 10_000] for i in range(0, len(line), 10_000)]))
    assert len(blocks) >= 3
    assert all(len(b.text) <= MAX_BLOCK_CHARS for b in blocks)
    assert "".join(b.text for b in blocks) == line
    assert all(b.text.endswith("year. ") for b in blocks[:-1])
    last = blocks[-1]
    assert last.locate(last.text.index("Last")) == (1, line.index("Last") + 1)


def test_plain_text_suppression_applies_to_the_lines_block():
    text = "Intro 1 yuan.\n\nA claim of 600 billion yuan ($8.5 billion).\nfigcheck: ignore[currency-conversion, other]\n\nNext 5."
    (document,) = load_text(text)
    blocks = list(document)
    assert blocks[0].suppress == frozenset()
    assert blocks[1].suppress == {"currency-conversion", "other"}
    assert blocks[1].suppress_line == 4
    assert blocks[2].suppress == frozenset()
    (document,) = load_text("Loose figure 5 dollars  # figcheck: ignore")
    assert next(iter(document)).suppress == {"*"}


def test_stdin_is_read_as_plain_text(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text(ARTICLE)
    with open(path, "rb") as stream:
        (document,) = list(load_stdin(stream=stream))
    assert document.path == "<stdin>"
    assert located(list(document), "600 billion") == true_position(ARTICLE, "600 billion")


def test_empty_file_gives_a_document_without_blocks(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    document, blocks = blocks_of(path)
    assert blocks == [] and document.notes == []


def test_unreadable_inputs_named_explicitly_are_one_line_errors(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    for path, reason in [(binary, "binary"), (tmp_path / "missing.txt", "no such file"),
                         (empty_dir, "directory")]:
        with pytest.raises(DocumentError) as raised:
            list(load_path(path))
        message = str(raised.value)
        assert str(path) in message and reason in message and "\n" not in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied_is_a_document_error(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("secret")
    path.chmod(0)
    with pytest.raises(DocumentError, match="permission denied"):
        load_path(path)
