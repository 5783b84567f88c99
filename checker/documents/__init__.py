"""Loading documents: files, directories and stdin in; prose blocks with exact positions out.

    for document in iter_documents(["seeds/", "-"]):   # a DocumentWalk; .files, .skipped after
        for block in document:                          # Block: text, pieces, locate(offset)
            ...
        document.notes                                  # read after the blocks (streamed files)

`load_path` reads one file named explicitly (its documents: several for JSON/JSONL
exports), `load_stdin` reads standard input, `load_text` text already in memory. Each raises
DocumentError (one line, naming the path) for input that cannot be read at all.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from .base import Block, Document, Note, Piece, split_paragraphs
from .errors import DocumentError
from .loader import FORMATS, KINDS, format_of, load_file, load_stream, load_string
from .walk import DEFAULT_EXTENSIONS, DocumentWalk, iter_documents

__all__ = [
    "Block", "Document", "Note", "Piece", "split_paragraphs", "DocumentError", "DocumentWalk",
    "DEFAULT_EXTENSIONS", "FORMATS", "KINDS", "format_of", "iter_documents", "load_path",
    "load_stdin", "load_text",
]


def load_path(path: str | Path, *, kind: str | None = None, field: str | None = None,
              date_field: str | None = None) -> Iterator[Document]:
    """The documents of one file (format from its extension unless `kind` names it)."""
    return load_file(path, kind=kind, field=field, date_field=date_field)


def load_stdin(*, kind: str = "text", field: str | None = None, date_field: str | None = None,
               stream: BinaryIO | None = None, name: str = "<stdin>") -> Iterator[Document]:
    """The documents read from standard input (or `stream`), streamed like a large file."""
    return load_stream(stream or sys.stdin.buffer, name, kind=kind, field=field, date_field=date_field)


def load_text(text: str, *, kind: str = "text", name: str = "<text>", field: str | None = None,
              date_field: str | None = None) -> list[Document]:
    """The documents of a string, e.g. an article body handed over by a CMS."""
    return load_string(text, name, kind=kind, field=field, date_field=date_field)
