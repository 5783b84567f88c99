"""Text edits from findings, applied only where the text still says what the finding read.

A finding points at 1-based lines and columns of the original file (any line ending) and carries the
prose it covers (`span`) with exact replacements for it (`fixes`). An edit is applied only when the
text at that place is still exactly `span`: a fix computed from HTML whose span crosses markup or an
entity, or from a file changed since, is skipped rather than written in the wrong place.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable

from checker.findings import Finding

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Edit:
    """Replace `original` at (line, column) with `replacement`."""

    line: int
    column: int
    original: str
    replacement: str
    rule: str = ""

    @classmethod
    def of(cls, finding: Finding, choice: int = 0) -> "Edit | None":
        if finding.span is None or not 0 <= choice < len(finding.fixes):
            return None
        return cls(finding.line, finding.column, finding.span, finding.fixes[choice], finding.rule)


def certain_edits(findings: Iterable[Finding]) -> list[Edit]:
    """The fixes `lint --fix` applies without asking: one replacement the check says is the only one."""
    return [edit for f in findings if f.fix_certain and (edit := Edit.of(f)) is not None]


def choosable(findings: Iterable[Finding]) -> list[Finding]:
    """Findings that offer at least one replacement, in file order."""
    return [f for f in findings if f.fixes and f.span is not None]


class LineIndex:
    """1-based (line, column) to a character offset, with CRLF, CR and LF all ending a line."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        self.length = len(text)

    def offset(self, line: int, column: int) -> int | None:
        if not 1 <= line <= len(self.starts):
            return None
        offset = self.starts[line - 1] + column - 1
        return offset if offset <= self.length else None

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit], list[Edit]]:
    """The text with every applicable edit made; and the edits applied and skipped.

    Skipped: the text at the place is no longer the finding's span, or the edit overlaps one before it.
    """
    index = LineIndex(text)
    placed: list[tuple[int, int, Edit]] = []
    skipped: list[Edit] = []
    for edit in edits:
        start = index.offset(edit.line, edit.column)
        end = start + len(edit.original) if start is not None else None
        if start is None or text[start:end] != edit.original:
            skipped.append(edit)
            continue
        placed.append((start, end, edit))
    placed.sort(key=lambda item: item[0])
    applied: list[tuple[int, int, Edit]] = []
    for start, end, edit in placed:
        if applied and start < applied[-1][1]:
            skipped.append(edit)
        else:
            applied.append((start, end, edit))
    pieces, cursor = [], 0
    for start, end, edit in applied:
        pieces += [text[cursor:start], edit.replacement]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), [edit for _, _, edit in applied], skipped
