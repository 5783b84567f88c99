"""Cutting a long source line down to the part around a span, for terminal diagnostics.

News paragraphs are often one line of a thousand characters; a diagnostic shows a window around
the flagged words with ellipses, measured in terminal cells so that CJK text lines up too.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Excerpt:
    text: str  # what to print, ellipses included
    caret_offset: int  # cells before the first caret
    caret_width: int  # cells the carets cover


def excerpt(line: str, start: int, end: int, budget: int) -> Excerpt:
    """The window of `line` around characters [start, end) that fits in `budget` cells."""
    line = line.replace("\t", " ")  # one cell per tab keeps columns and carets aligned
    start = min(max(start, 0), len(line))
    end = min(max(end, start + 1), len(line)) if line else start
    low, high = _snap_to_words(line, *_window(line, start, end, max(budget, 8)), start, end)
    prefix = ELLIPSIS if low > 0 else ""
    suffix = ELLIPSIS if high < len(line) else ""
    caret_start = max(start, low)
    caret_end = min(max(end, caret_start + 1), high) if high > caret_start else caret_start + 1
    return Excerpt(
        text=prefix + line[low:high] + suffix,
        caret_offset=cell_len(prefix + line[low:caret_start]),
        caret_width=max(1, cell_len(line[caret_start:caret_end])),
    )


def _window(line: str, start: int, end: int, budget: int) -> tuple[int, int]:
    if cell_len(line) <= budget:
        return 0, len(line)
    room = budget - 2  # two ellipses at most
    high = end
    while cell_len(line[start:high]) > room and high > start + 1:
        high -= 1
    spare = room - cell_len(line[start:high])
    low = _grow_left(line, start, spare // 2)
    spare -= cell_len(line[low:start])
    high = _grow_right(line, high, spare)
    spare -= cell_len(line[end:high]) if high > end else 0
    return _grow_left(line, low, spare), high


def _grow_left(line: str, low: int, cells: int) -> int:
    while low > 0 and cells - cell_len(line[low - 1]) >= 0:
        cells -= cell_len(line[low - 1])
        low -= 1
    return low


def _grow_right(line: str, high: int, cells: int) -> int:
    while high < len(line) and cells - cell_len(line[high]) >= 0:
        cells -= cell_len(line[high])
        high += 1
    return high


def _snap_to_words(line: str, low: int, high: int, start: int, end: int) -> tuple[int, int]:
    """Drop a word cut in half at either edge of the window (never eating into the span)."""
    if low > 0 and not line[low - 1].isspace():
        space = line.find(" ", low, start)
        if space != -1 and space - low <= 20:
            low = space + 1
    if high < len(line) and not line[high].isspace():
        space = line.rfind(" ", end, high)
        if space != -1 and high - space <= 20:
            high = space
    return low, high
