"""The words relate reads claims by, as plain data (until they move to checker/vocab/).

Each list names one role a word plays in a claim: a change verb or noun and its direction, the
words that mark a change's start or end, the words that make a list of parts exhaustive. Code
builds its patterns from these lists; no other relate module keeps its own copy.
"""

from __future__ import annotations

UP_VERBS = """rose risen rise rises rising increased increase increases increasing grew grown grows growing
    jumped jumps jumping climbed climbs climbing soared soars soaring surged surges surging gained gains
    gaining advanced advances advancing rallied rallies spiked swelled expanded expanding up higher boosted
    raised raising improved improving widened widening accelerated added""".split()
DOWN_VERBS = """fell fallen falls falling dropped drops dropping declined declines declining decreased decrease
    decreases decreasing slumped slumps slumping plunged plunges plunging plummeted plummeting tumbled
    tumbling slid slides sliding slipped slipping sank sinking shrank shrunk shrinks shrinking lost losing
    down lower cut cutting reduced reducing slashed dipped dipping eased easing retreated contracted
    contracting narrowed narrowing""".split()
UP_NOUNS = "rise increase jump gain growth climb surge hike rally boost expansion improvement".split()
DOWN_NOUNS = "drop fall decline decrease cut reduction slump plunge dip loss contraction slide".split()
# "25% higher than", "7.3% more than": the comparative after the figure, the start after "than".
UP_COMPARATIVES = "higher more bigger larger greater above".split()
DOWN_COMPARATIVES = "lower less smaller below".split()
HEDGES = ("about", "around", "roughly", "nearly", "almost", "some", "more than", "over", "less than",
          "just over", "just under", "close to", "approximately", "an estimated", "a further", "another")

# A figure's role in a change, from the words right before it.
START_MARKERS = ("from", "compared with", "compared to", "against", "versus", "vs", "vs.")
COMPARATIVE_START = ("than",)
END_MARKERS = ("to", "at", "reaching", "reached", "hitting", "to a record", "to a new", "at a record")
# Words after a figure that make it a time, not an amount: "up 30% from three years ago".
TIME_AFTER = ("years", "year", "months", "month", "weeks", "week", "days", "day", "quarters", "quarter",
              "decades", "hours", "ago", "earlier", "times")
MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()

MULTIPLIERS = {"doubled": 2.0, "doubling": 2.0, "doubles": 2.0, "tripled": 3.0, "trebled": 3.0, "triples": 3.0,
               "tripling": 3.0, "quadrupled": 4.0, "quadrupling": 4.0, "halved": 0.5, "halving": 0.5}
FRACTIONS = {"half": 1 / 2, "a half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
             "a quarter": 1 / 4, "one quarter": 1 / 4, "one-quarter": 1 / 4, "two-thirds": 2 / 3,
             "two thirds": 2 / 3, "three-quarters": 3 / 4, "three quarters": 3 / 4, "a fifth": 1 / 5,
             "a tenth": 1 / 10}

# Words that, between a change and a figure, show the figure belongs to another predicate:
# "cut its price target to $55 from $64", "forecasts ranged from 11.5 million to 15.7 million".
OTHER_PREDICATES = """said says say expects expected expect forecast forecasts forecasting estimated estimates
    estimate ranged ranging range marking sold buys bought reported posted trade trading traded
    and with which who whose when instead rather revised previously had has have been while set sets
    helped prompting putting pushing push pushed leaving making lifting lifted boosting valuing valued giving
    driving sending bringing there correct refiled adjusted basis excluding like-for-like comparable organic
    constant""".split()
# Starts stated as a time, not a figure: "up 9% from a year earlier", "up 26% on a year ago".
TIME_STARTS = ("from a year earlier", "from a year ago", "from a year before", "from the year before",
               "from last year", "from the previous year", "from the same period", "from the same quarter",
               "from the same month", "from the prior year", "from the previous quarter", "from the previous month",
               "on a year ago", "on a year earlier",
               "from the year-ago", "from a year-ago", "from a record", "from a peak", "from its peak",
               "from an all-time", "from a low", "from its low", "from a high", "from its high")

# Words that end a clause: a claim's roles never reach across them.
CLAUSE_CONJUNCTIONS = ("while", "whereas", "but", "although", "though", "meanwhile")

# Parts of a whole: what makes a list exhaustive, and what only bounds it.
EXHAUSTIVE_SPLITS = ("comprises", "comprise", "comprising", "comprised", "consists of", "consisting of",
                     "is made up of", "made up of", "was made up of", "is split into", "split into",
                     "is split between", "split between", "was split between", "divided into", "divided between",
                     "broken down into", "breaks down into", "is divided into")
TOTAL_AFTER = ("totalling", "totaling", "for a total of", "a total of", "adding up to", "a combined",
               "for a combined", "in all", "in total", "bringing the total to")
REST_WORDS = ("the rest", "the remaining", "the remainder", "the balance", "remaining")

# Chinese change words (changes_zh): direction, the verbs that mark an end, multiples and tenths.
ZH_UP = ["增长", "增加", "上升", "提高", "上涨", "增幅", "涨幅", "提升", "增", "升", "涨", "多"]
ZH_DOWN = ["下降", "减少", "降低", "下跌", "降幅", "跌幅", "回落", "降", "减", "跌", "少"]
ZH_END_VERBS = ["增至", "增加到", "增加至", "增长到", "增长至", "升至", "上升到", "上升至", "提高到", "提高至", "提升到",
                "提升至", "降至", "下降到", "下降至", "减少到", "减少至", "减至", "降低到", "降低至", "涨到", "涨至", "跌至",
                "回落至", "回落到", "达到"]
ZH_MULTIPLES = {"翻了一番": 2.0, "翻一番": 2.0, "翻了两番": 4.0, "翻两番": 4.0, "翻了三番": 8.0, "翻三番": 8.0,
                "减少一半": 0.5, "减半": 0.5, "下降一半": 0.5}
ZH_TENTHS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
