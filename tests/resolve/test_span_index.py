"""checker.spans.SpanIndex answers overlap and containment exactly as comparing with every span does."""

from __future__ import annotations

from hypothesis import given, strategies as st

from checker.spans import SpanIndex

SPAN = st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda s: (s[0], s[0] + s[1]))


@given(st.lists(SPAN, max_size=12), SPAN)
def test_overlaps_and_covers_agree_with_the_brute_force_answer(spans, probe):
    lo, hi = probe
    index = SpanIndex(spans)
    assert index.overlaps(lo, hi) == any(s < hi and lo < e for s, e in spans)
    assert index.covers(lo, hi) == any(s <= lo and hi <= e for s, e in spans)


def test_a_word_inside_a_wide_figure_is_covered_even_past_a_narrow_one_inside_it():
    index = SpanIndex([(0, 20), (2, 4)])  # "台币26兆元" read whole, and a reading inside it
    assert index.covers(10, 12) and not index.covers(18, 22)
