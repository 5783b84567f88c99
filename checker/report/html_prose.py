"""One document as prose, its findings marked in place: paragraphs of rendered text, not markup.

The report keeps the original text of small documents; here it is loaded again the way `lint` read it
(Markdown without front matter or code, HTML without tags), and each finding's file position is found
in the paragraph it falls in. Paragraph by paragraph, the marked words are followed by their number,
and the notes of a paragraph's findings sit right under it.
"""

from __future__ import annotations

import bisect
from html import escape
from typing import Callable

from checker.report.html_document import Numbered, marked_segments

TEXT_KINDS = ("text", "markdown", "mdx", "html")


def prose_paragraphs(path: str, source: str):
    """The document's blocks as `lint` saw them, or None when it cannot be shown as prose."""
    from checker.documents import DocumentError, load_text
    from checker.documents.loader import format_of

    kind = format_of(path)
    if kind not in TEXT_KINDS:
        return None
    try:
        documents = load_text(source, kind=kind, name=path)
    except DocumentError:
        return None
    if len(documents) != 1:
        return None
    return [block for block in documents[0] if block.text.strip()]


def _offset(block, line: int, column: int, after: bool = False) -> int | None:
    """The block offset of the character at (line, column); None when it lies outside the block."""
    size = len(block.text)
    if size == 0:
        return None
    target = (line, column)
    first, last = block.locate(0), block.locate(size - 1)
    if target < first or target > last:
        return None
    found = bisect.bisect_left(range(size), target, key=block.locate)
    return min(found + (1 if after else 0), size)


def render_prose(blocks, items: list[Numbered], note: Callable[[Numbered], str]) -> str:
    spans: dict[int, dict[int, tuple[int, int]]] = {}
    placed: set[int] = set()
    for index, block in enumerate(blocks):
        for item in items:
            if item.number in placed:
                continue
            f = item.finding
            start = _offset(block, f.line, f.column)
            if start is None:
                continue
            end = _offset(block, f.end_line, max(f.end_column - 1, 1), after=True)
            spans.setdefault(index, {})[item.number] = (start, end if end is not None and end > start else len(block.text))
            placed.add(item.number)
    parts = []
    by_number = {item.number: item for item in items}
    for index, block in enumerate(blocks):
        here = spans.get(index, {})
        chosen = [by_number[n] for n in here]
        body = marked_segments(block.text, here, chosen) if chosen else escape(block.text)
        parts.append(f'<p class="para">{body}</p>')
        parts.extend(note(item) for item in chosen)
    parts.extend(note(item) for item in items if item.number not in placed)
    return "\n".join(parts)
