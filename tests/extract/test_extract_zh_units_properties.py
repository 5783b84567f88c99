"""Properties both extractors must keep on any input, CJK and odd Unicode included:
no exception, spans inside the input, `text == input[start:end]`, no overlaps."""

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.chinese import find_chinese
from checker.extract.units import find_physical
from tests.extraction_helpers import assert_exact_sorted_disjoint

# Biased toward the characters the grammars care about, so the property reaches them.
_PIECES = st.sampled_from(
    list("0123456789０１２３４５６７８９.,，．-－/／ %％°") + list("零一二三四五六七八九十百千万亿兆两萬億壹貳负負点點分之又余多几")
    + ["元", "美元", "亿元", "港元", "人民币", "块", "毛", "￥", "¥", "第", "年", "月", "百分之", "个百分点", "打",
       " km", "mm", "-foot", " degrees", "C", "F", " mph", "lbs", " MB", " tonnes", " (kg)", " a day", "ten", " mln"]
)
_TEXT = st.one_of(st.text(max_size=60), st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=25).map("".join))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_find_chinese_spans_are_slices_of_the_input(text):
    assert_exact_sorted_disjoint(text, find_chinese(text))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_find_physical_spans_are_slices_of_the_input(text):
    assert_exact_sorted_disjoint(text, find_physical(text))
