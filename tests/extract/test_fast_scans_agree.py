"""The fast paths of extraction find exactly what the plain patterns find.

`currency_after` tries only the alternatives of CURRENCY_AFTER that can start with the character
after the gap; the numeral and sentence patterns open with a lookahead of their first characters.
Each must give the same matches as the pattern it speeds up, on real wire copy and on generated
text built from the currency words themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import amounts
from checker.extract import exclusions, lexicon, wordnum
from checker.extract.patterns import first_char_lookahead

WIRE = Path(__file__).resolve().parents[2] / "seeds"
WORDS = ["dlrs", "dollars", "U.S. dollars", "US dlrs", "Hong Kong dollars", "yen", "yuan", "won", "euros",
         "cts", "cents", "pence", "rupees", "Swiss francs", "francs", "kr", "kr.", "USD", "usd", "€", "£", "¥",
         "pct", "mln", "billion", "the", "year", "shares", "-", " - ", "\n", ",", ".", ";", "(", ")", "Ft", "zł"]


def plain(text: str, pos: int):
    """What currency_after returned before it dispatched on the first character."""
    start = amounts._GAP_AND_DASHES.match(text, pos).end()
    two = text[start : start + 2]
    if (len(two) == 2 and two[0] in amounts._LETTERS and two[1] in amounts._SECOND_CHARS
            and two not in amounts._possible_name_starts()):
        return None
    return amounts.CURRENCY_AFTER.match(text, pos)


def outcome(match):
    if match is None:
        return None
    return match.span(), match.lastgroup, match.group(match.lastgroup), match.span(match.lastgroup)


def test_the_dispatch_table_covers_ascii():
    table = amounts._alternatives_by_first()
    assert table is not None, "an alternative may start with white space: every call takes the full pattern"
    assert "d" in table and table["d"], "dollars and dlrs start with d"
    assert table[","] == (), "no currency word starts with a comma"


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.sampled_from(["", " ", "  ", "-", " -", "\n"]))
def test_currency_after_agrees_with_the_full_pattern(words, gap):
    text = "5" + gap + " ".join(words)
    for pos in range(len(text)):
        assert outcome(amounts.currency_after(text, pos)) == outcome(plain(text, pos)), (text, pos)


def test_currency_after_agrees_on_every_currency_name():
    names = [*lexicon.SUFFIX_SYMBOLS, *lexicon.ISO_CODES, *lexicon.LOWERCASE_CODES_AFTER, "won",
             "U.S. dollars", "Hong Kong dlrs", "Australian dollars", "New Taiwan dollars", "Swiss francs"]
    for name in names:
        for text in (f"5 {name} more", f"5{name}", f"5 - {name}.", f"5 {name.upper()} x", f"5 {name.lower()}s"):
            assert outcome(amounts.currency_after(text, 1)) == outcome(plain(text, 1)), text


def test_currency_after_agrees_on_the_seed_copy():
    for path in sorted(WIRE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for pos in [m.end() for m in re.finditer(r"\d", text)]:
            assert outcome(amounts.currency_after(text, pos)) == outcome(plain(text, pos))


def _without_lookahead(pattern: re.Pattern) -> re.Pattern:
    """The pattern as it was before its first-character lookahead was put in front."""
    text = pattern.pattern
    assert text.startswith("(?="), text
    depth, index = 0, 0
    while True:  # the lookahead's closing parenthesis; a character class is skipped whole
        if text[index] == "[":
            index = text.index("]", index + 1)
        elif text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                break
        index += 1
    return re.compile(text[index + 1 :], pattern.flags)


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["1", "12", "1.5", "1,250", "1.250.000", "3,76", "1,250.5", "€", "$", " ", ".",
                                 "!", "?", ";", "\n\n", "\n", "U.S.", "The", "yuan", "China", " -- ", "(A", ",",
                                 " but ", " while ", "日元", "东京", "\"", "”", "Swiss", "South Sudan", "Sudanese",
                                 "Japanese", "yen", "Cairo", "Egypt", "one", "a half", "twenty-one", "minus three", "Nine",
                                 "-five", "_two", "billion", "and", "of", "NY 10001", "NYC", "-1234", "É"]), max_size=25))
def test_lookahead_patterns_match_as_before(pieces):
    from checker.extract import numerals
    from checker.relate import clauses
    from checker.resolve.document import _clues
    from checker.resolve.families import _cues
    from checker.vocab import vocab

    text = "".join(pieces)
    cues = [_cues(family.name) for family in vocab().families.families]
    from checker.extract import units

    patterns = [numerals._ENGLISH_ONLY, clauses.SENTENCE_END, clauses._BREAK, units._CANDIDATE, *_clues().values(),
                *(cue for cue in cues if cue is not None)]
    plain = {  # the European forms as written before they opened with the digit they consume
        numerals._EURO_GROUPED: r"(?<![\d.,])\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|\.\d{3},\d+)(?![\d]|[.,]\d)",
        numerals._DECIMAL_COMMA: r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d]|[.,]\d)",
        numerals._ONE_GROUP: r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d]|[.,]\d)",
        exclusions._ZONE_PATTERNS[-1][1]: r"\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b",  # a US ZIP code
    }
    for pattern, before in plain.items():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(before, text)], pattern.pattern
    from checker.extract.wordnum import WORD_RUN

    run = re.compile(WORD_RUN.pattern.replace(first_char_lookahead(wordnum._RUN, re.IGNORECASE), "", 1), re.IGNORECASE)
    assert [m.span() for m in WORD_RUN.finditer(text)] == [m.span() for m in run.finditer(text)]
    for pattern in patterns:
        before = _without_lookahead(pattern)
        assert ([(m.span(), m.lastgroup) for m in pattern.finditer(text)]
                == [(m.span(), m.lastgroup) for m in before.finditer(text)]), pattern.pattern


def test_first_char_lookahead_reads_the_pattern():
    from checker.extract.patterns import first_char_lookahead

    assert first_char_lookahead(r"(?<!South\s)Sudan(?:ese)?|\b(?i:yen)") == "(?=[S]|(?i:[y]))"
    assert first_char_lookahead(r"(?:-\s?)?(?:\d+|\.\d)") == r"(?=[\-\.\d])"
    assert first_char_lookahead(r"\s*x") == r"(?=[\sx])"
    for unbounded in (r"a*", r"(?:x|)", r"[^a]b", r".x", r"(a)?(?(1)a|.)"):  # empty matches, or any first character
        assert first_char_lookahead(unbounded) == "", unbounded
    samples = ["Sudan", "South Sudan", "YEN", "Yen", "\u212a", "x", " x", "-5", ".5", "\t5"]
    for source in (r"(?<!South\s)Sudan(?:ese)?|\b(?i:yen)", r"(?i:k|s)x?", r"(?:-\s?)?(?:\d+|\.\d)", r"\s*x"):
        ahead = re.compile(first_char_lookahead(source) + f"(?:{source})")
        plain = re.compile(source)
        for text in samples:  # the Kelvin sign is a "k" read without case: the lookahead folds case as re does
            assert [m.span() for m in ahead.finditer(text)] == [m.span() for m in plain.finditer(text)], (source, text)


def test_sentence_ends_are_the_sentences():
    from checker.relate.clauses import sentence_ends, sentences

    for text in ["", "One.", "Rates rose 5%. Then they fell; 3% in all", "No end", "A.\n\nB."]:
        spans = list(sentences(text))
        assert [end for _, end in spans] == [e for e in sentence_ends(text)][: len(spans)]
        assert all(a < b for a, b in spans)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["about", "more than", "nearly", "some", "approx.", "approx", "up to", "US$", "$", "€",
                                 "Rs.", "Rs", "kr", "USD", "usd", "NIS", "-", "−", " ", "\u00a0", "a", "was", "by",
                                 "over", "A$", "C $", "S&P"]), max_size=6))
def test_hedge_and_currency_before_read_as_before(pieces):
    from checker.extract.lexicon import HEDGE_PATTERN

    plain_hedge = re.compile(rf"(?<![A-Za-z])(?P<hedge>(?i:{HEDGE_PATTERN}))\s+\Z")
    text = " ".join(pieces) + " 5"
    start = len(text) - 1
    for end in range(start + 1):
        fast, plain = amounts.HEDGE_BEFORE.search(text, max(0, end - 30), end), plain_hedge.search(text, max(0, end - 30), end)
        assert (fast and (fast.span(), fast.group("hedge"))) == (plain and (plain.span(), plain.group("hedge")))
        if amounts.CURRENCY_BEFORE.search(text, max(0, end - 12), end) is not None:  # the shortcut never skips one
            assert any(char in amounts._CURRENCY_LAST_CHARS for char in text[max(0, end - 3) : end])
