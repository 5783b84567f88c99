"""percent-change: a stated change must match the endpoints the text gives for it."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Iterable

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.messages import Messages
from checker.kinds.printed import decimals, half_unit, printed_rounding, times
from checker.kinds.slips import Slip, slip_words
from checker.kinds.tolerance import rounding
from checker.model import Change, Problem, Quantity
from checker.vocab import vocab

# "declined 1.6 pct to 55.9 pct from 57.5 pct": the wire's abbreviation, which serves for points too
_WIRE_PCT = re.compile(r"\bpct\b", re.IGNORECASE)
# A hedge that bounds a stated factor from below ("more than doubled") or above ("nearly doubled").
_AT_LEAST = tuple(h.word for h in vocab().hedges.hedges if h.bound == "at_least")
_AT_MOST = tuple(h.word for h in vocab().hedges.hedges if h.bound == "at_most")


class PercentChangeParams(Params):
    slack_points: float = Field(0.5, ge=0, le=10, description="percentage points allowed beyond the rounding of the printed figures")
    hedge_slack: float = Field(0.1, ge=0, lt=1, description="relative slack added when a hedge word qualifies the change")
    factor_tolerance: float = Field(0.08, ge=0, lt=1, description="relative tolerance for 'doubled', 'halved', 'fell by a third'")
    check_points: bool = Field(True, description="flag percentage points written as percent ('from 4% to 6%, a 2% rise')")
    endpoint_hedge: float = Field(0.05, ge=0, lt=1, description="relative slack for an endpoint the text hedges ('from about 8.5 million')")
    warn_within: float = Field(0.2, ge=0, le=1, description="a mismatch within this share of the stated change (or one point) is a warning, not the rule's severity")


@register("percent-change", PercentChangeParams)
class PercentChange(Check):
    """A stated change must agree with its stated start and end values.

    Claims tie the change directly to both endpoints: "rose 12% from 5.0 million to 5.6 million",
    "fell 25% to $60 from $80", "a 150% increase from 20 to 50", "from 4% to 6%, a 2% rise", "doubled
    from 300 to 600", "fell by a third from 60 to 40". A claim without a start value ("rose 12% to 5.6
    million") is not checked. The change implied by the endpoints is computed with their printed
    rounding; the stated figure may differ by its own rounding plus `slack_points` (more when
    hedged). Named slips: percentage points written as percent, and a change computed from the
    wrong base (the end value instead of the start). The finding suggests the correct figure.

    Why it matters:
        A percentage that does not follow from the figures beside it is arithmetic the reader
        can redo; getting it wrong (or mixing percent with percentage points) costs credibility.

    Bad:
        Revenue jumped 25% from $4.0 billion to $6.0 billion.

    Good:
        Subscribers rose 12% from 5.0 million to 5.6 million in the quarter.

    Parameters:
        `slack_points`: percentage points allowed beyond the rounding of the printed figures.
        `hedge_slack`: relative slack added when a hedge word qualifies the change.
        `factor_tolerance`: relative tolerance for "doubled", "halved", "fell by a third".
        `check_points`: flag percentage points written as percent ("from 4% to 6%, a 2% rise").
        `endpoint_hedge`: relative slack for an endpoint the text hedges ("from about 8.5 million");
            "more than 50,000" and "nearly 8,000" bound it on one side only.
        `warn_within`: a mismatch within this share of the stated change (or within one percentage
            point) of what the figures allow is reported as a warning: the printed endpoints may be
            rounded from the figures the change was computed on. Percentage points written as percent
            are a warning, and only info in wire style ("declined 1.6 pct to 55.9 pct"), where "pct"
            serves for both.
    """

    consumes = ("change",)

    params: PercentChangeParams

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        self.messages = Messages(block.text)
        for relation in block.relations:
            if not isinstance(relation, Change):
                continue
            if relation.measure == "factor":
                problem = self._check_factor(relation)
            else:
                problem = self._check_percent(relation)
                if problem is not None and relation.quote:
                    # the yen against the dollar: yen per dollar or dollars per yen; if neither fits,
                    # the reading that moves the stated way says by how much
                    inverse = self._check_percent(replace(relation, quantities=relation.quantities[::-1], quote=False))
                    if inverse is None or problem.evidence.get("likely_slip") == Slip.DIRECTION.value:
                        problem = inverse
            if problem is not None:
                yield problem

    def _check_percent(self, relation: Change) -> Problem | None:
        start, end = relation.quantities
        stated = relation.stated
        low, high = _change_range(start, end, self.params.endpoint_hedge)
        wrong_way = _wrong_direction(relation, low, high, self.messages)
        if wrong_way is not None:
            return wrong_way
        actual = (end.value / start.value - 1) * 100
        if relation.measure == "points":
            if start.kind != "percent":
                return None
            diff = end.value - start.value
            claimed = relation.value  # in percentage points: 25 basis points are 0.25
            to_points = claimed / stated.value if stated.value else 1.0
            # Whole-number rates ("to 4.5% from 4%") are set values, not rounded readings.
            rounding = half_unit(stated) * to_points + sum(half_unit(q) for q in (start, end) if decimals(q))
            # A change in points is plain subtraction of printed figures: only their rounding is slack.
            if abs(abs(diff) - claimed) <= rounding + 1e-9:
                return None
            actual = (self.messages.say("change.basis_points", points=f"{abs(diff) / to_points:.0f}") if to_points != 1
                      else self.messages.say("change.points", points=_fmt(abs(diff))))
            return self._problem(relation, actual, stated, start, end,
                                 _restated(stated, abs(diff) / to_points), {"actual_points": round(diff, 3)})
        claimed = stated.value
        slack = half_unit(stated) + self.params.slack_points
        if relation.hedge:
            slack += self.params.hedge_slack * claimed + 1
        points_slip = self.params.check_points and start.kind == "percent" and (
            abs(abs(end.value - start.value) - claimed) <= half_unit(stated) + half_unit(start) + half_unit(end))
        # "from 88.5% to 86.2%, down 2.3%" is the subtraction, not the 2.6% the slack would let by: with
        # the points reading exact and the percent one off at the printed precision, the slack is not given.
        exact = half_unit(stated)
        relative_fits_exactly = min(abs(low), abs(high)) - exact <= claimed <= max(abs(low), abs(high)) + exact
        if (not points_slip or relative_fits_exactly) and (
            min(abs(low), abs(high)) - slack <= claimed <= max(abs(low), abs(high)) + slack
            or (low <= 0 <= high and claimed <= max(abs(low), abs(high)) + slack)
        ):
            return None
        evidence = {"actual_percent": round(actual, 2)}
        if points_slip:
            evidence["likely_slip"] = Slip.POINTS_AS_PERCENT.value
            fix = self.messages.say("change.percent_or_points", fixed=_restated(stated, abs(actual)), points=_fmt(claimed))
            problem = self._problem(relation, f"{_fmt(abs(actual))}%", stated, start, end, fix, evidence)
            problem.severity = "info" if _WIRE_PCT.search(stated.text) else "warning"
            return problem
        wrong_base = abs(end.value - start.value) / end.value * 100
        ratio = end.value / start.value * 100
        if abs(wrong_base - claimed) <= slack:
            evidence["likely_slip"] = Slip.WRONG_BASE.value
        elif relation.direction == "up" and abs(ratio - claimed) <= slack:
            evidence["likely_slip"] = Slip.RATIO_AS_CHANGE.value
        problem = self._problem(relation, f"{_fmt(abs(actual))}%", stated, start, end, _restated(stated, abs(actual)), evidence)
        miss = min(abs(claimed - abs(low)), abs(claimed - abs(high)))
        if "likely_slip" not in evidence and miss <= max(1.0, self.params.warn_within * claimed):
            problem.severity = "warning"  # near what the figures allow: they may be rounded from the ones used
        return problem

    def _check_factor(self, relation: Change) -> Problem | None:
        start, end = relation.quantities
        factor = relation.value
        ratio = end.value / start.value
        tolerance = self.params.factor_tolerance + printed_rounding(start) + printed_rounding(end)
        low, high = factor * (1 - tolerance), factor * (1 + tolerance)
        hedge = (relation.hedge or "").lower()
        if hedge.startswith(_AT_LEAST):
            if factor < 1:
                low = 0.0  # "more than halved": less than half is left
            else:
                high = float("inf")
        elif hedge in _AT_MOST:
            low = factor * (1 - 2 * tolerance)
        elif hedge:
            low, high = factor * (1 - 2 * tolerance), factor * (1 + 2 * tolerance)
        if low <= ratio <= high:
            return None
        alternative = relation.alternative
        if alternative is not None and alternative * (1 - tolerance) <= ratio <= alternative * (1 + tolerance):
            return None  # "增长了3倍" read as x3, as much copy means it
        message = self.messages.say("change.factor", cue=relation.cue, start=start.display, end=end.display,
                                    ratio=times(ratio, self.messages.say("times.over_thousand")), factor=times(factor, self.messages.say("times.over_thousand")))
        return Problem((start, end), message, None,
                       {"stated_factor": round(factor, 4), "actual_factor": round(ratio, 4), "cue": relation.cue},
                       severity="info" if alternative is not None else None)

    def _problem(self, relation, expected_text, stated, start, end, fix, evidence) -> Problem:
        message = self.messages.say("change.mismatch", stated=stated.display, start=start.display, end=end.display,
                                    expected=expected_text)
        if evidence.get("likely_slip"):
            message += self.messages.say("change.slip", slip=slip_words(evidence, self.messages))
        evidence = {"stated": stated.display, "start": start.value, "end": end.value, "cue": relation.cue, **evidence}
        first, last = _bounds(stated, start, end)
        return Problem((first, last), message, fix, evidence)


def _wrong_direction(relation: Change, low: float, high: float, messages: Messages) -> Problem | None:
    """ "down 20% from 10.4 to 12.5": the size may fit, but the figures move the other way."""
    start, end = relation.quantities
    direction = relation.direction
    if (direction == "down" and low > 0) or (direction == "up" and high < 0):
        moved = messages.say("change.moved_rise" if low > 0 else "change.moved_fall")
        stated = relation.stated
        message = messages.say("change.wrong_way", cue=relation.cue, stated=stated.display, moved=moved,
                               start=start.display, end=end.display)
        first, last = _bounds(stated, start, end)
        return Problem((first, last), message, None,
                       {"stated": stated.display, "start": start.value, "end": end.value, "cue": relation.cue,
                        "likely_slip": Slip.DIRECTION.value})
    return None


def _change_range(start: Quantity, end: Quantity, hedge: float = 0.0) -> tuple[float, float]:
    """The percent change the endpoints allow, given the rounding of each printed figure and the
    hedge on each ("fell 14 pct to 43,521 from more than 50,000": the start is 50,000 or more)."""
    start_low, start_high = _endpoint(start, hedge)
    end_low, end_high = _endpoint(end, hedge)
    low = end_low / start_high
    high = end_high / start_low if start_low > 0 else math.inf
    return (low - 1) * 100, (high - 1) * 100


def _endpoint(q: Quantity, hedge: float) -> tuple[float, float]:
    """The values a printed endpoint allows: its rounding, widened by its hedge."""
    r = printed_rounding(q)
    low, high = q.value * (1 - r), q.value * (1 + r)
    word = (q.hedge or "").lower()
    if not word:
        return low, high
    if word in _AT_LEAST:
        return low, math.inf
    if word in _AT_MOST:
        return q.value * (1 - r - hedge), high
    return q.value * (1 - r - hedge), q.value * (1 + r + hedge)


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _restated(stated: Quantity, value: float) -> str:
    """The stated percentage rewritten with `value`, keeping its decimals and wording."""
    match = _DIGITS.search(stated.text)
    number = f"{value:.{decimals(stated)}f}"
    if match is None:
        return f"{number}%"
    return stated.text[: match.start()] + number + stated.text[match.end() :]


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _bounds(stated: Quantity, start: Quantity, end: Quantity) -> tuple[Quantity, Quantity]:
    """The first and last figure of the claim; a change stated in words ("三成") has no place of its own."""
    placed = [q for q in (stated, start, end) if q.loc is not None or q is not stated]
    return min(placed, key=lambda q: q.start), max(placed, key=lambda q: q.end)
