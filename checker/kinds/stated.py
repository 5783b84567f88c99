"""Rates and dates the text itself states, for currency-conversion to check a pair against.

"($1 = 6.81 crowns)", "(100 yen = $0.93)" and "at 7.2 yuan to the dollar" state the rate the
writer used: a pair in those currencies is held to that rate, and one that contradicts it is the
slip. "In June 2008 the fund paid A$2.3 billion ($2.2 billion)" dates the conversion: it is
checked at the rates of that month, not only at the document's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from checker.model import Quantity
from checker.vocab import alternation, vocab

# What a writer sets between the two sides of a stated rate: "$1 = 6.81 crowns", "1美元兑7.2元人民币".
_EQUALS = re.compile(rf"\s*(?:{alternation(vocab().cues.stated_rate_joins)})\s*(?:about|around|roughly|some|nearly|约)?\s*$",
                     re.I)
# "at 7.2 yuan to the dollar": the anchor is one of the currencies a rate is quoted against.
_CUES = vocab().cues
_ANCHORS = {word.lower(): code for word, code in _CUES.stated_rate_anchors.items()}
_PER_ANCHOR = re.compile(rf"\s*(?P<link>{alternation(_CUES.stated_rate_links)})\s+(?:the|one|each|a|1)?\s*"
                         rf"(?P<anchor>{alternation(_ANCHORS)})\b", re.I)
# An anchor that is also a unit of weight ("pound") names a currency only after these links: "64.45
# cents a pound" is what a pound of cocoa costs, "1.55 dollars to the pound" what sterling does.
_WEIGHTS = {word.lower() for unit in vocab().units.units for word in unit.words} & set(_ANCHORS)
_WEIGHT_LINKS = {word.lower() for word in _CUES.stated_rate_weight_links}
_AT_BEFORE = re.compile(r"\b(?:at|of|rate of)\s+(?:about|around|roughly|some|nearly|an? (?:average|rate) of)?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class StatedRate:
    """`rate` units of `quote` per one `base`, as the text puts it in `text`."""

    base: str
    quote: str
    rate: float
    text: str
    quantities: tuple[Quantity, ...]

    def per(self, base: str, quote: str) -> float | None:
        """This rate as `quote` per `base`, if it is a rate between those two currencies."""
        if (self.base, self.quote) == (base, quote):
            return self.rate
        if (self.base, self.quote) == (quote, base):
            return 1 / self.rate
        return None


_UNIT_SIDES = (1, 10, 100, 1000)  # the side a stated rate gives first: "$1 =", "100 yen ="


def stated_rates(text: str, quantities: list[Quantity]) -> list[StatedRate]:
    """Every exchange rate the text states outright, in the order written."""
    lowered = text.lower() if text.isascii() else None
    anchored = lowered is None or any(anchor in lowered for anchor in _ANCHORS)
    if not anchored and not any(q.kind == "money" and q.value in _UNIT_SIDES for q in quantities):
        return []  # neither "$1 = ..." (a side of 1, 10, 100, 1000) nor "... to the dollar" can be read here
    money = sorted((q for q in quantities if q.kind == "money" and _codes(q) and q.value > 0),
                   key=lambda q: q.start)
    found: list[StatedRate] = []
    for first, second in zip(money, money[1:]):
        if first.value in _UNIT_SIDES and _EQUALS.fullmatch(text[first.end:second.start]):
            found += [StatedRate(base, quote, second.value / first.value, text[first.start:second.end], (first, second))
                      for base in _codes(first) for quote in _codes(second) if base != quote]
    if not anchored:
        return found  # _PER_ANCHOR, read without case, needs one of its anchors: ASCII copy says none
    for quantity in money:
        anchor = _PER_ANCHOR.match(text, quantity.end)
        if anchor is None or not _AT_BEFORE.search(text, max(0, quantity.start - 40), quantity.start):
            continue
        word = " ".join(anchor.group("anchor").lower().split())
        if word in _WEIGHTS and anchor.group("link").lower() not in _WEIGHT_LINKS:
            continue  # a price per pound of weight
        base = _ANCHORS[word]
        found += [StatedRate(base, quote, quantity.value, text[quantity.start:anchor.end()], (quantity,))
                  for quote in _codes(quantity) if quote != base]
    return found


def _codes(quantity: Quantity) -> tuple[str, ...]:
    """The currencies a figure may be in: its plausible readings ("crowns", no country named), or its currency."""
    return quantity.readings or ((quantity.currency,) if quantity.currency else ())


_Y4 = r"(?:19[89]\d|20\d\d)"
_SPAN = rf"(?P<first>{_Y4}|(?<=FY)\d\d|(?<=FY )\d\d)(?:\s?[/-]\s?(?P<second>{_Y4}|\d\d)(?!\d))?"
_FISCAL = re.compile(
    rf"(?<![A-Za-z0-9.])(?:(?:{alternation(vocab().cues.fiscal_before)})\s?'?{_SPAN}(?![\d.])"
    rf"|{_SPAN.replace('?P<first>', '?P<first2>').replace('?P<second>', '?P<second2>')}(?![\d.])年?\s?"
    rf"(?:{alternation(vocab().cues.fiscal_after)})(?![a-z]))", re.I)


def fiscal_years(sentence: str) -> list[tuple[str, tuple[int, ...]]]:
    """The budget or fiscal years a sentence names as an amount's period ("its 2022/23 budget",
    "FY2023", "the 2024 budget", "2023财年"), as written and as the calendar years they may span:
    a fiscal year straddles two, and a year's budget is drawn up in the one before."""
    found = []
    for match in _FISCAL.finditer(sentence):
        first, second = match.group("first") or match.group("first2"), match.group("second") or match.group("second2")
        start = int(first) if len(first) == 4 else 2000 + int(first)
        if second is None:
            years = (start - 1, start)
        else:
            end = int(second) if len(second) == 4 else start // 100 * 100 + int(second)
            if not 0 <= end - start <= 1:
                continue  # "2022-25" is a plan's span, not one fiscal year
            years = (start, end) if end != start else (start - 1, start)
        found.append((match.group().strip(), years))
    return found


_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTH_YEAR = re.compile(
    r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(?:\d{1,2},?\s+)?((?:19[89]|20\d)\d)\b", re.I)


_A_YEAR = re.compile(r"(?:19[89]|20\d)\d")


def stated_months(sentence: str) -> list[tuple[dt.date, dt.date]]:
    """The months a sentence names with their year ("In June 2008", "on March 3, 2009"), as
    (first day, last day), latest first."""
    months = set()
    if ("19" not in sentence and "20" not in sentence) or not _A_YEAR.search(sentence):
        return []  # every match ends in such a year: a sentence without one is not scanned for month names
    for match in _MONTH_YEAR.finditer(sentence):
        year, month = int(match.group(2)), _MONTHS[match.group(1).lower()]
        months.add((dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])))
    return sorted(months, reverse=True)


_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A timeline entry opens its line with its own date, then a dash or a colon: "August 8 - ",
# "February - ", "March 2009: ", "Nov. 15, 2006 -- ", "2008 — ", "* 2011: ".
# It has no look-behind, so matched at a line's start inside its block it reads what it reads in the
# line cut out (`timeline_month_at`: a long line is not copied for each of its pairs).
_TIMELINE_ENTRY = re.compile(
    rf"\s*(?:[-*•]\s*)?(?:(?P<month>{_MONTH_NAMES})\.?(?:\s+(?P<day>\d{{1,2}}))?,?(?:\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<only_year>(?:19|20)\d\d))\s*(?:--|[-—–:])\s+(?=\D)", re.I)


def timeline_month(line: str, as_of: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The period a timeline entry's own date names, as (first day, last day): its month
    ("August 8 - ...", "February - ...", "March 2009: ...") or its year ("2008 — ..."). An entry
    with no year is in the latest such month on or before the document's date (None undated)."""
    return timeline_month_at(line, 0, as_of)


def timeline_month_at(text: str, start: int, as_of: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """`timeline_month` of the line that starts at `text[start]`."""
    match = _TIMELINE_ENTRY.match(text, start)
    if match is None:
        return None
    if match.group("only_year"):
        year = int(match.group("only_year"))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = _MONTHS[match.group("month").lower()]
    if match.group("year"):
        year = int(match.group("year"))
    elif as_of is None:
        return None
    else:
        year = as_of.year if month <= as_of.month else as_of.year - 1
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def opens_timeline_entry(line: str, start: int = 0) -> bool:
    """Whether the line (the one starting at `line[start]`) opens with a timeline entry's own
    date, with or without its year."""
    return _TIMELINE_ENTRY.match(line, start) is not None
