"""house-facts: a figure stated for a registered entity must match the house registry."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Iterable

from pydantic import Field, ValidationInfo, field_validator

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.fact_registry import Fact, RegistryError, load_registry
from checker.kinds.restate import format_money
from checker.kinds.tolerance import allowed
from checker.model import Problem, Quantity
from checker.vocab import alternation, vocab

# Between a name and its figure: words that say the figure is the entity's size.
_SIZE_CUE = re.compile(
    rf"\A[^.;\d]{{0,50}}?\b(?:{alternation(vocab().cues.size_cues)})\s+(?:{alternation(vocab().hedge_words('size'))})?\s*\Z",
    re.IGNORECASE,
)
_BEFORE_NAME = re.compile(r"\A[\s-]*(?:the\s+)?\Z", re.IGNORECASE)


class HouseFactsParams(Params):
    path: str = Field("facts.yaml", description="the facts registry, relative to the rule pack that names it")
    hedge_tolerance: float = Field(0.07, ge=0, lt=1, description="added when a hedge word qualifies the figure")

    @field_validator("path")
    @classmethod
    def _resolve(cls, value: str, info: ValidationInfo) -> str:
        base = Path((info.context or {}).get("pack_dir", "."))
        path = Path(value) if Path(value).is_absolute() else base / value
        try:
            load_registry(str(path))
        except RegistryError as exc:
            raise ValueError(str(exc)) from None
        return str(path)


@register("house-facts", HouseFactsParams)
class HouseFacts(Check):
    """A figure given for an entity in the house facts registry must match the registry.

    The registry (`path`, a YAML file resolved relative to the rule pack) lists known figures:
    entity and aliases, value, currency or unit, as-of date, tolerance and a source URL. A figure
    counts as stated for an entity only when the wording ties it to the name: "the Big Fund III,
    with registered capital of 344 billion yuan" or "the 344 billion yuan Big Fund III". Figures in
    another currency or unit are left to the conversion checks. The finding cites the registry's
    value, date and source.

    Why it matters:
        Figures the desk has already verified should never drift from story to story; a
        mistyped registered capital is a correction waiting to happen.

    Bad:
        The Big Fund III, with registered capital of 300 billion yuan, was set up in May 2024.

    Good:
        The Big Fund III, with registered capital of 344 billion yuan, was set up in May 2024.

    Parameters:
        `path`: the facts registry (YAML), relative to the rule pack that names it.
        `hedge_tolerance`: added when a hedge word qualifies the figure.
    """

    params: HouseFactsParams

    @cached_property
    def _facts(self) -> list[Fact]:
        """The registry's facts, looked up once per document (a check lives for one document), not
        once per paragraph: the lookup stats the file to see whether it changed."""
        return load_registry(self.params.path).facts

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        facts = self._facts
        measures = {(q.currency, q.unit) for q in block.quantities}
        lowered = None
        for fact in facts:
            if (fact.currency, fact.unit) not in measures:
                continue  # no figure here could be this fact's: skip the name search
            if fact.lowered_names is not None and block.text.isascii():
                # a scan for the names read without case costs ~0.1 us a character; a substring test
                # of the lower-cased paragraph rules out the paragraphs that name none of them
                lowered = block.text.lower() if lowered is None else lowered
                if not any(name in lowered for name in fact.lowered_names):
                    continue
            for mention in fact.pattern.finditer(block.text):
                quantity = _tied_figure(block.text, block.quantities, mention, fact)
                if quantity is not None and not self._agrees(quantity, fact):
                    yield self._problem(quantity, fact)

    def _agrees(self, quantity: Quantity, fact: Fact) -> bool:
        tolerance = allowed(fact.tolerance, quantity, hedge_tolerance=self.params.hedge_tolerance)
        values = [quantity.value] + ([quantity.high] if quantity.high is not None else [])
        return any(abs(v / fact.value - 1) <= tolerance for v in values) or (
            quantity.high is not None and quantity.value <= fact.value <= quantity.high
        )

    def _problem(self, quantity: Quantity, fact: Fact) -> Problem:
        expected = format_money(fact.value, fact.currency, 4) if fact.currency else f"{fact.value:g} {fact.unit}"
        message = (f"{fact.entity} is {expected} (as of {fact.as_of.isoformat()}) in the house facts registry, "
                   f"not {quantity.display}")
        evidence = {"entity": fact.entity, "registry_value": fact.value, "stated": quantity.value,
                    "as_of": fact.as_of.isoformat(), "source": str(fact.source), "registry": self.params.path}
        return Problem((quantity,), message, expected, evidence)


def _tied_figure(text: str, quantities: list[Quantity], mention: re.Match, fact: Fact) -> Quantity | None:
    """The figure the wording gives as the entity's size, in the fact's currency or unit."""
    for quantity in quantities:
        if quantity.currency != fact.currency or quantity.unit != fact.unit:
            continue
        if quantity.start >= mention.end() and _SIZE_CUE.match(text[mention.end() : quantity.start]):
            return quantity
        if quantity.end <= mention.start() and _BEFORE_NAME.match(text[quantity.end : mention.start()]):
            return quantity
    return None
