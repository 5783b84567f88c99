"""Regular-expression building blocks shared by the extractors.

Long alternations of words ("kilometre|kilometres|km|...") make Python's regex engine try every
branch at every position; factoring shared prefixes into a trie ("k(?:m|ilo(?:metre|...))")
lets it give up after one character at most positions, which is most of the speed of extraction.
"""

from __future__ import annotations

import re


def trie_pattern(words, space: str = r"\s+") -> str:
    """An alternation matching exactly `words`, prefixes factored out; a space in a word
    matches `space` (any run of white space by default, as wrapped copy needs)."""
    return _trie([tuple(_tokens(w, space)) for w in set(words)])


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
