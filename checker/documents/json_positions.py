"""Where a JSON string's characters sit in the raw export, through its escapes.

A CMS export holds each article body as one JSON string: `"It cost \\u20ac3.2m\\n..."`. Findings
must point at the export's own line and column, so every decoded character of the body is mapped
back to its raw offset: one raw character per plain character, 2, 6 or 12 for an escape
(`\\n`, `\\u20ac`, a surrogate pair). Blocks made from the decoded body are then re-anchored to
the file with one `Piece` per verbatim run.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from typing import Iterable

from .base import Block, Piece

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_KEY_END = re.compile(r"\s*:")
_SURROGATE = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


@dataclass(frozen=True, slots=True)
class StringMap:
    """The raw offsets (into the export text) of one decoded JSON string's characters."""

    start: int  # raw offset of the first character after the opening quote
    escapes: tuple[int, ...]  # decoded indices of the escaped characters, ascending
    extra: tuple[int, ...]  # extra[k]: raw characters beyond one used by escapes[0..k-1]

    def raw(self, index: int) -> int:
        """The raw offset of decoded character `index` (or of the closing quote at the end)."""
        before = bisect.bisect_left(self.escapes, index)
        return self.start + index + self.extra[before]

    def run_starts(self, low: int, high: int) -> list[int]:
        """Decoded indices in [low, high) where a verbatim raw run begins."""
        starts = {low}
        first = bisect.bisect_left(self.escapes, low - 1)
        for escape in self.escapes[first:]:
            if escape >= high:
                break
            for boundary in (escape, escape + 1):
                if low < boundary < high:
                    starts.add(boundary)
        return sorted(starts)


def string_map(raw: str, start: int) -> StringMap:
    """The map of the JSON string whose content (after the quote) starts at `raw[start]`."""
    escapes: list[int] = []
    extra = [0]
    position, decoded = start, 0
    while position < len(raw) and raw[position] != '"':
        width = 1
        if raw[position] == "\\":
            width = 2
            if raw.startswith("u", position + 1):
                width = 6
                code = int(raw[position + 2 : position + 6], 16)
                if 0xD800 <= code < 0xDC00 and _SURROGATE.match(raw, position + 6):
                    width = 12
            escapes.append(decoded)
            extra.append(extra[-1] + width - 1)
        position += width
        decoded += 1
    return StringMap(start, tuple(escapes), tuple(extra))


def find_string_value(raw: str, value: str, cursor: int = 0) -> StringMap | None:
    """The first string token at or after `cursor` that is a value (not a key) equal to `value`."""
    for match in _STRING.finditer(raw, cursor):
        if _KEY_END.match(raw, match.end()):
            continue
        try:
            decoded = json.loads(match.group())
        except (ValueError, RecursionError):
            continue
        if decoded == value:
            return string_map(raw, match.start() + 1)
    return None


class LineIndex:
    """(line, column) of raw offsets in a text, 1-based, with `first_line` for the text's first line."""

    def __init__(self, raw: str, first_line: int = 1) -> None:
        self.first_line = first_line
        self.starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.raw = raw

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + row, offset - self.starts[row] + 1

    def line_text(self, line: int) -> str:
        row = line - self.first_line
        end = self.starts[row + 1] - 1 if row + 1 < len(self.starts) else len(self.raw)
        return self.raw[self.starts[row] : end]


def anchor_blocks(blocks: Iterable[Block], body: str, mapping: StringMap, index: LineIndex) -> list[Block]:
    """Blocks of the decoded `body` re-anchored at their places in the raw export."""
    body_lines = [0] + [m.end() for m in re.finditer("\n", body)]
    anchored = []
    for block in blocks:
        pieces: list[Piece] = []
        bounds = [p.offset for p in block.pieces[1:]] + [len(block.text)]
        for piece, end in zip(block.pieces, bounds):
            if piece.line - 1 >= len(body_lines):
                continue
            low = body_lines[piece.line - 1] + piece.column - 1
            high = low + (end - piece.offset)
            for start in mapping.run_starts(low, max(high, low + 1)):
                line, column = index.position(mapping.raw(start))
                pieces.append(Piece(piece.offset + start - low, line, column))
        suppress_line = block.suppress_line
        if suppress_line is not None and suppress_line - 1 < len(body_lines):
            suppress_line = index.position(mapping.raw(body_lines[suppress_line - 1]))[0]
        anchored.append(replace(block, pieces=pieces or block.pieces, suppress_line=suppress_line))
    return anchored
