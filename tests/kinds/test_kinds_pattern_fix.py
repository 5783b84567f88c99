"""pattern's `fix`: a certain rewrite of each match, checked against every pattern when the pack loads."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from checker.api import lint_text
from checker.kinds.pattern import PatternParams


def test_a_fix_naming_a_group_a_pattern_lacks_is_a_pack_error():
    with pytest.raises(ValidationError, match="fix names group 'keep'"):
        PatternParams(patterns=[r"(?P<keep>\d+)%\s?percent", r"US\$\$"], fix=r"\g<keep>")
    assert PatternParams(patterns=[r"(\d+)%\s?pct"], fix=r"\1%").fix == r"\1%"


@pytest.mark.parametrize("text, fixed", [
    ("The company paid $5 million dollars for the site.", "$5 million"),
    ("A £20m pounds deal.", "£20m"),
    ("It rose 5% percent.", "5%"),
    ("Worth US$$3 billion.", "US$"),
])
def test_the_default_figure_typos_rule_offers_its_certain_fix(text, fixed):
    [finding] = [f for f in lint_text(text) if f.rule == "figure-typos"]
    assert finding.fixes == [fixed] and finding.fix_certain
