"""The invariants every extractor's output keeps, for the property tests."""


def assert_exact_sorted_disjoint(text, quantities):
    """Each span lies inside the text and is its text; spans are sorted and never overlap; no NaN."""
    previous_end = 0
    for quantity in quantities:
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start >= previous_end
        previous_end = quantity.end
        assert quantity.value == quantity.value  # not NaN
