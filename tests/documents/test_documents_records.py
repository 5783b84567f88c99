"""JSON and JSONL CMS exports: one document per record, positions in the export itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.documents import DocumentError, iter_documents, load_path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"


def test_jsonl_records_are_documents_with_their_own_dates_and_notes():
    documents = list(load_path(FIXTURES / "records.jsonl", field="body", date_field="meta.published"))
    names = [d.path.rsplit("/", 1)[1] for d in documents]
    assert names == ["records.jsonl#a-1", "records.jsonl#2", "records.jsonl#3", "records.jsonl#4"]
    first, html_body, no_body, broken = documents
    assert str(first.date) == "2025-04-15" and first.date_source == "field meta.published"
    block = next(iter(first))
    assert block.locate(block.text.index("$96")) == (1, 58)  # line 1 of the export, inside the string
    assert html_body.date is None and [n.rule for n in html_body.notes] == ["bad-date"]
    euro = [b for b in html_body if "€" in b.text][0]
    assert euro.locate(euro.text.index("€")) == (2, 47)  # points at &euro; after the escaped \\n
    assert [n.rule for n in no_body.notes] == ["missing-field"] and list(no_body) == []
    assert [n.rule for n in broken.notes] == ["bad-record"] and "line 5" in broken.notes[0].message


def test_json_array_with_dotted_fields_and_record_ids():
    documents = list(load_path(FIXTURES / "export.json", field="content.body", date_field="date"))
    assert [d.path.rsplit("#", 1)[1] for d in documents] == ["17", "2"]
    blocks = list(documents[0])
    assert [b.text for b in blocks] == ["Line one.", "Revenue hit $5 billion."]
    assert blocks[1].locate(blocks[1].text.index("$5")) == (2, 60)  # the record's line in the export
    assert str(documents[0].date) == "2025-03-01"


def test_body_field_is_guessed_or_asked_for(tmp_path):
    guessed = tmp_path / "guess.json"
    guessed.write_text('{"text": "Only 3 dollars."}')
    (document,) = list(load_path(guessed))
    assert [b.text for b in document] == ["Only 3 dollars."]
    unknown = tmp_path / "unknown.json"
    unknown.write_text('[{"headline": "x"}]')
    with pytest.raises(DocumentError, match="unknown.json: name the field"):
        list(load_path(unknown))


def test_invalid_json_named_explicitly_is_an_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"body": ')
    with pytest.raises(DocumentError, match="broken.json: not valid JSON"):
        list(load_path(path, field="body"))


def test_walking_reads_json_only_when_a_field_is_named():
    assert not any(d.path.endswith((".jsonl", ".json")) or "#" in d.path for d in iter_documents([FIXTURES]))
    paths = [d.path for d in iter_documents([FIXTURES], field="body", include=["*.jsonl"])]
    assert len(paths) == 4 and all("records.jsonl#" in p for p in paths)
