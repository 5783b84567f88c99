"""share-of: a stated percentage of a whole must match the part and the whole the text gives."""

from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.messages import Messages
from checker.kinds.printed import half_unit, printed_rounding
from checker.model import Problem, Relation


class ShareOfParams(Params):
    slack_points: float = Field(0.5, ge=0, le=10, description="percentage points allowed beyond the rounding of the printed figures")
    hedge_slack: float = Field(0.1, ge=0, lt=1, description="relative slack added when a hedge word qualifies the share")


@register("share-of", ShareOfParams)
class ShareOf(Check):
    """A part stated as a percentage of its whole must be that share of it.

    The text gives the part, the whole and the share: "其中中共党员委员224名，占39.4%" (of 569),
    "合格率为68%" (1,110 of 1,480 candidates), "完成全年目标14万人的95%", "七折…原价1200元…现价840元".
    The share the figures imply is computed with their printed rounding; the stated share may
    differ by its own rounding plus `slack_points` (more when hedged: 约, about).
    """

    params: ShareOfParams

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        self.messages = Messages(block.text)
        for relation in block.relations:
            if relation.kind == "share":
                problem = self._check(relation)
                if problem is not None:
                    yield problem

    def _check(self, relation: Relation) -> Problem | None:
        part, whole, stated = relation.quantities
        if whole.value <= 0:
            return None
        actual = part.value / whole.value * 100
        spread = actual * (printed_rounding(part) + printed_rounding(whole))
        slack = half_unit(stated) * _printed_scale(stated) + self.params.slack_points + spread
        if relation.hedge or stated.hedge:
            slack += self.params.hedge_slack * stated.value
        if abs(actual - stated.value) <= slack:
            return None
        ordered = sorted(relation.quantities, key=lambda q: q.start)
        evidence = {"part": part.value, "whole": whole.value, "stated_percent": stated.value,
                    "actual_percent": round(actual, 2), "cue": relation.cue}
        message = self.messages.say("share.mismatch", stated=stated.display, part=part.display,
                                    whole=whole.display, actual=f"{actual:.3g}")
        return Problem((ordered[0], ordered[-1]), message, f"{actual:.1f}%", evidence)


def _printed_scale(stated) -> float:
    """九成 and 八折 are printed in tenths: their last digit is worth ten points."""
    text = stated.text.rstrip()
    return 10.0 if text.endswith(("成", "折")) else 1.0
