"""Evidence in words an editor reads: "7.315 Chinese yuan per US dollar on 15 April 2025 (ECB)".

The findings keep their evidence as data (for JSON and SARIF); the terminal report, the HTML report,
the web page and the language server say it in sentences. Currency names and dates come from Babel's
CLDR data, in English or Chinese (through checker/report/cldr_names.json), so no word list lives here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from checker.dates import parse_day
from checker.report import cldr_names
from checker.kinds.messages import Messages
from checker.kinds.slips import slip_words

# Internal or already said by the message: never shown as evidence.
HIDDEN = frozenset({
    "rate_unit", "rate_date", "rate_low", "rate_high", "window", "source", "date", "date_source",
    "replacement", "pattern", "match", "stated", "converted", "expected", "unchecked", "timeout",
    "timeout_seconds", "rate_note", "granularity", "cue", "start", "end", "total", "sum", "parts", "shares", "actual_percent", "alternatives", "replacements",
})
LABELS = {
    "en": {"window": "any rate from {first} to {last} accepted ({low} to {high})",
           "factor": "off by a factor of {factor}", "slip": "likely slip: {slip}", "reason": "not checked: {reason}",
           "dated": "as of {date} ({source})", "undated": "no date known", "first": "first given as {first}",
           "units": "unit definitions: pint"},
    "zh": {"window": "接受 {first} 至 {last} 之间的汇率（{low} 至 {high}）",
           "factor": "相差 {factor} 倍", "slip": "可能的笔误：{slip}", "reason": "未检查：{reason}",
           "dated": "日期 {date}（{source}）", "undated": "日期未知", "first": "首次写作 {first}",
           "units": "单位定义：pint"},
}
SOURCES = {"ECB euro foreign exchange reference rates": "ECB"}
SEPARATORS = {"en": "; ", "zh": "；"}


def currency_name(code: str, language: str = "en", count: float = 2) -> str:
    return cldr_names.currency_name(code, cldr_names.locale_of(language), count)


def long_date(value: str | dt.date, language: str = "en") -> str:
    try:
        day = value if isinstance(value, dt.date) else parse_day(str(value))  # BadDate is a ValueError
    except ValueError:
        return str(value)
    return cldr_names.long_date(day, cldr_names.locale_of(language))


def rate_words(evidence: dict[str, Any], language: str = "en") -> str | None:
    """"7.315 Chinese yuan per US dollar on 15 April 2025 (ECB)", or None without a rate."""
    rate, unit = evidence.get("rate"), evidence.get("rate_unit")
    if not isinstance(rate, (int, float)):
        return None
    number = f"{rate:.4g}" if rate < 1000 else f"{rate:,.0f}"
    if not isinstance(unit, str) or " per " not in unit:
        text = f"{'汇率' if language == 'zh' else 'rate'} {number}"
    elif language == "zh":
        quote, base = unit.split(" per ", 1)
        text = f"1 {currency_name(base, language, 1)} = {number} {currency_name(quote, language, rate)}"
    else:
        quote, base = unit.split(" per ", 1)
        text = f"{number} {currency_name(quote, language, rate)} per {currency_name(base, language, 1)}"
    if evidence.get("rate_date"):
        text += (f"，{long_date(evidence['rate_date'], language)}" if language == "zh"
                 else f" on {long_date(evidence['rate_date'], language)}")
    source, granularity = evidence.get("source"), evidence.get("granularity")
    if source:
        name = SOURCES.get(source, source)
        if granularity and granularity != "daily":  # daily is what a reader assumes; say a coarser one
            name += f", {granularity} {'汇率' if language == 'zh' else 'rate'}"
        text += f" ({name})"
    return text


def evidence_sentences(evidence: dict[str, Any], language: str = "en", with_date: bool = True) -> list[str]:
    """The evidence as short phrases, most important first."""
    words = LABELS.get(language, LABELS["en"])
    said: list[str] = []
    rate = rate_words(evidence, language)
    if rate:
        said.append(rate)
        window = evidence.get("window")
        if isinstance(window, str) and ".." in window and evidence.get("rate_low") is not None:
            first, last = window.split("..", 1)
            said.append(words["window"].format(
                first=long_date(first, language), last=long_date(last, language),
                low=f"{evidence['rate_low']:.4g}", high=f"{evidence['rate_high']:.4g}"))
    elif evidence.get("source"):
        said.append(words["units"] if "pint" in str(evidence["source"]) else str(evidence["source"]))
    if isinstance(evidence.get("factor"), (int, float)):
        said.append(words["factor"].format(factor=f"{evidence['factor']:.3g}"))
    slip = slip_words(evidence, Messages.speaking(language))
    if slip:
        said.append(words["slip"].format(slip=slip))
    if evidence.get("unchecked") and evidence.get("reason"):
        said.append(words["reason"].format(reason=evidence["reason"]))
    if evidence.get("first"):
        said.append(words["first"].format(first=evidence["first"]))
    if with_date and evidence.get("date"):
        said.append(words["dated"].format(date=long_date(evidence["date"], language),
                                          source=date_source_words(evidence.get("date_source"), language)))
    for key, value in evidence.items():
        if key in HIDDEN or key in ("rate", "factor", "likely_slip", "slip_power", "reason", "first") or value is None:
            continue
        said.append(f"{key.replace('_', ' ')}: {_plain(value)}")
    return said


def evidence_words(evidence: dict[str, Any], language: str = "en", with_date: bool = True) -> str:
    """The evidence as one line of words (empty when there is nothing to add to the message)."""
    return SEPARATORS.get(language, "; ").join(evidence_sentences(evidence, language, with_date))


def date_source_words(source: str | None, language: str = "en") -> str:
    """Where the as-of date came from, said for a reader ("--date" is "set by hand")."""
    if language == "zh":
        return "日期未知" if not source else {"--date": "手动设定"}.get(source, f"来自 {source}")
    if not source:
        return "no date known"
    return {"--date": "set by hand"}.get(source, f"from {source}")


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) < 1e18 else f"{value:,.6g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)
