"""share-of-whole: a percentage given for a part of a stated whole must match the two counts."""

from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.messages import Messages
from checker.kinds.printed import half_unit, printed_rounding
from checker.model import Problem, Ratio, Share


class ShareOfWholeParams(Params):
    slack_points: float = Field(0.5, ge=0, le=10, description="percentage points allowed beyond the rounding of the printed figures")
    ratio_tolerance: float = Field(0.05, ge=0, lt=1, description="relative tolerance for a stated rate (density, 'one for every')")
    hedge_points: float = Field(1.0, ge=0, le=20, description="added when a hedge word qualifies the percentage")


@register("share-of-whole", ShareOfWholeParams)
class ShareOfWhole(Check):
    """A stated share must equal the part divided by the whole the text gives.

    "Some 18 million of the 24 million registered voters cast ballots, a turnout of 81%": 18 of 24
    is 75%, not 81%. Read only where the text ties part, whole and percentage together ("X of the Y,
    or Z%", "Of the Y, X ..., a rate of Z%", "X, or Z% of its Y"); the printed rounding of all three
    figures and `slack_points` (more when hedged: "about", "nearly") are allowed. The finding
    suggests the percentage the counts give. Stated rates of two stated figures are checked the same
    way ("2.4 million residents on 3,000 square km, a density of 800 people per square km"; "one doctor
    for every 2,500 people"), within their printed rounding and `ratio_tolerance`.

    Why it matters:
        The reader has both counts in front of them; a share that does not follow from them is
        an error anyone can check, and it usually means one of the three figures is wrong.

    Bad:
        Only 38 of the 250 complaints, or 25%, were upheld.

    Good:
        Women hold 117 of the 349 seats, or 33.5%, a record.

    Parameters:
        `slack_points`: percentage points allowed beyond the rounding of the printed figures.
        `ratio_tolerance`: relative tolerance for a stated rate (a density, "one for every").
        `hedge_points`: added when a hedge word qualifies the percentage.
    """

    consumes = ("share", "ratio")

    params: ShareOfWholeParams

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        self.messages = Messages(block.text)
        for relation in block.relations:
            if isinstance(relation, Share):
                problem = self._check(relation)
            elif isinstance(relation, Ratio):
                problem = self._check_ratio(relation)
            else:
                continue
            if problem is not None:
                yield problem

    def _check_ratio(self, relation: Ratio) -> Problem | None:
        """"a density of 1,200 people per square km" from 2.4 million on 3,000 square km (800)."""
        top, bottom, stated = relation.numerator, relation.denominator, relation.stated
        actual = top.value / bottom.value
        spread = printed_rounding(top) + printed_rounding(bottom) + printed_rounding(stated) + self.params.ratio_tolerance
        if relation.hedge or stated.hedge or top.hedge or bottom.hedge:
            spread += self.params.ratio_tolerance
        if abs(stated.value / actual - 1) <= spread:
            return None
        shown = f"{actual:,.0f}" if actual >= 10 else f"{actual:.2g}"
        message = f"{stated.display} does not match {top.display} / {bottom.display}, which is about {shown}"
        ordered = sorted(relation.quantities, key=lambda q: q.start)
        return Problem((ordered[0], ordered[-1]), message, None,
                       {"numerator": top.value, "denominator": bottom.value, "stated": stated.value, "actual": round(actual, 4)})

    def _check(self, relation: Share) -> Problem | None:
        part, whole, stated = relation.part, relation.whole, relation.stated
        actual = part.value / whole.value * 100
        r_part, r_whole = printed_rounding(part), printed_rounding(whole)
        low = actual * (1 - r_part) / (1 + r_whole)
        high = actual * (1 + r_part) / (1 - r_whole)
        fraction = stated.kind != "percent"  # "two thirds of the 840 homes, or 620"
        claimed = stated.value * 100 if fraction else stated.value
        slack = (0.5 if fraction else half_unit(stated)) + self.params.slack_points
        if relation.hedge or part.hedge or whole.hedge:
            slack += self.params.hedge_points
        if low - slack <= claimed <= high + slack:
            return None
        decimals = max(0, min(1, len(stated.text.split(".")[1]) if "." in stated.text else 0))
        fix_value = f"{actual:.{decimals}f}"
        if fraction:
            message = self.messages.say("share.fraction", stated=stated.display, whole=whole.display,
                                        implied=f"{claimed * whole.value / 100:,.0f}", part=part.display, actual=fix_value)
            fix = None
        else:
            message = self.messages.say("share.mismatch", stated=stated.display, part=part.display,
                                        whole=whole.display, actual=fix_value)
            fix = stated.text.replace(_digits(stated.text), fix_value, 1) if _digits(stated.text) else f"{fix_value}%"
        ordered = sorted(relation.quantities, key=lambda q: q.start)
        evidence = {"part": part.value, "whole": whole.value, "stated": claimed, "actual_percent": round(actual, 2)}
        return Problem((ordered[0], ordered[-1]), message, fix, evidence)


def _digits(text: str) -> str:
    import re

    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return match.group(0) if match else ""
