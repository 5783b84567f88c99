"""currency-conversion: an amount and its conversion must agree at the rate of the document's date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.messages import Messages, zh_money, zh_rate
from checker.kinds.restate import format_money, restate
from checker.kinds.tolerance import allowed, near_power_of_ten
from checker.model import Problem, Quantity, Relation
from checker.rates import NoRate, RateWindow


class CurrencyConversionParams(Params):
    tolerance: float = Field(0.08, ge=0, lt=1, description="base relative tolerance around the rate range")
    hedge_tolerance: float = Field(0.07, ge=0, lt=1, description="added when a hedge word qualifies a figure")
    window_days: int = Field(90, ge=0, le=3650, description="days before the document's date whose rates are accepted")
    undated_window_days: int = Field(365, ge=1, le=3650, description="days at the end of the table used when no date is known")
    undated_history_days: int = Field(
        3650, ge=0, le=20000,
        description="without a date, a pair that fails the last year but fits a rate of this many days is only info",
    )
    report_unchecked: bool = Field(True, description="report pairs that cannot be checked (no rate) as info")
    fix_slack: float = Field(0.3, ge=0, lt=1, description="how close to a power of ten a gap must be to suggest a scale fix")


@register("currency-conversion", CurrencyConversionParams)
class CurrencyConversion(Check):
    """A money amount and its conversion into another currency must agree.

    Pairs such as "600 billion yuan ($8.5 billion)", "€3.2m (about $3.5m)" or "1,000 yen, or
    about $7," are checked against ECB reference rates (cross-rated through the euro) over a window
    before the document's date (`--date`, front matter or HTML meta). The tolerance is the base
    `tolerance`, widened by the rounding of both printed figures and by hedge words. When the gap is
    close to a power of ten, the finding proposes the fixes that would make the pair agree. Pairs
    whose currencies have no rate at that date are reported as unchecked (info), never as passing.
    """

    consumes = ("conversion",)

    params: CurrencyConversionParams

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        for relation in block.relations:
            if relation.kind != "conversion":
                continue  # change and part/whole relations hold other numbers of quantities
            stated, converted = relation.quantities
            if stated.kind == "money" and converted.kind == "money":
                problem = self._check_pair(relation, stated, converted, block.text)
                if problem is not None:
                    yield problem

    def _check_pair(self, relation: Relation, stated: Quantity, converted: Quantity, text: str) -> Problem | None:
        if stated.value == 0 or converted.value == 0:
            return None
        readings = [(b, q) for b in _readings(stated) for q in _readings(converted) if b != q]
        verdicts = []
        for base, quote in readings:
            window = self.env.rates.window(
                base, quote, self.env.date, self.params.window_days, self.params.undated_window_days
            )
            if isinstance(window, NoRate):
                verdicts.append((base, quote, window, None))
                continue
            gap = self._gap(stated, converted, relation, window)
            if gap is None:
                return None  # one reading agrees: the pair is fine
            verdicts.append((base, quote, window, gap))
        checked = [v for v in verdicts if v[3] is not None]
        if checked:
            base, quote, window, factor = checked[0]
            named = self._fits_a_named_year(relation, stated, converted, base, quote, text)
            if named is not None:
                return self._undecided(stated, converted, named, "currency.why_named_year", text, named.latest_date.year)
            if self.env.date is None or getattr(relation, "at_the_time", False):
                older = self._fits_older_rates(relation, stated, converted, base, quote)
                if older is not None:
                    why = "currency.why_no_date" if self.env.date is None else "currency.why_at_the_time"
                    return self._undecided(stated, converted, older, why, text)
            return self._mismatch(relation, stated, converted, window, factor, text)
        if verdicts and self.params.report_unchecked:
            return self._unchecked(stated, converted, verdicts[0][2], text)
        return None

    def _gap(self, stated: Quantity, converted: Quantity, relation: Relation, window: RateWindow) -> float | None:
        """None when the pair agrees; else the factor by which the converted figure is off."""
        tolerance = allowed(
            self.params.tolerance, stated, converted,
            hedge=relation.hedge, hedge_tolerance=self.params.hedge_tolerance,
        )
        low, high = window.low * (1 - tolerance), window.high * (1 + tolerance)
        pairs = [(stated.value, converted.value)]
        if stated.high is not None and converted.high is not None:
            pairs.append((stated.high, converted.high))
        for amount, conversion in pairs:
            implied = conversion / amount
            if implied <= 0 or not (low <= implied <= high):
                return (amount * window.latest) / conversion
        return None

    def _mismatch(
        self, relation: Relation, stated: Quantity, converted: Quantity, window: RateWindow, factor: float,
        text: str,
    ) -> Problem:
        expected = stated.value * window.latest
        messages = Messages(text)
        if messages.chinese:
            return self._mismatch_zh(relation, stated, converted, window, factor, text, messages)
        expected_text = format_money(expected, converted.currency)
        key = "currency.too_small" if factor > 1 else "currency.too_large"
        how_far = messages.say(key, converted=converted.display, factor=f"{max(factor, 1 / factor):.3g}")
        message = messages.say("currency.mismatch", stated=stated.display, expected=expected_text,
                               rate=_rate_text(window, messages), converted=converted.display, how_far=how_far)
        if window.note:
            message += f" ({window.note})"
        fixes = []
        power = near_power_of_ten(factor, self.params.fix_slack)
        opening, closing = _wrapping(relation)
        if power is not None:
            fixes.append(f"{restate(stated, stated.value / 10**power)}{opening}{converted.display}{closing}")
        fixes.append(f"{stated.display}{opening}about {expected_text}{closing}" if "about" not in opening
                     else f"{stated.display}{opening}{expected_text}{closing}")
        evidence = self._mismatch_evidence(relation, stated, converted, window, factor, text, power)
        return Problem((stated, converted), message, messages.say("fix.or").join(fixes), evidence)

    def _mismatch_zh(
        self, relation: Relation, stated: Quantity, converted: Quantity, window: RateWindow, factor: float,
        text: str, messages: Messages,
    ) -> Problem:
        """The Chinese finding: "600亿元按欧洲央行…汇率约合820亿美元，而非8.5亿美元", fixes in the writer's notation."""
        expected = stated.value * window.latest
        expected_text = messages.word(zh_money(expected, converted.currency, like=converted))
        key = "currency.too_small" if factor > 1 else "currency.too_large"
        how_far = messages.say(key, converted=converted.display, factor=f"{max(factor, 1 / factor):.3g}")
        message = messages.say("currency.mismatch", stated=stated.display, rate=zh_rate(window, messages),
                               expected=expected_text, converted=converted.display, how_far=how_far)
        if window.note:
            message += f"（{_note_zh(window.note, messages)}）"
        gap = " ".join(text[stated.end : converted.start].split())
        closing = "）" if "（" in gap else ")" if "(" in gap else ""
        power = near_power_of_ten(factor, self.params.fix_slack)
        fixes = []
        if power is not None:
            fixes.append(f"{restate(stated, stated.value / 10**power)}{gap}{converted.display}{closing}")
        if re.search(r"[约約]", gap):
            fixes.append(f"{stated.display}{gap}{expected_text}{closing}")
        else:
            about = messages.say("currency.about", amount=expected_text)
            fixes.append(f"{stated.display}{gap}{about}{closing}" if closing else f"{stated.display}{gap}{expected_text}")
        problem = self._mismatch_evidence(relation, stated, converted, window, factor, text, power)
        return Problem((stated, converted), message, messages.say("fix.or").join(fixes), problem)

    def _mismatch_evidence(self, relation, stated, converted, window, factor, text, power) -> dict:
        expected = stated.value * window.latest
        evidence = {
            "stated": f"{stated.value:g} {stated.currency}",
            "converted": f"{converted.value:g} {converted.currency}",
            "expected": f"{expected:.4g} {converted.currency}",
            "factor": round(factor, 3),
            **window.evidence(),
            "date": self.env.date.isoformat() if self.env.date else None,
            "date_source": self.env.date_source,
        }
        if power is not None:
            evidence["likely_slip"] = f"scale off by 10^{abs(power)}"
            evidence["replacement"] = restate(stated, stated.value / 10**power) + text[stated.end : converted.end]
        ambiguous = [q.display for q in (stated, converted) if len(_readings(q)) > 1]
        if ambiguous:
            evidence["ambiguous_currency"] = ambiguous
        return evidence

    def _fits_older_rates(
        self, relation: Relation, stated: Quantity, converted: Quantity, base: str, quote: str
    ) -> RateWindow | None:
        """Without a date, the rate window of past years in which the pair would agree, if any.

        An undated article may be years old: "1 billion yen ($9.5 million)" was right in 2020. Such
        a pair is not called wrong on the strength of this year's rates alone.
        """
        if not self.params.undated_history_days:
            return None
        history = self.env.rates.window(base, quote, None, undated_days=self.params.undated_history_days)
        if isinstance(history, NoRate) or self._gap(stated, converted, relation, history) is not None:
            return None
        return history

    def _fits_a_named_year(
        self, relation: Relation, stated: Quantity, converted: Quantity, base: str, quote: str, text: str
    ) -> RateWindow | None:
        """The rates of a year the sentence names, if the pair agrees with them.

        "In 2014 the fund raised 138.7 billion yuan ($22.6 billion)" converts at 2014's rate even in
        an article written ten years later; holding it to today's rate would be a false alarm.
        """
        latest = self.env.date.year if self.env.date else None
        for year in sorted(set(_YEAR.findall(_sentence_around(text, stated.start, converted.end))), reverse=True):
            year = int(year)
            if latest is not None and year >= latest:
                continue
            window = self.env.rates.window(base, quote, dt.date(year, 12, 31), days=364)
            if not isinstance(window, NoRate) and self._gap(stated, converted, relation, window) is None:
                return window
        return None

    def _undecided(self, stated: Quantity, converted: Quantity, history: RateWindow, why: str, text: str,
                   year: int | None = None) -> Problem:
        """`why` is a message key (currency.why_named_year, _no_date, _at_the_time)."""
        messages = Messages(text)
        first, last = history.first_date.year, history.latest_date.year
        period = (messages.say("currency.period_in", year=first) if first == last
                  else messages.say("currency.period_between", first=first, last=last))
        checked_at = messages.say("currency.checked_at_date" if self.env.date else "currency.checked_at_last_year")
        reason = messages.say(why, year=year)
        message = messages.say("currency.undecided", stated=stated.display, converted=converted.display,
                               checked_at=checked_at, period=period, why=reason)
        english_reason = _templates_en(why).format(year=year)
        return Problem((stated, converted), message, None,
                       {"unchecked": True, "reason": english_reason, **history.evidence()}, severity="info")

    def _unchecked(self, stated: Quantity, converted: Quantity, no_rate: NoRate, text: str) -> Problem:
        messages = Messages(text)
        reason = no_rate.reason
        missing = _NO_RATES.fullmatch(reason)
        if messages.chinese and missing:
            reason = messages.say("currency.no_rates", currency=missing.group(1), source=missing.group(2))
        return Problem(
            (stated, converted),
            messages.say("currency.unchecked", stated=stated.display, converted=converted.display, reason=reason),
            None,
            {"unchecked": True, "reason": no_rate.reason,
             "date": self.env.date.isoformat() if self.env.date else None},
            severity="info",
        )


_NO_RATES = re.compile(r"no (\w+) rates in (.+)")
_UNDATED_NOTE = re.compile(r"no date known: accepted any rate of the last (\d+) days of the table")
_LATE_NOTE = re.compile(r"document dated (\S+), (\d+) days after the rates table ends \((\S+)\)")


def _note_zh(note: str, messages: Messages) -> str:
    """The rate window's note in Chinese, part by part; a part it does not know stays as written."""
    parts = []
    for part in note.split("; "):
        if match := _UNDATED_NOTE.fullmatch(part):
            part = messages.say("currency.note_undated", days=match.group(1))
        elif match := _LATE_NOTE.fullmatch(part):
            part = messages.say("currency.note_late", date=match.group(1), days=match.group(2), end=match.group(3))
        parts.append(part)
    return "；".join(parts)


def _templates_en(key: str) -> str:
    return Messages("").say(key, year="{year}")


_GENUINELY_AMBIGUOUS = {"CNY", "JPY"}


_YEAR = re.compile(r"(?<![\d.])(?:19[89]\d|20\d\d)(?:(?=年)|\b)")
_SENTENCE_BREAK = re.compile(r"[.!?](?!\d)\s|[。！？]")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], for the years it names."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - 400), start)]
    after = _SENTENCE_BREAK.search(text, end)
    return text[breaks[-1] if breaks else max(0, start - 400) : after.start() if after else len(text)]


def _readings(quantity: Quantity) -> list[str]:
    """The currencies a figure may be in.

    Only ¥ that the document never settled is tried both ways (yuan and yen differ twentyfold, so
    trying both cannot hide a slip). A bare $ is read as US dollars: trying every dollar would let
    a wrong figure pass as Hong Kong or Australian dollars.
    """
    if _GENUINELY_AMBIGUOUS <= set(quantity.alternatives):
        return [c for c in quantity.alternatives if c in _GENUINELY_AMBIGUOUS]
    return [quantity.currency] if quantity.currency else []


def _rate_text(window: RateWindow, messages: Messages) -> str:
    """"7.28 CNY per USD (ECB, 2025-04-15)", written the way round that gives a number above one."""
    rate, base, quote = window.latest, window.base, window.quote
    if rate < 1:
        rate, base, quote = 1 / rate, quote, base
    digits = 4 if rate < 10 else 3
    value = f"{rate:.{digits}g}" if rate < 1000 else f"{rate:,.0f}"
    source = "ECB" if "ECB" in window.source else window.source
    return messages.say("currency.rate", rate=value, quote=quote, base=base, source=source,
                        date=window.latest_date.isoformat())


def _wrapping(relation: Relation) -> tuple[str, str]:
    """How the text joined the two figures, to rebuild the pair in the suggestion."""
    if relation.cue.startswith("（"):
        return "（", "）"
    if relation.cue.startswith("("):
        return " (", ")"
    return ", " + relation.cue.strip(" ,") + " " if relation.cue.strip(" ,") else " (", ""

