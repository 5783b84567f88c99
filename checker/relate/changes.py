"""Change claims, read as frames: a change word and its figure, a start and an end, in one clause.

A change claim is found by the roles its words play, not by one fixed word order:

- the **anchor**: a stated change — "rose 12%", "up 12%", "a 22% rise", "an increase of 16%",
  "25% higher than", "fell 0.5 percentage point", "doubled", "halved", "fell by a third";
- the **start**: the figure after "from", "compared with", "against", "than" ("up from 6.1 million");
- the **end**: the figure after "to", "at", "reaching" — or, when the anchor is an apposition
  ("$716 million, or 46 cents a share, ..., up 11% from $646 million"; "Rp3,153.6 trillion, about
  7.3% more than ..."), the nearest figure of the same series before it.

Roles are read from the words right before each figure, so editors' insertions do not matter
("climbed 14% to 3,420 rupees a week from 3,000", "dropped 25% to 66,000 in March from 88,000 a year
before", "was up 12% on the year at 5.6 million, against 5.0 million"). A claim stays inside one clause
(`clauses`), and each anchor only takes figures between its neighbours. Both endpoints must be the same
kind of figure for the same series: same currency or unit, totals with totals and per-share figures
with per-share figures, within a factor of 20 of each other. A figure that is a time ("from three
years ago") or a date ("March 31") is no endpoint. No start, no claim: "rose 12% to 5.6 million"
says nothing checkable.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.model import Change, Quantity
from checker.relate.claim_words import (ADVERBIAL, COMPARATIVE_START, CURRENCY_NAMES, DETERMINERS, DOWN_COMPARATIVES,
                                        DOWN_NOUNS, DOWN_VERBS, END_MARKERS, FRACTIONS, HEDGES, MINOR_NAMES, MONTHS,
                                        MULTIPLE_HEDGES, MULTIPLIERS, OTHER_PREDICATES, QUOTE_LINKS, REBASED_WORDS,
                                        START_MARKERS, TIME_AFTER, TIME_STARTS, UP_COMPARATIVES, UP_NOUNS, UP_VERBS,
                                        YEAR_ON_YEAR)
from checker.relate.clauses import Clause, clauses
from checker.vocab import longest_first


def _words(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=longest_first))


_VERB = _words(UP_VERBS + DOWN_VERBS)
_NOUN = _words(UP_NOUNS + DOWN_NOUNS)
_COMPARATIVE = _words(UP_COMPARATIVES + DOWN_COMPARATIVES)
_HEDGE = _words(HEDGES)
_DOWN = frozenset(DOWN_VERBS + DOWN_NOUNS + DOWN_COMPARATIVES)
_POINTS = r"(?:percentage[\s-]+points?|pct\.?[\s-]+points?|basis[\s-]+points?|points?|pp|bps?)"

_CEILING = re.compile(rf"\b(?:up\s+to|by\s+up\s+to|as\s+much\s+as)\s+\Z", re.IGNORECASE)
# "rose 12%", "rose by about 12%", "up 12%", "cut rates by 25 basis points", "rose in March by 5%"
_VERB_BEFORE = re.compile(rf"\b(?P<cue>{_VERB})(?:\s+(?:by|of)|(?:\s+[\w'-]+){{1,4}}?\s+by)?\s+(?:(?:{_HEDGE})\s+)?\Z",
                          re.IGNORECASE)
# "a rise of 16%", "an increase of 3.3 million or 9.4%"
_NOUN_OF = re.compile(rf"\b(?P<cue>{_NOUN})s?\s+of\s+(?:(?:{_HEDGE})\s+)?(?:[^\s,;]+(?:\s+[^\s,;]+)?,?\s+or\s+)?\Z",
                      re.IGNORECASE)
# "a 22% rise", "12% growth", "a 2 percentage point rise", "a 12% year-on-year increase"
_NOUN_AFTER = re.compile(rf"\A(?:[\s-]*{_POINTS})?[\s-]*(?:[a-z]+-[a-z-]+\s+|annual\s+|yearly\s+|quarterly\s+)?"
                         rf"(?P<cue>{_NOUN})\b", re.IGNORECASE)
# "25% higher than", "7.3% more than", "12 points above"
_COMPARATIVE_AFTER = re.compile(rf"\A(?:[\s-]*{_POINTS})?\s+(?P<cue>{_COMPARATIVE})\s+than\b", re.IGNORECASE)
_MULTIPLE = re.compile(
    rf"\b(?:(?P<hedge>{_words(MULTIPLE_HEDGES)})\s+)?(?P<mult>{_words(MULTIPLIERS)})\b"
    rf"|\b(?P<verb>{_VERB})\s+by\s+(?:(?P<fhedge>{_HEDGE})\s+)?(?P<frac>{_words(FRACTIONS)})\b(?!\s*(?:of\b|%|per))",
    re.IGNORECASE)
_ADVERBIAL = frozenset(ADVERBIAL)
# Every _MULTIPLE match holds a multiplier word, or a fraction word after a space: this cheap scan,
# run once per block, finds the clauses where _MULTIPLE (whose change-verb alternation is tried at
# every word) can match at all.
_MULTIPLE_HINT = re.compile(rf"\b(?:{_words(MULTIPLIERS)})\b|\s(?:{_words(FRACTIONS)})\b", re.IGNORECASE)
# The same words, case-sensitive, for lower-cased ASCII text: re scans literals far faster than
# IGNORECASE alternations, and an ASCII text keeps its length and offsets when lower-cased.
_MULTIPLE_HINT_LOWER = re.compile(rf"(?:{_words(list(MULTIPLIERS) + list(FRACTIONS))})".lower())

_DETERMINERS = re.compile(rf"(?:\s+(?:{_words(DETERMINERS)}|[\w-]+'s|[\w-]+’s))+\s*\Z",
                          re.IGNORECASE)
_HEDGE_END = re.compile(rf"\s+(?:{_HEDGE})\s*\Z", re.IGNORECASE)
_START_END = re.compile(rf"(?:^|\s)(?:{_words(START_MARKERS)})\s*\Z", re.IGNORECASE)
_THAN_END = re.compile(rf"(?:^|\s)(?:{_words(COMPARATIVE_START)})\s*\Z", re.IGNORECASE)
_RANGE_FROM = re.compile(r"\b(?:rang(?:e|ed|es|ing)|estimates?|forecasts?|between)\s+(?:\w+\s+){0,2}from\s*\Z", re.IGNORECASE)
_TIME_START = re.compile(rf"(?:^|[\s,])(?:{_words(TIME_STARTS)})\b", re.IGNORECASE)
_FIRST_START = re.compile(rf"(?:^|\s)(?:{_words(START_MARKERS)})\s", re.IGNORECASE)
# Words that show a figure belongs to another predicate, or a change verb of its own.
_OTHER = re.compile(rf"\b(?:{_words(OTHER_PREDICATES)}|{_words([w for w in UP_VERBS + DOWN_VERBS if w not in ('up', 'down')])})\b",
                    re.IGNORECASE)
_UPDOWN_MARK = re.compile(rf"\b(?:up|down)\s+(?:from|to)\b|(?:^|\s)(?:{_words(START_MARKERS)})\b"
                          rf"|,\s*(?:{_words([w for w in UP_VERBS + DOWN_VERBS if w.endswith('ing')])})\b", re.IGNORECASE)
# What may sit between "from A to B" and a trailing change: ", a 22% rise", " - an increase of", ", up 12%"
_APPOSITION = re.compile(r"\A\s*(?:[\w-]+\s+){0,3}?(?:,|—|–|--|\()\s*(?:or\s+|which\s+is\s+|representing\s+|an?\s+)?"
                         r"(?:(?:{h})\s+)?\Z".replace("{h}", "|".join(HEDGES)), re.IGNORECASE)
_END_END = re.compile(rf"(?:^|\s)(?:{_words(END_MARKERS)})\s*\Z", re.IGNORECASE)
_TIME_AFTER = re.compile(rf"\A[\s-]*(?:{_words(TIME_AFTER)})\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b(?:{_words(MONTHS)})\.?\s*\Z", re.IGNORECASE)
_CENTS = re.compile(rf"\b(?:{'|'.join(MINOR_NAMES)})\b|¢|\bc\b", re.IGNORECASE)
_PER_SHARE_AFTER = re.compile(r"\A\s*(?:a|per)\s+(?:diluted\s+|basic\s+)?(?:share|unit|ADS|ADR)\b", re.IGNORECASE)
_COMMA_BEFORE = re.compile(r",\s*(?:\S+\s+){0,2}\Z")
_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE_AFTER = re.compile(r"\A\s*(?:to|-|–|and|or)\s+(?:about\s+)?\d[\d.,]*\s*(?:%|percent|per\s+cent|pct)", re.IGNORECASE)
_ADJACENT_TO = re.compile(r"\A\s*(?:to|-|–)\s*\Z")
# After the anchor, a change noun starts a change of its own: "fell by 6.6 pct, resulting in a surge in
# net imports from 175,901 to 251,708 tonnes" (the figures are the surge's)
_NEW_CHANGE = re.compile(rf"\b(?:{_words(UP_NOUNS + DOWN_NOUNS)})s?\b", re.IGNORECASE)
_REBASED = re.compile(rf"(?:{_words(REBASED_WORDS)})\b", re.IGNORECASE)
_YEAR_ON_YEAR = re.compile(rf"(?<![\w-])(?:{_words(YEAR_ON_YEAR)})(?![\w-])", re.IGNORECASE)
_MONTH = re.compile(rf"\b(?:{_words(MONTHS)})\b", re.IGNORECASE)
_IN_MONTH_AFTER = re.compile(rf"\A[^,;\d]{{0,30}}?\bin\s+(?P<month>{_words(MONTHS)})\b", re.IGNORECASE)
# "the yen against the dollar", "sterling versus the mark": a rate of one currency in another
_CURRENCY = "|".join(f"(?:{name})" for name in CURRENCY_NAMES)
# ("the yen rose 0.8 pct against the dollar": the link may follow the change)
_QUOTE = re.compile(rf"\b(?:{_CURRENCY})\b[^;]{{0,40}}?\s(?:{_words(QUOTE_LINKS)})\s*(?:{_CURRENCY})\b", re.IGNORECASE)
MAX_RATIO = 20.0


@dataclass(slots=True)
class _Anchor:
    start: int
    end: int
    measure: str
    value: float
    direction: str
    cue: str
    hedge: str | None
    stated: Quantity | None
    adverbial: bool
    comparative: bool


def find_change_claims(text: str, quantities: list[Quantity]) -> list[Change]:
    """Every change claim with both endpoints stated, in text order."""
    relations: list[Change] = []
    hints = [match.start() for match in (_MULTIPLE_HINT_LOWER.finditer(text.lower()) if text.isascii()
                                          else _MULTIPLE_HINT.finditer(text))]
    if not hints and not any(q.kind == "percent" and not q.is_range for q in quantities):
        return relations  # no clause can hold an anchor: it need not be cut into clauses (half of wire copy)
    for clause in clauses(text, quantities):
        anchors = _anchors(text, clause, hints)
        taken = clause.start
        for index, anchor in enumerate(anchors):
            limit = anchors[index + 1].start if index + 1 < len(anchors) else clause.end
            figures = [q for q in clause.quantities
                       if q.start >= taken and q.end <= limit and q is not anchor.stated
                       and not (anchor.start <= q.start < anchor.end)]
            claim = _frame(text, anchor, figures)
            if claim is not None:
                claim = _on_one_basis(text, clause, anchor, claim)
            taken = max(taken, anchor.end)
            if claim is not None:
                relations.append(claim)
                taken = max(taken, *(q.end for q in claim.quantities))
    relations.sort(key=lambda r: min(q.start for q in r.quantities))
    return relations


def _anchors(text: str, clause: Clause, hints: list[int]) -> list[_Anchor]:
    """The clause's stated changes; `hints` are where _MULTIPLE_HINT matched in the block."""
    anchors = []
    for q in clause.quantities:
        if q.kind != "percent" or q.is_range:
            continue
        anchor = _percent_anchor(text, clause, q)
        if anchor is not None:
            anchors.append(anchor)
    first = bisect.bisect_left(hints, clause.start)
    multiples = _MULTIPLE.finditer(text, clause.start, clause.end) \
        if first < len(hints) and hints[first] < clause.end else ()
    for match in multiples:
        if any(a.start <= match.start() < a.end for a in anchors):
            continue
        if match.group("mult"):
            factor = MULTIPLIERS[match.group("mult").lower()]
            cue, hedge = match.group("mult"), match.group("hedge")
        else:
            share = FRACTIONS[" ".join(match.group("frac").lower().split())]
            down = match.group("verb").lower() in _DOWN
            factor = 1 - share if down else 1 + share
            cue, hedge = f"{match.group('verb')} by {match.group('frac')}", match.group("fhedge")
        anchors.append(_Anchor(match.start(), match.end(), "factor", factor, "down" if factor < 1 else "up", cue,
                               " ".join(hedge.split()) if hedge else None, None, False, False))
    anchors.sort(key=lambda a: a.start)
    return anchors


def _percent_anchor(text: str, clause: Clause, q: Quantity) -> _Anchor | None:
    before = text[max(clause.start, q.start - 60) : q.start]
    after = text[q.end : min(clause.end, q.end + 50)]
    if _CEILING.search(before):
        return None  # "up to 12%"
    verb = _VERB_BEFORE.search(before)
    noun_of = _NOUN_OF.search(before)
    noun_after = _NOUN_AFTER.match(after)
    comparative = _COMPARATIVE_AFTER.match(after)
    found = noun_of or verb or comparative or noun_after
    if found is None:
        return None
    span = _RANGE_AFTER.match(after)
    if span and not re.search(_POINTS, q.text, re.IGNORECASE) and (
            found is not verb or re.match(r"\s+of\b", after[span.end():])):
        return None  # "gains of 4.1% to 4.9%", "lost 5% to 10% of their weight": a range of changes
    cue = found.group("cue")
    points = bool(re.search(_POINTS, q.text, re.IGNORECASE)) or bool(re.match(rf"[\s-]*{_POINTS}\b", after, re.IGNORECASE))
    value = q.value
    if points and (q.unit == "basis point" or re.search(r"basis|bps?\b", q.text + after[:15], re.IGNORECASE)):
        value = q.value / 100
    end = q.end
    if found is noun_after:
        end = q.end + found.end()
    elif found is comparative:
        end = q.end + found.end("cue")  # "than" marks the start that follows
    start = q.start - (len(before) - found.start()) if found in (verb, noun_of) else q.start
    adverbial = (cue.lower() in _ADVERBIAL or found is not verb
                 or bool(_COMMA_BEFORE.search(text[max(clause.start, start - 20) : start])))
    hedge = q.hedge or _hedge_before(before)
    return _Anchor(start, end, "points" if points else "percent", value,
                   "down" if cue.lower() in _DOWN else "up", cue, hedge, q, adverbial, found is comparative)


def _hedge_before(before: str) -> str | None:
    match = _HEDGE_END.search(before)
    return " ".join(match.group(0).split()) if match else None


def _frame(text: str, anchor: _Anchor, figures: list[Quantity]) -> Change | None:
    roles = {id(q): _role(text, q, _boundary(q, figures, anchor), anchor.comparative) for q in figures}
    after = [q for q in figures if q.start >= anchor.end and roles[id(q)] != "skip"]
    before = [q for q in figures if q.end <= anchor.start and roles[id(q)] != "skip"]
    # After the anchor, roles hold only up to the first word of another predicate.
    limit = _predicate_end(text, anchor.end, after)
    after = [q for q in after if q.start < limit]
    start = next((q for q in after if roles[id(q)] == "start"), None)
    if start is not None and _time_start_before(text, anchor.end, start.start):
        return None  # "up 9% from a year earlier, compared with the 317,822 cars BMW sold"
    if start is not None and any(q.start < start.start and roles[id(q)] is None and _same_series(text, q, start)
                                 for q in after):
        return None  # "American Motors 790, down 6.2 pct, American Honda 7,447 compared with 5,031"
    if start is None and _time_start_before(text, anchor.end, limit):
        return None
    end = None
    if start is not None:
        end = next((q for q in after if roles[id(q)] == "end" and _same_series(text, q, start)), None)
        if end is None:
            end = next((q for q in reversed(before) if roles[id(q)] == "end" and _same_series(text, q, start)
                        and not _OTHER.search(_unmarked(text[q.end : anchor.start]))), None)
        if end is None and anchor.adverbial:
            lead = min(anchor.start, start.start)
            candidates = [q for q in before if q.end <= lead and roles[id(q)] is None and _same_series(text, q, start)]
            if candidates and lead - candidates[-1].end <= 100 and not _OTHER.search(_unmarked(text[candidates[-1].end : lead])):
                end = candidates[-1]
    elif anchor.adverbial and len(before) >= 2:
        # "went from 412,000 to 530,000, a 22% rise", "cut to 80 from 100, a reduction of 25%": both
        # endpoints just before a trailing change
        first, last = before[-2], before[-1]
        marked = {roles[id(first)], roles[id(last)]}
        if marked == {"start", "end"} and _APPOSITION.match(text[last.end : anchor.start]) \
                and not _OTHER.search(_unmarked(text[first.end : last.start])):
            start, end = (first, last) if roles[id(first)] == "start" else (last, first)
    if start is None or end is None or end is start or not _same_series(text, start, end):
        return None
    if start.end <= end.start and _ADJACENT_TO.match(text[start.end : end.start]) and not re.search(
            r"\bfrom\s+(?:\S+\s+)?\Z", text[max(0, start.start - 25) : start.start], re.IGNORECASE):
        return None  # "compared with the 5% to 6% analysts expected": a range, not two endpoints
    if anchor.measure == "points" and start.kind != "percent":
        return None
    return Change("change", (start, end), cue=anchor.cue, hedge=anchor.hedge, measure=anchor.measure,
                  value=anchor.value, direction=anchor.direction, stated=anchor.stated)


def _unmarked(gap: str) -> str:
    """A gap without its "up from"/"down to" markers, which are roles, not other predicates."""
    return _UPDOWN_MARK.sub(" ", gap)


def _predicate_end(text: str, start: int, after: list[Quantity]) -> int:
    """Where, after the anchor, another predicate begins (its figures are not this claim's)."""
    end = after[-1].end if after else start
    match = _OTHER.search(_unmarked(text[start:end]))
    limit = start + match.start() if match else end + 1
    change = _NEW_CHANGE.search(text, start, limit)
    return change.start() if change else limit


def _on_one_basis(text: str, clause: Clause, anchor: _Anchor, claim: Change) -> Change | None:
    """The claim, unless its words put start and end on different bases: a start counted before a
    share split, or a year-on-year change whose start is dated to another month. A currency quoted
    against another ("the yen against the dollar rose 0.8 pct to 153.50 from 154.67") is marked as a
    quote: its figures may be either currency per the other."""
    start, end = claim.quantities
    words = text[clause.start : clause.end]
    if _REBASED.search(words):
        return None
    if _YEAR_ON_YEAR.search(words):
        dated = _IN_MONTH_AFTER.match(text[start.end : clause.end])
        if dated is not None:
            months = {m.group(0).lower()[:3] for m in _MONTH.finditer(text, clause.start, start.start)}
            if months - {dated.group("month").lower()[:3]}:
                return None  # "rose 70 pct in February, year-on-year, ... from 5.7 billion in January"
    if "percent" not in (start.kind, end.kind) and claim.measure == "percent" \
            and _QUOTE.search(text, clause.start, start.start):
        claim.quote = True
    return claim


def _time_start_before(text: str, lo: int, hi: int) -> bool:
    """Whether the start is stated as a time before any figure ("from a year earlier", "on a year ago")."""
    return bool(_TIME_START.search(text[lo:hi]))


def _boundary(q: Quantity, figures: list[Quantity], anchor: _Anchor) -> int:
    """Where the words that give `q` its role begin: after the figure or anchor before it."""
    ends = [f.end for f in figures if f.end <= q.start] + ([anchor.end] if anchor.end <= q.start else [])
    return max(ends, default=max(0, q.start - 40))


def _role(text: str, q: Quantity, boundary: int, comparative: bool = False) -> str | None:
    """"start", "end", "skip" (a time or a date, never an endpoint) or None (no marker)."""
    after = text[q.end : q.end + 20]
    before = text[max(boundary, q.start - 40) : q.start]
    if "/" in q.text or _RANGE_FROM.search(before):
        return "skip"  # "$428/435" bid and ask; "forecasts ranged from 11.5 million to 15.7 million"
    if q.kind == "number" and (_TIME_AFTER.match(after) or _MONTH_BEFORE.search(before)
                               or _YEAR.fullmatch(q.text)):
        return "skip"
    words = " " + before
    words = _DETERMINERS.sub(" ", words)
    words = _HEDGE_END.sub(" ", words)
    words = _DETERMINERS.sub(" ", words)
    if _START_END.search(words) or (comparative and _THAN_END.search(words)):
        return "start"
    if _END_END.search(words):
        return "end"
    return None


def _same_series(text: str, a: Quantity, b: Quantity) -> bool:
    """Two figures one change can join: same measure, totals with totals, per-share with per-share."""
    if a.is_range or b.is_range or a.value <= 0 or b.value <= 0:
        return False
    bare = [q for q in (a, b) if q.kind == "number"]
    if len(bare) == 1 and (a if bare[0] is b else b).kind in ("money", "physical"):
        # "to 3,420 rupees a week from 3,000": the start borrows the end's currency or unit
        return 1 / MAX_RATIO <= a.value / b.value <= MAX_RATIO
    if a.kind != b.kind or a.currency != b.currency or a.unit != b.unit:
        return False
    if _per_share(text, a) != _per_share(text, b):
        return False
    return 1 / MAX_RATIO <= a.value / b.value <= MAX_RATIO


def _per_share(text: str, q: Quantity) -> bool:
    if q.kind != "money":
        return False
    return (q.per or "").lower() in ("share", "unit") or bool(_CENTS.search(q.text)) or bool(
        _PER_SHARE_AFTER.match(text[q.end : q.end + 80]))
