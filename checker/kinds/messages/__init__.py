"""Finding messages in the document's language, from templates kept as data (en.yaml, zh.yaml).

A block written in Chinese gets Chinese messages, with the figures in the writer's own notation
("600亿元（约合82亿美元）"), and in traditional characters when the block is written in them; every
other block gets the English messages. The kinds build their messages only through `Messages`,
so the rich, JSON, SARIF and HTML reports all carry the same text.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from checker.kinds.restate import significant
from checker.language import language_of
from checker.model import Quantity
from checker.pickle_cache import cache_dir, read_pickle, write_pickle
from checker.vocab import alternation, vocab

# Characters only traditional copy uses, among the words that sit around figures.
_TRADITIONAL = re.compile(
    "[" + "".join(sorted(c for c in vocab().numbers.zh.fold if "\u4e00" <= c <= "\u9fff")) + "]")


@lru_cache(maxsize=4)
def _templates(language: str) -> dict[str, str]:
    """The language's templates: from figcheck's cache when it holds those of the file's exact
    bytes (checker.pickle_cache), else parsed from the YAML (and kept), so a run imports no YAML
    parser for them. The files sit beside this module, as the vocabulary's do."""
    raw = (Path(__file__).parent / f"{language}.yaml").read_bytes()
    kept = cache_dir() / f"messages-{hashlib.sha256(raw).hexdigest()[:24]}.pickle"
    templates = read_pickle(kept, dict)
    if templates is None:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the templates in 1 ms, not 9
        templates = yaml.load(raw.decode("utf-8"), Loader=loader)  # noqa: S506 - a safe loader
        write_pickle(kept, templates)
    return templates


@lru_cache(maxsize=1)
def _to_traditional():
    """OpenCC's simplified-to-Taiwan converter, loaded only for traditional-character copy."""
    import opencc

    return opencc.OpenCC("s2tw")


@lru_cache(maxsize=256)
def _traditional_template(template: str) -> str:
    return _to_traditional().convert(template)


@lru_cache(maxsize=64)
def _block_language(text: str) -> tuple[str, bool]:
    """(language, traditional?) of a block, read once per block however many findings it holds: a
    check that asks for every pair of a long block must not rescan the whole block each time."""
    language = language_of(text)
    return language, language == "zh" and bool(_TRADITIONAL.search(text))


class Messages:
    """The message templates of one block's language, filled in with that block's notation."""

    def __init__(self, text: str) -> None:
        self.language, self.traditional = _block_language(text)

    @classmethod
    def speaking(cls, language: str, traditional: bool = False) -> "Messages":
        """The templates of `language` ("en", "zh"; in traditional characters if asked) where there
        is no block to read it from: a report saying a finding's evidence in its reader's language."""
        messages = cls.__new__(cls)
        messages.language = "zh" if language == "zh" else "en"
        messages.traditional = traditional and messages.language == "zh"
        return messages

    @property
    def chinese(self) -> bool:
        return self.language == "zh"

    def say(self, key: str, **fields) -> str:
        template = _templates(self.language)[key]
        if self.traditional:
            template = _traditional_template(template)
        return template.format(**fields)

    def word(self, text: str) -> str:
        """A fixed Chinese word (a currency name, 欧洲央行) in the block's script."""
        return _traditional_template(text) if self.traditional else text

    def hedged(self, join: str) -> bool:
        """Whether the words joining an amount to its conversion already say the figure is loose
        ("or about", "（约"): a fix then keeps them and adds no "about" of its own."""
        return _hedged_join(self.language, join)


@lru_cache(maxsize=1024)  # a document's pairs are joined by a handful of different words
def _hedged_join(language: str, join: str) -> bool:
    from checker.extract.chinese_numerals import fold  # not at import: validating a pack loads no extract code

    return _join_hedge(language).search(fold(join) if language == "zh" else join) is not None


@lru_cache(maxsize=2)
def _join_hedge(language: str) -> re.Pattern[str]:
    """The join hedges of vocab: hedges.yaml's `join` role, zh_words.yaml's join_hedge (folded)."""
    if language == "zh":
        from checker.extract.chinese_numerals import zh_alternation

        return re.compile(zh_alternation(vocab().zh("join_hedge")))
    return re.compile(rf"\b(?:{alternation(vocab().hedge_words('join'))})\b", re.IGNORECASE)


# ---------------------------------------------------------------- Chinese notation

def _chinese_names() -> dict[str, str]:
    """Each currency's first Chinese name in the vocabulary: 美元, 港元, 新台币, 元人民币."""
    from checker.vocab import vocab

    return {c.code: c.zh_names[0] for c in vocab().currencies.currencies if c.zh_names}


_ZH_GRANULARITY = {"weekly": "周", "monthly": "月度"}
_ZH_NUMBERS = vocab().numbers.zh
_BIG_UNITS = set(vocab().zh_big_unit_values())  # 万 亿 兆 and the Traditional 萬 億
_NUMERAL = re.compile(
    rf"[0-9０-９.,．，〇{_ZH_NUMBERS.digits}{_ZH_NUMBERS.two}{_ZH_NUMBERS.formal_digits}{_ZH_NUMBERS.small_units}点點]+"
    rf"\s*(?:[{''.join(_BIG_UNITS)}]\s*)*")
_SCALES = [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")]


def currency_name_zh(code: str | None) -> str:
    return _zh_names().get(code or "", code or "")


@lru_cache(maxsize=1)
def _zh_names() -> dict[str, str]:
    return _chinese_names()


def zh_money(value: float, currency: str | None, like: Quantity | None = None, digits: int = 3) -> str:
    """A fresh amount written the Chinese way, in the wording of `like` when it is in that currency:
    "82亿美元", "新台币7.47亿元", "3440亿元人民币"."""
    prefix, suffix = "", currency_name_zh(currency)
    if like is not None and like.currency == currency:
        match = _NUMERAL.search(like.text)
        if match:
            prefix, suffix = like.text[: match.start()].lstrip("约約大概逾近超过超過 "), like.text[match.end() :]
    elif currency == "TWD":
        prefix, suffix = "新台币", "元"
    trillion = "兆" if like is not None and "兆" in like.text else "万亿"
    number = significant(value, digits)
    for size, word in _SCALES:
        if abs(value) >= size:
            number = significant(value / size, digits) + (trillion if size == 1e12 else word)
            break
    return f"{prefix}{number}{suffix}"


def zh_rate(window, messages: Messages) -> str:
    """"欧洲央行2025-04-15汇率（1美元兑7.315元人民币）", written the way round that gives a number above one."""
    rate, base, quote = window.latest, window.base, window.quote
    if rate < 1:
        rate, base, quote = 1 / rate, quote, base
    value = f"{rate:.{4 if rate < 10 else 3}g}" if rate < 1000 else f"{rate:,.0f}"
    source = window.source_zh
    if window.granularity != "daily":
        source += _ZH_GRANULARITY.get(window.granularity, window.granularity)
    return messages.say(
        "currency.rate", rate=value, base=base, quote=quote, date=window.latest_date.isoformat(),
        source=messages.word(source),
        base_name=messages.word(currency_name_zh(base)), quote_name=messages.word(currency_name_zh(quote)),
    )


def zh_number(value: float, digits: int = 3) -> str:
    """A bare figure with a Chinese scale: 1.64万, 2640亿."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return significant(value / size, digits) + word
    return significant(value, digits)
