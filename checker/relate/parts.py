"""Parts of a whole, only where the text says the parts make it up.

Figures that share a sentence are not parts of anything. A list is read as parts only in these
frames, all inside one sentence (a semicolon ends it):

- **"of the whole"**: "Of the 15 judges, eight voted for, five against and three abstained";
  "Of the $5 billion in agreements, $4 billion covers ... and $1 billion is for energy";
- **a splitting word right after the whole**: "The $10 billion package comprises $6 billion of loans
  and $4 billion of grants", "is made up of", "split between", "The 450-seat chamber split 228 ...";
- **a whole before a colon**: "2,098 million pesos would go to the crisis: 700 million to ..., another
  700 million for ... and 636 million ...";
- **a total after the list**: "..., totalling $12 million", "a combined 79.7 million tonnes", "in all";
- **percentage shares of one 100%** only when the text closes the split: "the remaining 25%", "the rest",
  "split between", "were undecided", "abstained".

A list is exact (it must add up) when the frame says so: a splitting word, a stated total after it,
a colon list, "the rest"/"remaining", a vote split ("for", "against", "abstained"). "Including" is
never exact: its parts may only not exceed the whole. A percentage that is a change ("rose 5%") or
that names its own base ("70% of nurses ... 64% rejected the pay offer") is never a share of it.
"""

from __future__ import annotations

import re

from checker.model import Parts, Quantity
from checker.relate.claim_words import (BUNDLE_NOUNS, COMPARATIVE_START, COUNT_WORDS, DOWN_NOUNS, DOWN_VERBS,
                                        END_MARKERS, EXHAUSTIVE_SPLITS, HEDGES, PER_ITEM_WORDS, REST_WORDS,
                                        START_MARKERS, TIME_AFTER, TOTAL_AFTER, UP_NOUNS, UP_VERBS, WHOLE_CUES)
from checker.extract.patterns import first_char_lookahead, trie_pattern
from checker.relate.clauses import sentence_quantities
from checker.vocab import longest_first, vocab


def _words(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=longest_first))


_CHANGE = re.compile(rf"\b(?:{_words(UP_VERBS + DOWN_VERBS + UP_NOUNS + DOWN_NOUNS)})\b", re.IGNORECASE)
# "more than 40% voted": a share so hedged is a bound, not one part of a split (hedges.yaml's share_bound)
_SHARE_BOUNDS = frozenset(vocab().hedge_words("share_bound"))
_OF_WHOLE = re.compile(r"\A\s*[\"“‘']?(?:Of|Out\s+of)\s+(?:(?:the|its|their)\s+)?(?:[A-Z][\w-]*\s+){0,3}?"
                       r"(?:[\w-]+(?:'s|’s)\s+)?\Z",
                       re.IGNORECASE)
_SPLIT_AFTER = re.compile(rf"\A(?:[-\s]?[A-Za-z][\w'-]*,?){{0,4}}\s*,?\s*(?:will\s+be\s+|would\s+be\s+|was\s+|is\s+|were\s+)?"
                          rf"(?:{_words(EXHAUSTIVE_SPLITS)})\b", re.IGNORECASE)
# A split word anywhere in a stretch: _SPLIT_AFTER can only match where one occurs, and this cheap
# search saves its backtracking over the words before it on the figures that have none.
# Only ever asked whether it matches: a trie of the words behind a lookahead of their first letters
# (the same language as the plain alternation) lets the engine give up at most positions at once.
_SPLITS_TRIE = trie_pattern(EXHAUSTIVE_SPLITS)
_SPLIT_WORDS = rf"{first_char_lookahead(_SPLITS_TRIE, re.IGNORECASE)}(?:{_SPLITS_TRIE})"
_SPLIT_ANYWHERE = re.compile(rf"{_SPLIT_WORDS}\b", re.IGNORECASE)
_INCLUDES_AFTER = re.compile(r"\A(?:\s*(?!not\b)[A-Za-z][\w'-]*){0,2}\s*,?\s*(?:includes?|including)\s+(?:(?:about|some|nearly|almost|roughly)\s+)?[$€£¥\d]",
                             re.IGNORECASE)
# Only ever asked whether it matches, so the optional ", and" that may open it is left out (it never
# decides whether there is a match); the words as a trie behind a lookahead of their first letters.
_TOTAL_WORDS = rf"(?:{trie_pattern(TOTAL_AFTER)}|bringing\s+the\s+total\s+to)"
_ANY_TOTAL_WORDS = rf"{first_char_lookahead(_TOTAL_WORDS, re.IGNORECASE)}{_TOTAL_WORDS}"
_TOTAL_BEFORE = re.compile(rf"{_ANY_TOTAL_WORDS}\s+(?:of\s+)?\Z",
                           re.IGNORECASE)
_IN_ALL_WORDS = r"in\s+all|in\s+total|altogether"
_IN_ALL_AFTER = re.compile(rf"\A\s*(?:[A-Za-z]+\s+)?(?:{_IN_ALL_WORDS})\b", re.IGNORECASE)
_COLON_AFTER = re.compile(r"\A[^\d:;.!?*]{0,60}:\s*[^\s*-]", re.IGNORECASE)
_REST = re.compile(rf"\b(?:{_words(REST_WORDS)})\b|\beverything\s+else\b|\bothers?\b", re.IGNORECASE)
_VOTE = re.compile(r"\b(?:for|against|in\s+favou?r|abstain(?:ed|ing|s)?|abstentions?|undecided|opposed|backed|"
                   r"did\s+not\s+(?:vote|answer)|don't\s+know|no\s+opinion)\b", re.IGNORECASE)
_UNDECIDED = re.compile(r"\b(?:undecided|abstain(?:ed|ing|s)?|abstentions?|did\s+not\s+(?:vote|answer|know)|"
                        r"don't\s+know|no\s+opinion|not\s+sure)\b", re.IGNORECASE)
_SPLIT_WORD = re.compile(rf"\b(?:{_words(EXHAUSTIVE_SPLITS)}|split\s+(?:between|into|among))\b", re.IGNORECASE)
# the predicate an elliptical list of shares borrows must make them shares of one whole
_WHOLE_CUE = re.compile(rf"\b(?:{_words(WHOLE_CUES)})\b", re.IGNORECASE)
_MARKED = re.compile(rf"\b(?:{_words(START_MARKERS + END_MARKERS + COMPARATIVE_START)})\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?\Z",
                     re.IGNORECASE)
_LIST_GAP = re.compile(r"\A(?=[^.;:]*(?:,|\band\b))(?:\s*[^\s\d]+){0,7}\s*\Z")
_OWN_BASE = re.compile(r"\A\s*of\s+(?!the\s+(?:total|vote|votes|whole)\b)(?:the\s+|its\s+|their\s+)?[a-z]", re.IGNORECASE)
_TURNOUT = re.compile(r"\b(?:turnout|participation)\s+(?:of|was|at)\s+(?:about\s+)?\Z", re.IGNORECASE)
_SAID_BETWEEN = re.compile(rf"\b(?:{_words(vocab().cues.clause_verbs)})\b", re.IGNORECASE)
_SEPARATE_CLAUSE = re.compile(rf"\b(?:{_words(vocab().cues.clause_verbs)})\s+(?:\S+\s+){{3,}}", re.IGNORECASE)
_REST_FIGURE = re.compile(rf"\b(?:{_words(REST_WORDS)})\s*,?\s*(?:\w+\s+)?\Z", re.IGNORECASE)
_FIRST_BASE = re.compile(r"\A\s*of\s+(?:the\s+)?[a-z][\w\s-]{0,40}?(?=,)")
_TIME_AFTER = re.compile(rf"\A\s*(?:{_words(TIME_AFTER)})\b", re.IGNORECASE)
# "55%, Samsung's 30% and Huawei's 20%", "49 pct of the voters, Labour 37 pct and the Alliance 23 pct":
# the later shares borrow the first one's predicate, so all are shares of its one whole.
_ELLIPSIS = re.compile(r"(?:\s*(?:,|\band\b|\bthe\b|\bwith\b|[A-Z][\w&.-]*(?:'s|’s)?))+\s*")
_SEAT_WORDS = r"-(?:seat|member|strong)"
_SEATS = re.compile(rf"\A{_SEAT_WORDS}\b", re.IGNORECASE)
# "Embraer 190", "Boeing 777": a brand (a capitalised word not a plural) right before a bare number;
# "six 777 minijumbos": a count right before one
_MODEL_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[^s\W]\s+\Z")
_COUNT_BEFORE = re.compile(rf"(?:\d|\b(?:{_words(COUNT_WORDS)}))\s+\Z", re.IGNORECASE)
_UNNAMED_REST = re.compile(rf"\A[^\d]{{0,60}}?\b(?:{_words(REST_WORDS)}|others?)\b(?![^\d]{{0,12}}\d)", re.IGNORECASE)
# "1.25 mln units, consisting of two shares and one warrant", "units, each consisting of one share",
# "one share and one warrant per unit": the list is what one item is made of, not the count's parts
_BUNDLE_AFTER = re.compile(rf"\A\s+(?:{_words(BUNDLE_NOUNS)})\b", re.IGNORECASE)
_PER_ITEM = re.compile(rf"\b(?:{_words(PER_ITEM_WORDS)})\b", re.IGNORECASE)
# "to 439 from 16 airlines, comprising 275 firm orders and 164 options": a change's start; the
# splitting word may belong to either endpoint, so neither is read as the whole
_START_BEFORE = re.compile(rf"\b(?:{_words(START_MARKERS)})\s+(?:(?:{_words(HEDGES)})\s+)?\Z", re.IGNORECASE)
# "six flights, including four non-stop flights, and three flights": a part of the part before it
_NESTED = re.compile(r",\s*(?:including|of\s+which)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
# "30 mln dlrs of debentures and 2.7 mln common shares": a bare scaled figure that counts shares,
# barrels or tonnes (the nouns a price is quoted per) is that count, not money left unnamed
_COUNTED_AFTER = re.compile(rf"\A\s+(?:[a-z-]+\s+){{0,2}}?(?:{_words(vocab().exclusions.per_after_article)})s?\b",
                            re.IGNORECASE)
# "its 25 pct interest in Haeco, which is also 25 pct owned by Cathay": a share of another subject
_RELATIVE = re.compile(r",\s*(?:which|who|whose|that)\b", re.IGNORECASE)
MAX_GAP = 90

# The words each frame's test cannot match without, as patterns of their own (the same flags): a
# block that holds none of a frame's words has no window where that frame's test matches.
_ANY_OF = re.compile(r"of", re.IGNORECASE)
_ANY_SEATS = re.compile(_SEAT_WORDS, re.IGNORECASE)
_ANY_SPLIT = re.compile(_SPLIT_WORDS, re.IGNORECASE)
_ANY_INCLUDES = re.compile(r"includ", re.IGNORECASE)
_ANY_TOTAL = re.compile(_ANY_TOTAL_WORDS, re.IGNORECASE)
_ANY_IN_ALL = re.compile(_IN_ALL_WORDS, re.IGNORECASE)


class _Frames:
    """Which frames the block's words allow at all, found by one scan of the block for each: on copy
    with a figure every few words, testing every frame at every figure was most of this reader's time."""

    __slots__ = ("of", "seats", "split", "colon", "includes", "total", "in_all")

    def __init__(self, text: str) -> None:
        if text.isascii():  # read without case, an ASCII word is its lower case: a substring test, not a scan
            lowered = text.lower()
            self.of = "of" in lowered
            self.seats = "-" in lowered and _ANY_SEATS.search(lowered) is not None
            self.includes = "includ" in lowered
        else:
            self.of = _ANY_OF.search(text) is not None
            self.seats = "-" in text and _ANY_SEATS.search(text) is not None
            self.includes = _ANY_INCLUDES.search(text) is not None
        self.split = _ANY_SPLIT.search(text) is not None
        self.colon = ":" in text
        self.total = _ANY_TOTAL.search(text) is not None
        self.in_all = _ANY_IN_ALL.search(text) is not None

    @property
    def whole_first(self) -> bool:
        return self.of or self.seats or self.split or self.colon or self.includes


def find_part_lists(text: str, quantities: list[Quantity]) -> list[Parts]:
    relations: list[Parts] = []
    frames: _Frames | None = None
    for lo, hi, inside in sentence_quantities(text, quantities):
        if len(inside) < 2:
            continue
        if frames is None:
            frames = _Frames(text)
        found = _whole_first(text, inside, lo, hi, frames) if frames.whole_first else None
        if found is None and (frames.total or frames.in_all):
            found = _total_after(text, inside, frames)
        if found is None:
            found = _percent_split(text, inside, lo, hi)
        if found is not None:
            relations.append(found)
    return relations


def _whole_first(text: str, inside: list[Quantity], lo: int, hi: int, frames: _Frames) -> Parts | None:
    for index, whole in enumerate(inside):
        if not _can_be_whole(text, whole):
            continue
        before = text[lo : whole.start]
        after = text[whole.end : whole.end + 90]
        if frames.of and _OF_WHOLE.search(before):
            cue, exact = "of", None
        elif frames.seats and _SEATS.match(text[whole.end : whole.end + 30]):
            cue, exact = "seats", False  # "In the 100-seat senate, Democrats hold 51 seats and Republicans 52"
        elif frames.split and _SPLIT_ANYWHERE.search(after) and _SPLIT_AFTER.match(after):
            if _START_BEFORE.search(before):
                continue
            cue, exact = "split", True
        elif frames.colon and _COLON_AFTER.match(after) and whole.kind in ("money", "physical", "percent"):
            cue, exact = ":", True
        elif frames.includes and _INCLUDES_AFTER.match(after) and whole.kind in ("money", "physical"):
            cue, exact = "including", False
        else:
            continue
        parts = _list_after(text, whole, inside[index + 1 :])
        if len(parts) < 2 or _per_item(text, whole, parts):
            continue
        tail = text[whole.end : min(hi, parts[-1].end + 60)]
        if cue == "of":
            if len(_SAID_BETWEEN.findall(text[whole.end : min(hi, parts[-1].end + 40)])) >= 2:
                continue  # "60 said prices were too high and 70 said wages were too low": two questions
            exact = bool(_REST.search(tail)) or (len(parts) >= 3 and bool(_VOTE.search(tail)))
        elif cue == ":" and not re.search(r"\band\b", text[parts[-2].end : parts[-1].start]):
            continue
        if exact and _UNNAMED_REST.search(text[parts[-1].end : min(hi, parts[-1].end + 80)]):
            exact = False  # "... $850 million of notes and the remainder in fixed-rate bonds"
        return Parts("parts", (whole, *parts), cue=cue, whole=whole, parts=tuple(parts), exact=bool(exact))
    return None


def _per_item(text: str, whole: Quantity, parts: list[Quantity]) -> bool:
    """Whether a count's list says what each one of it holds ("1.25 mln units, consisting of two shares
    and one warrant", "units, each consisting of one share"), not how the count divides."""
    if whole.kind != "number":
        return False
    if _BUNDLE_AFTER.match(text[whole.end : whole.end + 20]):
        return True
    tail = re.match(r"[^,.;:]*", text[parts[-1].end : parts[-1].end + 60]).group(0)
    return bool(_PER_ITEM.search(text[whole.end : parts[-1].end] + tail))


def _can_be_whole(text: str, q: Quantity) -> bool:
    if q.is_range or q.value <= 0 or q.kind == "percent" and q.unit != "percent":
        return False
    if q.kind == "number" and (q.value < 2 or _TIME_AFTER.match(text[q.end : q.end + 80]) or not float(q.value).is_integer()
                               or re.fullmatch(r"(?:19|20)\d\d", q.text)):
        return False
    return True


def _list_after(text: str, whole: Quantity, following: list[Quantity]) -> list[Quantity]:
    """The figures after `whole` that read as one list of its parts, stopping at anything else."""
    parts: list[Quantity] = []
    previous = whole
    for q in following:
        gap = text[previous.end : q.start]
        if len(gap) > MAX_GAP or not _part_of(whole, q, text) or not _is_amount(text, q):
            break
        if parts and _NESTED.search(gap):
            previous = q  # "six flights, including four non-stop flights, and three": part of a part
            continue
        if parts and not _LIST_GAP.match(gap):
            break
        if _CHANGE.search(text[max(previous.end, q.start - 20) : q.end + 15]) and q.kind == "percent":
            break
        parts.append(q)
        previous = q
    return parts


def _is_amount(text: str, q: Quantity) -> bool:
    """Not a time ("12 years"), a compound adjective ("10-city"), or a model ("Embraer 190", "six 777s")."""
    after = text[q.end : q.end + 20]
    before = text[max(0, q.start - 20) : q.start]
    if _TIME_AFTER.match(after) or re.match(r"\A-[A-Za-z]", after) or re.match(r"\As\b", after):
        return False
    if q.kind == "number" and (_MODEL_BEFORE.search(before) and len(q.text) >= 3 or _COUNT_BEFORE.search(before)):
        return False
    return True


def _part_of(whole: Quantity, q: Quantity, text: str) -> bool:
    if q.is_range or q.value <= 0:
        return False
    if q.per and (q.per or "").lower() != (whole.per or "").lower():
        return False  # "valued at 3.1 mln dlrs and consisting of 38.50 dlrs a share cash": a price, not a part
    if q.kind == whole.kind and q.currency == whole.currency and q.unit == whole.unit:
        return True
    # "2,098 million pesos ...: 700 million to the fund": a bare scaled figure in the whole's list
    return (whole.kind == "money" and q.kind == "number" and q.scale is not None and q.scale == whole.scale
            and not _COUNTED_AFTER.match(text[q.end : q.end + 40]))


def _total_after(text: str, inside: list[Quantity], frames: _Frames) -> Parts | None:
    for index, total in enumerate(inside):
        before = text[max(0, total.start - 40) : total.start]
        if not ((frames.total and _TOTAL_BEFORE.search(before))
                or (frames.in_all and _IN_ALL_AFTER.match(text[total.end : total.end + 80]))):
            continue
        parts: list[Quantity] = []
        following = total
        for q in reversed(inside[:index]):
            if len(text[q.end : following.start]) > MAX_GAP or not _part_of(total, q, text) or q.value > total.value * 1.5:
                break
            if parts and not _LIST_GAP.match(text[q.end : following.start]):
                break  # "Revs 1.55 billion vs 2.44 billion": a comparison, not a list
            if q.kind == "percent" and _CHANGE.search(text[max(0, q.start - 20) : q.end + 15]):
                break
            if not _is_amount(text, q):
                break
            parts.insert(0, q)
            following = q
        if len(parts) >= 2 and _can_be_whole(text, total) and not (
                total.kind == "number" and _PER_ITEM.search(text[parts[0].start : total.start])):
            return Parts("parts", (total, *parts), cue="total", whole=total, parts=tuple(parts), exact=True)
    return None


def _percent_split(text: str, inside: list[Quantity], lo: int, hi: int) -> Parts | None:
    """Percentage shares of one unnamed 100%, when the sentence closes the split."""
    sentence = text[lo:hi]
    shares = [q for q in inside if q.kind == "percent" and q.unit == "percent" and not q.is_range]
    if len(shares) < 2 or len(shares) != len([q for q in inside if q.kind in ("percent", "number")]):
        return None
    gaps = [text[a.end : b.start] for a, b in zip(shares, shares[1:])]
    gaps[0] = _FIRST_BASE.sub("", gaps[0])  # "49 pct of the voters, Labour 37 pct": the first names the base
    elliptical = all(_ELLIPSIS.fullmatch(gap) for gap in gaps) and bool(_WHOLE_CUE.search(sentence))
    if not (_REST.search(sentence) or _UNDECIDED.search(sentence) or _SPLIT_WORD.search(sentence) or elliptical):
        return None
    if len(shares) >= 3 and _OWN_BASE.match(text[shares[0].end : shares[0].end + 80]) and re.search(
            r"\brespectively\b", sentence, re.IGNORECASE):
        # "account for 53% of the investment, with shares of 21.6%, 18.6% and 12.8% respectively"
        return Parts("parts", tuple(shares), cue="respectively", whole=shares[0], parts=tuple(shares[1:]), exact=True)
    for index, q in enumerate(shares):
        if _MARKED.search(text[max(lo, q.start - 20) : q.start]):
            return None  # "raised its stake to 15.6% from 12%": endpoints of a change
        around = text[max(lo, q.start - 25) : q.end + 20]
        if _CHANGE.search(around) or q.hedge in _SHARE_BOUNDS:
            return None
        if _TURNOUT.search(text[max(lo, q.start - 30) : q.start]):
            return None
        if index and _OWN_BASE.match(text[q.end : q.end + 80]):
            return None  # "... and 64% of doctors": a second base
        if index + 1 < len(shares):
            gap = text[q.end : shares[index + 1].start]
            if len(gap) > 80 or _SEPARATE_CLAUSE.search(gap) or _RELATIVE.search(gap):
                return None
    # exact only when the split is stated ("split between"); "the remaining 25%" (the other owners may
    # be named in another sentence), "undecided" and "the rest" only bound it
    exact = bool(_SPLIT_WORD.search(sentence))
    return Parts("parts", tuple(shares), cue="shares", whole=None, parts=tuple(shares), exact=exact)
