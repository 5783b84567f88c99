"""Word (.docx) documents into blocks: one per paragraph, one per table cell.

A .docx has no lines, so positions refer to the extracted text, which is also kept as the
document's source: its paragraphs one per line (a manual line break inside a paragraph starts
another line), so line N is the Nth line of that text and the column counts within it.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Iterator

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from .base import Block
from .errors import DocumentError, UnreadableDocument


MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_ELEMENTS = 4_000_000  # XML tags in all parts together
_READ_BYTES = 1 << 20


def check_bounds(data: bytes, path: str) -> None:
    """Refuse (exit 2, at once) a .docx that unpacks past MAX_UNPACKED_BYTES or holds more than
    MAX_ELEMENTS XML tags: a zip bomb, or a file no article is. zipfile never reads an entry past
    its declared size, so checking the declared sizes bounds the work."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise UnreadableDocument(path, f"not a readable .docx file ({type(error).__name__})") from None
    declared = sum(entry.file_size for entry in entries)
    if declared > MAX_UNPACKED_BYTES:
        raise DocumentError(path, f"unpacks to {declared:,} bytes, more than the {MAX_UNPACKED_BYTES:,} "
                                  "allowed (a zip bomb?); refusing to read it")
    tags = 0
    for entry in entries:
        if not entry.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(entry) as stream:
                first = True
                while chunk := stream.read(_READ_BYTES):
                    if first and b"<!DOCTYPE" in chunk[:4096].upper():
                        # Word never writes a DTD; its entities would be dropped unread (python-docx
                        # leaves them unresolved) or, resolved, read files or expand a billion times
                        raise UnreadableDocument(path, f"{entry.filename} declares a DTD (<!DOCTYPE>), which Word "
                                                       "never writes; not read")
                    first = False
                    tags += chunk.count(b"<")
                    if tags > MAX_ELEMENTS:
                        raise DocumentError(path, f"holds more than {MAX_ELEMENTS:,} XML elements; refusing to read it")
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as error:
            raise UnreadableDocument(path, f"not a readable .docx file ({type(error).__name__})") from None


def docx_parts(data: bytes, path: str) -> tuple[list[Block], str]:
    """The blocks of a .docx file's bytes and the extracted text their positions refer to."""
    return docx_blocks(_open(data, path))


def _open(data: bytes, path: str):
    check_bounds(data, path)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds of errors on damaged files
        raise UnreadableDocument(path, f"not a readable .docx file ({type(error).__name__})") from error


# python-docx's own template carries this timestamp; a file it made without setting one has no date.
TEMPLATE_STAMP = dt.datetime(2013, 12, 23, 23, 15)


def docx_document(data: bytes, path: str) -> tuple[list[Block], str, dt.date | None, str | None]:
    """Blocks, extracted text, and the date from the file's core properties with its source.

    Word records when a file was last saved (`modified`) and first made (`created`); the last
    save is the one nearest publication (a file made from an old template keeps its `created`).
    """
    document = _open(data, path)
    blocks, text = docx_blocks(document)
    for name in ("modified", "created"):
        try:
            value = getattr(document.core_properties, name)
        except (ValueError, TypeError, AttributeError):  # an unreadable timestamp is no date
            value = None
        if isinstance(value, dt.datetime) and value.year > 1980 and value.replace(tzinfo=None) != TEMPLATE_STAMP:
            return blocks, text, value.date(), f"docx core property {name}"
    return blocks, text, None, None


def docx_blocks(document) -> tuple[list[Block], str]:
    lines: list[str] = []
    blocks: list[Block] = []
    for texts in _units(document.iter_inner_content()):
        text = "\n".join(texts)
        if text.strip():
            blocks.append(Block.verbatim(text, len(lines) + 1, 1))
        lines.extend(text.split("\n"))
    return blocks, "\n".join(lines)


def _units(items) -> Iterator[list[str]]:
    """Each paragraph's text alone; each table cell's paragraphs together, in reading order."""
    for item in items:
        if isinstance(item, Paragraph):
            yield [item.text]
        elif isinstance(item, Table):
            yield from _cells(item)


def _cells(table: Table) -> Iterator[list[str]]:
    seen = set()  # holds the cell elements themselves, so their identities stay stable
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(cell._tc)
            texts: list[str] = []
            for unit in _units(cell.iter_inner_content()):
                texts.extend(unit)
            yield texts
