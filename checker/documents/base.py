"""What every document loader produces: prose in paragraph-sized blocks, each able to say where
any of its characters sits in the original file.

Checks see plain prose (no markup, no code, no link targets); findings must still point at the
1-based line and column of the original file. A block therefore keeps *pieces*: runs of its text
that were copied verbatim from the original, each anchored at the line and column it came from.
Loaders for large files yield blocks one at a time, so memory stays flat in the size of the input.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator


_NEWLINE = re.compile("\n")


@dataclass(slots=True)
class Piece:
    """`block.text[offset:]` starts a verbatim copy of the original at (line, column), 1-based."""

    offset: int
    line: int
    column: int


@dataclass(slots=True)
class Block:
    """A paragraph (or similar unit) of prose."""

    text: str
    pieces: list[Piece]
    # Suppression comments that apply to this block: rule ids, or "*" for all rules.
    suppress: frozenset[str] = frozenset()
    # The line of the suppression comment, so an unused one can be reported.
    suppress_line: int | None = None

    @classmethod
    def verbatim(cls, text: str, line: int = 1, column: int = 1) -> "Block":
        """A block that is an exact copy of the original starting at (line, column)."""
        return cls(text, [Piece(0, line, column)])

    # (text, number of pieces, piece offsets, newline offsets): built on the first `locate`, so a
    # block with thousands of figures is indexed once, not rescanned for each one.
    _index: tuple | None = field(default=None, repr=False, compare=False)

    def locate(self, offset: int) -> tuple[int, int]:
        """The (line, column) in the original file of the character at `offset` in `text`."""
        index = self._index
        if index is None or index[0] is not self.text or index[1] != len(self.pieces):
            newlines = [match.start() for match in _NEWLINE.finditer(self.text)]
            index = self._index = (self.text, len(self.pieces), [p.offset for p in self.pieces], newlines)
        _text, _count, offsets, newlines = index
        piece = self.pieces[max(bisect.bisect_right(offsets, offset) - 1, 0)]
        first, last = bisect.bisect_left(newlines, piece.offset), bisect.bisect_left(newlines, offset)
        if last > first:  # newlines between the piece's start and the offset
            return piece.line + (last - first), offset - newlines[last - 1]
        return piece.line, piece.column + (offset - piece.offset)


@dataclass(slots=True)
class Note:
    """Something the loader wants reported about the file itself (e.g. bytes that were not UTF-8)."""

    rule: str
    message: str
    severity: str = "info"
    line: int = 1
    column: int = 1


@dataclass
class Document:
    """A loaded document: where it came from, its as-of date, and its prose blocks.

    `blocks` may be a generator; consume it once. `source` holds the original text when the
    loader kept it (small files), so reporters can show lines in context.
    """

    path: str
    blocks: Iterable[Block]
    date: dt.date | None = None
    date_source: str | None = None
    source: str | None = None
    notes: list[Note] = field(default_factory=list)
    # A record of a JSON/JSONL export (path `export.jsonl#id`): the export's own path, the record's
    # id (or position) and headline, and the export's lines the record's positions point into.
    file: str | None = None
    record: str | None = None
    headline: str | None = None
    line_text: dict[int, str] | None = None
    # Called with the document once its blocks are all read (the loader's check that the file did
    # not change, grow or vanish meanwhile, which adds a note).
    on_read: Callable[["Document"], None] | None = field(default=None, repr=False, compare=False)
    # The `figcheck:` line directives of a streamed file (no `source`), read as its blocks are read:
    # complete once the blocks are consumed, like `notes`. None when `source` has them.
    directives: list | None = None
    # Why the file could not be read at all (a damaged .docx, permission denied): the document is then
    # only its `unreadable-file` note, and a `--jobs` worker reports it so rather than reading it again.
    unread: str | None = None

    @property
    def report_path(self) -> str:
        """The path findings name: the real file, also for a record of an export."""
        return self.file or self.path

    def __iter__(self) -> Iterator[Block]:
        """The blocks as a person reads them (see `reading`): every loader's blocks pass here. A block
        that held only invisible characters (a stray BOM, a zero-width space) reads as nothing, so it
        is dropped like any other empty block."""
        from .reading import read_as_person

        blocks = (block for block in map(read_as_person, self.blocks) if block.text.strip())
        return blocks if self.on_read is None else self._then_check(blocks)

    def _then_check(self, blocks: Iterator[Block]) -> Iterator[Block]:
        yield from blocks
        if self.on_read is not None:
            self.on_read(self)


def advance(line: int, column: int, text: str) -> tuple[int, int]:
    """The (line, column) just after `text`, when `text` starts at (line, column)."""
    newlines = text.count("\n")
    if newlines:
        return line + newlines, len(text) - text.rfind("\n")
    return line, column + len(text)


def split_paragraphs(text: str, first_line: int = 1) -> Iterator[Block]:
    """Split plain text into blocks at blank lines, keeping exact positions."""
    line = first_line
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n\n", start)
        if end == -1:
            end = length
        chunk = text[start:end]
        if chunk.strip():
            yield Block.verbatim(chunk, line, 1)
        line += chunk.count("\n")
        # Skip the run of newlines that separates paragraphs.
        next_start = end
        while next_start < length and text[next_start] == "\n":
            line += 1
            next_start += 1
        start = next_start
