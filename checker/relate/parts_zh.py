"""Chinese parts and shares: "265家，其中…分别为120家、85家和70家", "…，合计4490亿元", "1480名…，其中1110人合格，合格率为68%".

- parts after 其中 (…分别为) may not add up to more than the total before it; parts before 合计/共计/
  总计/合共 must add up to the total after it;
- a share: a whole, a part of the same measure after it, and a rate (…率为, 占比, 占…的) for the part.
A sentence ends at 。！？； and nothing crosses it.
"""

from __future__ import annotations

import re

from checker.model import Parts, Quantity, Share

_SENTENCE_END = re.compile(r"[。！？；!?;]")
_AMONG = re.compile(r"其中")
_TOTAL_BEFORE = re.compile(r"(?:合计|共计|总计|合共|共)(?:约)?\Z")
_RATE_BEFORE = re.compile(r"(?:率|面|比重|占比)(?:约)?(?:为|达|达到|是)?(?:约)?\Z")
_OF_TARGET = re.compile(r"(?:目标|计划|任务)\Z")
_SHARE_OF = re.compile(r"\A[^\d，。；]{0,3}的\Z")


def _sentences(text: str, quantities: list[Quantity]):
    run: list[Quantity] = []
    for q in quantities:
        if run and _SENTENCE_END.search(text, run[-1].end, q.start):
            yield run
            run = []
        run.append(q)
    if run:
        yield run


def _same(a: Quantity, b: Quantity) -> bool:
    return (a.kind == b.kind and a.currency == b.currency and a.unit == b.unit and not a.is_range and not b.is_range
            and a.kind != "percent")


def find_zh_parts(text: str, quantities: list[Quantity]) -> list[Parts]:
    found: list[Parts] = []
    for qs in _sentences(text, quantities):
        for i, total in enumerate(qs):
            among = _AMONG.search(text, total.end, qs[i + 1].start if i + 1 < len(qs) else total.end + 40)
            if among and i + 1 < len(qs):
                parts = _list(text, total, qs[i + 1 :])
                if len(parts) >= 2 and "分别" not in text[parts[-1].end : parts[-1].end + 6]:
                    found.append(Parts("parts", (total, *parts), cue="其中", whole=total, parts=tuple(parts), exact=False))
            if _TOTAL_BEFORE.search(text[max(0, total.start - 4) : total.start]):
                parts = [q for q in qs[:i] if _same(q, total) and q.value < total.value]
                if len(parts) >= 2:
                    found.append(Parts("parts", (total, *parts), cue="合计", whole=total, parts=tuple(parts), exact=True))
    return found


_COMPARISON = re.compile(r"比|较|多出|增加|减少|增长|下降|相当于|约合")


def _list(text: str, total: Quantity, following: list[Quantity]) -> list[Quantity]:
    """The parts after 其中: figures of the total's measure, in one run, up to a comparison."""
    parts: list[Quantity] = []
    previous = total
    for q in following:
        gap = text[previous.end : q.start]
        if _COMPARISON.search(gap) or (parts and len(gap) > 20):
            break
        if _same(q, total) and q.value < total.value and re.search(r"\d", q.text):
            parts.append(q)
            previous = q
    return parts


def find_zh_shares(text: str, quantities: list[Quantity]) -> list[Share]:
    found: list[Share] = []
    for qs in _sentences(text, quantities):
        for i, stated in enumerate(qs):
            if stated.kind != "percent" or stated.unit != "percent" or "分别" in text[max(0, stated.start - 12) : stated.start]:
                continue
            before = text[max(0, stated.start - 8) : stated.start]
            earlier = [q for q in qs[:i] if q.kind != "percent"]
            if _RATE_BEFORE.search(before) and len(earlier) == 2 and _same(*earlier) and earlier[1].value < earlier[0].value:
                whole, part = earlier
                found.append(Share("share", (whole, part, stated), cue="率", hedge=stated.hedge, part=part, whole=whole,
                                   stated=stated))
            elif len(earlier) >= 2 and _SHARE_OF.match(text[earlier[-1].end : stated.start]) and _same(earlier[-1], earlier[-2]) \
                    and _OF_TARGET.search(text[max(0, earlier[-1].start - 4) : earlier[-1].start]):
                part, whole = earlier[-2], earlier[-1]  # "新增就业12.6万人，完成全年目标14万人的95%"
                found.append(Share("share", (part, whole, stated), cue="的", hedge=stated.hedge, part=part, whole=whole,
                                   stated=stated))
    return found
