"""The shape of the vocabulary files, checked once when they are read (`extra="forbid"` everywhere).

A typo in a key ("symbol:" for "symbols:") or a word given to two currencies is an error at load
time, not a silent miss in the grammar. The models are also the runtime tables: stages read them
through `checker.vocab.vocab()`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- currencies.yaml, families.yaml --------------------------------------------------------------
class Restate(_Strict):
    """How a fresh amount in this currency is written in a suggested fix."""

    prefix: str | None = None
    suffix: str | None = None

    @model_validator(mode="after")
    def _one(self) -> "Restate":
        if (self.prefix is None) == (self.suffix is None):
            raise ValueError("give exactly one of prefix and suffix")
        return self


class Currency(_Strict):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    iso_word: bool = False
    aliases: list[str] = []
    alias_before: list[str] = []
    lowercase_codes: list[str] = []
    lowercase_after: list[str] = []
    names: list[str] = []
    minor_names: list[str] = []
    symbols: list[str] = []
    suffix_symbols: list[str] = []
    context_symbols: dict[str, list[str]] = {}
    cues: list[str] = []
    document_cues: list[str] = []
    document_cues_zh: list[str] = []
    zh_names: list[str] = []
    zh_names_before: list[str] = []
    zh_countries: list[str] = []
    zh_minor: dict[str, float] = {}
    zh_unit: str | None = None
    restate: Restate | None = None


class Family(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z-]*$")
    members: list[str] = Field(min_length=2)
    default: str | None
    block: Literal["pick", "prefer", "none"]
    document: bool = False
    default_stays: bool = False
    names: list[str] = []
    minor_names: list[str] = []
    symbols: list[str] = []
    suffix_symbols: list[str] = []
    zh_names: list[str] = []

    @model_validator(mode="after")
    def _default_is_member(self) -> "Family":
        if self.default is not None and self.default not in self.members:
            raise ValueError(f"default {self.default} is not one of the members")
        return self


class CurrencyFile(_Strict):
    currencies: list[Currency]


class FamilyFile(_Strict):
    families: list[Family]


# --- scales.yaml ------------------------------------------------------------------------------
ScaleRole = Literal["after_long", "after_short", "number", "restricted", "second", "counting", "before_unit",
                    "spoken", "abbreviated", "restate", "count_before_unit"]


class Scale(_Strict):
    word: str
    value: float = Field(gt=0)
    roles: list[ScaleRole] = Field(min_length=1)


class ScaleFile(_Strict):
    scales: list[Scale]
    zh_big_units: dict[str, float]


# --- hedges.yaml ------------------------------------------------------------------------------
HedgeRole = Literal["amount", "unit", "pair", "subject", "size", "weight", "share_bound", "claim", "multiple", "tie", "join"]


class Hedge(_Strict):
    word: str
    roles: list[HedgeRole] = Field(min_length=1)
    bound: Literal["at_least", "at_most"] | None = None


class HedgeFile(_Strict):
    hedges: list[Hedge]
    zh_before: list[str]
    zh_after: list[str]
    zh_loose: list[str] = []


# --- changes.yaml -----------------------------------------------------------------------------
class ChangeWords(_Strict):
    verbs: list[str]
    participles: list[str] = []
    adverbs: list[str] = []
    comparatives: list[str] = []
    nouns: list[str] = []


def _fraction(value: str | int | float) -> str:
    Fraction(str(value))  # raises ValueError on "two" or "1/0"
    return str(value)


class ChineseChangeWords(_Strict):
    """Chinese change words (relate/changes_zh): by direction, the verbs that mark an end ("增至"),
    multiples ("翻两番": 4) and the tenths of "两成" (2 tenths = 20%)."""

    up: list[str]
    down: list[str]
    up_nouns: list[str] = []
    down_nouns: list[str] = []
    up_to: list[str] = []
    down_to: list[str] = []
    end_verbs: list[str]
    multiples: dict[str, str]
    tenths: dict[str, int]

    @field_validator("multiples", mode="before")
    @classmethod
    def _fractions(cls, value: dict) -> dict:
        return {word: _fraction(share) for word, share in value.items()}


class ChangeFile(_Strict):
    up: ChangeWords
    down: ChangeWords
    neutral: ChangeWords
    multipliers: dict[str, str]
    fractions: dict[str, str]
    zh: ChineseChangeWords

    @field_validator("multipliers", "fractions", mode="before")
    @classmethod
    def _fractions(cls, value: dict) -> dict:
        return {word: _fraction(share) for word, share in value.items()}


# --- numbers.yaml -----------------------------------------------------------------------------
class ChineseNumbers(_Strict):
    digits: str = Field(min_length=10, max_length=10)
    formal_digits: str = Field(min_length=9, max_length=9)
    two: str = Field(min_length=1, max_length=1)
    small_units: str
    fold: dict[str, str]
    # whole words that are numbers without a digit in them (半百: fifty, "年过半百")
    words: dict[str, float] = {}

    @field_validator("fold")
    @classmethod
    def _one_for_one(cls, value: dict[str, str]) -> dict[str, str]:
        for old, new in value.items():
            if len(old) != 1 or len(new) != 1:
                raise ValueError(f"the fold maps one character to one: {old!r} -> {new!r}")
        return value


class NumberFile(_Strict):
    cardinals: dict[str, int]
    formal_cardinals: dict[str, int]
    tens: dict[str, int]
    ordinals: dict[str, float]
    pronoun_before: list[str]
    pronoun_after: list[str]
    period_before: list[str]
    zh: ChineseNumbers


# --- units.yaml -------------------------------------------------------------------------------
class Unit(_Strict):
    pint: str
    words: list[str] = []
    symbols: list[str] = []
    zh: list[str] = []
    zh_prefix: list[str] = []
    zh_context: list[str] = []
    zh_not_before: list[str] = []
    definitions: list[str] = []
    bare_letter: str | None = Field(None, pattern=r"^[A-Z]$")


class TemperatureClaims(_Strict):
    """The English words that say a pair of temperatures is a reading (30C, 86F) or a difference (1.5C, 2.7F)."""

    fillers: list[str]
    difference_before: list[str]
    difference_verbs: list[str]
    difference_nouns: list[str]
    difference_after: list[str]
    not_difference_after: list[str]
    reading_before: list[str]
    reading_after: list[str]
    warming_bounds: list[str]
    warming_nouns: list[str]
    warming_links: list[str]


class PoundSense(_Strict):
    """The English words that tell "25 pounds" of weight from 25 pounds sterling (plain words or
    phrases, any case). Read by resolve/weights.py, which weighs them: see the comments in units.yaml."""

    weight_before: list[str]
    weight_of: list[str]
    weight_after: list[str]
    weight_words: list[str]
    mass_words: list[str]
    money_after: list[str]
    money_marks: list[str]
    money_words: list[str]
    british_words: list[str]


class UnitFile(_Strict):
    units: list[Unit]
    temperature_context: list[str]
    temperature_claims: TemperatureClaims
    pound_sense: PoundSense
    price_per: list[str]
    per_in_unit: dict[str, str]


# --- exclusions.yaml, cues.yaml ---------------------------------------------------------------
class ExclusionFile(_Strict):
    months: list[str]
    named_before: list[str]
    named_after: list[str]
    clock_after: list[str]
    year_cues_before: list[str]
    time_nouns: list[str]
    span_prepositions: list[str]
    per_after_article: list[str]
    function_words: list[str]
    web_domains: list[str]
    zh_not_numbers: list[str]


class CueFile(_Strict):
    conversion_links: list[str]
    zh_conversion_links: list[str]
    minor_unit_marks: list[str]
    stated_rate_joins: list[str]
    stated_rate_anchors: dict[str, str]
    stated_rate_links: list[str]
    stated_rate_weight_links: list[str]
    fiscal_before: list[str]
    fiscal_after: list[str]
    share_out_nouns: list[str]
    share_out_after: list[str]
    alternatives_before: list[str]
    difference_after: list[str]
    start_markers: list[str]
    comparative_start: list[str]
    end_markers: list[str]
    time_after: list[str]
    determiners: list[str]
    time_starts: list[str]
    other_predicates: list[str]
    clause_conjunctions: list[str]
    year_on_year: list[str]
    rebased_words: list[str]
    quote_links: list[str]
    exhaustive_splits: list[str]
    total_after: list[str]
    rest_words: list[str]
    bundle_nouns: list[str]
    per_item_words: list[str]
    whole_cues: list[str]
    margin_verbs: list[str]
    margin_nouns: list[str]
    margin_changes: list[str]
    clause_verbs: list[str]
    subject_verbs: dict[str, str]
    generic_subjects: list[str]
    size_cues: list[str]


# --- zh_words.yaml ----------------------------------------------------------------------------
class ZhConcept(_Strict):
    """One concept's Chinese words (or single characters), and the entries it reuses."""

    about: str = Field(min_length=1)
    words: list[str] = []
    chars: str = ""
    include: list[str] = []

    @model_validator(mode="after")
    def _has_words(self):
        if not (self.words or self.chars or self.include):
            raise ValueError("an entry needs words, chars or include")
        return self


class ZhWordFile(_Strict):
    concepts: dict[str, ZhConcept]


def _fold_problems(v) -> list[str]:
    """A Traditional form the fold reaches already is the same word listed twice; includes must exist."""
    table = str.maketrans(dict(v.numbers.zh.fold))
    problems = []
    for name, concept in v.zh_words.concepts.items():
        problems += [f"zh_words.yaml: {name}: unknown entry {o!r} in include" for o in concept.include
                     if o not in v.zh_words.concepts]
        reached, todo = set(), list(concept.include)
        while todo:
            other = todo.pop()
            if other == name:
                problems.append(f"zh_words.yaml: {name}: includes itself")
                break
            if other in v.zh_words.concepts and other not in reached:
                reached.add(other)
                todo += v.zh_words.concepts[other].include
        folded = [w.translate(table) for w in list(concept.words) + list(concept.chars)]
        problems += [f"zh_words.yaml: {name}: {w!r} is defined twice (Traditional and Simplified fold alike)"
                     for w in _twice(folded)]
    return problems


# --- across files -----------------------------------------------------------------------------
def cross_check(v) -> list[str]:
    """What one file cannot check alone: members exist, and no word is defined twice in one role."""
    problems: list[str] = []
    codes = [c.code for c in v.currencies.currencies]
    problems += [f"currencies.yaml: {code} is defined twice" for code in _twice(codes)]
    for family in v.families.families:
        problems += [f"families.yaml: {family.name}: unknown member {m}" for m in family.members if m not in codes]
    changes = v.changes
    change_words = {w for d in (changes.up, changes.down, changes.neutral) for w in d.verbs + d.participles}
    problems += [f"cues.yaml: margin_changes: {w!r} is not a change verb of changes.yaml"
                 for w in v.cues.margin_changes if w not in change_words]
    problems += [f"cues.yaml: stated_rate_anchors: {word!r}: unknown currency {code}"
                 for word, code in v.cues.stated_rate_anchors.items() if code not in codes]
    problems += [f"cues.yaml: stated_rate_weight_links: {word!r} is not one of stated_rate_links"
                 for word in v.cues.stated_rate_weight_links if word not in v.cues.stated_rate_links]
    for role, words in word_roles(v).items():
        problems += [f"{role}: {word!r} is defined twice" for word in _twice(words)]
    problems += _fold_problems(v)
    return problems


def word_roles(v) -> dict[str, list[str]]:
    """Every word of the vocabulary by role ("currency symbol", "hedge", ...), with repeats kept, so
    that a word given twice in one role (two currencies claiming "$") is seen."""
    roles: dict[str, list[str]] = {}

    def add(role: str, words) -> None:
        roles.setdefault(role, []).extend(words)

    for c in v.currencies.currencies:
        add("currency code", [c.code] if c.iso_word else [])
        add("currency code", c.aliases + c.alias_before)
        add("currency lower-case code", c.lowercase_codes)
        add("currency name", c.names + c.minor_names)
        add("currency symbol", c.symbols + list(c.context_symbols))
        add("currency symbol after", c.suffix_symbols)
        add("Chinese currency name", c.zh_names)
        add("Chinese minor unit of " + c.code, list(c.zh_minor))
        add("currency cue", c.cues)
    for f in v.families.families:
        add("currency name", f.names + f.minor_names)
        add("currency symbol", f.symbols)
        add("currency symbol after", f.suffix_symbols)
        add("Chinese currency name", f.zh_names)
    for f in v.families.families:
        if f.document:
            for code in f.members:
                c = next((c for c in v.currencies.currencies if c.code == code), None)
                if c is not None:
                    add("document cue", c.document_cues + c.document_cues_zh)
    add("scale word", [s.word for s in v.scales.scales])
    add("Chinese big unit", list(v.scales.zh_big_units))
    add("hedge", [h.word for h in v.hedges.hedges])
    add("Chinese hedge before", v.hedges.zh_before)
    add("Chinese hedge after", v.hedges.zh_after)
    ch = v.changes
    add("change verb", [w for d in (ch.up, ch.down, ch.neutral) for w in d.verbs + d.participles + d.adverbs]
        + list(ch.multipliers))
    add("change noun", ch.up.nouns + ch.down.nouns + ch.neutral.nouns)
    add("change comparative", ch.up.comparatives + ch.down.comparatives)
    add("change fraction", list(ch.fractions))
    add("Chinese change word", ch.zh.up + ch.zh.down)
    add("Chinese change noun", ch.zh.up_nouns + ch.zh.down_nouns)
    add("Chinese change end verb", ch.zh.up_to + ch.zh.down_to + ch.zh.end_verbs)
    add("Chinese change multiple", list(ch.zh.multiples))
    n = v.numbers
    add("number word", list(n.cardinals) + list(n.formal_cardinals) + list(n.tens))
    add("ordinal", list(n.ordinals))
    add("Chinese digit", list(n.zh.digits + n.zh.formal_digits + n.zh.two + n.zh.small_units))
    for u in v.units.units:
        add("unit word", u.words)
        add("unit symbol", u.symbols)
        add("Chinese unit", u.zh)
    for field in ExclusionFile.model_fields:
        add(field.replace("_", " "), getattr(v.exclusions, field))
    for field in CueFile.model_fields:
        add(field.replace("_", " "), list(getattr(v.cues, field)))
    return roles


def _twice(words) -> list[str]:
    seen: set[str] = set()
    repeated = []
    for word in words:
        if word in seen and word not in repeated:
            repeated.append(word)
        seen.add(word)
    return repeated
