"""number-style: house style for how figures are written. Every style rule is optional."""

from __future__ import annotations

import re
from typing import Iterable, Literal

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.messages import Messages
from checker.model import Problem, Quantity
from checker.vocab import longest_first, vocab

_SHORT_SCALES = set(vocab().scale_words("abbreviated"))
_SYMBOL = re.compile(r"[$€£¥₹₩]")
_CODE = re.compile(r"\b[A-Z]{3}\b")
_SPELLED = sorted((w for w, v in vocab().numbers.cardinals.items() if v < 10), key=vocab().numbers.cardinals.get)


class NumberStyleParams(Params):
    one_scale_style: bool = Field(True, description="one scale style per document: 'bn' or 'billion', not both")
    percent: Literal["%", "percent", "consistent"] | None = Field("consistent", description="how percentages are written")
    currency: Literal["code", "symbol"] | None = Field(None, description="currency written as an ISO code or a symbol")
    spell_below_ten: bool = Field(False, description="whole numbers below ten are spelled out")
    conversion_above: float | None = Field(
        None, gt=0, description="every amount not in `conversion_currency` worth more than this many units needs a conversion"
    )
    conversion_currency: str = Field("USD", pattern=r"^[A-Z]{3}$", description="the currency conversions are given in")
    max_per_document: int = Field(
        20, ge=1, description="report at most this many style slips per document, then one line counting the rest"
    )

    def disabled_reason(self) -> str | None:
        if not (self.one_scale_style or self.percent or self.currency or self.spell_below_ten or self.conversion_above):
            return "every style rule is switched off"
        return None


@register("number-style", NumberStyleParams)
class NumberStyle(Check):
    """House style for figures; each rule is optional and reported once per style slip.

    - `one_scale_style`: a document uses "bn"/"m" or "billion"/"million", not both;
    - `percent`: "%" or "percent" throughout ("consistent": whichever the document uses first);
    - `currency`: amounts written with an ISO code ("USD 5m") or a symbol ("$5m");
    - `spell_below_ten`: whole numbers below ten are spelled out ("three", not "3");
    - `conversion_above`: an amount in another currency than `conversion_currency` above this many
      units must be given with a conversion ("every yuan figure needs a dollar figure").

    Why it matters:
        Mixed notation ("$2bn" beside "$3 billion") reads as carelessness and hides real
        inconsistencies; a house style is only worth having if it is applied every time.

    Bad:
        The group raised $2bn in March and another $3 billion in June.

    Good:
        The group raised $2 billion in March and another $3 billion in June.

    Parameters:
        `one_scale_style`: one scale style per document, "bn" or "billion", not both.
        `percent`: how percentages are written ("%", "percent" or "consistent").
        `currency`: currency written as an ISO code or a symbol (None: either).
        `spell_below_ten`: whole numbers below ten are spelled out.
        `conversion_above`: amounts above this many units need a conversion (None: off).
        `conversion_currency`: the currency conversions are given in.
        `max_per_document`: style slips reported per document before one line counts the rest.
    """

    consumes = ("conversion",)

    params: NumberStyleParams

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.first: dict[str, tuple[str, Quantity]] = {}
        self.reported = 0
        self.held_back = 0
        self.last: tuple[Quantity, ...] = ()

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        self.messages = Messages(block.text)
        # Style slips can number thousands in a long archive file; past the cap they are only counted,
        # so the report stays readable and memory stays flat.
        for problem in self._slips(block):
            if self.reported < self.params.max_per_document:
                self.reported += 1
                yield problem
            else:
                self.held_back += 1
                self.last = problem.quantities

    def finish(self) -> Iterable[Problem]:
        if self.held_back:
            yield Problem(self.last, self.messages.say("style.held_back", count=self.held_back,
                                                       limit=self.params.max_per_document),
                          evidence={"not_shown": self.held_back})

    def _slips(self, block: AnalyzedBlock) -> Iterable[Problem]:
        converted = {(q.start, q.end) for r in block.relations if r.kind == "conversion" for q in r.quantities}
        for quantity in block.quantities:
            if self.params.one_scale_style and quantity.scale:
                style = "abbreviated" if quantity.scale.lower().strip(".") in _SHORT_SCALES else "spelled out"
                yield from self._consistent("scale", style, quantity)
            if self.params.percent and quantity.kind == "percent" and quantity.unit == "percent":
                style = _percent_style(quantity.text)
                if style is None:
                    pass  # 九成, 八折: tenths, not a way of writing percent
                elif self.params.percent == "consistent":
                    yield from self._consistent("percent", style, quantity)
                elif style != self.params.percent:
                    yield self._slip(quantity, self.messages.say("style.percent", style=self.params.percent,
                                                                 figure=quantity.display),
                                     rewrite=_percent_rewrite(quantity.text, self.params.percent))
            if self.params.currency and quantity.kind == "money":
                yield from self._currency(quantity)
            if self.params.spell_below_ten and not self.messages.chinese and _small_digit(quantity):
                word = _SPELLED[int(quantity.value)]
                yield self._slip(quantity, self.messages.say("style.spell_out", word=word, figure=quantity.display), word,
                                 rewrite=word)
            if self.params.conversion_above and quantity.kind == "money" and (quantity.start, quantity.end) not in converted:
                yield from self._needs_conversion(quantity)

    def _consistent(self, rule: str, style: str, quantity: Quantity) -> Iterable[Problem]:
        first = self.first.setdefault(rule, (style, quantity))
        if first[0] != style and f"{rule}-reported" not in self.first:
            self.first[f"{rule}-reported"] = (style, quantity)
            rewrite = _spelled_scale(quantity.text) if rule == "scale" and first[0] == "spelled out" else None
            yield self._slip(quantity, self.messages.say("style.inconsistent", rule=rule, style=style, figure=quantity.display,
                                                         first_style=first[0], first=first[1].display),
                             evidence={"first": first[1].display}, rewrite=rewrite)

    def _currency(self, quantity: Quantity) -> Iterable[Problem]:
        if self.params.currency == "code" and _SYMBOL.search(quantity.text):
            yield self._slip(quantity, self.messages.say("style.iso_code", code=quantity.currency, figure=quantity.display))
        elif self.params.currency == "symbol" and _CODE.search(quantity.text):
            yield self._slip(quantity, self.messages.say("style.symbol", figure=quantity.display))

    def _needs_conversion(self, quantity: Quantity) -> Iterable[Problem]:
        if quantity.currency and quantity.currency != self.params.conversion_currency:
            if quantity.value > (self.params.conversion_above or 0):
                yield self._slip(quantity, self.messages.say("style.conversion", figure=quantity.display,
                                                             currency=self.params.conversion_currency))

    @staticmethod
    def _slip(quantity: Quantity, message: str, suggestion: str | None = None, evidence: dict | None = None,
              rewrite: str | None = None) -> Problem:
        """`rewrite`: the figure in house style, a certain fix when the style rule fixes its form."""
        fixes = (rewrite,) if rewrite and rewrite != quantity.text else ()
        return Problem((quantity,), message, suggestion or (rewrite if fixes else None), evidence or {},
                       fixes=fixes, certain=bool(fixes))


def _small_digit(quantity: Quantity) -> bool:
    return (quantity.kind == "number" and quantity.text.strip().isdigit() and 0 < quantity.value < 10
            and not quantity.scale)


_PERCENT_WORD = re.compile(r"\s?(?:per\s?cent|pct)\b", re.IGNORECASE)
# Each abbreviated scale ("bn") and the spoken word of the same multiplier ("billion"), from vocab.
_SPOKEN_BY_VALUE = {value: word for word, value in reversed(vocab().scale_words("spoken").items())}
_ABBREVIATED = {word.lower(): _SPOKEN_BY_VALUE[value] for word, value in vocab().scale_words("abbreviated").items()
                if value in _SPOKEN_BY_VALUE}
_SCALE_AT_END = re.compile(
    r"(\d)\s?(" + "|".join(sorted(map(re.escape, _ABBREVIATED), key=longest_first)) + r")\.?$", re.IGNORECASE
)


def _percent_rewrite(text: str, style: str) -> str | None:
    """ "12 percent" -> "12%", "12%" -> "12 percent": the same figure in the house's form."""
    if style == "%":
        rewritten = _PERCENT_WORD.sub("%", text)
    else:
        rewritten = text.replace("%", " percent")
    return rewritten if rewritten != text else None


def _spelled_scale(text: str) -> str | None:
    """ "$2bn" -> "$2 billion"; None where the scale word is not at the figure's end."""
    match = _SCALE_AT_END.search(text)
    if not match:
        return None
    return text[: match.start()] + match.group(1) + " " + _ABBREVIATED[match.group(2).lower()]


def _percent_style(text: str) -> str | None:
    """"%" or "percent" (百分之 counts as the word); None for 成 and 折, which count tenths."""
    if "%" in text or "％" in text:
        return "%"
    return None if text.rstrip().endswith(("成", "折", "成半")) or text.rstrip()[-1:] in "一二三四五六七八九半" else "percent"
