"""The kinds name a likely slip by id (`evidence["likely_slip"]`); the reports say it in the reader's
language from the message catalogue, so JSON carries a stable id and no layer reads English."""

from __future__ import annotations

import json

import pytest

from checker.api import lint_text
from checker.kinds.slips import Slip
from checker.report.evidence_words import evidence_words


@pytest.mark.parametrize(("slip", "en", "zh"), [
    ({"likely_slip": "scale", "slip_power": 1}, "likely slip: scale off by 10^1", "可能的笔误：数量级相差 10^1"),
    ({"likely_slip": "points_as_percent"}, "likely slip: percentage points written as percent", "把百分点写成了百分比"),
    ({"likely_slip": "wrong_base"}, "change computed from the end value instead of the start", "以新值而非原值为基数"),
    ({"likely_slip": "direction"}, "likely slip: direction of the change", "变化方向相反"),
    ({"likely_slip": "a pack's own words"}, "likely slip: a pack's own words", "a pack's own words"),
])
def test_each_slip_is_said_in_english_and_chinese(slip, en, zh):
    assert en in evidence_words(slip, "en")
    assert zh in evidence_words(slip, "zh")
    assert "slip_power" not in evidence_words(slip, "en")


def test_every_slip_id_has_words_in_both_catalogues():
    from checker.kinds.messages import Messages

    for language in ("en", "zh"):
        for slip in Slip:
            assert Messages.speaking(language).say(f"slip.{slip}", power=2)


def test_the_json_report_carries_the_id_and_the_terminal_says_the_words():
    [finding] = [f for f in lint_text("The fund got 600 billion yuan ($8.5 billion).", date="2025-04-15")
                 if f.rule == "currency-conversion"]
    assert json.loads(json.dumps(finding.evidence))["likely_slip"] == "scale"
    assert finding.evidence["slip_power"] == 1
    assert "likely slip: scale off by 10^1" in evidence_words(finding.evidence)
