"""Text as a person reads it: invisible and look-alike characters settled before extraction.

Copy pasted from CMSs, PDFs and chat tools carries characters a reader never sees or reads as
something plainer: every default-ignorable code point of Unicode (zero-width spaces and joiners,
word joiners, soft hyphens, bidi controls, byte-order marks, variation selectors, tag characters:
invisible, removed) and a combining mark set on a digit or a currency sign ("8\u03002", a keycap
"6\u20e3": it hides nothing of the figure, removed); no-break, narrow no-break, thin and other
fixed-width spaces and the Hangul fillers (read as a space); full-width digits and the digits of
other scripts (read as 0-9); the full-width or Arabic decimal and thousands marks between such
digits; the minus sign and the non-breaking hyphen. Without this, "$82\u200b billion" is not
"$82 billion" and a correct pair is reported wrong, while a bidi mark inside "$8.5 billion" hides
a wrong one.

`read_as_person(block)` returns a block whose text is settled and whose pieces still map every
character to the original file: replacements are one character for one, and after each removed
character a new piece starts at the original line and column of the character that follows.
Done once for every loader, in `Document.__iter__`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Callable

import regex

from .base import Block, Piece

# Unicode's default-ignorable code points (DerivedCoreProperties), but the Hangul fillers, which
# show as a blank and read as a space; regex knows the property for every Unicode version it has.
FILLERS = "\u115f\u1160\u3164\uffa0"
INVISIBLE_CLASS = rf"[\p{{Default_Ignorable_Code_Point}}--[{FILLERS}]]"
# A combining mark on a digit or a currency sign (after any marks before it): no figure has one.
MARK_ON_FIGURE = r"(?<=[\d\p{Sc}][\p{Mn}\p{Me}]*)[\p{Mn}\p{Me}]"
SPACES = frozenset("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                   "\u202f\u205f\u2028\u2029\u3000" + FILLERS)
DASHES = {"\u2212": "-", "\u2011": "-", "\ufe63": "-", "\uff0d": "-"}
SIGNS = {"\uff04": "$", "\uff05": "%", "\uff0b": "+"}
# Between two digits of the same kind: full-width and Arabic decimal and thousands separators.
_BETWEEN_DIGITS = re.compile("(?<=[\uff10-\uff19])[\uff0c\uff0e](?=[\uff10-\uff19])|"
                             "(?<=[\u0660-\u0669\u06f0-\u06f9])[\u066b\u066c](?=[\u0660-\u0669\u06f0-\u06f9])")
_SEPARATOR = {"\uff0c": ",", "\uff0e": ".", "\u066b": ".", "\u066c": ","}

_TABLE: dict[int, str] = {ord(c): " " for c in SPACES}
_TABLE.update({ord(k): v for k, v in {**DASHES, **SIGNS}.items()})
_SPECIAL = regex.compile(INVISIBLE_CLASS + "|[" + "".join(sorted(SPACES | set(DASHES) | set(SIGNS)))
                         + r"]|(?![0-9])\d|[\p{Mn}\p{Me}]", regex.V1)
_INVISIBLE = regex.compile(INVISIBLE_CLASS + "|" + MARK_ON_FIGURE, regex.V1)


def needs_reading(text: str) -> bool:
    # Every special character is outside ASCII, and `isascii` is a flag CPython keeps on the string.
    return not text.isascii() and _SPECIAL.search(text) is not None


def settle(text: str) -> str:
    """The same-length text with look-alikes replaced (invisible characters are kept here)."""
    text = _BETWEEN_DIGITS.sub(lambda m: _SEPARATOR[m.group()], text)
    table = dict(_TABLE)
    for char in set(re.findall(r"(?![0-9])\d", text)):
        table[ord(char)] = str(unicodedata.decimal(char))
    return text.translate(table)


def read_text(text: str) -> tuple[str, Callable[[int], int]]:
    """`text` settled as `read_as_person` settles a block, and a map from each offset of the
    settled text back to the offset of the same character in `text` (for `figcheck extract`)."""
    if not needs_reading(text):
        return text, _same
    text = settle(text)
    removed = [match.start() for match in _INVISIBLE.finditer(text)]
    if not removed:
        return text, _same
    marks = [offset - count for count, offset in enumerate(removed)]  # where each removal sits afterwards
    return _INVISIBLE.sub("", text), lambda offset: offset + bisect_right(marks, offset)


def _same(offset: int) -> int:
    return offset


def read_as_person(block: Block) -> Block:
    """`block` with its text settled (see the module doc); the block itself when nothing changes."""
    text = block.text
    if not needs_reading(text):
        return block
    text = settle(text)
    if not _INVISIBLE.search(text):
        return Block(text, block.pieces, block.suppress, block.suppress_line)
    parts: list[str] = []
    pieces: list[Piece] = []
    length = 0
    starts = [p.offset for p in block.pieces] + [len(text)]
    if starts[0] > 0:  # text before the first piece (a <br> newline) is located by the first piece
        parts.append(_INVISIBLE.sub("", text[: starts[0]]))
        length = len(parts[0])
    for piece, stop in zip(block.pieces, starts[1:]):
        _add_piece(pieces, Piece(length, piece.line, piece.column))
        line, column, pos = piece.line, piece.column, piece.offset
        for match in _INVISIBLE.finditer(text, piece.offset, stop):
            kept = text[pos : match.start()]
            parts.append(kept)
            length += len(kept)
            newlines = kept.count("\n")
            if newlines:
                line, column = line + newlines, len(kept) - kept.rfind("\n")
            else:
                column += len(kept)
            column += 1  # the removed character had a column of its own
            pos = match.end()
            _add_piece(pieces, Piece(length, line, column))
        parts.append(text[pos:stop])
        length += stop - pos
    return Block("".join(parts), pieces, block.suppress, block.suppress_line)


def _add_piece(pieces: list[Piece], piece: Piece) -> None:
    if pieces and pieces[-1].offset == piece.offset:
        pieces[-1] = piece
    else:
        pieces.append(piece)
