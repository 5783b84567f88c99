"""repeated-figure: the same thing stated twice in one document must carry the same figure."""

from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.printed import printed_rounding
from checker.model import Problem, Quantity, SubjectFigure


class RepeatedFigureParams(Params):
    tolerance: float = Field(0.01, ge=0, lt=1, description="relative tolerance beyond the rounding of both figures")
    hedge_tolerance: float = Field(0.05, ge=0, lt=1, description="added when either figure is hedged")
    max_subjects: int = Field(500, ge=1, le=100_000, description="subjects remembered per document (bounds memory)")


@register("repeated-figure", RepeatedFigureParams)
class RepeatedFigure(Check):
    """The same subject stated twice in one document with different figures.

    "the Big Fund has raised 700 billion yuan" ... later "the Big Fund has raised 650 billion yuan". A
    subject is a name (never a common noun such as "the fund") right before a verb of size (raised, is worth, valued at, manages) and the
    years in its sentence; figures in different currencies or units are not compared. Differences
    within the rounding of both figures, `tolerance` and hedges ("almost 700 billion" vs "690
    billion") are not findings. The finding sits on the second mention; its evidence points at the
    first (line and column).

    Why it matters:
        Two different figures for one subject in one story means at least one of them is wrong,
        and the reader cannot tell which.

    Bad:
        The Big Fund has raised 700 billion yuan since 2014. Critics say the Big Fund has raised 650 billion yuan since 2014 with little to show.

    Good:
        The Big Fund has raised almost 700 billion yuan since 2014. Critics note the Big Fund has raised 690 billion yuan since 2014.

    Parameters:
        `tolerance`: relative tolerance beyond the rounding of both figures.
        `hedge_tolerance`: added when either figure is hedged.
        `max_subjects`: subjects remembered per document (bounds memory).
    """

    params: RepeatedFigureParams
    consumes = ("subject",)

    def __init__(self, *args) -> None:
        super().__init__(*args)
        # (subject, fact, currency) -> its first mention
        self.seen: dict[tuple[str, str, str | None], SubjectFigure] = {}

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        for mention in block.relations:
            if not isinstance(mention, SubjectFigure):
                continue
            quantity = mention.figure
            key = (mention.subject, mention.fact, quantity.currency)
            earlier = self.seen.get(key)
            if earlier is None or not earlier.same_years(mention):
                if earlier is None and len(self.seen) < self.params.max_subjects:
                    self.seen[key] = mention
                continue
            first = earlier.figure
            tolerance = self.params.tolerance + printed_rounding(first) + printed_rounding(quantity)
            if first.hedge or quantity.hedge:
                tolerance += self.params.hedge_tolerance
            if abs(quantity.value / first.value - 1) > tolerance:
                yield self._problem(mention.subject, first, quantity)

    def _problem(self, subject: str, first: Quantity, second: Quantity) -> Problem:
        where = f"line {first.loc.line}" if first.loc else "earlier"
        message = f"'{subject}' is given as {second.display} here but {first.display} at {where}"
        evidence = {"subject": subject, "first": first.display, "second": second.display}
        if first.loc:
            evidence.update(first_line=first.loc.line, first_column=first.loc.column)
        return Problem((second,), message, None, evidence)
