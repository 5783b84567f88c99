"""JSON and JSONL exports from a CMS: one document per record, named `path#N`.

`field` names the body (a dotted path such as `content.body`), `date_field` the date. N is the
record's `id` if it has one, else its 1-based position. Positions point into the export itself:
the line of the record and the column of the character inside the JSON string, through its
escapes (`json_positions`), so CI annotations land on a real place. A body that contains HTML
tags is read as HTML, anything else as plain text.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator

from .base import Document, Note
from .dates import read_date
from .errors import DocumentError, UnreadableDocument
from .json_positions import LineIndex, anchor_blocks, find_string_value
from .plaintext import text_blocks
from .suppress import mark_plain_text

GUESSED_FIELDS = ("body", "content", "text")
HEADLINE_FIELDS = ("headline", "title", "name")
_HTML_TAG = re.compile(r"<(?:p|div|br|h[1-6]|span|ul|ol|li|table|a|em|strong|b|i|section|article)\b", re.I)


def lookup(record: Any, dotted: str) -> Any:
    """`record["a"]["b"]` for "a.b"; list items by number ("items.0"); None when absent."""
    value = record
    for key in dotted.split("."):
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            return None
    return value


def _loads(text: str) -> tuple[Any, dict[int, set[str]]]:
    """The parsed JSON, and for each object that gives a key twice (by `id`), those keys. JSON
    readers keep the last; a record that gives its body or its date twice is said to, never read
    silently as one of them (as a YAML config's key given twice is refused)."""
    twice: dict[int, set[str]] = {}

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict:
        made = dict(pairs)
        if len(made) < len(pairs):
            keys = [key for key, _ in pairs]
            twice[id(made)] = {key for key in made if keys.count(key) > 1}
        return made

    return json.loads(text, object_pairs_hook=pairs_hook), twice


def _given_twice(document: Document, record: Any, twice: dict[int, set[str]], *fields: str | None) -> None:
    for dotted in fields:
        if not dotted or not twice:
            continue
        parent_path, _, key = dotted.rpartition(".")
        parent = lookup(record, parent_path) if parent_path else record
        if isinstance(parent, dict) and key in twice.get(id(parent), ()):
            document.notes.append(Note("bad-record", f"the record gives {dotted!r} twice; the last was read, as "
                                                     "JSON readers read it", "warning"))


def json_documents(text: str, path: str, field: str | None, date_field: str | None) -> Iterator[Document]:
    """Documents of a JSON file holding one record or a list of records."""
    try:
        data, twice = _loads(text)
    except (ValueError, RecursionError) as error:  # JSONDecodeError, an integer past 4,300 digits, deep nesting
        raise UnreadableDocument(path, f"not valid JSON ({error})") from error
    records = data if isinstance(data, list) else [data]
    body_field = field or _guess_field(records, path)
    index = LineIndex(text)
    cursor = 0
    for number, record in enumerate(records, 1):
        document = record_document(record, f"{path}#{_record_id(record, number)}", body_field, date_field)
        _given_twice(document, record, twice, body_field, date_field)
        cursor = _anchor(document, record, body_field, path, text, index, cursor, date_field)
        yield document


def jsonl_documents(lines: Iterable[str], path: str, field: str | None,
                    date_field: str | None) -> Iterator[Document]:
    """Documents of a JSON Lines file, one record per non-empty line, read line by line."""
    number = 0
    for line_number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        number += 1
        try:
            record, twice = _loads(line)
        except (ValueError, RecursionError) as error:
            note = Note("bad-record", f"line {line_number} is not valid JSON ({error})", "warning",
                        line=line_number)
            yield Document(f"{path}#{number}", [], notes=[note], file=path, record=str(number),
                           line_text={line_number: line})
            continue
        body_field = field or _guess_field([record], path)
        document = record_document(record, f"{path}#{_record_id(record, number)}", body_field, date_field)
        _given_twice(document, record, twice, body_field, date_field)
        _anchor(document, record, body_field, path, line, LineIndex(line, line_number), 0, date_field)
        yield document


def _anchor(document: Document, record: Any, body_field: str, path: str, raw: str, index: LineIndex,
            cursor: int, date_field: str | None = None) -> int:
    """Point the record's blocks and notes into the export; the raw offset to search on from."""
    document.file = path
    document.record = document.path.rsplit("#", 1)[1]
    headline = next((lookup(record, key) for key in HEADLINE_FIELDS if isinstance(lookup(record, key), str)), None)
    document.headline = headline.strip() or None if headline else None
    body = lookup(record, body_field)
    mapping = find_string_value(raw, body, cursor) if isinstance(body, str) else None
    if mapping is None:  # no body (a note about it), or a body the scan cannot find
        brace = raw.find("{", cursor)
        line = index.position(brace if brace != -1 else cursor)[0]
        for note in document.notes:
            note.line, note.column = line, 1
        document.line_text = {line: index.line_text(line)}
        return cursor
    document.blocks = anchor_blocks(document.blocks, body, mapping, index)
    end = mapping.raw(len(body))
    first, last = index.position(mapping.start)[0], index.position(end)[0]
    document.line_text = {number: index.line_text(number) for number in range(first, last + 1)}
    date_at = _field_value_offset(raw, record, date_field, cursor) if date_field else None
    for note in document.notes:
        offset = date_at if note.rule == "bad-date" and date_at is not None else mapping.start - 1
        note.line, note.column = index.position(offset)
    document.source = None  # the record's text is the export's line, not a file of its own
    return end + 1  # past the closing quote


def _field_value_offset(raw: str, record: Any, dotted: str, cursor: int) -> int | None:
    """Where the value of the record's field `dotted` starts in the export (its last key's value)."""
    value, key = lookup(record, dotted), dotted.rsplit(".", 1)[-1]
    decoder = json.JSONDecoder()
    for match in re.finditer(rf'"{re.escape(key)}"\s*:\s*', raw[cursor:]):
        start = cursor + match.end()
        try:
            if decoder.raw_decode(raw, start)[0] == value:
                return start
        except (ValueError, RecursionError):
            continue
    return None


def record_document(record: Any, name: str, field: str, date_field: str | None) -> Document:
    """One record as a document: its body's blocks and, if named, its date."""
    body = lookup(record, field)
    if not isinstance(body, str):
        missing = "has no" if body is None else "has a non-text"
        return Document(name, [], notes=[Note("missing-field", f"record {missing} field {field!r}", "info")])
    document = Document(name, [], source=body)
    if date_field and (value := lookup(record, date_field)) not in (None, ""):
        document.date, note = read_date(value, f"field {date_field!r}")
        document.date_source = f"field {date_field}" if document.date else None
        document.notes.extend([note] if note else [])
    if _HTML_TAG.search(body):
        from .html_text import html_document_parts  # the HTML parser only for records that hold HTML

        document.blocks, *_ = html_document_parts(body)
    else:
        document.blocks = list(mark_plain_text(text_blocks([body])))
    return document


def _record_id(record: Any, number: int) -> str:
    if isinstance(record, dict) and isinstance(record.get("id"), (str, int)) and str(record["id"]).strip():
        return str(record["id"]).strip()
    return str(number)


def _guess_field(records: list[Any], path: str) -> str:
    for candidate in GUESSED_FIELDS:
        if any(isinstance(lookup(record, candidate), str) for record in records[:10]):
            return candidate
    raise DocumentError(path, "name the field that holds the text (--field), e.g. --field body")
