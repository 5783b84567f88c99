"""Pounds of weight that extraction read as pounds sterling: "to drop 25 pounds", "200 pounds (91 kg)".

"Pounds" written as a word, with no £ sign, is a weight as often as it is money. `read_weights`
settles it for each such figure from the words around it (units.yaml, `pound_sense`):

- weight: a verb of weighing, losing or gaining right before it ("to drop 25 pounds", "weighs 200
  pounds"), "pounds of <a material or food>" after it ("5 million pounds of beef"), or weight words
  and mass units in its sentence ("a metric ton is equal to 2,204.62 pounds", "the baby is over two
  pounds") with no money said there;
- money: a scale word on the figure ("361 million pounds"), a price per something ("250 pounds an
  ounce", "1.50 pounds a share"), £, sterling or pence in the sentence, money talk there ("fined 500
  pounds"), a money amount it is converted into ("200 pounds ($250)"), or a British story.

Where the words say neither, the figure is read as the unit the word also names, so no currency
check claims it; the unit check still sees it paired with a mass ("200 pounds (91 kg)"), where the
relate stage re-reads a sterling amount as weight too (`checker.relate.pound_weights`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.model import Quantity
from checker.vocab import alternation, vocab

_POUND_WORD = re.compile(r"\d[\d,.]*\s*-?\s*(?:pounds?|lbs?\.?)\Z", re.IGNORECASE)
# a bare "pounds" figure: digits or number words, maybe a scale word, then the word ("two pounds",
# "2,204.62 pounds", "300-pound", "5 million pounds"); no £, no country ("Egyptian pounds")
_BARE_POUNDS = re.compile(r"[\d\sA-Za-z,.\-]*?[\s\-]pounds?\Z|[\d,.]+pounds?\Z", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;](?=\s|\Z)|\n\s*\n")

DECISIVE = 6  # "pounds of beef", "25.7 mln pounds of wheat flour at a cost of 2.8 mln dlrs"
STRONG = 3  # one word that settles it: "million pounds", "sterling", a $ conversion, a kg one
CLEAR = 2   # a verb of weighing right before the figure
HINT = 1    # a word in the sentence


def as_weight(quantity: Quantity) -> Quantity | None:
    """The pounds-of-weight reading of a sterling amount written with the word, else None."""
    if quantity.kind == "money" and quantity.currency == "GBP" and _POUND_WORD.search(quantity.text):
        return _weight(quantity)
    return None


def _weight(quantity: Quantity) -> Quantity:
    return replace(quantity, kind="physical", unit="pound", currency=None, family=None, alternatives=(),
                   readings=(), currency_cue=None)


def read_weights(text: str, quantities: list[Quantity], place_text: str | None = None) -> list[Quantity]:
    """`quantities` with each bare "pounds" figure the words around it do not make money read as a weight.

    `place_text`: the block with its dateline or the document's place ("LONDON"), for a British story."""
    if not any(q.family == "pound" for q in quantities):
        return quantities
    out = list(quantities)
    for index, quantity in enumerate(quantities):
        if _is_bare_pounds(quantity) and _weight_score(text, quantities, index, place_text or text) >= 0:
            out[index] = _weight(quantity)
    return out


def _is_bare_pounds(quantity: Quantity) -> bool:
    return (quantity.kind == "money" and quantity.family == "pound" and "£" not in quantity.text
            and not re.search(r"[A-Z][a-z]", quantity.text[1:]) and bool(_BARE_POUNDS.search(quantity.text)))


def _weight_score(text: str, quantities: list[Quantity], index: int, place_text: str) -> int:
    """Weight evidence minus money evidence; 0 when the words say neither."""
    quantity = quantities[index]
    patterns = _patterns()
    start, end = _sentence(text, quantity.start, quantity.end)
    sentence_before, after = text[start : quantity.start], text[quantity.end : end]
    weight = money = 0
    if patterns["of"].match(after):
        weight += DECISIVE
    if patterns["thing"].match(after) or patterns["per"].search(sentence_before):
        weight += STRONG  # "a 400-pound battery", "$196.68 per 100 pounds"
    if patterns["before"].search(sentence_before):
        weight += CLEAR
    if patterns["price_per"].match(after) or patterns["rate"].match(after) or quantity.scale:
        money += STRONG
    partner = _converted_into(text, quantities, index)
    if partner is not None:  # "200 pounds ($250)" is money, "1.5 million pounds (680,400 kg)" a weight
        if partner.kind == "money":
            money += STRONG
        elif partner.kind == "physical" and _is_mass(partner.unit):
            weight += STRONG
    sentence = sentence_before + " " + after
    if patterns["marks"].search(sentence):
        money += STRONG
    if patterns["weight_words"].search(sentence):
        weight += HINT
    if patterns["mass"].search(sentence):
        weight += HINT
    if patterns["money_words"].search(sentence):
        money += HINT
    if patterns["british"].search(place_text):
        money += HINT
    return weight - money


def _converted_into(text: str, quantities: list[Quantity], index: int) -> Quantity | None:
    """The figure it is restated as, or restates: "200 pounds ($250)", "$250 (200 pounds)", "200 pounds,
    or about $250", "1.5 million pounds (680,400 kg)"."""
    for other in (index + 1, index - 1):
        if 0 <= other < len(quantities) and quantities[other].kind in ("money", "physical"):
            first, second = sorted((quantities[index], quantities[other]), key=lambda q: q.start)
            gap = text[first.end : second.start]
            if _patterns()["gap"].fullmatch(gap):
                return quantities[other]
    return None


def _is_mass(unit: str | None) -> bool:
    """Whether a pint unit measures mass ("kilogram", "metric_ton"), as pint defines it."""
    from checker.extract.units import get_ureg

    try:
        return unit is not None and get_ureg().Unit(unit).dimensionality == {"[mass]": 1}
    except Exception:  # a unit pint does not know is no mass
        return False


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words = vocab().units.pound_sense
    price_per = alternation(vocab().units.price_per)

    def anywhere(items, tail=r"\b"):
        return re.compile(rf"(?i)(?<![\w£]){'(?:' + alternation(items) + ')'}{tail}")

    hedges = alternation(vocab().hedge_words("amount") + vocab().hedge_words("claim"))
    return {
        "of": re.compile(rf"(?i)\s+of\s+(?:[a-z]+\s+)?(?:{alternation(words.weight_of)})\b"),  # "of lean meat"
        "before": re.compile(rf"(?i)\b(?:{alternation(words.weight_before)})(?:\s+(?:{hedges}))*\s+(?:an?\s+)?\Z"),
        "gap": re.compile(rf"(?i)\s*(?:\(|,?\s*or|--|—|–)\s*(?:(?:{alternation(vocab().hedge_words('pair'))})\s+)?"),
        "thing": re.compile(rf"(?i)[\s-]+(?:[a-z]+[\s-]+){0,2}(?:{alternation(words.weight_after)})\b"),
        "per": re.compile(r"(?i)\bper\s+\Z"),
        "rate": re.compile(rf"(?i)\s+(?:{alternation(words.money_after)})\b"),
        "price_per": re.compile(rf"(?i)\s+(?:a|an|per)\s+(?:{price_per})s?\b"),
        "marks": re.compile(rf"(?i)(?:£|\b(?:{alternation([w for w in words.money_marks if w != '£'])})\b)"),
        "weight_words": anywhere(words.weight_words, r"\b(?!\s+on\b)"),
        "mass": anywhere(words.mass_words),
        "money_words": anywhere(words.money_words),
        "british": anywhere(words.british_words, r"(?!\w)"),
    }
