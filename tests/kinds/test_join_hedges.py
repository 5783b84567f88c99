"""The words joining an amount to its conversion ("or about", "（约") come from the vocabulary (the
`join` hedge role, zh_words' join_hedge), not from a pattern in the message catalogue; a fix keeps
the writer's hedge and adds no "about" of its own."""

from __future__ import annotations

import yaml
from importlib import resources

import pytest

from checker.api import lint_text
from checker.kinds.messages import Messages
from checker.vocab import vocab


@pytest.mark.parametrize(("block", "join", "hedged"), [
    ("600 billion yuan", ", or about ", True),
    ("600 billion yuan", " (roughly ", True),
    ("600 billion yuan", " (", False),
    ("600 billion yuan", ", or ", False),
    ("600亿元人民币", "（约", True),
    ("600億元人民幣", "（約", True),  # traditional, folded
    ("600亿元人民币", "（", False),
])
def test_a_join_is_hedged_by_the_vocabulary(block, join, hedged):
    assert Messages(block).hedged(join) is hedged


def test_the_join_hedges_are_vocabulary_not_catalogue_patterns():
    assert {"about", "almost", "nearly"} <= set(vocab().hedge_words("join"))
    assert vocab().zh("join_hedge")
    for language in ("en", "zh"):
        catalogue = yaml.safe_load(resources.files("checker.kinds.messages").joinpath(f"{language}.yaml").read_text("utf-8"))
        assert not [key for key, text in catalogue.items() if "(?" in text or "\\b" in text], language


def test_a_hedged_wrong_pair_is_fixed_without_a_second_about():
    [finding] = [f for f in lint_text("The fund got 600 billion yuan, or about $8.5 billion, in April.",
                                      date="2025-04-15") if f.rule == "currency-conversion"]
    assert "or about about" not in finding.suggestion and "about $82 billion" in finding.suggestion
