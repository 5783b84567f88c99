"""Word documents: one block per paragraph and per table cell; lines number the extracted text."""

from __future__ import annotations

import docx
import pytest

from checker.documents import DocumentError, iter_documents, load_path


@pytest.fixture
def report(tmp_path):
    document = docx.Document()
    document.add_heading("Beijing bets 600 billion yuan", level=1)
    document.add_paragraph("Since 2014 the fund has raised almost 700 billion yuan ($96 billion).")
    document.add_paragraph("")
    broken = document.add_paragraph("First line of a paragraph.")
    broken.add_run().add_break()
    broken.add_run("Then $8.5 billion after a line break.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Year"
    table.cell(0, 1).text = "Spending"
    table.cell(1, 0).text = "2024"
    table.cell(1, 1).text = "$41 billion"
    table.cell(1, 1).add_paragraph("(estimate) figcheck: ignore[currency-conversion]")
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Merged 7 dollars"
    document.add_paragraph("Closing with €3.2m.")
    path = tmp_path / "report.docx"
    document.save(path)
    return path


def test_paragraphs_and_cells_are_blocks_with_lines_of_the_extracted_text(report):
    (document,) = list(load_path(report))
    blocks = list(document)
    assert [b.text for b in blocks] == [
        "Beijing bets 600 billion yuan",
        "Since 2014 the fund has raised almost 700 billion yuan ($96 billion).",
        "First line of a paragraph.\nThen $8.5 billion after a line break.",
        "Year", "Spending", "2024",
        "$41 billion\n(estimate) figcheck: ignore[currency-conversion]",
        "Merged 7 dollars",
        "Closing with €3.2m.",
    ]
    lines = document.source.split("\n")
    for block in blocks:
        for needle in ("600 billion", "$96", "$8.5 billion", "$41", "€3.2m"):
            if needle in block.text:
                line, column = block.locate(block.text.index(needle))
                assert lines[line - 1][column - 1 :].startswith(needle)
    eight = next(b for b in blocks if "$8.5" in b.text)
    assert eight.locate(eight.text.index("$8.5")) == (5, 6)


def test_suppression_in_a_cell_applies_to_that_cell(report):
    (document,) = list(load_path(report))
    flagged = [b for b in document if b.suppress]
    assert len(flagged) == 1 and flagged[0].suppress == {"currency-conversion"}
    assert flagged[0].text.startswith("$41 billion")


def test_damaged_docx_is_an_error_when_named_and_when_walking(tmp_path):
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(DocumentError, match="damaged.docx: not a readable .docx file"):
        list(load_path(damaged))
    (tmp_path / "fine.txt").write_text("A fine $5 text.")
    walk = iter_documents([tmp_path])
    documents = list(walk)
    assert [d.path for d in documents] == [str(damaged), str(tmp_path / "fine.txt")]
    (note,) = documents[0].notes  # that file's error, as if it were named; the other file is read
    assert (note.rule, note.severity) == ("unreadable-file", "error")
    assert note.message.startswith("not checked: not a readable .docx file")
    assert walk.skipped == [] and walk.files == 2
