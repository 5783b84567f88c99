"""The subject a money figure is stated for: "the fund has raised [700 billion yuan]".

Only one shape is read, a named subject then a verb of size right before the figure, so that two
figures share a subject only when the wording is the same ("the fund has raised" ... "the fund
raised"). The years in the sentence are part of the key: "raised $5m in 2020" and "raised $8m in
2022" are different facts, not a contradiction.
"""

from __future__ import annotations

import re

from checker.model import Quantity, SubjectFigure
from checker.vocab import alternation, vocab

_VERBS = dict(vocab().cues.subject_verbs)
_HEDGE = rf"(?:{alternation(vocab().hedge_words('subject'))})"
_SUBJECT = re.compile(
    rf"(?:\b(?:the|its)\s+)?(?P<subject>(?:[A-Z][\w&'-]*\s+){{0,4}}[A-Za-z][\w&-]*)\s+(?:has\s+|had\s+|have\s+)?"
    rf"(?:so\s+far\s+|now\s+)?(?P<verb>{'|'.join(sorted(_VERBS, key=len, reverse=True))})\s+(?:{_HEDGE}\s+)?\Z"
)
_VERB_TAILS = frozenset(verb.split()[-1] for verb in _VERBS)  # the last word of each verb, as _SUBJECT spells it
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Words that name a different thing each time they are used ("Alibaba said the company raised $1bn;
# Tencent said the company raised $2bn"): not a subject to hold figures against each other.
_GENERIC = frozenset(vocab().cues.generic_subjects)
_SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-Z])")


def _names_a_thing(subject: str, at_sentence_start: bool) -> bool:
    """Whether the subject is a name (a fund, company or programme: "Big Fund III", "Tencent"), not a
    common noun ("the fund", "banks") that may mean a different thing each time. A lone capitalised word
    opening the sentence ("Investors have raised") is capitalised by its place, not because it names."""
    words = [w for w in subject.split() if w.lower() not in ("the", "its", "has", "have", "had")]
    named = [w for w in words if w[:1].isupper() or any(c.isdigit() for c in w)]
    if not named:
        return False
    return not (at_sentence_start and len(words) == 1)


def find_subject_figures(text: str, quantities: list[Quantity]) -> list[SubjectFigure]:
    """Every money figure the text states as a named subject's size, in text order."""
    found = []
    if not any(tail in text for tail in _VERB_TAILS):
        return found  # each figure's window needs a verb's last word (subject_figure): the block has none
    for quantity in quantities:
        if quantity.kind != "money" or quantity.is_range:
            continue
        relation = subject_figure(text, quantity)
        if relation is not None:
            found.append(relation)
    return found


def subject_figure(text: str, quantity: Quantity) -> SubjectFigure | None:
    """The subject, its fact and the years in the sentence for a figure stated as a subject's size, else None."""
    before = text[max(0, quantity.start - 80) : quantity.start]
    if not before or not before[-1].isspace() or not any(tail in before for tail in _VERB_TAILS):
        return None  # _SUBJECT ends in a verb then white space: without both it cannot match
    starts = list(_SENTENCE_START.finditer(before))
    if starts:
        before = before[starts[-1].end():]
    match = _SUBJECT.search(before)
    if match is None:
        return None
    end = _SENTENCE_START.search(text, quantity.end)
    sentence = before + text[quantity.start : end.start() if end else len(text)]
    if not _names_a_thing(match.group("subject"), at_sentence_start=not before[: match.start()].strip()):
        return None
    words = match.group("subject").lower().split()
    while len(words) > 1 and words[-1] in ("has", "have", "had"):  # "the Big Fund has raised": the name, not its verb
        words.pop()
    subject = " ".join(words[1:] if len(words) > 1 and words[0] in ("the", "its") else words)
    if subject in _GENERIC:
        return None
    return SubjectFigure("subject", (quantity,), cue=match.group("verb"), hedge=quantity.hedge, subject=subject,
                         fact=_VERBS[" ".join(match.group("verb").split())], years=frozenset(_YEAR.findall(sentence)))
