"""Words around two joined amounts that make the second something other than the first said again.

"24.3 billion punts -- 10,000 dlrs for every man, woman and child" shares the first out per head;
"for either 182.50 marks or 149.50 yen" offers two prices; "31.5 mln Australian dlrs, some seven mln
stg above end-1986 book value" gives a margin. Each joins its figures the way a conversion does ("--",
"or", ", some"), so only the words before the first figure or straight after the second tell them
apart. The words are vocabulary (cues.yaml, changes.yaml, zh_words.yaml).
"""

from __future__ import annotations

import re

from checker.extract.chinese_numerals import fold, zh_alternation
from checker.model import Quantity
from checker.vocab import alternation, vocab

_V = vocab()
_CUES = _V.cues
_SHARE_NOUNS = frozenset(word.lower() for word in _CUES.share_out_nouns)
_SHARE_OUT = re.compile(
    rf"\s*(?:(?:per|a|an)\s+(?:{alternation(_CUES.share_out_nouns)})|{alternation(_CUES.share_out_after)})\b", re.I)
_COMPARATIVES = [*_V.changes.up.comparatives, *_V.changes.down.comparatives, *_CUES.difference_after]
_DIFFERENCE = re.compile(rf"\s*(?:{alternation(_COMPARATIVES)})\b", re.I)
_ALTERNATIVES = re.compile(rf"\b(?:{alternation(_CUES.alternatives_before)})\s+(?:[^\s\d]+\s+){{0,2}}\Z", re.I)
_ZH_SHARE_OUT = re.compile(rf"\s*(?:{zh_alternation(_V.zh('share_out_after'))})")
REACH = 40  # characters before the first figure or after the second that are read


def not_restated(text: str, first: Quantity, second: Quantity, offered: bool) -> str | None:
    """Why two amounts joined as a conversion are not one ("share", "difference", "alternatives"), or None.

    `offered`: the join is an "or", which offers the second figure as an alternative to the first ("for
    either 182.50 marks or 149.50 yen") as often as it restates it ("195 rand or 94 dlrs")."""
    if second.per and second.per.lower() in _SHARE_NOUNS and second.per != first.per:
        return "share"  # "10,000 dlrs a head" beside a total that is not itself per head
    after = text[second.end : second.end + REACH]
    if _SHARE_OUT.match(after) and not _SHARE_OUT.match(text[first.end : first.end + REACH]):
        return "share"
    if _DIFFERENCE.match(after):
        return "difference"
    if offered and _ALTERNATIVES.search(text, max(0, first.start - REACH), first.start):
        return "alternatives"
    return None


def zh_not_restated(text: str, first: Quantity, second: Quantity) -> str | None:
    """The Chinese form of `not_restated`: "243亿英镑，约合1万美元/人" shares the first figure out.
    Alternatives (或者, 要么) and margins (高出, 多出) stand between the figures, where the gap
    reader already refuses them."""
    if _ZH_SHARE_OUT.match(fold(text[second.end : second.end + REACH])):
        return "share"
    return None
