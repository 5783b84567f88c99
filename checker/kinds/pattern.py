"""pattern: flag text matching any of a rule's regular expressions (like Vale's `existence`).

Patterns come from rule packs, which are untrusted, so they are compiled at load time (an invalid
one is a pack error with file and line) and run with the `regex` package's `timeout=`: a pattern
that backtracks catastrophically becomes a finding naming the rule, never a hang.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Iterable

import regex
from pydantic import AfterValidator, Field

from checker.kinds.base import AnalyzedBlock, Check, Params, register
from checker.model import Location, Problem, Span

MAX_PATTERN_CHARS = 1000


def _compilable(pattern: str) -> str:
    """Reject a pattern the regex engine cannot compile, with the engine's reason."""
    try:
        regex.compile(pattern)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        raise ValueError(f"invalid regular expression: {exc}") from None
    return pattern


Pattern = Annotated[str, Field(min_length=1, max_length=MAX_PATTERN_CHARS), AfterValidator(_compilable)]


class PatternParams(Params):
    patterns: list[Pattern] = Field(
        default_factory=list, max_length=500, description="regular expressions (regex syntax); any match is flagged"
    )
    ignore_case: bool = Field(False, description="match regardless of case")
    message: str = Field(
        "'{match}' matches a flagged pattern", max_length=500,
        description="what the finding says; {match} is replaced by the matched text",
    )
    timeout_seconds: float = Field(
        1.0, gt=0, le=30, description="time one paragraph may take to match; longer is reported as an error"
    )

    def disabled_reason(self) -> str | None:
        return None if self.patterns else "no patterns given"


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
        `timeout_seconds`: time one paragraph may take to match; longer is an error.
    """

    params: PatternParams

    def __init__(self, rule, params, env) -> None:
        super().__init__(rule, params, env)
        self._given_up: set[str] = set()  # patterns that timed out once in this document

    @cached_property
    def _compiled(self) -> list[regex.Pattern]:
        flags = regex.IGNORECASE if self.params.ignore_case else 0
        return [regex.compile(p, flags) for p in self.params.patterns]

    def block(self, block: AnalyzedBlock) -> Iterable[Problem]:
        for pattern in self._compiled:
            if pattern.pattern in self._given_up:
                continue
            try:
                matches = [m for m in pattern.finditer(block.text, timeout=self.params.timeout_seconds) if m.end() > m.start()]
            except TimeoutError:
                self._given_up.add(pattern.pattern)
                yield self._timed_out(block, pattern.pattern)
                continue
            for match in matches:
                yield self._flag(block, match)

    def _flag(self, block: AnalyzedBlock, match: regex.Match) -> Problem:
        text = match.group(0)
        span = _span(block, match.start(), match.end())
        message = self.params.message.replace("{match}", " ".join(text.split()))
        return Problem((span,), message, evidence={"match": text, "pattern": match.re.pattern})

    def _timed_out(self, block: AnalyzedBlock, pattern: str) -> Problem:
        span = _span(block, 0, min(len(block.text), 1))
        return Problem(
            (span,),
            f"rule '{self.rule.id}': pattern {pattern!r} took over {self.params.timeout_seconds:g} s on this "
            "paragraph and was stopped for the rest of this document; it probably backtracks catastrophically, "
            "rewrite it",
            evidence={"pattern": pattern, "timeout": True, "timeout_seconds": self.params.timeout_seconds},
            severity="error",
        )


def _span(block: AnalyzedBlock, start: int, end: int) -> Span:
    """The matched text, located: a finding may point at text that is not an amount."""
    line, column = block.block.locate(start)
    end_line, end_column = block.block.locate(max(end - 1, start))
    span = Span(block.text[start:end], start, end)
    span.loc = Location(line, column, end_line, end_column + 1)
    return span
