"""Open one input (a file or a byte stream) and turn it into documents by its format.

Inputs under SMALL_INPUT_BYTES are read whole and keep their text as `Document.source`; larger
plain-text and HTML inputs are streamed chunk by chunk, so memory stays flat in their size.
Notes found while streaming (invalid bytes further on) are appended to `Document.notes`, and the
`figcheck:` line directives to `Document.directives`, as the blocks are consumed, so read both
after the blocks.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import BinaryIO, Iterator

from .base import Block, Document, Note
from .decoding import (CHUNK_BYTES, TextDecoder, decode_bytes, decode_stream, file_encoding, looks_binary,
                       normalize_newlines)
import stat

from .errors import BinaryDocument, DocumentError, UnreadableDocument
from .frontmatter import split_front_matter
from .plaintext import text_blocks
from .records import json_documents, jsonl_documents
from .suppress import DirectiveScanner, mark_plain_text

SMALL_INPUT_BYTES = 2 * 1024 * 1024
FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdx": "mdx",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
KINDS = frozenset(FORMATS.values())


def format_of(path: str | Path) -> str:
    """The format a file's extension announces; anything unknown is read as plain text."""
    return FORMATS.get(file_suffix(path).lower(), "text")


def file_suffix(path: str | Path) -> str:
    """`Path(path).suffix`, without building a Path for an ordinary name (a walk asks it of every file)."""
    name = os.path.basename(path) if isinstance(path, str) else ""
    if not name or name in (".", ".."):
        return Path(path).suffix
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def load_file(path: str | Path, *, kind: str | None = None, field: str | None = None,
              date_field: str | None = None, name: str | None = None) -> Iterator[Document]:
    """Documents of one file. Checks eagerly, so a file that cannot be read raises DocumentError now."""
    name = name or str(path)
    if os.path.isdir(path):
        raise DocumentError(name, "is a directory with no documents in it")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnreadableDocument(name, "is a broken symbolic link") from None
        raise DocumentError(name, "no such file") from None
    except OSError as error:
        raise UnreadableDocument(name, f"cannot be read ({error.strerror or error})") from None
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block, a device never end: never opened
        raise UnreadableDocument(name, f"is not a regular file ({_file_type(info.st_mode)}); skipped")
    return load_regular_file(path, kind=kind, field=field, date_field=date_field, name=name)


def load_regular_file(path: str | Path, *, kind: str | None = None, field: str | None = None,
                      date_field: str | None = None, name: str | None = None) -> Iterator[Document]:
    """`load_file` for a path the caller has just found to be a regular file (a walk stats every
    file it meets): the same documents and errors, without stating it again."""
    name = name or str(path)
    try:
        stream = open(path, "rb")
    except FileNotFoundError:
        raise UnreadableDocument(name, "vanished before it could be read") from None
    except PermissionError:
        raise UnreadableDocument(name, "permission denied") from None
    except OSError as error:
        raise UnreadableDocument(name, f"cannot be read ({error.strerror or error})") from None
    try:
        opened = os.fstat(stream.fileno())
        documents = load_stream(stream, name, kind=kind or format_of(path), field=field, date_field=date_field,
                                size=opened.st_size if stat.S_ISREG(opened.st_mode) else None)
    except BaseException:
        stream.close()
        raise
    return _watched(documents, str(path), opened)


def _watched(documents: Iterator[Document], path: str, opened: os.stat_result) -> Iterator[Document]:
    """The documents, each checking once read that the file is still the one opened (same inode,
    size and modification time): a file that grows, shrinks, is rewritten, replaced or deleted
    while it is read gets one `file-changed` error, never a silent half-read."""
    noted: list[bool] = []

    def check(document: Document) -> None:
        if noted:
            return
        reason = _change(path, opened)
        if reason is not None:
            noted.append(True)
            document.notes.append(Note("file-changed", f"the file {reason} while it was checked; check it "
                                                       "again once it is written", "error"))

    for document in documents:
        document.on_read = check
        yield document


def _change(path: str, opened: os.stat_result) -> str | None:
    try:
        now = os.stat(path)
    except OSError:
        return "was deleted"
    if (now.st_dev, now.st_ino) != (opened.st_dev, opened.st_ino):
        return "was replaced"
    if now.st_size != opened.st_size:
        verb = "grew" if now.st_size > opened.st_size else "shrank"
        return f"{verb} from {opened.st_size:,} to {now.st_size:,} bytes"
    if now.st_mtime_ns != opened.st_mtime_ns:
        return "was rewritten"
    return None


def _file_type(mode: int) -> str:
    for test, label in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                        (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return label
    return "not a plain file"


def load_stream(stream: BinaryIO, name: str, *, kind: str = "text", field: str | None = None,
                date_field: str | None = None, size: int | None = None) -> Iterator[Document]:
    """Documents of a byte stream in the given format; the stream is closed when they are done.
    `size` (a regular file's size when opened) only sizes the first read."""
    if kind not in KINDS:
        raise DocumentError(name, f"unknown format {kind!r} (one of {', '.join(sorted(KINDS))})")
    try:
        head = _read_head(stream, size)
    except OSError as error:
        stream.close()
        raise UnreadableDocument(name, f"cannot be read ({error.strerror or error})") from None
    small = len(head) <= SMALL_INPUT_BYTES
    if kind == "docx":
        data = head + stream.read()
        stream.close()
        from .docx_text import docx_document  # python-docx is imported only for .docx files

        notes: list[Note] = []
        blocks, text, date, date_source = docx_document(data, name, notes)
        return iter([Document(name, list(mark_plain_text(blocks)), date, date_source, source=text, notes=notes)])
    if looks_binary(head):
        stream.close()
        raise BinaryDocument(name, "looks like a binary file (it contains NUL bytes)")
    if small:
        stream.close()
        return iter(_whole_documents(head, name, kind, field, date_field))
    return _streamed_documents(stream, head, name, kind, field, date_field)


def _read_head(stream: BinaryIO, size: int | None) -> bytes:
    """The first SMALL_INPUT_BYTES + 1 bytes (or all, if fewer). A small file of known size is read
    with a buffer its size, not one of 2 MB; should it have grown since, the rest is read as well."""
    limit = SMALL_INPUT_BYTES + 1
    if size is None or size + 1 >= limit:
        return stream.read(limit)
    head = stream.read(size + 1)
    if len(head) > size:  # it grew since it was opened (the end-of-read check reports that too)
        head += stream.read(limit - len(head))
    return head


def load_string(text: str, name: str = "<text>", *, kind: str = "text", field: str | None = None,
                date_field: str | None = None) -> list[Document]:
    """Documents of text already in memory (the Python API's `lint_text`)."""
    if kind not in KINDS or kind == "docx":
        raise DocumentError(name, f"cannot read text as {kind!r}")
    return _parse_text(normalize_newlines(text), [], name, kind, field, date_field)


def _whole_documents(data: bytes, name: str, kind: str, field: str | None,
                     date_field: str | None) -> list[Document]:
    text, notes = decode_bytes(data, html=kind == "html")
    return _parse_text(text, notes, name, kind, field, date_field)


def _parse_text(text: str, notes: list[Note], name: str, kind: str, field: str | None,
                date_field: str | None) -> list[Document]:
    if kind == "json":
        return _with_notes(list(json_documents(text, name, field, date_field)), notes)
    if kind == "jsonl":
        return _with_notes(list(jsonl_documents(text.split("\n"), name, field, date_field)), notes)
    if kind == "html":
        from .html_text import html_document_parts  # the HTML parser only for HTML documents

        blocks, date, date_source, date_notes = html_document_parts(text)
        return [Document(name, blocks, date, date_source, text, notes + date_notes)]
    if kind in ("markdown", "mdx"):
        return [_markdown_document(text, notes, name, mdx=kind == "mdx")]
    return [Document(name, list(mark_plain_text(text_blocks([text]))), source=text, notes=notes)]


def _markdown_document(text: str, notes: list[Note], name: str, mdx: bool) -> Document:
    matter = split_front_matter(text)
    document = Document(name, [], matter.date, matter.date_source, text,
                        notes + matter.notes)
    document.blocks = _markdown_part(matter.body, 1, mdx, document.notes)
    return document


def _markdown_part(text: str, first_line: int, mdx: bool, notes: list[Note]) -> list[Block]:
    from .markdown_text import MarkupTooDeep, blank_mdx_lines, markdown_blocks  # markdown-it on first need

    body = blank_mdx_lines(text) if mdx else text
    try:
        return markdown_blocks(body, first_line)
    except MarkupTooDeep as error:
        notes.append(Note("unparsed-markup", f"the Markdown is {error}; it was read as plain text",
                          line=first_line))
        return list(mark_plain_text(text_blocks([body], first_line)))


def _streamed_markdown(stream: BinaryIO, chunks: Iterator[str], notes: list[Note], name: str,
                       mdx: bool) -> Document:
    """A large Markdown file parsed piece by piece; its front matter is in the first piece."""
    from .markdown_text import markdown_segments

    segments = markdown_segments(chunks)
    first, _ = next(segments)
    document = _markdown_document(first, notes, name, mdx)
    document.source = None
    rest = (block for text, line in segments for block in _markdown_part(text, line, mdx, document.notes))
    document.blocks = _closing(stream, itertools.chain(document.blocks, rest))
    return document


def _with_notes(documents: list[Document], notes: list[Note]) -> list[Document]:
    """Decoding notes belong to the file; attach them to its first record."""
    if notes and documents:
        documents[0].notes[:0] = notes
    return documents


def _streamed_documents(stream: BinaryIO, head: bytes, name: str, kind: str, field: str | None,
                        date_field: str | None) -> Iterator[Document]:
    encoding, bom, notes = file_encoding(head, html=kind == "html")
    decoder = TextDecoder(encoding, notes)
    scanner = DirectiveScanner(comments_only=kind in ("markdown", "mdx", "html"))
    if kind == "jsonl":
        return _closing(stream, jsonl_documents(_lines(decode_stream(stream, decoder, head[bom:])),
                                                name, field, date_field))
    if kind in ("markdown", "mdx"):
        chunks = scanner.tap(decode_stream(stream, decoder, head[bom:]))
        document = _streamed_markdown(stream, chunks, decoder.notes, name, mdx=kind == "mdx")
        document.directives = scanner.directives
        return iter([document])
    if kind == "json":  # JSON needs the whole text to parse.
        rest = stream.read()
        stream.close()
        text = decoder.decode(head[bom:] + rest, final=True)
        return iter(_parse_text(text, decoder.notes, name, kind, field, date_field))
    document = Document(name, [], notes=decoder.notes, directives=scanner.directives)
    chunks = scanner.tap(decode_stream(stream, decoder, head[bom:]))
    if kind == "html":
        from .html_text import html_blocks, html_date  # the HTML parser only for HTML documents

        preview, _ = decode_bytes(head[:CHUNK_BYTES], html=True)
        document.date, document.date_source, date_notes = html_date(preview)
        document.notes.extend(date_notes)
        document.blocks = _closing(stream, html_blocks(chunks))
    else:
        document.blocks = _closing(stream, mark_plain_text(text_blocks(chunks)))
    return iter([document])


def _closing(stream: BinaryIO, items: Iterator) -> Iterator:
    try:
        yield from items
    finally:
        stream.close()


def _lines(chunks: Iterator[str]) -> Iterator[str]:
    """Lines of streamed text, without their line ends."""
    rest = ""
    for chunk in chunks:
        lines = (rest + chunk).split("\n")
        rest = lines.pop()
        yield from lines
    if rest:
        yield rest

