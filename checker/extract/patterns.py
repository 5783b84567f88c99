"""Regular-expression building blocks shared by the extractors.

Long alternations of words ("kilometre|kilometres|km|...") make Python's regex engine try every
branch at every position; factoring shared prefixes into a trie ("k(?:m|ilo(?:metre|...))")
lets it give up after one character at most positions, which is most of the speed of extraction.
"""

from __future__ import annotations

import re

from checker.vocab import derived


def trie_pattern(words, space: str = r"\s+") -> str:
    """An alternation matching exactly `words`, prefixes factored out; a space in a word
    matches `space` (any run of white space by default, as wrapped copy needs). The tries of the
    vocabulary are built at every start, so each is kept in the cache (`checker.vocab.derived`)."""
    unique = set(words)
    return derived("trie", space + "\0" + "\0".join(sorted(unique)),
                   lambda: _trie([tuple(_tokens(w, space)) for w in unique]))


def _tokens(word: str, space: str) -> list[str]:
    return [space if ch == " " else re.escape(ch) for ch in word]


def _trie(words: list[tuple[str, ...]]) -> str:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    ends_here = False
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    # Longer continuations are tried first by the engine anyway (a trie branch is greedy), but
    # the optional group must come last so that "miles" is preferred over "mile".
    branches = [token + _trie(rests) for token, rests in sorted(by_first.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


def first_char_lookahead(pattern: str, flags: int = 0) -> str:
    """A lookahead `(?=[...])` of the characters a match of `pattern` can start with, or "" when
    they cannot be told (a match may start with any character, or be empty).

    Python's `re` only skips ahead in C to where a match can start when the pattern opens with a
    character or a set; one that opens with a lookbehind, a word boundary or a group is tried in
    full at every position. Put in front of such a pattern, the lookahead fails at once wherever no
    match can start, and changes nothing else: the set it tests is read from the parsed pattern
    itself (a superset where that is simpler), so the matches are the same. Reading the parse of
    a vocabulary pattern is a noticeable share of start-up, so the lookahead is kept in the cache
    (`checker.vocab.derived`).
    """
    return derived("lookahead", f"{int(flags)}\0{pattern}", lambda: _lookahead(pattern, flags))


def _lookahead(pattern: str, flags: int) -> str:
    from re import _parser

    parsed = _parser.parse(pattern, flags)
    pieces, nullable = _first_pieces(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    if pieces is None or nullable:
        return ""
    exact = "".join(sorted(body for body, folded in pieces if not folded))
    folded = "".join(sorted(body for body, folded in pieces if folded))
    tests = ([f"[{exact}]"] if exact else []) + ([f"(?i:[{folded}])"] if folded else [])
    return f"(?={'|'.join(tests)})"


def _first_pieces(items, ignore_case: bool):
    """The class pieces (source text, read without case) a match of `items` can start with, and
    whether `items` can match the empty string; None for the pieces when any character may start it."""
    from re import _constants as c

    pieces: set[tuple[str, bool]] = set()
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the next item consumes the first character
        if op is c.LITERAL:
            pieces.add((_escape(av), ignore_case))
            return pieces, False
        if op is c.IN:
            body = _class_body(av)
            if body is None:
                return None, False
            pieces.add((body, ignore_case))
            return pieces, False
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            folded = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            inner, nullable = _first_pieces(list(sub), folded)
        elif op is c.ATOMIC_GROUP:
            inner, nullable = _first_pieces(list(av), ignore_case)
        elif op is c.BRANCH:
            inner, nullable = set(), False
            for branch in av[1]:
                alternative, empty = _first_pieces(list(branch), ignore_case)
                if alternative is None:
                    return None, False
                inner |= alternative
                nullable = nullable or empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            least, _most, sub = av
            inner, nullable = _first_pieces(list(sub), ignore_case)
            nullable = nullable or least == 0
        else:  # any character, a negated literal, a back-reference, a conditional: anything may start it
            return None, False
        if inner is None:
            return None, False
        pieces |= inner
        if not nullable:
            return pieces, False
    return pieces, True


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _class_body(items) -> str | None:
    """The source of a set's members, to go inside [...]; None for a negated set."""
    from re import _constants as c

    parts = []
    for op, av in items:
        if op is c.LITERAL:
            parts.append(_escape(av))
        elif op is c.RANGE:
            parts.append(f"{_escape(av[0])}-{_escape(av[1])}")
        elif op is c.CATEGORY and str(av) in _CATEGORIES:
            parts.append(_CATEGORIES[str(av)])
        else:  # a negated set (or a category this does not know): anything may be in it
            return None
    return "".join(parts)


def _escape(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else re.escape(char) if not char.isalnum() else char
