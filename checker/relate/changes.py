"""Change claims: a stated change together with both of its endpoints.

"rose 12% from 5.0 million to 5.6 million", "a 150% increase from 20 to 50", "fell 25% to $60 from
$80", "from 4% to 6%, a 2% rise", "doubled from 300 to 600", "fell by a third from 60 to 40".
A claim is only made when the wording ties the change to the endpoints directly: the change
word or figure sits right before "from A to B" / "to B from A", or right after it. "rose 12% to
5.6 million" (no start) and figures merely sharing a sentence make no claim.

The relation is `Relation("change", (start, end))`; `data` holds the stated change: its figure as
a Quantity (`stated`, for a percentage) and value (`percent`, `points` or `factor`), its direction
and the cue word.
"""

from __future__ import annotations

import re
from fractions import Fraction

from checker.model import Quantity, Relation
from checker.vocab import alternation, vocab

# The words are in checker/vocab/changes.yaml and hedges.yaml.
_WORDS = vocab().changes


def _verbs(direction) -> str:
    return alternation([*direction.verbs, *direction.participles, *direction.adverbs, *direction.adjectives])


_UP = _verbs(_WORDS.up)
_DOWN = _verbs(_WORDS.down)
_UP_NOUN = alternation(_WORDS.up.nouns)
_DOWN_NOUN = alternation(_WORDS.down.nouns)
_HEDGE = rf"(?:{alternation(vocab().hedge_words('change'))})"
_FRACTIONS = {phrase: Fraction(share) for phrase, share in _WORDS.fractions.items()}
_MULTIPLIERS = {word: Fraction(factor) for word, factor in _WORDS.multipliers.items()}

# Wording between a change and its endpoints: "rose 12% [year on year] from A", "12% rise from A".
_LEAD_GAP = re.compile(rf"\s*,?\s*(?:(?:{_UP_NOUN}|{_DOWN_NOUN}|higher|lower)\s+)?(?:[a-z-]+\s+){{0,3}}?"
                       rf"(?P<word>from|to)\s+(?:{_HEDGE}\s+)?\Z", re.IGNORECASE)
_FROM_TO = re.compile(rf"\s+(?:in\s+\d{{4}}\s+|last\s+year\s+)?to\s+(?:{_HEDGE}\s+)?\Z", re.IGNORECASE)
_TO_FROM = re.compile(rf"\s*,?\s+(?:in\s+\d{{4}}\s+|this\s+year\s+|last\s+year\s+|a\s+year\s+earlier\s+|"
                      rf"on\s+the\s+year\s+)?from\s+(?:{_HEDGE}\s+)?\Z", re.IGNORECASE)
# What may follow "from A to B" to state the change: ", a 2% rise", ", up 12%", " — an increase of 50%".
_TRAIL_GAP = re.compile(rf"\s*(?:,|—|–|-|\()?\s*(?:or\s+|which\s+is\s+|representing\s+|marking\s+)?"
                        rf"(?:(?P<updown>up|down)\s+|an?\s+(?:(?P<noun>{_UP_NOUN}|{_DOWN_NOUN})\s+of\s+)?)?"
                        rf"(?:{_HEDGE}\s+)?\Z", re.IGNORECASE)
# "rose 12%", "cut by 25 basis points", "cut rates by 25 basis points"
_VERB_BEFORE = re.compile(rf"\b(?P<verb>{_UP}|{_DOWN})(?:(?:\s+[A-Za-z'-]+){{0,3}}?\s+by)?\s+(?:{_HEDGE}\s+)?\Z",
                          re.IGNORECASE)
_NOUN_BEFORE = re.compile(rf"\b(?P<noun>{_UP_NOUN}|{_DOWN_NOUN})s?\s+of\s+(?:{_HEDGE}\s+)?\Z", re.IGNORECASE)
_NOUN_AFTER = re.compile(rf"\A(?:[\s-]*(?:percentage[\s-]+points?|points?|pct[\s-]+points?))?\s*"
                         rf"(?P<noun>{_UP_NOUN}|{_DOWN_NOUN}|higher|lower)\b", re.IGNORECASE)
_POINTS_AFTER = re.compile(r"\A[\s-]*(?:percentage[\s-]+points?|pct[\s-]+points?|points?|pp\b)", re.IGNORECASE)
_HEDGE_BEFORE = re.compile(rf"(?P<hedge>{_HEDGE})\s+\Z", re.IGNORECASE)
_WORD_CHANGE = re.compile(
    rf"\b(?P<hedge>(?:{alternation(vocab().hedge_words('change_word'))})\s+)?"
    rf"(?:(?P<mult>{'|'.join(_MULTIPLIERS)})|(?P<verb>{_UP}|{_DOWN})\s+by\s+(?P<frac>{'|'.join(sorted(_FRACTIONS, key=len, reverse=True))}))"
    rf"(?P<tail>[\s,]*(?:[a-z-]+\s+){{0,3}}?(?:from|to)\s+(?:{_HEDGE}\s+)?)\Z",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-Z\"'“])|\n")
_DOWN_WORDS = re.compile(rf"^(?:{_DOWN}|{_DOWN_NOUN})$", re.IGNORECASE)


# "sold 1.8 million cars in 2023, up 38% from 1.31 million": the end value comes first.
_END_TO_CHANGE = re.compile(
    rf",\s*(?P<updown>up|down|rising|falling|(?:an?\s+)?(?:{_UP_NOUN}|{_DOWN_NOUN})\s+of)\s+(?:by\s+)?"
    rf"(?:{_HEDGE}\s+)?\Z", re.IGNORECASE)
_CHANGE_TO_START = re.compile(rf"\s+(?:from|compared\s+with|against)\s+(?:{_HEDGE}\s+)?\Z", re.IGNORECASE)


def find_change_claims(text: str, quantities: list[Quantity]) -> list[Relation]:
    """Every change claim with both endpoints stated, in text order."""
    relations = []
    for start, end, first in _endpoint_pairs(text, quantities):
        relation = _stated_before(text, quantities, start, end, first) or _stated_after(text, quantities, start, end)
        if relation is not None:
            relations.append(relation)
    relations.extend(_end_first(text, quantities))
    relations.sort(key=lambda r: min(q.start for q in r.quantities))
    return relations


def _end_first(text: str, quantities: list[Quantity]) -> list[Relation]:
    """"B, up X% from A" and "B, down X% compared with A" — wire copy's favourite form."""
    relations = []
    for end, stated, start in zip(quantities, quantities[1:], quantities[2:]):
        if stated.kind != "percent" or not _same_measure(start, end):
            continue
        lead, tail = text[end.end : stated.start], text[stated.end : start.start]
        match = _END_TO_CHANGE.search(lead)
        if len(lead) > 60 or not match or _SENTENCE_END.search(lead) or not _CHANGE_TO_START.match(tail):
            continue
        cue = match.group("updown").split()[-2] if " of" in match.group("updown") else match.group("updown")
        cue = {"rising": "up", "falling": "down"}.get(cue.lower(), cue)
        points = bool(re.search(r"point|pp\b", stated.text, re.IGNORECASE))
        relations.append(_percent_relation(stated, start, end, cue, points, _hedge(lead)))
    return relations


def _endpoint_pairs(text: str, quantities: list[Quantity]):
    """(start, end, first-in-text) for "from A to B" and "to B from A"."""
    for a, b in zip(quantities, quantities[1:]):
        if not _same_measure(a, b):
            continue
        gap = text[a.end : b.start]
        before = text[max(0, a.start - 40) : a.start]
        if _FROM_TO.match(gap) and re.search(rf"\bfrom\s+(?:{_HEDGE}\s+)?\Z", before, re.IGNORECASE):
            yield a, b, a
        elif _TO_FROM.match(gap) and re.search(rf"\bto\s+(?:{_HEDGE}\s+)?\Z", before, re.IGNORECASE):
            yield b, a, a


def _same_measure(a: Quantity, b: Quantity) -> bool:
    if a.is_range or b.is_range or a.kind != b.kind or a.value <= 0 or b.value <= 0:
        return False
    return a.currency == b.currency and a.unit == b.unit


def _stated_before(text: str, quantities: list[Quantity], start: Quantity, end: Quantity, first: Quantity):
    """"rose 12% from A to B", "a 150% increase from A to B", "doubled from A to B"."""
    previous = [q for q in quantities if q.end <= first.start]
    lead_text = text[max(0, first.start - 120) : first.start]
    if _SENTENCE_END.search(lead_text[-60:]):
        lead_text = lead_text[_last_sentence_start(lead_text):]
    word = _WORD_CHANGE.search(lead_text)
    if word and not previous_in(previous, first.start - len(lead_text) + word.start(), first.start):
        return _word_relation(word, start, end)
    if not previous or previous[-1].kind != "percent":
        return None
    stated = previous[-1]
    gap = text[stated.end : first.start]
    lead = _LEAD_GAP.match(gap)
    if not lead or _SENTENCE_END.search(gap):
        return None
    before = text[max(0, stated.start - 40) : stated.start]
    verb = _VERB_BEFORE.search(before)
    noun = _NOUN_AFTER.match(gap)
    cue = (verb and verb.group("verb")) or (noun and noun.group("noun"))
    if not cue:
        return None
    points = _points(gap) or bool(re.search(r"point|pp\b", stated.text, re.IGNORECASE))
    return _percent_relation(stated, start, end, cue, points, _hedge(before))


def _stated_after(text: str, quantities: list[Quantity], start: Quantity, end: Quantity):
    """"from 4% to 6%, a 2% rise", "from A to B, up 12%", "from A to B, an increase of 50%"."""
    last = max(start, end, key=lambda q: q.end)
    later = [q for q in quantities if q.start >= last.end]
    if not later or later[0].kind != "percent":
        return None
    stated = later[0]
    gap = text[last.end : stated.start]
    trail = _TRAIL_GAP.match(gap)
    if not trail or _SENTENCE_END.search(gap):
        return None
    after = text[stated.end : stated.end + 40]
    noun = _NOUN_AFTER.match(after)
    cue = trail.group("updown") or trail.group("noun") or (noun and noun.group("noun"))
    if not cue:
        return None
    points = _points(after) or bool(re.search(r"point|pp\b", stated.text, re.IGNORECASE))
    return _percent_relation(stated, start, end, cue, points, _hedge(gap))


def _percent_relation(stated, start, end, cue, points, hedge) -> Relation:
    data = {"cue": cue, "direction": "down" if _DOWN_WORDS.match(cue) else "up", "stated": stated}
    data["points" if points else "percent"] = stated.value
    return Relation("change", (start, end), cue=cue, hedge=hedge or stated.hedge, data=data)


def _word_relation(match: re.Match, start: Quantity, end: Quantity) -> Relation:
    if match.group("mult"):
        factor = Fraction(_MULTIPLIERS[match.group("mult").lower()])
        cue = match.group("mult")
    else:
        share = _FRACTIONS[" ".join(match.group("frac").lower().split())]
        down = bool(_DOWN_WORDS.match(match.group("verb")))
        factor = 1 - share if down else 1 + share
        cue = f"{match.group('verb')} by {match.group('frac')}"
    hedge = (match.group("hedge") or "").strip() or None
    data = {"factor": float(factor), "cue": cue, "direction": "down" if factor < 1 else "up"}
    return Relation("change", (start, end), cue=cue, hedge=hedge, data=data)


def _points(text: str) -> bool:
    return bool(_POINTS_AFTER.match(text))


def _hedge(before: str) -> str | None:
    match = _HEDGE_BEFORE.search(before)
    return " ".join(match.group("hedge").split()) if match else None


def _last_sentence_start(text: str) -> int:
    ends = list(_SENTENCE_END.finditer(text))
    return ends[-1].end() if ends else 0


def previous_in(quantities: list[Quantity], lo: int, hi: int) -> bool:
    """Whether another figure sits between the change word and the endpoints."""
    return any(lo <= q.start < hi for q in quantities)
