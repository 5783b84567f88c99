"""currency-conversion: an amount and its conversion must agree at the rate of the document's date."""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable

from pydantic import Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.kinds.messages import Messages, currency_name_zh, zh_money, zh_rate
from checker.kinds.printed import times
from checker.kinds.restate import format_money, restate
from checker.kinds.slips import Slip
from checker.kinds.stated import (StatedRate, fiscal_years, opens_timeline_entry, stated_months, stated_rates,
                                  timeline_month_at)
from checker.kinds.tolerance import allowed, near_power_of_ten
from checker.model import Problem, Quantity, Relation
from checker.rates.table import NoRate, RateWindow


class CurrencyConversionParams(Params):
    tolerance: float = Field(0.08, ge=0, lt=1, description="base relative tolerance around the rate range")
    hedge_tolerance: float = Field(0.07, ge=0, lt=1, description="added when a hedge word qualifies a figure")
    window_days: int = Field(90, ge=0, le=3650, description="days before the document's date whose rates are accepted")
    regime_break: float = Field(
        0.25, gt=0, le=10,
        description="a window stops where the rate moved by more than this (a float or devaluation): copy after "
                    "it converts at the new rate")
    undated_window_days: int = Field(365, ge=1, le=3650, description="days at the end of the table used when no date is known")
    undated_history_days: int = Field(
        7300, ge=0, le=20000,
        description="without a date, a pair that fails the last year but fits a rate of this many days is only info",
    )
    undated_drift_power: float = Field(
        2.0, ge=0, le=10,
        description="without a date, a scale slip (a gap near a power of ten) keeps the rule's severity only when "
                    "the pair's implied rate lies further outside the whole table's range of rates for the pair "
                    "than that range's own width (highest over lowest) raised to this power: the drift an older "
                    "article's currency may have seen before the table began. Any other undated mismatch is info")
    undated_warn_power: float = Field(
        1.5, ge=0, le=10,
        description="without a date, a pair that fits no rate of the table is a warning when its implied rate lies "
                    "outside the table's whole range for the pair by more than that range's width to this power "
                    "(and keeps the rule's severity beyond `undated_drift_power`); nearer, it is info")
    undated_stable_years: int = Field(
        15, ge=0, le=100, description="how many years of rates the table must hold for the pair for that range to count")
    weekly_tolerance: float = Field(
        0.01, ge=0, lt=1, description="added when the rate comes from a weekly series (NBP table B)")
    monthly_tolerance: float = Field(
        0.05, ge=0, lt=1,
        description="added when the rate comes from a monthly series (HMRC sets it in advance: 95% of months "
                    "within 4.5% of the market)")
    stated_rate_tolerance: float = Field(
        0.03, ge=0, lt=1,
        description="a pair within this of a rate the text states ('$1 = 6.81 crowns') passes, before rounding "
                    "and hedges; a pair off both that and the market is checked at the market")
    report_unchecked: bool = Field(True, description="report pairs that cannot be checked (no rate) as info")
    fix_slack: float = Field(0.3, ge=0, lt=1, description="how close to a power of ten a gap must be to suggest a scale fix")


@register("currency-conversion", CurrencyConversionParams)
class CurrencyConversion(Check):
    """A money amount and its conversion into another currency must agree.

    Pairs such as "600 billion yuan ($8.5 billion)", "€3.2m (about $3.5m)" or "1,000 yen, or
    about $7," are checked against the rates of a window before the document's date (`--date`,
    front matter or HTML meta): the ECB's daily reference rates where the ECB has both currencies,
    else the Polish central bank's daily and weekly tables, else HMRC's monthly rates, both legs of
    a cross rate from one source and one day. The tolerance is the base `tolerance`, widened by the
    rounding of both printed figures, by hedge words and for a weekly or monthly rate. When the gap is
    close to a power of ten, the finding proposes the fixes that would make the pair agree. Pairs
    whose currencies have no rate at that date are reported as unchecked (info), never as passing.

    Why it matters:
        A converted figure is where a million/billion slip or a wrong rate hides in plain sight:
        readers trust the number in brackets, and a factor of ten is a correction, not a nuance.

    Bad:
        In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups.

    Good:
        The fund has raised almost 700 billion yuan ($96 billion) since 2014.

    Parameters:
        `tolerance`: base relative tolerance around the range of rates in the window.
        `hedge_tolerance`: added when a hedge word ("about", "almost") qualifies a figure.
        `window_days`: days before the document's date whose rates are accepted.
        `regime_break`: a window stops where the rate moved by more than this (a float, a devaluation).
        `undated_window_days`: days at the end of the table used when no date is known.
        `undated_history_days`: without a date, a pair that only fits older rates is info.
        `undated_drift_power`: undated, how far outside the pair's whole range a scale slip must lie.
        `undated_warn_power`: undated, how far outside that range any pair must lie to be a warning.
        `undated_stable_years`: the years of rates that range must span.
        `weekly_tolerance`: added when the rate comes from a weekly series (NBP table B).
        `monthly_tolerance`: added when the rate comes from a monthly series (HMRC, set in advance).
        `stated_rate_tolerance`: how far a pair may sit from a rate the text itself states.
        `report_unchecked`: report pairs that cannot be checked (no rate) as info.
        `fix_slack`: how close to a power of ten a gap must be to suggest a scale fix.
    """

    consumes = ("conversion",)

    params: CurrencyConversionParams

    # Rates a document states are remembered for its later paragraphs; a bound keeps state small.
    MAX_STATED = 64
    MAX_HELD = 64  # pairs off the market held for a rate stated later in the story
    OLDER_STEP_DAYS = 30  # an undated pair fits older rates only if one such stretch of them agrees

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._stated: list[StatedRate] = []
        self._held: list[tuple[Relation, Quantity, Quantity, Problem]] = []
        self._years: set[int] = set()  # years the document has named so far: hints when it is undated
        self._last_tolerance: tuple | None = None  # (stated, converted, hedge, tolerance) of the last pair asked

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        # A rate stated anywhere in the paragraph governs its pairs: "10 billion yuan ($1.39
        # billion), at 7.2 yuan to the dollar".
        stated = [rate for rate in stated_rates(block.text, block.quantities) if self._plausible(rate)]
        self._stated = (self._stated + stated)[-self.MAX_STATED:]
        for relation in block.relations:
            if relation.kind != "conversion":
                continue  # change and part/whole relations hold other numbers of quantities
            stated, converted = relation.quantities
            if stated.kind == "money" and converted.kind == "money":
                problem = self._check_pair(relation, stated, converted, block.text)
                if not self._governing(relation, stated, converted) and len(self._held) < self.MAX_HELD:
                    # A wire story states its rate in a footer ("($1 = 0.7407 euros)"): until the
                    # story ends, a pair no stated rate governs yet waits, whatever the market said.
                    self._held.append((relation, stated, converted, problem, block.block, block.text))
                    continue
                if problem is not None:
                    yield problem
        if len(self._years) < 200:
            self._years.update(int(y) for y in _years_named(block.text))

    def finish(self) -> Iterable[Problem]:
        for relation, stated, converted, problem, where, text in self._held:
            problem = self._under_a_later_rate(relation, stated, converted, problem, text)
            if problem is not None:
                problem.block = where
                yield problem
        self._held = []

    def _plausible(self, rate: StatedRate) -> bool:
        """Whether a rate the text seems to state could be an exchange rate of its pair: within the table's
        whole range of rates for it, widened as an undated pair's drift is (that range's width to the
        `undated_drift_power`, and at least twofold: the copy may predate the table). What the grammar
        reads as "$1 = 7.02 pounds" under the sterling reading of a Cairo story, or as "$1 million for the
        euro", is no rate of sterling or the euro; a pair with no rates in the table keeps what it states."""
        history = self._whole_table(rate.base, rate.quote)
        if history is None:
            return True
        reach = max(2.0, (history.high / history.low) ** self.params.undated_drift_power)
        return history.low / reach <= rate.rate <= history.high * reach

    def _governing(self, relation: Relation, stated: Quantity, converted: Quantity):
        """(base, quote, (rate, quote per base)) for each reading of the pair a stated rate covers."""
        if not self._stated:
            return []  # the text has stated no rate yet (most copy never does)
        return [(base, quote, rate) for base in _readings(stated) for quote in _readings(converted)
                if base != quote and (rate := self._stated_rate(base, quote, relation)) is not None]

    def _under_a_later_rate(self, relation: Relation, stated: Quantity, converted: Quantity,
                            problem: Problem | None, text: str) -> Problem | None:
        """A pair checked before the story stated its rate, held to that rate now that it is known.

        The stated rate is the writer's: a pair that agrees with it is right whatever the market's
        window said, and one that contradicts it is the slip even where the window let it pass (a
        pair its own sentence dates is converted at the rate of that time and keeps its verdict)."""
        governing = self._governing(relation, stated, converted)
        if not governing:
            return problem
        if any(self._fits_stated(relation, stated, converted, rate[1]) for _, _, rate in governing):
            return None  # converted at the rate the story states at its end
        if _dated_by_its_sentence(relation, text, stated, converted):
            return problem
        return self._against_stated(relation, stated, converted, *governing[0], text)

    def _check_pair(self, relation: Relation, stated: Quantity, converted: Quantity, text: str) -> Problem | None:
        if stated.value == 0 or converted.value == 0:
            return None
        readings = [(b, q) for b in _readings(stated) for q in _readings(converted) if b != q]
        governed = []  # (base, quote, the rate the text states for them)
        for base, quote in readings:
            governing = self._stated_rate(base, quote, relation)
            if governing is not None:
                if self._fits_stated(relation, stated, converted, governing[1]):
                    return None  # converted at the rate the text states
                governed.append((base, quote, governing))
        if governed and not _dated_by_its_sentence(relation, text, stated, converted):
            # The story states the rate for these currencies ("$1 = 6.81 crowns"): a pair that
            # contradicts it is the slip, whatever the market did (a pair its sentence dates is
            # converted at the rate of that time, and is checked at the market below).
            return self._against_stated(relation, stated, converted, *governed[0], text)
        verdicts = []
        for base, quote in readings:
            window = self.env.rates.window(
                base, quote, self.env.date, self.params.window_days, self.params.undated_window_days,
                break_ratio=1 + self.params.regime_break,
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
            fits, period = self._stated_periods(relation, stated, converted, base, quote, text)
            if fits:
                return None  # "In June 2008 ... A$2.3 billion ($2.2 billion)" is right at June 2008's rates
            named = self._fits_a_named_year(relation, stated, converted, base, quote, text)
            if named is not None:
                where = "sentence" if str(named.latest_date.year) in _sentence_around(text, stated.start, converted.end) \
                    else "document"
                return self._undecided(stated, converted, named, f"currency.why_{where}_names_year", text,
                                       named.latest_date.year)
            if period is not None and self.env.date is not None:
                # Off at the document's date and at the date the text gives it ("February - ..."):
                # the finding says what the pair is at the rates of its own date.
                factor = self._gap(stated, converted, relation, period)
                return self._mismatch(relation, stated, converted, period, factor, text)
            if self.env.date is None or getattr(relation, "at_the_time", False):
                older = self._fits_older_rates(relation, stated, converted, base, quote)
                period = self._missed_fiscal_year(relation, stated, converted, window, text) if older else None
                if period is not None:  # the sentence dates the pair itself ("its 2022/23 budget")
                    return self._stale_mismatch(relation, stated, converted, window, factor, text, older, period)
                if self.env.date is None:
                    return self._undated(relation, stated, converted, window, factor, text, older)
                if older is not None:
                    return self._undecided(stated, converted, older, "currency.why_at_the_time", text)
            return self._mismatch(relation, stated, converted, window, factor, text)
        if governed:  # no source has a rate, but the text states one: the pair contradicts it
            return self._against_stated(relation, stated, converted, *governed[0], text)
        if verdicts and self.params.report_unchecked:
            return self._unchecked(stated, converted, verdicts[0][2], text)
        return None

    def _gap(self, stated: Quantity, converted: Quantity, relation: Relation, window: RateWindow) -> float | None:
        """None when the pair agrees; else the factor by which the converted figure is off."""
        tolerance = self._window_tolerance(stated, converted, relation, window)
        low, high = window.low * (1 - tolerance), window.high * (1 + tolerance)
        if stated.high is not None and converted.high is None:
            # "10-14 billion yuan ($2 billion)": one figure for a range converts a point of it (mostly its
            # upper end); it is off only when no point of the range converts to it.
            fewest, most = converted.value / stated.high, converted.value / stated.value
            if most < low or fewest > high or fewest <= 0:
                return (stated.high * window.latest) / converted.value
            return None
        pairs = [(stated.value, converted.value)]
        if stated.high is not None and converted.high is not None:
            pairs.append((stated.high, converted.high))
        for amount, conversion in pairs:
            implied = conversion / amount
            if implied <= 0 or not (low <= implied <= high):
                return (amount * window.latest) / conversion
        return None

    def _window_tolerance(self, stated: Quantity, converted: Quantity, relation: Relation,
                          window: RateWindow) -> float:
        """The pair's tolerance at one window: its own, plus what a weekly or monthly series adds."""
        return self._pair_tolerance(stated, converted, relation.hedge) + {
            "weekly": self.params.weekly_tolerance, "monthly": self.params.monthly_tolerance,
        }.get(window.granularity, 0.0)

    def _pair_tolerance(self, stated: Quantity, converted: Quantity, hedge: str | None) -> float:
        """The pair's base tolerance, widened by its rounding and hedges: the same for every window a
        pair is tried at (an undated pair tries a window for each month of twenty years), so it is
        worked out once for the pair being checked."""
        last = self._last_tolerance
        if last is not None and last[0] is stated and last[1] is converted and last[2] == hedge:
            return last[3]
        tolerance = allowed(self.params.tolerance, stated, converted, hedge=hedge,
                            hedge_tolerance=self.params.hedge_tolerance)
        self._last_tolerance = (stated, converted, hedge, tolerance)
        return tolerance

    def _mismatch(
        self, relation: Relation, stated: Quantity, converted: Quantity, window: RateWindow, factor: float,
        text: str,
    ) -> Problem:
        """The finding, in the block's language ("600 billion yuan is about $82 billion at ...",
        "600亿元按欧洲央行…汇率约合820亿美元，而非8.5亿美元"), its fixes in the writer's notation.

        One builder for every language: the words come from messages/{en,zh}.yaml; only how a
        figure is printed (format_money, zh_money) and how the pair was joined differ."""
        messages = Messages(text)
        expected = _amount(stated, converted) * window.latest
        if messages.chinese:
            expected_text = messages.word(zh_money(expected, converted.currency, like=converted))
        else:
            expected_text = format_money(expected, converted.currency)
        rate, note = _rate_and_note(window, messages.language, messages.traditional)
        key = "currency.too_small" if factor > 1 else "currency.too_large"
        how_far = messages.say(key, converted=converted.display, factor=times(max(factor, 1 / factor), messages.say("times.over_thousand")))
        message = messages.say("currency.mismatch", stated=stated.display, expected=expected_text, rate=rate,
                               converted=converted.display, how_far=how_far)
        if note:
            message += messages.say("currency.note", note=note)
        opening, closing = _joined(relation, text, stated, converted, messages)
        hedged = messages.hedged(opening)
        power = None if stated.is_range else near_power_of_ten(factor, self.params.fix_slack)
        fixes = []
        rescaled = None if power is None else restate(stated, stated.value / 10**power)
        if rescaled is not None:
            fixes.append(f"{rescaled}{opening}{converted.display}{closing}")
        about = expected_text if hedged else messages.say(
            "currency.about" if closing else "currency.about_unbracketed", amount=expected_text)
        fixes.append(f"{stated.display}{opening}{about}{closing}")
        evidence = self._mismatch_evidence(relation, stated, converted, window, factor, text, power, expected_text,
                                           messages, rescaled)
        return Problem((stated, converted), message, messages.say("fix.or").join(fixes), evidence,
                       fixes=tuple(evidence["replacements"]))

    def _mismatch_evidence(self, relation, stated, converted, window, factor, text, power, expected_text,
                           messages: Messages, rescaled: str | None) -> dict:
        """`rescaled`: the stated figure restated by 10**-power (None when no power of ten explains the gap)."""
        expected = _amount(stated, converted) * window.latest
        evidence = {
            "stated": f"{stated.value:g} {stated.currency}",
            "converted": f"{converted.value:g} {converted.currency}",
            "expected": f"{expected:.4g} {converted.currency}",
            "factor": round(factor, 3),
            **window.evidence(),
            "date": self.env.date.isoformat() if self.env.date else None,
            "date_source": self.env.date_source,
        }
        # Exact texts for the figures' span, one per alternative fix, so SARIF and reviewdog can
        # offer them as fixes (the engine extends them with the span to a closing bracket).
        between = text[stated.end : converted.start]
        hedged = converted.hedge is not None or messages.hedged(between)
        about = "" if hedged else messages.say("currency.about", amount="")
        restated = text[stated.start : converted.start] + about + expected_text
        replacements = [restated]
        if power is not None:
            evidence["likely_slip"], evidence["slip_power"] = Slip.SCALE.value, abs(power)
            evidence["replacement"] = rescaled + text[stated.end : converted.end]
            replacements.insert(0, evidence["replacement"])
        elif self._fits_inverted(relation, stated, converted, window):
            evidence["likely_slip"] = Slip.INVERTED.value
        evidence["replacements"] = replacements
        ambiguous = [q.display for q in (stated, converted) if len(_readings(q)) > 1]
        if ambiguous:
            evidence["ambiguous_currency"] = ambiguous
            evidence["readings_tried"] = {q.display: list(_readings(q)) for q in (stated, converted)
                                          if len(_readings(q)) > 1}
        cues = {q.display: q.currency_cue for q in (stated, converted) if q.currency_cue}
        if cues:
            evidence["currency_from"] = cues  # the words that settled a shared name: {"16.7 billion pounds": "Cairo"}
        return evidence

    def _stated_rate(self, base: str, quote: str, relation: Relation) -> tuple[StatedRate, float] | None:
        """The latest rate the text has stated between these currencies, as quote per base, unless
        the pair is that statement itself ("$1 = 6.81 crowns" is checked against the market)."""
        for rate in reversed(self._stated):
            per = rate.per(base, quote)
            if per is not None and not set(map(id, relation.quantities)) <= set(map(id, rate.quantities)):
                return rate, per
        return None

    def _fits_stated(self, relation: Relation, stated: Quantity, converted: Quantity, per: float) -> bool:
        tolerance = allowed(self.params.stated_rate_tolerance, stated, converted,
                            hedge=relation.hedge, hedge_tolerance=self.params.hedge_tolerance)
        return per * (1 - tolerance) <= converted.value / stated.value <= per * (1 + tolerance)

    def _against_stated(
        self, relation: Relation, stated: Quantity, converted: Quantity, base: str, quote: str,
        governing: tuple[StatedRate, float], text: str,
    ) -> Problem | None:
        """A pair, in currencies the text states a rate for, that disagrees with that rate by more
        than the market check's own tolerance: the finding names the rate and the words stating it,
        in the block's language ("…按文中所述汇率（1美元兑7.2元人民币：“按1美元兑7.2元人民币”）…")."""
        rate, per = governing
        tolerance = allowed(self.params.tolerance, stated, converted,
                            hedge=relation.hedge, hedge_tolerance=self.params.hedge_tolerance)
        if per * (1 - tolerance) <= converted.value / stated.value <= per * (1 + tolerance):
            return None
        messages = Messages(text)
        factor = stated.value * per / converted.value
        shown = per if per >= 1 else 1 / per
        above, below = (quote, base) if per >= 1 else (base, quote)  # the rate the way round that is above one
        unit = f"{above} per {below}"
        if messages.chinese:
            expected = messages.word(zh_money(stated.value * per, converted.currency, like=converted))
            rate_text = messages.say("currency.stated_rate", rate=f"{shown:.4g}", base=below, quote=above,
                                     base_name=messages.word(currency_name_zh(below)),
                                     quote_name=messages.word(currency_name_zh(above)))
        else:
            expected = format_money(stated.value * per, converted.currency)
            rate_text = messages.say("currency.stated_rate", rate=f"{shown:.4g}", base=below, quote=above)
        key = "currency.too_small" if factor > 1 else "currency.too_large"
        how_far = messages.say(key, converted=converted.display,
                               factor=times(max(factor, 1 / factor), messages.say("times.over_thousand")))
        fixes = []
        power = near_power_of_ten(factor, self.params.fix_slack)
        opening, closing = _joined(relation, text, stated, converted, messages)
        if power is not None:
            fixes.append(f"{restate(stated, stated.value / 10**power)}{opening}{converted.display}{closing}")
        fixes.append(f"{stated.display}{opening}{expected}{closing}")
        return Problem(
            (stated, converted),
            messages.say("currency.against_stated", stated=stated.display, expected=expected, rate=rate_text,
                         stated_rate=rate.text, converted=converted.display, how_far=how_far),
            messages.say("fix.or").join(fixes),
            {"stated": f"{stated.value:g} {stated.currency}", "converted": f"{converted.value:g} {converted.currency}",
             "expected": f"{stated.value * per:.4g} {converted.currency}", "factor": round(factor, 3),
             "rate": round(shown, 6), "rate_unit": unit, "source": "stated in the text", "stated_rate": rate.text,
             "date": self.env.date.isoformat() if self.env.date else None},
        )

    def _stated_periods(
        self, relation: Relation, stated: Quantity, converted: Quantity, base: str, quote: str, text: str
    ) -> tuple[bool, RateWindow | None]:
        """(whether the pair agrees with the rates of a period its sentence or timeline entry names —
        "In June 2008", "August 8 - ", "2008 — " — and that period's window: the entry's own, else the
        latest month named), for a dated text to be held to that date's rates."""
        months = stated_months(_sentence_around(text, stated.start, converted.end))
        entry = _timeline_entry(text, stated, self.env.date)
        own = None
        for first, last in ([entry] if entry else []) + months:
            if self.env.date is not None and first > self.env.date:
                continue  # a month after the document's date is a forecast, not the conversion's date
            if self.env.date is not None and last > self.env.date:
                last = self.env.date  # "2015 - ..." in a story of June 2015: the year so far
            window = self.env.rates.window(base, quote, last, days=(last - first).days + 30)
            if isinstance(window, NoRate):
                continue
            if self._gap(stated, converted, relation, window) is None:
                return True, window
            own = own or window
        return False, own

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
        # The history's range is an envelope spliced from twenty years of rates: a pair inside it
        # fits an older year only if the rates of one actual month agree with it (a rate the
        # currency jumped over in a devaluation was never anyone's rate).
        fitting = []
        end = history.latest_date
        while end >= history.first_date:
            month = self.env.rates.window(base, quote, end, days=self.OLDER_STEP_DAYS,
                                          break_ratio=1 + self.params.regime_break)
            if isinstance(month, RateWindow) and self._gap(stated, converted, relation, month) is None:
                fitting.append(month)
            if end.toordinal() <= self.OLDER_STEP_DAYS:  # a table that starts in year 1: nothing earlier
                break
            end -= dt.timedelta(days=self.OLDER_STEP_DAYS)
        if not fitting:
            return None
        return replace(fitting[0], first_date=fitting[-1].first_date, note=history.note,
                       low=min(w.low for w in fitting), high=max(w.high for w in fitting))

    def _undated(self, relation: Relation, stated: Quantity, converted: Quantity, window: RateWindow,
                 factor: float, text: str, older: RateWindow | None) -> Problem:
        """A pair of an undated document that fails the table's last year.

        Undated copy may be of any age, and currencies move two- to eightfold over decades (the rand
        was 2 to the dollar in 1987, 17 lately): a gap at recent rates says little about a pair that
        may have been right when it was written. What no age of the copy explains is a gap of a known
        shape at today's rates (`_undated_slip`): a rate applied the wrong way round keeps the rule's
        severity, and so does a scale slip no drift of the pair explains (`_beyond_drift`); a scale
        slip in a pair that has moved a lot is a warning (most undated copy is a draft of today, but an
        old article's currency may have moved tenfold). Every other mismatch is info, and says to give
        the document a date."""
        slip = self._undated_slip(relation, stated, converted, factor, window)
        beyond = None if older is not None else self._beyond_history(relation, stated, converted, window)
        if slip is not None or beyond is not None:
            problem = self._mismatch(relation, stated, converted, window, factor, text)
            sure = beyond == "sure" or slip is Slip.INVERTED or (
                slip is Slip.SCALE and self._beyond_drift(relation, stated, converted, factor, window))
            if not sure:
                problem.evidence["undated"] = True
                problem.severity = "warning"
            return problem
        if older is not None:
            return self._undecided(stated, converted, older, "currency.why_no_date", text)
        problem = self._mismatch(relation, stated, converted, window, factor, text)
        problem.message += Messages(text).say("currency.undated_hint")
        problem.evidence["undated"] = True
        problem.severity = "info"
        return problem

    def _undated_slip(self, relation: Relation, stated: Quantity, converted: Quantity, factor: float,
                      window: RateWindow) -> Slip | None:
        """The slip an undated gap has the exact shape of at the table's recent rates: the stated figure
        off by a power of ten that, rescaled, converts at them; or the converted figure the stated one
        divided by a recent rate instead of multiplied (£2.4 billion ($1.64 billion) at 1.46 dollars a
        pound). A decades-old rate lands on either shape only by chance."""
        power = None if stated.is_range else near_power_of_ten(factor, self.params.fix_slack)
        if power is not None and self._gap(_rescaled(stated, power), converted, relation, window) is None:
            return Slip.SCALE
        if self._fits_inverted(relation, stated, converted, window):
            return Slip.INVERTED
        return None

    def _beyond_history(self, relation: Relation, stated: Quantity, converted: Quantity,
                        window: RateWindow) -> str | None:
        """How surely an undated pair that fits no rate the table holds is wrong whatever its age: "sure"
        when its implied rate lies outside the table's whole range for the pair (`undated_stable_years`
        at least) by more than that range's width (highest over lowest) to the `undated_drift_power`,
        "likely" when by more than the width to the `undated_warn_power`, else None. A pair that stayed
        in a narrow band (the yuan, 6.1 to 8.3 to the dollar) cannot be sevenfold off by age; the rand,
        the shilling and the taka, which moved two- to threefold within the table, were as far again
        from today's rates in 1987 (2, 16 and 30 to the dollar), when those correct pairs were written."""
        history = self._stable_history(window)
        if history is None:
            return None
        outside, width = _outside(stated, converted, history, self._window_tolerance(stated, converted, relation, history))
        if outside > width ** self.params.undated_drift_power:
            return "sure"
        if outside > width ** self.params.undated_warn_power:
            return "likely"
        return None

    def _whole_table(self, base: str, quote: str) -> RateWindow | None:
        """Every rate the table holds for the pair, as one window (None when it holds none)."""
        history = self.env.rates.window(base, quote, None, undated_days=_WHOLE_TABLE_DAYS)
        return None if isinstance(history, NoRate) else history

    def _stable_history(self, window: RateWindow) -> RateWindow | None:
        """The table's whole range for the window's pair, when it spans `undated_stable_years` at least:
        the range an undated pair's drift is judged against."""
        history = self._whole_table(window.base, window.quote)
        if history is None or (history.latest_date - history.first_date).days < self.params.undated_stable_years * 365.25:
            return None
        return history

    def _fits_inverted(self, relation: Relation, stated: Quantity, converted: Quantity, window: RateWindow) -> bool:
        """Whether the pair converts at the window's rate turned upside down, and that rate is far enough
        from 1 for the two readings to differ (a gap of at least `INVERTED_MIN_GAP`)."""
        if stated.high is not None or converted.high is not None or stated.value <= 0 or converted.value <= 0:
            return False
        inverted = stated.value / converted.value  # the implied rate, turned upside down
        if not (window.low > 0 and math.isfinite(inverted)):
            return False
        if max(window.latest, 1 / window.latest) < INVERTED_MIN_GAP ** 0.5:
            return False
        tolerance = self._window_tolerance(stated, converted, relation, window)
        return window.low * (1 - tolerance) <= inverted <= window.high * (1 + tolerance)

    def _beyond_drift(self, relation: Relation, stated: Quantity, converted: Quantity, factor: float,
                      window: RateWindow) -> bool:
        """Whether an undated gap is a scale slip that no age of the copy explains.

        The gap must be near a power of ten; the figure rescaled by it must agree with a rate the table
        holds for the pair; and the pair's implied rate must lie outside the table's whole range of
        rates for it (`undated_stable_years` at least) by more than that range's width to the
        `undated_drift_power`. A pair that stayed in a narrow band (the yuan against the dollar, 6.1
        to 8.3 since 2005) cannot have drifted tenfold; one that tripled within the table (the rand)
        may well have moved as much again before it, so a tenfold gap there is info. Measured on the
        table itself: judged on the later half of each pair's rates, the rates of its earlier half lie
        outside by more than the width squared only where a currency was redenominated or an official
        rate unified (Iraq 2003, Myanmar 2012, Congo, Sao Tome)."""
        power = None if stated.is_range else near_power_of_ten(factor, self.params.fix_slack)
        if power is None:
            return False
        history = self._stable_history(window)
        if history is None or self._gap(_rescaled(stated, power), converted, relation, history) is not None:
            return False
        outside, width = _outside(stated, converted, history, self._pair_tolerance(stated, converted, relation.hedge))
        return outside > width ** self.params.undated_drift_power

    def _missed_fiscal_year(self, relation, stated, converted, window: RateWindow, text: str) -> str | None:
        """The budget or fiscal year the pair's sentence names ("its 2022/23 budget", "FY2023"), when
        the pair fits the rates of none of the years it spans: undated, that year dates the
        conversion, and a pair that only fits some other year is a stale rate, not old copy."""
        if self.env.date is not None:
            return None
        for written, years in fiscal_years(_sentence_around(text, stated.start, converted.end)):
            if max(years) > window.latest_date.year:
                continue  # a plan for a year the table has not reached
            windows = [self.env.rates.window(window.base, window.quote, dt.date(y, 12, 31), days=364) for y in years]
            if any(isinstance(w, NoRate) for w in windows):
                continue
            if all(self._gap(stated, converted, relation, w) is not None for w in windows):
                return written
        return None

    def _stale_mismatch(self, relation, stated, converted, window, factor, text, older: RateWindow,
                        period: str) -> Problem:
        """The mismatch, as a warning that says its sentence names a budget or fiscal year whose rates the
        pair does not fit, and which past years it would fit: the text dates the pair, not the document."""
        problem = self._mismatch(relation, stated, converted, window, factor, text)
        messages = Messages(text)
        year = self._latest_fitting_year(relation, stated, converted, window.base, window.quote, older)
        note = messages.say("currency.note_fiscal_year", period=period, year=year)
        problem.message += messages.say("currency.note", note=note)
        problem.evidence["fits_rates_of"] = year
        problem.evidence["period_named"] = period
        problem.evidence["drift"] = round(_drift(stated, converted, window), 3)
        problem.severity = "warning"
        return problem

    def _latest_fitting_year(self, relation, stated, converted, base, quote, older: RateWindow) -> int:
        """The last year whose rates the pair fits (the history window's start when none alone does)."""
        for year in range(older.latest_date.year, older.first_date.year - 1, -1):
            window = self.env.rates.window(base, quote, dt.date(year, 12, 31), days=364)
            if not isinstance(window, NoRate) and self._gap(stated, converted, relation, window) is None:
                return year
        return older.first_date.year

    def _fits_a_named_year(
        self, relation: Relation, stated: Quantity, converted: Quantity, base: str, quote: str, text: str
    ) -> RateWindow | None:
        """The rates of a year the sentence names, if the pair agrees with them.

        "In 2014 the fund raised 138.7 billion yuan ($22.6 billion)" converts at 2014's rate even in
        an article written ten years later; holding it to today's rate would be a false alarm.
        """
        latest = self.env.date.year if self.env.date else None
        years = {int(y) for y in _years_named(_sentence_around(text, stated.start, converted.end))}
        if latest is None:
            years |= self._years  # an undated document's other years are hints too
        for year in sorted(years, reverse=True):
            if latest is not None and year >= latest:
                continue
            window = self.env.rates.window(base, quote, dt.date(year, 12, 31), days=364)
            if not isinstance(window, NoRate) and self._gap(stated, converted, relation, window) is None:
                return window
        return None

    def _undecided(self, stated: Quantity, converted: Quantity, history: RateWindow, why: str, text: str,
                   year: int | None = None) -> Problem:
        """`why` is a message key (currency.why_sentence_names_year, _no_date, _at_the_time...)."""
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
             "date": self.env.date.isoformat() if self.env.date else None, "date_source": self.env.date_source},
            severity="info",
        )


INVERTED_MIN_GAP = 1.5  # rate and inverse must differ by at least this much for "the wrong way round" to mean anything
_WHOLE_TABLE_DAYS = 200 * 366  # more days than any table holds: the window reaches its first rate


_NO_RATES = re.compile(r"no (\w+) rates in (.+)")
_UNDATED_NOTE = re.compile(r"no date known: accepted any rate of the last (\d+) days of the table")
_BREAK_NOTE = re.compile(r"rates before (\S+) left out: the rate has moved more than (\d+)% since \(a float or a devaluation\)")
_LATE_NOTE = re.compile(r"document dated (\S+), (\d+) days after the rates table ends \((\S+)\)")


def _rescaled(stated: Quantity, power: int) -> Quantity:
    """The stated figure (and a range's upper end) divided by 10**power: what a scale slip would undo."""
    return replace(stated, value=stated.value / 10**power,
                   high=None if stated.high is None else stated.high / 10**power)


def _outside(stated: Quantity, converted: Quantity, history: RateWindow, tolerance: float) -> tuple[float, float]:
    """How many times outside the table's whole range the pair lies, less its tolerance, and that
    range's own width (highest over lowest): what an undated pair's drift is measured in."""
    return _drift(stated, converted, history) / (1 + tolerance), history.high / history.low


def _drift(stated: Quantity, converted: Quantity, window: RateWindow) -> float:
    """How many times outside the window's range of rates the pair's implied rate lies (1 inside it)."""
    implied = converted.value / stated.value
    return window.low / implied if implied < window.low else max(1.0, implied / window.high)


def _note_zh(note: str, messages: Messages) -> str:
    """The rate window's note in Chinese, part by part; a part it does not know stays as written."""
    parts = []
    for part in note.split("; "):
        if match := _UNDATED_NOTE.fullmatch(part):
            part = messages.say("currency.note_undated", days=match.group(1))
        elif match := _BREAK_NOTE.fullmatch(part):
            part = messages.say("currency.note_break", date=match.group(1), percent=match.group(2))
        elif match := _LATE_NOTE.fullmatch(part):
            part = messages.say("currency.note_late", date=match.group(1), days=match.group(2), end=match.group(3))
        parts.append(part)
    return "；".join(parts)


def _templates_en(key: str) -> str:
    return Messages("").say(key, year="{year}")


_GENUINELY_AMBIGUOUS = {"CNY", "JPY"}


# A year: 19[89]\d or 20\d\d, after no digit or point, before a word's end or 年. The class opens it
# so that the engine skips to a 1 or a 2; the look-behind is then two characters long.
_YEAR = re.compile(r"[12](?<![\d.].)(?:9[89]|0\d)\d(?:(?=年)|\b)")


def _years_named(text: str) -> list[str]:
    """Every year `text` names. Each holds "19" or "20", which str's own search rules out at once
    in the many sentences that name none (the pattern looks at every 1 and 2)."""
    if "19" not in text and "20" not in text:
        return []
    return _YEAR.findall(text)


def _names_a_year(text: str) -> bool:
    return ("19" in text or "20" in text) and _YEAR.search(text) is not None
_SENTENCE_BREAK = re.compile(r"[.!?](?!\d)\s|[。！？]")


SENTENCE_REACH = 400  # characters either side of a pair that its sentence may span


@lru_cache(maxsize=8)  # a pair's sentence is asked for by several tests of that pair
def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], for the years it names: at most SENTENCE_REACH
    characters either side, so that a block of back-to-back pairs with no sentence end (one long
    line) costs each pair a bounded look, not a scan of the rest of the block.

    The block's sentence breaks are found once (`_sentence_breaks`) and each pair's are looked up
    by bisection: a break counts when it lies wholly inside the reach (as a scan of just that
    stretch would find it; breaks never overlap, so one scan of the block finds the same ones)."""
    starts, ends = _sentence_breaks(text)
    low = max(0, start - SENTENCE_REACH)
    before = bisect.bisect_right(ends, start) - 1  # the last break ending by the pair's start
    first = ends[before] if before >= 0 and starts[before] >= low else low
    reach = min(len(text), end + SENTENCE_REACH)
    after = bisect.bisect_left(starts, end)  # the first break starting at or after the pair's end
    last = starts[after] if after < len(starts) and ends[after] <= reach else reach
    return text[first:last]


@lru_cache(maxsize=4)  # the block whose pairs are being checked (a block's text is hashed once)
def _sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence break of the block starts and ends, in order."""
    starts, ends = [], []
    for match in _SENTENCE_BREAK.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def _readings(quantity: Quantity) -> list[str]:
    """The currencies a figure may be in.

    Only ¥ that the document never settled is tried both ways (yuan and yen differ twentyfold, so
    trying both cannot hide a slip). A bare $ is read as US dollars: trying every dollar would let
    a wrong figure pass as Hong Kong or Australian dollars.
    """
    if quantity.readings:
        return list(quantity.readings)  # a shared name the text leaves open: each plausible reading
    if not quantity.alternatives:
        return [quantity.currency] if quantity.currency else []
    if _GENUINELY_AMBIGUOUS <= set(quantity.alternatives):
        return [c for c in quantity.alternatives if c in _GENUINELY_AMBIGUOUS]
    return [quantity.currency] if quantity.currency else []


def _dated_by_its_sentence(relation: Relation, text: str, stated: Quantity, converted: Quantity) -> bool:
    """Whether the pair's sentence gives it a date of its own ("In 2009 ...", "at the time")."""
    sentence = _sentence_around(text, stated.start, converted.end)
    return bool(getattr(relation, "at_the_time", False) or _names_a_year(sentence) or stated_months(sentence)
                or opens_timeline_entry(text, _line_start(text, stated)))


def _timeline_entry(text: str, stated: Quantity, date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The period the timeline entry holding `stated` dates itself by ("August 8 - ...", "2008 — ...")."""
    return timeline_month_at(text, _line_start(text, stated), date)


def _line_start(text: str, quantity: Quantity) -> int:
    """Where the line of the block that holds `quantity` starts (looked up, not searched for: one
    long line of pairs is not scanned back to its start for each of them)."""
    newlines = _newlines(text)
    before = bisect.bisect_left(newlines, quantity.start)  # the newlines before the quantity
    return newlines[before - 1] + 1 if before else 0


@lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    return [match.start() for match in _NEWLINE.finditer(text)]


_NEWLINE = re.compile("\n")


def _amount(stated: Quantity, converted: Quantity) -> float:
    """The stated figure a conversion is checked against: a range's upper end when one figure converts it."""
    return stated.high if stated.high is not None and converted.high is None else stated.value


@lru_cache(maxsize=256)  # every pair checked at a window states its rate
def _rate_and_note(window: RateWindow, language: str, traditional: bool) -> tuple[str, str | None]:
    """The window's rate and note as a mismatch in this language states them."""
    messages = Messages.speaking(language, traditional)
    if messages.chinese:
        return zh_rate(window, messages), _note_zh(window.note, messages) if window.note else ""
    return _rate_text(window, messages), window.note


def _rate_text(window: RateWindow, messages: Messages) -> str:
    """"7.28 CNY per USD (ECB, 2025-04-15)", written the way round that gives a number above one;
    a coarser source says so: "(NBP weekly, 2022-09-14)"."""
    rate, base, quote = window.latest, window.base, window.quote
    if rate < 1:
        rate, base, quote = 1 / rate, quote, base
    digits = 4 if rate < 10 else 3
    value = f"{rate:.{digits}g}" if rate < 1000 else f"{rate:,.0f}"
    source = window.source_short if window.granularity == "daily" else f"{window.source_short} {window.granularity}"
    return messages.say("currency.rate", rate=value, quote=quote, base=base, source=source,
                        date=window.latest_date.isoformat())


def _joined(relation: Relation, text: str, stated: Quantity, converted: Quantity,
            messages: Messages) -> tuple[str, str]:
    """What goes between the figures of a rebuilt pair, and what closes it: the house form of the
    join in English (" (", ", or about "), the writer's own in Chinese ("（约合", "，折合")."""
    if not messages.chinese:
        return _wrapping(relation)
    gap = " ".join(text[stated.end : converted.start].split())
    return gap, "）" if "（" in gap else ")" if "(" in gap else ""


def _wrapping(relation: Relation) -> tuple[str, str]:
    """How the text joined the two figures, to rebuild the pair in the suggestion."""
    if relation.cue.startswith("（"):
        return "（", "）"
    if relation.cue.startswith("("):
        return " (", ")"
    return ", " + relation.cue.strip(" ,") + " " if relation.cue.strip(" ,") else " (", ""

