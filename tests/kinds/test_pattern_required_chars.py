"""The pattern check skips a paragraph only when it lacks a character every match must hold."""

from __future__ import annotations

import pytest
import regex

from checker.kinds.pattern import required_characters


@pytest.mark.parametrize("pattern, required", [
    (r"(?<![\w$])(?P<keep>(?:US|HK)?\$\s?\d[\d,.]*)\s+dollars\b", {"$"}),
    (r"(?P<keep>\d\s?%)\s?(?:per\s?cent|pct)\b", {"%"}),
    (r"£\d+|€\d+", set()),  # either sign will do: neither is required
    (r"(?:x\$)?y", set()),  # optional
    (r"\$*", set()),
    (r"\$+", {"$"}),
    (r"[$]", {"$"}),
    (r"[^$]", set()),
    (r"(?i:\$)", {"$"}),
    (r"dollars", set()),  # letters have case: never used to skip
    (r"a{e<=1}\$", set()),  # regex's fuzzy matching: the $ may be an error it allows
    (r"\p{Sc}\$", set()),  # not Python syntax: always searched
])
def test_required_characters(pattern, required):
    assert required_characters(pattern) == required


@pytest.mark.parametrize("pattern", [r"\$\d+ dollars", r"(?P<keep>\d\s?%)\s?pct", r"(?:US|HK)\$\$", r"€+\d"])
@pytest.mark.parametrize("text", ["costs $5 dollars", "rose 5% pct", "US$$", "x €€5", "no sign at all 5 dollars"])
def test_a_skipped_paragraph_has_no_match(pattern, text):
    """Skipping is only ever a shortcut: where a required character is missing, regex finds nothing."""
    if not all(char in text for char in required_characters(pattern)):
        assert regex.search(pattern, text) is None
