"""Part/whole lists: shares of one whole, and amounts that make up a stated total.

Two shapes only, because figures that merely share a sentence are not parts of anything:

- a list of percentages in one sentence about how one whole splits ("52% voted yes, 45% no and
  5% did not answer"; "X accounted for 40%, Y for 35% and Z for 30%"): the sentence must carry a
  share cue (voted, backed, share, respondents, accounted for...) and no percentage in it may be
  a change ("rose 5%");
- a total followed by the word that splits it ("The $10 billion package comprises $6 billion of
  loans and $5 billion of grants"), or parts followed by "totalling X" / "for a total of X".

`Relation("parts", (part, ..., part) or (total, part, ...))`; `data["total"]` is the total's
index (0) when there is one, `data["exact"]` whether the text says the parts make up the whole.
"""

from __future__ import annotations

import re

from checker.model import Quantity, Relation
from checker.relate.changes import _DOWN, _DOWN_NOUN, _UP, _UP_NOUN
from checker.vocab import alternation, vocab

_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?([a-z]+(?:\s+[a-z]+)?)", re.IGNORECASE)
_BREAK = re.compile(r"[.!?](?!\d)|\n")
_CUES = vocab().cues
_SHARE_CUE = re.compile(rf"\b(?:{alternation(_CUES.share_cues)})\b", re.IGNORECASE)
_CHANGE_NEAR = re.compile(rf"\b(?:{_UP}|{_DOWN}|{_UP_NOUN}|{_DOWN_NOUN}|points?)\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"\A[^\d%;]{0,60}\Z")
# "60% said prices were too high and 70% said wages were too low": two questions, not one split.
_SEPARATE_CLAUSE = re.compile(rf"\b(?:{alternation(vocab().cues.clause_verbs)})\s+(?:\S+\s+){{3,}}", re.IGNORECASE)
_LIST_JOIN = re.compile(r",|\band\b|\bwhile\b|\bwith\b|\bwhereas\b", re.IGNORECASE)
_NOUNS = r"(?:[A-Za-z'-]+,?\s+){0,3}?"
_EXACT_SPLIT = re.compile(rf"\A\s*{_NOUNS}(?:,\s*)?(?:{alternation(_CUES.split_words)})\b", re.IGNORECASE)
_INCLUDES = re.compile(rf"\A\s*{_NOUNS}(?:,\s*)?(?:{alternation(_CUES.include_words)})\b", re.IGNORECASE)
_TOTAL_AFTER = re.compile(rf"\A\s*{_NOUNS},?\s*(?:{alternation(_CUES.total_words)})\s*\Z", re.IGNORECASE)
_SHARE_BOUNDS = frozenset(vocab().hedge_words("share_bound"))


def find_part_lists(text: str, quantities: list[Quantity]) -> list[Relation]:
    relations = []
    for start, end, inside in _sentences_with_figures(text, quantities):
        shares = _share_list(text, text[start:end], inside)
        if shares:
            relations.append(shares)
        relations.extend(_totals(text, inside))
    return relations


def _sentences_with_figures(text: str, quantities: list[Quantity]):
    """(start, end, figures) for each sentence holding two or more figures.

    Figures are grouped by the sentence breaks between neighbours, so only the text around them
    is scanned (wire copy has thousands of sentences a file, most with no list in them). A full
    stop inside a number ("5.9") is not a break.
    """
    run: list[Quantity] = []
    previous_end = 0
    for quantity in quantities + [None]:
        if quantity is not None and run and not _BREAK.search(text, run[-1].end, quantity.start):
            run.append(quantity)
            continue
        if len(run) >= 2:
            breaks = list(_BREAK.finditer(text, previous_end, run[0].start))
            start = breaks[-1].end() if breaks else previous_end
            after = _BREAK.search(text, run[-1].end)
            yield start, after.end() if after else len(text), run
        if run:
            previous_end = run[-1].end
        run = [quantity] if quantity is not None else []


def _share_list(text: str, sentence: str, quantities: list[Quantity]) -> Relation | None:
    percents = [q for q in quantities if q.kind == "percent" and q.unit == "percent" and not q.is_range]
    if len(percents) < 2 or len(percents) != len([q for q in quantities if q.kind in ("percent", "number")]):
        return None
    if not _SHARE_CUE.search(sentence):
        return None
    for q in percents:
        around = text[max(0, q.start - 25) : q.end + 20]
        if _CHANGE_NEAR.search(around) or q.hedge in _SHARE_BOUNDS:
            return None
    wholes = {m.group(1).lower() for q in percents if (m := _OF_WHOLE.match(text, q.end))}
    if len(wholes) > 1:  # "49% of the votes and 15% of the capital": shares of different wholes
        return None
    for a, b in zip(percents, percents[1:]):
        gap = text[a.end : b.start]
        if not _LIST_GAP.match(gap) or not _LIST_JOIN.search(gap) or _SEPARATE_CLAUSE.search(gap):
            return None
    return Relation("parts", tuple(percents), cue="shares", data={"exact": False})


def _totals(text: str, quantities: list[Quantity]) -> list[Relation]:
    relations = []
    for index, total in enumerate(quantities):
        after = text[total.end : total.end + 40]
        exact = _EXACT_SPLIT.match(after)
        if not (exact or _INCLUDES.match(after)):
            continue
        parts = _same_measure_run(text, total, quantities[index + 1 :])
        if len(parts) >= 2:
            relations.append(Relation("parts", (total, *parts), cue=after.split()[0], data={"total": 0, "exact": bool(exact)}))
    for index, total in enumerate(quantities):
        parts = [q for q in quantities[:index] if _same_measure(q, total)]
        if len(parts) >= 2 and _TOTAL_AFTER.match(text[parts[-1].end : total.start]):
            relations.append(Relation("parts", (total, *parts), cue="total", data={"total": 0, "exact": True}))
    return relations


def _same_measure_run(text: str, total: Quantity, following: list[Quantity]) -> list[Quantity]:
    """The amounts in the same measure as `total` that follow it as a list, stopping at anything else."""
    run: list[Quantity] = []
    for q in following:
        if not _same_measure(q, total) or q.is_range:
            break
        run.append(q)
    return run


def _same_measure(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and a.kind in ("money", "physical", "number") and a.currency == b.currency and a.unit == b.unit
