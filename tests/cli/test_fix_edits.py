"""Edits are made only where the text still says what the finding read, whatever the line ends."""

from __future__ import annotations

from checker.api import lint_text
from checker.fix.edits import Edit, LineIndex, apply_edits, certain_edits


def test_positions_count_crlf_cr_and_lf_as_one_line_end():
    text = "ab\r\ncd\ref\ngh"
    index = LineIndex(text)
    assert [text[index.offset(line, 1)] for line in (1, 2, 3, 4)] == ["a", "c", "e", "g"]
    assert index.position(text.index("f")) == (3, 2)
    assert index.offset(9, 1) is None


def test_an_edit_whose_text_moved_is_skipped_and_overlaps_keep_the_first():
    text = "Prices rose 5% percent.\nIt cost $5 million dollars."
    good = Edit(1, 13, "5% percent", "5%")
    stale = Edit(2, 9, "$6 million dollars", "$6 million")
    overlapping = Edit(1, 14, "% percent", "%")
    fixed, applied, skipped = apply_edits(text, [stale, overlapping, good])
    assert fixed == "Prices rose 5%.\nIt cost $5 million dollars."
    assert applied == [good] and set(skipped) == {stale, overlapping}


def test_only_certain_fixes_are_certain():
    findings = lint_text("It raised 600 billion yuan ($8.5 billion). Prices rose 5% percent.", date="2025-04-15")
    by_rule = {f.rule: f for f in findings}
    slip = by_rule["currency-conversion"]
    assert slip.fixes == ["60 billion yuan ($8.5 billion)", "600 billion yuan (about $82 billion)"]
    assert not slip.fix_certain
    assert certain_edits(findings) == [Edit(1, 56, "5% percent", "5%", "figure-typos")]
