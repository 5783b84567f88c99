"""HTML into visible prose blocks, with the line and column of every text run.

This uses the standard library's HTML tokenizer (the one BeautifulSoup's "html.parser" builder
runs on) rather than a tree builder: it reports the exact source position of each text run and
each character reference, which lxml (line only) and selectolax (none) do not; it is incremental,
so a large file streams; and it keeps no tree, so 10,000 levels of nesting cost no recursion.
Each text run and each entity gets its own piece, so columns are exact even after `&amp;`.
"""

from __future__ import annotations

import datetime as dt
import html
from html.parser import HTMLParser
from typing import Iterable, Iterator

from .base import Block, Note, Piece
from .dates import read_date
from .page_dates import published_date
from .suppress import parse_comment

# Content a reader never sees as prose; code is left out as it is in Markdown.
HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math",
                    "iframe", "object", "canvas", "select", "textarea", "pre", "code"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
BLOCK_LEVEL = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "dd",
                         "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
                         "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
                         "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary", "table",
                         "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
PUBLISHED_META = frozenset({"article:published_time", "datepublished", "date", "dc.date"})


class _VisibleText(HTMLParser):
    """Collects blocks of visible text and the page's publication date while it is fed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self.meta_date: tuple[str, int, int] | None = None
        self.time_date: tuple[str, int, int] | None = None
        self._hidden: list[str] = []
        self._text: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0
        self._pending: tuple[frozenset[str], int] | None = None

    # Structure ---------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._read_date(tag, dict(attrs))
        if tag == "body":
            self._hidden.clear()
        if tag in BLOCK_LEVEL:
            self._close_block()
        elif tag == "br" and not self._hidden:
            self._append("\n", None)
        if tag in HIDDEN and tag not in VOID:
            self._hidden.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._read_date(tag, dict(attrs))
        if tag in BLOCK_LEVEL:
            self._close_block()
        elif tag == "br" and not self._hidden:
            self._append("\n", None)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._hidden:
            while self._hidden and self._hidden.pop() != tag:
                pass
        if tag in BLOCK_LEVEL:
            self._close_block()

    # Text ----------------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._append(data, self.getpos())

    def handle_entityref(self, name: str) -> None:
        if not self._hidden:
            self._append(html.unescape(f"&{name};"), self.getpos())

    def handle_charref(self, name: str) -> None:
        if not self._hidden:
            self._append(html.unescape(f"&#{name};"), self.getpos())

    def handle_comment(self, data: str) -> None:
        rules = parse_comment(f"<!--{data}-->")
        if rules:
            self._pending = (rules, self.getpos()[0])

    def close(self) -> None:
        super().close()
        self._close_block()

    # Helpers -------------------------------------------------------------------------------------
    def _append(self, text: str, position: tuple[int, int] | None) -> None:
        if position is not None:
            line, offset = position  # the tokenizer's column is 0-based
            self._pieces.append(Piece(self._length, line, offset + 1))
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

    def _read_date(self, tag: str, attrs: dict[str, str | None]) -> None:
        line, offset = self.getpos()
        if tag == "meta" and self.meta_date is None:
            kind = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if kind in PUBLISHED_META and attrs.get("content"):
                self.meta_date = (attrs["content"], line, offset + 1)
        elif tag == "time" and self.time_date is None and attrs.get("datetime"):
            self.time_date = (attrs["datetime"], line, offset + 1)

    def date(self) -> tuple[dt.date | None, str | None, list[Note]]:
        """The page's date: the published-time meta tag, else the first `<time datetime>`."""
        for found, source in ((self.meta_date, "meta"), (self.time_date, "time element")):
            if found:
                value, line, column = found
                date, note = read_date(value, f"HTML {source}", line, column)
                return date, (f"HTML {source}" if date else None), [note] if note else []
        return None, None, []


def html_blocks(chunks: Iterable[str]) -> Iterator[Block]:
    """Visible-text blocks of the HTML made of `chunks`, yielded as the parser finds them."""
    parser = _VisibleText()
    for chunk in chunks:
        parser.feed(chunk)
        yield from parser.blocks
        parser.blocks.clear()
    parser.close()
    yield from parser.blocks


def html_document_parts(text: str) -> tuple[list[Block], dt.date | None, str | None, list[Note]]:
    """Blocks and date of a whole HTML text held in memory."""
    parser = _VisibleText()
    parser.feed(text)
    parser.close()
    date, source, notes = published_date(text, parser.date)
    return parser.blocks, date, source, notes


def html_date(head: str) -> tuple[dt.date | None, str | None, list[Note]]:
    """The date found in the start of a large page, read before its blocks are streamed."""
    parser = _VisibleText()
    parser.feed(head)
    return published_date(head, parser.date)
