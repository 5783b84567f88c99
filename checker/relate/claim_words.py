"""The words relate reads claims by, shaped from checker/vocab (changes.yaml, cues.yaml, hedges.yaml).

Each list names one role a word plays in a claim: a change verb or noun and its direction, the
words that mark a change's start or end, the words that make a list of parts exhaustive. The words
themselves are data in checker/vocab, shared with the extractor (which reads "rose from 5 to 6
billion" as two endpoints after the same verbs); this module only gives them the names the claim
readers use.
"""

from __future__ import annotations

from fractions import Fraction

from checker.vocab import vocab

_V = vocab()
_UP, _DOWN, _CUES = _V.changes.up, _V.changes.down, _V.cues

UP_VERBS = [*_UP.verbs, *_UP.participles, *_UP.adverbs, *_UP.comparatives[:1]]
DOWN_VERBS = [*_DOWN.verbs, *_DOWN.participles, *_DOWN.adverbs, *_DOWN.comparatives[:1]]
# Change words that can stand in apposition after the figures they qualify: "..., up 12%",
# "..., rising 5% from", "..., 25% higher than".
ADVERBIAL = [w for d in (_UP, _DOWN) for w in (*d.adverbs, *d.participles, *d.comparatives)]
UP_NOUNS = list(_UP.nouns)
DOWN_NOUNS = list(_DOWN.nouns)
# "25% higher than", "7.3% more than": the comparative after the figure, the start after "than".
UP_COMPARATIVES = list(_UP.comparatives)
DOWN_COMPARATIVES = list(_DOWN.comparatives)
HEDGES = tuple(_V.hedge_words("claim"))
# Hedges before a change said as a factor ("more than doubled"), and between a part, its whole and
# the percentage that ties them ("or about 45%").
MULTIPLE_HEDGES = tuple(_V.hedge_words("multiple"))
TIE_HEDGES = tuple(_V.hedge_words("tie"))
# Words before a figure that say whose it is ("its", "this year's").
DETERMINERS = tuple(_CUES.determiners)
# Names of a currency's hundredths ("cents", "pence"), as the extractor reads them (regular expressions).
MINOR_NAMES = tuple(p for c in [*_V.currencies.currencies, *_V.families.families] for p in c.minor_names)

# A figure's role in a change, from the words right before it.
START_MARKERS = tuple(_CUES.start_markers)
COMPARATIVE_START = tuple(_CUES.comparative_start)
END_MARKERS = tuple(_CUES.end_markers)
# Words after a figure that make it a time, not an amount: "up 30% from three years ago".
TIME_AFTER = tuple(_CUES.time_after)
MONTHS = [month.lower() for month in _V.exclusions.months]

MULTIPLIERS = {word: float(Fraction(factor)) for word, factor in _V.changes.multipliers.items()}
FRACTIONS = {phrase: float(Fraction(share)) for phrase, share in _V.changes.fractions.items()}

# Words that, between a change and a figure, show the figure belongs to another predicate:
# "cut its price target to $55 from $64", "forecasts ranged from 11.5 million to 15.7 million".
OTHER_PREDICATES = list(_CUES.other_predicates)
# Starts stated as a time, not a figure: "up 9% from a year earlier", "up 26% on a year ago".
TIME_STARTS = tuple(_CUES.time_starts)

# Words that end a clause: a claim's roles never reach across them.
CLAUSE_CONJUNCTIONS = tuple(_CUES.clause_conjunctions)
# A change said year on year; words that rebase its start ("before the split"); what quotes a
# currency against another ("the yen against the dollar"), and the currency names such a quote names.
YEAR_ON_YEAR = tuple(_CUES.year_on_year)
REBASED_WORDS = tuple(_CUES.rebased_words)
QUOTE_LINKS = tuple(_CUES.quote_links)
CURRENCY_NAMES = tuple(sorted({n for c in [*_V.currencies.currencies, *_V.families.families] for n in c.names}))

# Parts of a whole: what makes a list exhaustive, and what only bounds it.
EXHAUSTIVE_SPLITS = tuple(_CUES.exhaustive_splits)
TOTAL_AFTER = tuple(_CUES.total_after)
REST_WORDS = tuple(_CUES.rest_words)
BUNDLE_NOUNS = tuple(_CUES.bundle_nouns)
PER_ITEM_WORDS = tuple(_CUES.per_item_words)
WHOLE_CUES = tuple(_CUES.whole_cues)
# A count word right before a bare number ("six 777 minijumbos"): cardinals and the counting scales.
COUNT_WORDS = (*_V.numbers.cardinals, *_V.scale_words("count_before_unit"))

# Stated differences: a margin's verbs and nouns, and the change words that say it moved.
MARGIN_VERBS = tuple(_CUES.margin_verbs)
MARGIN_NOUNS = tuple(_CUES.margin_nouns)
MARGIN_CHANGES = tuple(_CUES.margin_changes)

# Chinese change words (changes_zh): direction, the verbs that mark an end, multiples and tenths.
_ZH = _V.changes.zh
ZH_UP = list(_ZH.up)
ZH_DOWN = list(_ZH.down)
ZH_END_VERBS = list(_ZH.end_verbs)
ZH_MULTIPLES = {word: float(Fraction(factor)) for word, factor in _ZH.multiples.items()}
ZH_TENTHS = dict(_ZH.tenths)
