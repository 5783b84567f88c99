"""pattern: flag text matching any of a rule's regular expressions (like Vale's `existence`).

Patterns come from rule packs, which are untrusted, so they are compiled at load time (an invalid
one is a pack error with file and line) and run with the `regex` package's `timeout=`: a pattern
that backtracks catastrophically becomes a finding naming the rule, never a hang. Memory is
bounded too: counted repeats that nest into too many copies (`(?:a{1000}){1000}` takes 270 MB to
compile) are refused before compiling, a rule stops after MAX_MATCHES_PER_DOCUMENT matches in a
document (`.` would otherwise make a finding per character), and the matched text a message or a
fix repeats is capped.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Annotated, Iterable

import regex
from pydantic import AfterValidator, Field

from checker.empty import new_list
from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.model import Location, Problem, Span

MAX_PATTERN_CHARS = 1000
MAX_REPEAT_WEIGHT = 100_000  # copies of an atom that counted repeats may nest to
MAX_MATCHES_PER_DOCUMENT = 1000
MAX_MATCH_CHARS_IN_MESSAGE = 200
MAX_FIX_CHARS = 10_000
_COUNTED = regex.compile(r"\{(\d*)(,(\d*))?\}")


def repeat_weight(pattern: str) -> int:
    """About how many atoms the engine expands the pattern into: counted repeats multiply what
    they repeat, so `(?:a{1000}){1000}` weighs a million. Alternatives add (an over-estimate)."""
    stack, last, index = [0], 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            last, index = 1, index + 2
        elif char == "[":
            end = index + 1 + (pattern[index + 1 : index + 2] in ("]", "^"))
            while end < len(pattern) and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            last, index = 1, end + 1
        elif char == "(":
            stack.append(0)
            index += 1
            continue
        elif char == ")":
            last = stack.pop() if len(stack) > 1 else 0
            index += 1
        elif char == "{" and (counted := _COUNTED.match(pattern, index)) and (counted.group(1) or counted.group(3)):
            low, high = int(counted.group(1) or 0), counted.group(3)
            times = int(high) if counted.group(2) and high else low
            stack[-1] += last * (max(times, 1) - 1)
            last *= max(times, 1)
            index = counted.end()
            continue
        else:
            last, index = 1, index + 1
        stack[-1] += last
    return sum(stack)


def _compilable(pattern: str) -> str:
    """Reject a pattern the regex engine cannot compile, with the engine's reason, and one whose
    counted repeats would take unbounded memory to compile."""
    weight = repeat_weight(pattern)
    if weight > MAX_REPEAT_WEIGHT:
        raise ValueError(f"counted repeats nest to about {weight:,} copies (over {MAX_REPEAT_WEIGHT:,}); "
                         "compiling it would take too much memory")
    try:
        regex.compile(pattern)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        raise ValueError(f"invalid regular expression: {exc}") from None
    return pattern


Pattern = Annotated[str, Field(min_length=1, max_length=MAX_PATTERN_CHARS), AfterValidator(_compilable)]


class PatternParams(Params):
    patterns: list[Pattern] = Field(
        default_factory=new_list, max_length=500, description="regular expressions (regex syntax); any match is flagged"
    )
    ignore_case: bool = Field(False, description="match regardless of case")
    message: str = Field(
        "'{match}' matches a flagged pattern", max_length=500,
        description="what the finding says; {match} is replaced by the matched text",
    )
    fix: str | None = Field(
        None, max_length=500,
        description="a certain rewrite of each match, as a regex replacement template (\\g<name> names a group "
                    "the pattern has; a pattern without them is flagged unfixed); `figcheck lint --fix` applies it",
    )
    timeout_seconds: float = Field(
        1.0, gt=0, le=30, description="time one paragraph may take to match; longer is reported as an error"
    )

    def disabled_reason(self) -> str | None:
        return None if self.patterns else "no patterns given"


def _fix_groups(template: str) -> list[str]:
    return regex.findall(r"\\g<(\w+)>", template)


def _fix_fits(compiled: regex.Pattern, template: str) -> bool:
    return all(name.isdigit() and int(name) <= compiled.groups or name in compiled.groupindex
               for name in _fix_groups(template))


@register("pattern", PatternParams)
class PatternCheck(Check):
    """Flag text that matches any of the given regular expressions.

    Each match in a paragraph of prose is a finding at the matched text, saying `message` with
    `{match}` replaced by what matched. Patterns use the `regex` package's syntax. A pattern that
    takes longer than `timeout_seconds` on one paragraph (catastrophic backtracking, such as
    `(a+)+$`) stops there and is reported as an error naming the rule and the pattern, so that a
    hostile or careless rule pack can slow a run down by at most that much per document: a pattern
    that timed out is not run again on the same document.

    Why it matters:
        Some slips are plain text, not arithmetic: a doubled unit ("$5 million dollars"), a
        banned abbreviation. A desk's own patterns catch them without writing a check kind.

    Bad:
        The company paid $5 million dollars for the site.

    Good:
        The company paid $5 million for the site.

    Parameters:
        `patterns`: regular expressions (regex syntax); any match is flagged.
        `ignore_case`: match regardless of case.
        `message`: what the finding says; {match} is replaced by the matched text.
        `fix`: a certain rewrite of each match (a regex template such as `\\g<keep>`), which
            `figcheck lint --fix` applies.
        `timeout_seconds`: time one paragraph may take to match; longer is an error.
    """

    params: PatternParams

    def __init__(self, rule, params, env) -> None:
        super().__init__(rule, params, env)
        self._given_up: set[str] = set()  # patterns that timed out once in this document
        self._matches = 0

    @cached_property
    def _compiled(self) -> tuple[regex.Pattern, ...]:
        return _compiled_patterns(tuple(self.params.patterns), self.params.ignore_case)

    @cached_property
    def _required(self) -> list[frozenset[str]]:
        return [required_characters(p) for p in self.params.patterns]

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        for pattern, required in zip(self._compiled, self._required):
            if pattern.pattern in self._given_up:
                continue
            if not all(char in block.text for char in required):
                continue  # a character every match holds is not in the paragraph: nothing can match
            try:
                matches = [m for m in pattern.finditer(block.text, timeout=self.params.timeout_seconds) if m.end() > m.start()]
            except TimeoutError:
                self._given_up.add(pattern.pattern)
                yield self._timed_out(block, pattern.pattern)
                continue
            for match in matches:
                self._matches += 1
                if self._matches > MAX_MATCHES_PER_DOCUMENT:
                    self._given_up.update(p.pattern for p in self._compiled)
                    yield self._too_many(block, match)
                    return
                yield self._flag(block, match)

    def _too_many(self, block: AnalyzedBlock, match: regex.Match) -> Problem:
        return Problem(
            (_span(block, match.start(), match.end()),),
            f"rule '{self.rule.id}' matched over {MAX_MATCHES_PER_DOCUMENT:,} times in this document; the rest of "
            "the document was not searched (the pattern is probably too broad)",
            evidence={"pattern": match.re.pattern, "too_many_matches": True}, severity="error", incomplete=True,
        )

    def _flag(self, block: AnalyzedBlock, match: regex.Match) -> Problem:
        text = match.group(0)
        span = _span(block, match.start(), match.end())
        shown = " ".join(text.split())
        if len(shown) > MAX_MATCH_CHARS_IN_MESSAGE:
            shown = shown[: MAX_MATCH_CHARS_IN_MESSAGE - 1] + "…"
        message = self.params.message.replace("{match}", shown)
        fix = self.params.fix
        fixes = (match.expand(fix),) if fix is not None and _fix_fits(match.re, fix) else ()
        if fixes and len(fixes[0]) > MAX_FIX_CHARS:  # `\g<0>` repeated over a long match: no fix, not a gigabyte
            fixes = ()
        return Problem((span,), message, fixes[0] if fixes else None,
                       evidence={"match": text, "pattern": match.re.pattern}, fixes=fixes, certain=bool(fixes))

    def _timed_out(self, block: AnalyzedBlock, pattern: str) -> Problem:
        span = _span(block, 0, min(len(block.text), 1))
        return Problem(
            (span,),
            f"rule '{self.rule.id}': pattern {pattern!r} took over {self.params.timeout_seconds:g} s on this "
            "paragraph and was stopped for the rest of this document; it probably backtracks catastrophically, "
            "rewrite it",
            evidence={"pattern": pattern, "timeout": True, "timeout_seconds": self.params.timeout_seconds},
            severity="error", incomplete=True,
        )


_COUNTED_ONLY = regex.compile(r"\{\d*(?:,\d*)?\}")


@lru_cache(maxsize=256)  # a check is made per document: look each rule's patterns up once per process
def _compiled_patterns(patterns: tuple[str, ...], ignore_case: bool) -> tuple[regex.Pattern, ...]:
    flags = regex.IGNORECASE if ignore_case else 0
    return tuple(regex.compile(p, flags) for p in patterns)


@lru_cache(maxsize=1024)  # a check is made per document: parse each pattern once per process
def required_characters(pattern: str) -> frozenset[str]:
    """Characters without case (\"$\", \"%\", \"£\") that every match of `pattern` contains, so a
    paragraph without one of them need not be searched: most paragraphs lack the sign a pattern is
    about, and scanning them is most of this check's time. Read from Python's own parse of the
    pattern; a pattern it cannot parse, or that writes braces `regex` may read as fuzzy matching,
    has none (it is always searched)."""
    import re
    import warnings
    from re import _constants as c
    from re import _parser

    if "{" in _COUNTED_ONLY.sub("", pattern):
        return frozenset()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(pattern)
    except (re.error, RecursionError, ValueError, TypeError, AttributeError):
        return frozenset()

    def required(items) -> set[str]:
        found: set[str] = set()
        for op, av in items:
            if op is c.LITERAL:
                found.add(chr(av))
            elif op is c.SUBPATTERN:
                found |= required(av[3])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                if av[0] >= 1:
                    found |= required(av[2])
            elif op is c.ATOMIC_GROUP:
                found |= required(av)
            elif op is c.BRANCH:
                branches = [required(branch) for branch in av[1]]
                found |= set.intersection(*branches) if branches else set()
        return found

    try:
        chars = required(parsed)
    except (RecursionError, TypeError, ValueError, AttributeError):
        return frozenset()
    return frozenset(ch for ch in chars if not ch.isalpha() and ch.lower() == ch.upper() == ch)


def _span(block: AnalyzedBlock, start: int, end: int) -> Span:
    """The matched text, located: a finding may point at text that is not an amount."""
    line, column = block.block.locate(start)
    end_line, end_column = block.block.locate(max(end - 1, start))
    span = Span(block.text[start:end], start, end)
    span.loc = Location(line, column, end_line, end_column + 1)
    return span
