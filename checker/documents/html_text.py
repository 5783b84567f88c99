"""HTML into visible prose blocks, with the line and column of every text run.

libxml2's HTML parser (through lxml) does the parsing: it is a real, error-recovering HTML
parser that runs in linear time (the standard library's tokenizer rescans the buffer at every
unclosed `<`, so a 120 KB page of unclosed tags took minutes). It is driven as a push parser with
a *target*, so no tree is kept (10,000 levels of nesting cost nothing) and a large file streams.

libxml2 reports no columns, so each text run it hands over is found again in the original, in
order, from a cursor that only moves forward (`_SourceCursor`): the search steps over tags and
comments and accepts a character reference (`&amp;`, `&#36;`) in the source for the character it
stands for, so each run and each entity gets its own piece and columns stay exact. Text of hidden
elements (scripts, styles) is aligned too, so the cursor keeps pace with the parser.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import re
from typing import Iterable, Iterator

from lxml import etree

from .base import Block, Note, Piece
from .dates import read_date
from .page_dates import published_date
from .suppress import parse_comment

# Content a reader never sees as prose; code is left out as it is in Markdown.
HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math",
                    "iframe", "object", "canvas", "select", "textarea", "pre", "code"})
BLOCK_LEVEL = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "dd",
                         "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
                         "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
                         "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary", "table",
                         "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
PUBLISHED_META = frozenset({"article:published_time", "datepublished", "date", "dc.date"})

_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
# How far past the cursor a text run is looked for before it is anchored at the cursor instead.
SEARCH_CHARS = 16 * 1024
# Consumed source kept in memory while streaming, at most.
KEEP_CHARS = 1 << 20


class _SourceCursor:
    """The original text seen so far, a forward-only cursor into it, and line/column lookup."""

    def __init__(self) -> None:
        self.text = ""
        self.base = 0  # absolute offset of text[0]
        self.cursor = 0  # absolute
        self._line_starts = [0]  # absolute offsets of line starts at or after the first kept line
        self._first_line = 1  # the line number of _line_starts[0]
        self._no_close: dict[str, int] = {}  # a terminator known absent from this absolute offset on

    def feed(self, chunk: str) -> None:
        start = self.base + len(self.text)
        self.text += chunk
        find, pos = chunk.find, chunk.find("\n")
        while pos != -1:
            self._line_starts.append(start + pos + 1)
            pos = find("\n", pos + 1)

    def trim(self) -> None:
        """Forget the consumed source, keeping the line table small, when much has been read."""
        drop = self.cursor - self.base - KEEP_CHARS
        if drop <= 0:
            return
        self.text = self.text[drop:]
        self.base += drop
        index = bisect.bisect_right(self._line_starts, self.base) - 1
        if index > 0:
            del self._line_starts[:index]
            self._first_line += index

    def position(self, absolute: int) -> tuple[int, int]:
        """1-based (line, column) of an absolute offset."""
        index = bisect.bisect_right(self._line_starts, absolute) - 1
        index = max(index, 0)
        return self._first_line + index, absolute - self._line_starts[index] + 1

    def _find(self, needle: str, start: int) -> int:
        """`text.find(needle)` from a relative offset, remembering where a terminator is absent, so
        a page of thousands of unclosed `<` costs one scan, not one per `<`."""
        known = self._no_close.get(needle)
        absolute = self.base + start
        if known is not None and absolute >= known:
            start = max(start, known - self.base - len(needle) + 1, 0)
        found = self.text.find(needle, start)
        if found == -1:
            self._no_close[needle] = self.base + max(len(self.text) - len(needle) + 1, 0)
        return found

    def skip_markup(self, pos: int) -> int:
        """The relative offset after the tag or comment starting at `pos` (a `<`), or pos + 1."""
        text = self.text
        if text.startswith("<!--", pos):
            end = self._find("-->", pos + 4)
            return end + 3 if end != -1 else pos + 1
        if pos + 1 < len(text) and (text[pos + 1].isalpha() or text[pos + 1] in "/!?"):
            end = self._find(">", pos + 1)
            return end + 1 if end != -1 else pos + 1
        return pos + 1

    def align(self, data: str) -> list[tuple[int, int]] | None:
        """Find `data` from the cursor; the anchors (offset in data, absolute source offset) of its
        verbatim runs, the cursor moved past it. None when it is not found nearby."""
        text = self.text
        pos = self.cursor - self.base
        limit = min(len(text), pos + SEARCH_CHARS)
        first = data[0]
        while pos < limit:
            char = text[pos]
            if char == first or char == "&":
                matched = self._match_at(pos, data)
                if matched is not None:
                    anchors, end = matched
                    self.cursor = self.base + end
                    return [(offset, self.base + at) for offset, at in anchors]
            if char == "<":
                skipped = self.skip_markup(pos)
                limit = min(len(text), max(limit, skipped + SEARCH_CHARS // 4))
                pos = skipped
            else:
                pos += 1
        return None

    def _match_at(self, pos: int, data: str) -> tuple[list[tuple[int, int]], int] | None:
        text, stop = self.text, len(self.text)
        anchors = [(0, pos)]
        index = 0
        while index < len(data):
            if pos >= stop:
                return None
            char = text[pos]
            if char == data[index] and (char != "&" or not _decodes_to_other(text, pos, data, index)):
                index += 1
                pos += 1
                continue
            if char == "&" and (entity := _ENTITY.match(text, pos)):
                decoded = html.unescape(entity.group())
                if decoded != entity.group() and data.startswith(decoded, index):
                    _anchor(anchors, index, pos)
                    index += len(decoded)
                    pos = entity.end()
                    _anchor(anchors, index, pos)
                    continue
            return None
        return anchors, pos

    def find_tag(self, tag: str) -> int:
        """The absolute offset of the next `<tag` from the cursor (nearby), else the cursor."""
        pattern = re.compile(r"<" + re.escape(tag) + r"\b", re.IGNORECASE)
        start = self.cursor - self.base
        found = pattern.search(self.text, start, start + SEARCH_CHARS)
        return self.base + found.start() if found else self.cursor

    def skip_comment(self) -> int:
        """Move the cursor past the next comment; the absolute offset where it began."""
        start = self.cursor - self.base
        opening = self.text.find("<!--", start, start + SEARCH_CHARS)
        if opening == -1:
            return self.cursor
        end = self._find("-->", opening + 4)
        if end != -1:
            self.cursor = self.base + end + 3
        return self.base + opening


def _decodes_to_other(text: str, pos: int, data: str, index: int) -> bool:
    """An `&` in the source that starts an entity standing for something else than a literal `&`."""
    entity = _ENTITY.match(text, pos)
    return bool(entity) and html.unescape(entity.group()) != entity.group() and \
        not data.startswith(entity.group(), index)


def _anchor(anchors: list[tuple[int, int]], offset: int, pos: int) -> None:
    if anchors[-1][0] == offset:
        anchors[-1] = (offset, pos)
    else:
        anchors.append((offset, pos))


class _VisibleText:
    """The lxml parser target: collects blocks of visible text and the page's publication date."""

    def __init__(self, source: _SourceCursor) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.meta_date: tuple[str, int, int] | None = None
        self.time_date: tuple[str, int, int] | None = None
        self._hidden = 0
        self._text: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0
        self._pending: tuple[frozenset[str], int] | None = None

    # Structure ---------------------------------------------------------------------------------
    def start(self, tag, attrib) -> None:
        if not isinstance(tag, str):
            return
        tag = tag.lower()
        if tag in ("meta", "time"):
            self._read_date(tag, attrib)
        if tag == "body":
            self._hidden = 0
        if tag in BLOCK_LEVEL:
            self._close_block()
        elif tag == "br" and not self._hidden:
            self._append("\n", None)
        if tag in HIDDEN:
            self._hidden += 1

    def end(self, tag) -> None:
        if not isinstance(tag, str):
            return
        tag = tag.lower()
        if tag in HIDDEN and self._hidden:
            self._hidden -= 1
        if tag in BLOCK_LEVEL:
            self._close_block()

    # Text ----------------------------------------------------------------------------------------
    def data(self, data: str) -> None:
        if not data:
            return
        anchors = self.source.align(data)
        if self._hidden:
            return
        if anchors is None:  # not found verbatim: anchor at the cursor, as near as we can tell
            anchors = [(0, self.source.cursor)]
        for offset, absolute in anchors:
            if offset < len(data):
                self._pieces.append(Piece(self._length + offset, *self.source.position(absolute)))
        self._text.append(data)
        self._length += len(data)

    def comment(self, text: str) -> None:
        opening = self.source.skip_comment()
        rules = parse_comment(f"<!--{text}-->")
        if rules:
            self._pending = (rules, self.source.position(opening)[0])

    def pi(self, target, data=None) -> None:  # processing instructions are not prose
        return None

    def doctype(self, *args) -> None:
        return None

    def close(self) -> None:
        self._close_block()

    # Helpers -------------------------------------------------------------------------------------
    def _append(self, text: str, absolute: int | None) -> None:
        if absolute is not None:
            self._pieces.append(Piece(self._length, *self.source.position(absolute)))
        self._text.append(text)
        self._length += len(text)

    def _close_block(self) -> None:
        text = "".join(self._text)
        if text.strip() and self._pieces:
            block = Block(text, self._pieces)
            if self._pending:
                block.suppress, block.suppress_line = self._pending
                self._pending = None
            self.blocks.append(block)
        self._text, self._pieces, self._length = [], [], 0

    def _read_date(self, tag: str, attrs) -> None:
        if tag == "meta" and self.meta_date is None:
            kind = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if kind in PUBLISHED_META and attrs.get("content"):
                self.meta_date = (attrs["content"], *self.source.position(self.source.find_tag(tag)))
        elif tag == "time" and self.time_date is None and attrs.get("datetime"):
            self.time_date = (attrs["datetime"], *self.source.position(self.source.find_tag(tag)))

    def date(self) -> tuple[dt.date | None, str | None, list[Note]]:
        """The page's date: the published-time meta tag, else the first `<time datetime>`."""
        for found, source in ((self.meta_date, "meta"), (self.time_date, "time element")):
            if found:
                value, line, column = found
                date, note = read_date(value, f"HTML {source}", line, column)
                return date, (f"HTML {source}" if date else None), [note] if note else []
        return None, None, []


class _Reader:
    """One push parser fed with text, and the target it fills."""

    def __init__(self) -> None:
        self.source = _SourceCursor()
        self.target = _VisibleText(self.source)
        self._parser = etree.HTMLParser(target=self.target, recover=True, no_network=True,
                                        remove_comments=False, remove_pis=True, huge_tree=True)
        self._fed = False

    def feed(self, chunk: str) -> None:
        if not chunk:
            return
        # libxml2 stops at a NUL character; a reader sees nothing there either.
        chunk = chunk.replace("\x00", "\ufffd")
        self.source.feed(chunk)
        self._parser.feed(chunk)
        self._fed = True
        self.source.trim()

    def close(self) -> None:
        if self._fed:
            try:
                self._parser.close()
            except etree.XMLSyntaxError:  # recover=True: only an empty document gets here
                pass
        self.target.close()


def html_blocks(chunks: Iterable[str]) -> Iterator[Block]:
    """Visible-text blocks of the HTML made of `chunks`, yielded as the parser finds them."""
    reader = _Reader()
    for chunk in chunks:
        reader.feed(chunk)
        yield from reader.target.blocks
        reader.target.blocks.clear()
    reader.close()
    yield from reader.target.blocks


def html_document_parts(text: str) -> tuple[list[Block], dt.date | None, str | None, list[Note]]:
    """Blocks and date of a whole HTML text held in memory."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    date, source, notes = published_date(text, reader.target.date)
    return reader.target.blocks, date, source, notes


def html_date(head: str) -> tuple[dt.date | None, str | None, list[Note]]:
    """The date found in the start of a large page, read before its blocks are streamed."""
    reader = _Reader()
    reader.feed(head)
    reader.close()
    return published_date(head, reader.target.date)
