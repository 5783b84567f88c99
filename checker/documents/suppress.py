"""Inline suppressions, in the forms ruff, ESLint and markdownlint users expect.

    figcheck: ignore[rule-a, rule-b]         the next block (Markdown/HTML comment) or this block (text)
    figcheck: disable[rule-a] ... figcheck: enable[rule-a]      the lines in between
    figcheck: disable-next-line[rule-a]      the next line
    figcheck: disable-line[rule-a]           this line
    figcheck: disable-file[rule-a]           the whole file

No `[...]` means every rule. Any directive may end with a reason: `-- quoted as published`.
Markdown and HTML carry directives in comments (`<!-- figcheck: disable -->`); plain text and
.docx anywhere in a line. `ignore` is attached to blocks by the loaders; the line forms are read
from the document's text by `line_directives` and applied to findings by line. A directive
figcheck does not know, or a rule id no pack defines, is reported (`bad-suppression`) by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from .base import Block

ALL_RULES = "*"

_DIRECTIVE = re.compile(r"figcheck:\s*ignore(?![\w-])(?:\[([^\]\n]*)\])?")
_COMMENT = re.compile(r"<!--\s*(figcheck:\s*ignore(?:\[[^\]\n]*\])?)(?:\s+--[^\n]*?)?\s*-->")


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


# ---------------------------------------------------------------------------- line directives

ACTIONS = ("ignore", "disable", "enable", "disable-next-line", "disable-line", "disable-file")
_ANY = re.compile(r"figcheck:[ \t]*([A-Za-z][\w-]*)(?:\[([^\]\n]*)\])?(?:[ \t]+--[ \t]*([^\n]*?))?[ \t]*(?=-->|$)",
                  re.M)


@dataclass(frozen=True, slots=True)
class Directive:
    """One `figcheck:` directive as written: where, which action, which rules, and why."""

    line: int
    action: str
    rules: frozenset[str]
    reason: str | None = None


def line_directives(text: str, comments_only: bool) -> list[Directive]:
    """Every `figcheck:` directive in `text`, in order; in comments only for Markdown and HTML."""
    scanner = DirectiveScanner(comments_only)
    scanner.feed(text)
    return scanner.finish()


class DirectiveScanner:
    """Reads the `figcheck:` directives of a text fed to it in chunks of any size (a streamed file).

    Only whole lines are scanned (a directive is one line); the unfinished last line is held back
    until its end comes, or, past MAX_PENDING_CHARS without a line end, scanned up to a point where
    no directive can straddle. Whether the text is inside an HTML comment is carried from chunk to
    chunk, so Markdown and HTML directives count only in comments, exactly as in a small file.
    """

    MAX_PENDING_CHARS = 1 << 20
    _TAIL = 1024  # longer than any directive

    def __init__(self, comments_only: bool) -> None:
        self.comments_only = comments_only
        self.directives: list[Directive] = []
        self._pending = ""
        self._line = 1  # the line the pending text starts on
        self._in_comment = False

    def tap(self, chunks: Iterable[str]) -> Iterator[str]:
        """Pass `chunks` through unchanged, reading the directives on the way."""
        for chunk in chunks:
            self.feed(chunk)
            yield chunk
        self.finish()

    def feed(self, chunk: str) -> None:
        text = self._pending + chunk
        cut = text.rfind("\n") + 1
        if not cut and len(text) > self.MAX_PENDING_CHARS:
            cut = len(text) - self._TAIL
            near = text.rfind("figcheck:", cut - self._TAIL, cut)
            cut = near if near > 0 else cut
        if cut:
            self._scan(text, cut)
            text = text[cut:]
        self._pending = text

    def finish(self) -> list[Directive]:
        if self._pending:
            self._scan(self._pending, len(self._pending))
            self._pending = ""
        return self.directives

    def _scan(self, text: str, end: int) -> None:
        if "figcheck:" in text[:end] or (self.comments_only and ("<!--" in text[:end] or self._in_comment)):
            for start, stop in self._regions(text, end):
                for match in _ANY.finditer(text, start, stop):
                    reason = (match.group(3) or "").strip() or None
                    line = self._line + text.count("\n", 0, match.start())
                    self.directives.append(Directive(line, match.group(1).lower(), _rules(match.group(2)), reason))
        self._line += text.count("\n", 0, end)

    def _regions(self, text: str, end: int) -> Iterator[tuple[int, int]]:
        """The spans of text[:end] to look for directives in: all of it, or what is inside comments."""
        if not self.comments_only:
            yield 0, end
            return
        position = 0
        while position < end:
            if self._in_comment:
                close = text.find("-->", position, end)
                yield position, end if close == -1 else close
                if close == -1:
                    return
                self._in_comment, position = False, close + 3
            else:
                opening = text.find("<!--", position, end)
                if opening == -1:
                    return
                self._in_comment, position = True, opening + 4


class LineSuppressions:
    """The line forms of a document's directives, answering "is this rule silenced on this line?".

    Records which directives silenced something, so a directive that silences nothing can be
    reported as unused.
    """

    def __init__(self, directives: list[Directive]) -> None:
        self.whole_file: list[Directive] = []
        self.single: dict[int, list[Directive]] = {}
        self.ranges: list[tuple[Directive, int | None]] = []  # (disable, line of the enable or None)
        self.used: set[Directive] = set()
        self.directives = [d for d in directives if d.action in ACTIONS and d.action != "ignore"]
        open_ranges: list[Directive] = []
        for directive in self.directives:
            if directive.action == "disable-file":
                self.whole_file.append(directive)
            elif directive.action == "disable-line":
                self.single.setdefault(directive.line, []).append(directive)
            elif directive.action == "disable-next-line":
                self.single.setdefault(directive.line + 1, []).append(directive)
            elif directive.action == "disable":
                open_ranges.append(directive)
            elif directive.action == "enable":
                still_open = []
                for disable in open_ranges:
                    if ALL_RULES in directive.rules or disable.rules <= directive.rules:
                        self.ranges.append((disable, directive.line))
                    else:
                        still_open.append(disable)
                open_ranges = still_open
        self.ranges.extend((disable, None) for disable in open_ranges)

    def applies(self, line: int, rule_id: str) -> bool:
        candidates = [*self.whole_file, *self.single.get(line, [])]
        candidates += [d for d, end in self.ranges if d.line <= line and (end is None or line < end)]
        for directive in candidates:
            if ALL_RULES in directive.rules or rule_id in directive.rules:
                self.used.add(directive)
                return True
        return False

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.action != "enable" and d not in self.used]


def directive_problems(directives: list[Directive], known_rules: frozenset[str]) -> list[tuple[int, str]]:
    """(line, message) for each directive figcheck does not know and each rule id no pack defines."""
    problems = []
    for directive in directives:
        if directive.action not in ACTIONS:
            problems.append((directive.line, f"unknown suppression directive {directive.action!r}; "
                                             f"use one of: {', '.join(ACTIONS)}"))
            continue
        unknown = sorted(directive.rules - known_rules - {ALL_RULES})
        if unknown:
            problems.append((directive.line, f"suppression names unknown rule id(s): {', '.join(unknown)}"))
    return problems
