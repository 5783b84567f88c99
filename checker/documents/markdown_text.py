"""Markdown (and MDX-like Markdown) into prose blocks with exact positions.

markdown-it-py finds the structure; it does not say where inline text sits, so each text run is
found again in the original lines, in order, from a cursor that steps over markup, code spans,
link destinations and images. A run that contains backslash escapes or entities is aligned
character by character and gets a new piece after each one, so columns stay exact.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .base import Block, Piece
from .suppress import parse_comment

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MDX_LINE = re.compile(r"^[ \t]*(?:(?:import|export)\s.*|</?[A-Z][^\n]*|\{[^\n]*\}[ \t]*)$", re.MULTILINE)
# markdown-it silently drops what lies deeper than maxNesting, so deeper input is refused up front.
MAX_CONTAINER_DEPTH = 20
_MAX_NESTING = 64
_PARSER = MarkdownIt("commonmark", {"html": True, "maxNesting": _MAX_NESTING}).enable(["table", "strikethrough"])
_CONTAINER_PREFIX = re.compile(r"^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))+", re.MULTILINE)
_CONTAINER_MARK = re.compile(r">|[*+-]|\d{1,9}[.)]")


SEGMENT_CHARS = 1 << 20
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


class MarkupTooDeep(ValueError):
    """Markdown nested deeper than the parser can follow; read it as plain text instead."""


def blank_mdx_lines(text: str) -> str:
    """Empty the import/export and JSX lines of MDX, keeping every other line where it was."""
    return _MDX_LINE.sub("", text)


def markdown_blocks(text: str, first_line: int = 1) -> list[Block]:
    """Prose blocks of a Markdown text: one per paragraph, heading or table cell.

    Raises MarkupTooDeep for block quotes or lists nested too deeply; the caller falls back to
    plain text, which loses no words.
    """
    for prefix in _CONTAINER_PREFIX.finditer(text):
        if len(_CONTAINER_MARK.findall(prefix.group())) > MAX_CONTAINER_DEPTH:
            raise MarkupTooDeep(f"nested more than {MAX_CONTAINER_DEPTH} levels deep")
    try:
        tokens = _PARSER.parse(text)
    except RecursionError as error:
        raise MarkupTooDeep("nested too deeply to parse") from error
    # Nesting built over many lines (each list item indented under the last) passes the per-line
    # check above; markdown-it then stops at maxNesting and drops the rest without a word.
    if any(token.level >= _MAX_NESTING - 1 for token in tokens):
        raise MarkupTooDeep(f"nested more than {MAX_CONTAINER_DEPTH} levels deep")
    try:
        return _BlockBuilder(text, first_line).build(tokens)
    except RecursionError as error:
        raise MarkupTooDeep("nested too deeply to parse") from error


def markdown_segments(chunks: Iterable[str], size: int = SEGMENT_CHARS) -> Iterator[tuple[str, int]]:
    """Cut a long Markdown stream into parseable pieces and the line each starts on.

    Cuts fall on blank lines outside fenced code once a piece reaches `size` (or, for a fence that
    never closes, eight times that), so each piece parses as it would in the whole file except for
    a list or reference definition that straddles a cut.
    """
    lines: list[str] = []
    length, first_line, fence = 0, 1, None
    rest = ""
    for chunk in chunks:
        parts = (rest + chunk).split("\n")
        rest = parts.pop()
        for line in parts:
            lines.append(line)
            length += len(line) + 1
            fence = _fence_state(line, fence)
            if not line.strip() and (length >= size and fence is None or length >= 8 * size):
                yield "\n".join(lines) + "\n", first_line
                first_line += len(lines)
                lines, length, fence = [], 0, None
    lines.append(rest)
    yield "\n".join(lines), first_line


def _fence_state(line: str, fence: str | None) -> str | None:
    """The opening fence still open after `line` (``` or ~~~ runs), or None."""
    match = _FENCE.match(line)
    if not match:
        return fence
    run = match.group(1)
    if fence is None:
        return run
    closes = run[0] == fence[0] and len(run) >= len(fence) and not line[match.end():].strip()
    return None if closes else fence


@dataclass
class _Draft:
    """A block being assembled from the text runs of one inline token."""

    parts: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    length: int = 0
    suppress: frozenset[str] = frozenset()
    suppress_line: int | None = None

    def add(self, text: str, anchors: list[tuple[int, int, int]] = ()) -> None:
        for offset, line, column in anchors:
            self.pieces.append(Piece(self.length + offset, line, column))
        self.parts.append(text)
        self.length += len(text)

    def block(self) -> Block | None:
        text = "".join(self.parts)
        if not text.strip() or not self.pieces:
            return None
        return Block(text, self.pieces, self.suppress, self.suppress_line)


class _BlockBuilder:
    def __init__(self, source: str, first_line: int = 1) -> None:
        self.source = source
        self.first_line = first_line
        self.stop = len(source)  # end of the current inline token's lines
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.cursor = 0
        self.pending: tuple[frozenset[str], int] | None = None

    def build(self, tokens: list[Token]) -> list[Block]:
        blocks: list[Block] = []
        for token in tokens:
            if token.type == "html_block":
                self._note_suppression(token)
            elif token.type == "inline" and token.map:
                block = self._inline_block(token)
                if block:
                    blocks.append(block)
        return blocks

    def _note_suppression(self, token: Token) -> None:
        rules = parse_comment(token.content)
        if rules and token.map:
            self.pending = (rules, token.map[0] + self.first_line)

    def _position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + self.first_line, offset - self.line_starts[index] + 1

    def _inline_block(self, token: Token) -> Block | None:
        start, stop = token.map
        region_start = self.line_starts[start]
        region_stop = self.line_starts[stop] if stop < len(self.line_starts) else len(self.source)
        # Table cells share their row's map: carry on from the previous cell.
        self.cursor = max(self.cursor, region_start)
        self.stop = region_stop
        draft = _Draft()
        if self.pending:
            draft.suppress, draft.suppress_line = self.pending
            self.pending = None
        in_autolink = False
        for child in token.children or []:
            kind = child.type
            if kind == "text" and not in_autolink:
                self._add_text(draft, child.content)
            elif kind in ("softbreak", "hardbreak"):
                draft.add("\n")
                self._skip_past("\n")
            elif kind == "code_inline":
                draft.add(" ")
                self._skip_past(child.markup)
                self._skip_past(child.markup)
            elif kind == "html_inline":
                rules = parse_comment(child.content)
                if rules:
                    draft.suppress, draft.suppress_line = rules, self._position(self.cursor)[0]
                self._skip_past(child.content)
            elif kind == "link_open" and child.markup == "autolink":
                in_autolink = True
            elif kind == "link_close" and in_autolink:
                in_autolink = False
                self._skip_past(">")
            elif kind == "link_close":
                self._skip_link_tail()
            elif kind == "image":
                self._skip_image()
        self.cursor = min(self.cursor, region_stop)
        return draft.block()

    def _skip_past(self, literal: str) -> None:
        found = self.source.find(literal, self.cursor, self.stop)
        if found != -1:
            self.cursor = found + len(literal)

    def _skip_bracketed(self, pos: int, opening: str, closing: str) -> int:
        """The position after the `closing` that balances the `opening` at `pos`."""
        depth = 0
        while pos < self.stop:
            char = self.source[pos]
            if char == "\\":
                pos += 2
                continue
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
        return pos

    def _skip_link_tail(self) -> None:
        """Step over `](destination "title")`, `][label]` or a bare `]` after link text."""
        close = self.source.find("]", self.cursor, self.stop)
        if close == -1:
            return
        pos = close + 1
        if pos < self.stop and self.source[pos] == "(":
            pos = self._skip_bracketed(pos, "(", ")")
        elif pos < self.stop and self.source[pos] == "[":
            pos = self._skip_bracketed(pos, "[", "]")
        self.cursor = pos

    def _skip_image(self) -> None:
        start = self.source.find("![", self.cursor, self.stop)
        if start == -1:
            return
        self.cursor = self._skip_bracketed(start + 1, "[", "]") - 1
        self._skip_link_tail()

    def _add_text(self, draft: _Draft, text: str) -> None:
        if not text:
            return
        aligned = self._align(text)
        if aligned is None:  # not found verbatim: anchor at the cursor, as near as we can tell
            draft.add(text, [(0, *self._position(self.cursor))])
            return
        anchors, end = aligned
        draft.add(text, [(offset, *self._position(pos)) for offset, pos in anchors])
        self.cursor = end

    def _align(self, text: str) -> tuple[list[tuple[int, int]], int] | None:
        """Find `text` in the source from the cursor, allowing escapes and entities in the source."""
        first = text[0]
        pos = self.cursor
        while pos < self.stop:
            char = self.source[pos]
            if char == first or char in "\\&":
                matched = self._match_at(pos, text)
                if matched:
                    return matched
            pos += 1
        return None

    def _match_at(self, pos: int, text: str) -> tuple[list[tuple[int, int]], int] | None:
        source, stop = self.source, self.stop
        anchors = [(0, pos)]
        index = 0
        while index < len(text):
            if pos >= stop:
                return None
            char = source[pos]
            # Escapes and entities first: `\\` and `&amp;` also begin with the character they stand for.
            if char == "\\" and pos + 1 < stop and source[pos + 1] == text[index] and text[index] in _PUNCTUATION:
                pos += 1
            elif char == "&" and (entity := _ENTITY.match(source, pos, stop)) and \
                    text.startswith(decoded := html.unescape(entity.group()), index):
                _anchor(anchors, index, pos)
                index += len(decoded)
                pos = entity.end()
            elif char == text[index]:
                index += 1
                pos += 1
                continue
            else:
                return None
            _anchor(anchors, index, pos)
        return anchors, pos


def _anchor(anchors: list[tuple[int, int]], offset: int, pos: int) -> None:
    if anchors[-1][0] == offset:
        anchors[-1] = (offset, pos)
    else:
        anchors.append((offset, pos))
