"""Plain text into paragraph blocks, streamed so that memory stays flat in the size of the file.

Paragraphs end at blank lines, as in `base.split_paragraphs`. A paragraph longer than
MAX_BLOCK_CHARS (a 50 MB line with no newline, say) is cut at the last sentence end, else the last
clause end (a closing parenthesis, a semicolon, a comma), else the last whitespace, in the back half
of the window, so no block grows without bound and a cut rarely splits a figure: a conversion pair
"600 billion yuan ($8.5 billion)" ends at its parenthesis, so a line of pairs is cut between them.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .base import Block, advance

MAX_BLOCK_CHARS = 64 * 1024
_SENTENCE_ENDS = (". ", "! ", "? ", ".\n", "!\n", "?\n", '." ', '.” ', ".) ")
_CLAUSE_ENDS = (") ", "; ", ", ", "）", "；", "，", "。")


def text_blocks(chunks: Iterable[str], first_line: int = 1) -> Iterator[Block]:
    """Blocks of the text made by concatenating `chunks`, with exact positions."""
    splitter = _ParagraphSplitter(first_line)
    for chunk in chunks:
        yield from splitter.feed(chunk)
    yield from splitter.feed("", final=True)


def cut_point(text: str, start: int, limit: int) -> int:
    """Where to end a piece of `text[start:]` no longer than `limit`: after a sentence or a space."""
    end = start + limit
    floor = start + limit // 2
    best = max(text.rfind(mark, floor, end) for mark in _SENTENCE_ENDS)
    if best != -1:
        return best + 2 if text[best + 1] in " \n" else best + 3
    clause = max(text.rfind(mark, floor, end - 1) + len(mark) for mark in _CLAUSE_ENDS)
    if clause > floor:
        return clause
    space = max(text.rfind(" ", floor, end), text.rfind("\n", floor, end), text.rfind("\t", floor, end))
    return space + 1 if space != -1 else end


class _ParagraphSplitter:
    """Holds at most one unfinished paragraph (bounded by MAX_BLOCK_CHARS) between chunks."""

    def __init__(self, first_line: int) -> None:
        self._buffer = ""
        self._line = first_line
        self._column = 1

    def feed(self, chunk: str, final: bool = False) -> Iterator[Block]:
        buffer = self._buffer + chunk if self._buffer else chunk
        pos = 0
        while pos < len(buffer):
            pos = self._skip_newlines(buffer, pos)
            if pos == len(buffer):
                break
            end = buffer.find("\n\n", pos, pos + MAX_BLOCK_CHARS)
            if end == -1:
                if len(buffer) - pos > MAX_BLOCK_CHARS:
                    end = cut_point(buffer, pos, MAX_BLOCK_CHARS)
                elif final:
                    end = len(buffer)
                else:
                    break
            yield from self._emit(buffer[pos:end])
            pos = end
        self._buffer = buffer[pos:]

    def _skip_newlines(self, buffer: str, pos: int) -> int:
        while pos < len(buffer) and buffer[pos] == "\n":
            pos += 1
            self._line += 1
            self._column = 1
        return pos

    def _emit(self, text: str) -> Iterator[Block]:
        if text.strip():
            yield Block.verbatim(text, self._line, self._column)
        self._line, self._column = advance(self._line, self._column, text)
