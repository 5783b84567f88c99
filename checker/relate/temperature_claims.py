"""Whether an English pair of temperatures gives a reading or a difference, from the words around it.

"Temperatures reached 39C (102F)" gives a reading (39C is 102F, with the +32 offset); "the ocean has
warmed by 0.6C (1.1F)" gives a difference (a change of 0.6C is one of 1.1F, no offset). Many pairs
fit only one of the two, and a pair that fits the other is a slip ("reached 39C (70F)", "warmed by
0.6C (33F)"). The words read are those right before the first figure ("reached", "highs of", "rose
to", "by", "a rise of", "up"), right after the pair ("warmer than", "above normal", "of warming",
"heat") and a warming target in the sentence ("limit global warming to 1.5C"); a "reached" or "hit" said
of warming ("global warming has reached 1.2C (2.2F)") is a level of a difference, so no reading. A figure below zero
is a reading. When the words give both, or neither, the claim is None and the check tries both.
The words are checker/vocab/units.yaml's `temperature_claims`, with the change words of changes.yaml.
"""

from __future__ import annotations

import re
from typing import Literal

from checker.model import Quantity
from checker.vocab import alternation, vocab

Claim = Literal["reading", "difference"]

_TEMPERATURES = frozenset(u.pint for u in vocab().units.units if u.bare_letter) | {"kelvin"}


def _patterns() -> tuple[re.Pattern, ...]:
    words = vocab().units.temperature_claims
    changes = vocab().changes
    verbs = words.difference_verbs + [w for d in (changes.up, changes.down) for w in d.verbs + d.participles]
    nouns = words.difference_nouns + changes.up.nouns + changes.down.nouns
    filler = rf"(?:(?:{alternation(words.fillers)})\s+)*"
    difference_before = re.compile(
        rf"(?i)(?<![\w-])(?:(?:{alternation(verbs)})(?:\s+by)?|(?:{alternation(nouns)})\s+of"
        rf"|{alternation(words.difference_before)})\s+{filler}\Z")
    reading_before = re.compile(rf"(?i)(?<![\w-])(?:{alternation(words.reading_before)})\s+{filler}\Z")
    warming_target = re.compile(
        rf"(?i)(?<![\w-])(?:{alternation(words.warming_bounds)})\s+(?:the\s+)?(?:global\s+)?(?:{alternation(words.warming_nouns)})"
        rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(words.warming_links)})\s+{filler}\Z")
    warming_subject = re.compile(rf"(?i)(?<![\w-])(?:{alternation(words.warming_nouns)})\b")
    not_difference_after = re.compile(rf"(?i)(?:{alternation(words.not_difference_after)})\b")
    difference_after = re.compile(rf"(?i)(?:{alternation(words.difference_after)})\b")
    reading_after = re.compile(rf"(?i)(?:{alternation(words.reading_after)})\b")
    return difference_before, reading_before, warming_target, warming_subject, not_difference_after, difference_after, reading_after


(_DIFFERENCE_BEFORE, _READING_BEFORE, _WARMING_TARGET, _WARMING_SUBJECT, _NOT_DIFFERENCE_AFTER, _DIFFERENCE_AFTER,
 _READING_AFTER) = _patterns()
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_AFTER_PAIR = re.compile(r"[\s)\]}>,]*")


def is_temperature_pair(first: Quantity, second: Quantity) -> bool:
    return first.unit in _TEMPERATURES and second.unit in _TEMPERATURES


def temperature_claim(text: str, first: Quantity, second: Quantity) -> Claim | None:
    """"reading", "difference", or None when the words say neither, or both."""
    before = text[max(0, first.start - 120) : first.start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    sentence = before[ends[-1]:] if ends else before
    after_at = _AFTER_PAIR.match(text, second.end).end()
    after = text[after_at : after_at + 40]
    difference = bool(_DIFFERENCE_BEFORE.search(sentence) or _WARMING_TARGET.search(sentence)
                      or first.per or second.per)
    if _DIFFERENCE_AFTER.match(after) and not _NOT_DIFFERENCE_AFTER.match(after):
        difference = True
    reading = bool(_READING_BEFORE.search(sentence) or _READING_AFTER.match(after)
                   or (first.value < 0 and first.unit != "kelvin"))
    if reading and _WARMING_SUBJECT.search(sentence):
        return None  # "global warming has reached 1.2C (2.2F)": a level of a difference
    if difference == reading:
        return None
    return "difference" if difference else "reading"
