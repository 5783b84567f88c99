"""unit-conversion: a physical quantity and its conversion into another unit must agree."""

from __future__ import annotations

import re
from typing import Iterable

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.messages import Messages
from checker.kinds.printed import half_unit, times
from checker.kinds.restate import restate, significant
from checker.kinds.tolerance import allowed
from checker.kinds.unit_math import convert, is_temperature
from checker.kinds.unit_precision import printed_rounding
from checker.model import Conversion, Problem, Quantity


class UnitConversionParams(Params):
    tolerance: float = Field(0.02, ge=0, lt=1, description="base relative tolerance, before the rounding of both printed figures")
    hedge_tolerance: float = Field(0.05, ge=0, lt=1, description="added when a hedge word qualifies a figure")
    temperature_tolerance: float = Field(
        1.0, ge=0, le=20, description="degrees (of the converted unit) allowed on top of printed rounding for temperatures"
    )
    close_gap: float = Field(
        0.10, ge=0, lt=1,
        description="a conversion off by less than this is reported as a warning when the rule's severity is error",
    )


@register("unit-conversion", UnitConversionParams)
class UnitConversion(Check):
    """A physical quantity and its conversion into another unit must agree.

    Pairs such as "10 miles (16 km)", "30C (86F)", "5,000 acres (2,000 hectares)", "a 1,000-foot
    (305-metre) tower" or "150 km/h (93 mph)" are converted with pint. A conversion rounded to the
    precision of either printed figure passes ("6 feet (2 metres)" is fine, "6 feet (1.8 metres)"
    too): the tolerance is `tolerance` plus the rounding of both figures, plus `hedge_tolerance`
    when a hedge word ("about") qualifies them. Temperatures are offset units and are compared in
    degrees; a temperature *difference* ("warming of 1.5C (2.7F)") is accepted as such. Figures
    whose units measure different things, or that are not both single values or both ranges, are
    left alone. Either figure may be the one first written, so the real rounding of each counts
    (`checker.kinds.unit_precision`): "about 2 grams, or 6/100 ounces" (0.06 oz is 1.7 g, which is
    2 g to the gram) and "three meters (nine feet)" (a spelled-out three is a whole metre) pass. A
    conversion that is close but wrong ("225 km (135 miles)", 3% off) is a warning. The finding suggests the conversion written in the writer's own style.

    Why it matters:
        A wrong conversion ("10 miles (6 km)") is a visible error that readers in the other unit
        system catch at once, and it usually means one of the two figures is wrong.

    Bad:
        The trail runs 10 miles (6 km) through the forest.

    Good:
        The trail runs 10 miles (16 km) through the forest.

    Parameters:
        `tolerance`: base relative tolerance, before the rounding of both printed figures.
        `hedge_tolerance`: added when a hedge word qualifies a figure.
        `temperature_tolerance`: degrees allowed on top of printed rounding for temperatures.
        `close_gap`: a conversion off by less than this is a warning, not an error: a careless rounding.
    """

    consumes = ("conversion",)

    params: UnitConversionParams

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        self.messages = Messages(block.text)
        for relation in block.relations:
            if relation.kind != "conversion":
                continue
            stated, converted = relation.quantities
            if stated.kind == "physical" and converted.kind == "physical":
                problem = self._check_pair(relation, stated, converted, block.text)
                if problem is not None:
                    yield problem

    def _check_pair(
        self, relation: Conversion, stated: Quantity, converted: Quantity, block_text: str = ""
    ) -> Problem | None:
        if stated.is_range != converted.is_range:
            return None
        if (stated.value < 0) != (converted.value < 0) and not is_temperature(stated.unit):
            return None  # "- 700 hectares (1,730 acres)": a list dash read as a minus sign
        ends = [(stated.value, converted.value)]
        if stated.is_range:
            ends.append((stated.high, converted.high))
        for amount, printed in ends:
            expected = self._expected(amount, stated, converted, printed, relation)
            if expected is not None:
                return self._mismatch(relation, stated, converted, amount, printed, expected, block_text)
        return None

    def _expected(
        self, amount: float, stated: Quantity, converted: Quantity, printed: float, relation: Conversion
    ) -> float | None:
        """None when `printed` is a fair conversion of `amount`; else the value it should have been."""
        readings = convert(amount, stated.unit, converted.unit)
        claim = getattr(relation, "temperature", None)
        if readings and is_temperature(stated.unit) and claim is not None:
            # The text says which it is: a reading converts with the offset, a difference without.
            readings = readings[:1] if claim == "reading" else convert(amount, stated.unit, converted.unit, delta=True)
        if not readings:
            return None  # units of different dimensions, or unknown to pint: not this check's claim
        if is_temperature(stated.unit):
            slack = self._temperature_slack(stated, converted, relation)
            if any(abs(printed - value) <= slack for value in readings):
                return None
        else:
            tolerance = allowed(
                self.params.tolerance, stated, converted,
                hedge=relation.hedge, hedge_tolerance=self.params.hedge_tolerance,
            )
            tolerance = max(tolerance, self._either_rounding(stated, converted, printed, relation))
            if converted.sig_digits == 1 and printed and "." in converted.text:
                # "11.5 millimeters (0.5 inch)": a one-digit conversion claims one digit, all of its rounding
                tolerance = max(tolerance, self.params.tolerance + 0.5 * _last_place(printed) / abs(printed))
            if any(value and abs(printed / value - 1) <= tolerance for value in readings):
                return None
        return readings[0]

    def _either_rounding(self, stated: Quantity, converted: Quantity, printed: float, relation: Conversion) -> float:
        """The tolerance when either figure may be the one first written, the other rounded from it
        to its printed precision ("about 2 grams, or 6/100 ounces": 0.06 oz is 1.7 g, 2 g to the
        gram): the base, the larger real rounding of the two, and the hedge allowance."""
        high = printed != converted.value
        roundings = [printed_rounding(stated, high), printed_rounding(converted, high)]
        known = [r for r in roundings if r is not None]
        if not known:
            return 0.0
        hedged = relation.hedge or stated.hedge or converted.hedge
        return self.params.tolerance + max(known) + (self.params.hedge_tolerance if hedged else 0.0)

    def _temperature_slack(self, stated: Quantity, converted: Quantity, relation: Conversion) -> float:
        """Degrees of the converted unit: the printed rounding of both sides plus the base allowance."""
        scale = abs(convert(1.0, stated.unit, converted.unit, delta=True)[0])
        slack = half_unit(converted) + half_unit(stated) * scale + self.params.temperature_tolerance
        if relation.hedge or stated.hedge or converted.hedge:
            slack += 2 * self.params.temperature_tolerance
        return slack

    def _mismatch(
        self, relation: Conversion, stated: Quantity, converted: Quantity, amount: float, printed: float, expected: float,
        block_text: str = "",
    ) -> Problem:
        digits = max(2, stated.sig_digits, converted.sig_digits)
        if is_temperature(stated.unit):  # 40摄氏度 is 104华氏度, never "100": a reading keeps its whole degrees
            digits = max(digits, len(f"{abs(expected):.0f}"))
        fixed = _restate(converted, expected, digits) if not converted.is_range else _range_restated(
            stated, converted, digits)
        if fixed is not None and not re.search(r"[^\d\s.,-]", fixed):
            fixed = f"{fixed} {_unit_word(converted)}"  # "nine feet" restated as "9.8": keep the unit
        expected_text = fixed or f"{significant(expected, digits)} {_unit_name(converted.unit)}"
        messages = self.messages
        message = messages.say("unit.mismatch", stated=stated.display, expected=expected_text, converted=converted.display)
        if expected and printed / expected > 0 and not is_temperature(stated.unit):
            message += messages.say("unit.how_far", how_far=_how_far(printed / expected, messages))
        evidence = {
            "stated": f"{amount:g} {stated.unit}",
            "converted": f"{printed:g} {converted.unit}",
            "expected": f"{expected:.4g} {converted.unit}",
            "source": "pint unit definitions",
        }
        suggestion = None
        if fixed:
            if self.messages.chinese:  # the writer's own joining words: "（约", "，即"
                cue = relation.cue
                suggestion = f"{stated.display}{cue}{fixed}{'）' if '（' in cue else ')' if '(' in cue else ''}"
            else:
                opening, closing = (" (", ")") if relation.cue.startswith("(") else ((" " + relation.cue + " ").replace(" ,", ","), "")
                suggestion = f"{stated.display}{opening}{fixed}{closing}"
        exact = (f"{block_text[stated.start : converted.start]}{fixed}",) if fixed and block_text else ()
        return Problem((stated, converted), message, suggestion, evidence, fixes=exact,
                       severity=self._severity(printed, expected, stated))

    def _severity(self, printed: float, expected: float, stated: Quantity) -> str | None:
        """A close miss ("225 km (135 miles)": 3% off, where 140 was meant) is a careless rounding that
        an editor should fix but that misleads no reader: one step down from error. A wrong figure
        (a slip of scale, a wrong factor) keeps the rule's severity."""
        if self.rule.severity != "error" or is_temperature(stated.unit) or not expected or printed / expected <= 0:
            return None
        return "warning" if abs(printed / expected - 1) < self.params.close_gap else None


_FRACTION = re.compile(r"\d+\s*/\s*\d+")
_RANGE_FIGURES = re.compile(r"\d[\d,.]*\s*[-–]\s*\d[\d,.]*")


def _range_restated(stated: Quantity, converted: Quantity, digits: int) -> str | None:
    """"6-9 miles (6-9 km)": the converted range with both ends converted ("9.7-14 km"), in its own dash."""
    low, high = convert(stated.value, stated.unit, converted.unit), convert(stated.high, stated.unit, converted.unit)
    figures = _RANGE_FIGURES.search(converted.text)
    if not low or not high or figures is None or converted.scale:
        return None
    dash = "–" if "–" in figures.group() else "-"
    both = f"{significant(low[0], digits)}{dash}{significant(high[0], digits)}"
    return converted.text[: figures.start()] + both + converted.text[figures.end() :]


def _restate(quantity: Quantity, value: float, digits: int) -> str:
    """The figure rewritten to mean `value`; a fraction ("6/100 ounces") as a decimal ("0.07 ounces"),
    never as "7.05/100"."""
    fraction = _FRACTION.search(quantity.text)
    if fraction is None:
        return restate(quantity, value, digits)
    return quantity.text[: fraction.start()] + significant(value, digits) + quantity.text[fraction.end() :]


def _last_place(value: float) -> float:
    """The place of a one-digit figure's only digit: 0.5 -> 0.1, 6 -> 1, 300 -> 100."""
    import math

    return 10 ** math.floor(math.log10(abs(value)))


def _unit_word(quantity: Quantity) -> str:
    """The unit as the text wrote it ("feet" in "nine feet"), else its pint name."""
    words = quantity.text.split()
    return words[-1] if len(words) > 1 and words[-1].isalpha() else _unit_name(quantity.unit)


def _unit_name(unit: str | None) -> str:
    return (unit or "").replace("degree_", "°").replace("_", " ")


def _how_far(ratio: float, messages: Messages) -> str:
    if ratio >= 1.5:
        return messages.say("unit.times_large", factor=times(ratio, messages.say("times.over_thousand")))
    if ratio <= 1 / 1.5:
        return messages.say("unit.times_small", factor=times(1 / ratio, messages.say("times.over_thousand")))
    key = "unit.percent_large" if ratio > 1 else "unit.percent_small"
    return messages.say(key, percent=f"{abs(ratio - 1) * 100:.0f}")
