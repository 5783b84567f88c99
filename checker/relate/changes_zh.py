"""Chinese change claims: "由3.1%升至5.1%，上升了2%", "比去年同期的1.18万元增长12.5%", "翻了两番".

The same frame as the English reader (a stated change, a start and an end, in one sentence), read
from Chinese role words: the start after 由/从 or 比/较 (…的), the end after 增至/降至/提高到…, the
stated change after 增长/下降/增幅/降幅… (percent, 个百分点 points, 两成 tenths), or a multiple
(翻了一番 ×2, 翻两番 ×4, 减少一半 ×½, N倍). A sentence ends at 。！？； and a claim never crosses it.
"""

from __future__ import annotations

import re

from checker.model import Change, Quantity
from checker.relate.claim_words import ZH_DOWN, ZH_END_VERBS, ZH_MULTIPLES, ZH_TENTHS, ZH_UP

_SENTENCE_END = re.compile(r"[。！？；!?;]")
_END_VERB = "|".join(sorted(ZH_END_VERBS, key=len, reverse=True))
_CHANGE = "|".join(sorted(ZH_UP + ZH_DOWN, key=len, reverse=True))
_UNIT = r"[^\d\s，,。；、%％]{0,3}"
# A (unit) 增至 B
_FROM_TO = re.compile(rf"\A{_UNIT}(?:{_END_VERB})(?:了)?(?:[^\d，,。；]{{0,8}}的)?\Z")
_FROM_BEFORE = re.compile(r"(?:由|从)(?:(?:\d{4}年)?[^\d，,。；]{0,12}的|每[^\d，,。；]{0,2})?\Z")
# B，增长20% / 增幅达25% / 上升了2% / 提高了50个百分点 / 约增12.9%
_STATED_AFTER = re.compile(rf"\A{_UNIT}[，,、]?\s*(?:[^\d，,。；]{{0,10}}[，,、])?(?:同比|约|共)?(?P<cue>{_CHANGE})(?:了|为|达|约|达到|幅度为|幅为)*\Z")
# 同比增长8%，由去年同期的A降至B
_STATED_BEFORE_VERB = re.compile(rf"(?P<cue>{_CHANGE})(?:了|为|达|约)*\Z")
_STATED_BEFORE_GAP = re.compile(r"\A[^\d。；]{0,3}[，,]\s*(?:由|从)(?:[^\d，,。；]{0,12}的)?\Z")
# B，比去年同期的A增长12.5%
_THAN_GAP = re.compile(rf"\A{_UNIT}[，,]?\s*(?:比|较)(?:[^\d，,。；]{{0,12}}的)?\Z")
_THAN_CUE = re.compile(rf"\A{_UNIT}(?P<cue>{_CHANGE})(?:了|为|达|约)*\Z")
# B，同比增长12%，去年同期为A
_LAST_YEAR = re.compile(r"\A[，,]\s*(?:去年同期|上年同期|上年|去年)(?:为|是)\Z")


def find_zh_change_claims(text: str, quantities: list[Quantity]) -> list[Change]:
    found: list[Change] = []
    for sentence in _sentences(text, quantities):
        found.extend(_from_to_claims(text, sentence))
        found.extend(_than_claims(text, sentence))
    return found


def _sentences(text: str, quantities: list[Quantity]):
    run: list[Quantity] = []
    for q in quantities:
        if run and _SENTENCE_END.search(text, run[-1].end, q.start):
            yield run
            run = []
        run.append(q)
    if run:
        yield run


def _from_to_claims(text: str, qs: list[Quantity]):
    for i, (a, b) in enumerate(zip(qs, qs[1:])):
        if not (_FROM_TO.match(text[a.end : b.start]) and _FROM_BEFORE.search(text[max(0, a.start - 14) : a.start])):
            continue
        if not _same(a, b):
            continue
        word = _multiple(text, max(0, a.start - 30), min(len(text), b.end + 20))
        if word:
            yield _factor(a, b, *word)
            continue
        after = qs[i + 2] if i + 2 < len(qs) else None
        if after is not None and after.kind == "percent":
            match = _STATED_AFTER.match(text[b.end : after.start])
            if match:
                yield _percent(a, b, after, match.group("cue"), text)
                continue
        tenths = _tenths(text, max(0, a.start - 30), a.start) or _tenths(text, b.end, min(len(text), b.end + 15))
        if tenths:
            yield _tenths_change(a, b, *tenths)
            continue
        before = qs[i - 1] if i >= 1 else None
        if before is not None and before.kind == "percent" and _STATED_BEFORE_GAP.match(text[before.end : a.start]):
            verb = _STATED_BEFORE_VERB.search(text[max(0, before.start - 8) : before.start])
            if verb:
                yield _percent(a, b, before, verb.group("cue"), text)


def _than_claims(text: str, qs: list[Quantity]):
    for b, a, stated in zip(qs, qs[1:], qs[2:]):
        if stated.kind == "percent" and _same(a, b) and _THAN_GAP.match(text[b.end : a.start]):
            cue = _THAN_CUE.match(text[a.end : stated.start])
            if cue:
                yield _percent(a, b, stated, cue.group("cue"), text)
    for b, stated, a in zip(qs, qs[1:], qs[2:]):
        if stated.kind == "percent" and _same(a, b) and _LAST_YEAR.match(text[stated.end : a.start]):
            cue = _STATED_BEFORE_VERB.search(text[b.end : stated.start])
            if cue:
                yield _percent(a, b, stated, cue.group("cue"), text)


def _same(a: Quantity, b: Quantity) -> bool:
    return (not a.is_range and not b.is_range and a.value > 0 and b.value > 0 and a.kind == b.kind
            and a.currency == b.currency and a.unit == b.unit and 1 / 20 <= a.value / b.value <= 20)


def _direction(cue: str) -> str:
    return "down" if any(cue.startswith(w) or w in cue for w in ZH_DOWN) else "up"


def _percent(start: Quantity, end: Quantity, stated: Quantity, cue: str, text: str) -> Change:
    points = stated.unit == "percentage_point" or "百分点" in stated.text
    return Change("change", (start, end), cue=cue, hedge=stated.hedge or ("约" if "约" in cue else None),
                  measure="points" if points else "percent", value=stated.value, direction=_direction(cue),
                  stated=stated)


def _multiple(text: str, lo: int, hi: int):
    window = text[lo:hi]
    for word, factor in sorted(ZH_MULTIPLES.items(), key=lambda item: -len(item[0])):
        if word in window:
            return word, factor
    times = re.search(r"是[^\d，。；]{0,8}的(\d+(?:\.\d+)?)倍", window)
    if times:
        return times.group(0), float(times.group(1))
    return None


def _factor(start: Quantity, end: Quantity, cue: str, factor: float) -> Change:
    return Change("change", (start, end), cue=cue, hedge=None, measure="factor", value=factor,
                  direction="down" if factor < 1 else "up")


def _tenths(text: str, lo: int, hi: int):
    match = re.search(rf"(?P<cue>{_CHANGE}|降价|涨价|打)(?P<n>[{''.join(ZH_TENTHS)}])成", text[lo:hi])
    if match:
        return match.group("cue"), ZH_TENTHS[match.group("n")] * 10
    return None


def _tenths_change(start: Quantity, end: Quantity, cue: str, percent: float) -> Change:
    stated = Quantity(f"{percent:g}%", start.start, start.start, percent, "percent", unit="percent", sig_digits=1)
    return Change("change", (start, end), cue=cue, hedge=None, measure="percent", value=percent,
                  direction=_direction(cue), stated=stated)
