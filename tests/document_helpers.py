"""Helpers for the document loader tests: find a string in the blocks and read the original back."""


def located(blocks, needle):
    """The (line, column) in the original file of the first block text containing `needle`."""
    for block in blocks:
        index = block.text.find(needle)
        if index != -1:
            return block.locate(index)
    raise AssertionError(f"{needle!r} is in no block")


def source_at(original, line, column, length):
    """`length` characters of the original text from a 1-based (line, column)."""
    return original.split("\n")[line - 1][column - 1 : column - 1 + length]
