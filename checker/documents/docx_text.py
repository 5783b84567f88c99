"""Word (.docx) documents into blocks: one per paragraph, one per table cell.

A .docx has no lines, so positions refer to the extracted text, which is also kept as the
document's source: its paragraphs one per line (a manual line break inside a paragraph starts
another line), so line N is the Nth line of that text and the column counts within it.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from typing import Iterator

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from .base import Block, Note
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


def _open(data: bytes, path: str, notes: list[Note]):
    """The python-docx document. A file whose relationships name parts it does not hold (an image
    lost when the file was cut down, a template path from another machine) is what Word offers to
    recover and pandoc and LibreOffice read with a warning: read once more without those links, and
    said in a note. Anything else python-docx cannot read is an unreadable file."""
    check_bounds(data, path)
    try:
        return docx.Document(io.BytesIO(data))
    except KeyError as error:  # a part named by a relationship is not in the archive
        mended, missing = _without_dangling_relationships(data)
        if missing:
            try:
                document = docx.Document(io.BytesIO(mended))
            except Exception:
                pass
            else:
                shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
                notes.append(Note("unparsed-markup", f"the .docx names parts it does not hold ({shown}); its text "
                                                     "was read without them"))
                return document
        raise UnreadableDocument(path, f"not a readable .docx file ({type(error).__name__})") from error
    except Exception as error:  # python-docx raises many kinds of errors on damaged files
        raise UnreadableDocument(path, f"not a readable .docx file ({type(error).__name__})") from error


_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*?/>|<Relationship\b[^>]*?>.*?</Relationship>", re.DOTALL)
_ATTRIBUTE = re.compile(rb"""\b(Target|TargetMode)\s*=\s*["']([^"']*)["']""")


def _without_dangling_relationships(data: bytes) -> tuple[bytes, list[str]]:
    """The package with every internal relationship to a missing part left out, and those parts."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    missing: list[str] = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as mended:
        for entry in archive.infolist():
            body = archive.read(entry)
            if entry.filename.endswith(".rels"):
                body = _RELATIONSHIP.sub(lambda match: _kept(match.group(), entry.filename, names, missing), body)
            mended.writestr(entry, body)
    return out.getvalue(), missing


def _kept(relationship: bytes, rels_name: str, names: set[str], missing: list[str]) -> bytes:
    attributes = {key.decode(): value.decode("utf-8", "replace") for key, value in _ATTRIBUTE.findall(relationship)}
    if attributes.get("TargetMode", "").lower() == "external" or "Target" not in attributes:
        return relationship
    target = attributes["Target"]
    source_folder = posixpath.dirname(posixpath.dirname(rels_name))  # word/_rels/x.rels -> word
    part = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(source_folder, target))
    if part in names:
        return relationship
    missing.append(target)
    return b""


# python-docx's own template carries this timestamp; a file it made without setting one has no date.
TEMPLATE_STAMP = dt.datetime(2013, 12, 23, 23, 15)


def docx_document(data: bytes, path: str, notes: list[Note] | None = None
                  ) -> tuple[list[Block], str, dt.date | None, str | None]:
    """Blocks, extracted text, and the date from the file's core properties with its source;
    `notes` gets a note when the file had to be mended to be read (see `_open`).

    Word records when a file was last saved (`modified`) and first made (`created`); the last
    save is the one nearest publication (a file made from an old template keeps its `created`).
    """
    document = _open(data, path, notes if notes is not None else [])
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
