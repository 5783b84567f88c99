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
    helped prompting putting pushing leaving making""".split()
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
