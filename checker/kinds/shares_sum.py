"""shares-sum: the parts of one whole must not add up to more than the whole."""

from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.messages import Messages, zh_money
from checker.kinds.restate import significant
from checker.kinds.printed import printed_rounding
from checker.model import Parts, Problem, Quantity


class SharesSumParams(Params):
    points_per_share: float = Field(0.5, ge=0, le=5, description="percentage points of rounding allowed per listed share")
    tolerance: float = Field(0.01, ge=0, lt=1, description="relative tolerance when comparing parts with a stated total")
    check_totals: bool = Field(True, description="also compare amounts with a stated total ('comprises', 'totalling')")
    check_shares: bool = Field(True, description="check lists of percentage shares of one whole")
    least_share_sum: float = Field(50, ge=0, le=100, description="shares of an unnamed whole that add up to less than this are not its split")

    def disabled_reason(self) -> str | None:
        if not (self.check_totals or self.check_shares):
            return "both check_totals and check_shares are false"
        return None


@register("shares-sum", SharesSumParams)
class SharesSum(Check):
    """Shares of one whole must not exceed 100%, and parts must agree with a stated total.

    A list of percentages in one sentence that splits one whole ("52% voted yes, 45% no and 8%
    were undecided") may not add up to more than 100% beyond `points_per_share` of rounding per
    share. Amounts listed after a total ("The $10 billion package comprises $6 billion of loans and
    $5 billion of grants") or before one ("... totalling $10 billion") must add up to it when the
    text says they make up the whole ("comprises", "split into", "totalling"), and may not exceed
    it when it only says "includes". Percentages that are changes ("rose 5%") are never shares.

    Why it matters:
        Shares that add up to more than the whole, or parts that miss their own total, are
        among the easiest errors for a reader to spot and the hardest to explain.

    Bad:
        The $10 billion package comprises $6 billion of loans and $7 billion of grants.

    Good:
        The $10 billion package comprises $6 billion of loans and $4 billion of grants.

    Parameters:
        `points_per_share`: percentage points of rounding allowed per listed share.
        `tolerance`: relative tolerance when comparing parts with a stated total.
        `check_totals`: also compare amounts with a stated total ("comprises", "totalling").
        `check_shares`: check lists of percentage shares of one whole.
        `least_share_sum`: shares of an unnamed whole that add up to less than this (in percent) are
            not read as its split; between it and 100% a split the text closes is only info.
    """

    consumes = ("parts",)

    params: SharesSumParams

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        self.messages = Messages(block.text)
        for relation in block.relations:
            if not isinstance(relation, Parts):
                continue
            if relation.whole is not None:
                problem = self._check_total(relation) if self.params.check_totals else None
            else:
                problem = self._check_shares(relation) if self.params.check_shares else None
            if problem is not None:
                yield problem

    def _check_shares(self, relation: Parts) -> Problem | None:
        shares = relation.parts
        total = sum(q.value for q in shares)
        slack = self.params.points_per_share * len(shares)
        over = total > 100 + slack
        # Short of 100% is never sure: abstentions, other owners, a category the text leaves out. And
        # shares far short of it are rates of something else ("Fees comprise 1-1/4 pct selling
        # concession and 5/8 pct management"), not a split of the whole: nothing to say.
        under = relation.exact and self.params.least_share_sum <= total < 100 - slack
        if not (over or under):
            return None
        listed = " + ".join(q.display for q in shares)
        key = "parts.shares_more" if over else "parts.shares_less"
        message = self.messages.say(key, total=significant(total, 4), listed=listed)
        return Problem(shares, message, None, {"sum": round(total, 3), "shares": [q.value for q in shares]},
                       severity=None if over else "info")

    def _check_total(self, relation: Parts) -> Problem | None:
        whole, parts = relation.whole, relation.parts
        summed = sum(q.value for q in parts)
        tolerance = self.params.tolerance + printed_rounding(whole) + max(printed_rounding(q) for q in parts)
        if all(_count(q) for q in relation.quantities):
            tolerance = 1e-9  # counts of seats, votes, members add up exactly
        over = summed > whole.value * (1 + tolerance)
        under = relation.exact and summed < whole.value * (1 - tolerance)
        if whole.kind == "percent":  # shares and their combined share: rounding in points, one half per figure
            slack = self.params.points_per_share * (len(parts) + 1)
            over = summed > whole.value + slack
            under = relation.exact and summed < whole.value - slack
        if not (over or under):
            return None
        listed = " + ".join(q.display for q in parts)
        relation_word = self.messages.say("parts.more_than" if over else "parts.less_than")
        message = self.messages.say("parts.total", listed=listed, summed=_amount(summed, whole, self.messages),
                                    relation=relation_word, whole=whole.display)
        evidence = {"total": whole.value, "sum": summed, "parts": [q.value for q in parts], "cue": relation.cue}
        ordered = sorted(relation.quantities, key=lambda q: q.start)
        return Problem((ordered[0], ordered[-1]), message, None, evidence)


def _count(q: Quantity) -> bool:
    return q.kind == "number" and q.scale is None and float(q.value).is_integer()


def _amount(value: float, like: Quantity, messages: Messages) -> str:
    from checker.kinds.restate import restate

    if messages.chinese and like.kind == "money":
        return messages.word(zh_money(value, like.currency, like=like, digits=max(like.sig_digits, 3)))
    return restate(like, value, max(like.sig_digits, 3))
