"""pattern's `fix`: a certain rewrite of each match, checked against every pattern when the pack loads."""

from __future__ import annotations

import pytest

from checker.api import lint_text


def test_a_pattern_without_the_fix_groups_is_flagged_but_not_fixed(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  - id: typos\n    kind: pattern\n    severity: warning\n    params:\n"
                    "      fix: '\\g<keep>'\n      patterns: ['(?P<keep>\\d%) percent', '\\bgazillion\\b']\n",
                    encoding="utf-8")
    found = {f.span: f.fixes for f in lint_text("It rose 5% percent, a gazillion times.", rules=[pack])
             if f.rule == "typos"}
    assert found == {"5% percent": ["5%"], "gazillion": []}


@pytest.mark.parametrize("text, fixed", [
    ("The company paid $5 million dollars for the site.", "$5 million"),
    ("A £20m pounds deal.", "£20m"),
    ("It rose 5% percent.", "5%"),
    ("Worth US$$3 billion.", "US$"),
])
def test_the_default_figure_typos_rule_offers_its_certain_fix(text, fixed):
    [finding] = [f for f in lint_text(text) if f.rule == "figure-typos"]
    assert finding.fixes == [fixed] and finding.fix_certain
