"""stated-difference: a margin, lead or gap the text states must be the difference of its two figures."""

from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.messages import Messages, zh_money, zh_number
from checker.kinds.printed import half_unit
from checker.model import Difference, Problem


class StatedDifferenceParams(Params):
    slack: float = Field(0.0, ge=0, le=100, description="absolute slack beyond the rounding of the printed figures")


@register("stated-difference", StatedDifferenceParams)
class StatedDifference(Check):
    """A stated margin must equal the difference of the two figures it is between.

    "The incumbent took 45,310 votes to the challenger's 44,510, winning by 1,200 votes": the margin
    is 800. "The gap narrowed to 4 points, with the governor on 48% and her rival on 46%": 2 points.
    Only read when a margin word ("winning by", "a lead of", "the gap narrowed to") and exactly two
    other figures of one measure share the sentence; the rounding of all three printed figures is
    allowed, plus `slack`.

    Why it matters:
        A margin is a subtraction the reader can do in their head; a wrong one undermines the
        two figures it sits between.

    Bad:
        Smith took 12,400 votes to Jones's 11,900, winning by 700 votes.

    Good:
        Smith took 12,400 votes to Jones's 11,900, winning by 500 votes.

    Parameters:
        `slack`: absolute slack beyond the rounding of the printed figures.
    """

    consumes = ("difference",)

    params: StatedDifferenceParams

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        messages = Messages(block.text)
        for relation in block.relations:
            if not isinstance(relation, Difference):
                continue
            a, b, stated = relation.first, relation.second, relation.stated
            actual = abs(a.value - b.value)
            unit = 1.0 if stated.kind == "number" and stated.scale is None else 0.0
            slack = self.params.slack + half_unit(a) * (a.scale is None) + half_unit(b) * (b.scale is None)
            slack += half_unit(stated) if stated.scale is None else stated.value * 0.05
            if abs(actual - stated.value) <= slack + 1e-9 * (1 + unit):
                continue
            shown = f"{actual:,.{_decimals(a, b)}f}"
            if messages.chinese and stated.kind == "money":
                shown = messages.word(zh_money(actual, stated.currency, like=stated))
            elif messages.chinese and stated.scale:
                shown = zh_number(actual)
            message = messages.say("difference.mismatch", stated=stated.display, first=a.display, second=b.display,
                                   actual=shown)
            ordered = sorted(relation.quantities, key=lambda q: q.start)
            yield Problem((ordered[0], ordered[-1]), message, None,
                          {"first": a.value, "second": b.value, "stated": stated.value, "actual": actual})


def _decimals(*quantities) -> int:
    from checker.kinds.printed import decimals

    return max(decimals(q) for q in quantities)
