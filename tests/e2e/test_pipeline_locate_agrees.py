"""pipeline.locate gives every figure the span Block.locate gives its two ends, in every kind of block.

In a one-piece block (plain text) a span with no line end in it is placed without looking its end
up; in a block of several pieces (Markdown, HTML: text cut out of markup) both ends are looked up.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.documents.base import Block, Piece
from checker.documents.loader import load_string
from checker.model import Location, Quantity
from checker.pipeline import locate


def _looked_up(block: Block, start: int, end: int) -> Location:
    line, column = block.locate(start)
    end_line, end_column = block.locate(max(end - 1, start))
    return Location(line, column, end_line, end_column + 1)


@settings(max_examples=300)
@given(st.text(alphabet="ab \n\t$5.,\u2028", min_size=1, max_size=60), st.integers(1, 40), st.integers(1, 9),
       st.data())
def test_a_span_anywhere_in_a_block_of_one_or_more_pieces(text, line, column, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, len(text)))
    cuts = sorted(set(data.draw(st.lists(st.integers(1, len(text)), max_size=3))))
    pieces = [Piece(0, line, column)] + [Piece(cut, line + 2 + i, 4 + i) for i, cut in enumerate(cuts)]
    quantity = Quantity(text[start:end], start, end, 5.0, "number")
    for block in (Block.verbatim(text, line, column), Block(text, pieces)):
        assert locate(block, quantity) == _looked_up(block, start, end)


def test_every_span_of_short_blocks_with_line_ends():
    for text in ("a\nb", "\n\nab\n", "ab\ncd\n\nef", "$5\n(4 euros)\n"):
        for start in range(len(text)):
            for end in range(start, len(text) + 1):
                quantity = Quantity(text[start:end], start, end, 5.0, "number")
                for block in (Block.verbatim(text, 3, 7), Block(text, [Piece(0, 3, 7), Piece(2, 9, 1)])):
                    assert locate(block, quantity) == _looked_up(block, start, end), (text, start, end)


def test_figures_of_loaded_documents_are_placed_as_their_ends_are_looked_up():
    from checker.extract import extract

    sources = {"story.txt": "Line one.\n\nIt paid 600 billion\nyuan ($8.5 billion) and €3 million.\n",
               "story.md": "# Head\n\nIt paid **600 billion yuan** ($8.5\nbillion), [a link](http://x) and $5m.\n"}
    for name, source in sources.items():
        blocks = [block for document in load_string(source, name, kind="markdown" if name.endswith(".md") else "text")
                  for block in document]
        assert len(blocks) == 2 and any(len(block.pieces) > 1 for block in blocks) == name.endswith(".md")
        placed = 0
        for block in blocks:
            for quantity in extract(block.text):
                assert locate(block, quantity) == _looked_up(block, quantity.start, quantity.end)
                placed += 1
        assert placed >= 3
