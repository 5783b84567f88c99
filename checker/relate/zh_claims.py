"""Arithmetic claims in Chinese copy, as the same relation records the English finders make.

- changes with both endpoints: "由A增至B，同比增长X%", "从A降至B，降幅X%", "B，比去年同期的A增长X%",
  "B，同比增长X%，去年同期为A", "提高了X个百分点" (points), "翻了一番" (x2), "翻两番" (x4),
  "是去年的3倍" (x3), "减少一半" (x0.5), "上涨两成" (+20%) -> (start, end)
  as `Change` records, as `changes` makes them; "增长了X倍" is x(X+1) by the book and xX in much copy,
  so the record carries both (`alternative`);
- a stated difference ("增加475亿元", "多出5兆日圆") -> `Difference`;
- parts of a stated whole: "N，其中a、b、c" (the parts may not exceed it), "a、b和c，合计N" (they make
  it up), "比例分别为40%、33%和32%" (shares of one whole), "31名常委参加表决，赞成18票，反对9票，弃权5票";
- a share of a whole: "A，占B的X%", "其中A，X率为Y%", "完成全年目标B的X%", "打八折，原价A…现价B"
  -> `Share`. Parts of a whole become `Parts`.

Everything is read on the folded text (traditional and full-width forms mapped to simplified, one
character for one), and only inside one sentence (up to 。；！？).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fractions import Fraction

from checker.extract.chinese_lexicon import ZH_UNITS
from checker.extract.chinese_numerals import fold, zh_alternation, zh_class, zh_words
from checker.model import Change, Difference, Parts, Quantity, Relation, Share
from checker.relate.clauses import sentences, within
from checker.vocab import vocab

_SENTENCE = re.compile(r"[。；;！？!?\n]")

_V = vocab()
_ZH = _V.changes.zh


def _any(concept: str) -> str:
    """A group matching any word of a zh_words.yaml entry."""
    return f"(?:{zh_alternation(_V.zh(concept))})"


_NOUN_TAIL = "(?:为|达|约为|约)?"  # 增幅为12%, 降幅达5%
_UP_TO = zh_alternation(_ZH.up_to)
_DOWN_TO = zh_alternation(_ZH.down_to)
_TO = rf"(?P<to>{_UP_TO}|{_DOWN_TO}|{zh_alternation(_ZH.end_verbs)})"
_UP = rf"(?:{zh_alternation(_ZH.up_nouns)}){_NOUN_TAIL}|(?:{zh_alternation(_ZH.up)})了?"
_DOWN = rf"(?:{zh_alternation(_ZH.down_nouns)}){_NOUN_TAIL}|(?:{zh_alternation(_ZH.down)})了?"
_CHANGE_WORD = re.compile(
    rf"(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s*(?P<hedge>{_any('change_hedge')})?\s*\Z")
_FROM_BEFORE = re.compile(rf"{_any('from')}[^，,。；0-9]{{0,12}}\Z|{_any('from')}[^，,。；]{{0,12}}?年(?:度)?的\Z")
_ENDPOINT_GAP = re.compile(rf"\A\s*{_TO}\s*了?(?:[^，,。；0-9]{{0,8}}|[^，,。；]{{0,10}}年(?:度)?的)\Z")
_COMPARED_GAP = re.compile(rf"\A\s*[，,]?\s*{_any('compared')}[^。；，,]{{0,16}}\Z")
_LAST_YEAR_WAS = re.compile(rf"{_any('last_year')}(?:同期)?(?:为|是|有)\s*\Z")
_FACTORS = {fold(word): float(Fraction(factor)) for word, factor in _ZH.multiples.items()}
_MULTIPLE = re.compile(zh_alternation(_FACTORS))
_TIMES = re.compile(r"是[^，,。；0-9]{0,8}的\s*\Z")
_NOT_A_RUN = re.compile(rf"{_any('not_a_list')}|（|\(")

def find_zh_claims(text: str, quantities: list[Quantity]) -> list[Relation]:
    """Chinese change, part and share claims among `quantities`, in text order."""
    folded = fold(text)
    relations: list[Relation] = []
    for start, end in sentences(folded, _SENTENCE):
        inside = within(quantities, start, end)
        if len(inside) < 2:
            continue
        relations += _changes(folded, inside, start, end)
        relations += _parts(folded, inside, start, end)
        relations += _shares(folded, inside, start, end)
    relations.sort(key=lambda r: min(q.start for q in r.quantities))
    return [_cue_as_written(text, folded, r) for r in relations]


def _cue_as_written(text: str, folded: str, relation: Relation) -> Relation:
    """The claim's words as the writer printed them ("增長了3倍", not the folded "增长了3倍"): the fold
    keeps every offset, so the cue found in the folded text near the figures is read off the original."""
    cue = relation.cue
    if not cue or text == folded:
        return relation
    lo = max(0, min(q.start for q in relation.quantities) - 40)
    at = folded.find(cue, lo, max(q.end for q in relation.quantities) + 40)
    return relation if at < 0 else replace(relation, cue=text[at : at + len(cue)])


# ---------------------------------------------------------------- measures


# What a bare number counts, read from the word after it: a classifier (家, 人, 件) or a unit word the
# extractor left as a bare number (吨, 斤, 公里): units.yaml's, but not those that need a context (度).
_CLASSIFIER = re.compile(
    rf"\s*(?:多|余)?\s*({zh_alternation([u for u, (_, context, guard) in ZH_UNITS.items() if not (context or guard)] + _V.zh('counters'))})"
)
_PEOPLE = set(zh_words(_V.zh("people")))


def _measure(folded: str, q: Quantity) -> tuple | None:
    """What a figure counts: a currency, a unit, a percentage, or the classifier after a number."""
    if q.is_range or q.value <= 0:
        return None
    if q.kind == "money":
        return ("money", q.currency) if q.currency else None
    if q.kind == "physical":
        return ("physical", q.unit)
    if q.kind == "percent":
        return ("percent", q.unit)
    match = _CLASSIFIER.match(folded, q.end)
    if not match:
        return None
    word = match.group(1)
    return ("count", "人" if word in _PEOPLE else word)


def _end(folded: str, q: Quantity) -> int:
    """Where a figure ends with its classifier: 8900万吨, 12名."""
    if q.kind == "number":
        match = _CLASSIFIER.match(folded, q.end)
        if match:
            return match.end()
    return q.end


def _same(folded: str, a: Quantity, b: Quantity) -> bool:
    ma = _measure(folded, a)
    return ma is not None and ma == _measure(folded, b)


# ---------------------------------------------------------------- changes


def _changes(folded: str, inside: list[Quantity], lo: int, hi: int) -> list[Relation]:
    relations = []
    # Bare numbers that count nothing (A股两市, 前一交易日) do not break "A，较…B增加C".
    inside = [q for q in inside if _measure(folded, q) is not None or folded[q.end : q.end + 1] == "倍"]
    for a, b in zip(inside, inside[1:]):
        if not _same(folded, a, b):
            continue
        gap = folded[_end(folded, a) : b.start]
        before = folded[max(lo, a.start - 16) : a.start]
        if _FROM_BEFORE.search(before) and _ENDPOINT_GAP.match(gap):
            verb = _ENDPOINT_GAP.match(gap).group("to")
            direction = "up" if re.fullmatch(_UP_TO, verb) else "down" if re.fullmatch(_DOWN_TO, verb) else None
            relations += _stated_for(folded, inside, a, b, a, b, direction, lo, hi)
        elif _COMPARED_GAP.match(gap):
            relations += _stated_after(folded, inside, start=b, end=a, last=b, hi=hi)
    for i, end in enumerate(inside):
        # "B，同比增长X%，去年同期为A"
        for start in inside[i + 1 :]:
            if not _same(folded, start, end):
                continue
            if _LAST_YEAR_WAS.search(folded[max(lo, start.start - 10) : start.start]):
                between = [q for q in inside if end.end <= q.start and q.end <= start.start]
                relations += [r for r in _stated_between(folded, between, start, end)]
            break
    return relations


def _stated_for(folded, inside, a, b, start, end, direction, lo, hi) -> list[Relation]:
    """The change stated for "由A至B": right after B, or in the clause before 由/从."""
    after = _stated_after(folded, inside, start=start, end=end, last=b, hi=hi)
    if after:
        return after
    earlier = [q for q in inside if q.end <= a.start]
    clause_start = max(lo, folded.rfind("，", lo, a.start - 1) - 30)
    for q in reversed(earlier):
        if q.start < clause_start:
            break
        relation = _as_change(folded, q, start, end, lo)
        if relation is not None:
            return [relation]
    multiple = _MULTIPLE.search(folded, max(lo, a.start - 30), a.start)
    if multiple is None:
        after_b = folded[_end(folded, b) : _end(folded, b) + 12]
        found = _MULTIPLE.search(after_b)
        multiple = found if found and not re.search(r"[0-9。；]", after_b[: found.start()]) else None
    if multiple is not None:
        return [_factor_relation(multiple, start, end)]
    return []


def _stated_after(folded, inside, start, end, last, hi) -> list[Relation]:
    """"…B，增加C（，约增X%）": a difference, a percentage or both, straight after the endpoints."""
    relations = []
    later = [q for q in inside if q.start >= last.end]
    cursor = _end(folded, last)
    for q in later[:2]:
        gap = folded[cursor : q.start]
        if len(gap) > 14 or re.search(r"[。；]", gap):
            break
        word = _CHANGE_WORD.search(gap)
        if word is None:
            break
        if q.kind == "percent":
            relations.append(_percent_relation(q, start, end, word))
        elif _times_after(folded, q) and word.group("up"):
            relations.append(_ambiguous_times(q, start, end, word))
        elif _same(folded, q, start):
            relations.append(_difference(q, start, end, word))
        else:
            break
        cursor = q.end
    if not relations:
        after = folded[cursor : cursor + 14]
        multiple = _MULTIPLE.search(after)
        if multiple and not re.search(r"[0-9。；]", after[: multiple.start()]):
            relations.append(_factor_relation(multiple, start, end))
    return relations


def _stated_between(folded, between, start, end) -> list[Relation]:
    for q in between:
        word = _CHANGE_WORD.search(folded[max(0, q.start - 8) : q.start])
        if q.kind == "percent" and word:
            return [_percent_relation(q, start, end, word)]
    return []


def _as_change(folded, q, start, end, lo) -> Relation | None:
    """A figure before "由A至B" that states the change: "同比增长8%", "上涨两成", "是去年的3倍"."""
    before = folded[max(lo, q.start - 8) : q.start]
    word = _CHANGE_WORD.search(before)
    if q.kind == "percent" and word:
        return _percent_relation(q, start, end, word)
    if _times_after(folded, q) and word and word.group("up"):
        return _ambiguous_times(q, start, end, word)
    if _times_after(folded, q) and _TIMES.search(folded[max(lo, q.start - 12) : q.start]):
        return Change("change", (start, end), cue=f"是…的{q.text}倍", measure="factor", value=q.value,
                      direction="up" if q.value >= 1 else "down")
    return None


def _times_after(folded: str, q: Quantity) -> bool:
    return q.kind == "number" and folded[q.end : q.end + 1] == "倍"


def _ambiguous_times(q: Quantity, start: Quantity, end: Quantity, word: re.Match) -> Relation:
    """"增长了3倍": x4 by the book, x3 in much copy. Either reading passes; neither is only info."""
    cue = f"{word.group(0).strip()}{q.text}倍"
    return Change("change", (start, end), cue=cue, measure="factor", value=q.value + 1, direction="up",
                  alternative=q.value)


def _percent_relation(stated: Quantity, start: Quantity, end: Quantity, word: re.Match) -> Relation:
    cue = word.group(0).strip()
    points = stated.unit == "percentage_point"
    hedge = word.group("hedge") or stated.hedge or (cue[0] if cue.startswith("约") else None)
    return Change("change", (start, end), cue=cue, hedge=hedge, measure="points" if points else "percent",
                  value=stated.value, direction="down" if word.group("down") else "up", stated=stated)


def _factor_relation(match: re.Match, start: Quantity, end: Quantity) -> Relation:
    factor = _FACTORS[match.group(0)]
    return Change("change", (start, end), cue=match.group(0), measure="factor", value=factor,
                  direction="down" if factor < 1 else "up")


def _difference(diff: Quantity, start: Quantity, end: Quantity, word: re.Match) -> Relation:
    """"由A增至B，增加C", "B，比A多出C": C is the gap between the two."""
    return Difference("difference", (end, start, diff), cue=word.group(0).strip(), first=end, second=start, stated=diff)


# ---------------------------------------------------------------- parts

_AMONG = re.compile(r"其中")
_TOTAL_WORD = re.compile(rf"{_any('totals')}(?:约|达|为|是)?\s*\Z")
_LIST_GAP = re.compile(r"\A[^0-9。；]{0,16}\Z")
# "200万个单位，每个单位包括两股普通股和一份认股权证": what one unit holds, not the count's parts
_PER_ITEM = re.compile(_any("per_item"))
_SHARE_CUE = re.compile(_any("share_list"))
_VOTES = re.compile(rf"{_any('votes')}\s*\Z")
_VOTERS = re.compile(rf"\s*{zh_class(_V.zh('people'))}[^0-9，,。；]{{0,8}}{_any('took_part')}(?:了)?"
                     rf"{_any('vote')}")


def _parts(folded: str, inside: list[Quantity], lo: int, hi: int) -> list[Relation]:
    relations = []
    among = _AMONG.search(folded, lo, hi)
    if among:
        relations += _parts_of_total_before(folded, inside, among.end(), lo)
    relations += _parts_before_total(folded, inside, lo)
    shares = _share_list(folded, inside, lo)
    if shares is not None:
        relations.append(shares)
    votes = _votes(folded, inside)
    if votes is not None:
        relations.append(votes)
    return relations


def _parts_of_total_before(folded, inside, after, lo) -> list[Relation]:
    """"N…，其中a、b、c": the parts listed after 其中, grouped by what they count, each under the
    last figure of the same measure before 其中. "其中" lists need not be complete: parts may not
    exceed the whole, but may fall short of it."""
    listed = _list_run(folded, [q for q in inside if q.start >= after], after)
    before = [q for q in inside if q.end <= after]
    relations = []
    groups: dict[tuple, list[Quantity]] = {}
    for q in listed:
        measure = _measure(folded, q)
        if measure is not None and measure[0] != "percent":
            groups.setdefault(measure, []).append(q)
    for measure, parts in groups.items():
        totals = [q for q in before if _measure(folded, q) == measure]
        if len(parts) >= 2 and totals and not _PER_ITEM.search(folded, totals[-1].end, parts[-1].end):
            relations.append(Parts("parts", (totals[-1], *parts), cue="其中", whole=totals[-1], parts=tuple(parts), exact=False))
    return relations


def _list_run(folded: str, following: list[Quantity], start: int) -> list[Quantity]:
    """Figures that follow one another as a list: short gaps with no comparison between them."""
    run: list[Quantity] = []
    cursor = start
    for q in following:
        gap = folded[cursor : q.start]
        if not _LIST_GAP.match(gap) or _NOT_A_RUN.search(gap):
            break
        run.append(q)
        cursor = q.end
    return run


def _parts_before_total(folded, inside, lo) -> list[Relation]:
    """"a、b和c，合计N": the parts right before the total word make it up."""
    relations = []
    for index, total in enumerate(inside):
        if not _TOTAL_WORD.search(folded[max(lo, total.start - 6) : total.start]):
            continue
        measure = _measure(folded, total)
        parts: list[Quantity] = []
        cursor = total.start - len(_TOTAL_WORD.search(folded[max(lo, total.start - 6) : total.start]).group(0))
        for q in reversed(inside[:index]):
            gap = folded[q.end : cursor]
            if _measure(folded, q) != measure or not _LIST_GAP.match(gap) or _NOT_A_RUN.search(gap):
                break
            parts.insert(0, q)
            cursor = q.start
        if len(parts) >= 2 and not _PER_ITEM.search(folded, max(lo, parts[0].start - 12), total.start):
            relations.append(Parts("parts", (total, *parts), cue="合计", whole=total, parts=tuple(parts), exact=True))
    return relations


def _share_list(folded, inside, lo) -> Relation | None:
    """"比例分别为40%、33%和32%": shares of one whole, which may not pass 100%."""
    percents = [q for q in inside if q.kind == "percent" and q.unit == "percent" and not q.is_range]
    if len(percents) < 2:
        return None
    first = percents[0]
    lead = folded[max(lo, first.start - 30) : first.start]
    if "分别" not in lead or not _SHARE_CUE.search(lead) or re.search(r"和[^，,]*的\s*\Z", lead):
        return None
    run = _list_run(folded, percents[1:], first.end)
    if len(run) + 1 != len(percents):
        return None
    return Parts("parts", tuple(percents), cue="分别", whole=None, parts=tuple(percents), exact=False)


def _votes(folded, inside) -> Relation | None:
    """"31名常委参加表决，赞成18票，反对9票，弃权5票": the votes cannot outnumber the voters."""
    votes = [q for q in inside if q.kind == "number" and _VOTES.search(folded[max(0, q.start - 3) : q.start])]
    voters = [q for q in inside if q.kind == "number" and _VOTERS.match(folded, q.end)]
    if len(votes) >= 2 and voters:
        return Parts("parts", (voters[0], *votes), cue="表决", whole=voters[0], parts=tuple(votes), exact=False)
    return None


# ---------------------------------------------------------------- shares

_OF_WHOLE = re.compile(rf"\A[^0-9。；]{{0,6}}?{_any('of_whole')}(?:了)?[^0-9。；]{{0,12}}\Z")
_OF_TAIL = re.compile(r"\A\s*的\s*(?P<hedge>约)?\s*\Z")
_RATE_WORD = re.compile(rf"{_any('rate_of')}\s*(?:为|达|是|约为|达到)?\s*(?P<hedge>约)?\s*\Z")
_SHARE_OF_WHOLE = re.compile(r"占\s*(?P<hedge>约)?\s*\Z|占比\s*(?:约)?(?:为|达)?\s*(?P<hedge2>约)?\s*\Z")
_WITHIN_WHOLE = re.compile(r"\A\s*\S?的[^0-9，,。；]{0,10}中\s*(?:的)?(?:占比|占)")
_DISCOUNT_PRICE = re.compile(rf"{_any('list_price')}\s*\Z")
_SALE_PRICE = re.compile(rf"{_any('sale_price')}\s*(?:为|是)?\s*\Z")


def _shares(folded: str, inside: list[Quantity], lo: int, hi: int) -> list[Relation]:
    relations = []
    for i, stated in enumerate(inside):
        if stated.kind != "percent" or stated.unit != "percent":
            continue
        earlier = [q for q in inside[:i] if q.kind in ("money", "number", "physical")]
        relation = (_part_of_named_whole(folded, earlier, stated)
                    or _rate_of_counts(folded, earlier, stated, lo))
        if relation is not None:
            relations.append(relation)
    relations += _discounts(folded, inside)
    return relations


def _part_of_named_whole(folded, earlier, stated) -> Relation | None:
    """"A，占B的X%", "A，完成全年目标B的X%"."""
    if len(earlier) < 2:
        return None
    part, whole = earlier[-2], earlier[-1]
    tail = _OF_TAIL.match(folded[_end(folded, whole) : stated.start])
    if not tail or not _OF_WHOLE.match(folded[_end(folded, part) : whole.start]) or not _same(folded, part, whole):
        return None
    return Share("share", (part, whole, stated), cue="占…的", hedge=tail.group("hedge") or stated.hedge,
                 part=part, whole=whole, stated=stated)


def _rate_of_counts(folded, earlier, stated, lo) -> Relation | None:
    """"全县常住人口82万人，其中城镇人口45万人，城镇化率为62%", "…其中224名，占39.4%"."""
    if len(earlier) < 2:
        return None
    whole, part = earlier[-2], earlier[-1]
    lead = folded[part.end : stated.start]
    if _WITHIN_WHOLE.search(lead):  # "38万辆，在全国310万辆的市场中占比约为18%": the whole comes second
        whole, part = part, whole
    rate = _RATE_WORD.search(lead) or _SHARE_OF_WHOLE.search(lead)
    if rate is None or re.search(r"[0-9]", lead) or len(lead) > 16:
        return None
    if whole.kind != part.kind or part.value >= whole.value * 1.5 or whole.kind == "percent":
        return None
    if part.kind == "money" and part.currency != whole.currency:
        return None
    if part.kind == "number" and (_measure(folded, part) is None or _measure(folded, whole) is None):
        return None
    hedge = rate.groupdict().get("hedge") or rate.groupdict().get("hedge2") or stated.hedge
    return Share("share", (part, whole, stated), cue=rate.group(0).strip(), hedge=hedge, part=part, whole=whole,
                 stated=stated)


def _discounts(folded, inside) -> list[Relation]:
    """"全场七折，原价1200元的羽绒服现价840元": the sale price is the discount times the price."""
    relations = []
    for i, stated in enumerate(inside):
        if stated.kind != "percent" or not folded[stated.start : stated.end].rstrip().endswith("折"):
            continue
        prices = [q for q in inside[i + 1 :] if q.kind == "money"]
        if len(prices) < 2:
            continue
        whole, part = prices[0], prices[1]
        if (_DISCOUNT_PRICE.search(folded[max(0, whole.start - 4) : whole.start])
                and _SALE_PRICE.search(folded[max(0, part.start - 6) : part.start]) and whole.currency == part.currency):
            relations.append(Share("share", (part, whole, stated), cue="折", part=part, whole=whole, stated=stated))
    return relations
