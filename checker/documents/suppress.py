"""Inline suppressions: `figcheck: ignore` or `figcheck: ignore[rule-a, rule-b]`.

Markdown and HTML carry them in comments that apply to the next block; plain text carries them
anywhere in a line and they apply to that line's block.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from .base import Block

ALL_RULES = "*"

_DIRECTIVE = re.compile(r"figcheck:\s*ignore(?:\[([^\]\n]*)\])?")
_COMMENT = re.compile(r"<!--\s*(figcheck:\s*ignore(?:\[[^\]\n]*\])?)\s*-->")


def parse_directive(text: str) -> frozenset[str] | None:
    """The rules a directive found in `text` silences ("*" for all), or None if there is none."""
    match = _DIRECTIVE.search(text)
    if not match:
        return None
    return _rules(match.group(1))


def parse_comment(comment: str) -> frozenset[str] | None:
    """Like parse_directive, but only for an HTML comment that holds nothing else."""
    match = _COMMENT.fullmatch(comment.strip())
    return parse_directive(match.group(1)) if match else None


def _rules(listed: str | None) -> frozenset[str]:
    if listed is None:
        return frozenset({ALL_RULES})
    rules = frozenset(rule.strip() for rule in listed.split(",") if rule.strip())
    return rules or frozenset({ALL_RULES})


def mark_plain_text(blocks: Iterable[Block]) -> Iterator[Block]:
    """Attach `figcheck: ignore` directives written inside a plain-text block to that block."""
    for block in blocks:
        if "figcheck:" in block.text:
            for match in _DIRECTIVE.finditer(block.text):
                block.suppress = block.suppress | _rules(match.group(1))
                if block.suppress_line is None:
                    block.suppress_line = block.locate(match.start())[0]
        yield block
