"""The values that flow between stages: quantities, relations between them, and problems.

Everything here is plain data. Each stage only reads what the stage before it produced
(documents -> extract -> relate -> engine -> findings -> report), so these types are the
whole contract between stages.
"""

from __future__ import annotations

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

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def display(self) -> str:
        """The text on one line, for messages ("195\nrand" was wrapped in the source)."""
        return " ".join(self.text.split())

    def as_json(self) -> dict:
        """The `extract --format json` contract."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit if self.unit is not None else self.currency,
            "currency": self.currency,
        }


RelationKind = Literal["conversion", "change", "parts", "repeat", "share"]


@dataclass(slots=True)
class Relation:
    """Amounts that the text says belong together, and the words that say so.

    For a conversion, `quantities` is (stated, converted): "600 billion yuan ($8.5 billion)".
    For a share, it is (part, whole, stated percentage): "其中224名，占39.4%".
    `cue` is the connecting text ("(", "or about", "equivalent to"); its hedge, if any, is in
    `hedge`. `data` carries kind-specific facts (the stated percentage of a change, for instance).
    """

    kind: RelationKind
    quantities: tuple[Quantity, ...]
    cue: str = ""
    hedge: str | None = None
    data: dict = field(default_factory=dict)


@dataclass(slots=True)
class Problem:
    """What a check found, before it is placed in a file: the engine turns it into a Finding.

    `quantities` are the amounts it is about; the first is where the finding points, and the
    finding's span runs to the end of the last one.
    """

    quantities: tuple[Quantity, ...]
    message: str
    suggestion: str | None = None
    evidence: dict = field(default_factory=dict)
    severity: str | None = None  # overrides the rule's severity, e.g. an unchecked pair is "info"
