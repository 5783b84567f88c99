"""The values that flow between stages: quantities, relations between them, and problems.

Everything here is plain data. Each stage only reads what the stage before it produced
(documents -> extract -> relate -> engine -> findings -> report), so these types are the
whole contract between stages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

QuantityKind = Literal["money", "physical", "percent", "number"]


@dataclass(slots=True)
class Location:
    """A 1-based line and column range in the original file."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(slots=True)
class Quantity:
    """One amount as printed in the text.

    `value` is the full number (600 billion -> 6e11). A range ("$5-6 billion") keeps its low end in
    `value` and its high end in `high`; it is never collapsed to a midpoint. `sig_digits` is the
    precision the writer printed ("8.5" -> 2), which later checks turn into a tolerance.
    """

    text: str
    start: int
    end: int
    value: float
    kind: QuantityKind
    currency: str | None = None
    unit: str | None = None
    high: float | None = None
    scale: str | None = None
    hedge: str | None = None
    sig_digits: int = 3
    per: str | None = None
    # Currencies the symbol could stand for when it is ambiguous (¥: CNY or JPY), best guess first.
    alternatives: tuple[str, ...] = ()
    # Where the quantity sits in the original file; filled in by the pipeline, not the extractor.
    loc: Location | None = None
    # The family of an ambiguous currency word as written ("franc", "yen-yuan", "dollar"; see
    # checker/vocab/families.yaml), for the resolve stage; None when the word names one currency.
    family: str | None = None
    # Readings of a shared currency name the text leaves plausible, each tried by the checks (a pair
    # is wrong only if it fails them all): "pounds" in a Cairo story are Egyptian pounds or
    # sterling; "dinars" with no country named, any dinar. Empty: `currency` alone.
    readings: tuple[str, ...] = ()
    # The words that settled the currency of a shared name ("Cairo" for pounds), for the finding.
    currency_cue: str | None = None

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def display(self) -> str:
        """The text on one line, for messages ("195\nrand" was wrapped in the source)."""
        return " ".join(self.text.split())

    def as_json(self) -> dict:
        """The `extract --format json` contract. A shared name the text leaves open ("francs", no
        country named) has no one ISO code, so `currency` stays null, and two more keys say what
        it may be: `family` ("franc") and `currencies`, the codes a check tries, best first."""
        item = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value if math.isfinite(self.value) else None,  # 1e400: JSON has no Infinity
            "unit": self.unit if self.unit is not None else self.currency,
            "currency": self.currency,
        }
        if self.currency is None and self.family is not None and (self.readings or self.alternatives):
            item["family"] = self.family
            item["currencies"] = list(self.readings or self.alternatives)
        return item


RelationKind = Literal["conversion", "change", "parts", "share", "ratio", "difference", "subject"]


@dataclass(slots=True)
class Relation:
    """Amounts that the text says belong together, and the words that say so.

    The base of the typed relations below; a check asks for a `kind` and reads the fields of that
    type. `cue` is the connecting text ("(", "or about", "rose", "comprises"); its hedge, if any, is
    in `hedge`.
    """

    kind: RelationKind
    quantities: tuple[Quantity, ...]
    cue: str = ""
    hedge: str | None = None


@dataclass(slots=True)
class Conversion(Relation):
    """One amount restated in another currency or unit: "600 billion yuan ($8.5 billion)".

    `quantities` is (stated, converted). `at_the_time` is set when the text dates the conversion to
    the event rather than to the article ("（當時約合85美元）", "按当时汇率约合").
    """

    at_the_time: bool = False
    # For two temperatures, whether the text gives a reading (气温升至41摄氏度) or a difference
    # (温差, 上升了2摄氏度); None when it does not say, and both readings are tried.
    temperature: Literal["reading", "difference"] | None = None

    @property
    def stated(self) -> Quantity:
        return self.quantities[0]

    @property
    def converted(self) -> Quantity:
        return self.quantities[1]


ChangeMeasure = Literal["percent", "points", "factor"]


@dataclass(slots=True, kw_only=True)
class Change(Relation):
    """A stated change tied to both of its endpoints: "rose 12% from 5.0 million to 5.6 million".

    `quantities` is (start, end). `measure` says what `value` is: a percent change, a change in
    percentage (or basis) points, or a factor ("doubled" is 2, "fell by a third" is 2/3). `stated`
    is the printed figure of the change, when there is one (a factor word has none).
    """

    measure: ChangeMeasure
    value: float
    direction: Literal["up", "down"]
    stated: Quantity | None = None
    # A second reading the wording allows ("增长了3倍" is x4 by the book, x3 in much copy): either
    # passes, and a change that fits neither is only reported as info.
    alternative: float | None = None
    # A currency quoted against another ("the yen against the dollar rose 0.8 pct to 153.50 from
    # 154.67"): the figures may be either currency per the other, so either way round may fit.
    quote: bool = False

    @property
    def start(self) -> Quantity:
        return self.quantities[0]

    @property
    def end(self) -> Quantity:
        return self.quantities[1]


@dataclass(slots=True, kw_only=True)
class Parts(Relation):
    """Parts of one whole that the text says belong to it.

    `quantities` is (whole, part, part, ...) when the whole is printed, else (part, part, ...) for
    percentage shares of one unnamed 100%. `exact` is whether the text says the parts make up the
    whole ("comprises", "of the 15 judges ... the rest"); otherwise ("including") the parts may
    only not exceed it.
    """

    whole: Quantity | None
    parts: tuple[Quantity, ...]
    exact: bool


@dataclass(slots=True, kw_only=True)
class Share(Relation):
    """A stated percentage of counts the text also states: "1,030 of the 2,300 nurses, or 55%".

    `quantities` is (part, whole, stated).
    """

    part: Quantity
    whole: Quantity
    stated: Quantity


@dataclass(slots=True, kw_only=True)
class Ratio(Relation):
    """A stated rate of two figures the text gives: "2.4 million residents on 3,000 square km, a density
    of 800 people per square km"; "1,240 doctors for 3.1 million people, one doctor for every 2,500".

    `quantities` is (numerator, denominator, stated): stated should be numerator / denominator.
    """

    numerator: Quantity
    denominator: Quantity
    stated: Quantity


@dataclass(slots=True, kw_only=True)
class Difference(Relation):
    """A stated gap between two figures the text gives: "45,310 votes to 44,510, winning by 800 votes".

    `quantities` is (first, second, stated).
    """

    first: Quantity
    second: Quantity
    stated: Quantity


@dataclass(slots=True, kw_only=True)
class SubjectFigure(Relation):
    """A money figure the text states as a named subject's size: "the Big Fund has raised [700 billion yuan]".

    `quantities` is (figure,). `subject` is the name as read (lower-cased, without "the"), `fact` what
    its verb states ("raise" for "has raised", "worth", "value"), and `years` the years in the
    figure's sentence: "raised $5m in 2020" and "raised $8m in 2022" are different facts.
    """

    subject: str
    fact: str
    years: frozenset[str]

    @property
    def figure(self) -> Quantity:
        return self.quantities[0]

    def same_years(self, other: "SubjectFigure") -> bool:
        """Mentions about different years are different facts; a mention without a year matches any."""
        return not self.years or not other.years or self.years == other.years


@dataclass(slots=True)
class Span:
    """Text a finding points at that is not an amount (a pattern's match): located like a Quantity."""

    text: str
    start: int
    end: int
    loc: Location | None = None

    @property
    def display(self) -> str:
        return " ".join(self.text.split())


@dataclass(slots=True)
class Problem:
    """What a check found, before it is placed in a file: the engine turns it into a Finding.

    `quantities` are the amounts (or matched spans) it is about; the first is where the finding points, and the
    finding's span runs to the end of the last one.
    """

    quantities: tuple[Quantity | Span, ...]
    message: str
    suggestion: str | None = None
    evidence: dict = field(default_factory=dict)
    severity: str | None = None  # overrides the rule's severity, e.g. an unchecked pair is "info"
    # Exact replacements for the text from the first quantity's start to the last one's end, best
    # first: the alternatives an editor chooses between. `certain`: the first one is the only right
    # rewrite (a unit stated twice, a house-style rewrite), so `lint --fix` may apply it unasked.
    fixes: tuple[str, ...] = ()
    certain: bool = False
    # The block a problem held back to the end of the document belongs to (a check's finish()),
    # so the finding is placed, extended to its closing bracket and suppressed as in the block.
    block: object | None = None
    # The check itself could not finish (a pattern past its match cap or its timeout): an error
    # whatever the rule's severity, since the rest of the document went unsearched.
    incomplete: bool = False
