"""European notation where the paragraph uses it (issue 12.3): decimal commas and point-grouped
thousands, read only where a form only that notation writes is present."""

from __future__ import annotations

import pytest

from checker.extract import extract


def values(text: str) -> list[float]:
    return [q.value for q in extract(text)]


@pytest.mark.parametrize("text, expected", [
    ("Der Eintritt kostet €34,50 pro Person.", [34.5]),
    ("The bank's assets were $152,4 billion last year.", [152.4e9]),
    ("The insurer will pay 3,76 mld zł in dividends.", [3.76e9]),
    ("The town paid 1.144.000 kronor ($121.300) for the land.", [1_144_000, 121_300]),
    ("Inflation rose to 3,5% in May.", [3.5]),
])
def test_european_figures(text, expected):
    assert values(text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("The fund paid $121.300 for it.", [121.3]),                       # one point group alone is a decimal
    ("See pages 12,13 of the report.", [12, 13]),                      # a list, not a decimal comma
    ("It raised 1,250 yuan and 1.144 billion euros.", [1250, 1.144e9]),
    ("Sales of 1,674,200 units and €34,50 in fees.", [1_674_200, 34, 50]),  # a paragraph with an English-only form is read the English way throughout
])
def test_english_figures_are_untouched(text, expected):
    assert values(text) == pytest.approx(expected)
