"""Applying fixes to files: the certain ones for `lint --fix`, chosen ones for `fix --interactive`.

Only files a finding names are opened, and only when the run read them from disk (never stdin);
each is rewritten atomically, or, with `diff`, left alone while a unified diff is printed.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from checker.findings import Finding
from checker.fix.edits import Edit, LineIndex, apply_edits, certain_edits, choosable
from checker.fix.files import FIXABLE_FORMATS, FixError, TextFile, unified_diff

CONTEXT_CHARS = 40


@dataclass
class FixReport:
    """What a fixing run did, for the one-line summary and the tests."""

    applied: list[tuple[str, Edit]] = field(default_factory=list)
    skipped: list[tuple[str, Edit]] = field(default_factory=list)
    files_changed: list[str] = field(default_factory=list)
    diff: str = ""
    problems: list[str] = field(default_factory=list)  # files left alone, with why

    def summary(self) -> str:
        from checker.report.common import plural

        text = f"fixed {plural(len(self.applied), 'finding')} in {plural(len(self.files_changed), 'file')}"
        if self.skipped:
            skipped = len(self.skipped)
            text += f"; {skipped} {'fix' if skipped == 1 else 'fixes'} skipped (the text there differs from what was checked)"
        return text


def by_file(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.path != "-" and os.path.isfile(finding.path) and finding.path.lower().endswith(FIXABLE_FORMATS):
            grouped[finding.path].append(finding)
    return dict(sorted(grouped.items()))


def apply_to_files(plan: dict[str, list[Edit]], diff: bool = False) -> FixReport:
    """Make the planned edits, file by file; `diff`: print what would change, write nothing."""
    report = FixReport()
    for path, edits in plan.items():
        if not edits:
            continue
        try:
            file = TextFile.read(path)
        except FixError as error:
            report.problems.append(str(error))
            continue
        text, applied, skipped = apply_edits(file.text, edits)
        report.applied += [(path, e) for e in applied]
        report.skipped += [(path, e) for e in skipped]
        if text == file.text:
            continue
        report.files_changed.append(path)
        if diff:
            report.diff += unified_diff(path, file.text, text)
            continue
        try:
            file.write(text)
        except FixError as error:
            report.problems.append(str(error))
            report.files_changed.remove(path)
            report.applied = [(p, e) for p, e in report.applied if p != path]
    return report


def certain_plan(findings: Iterable[Finding]) -> dict[str, list[Edit]]:
    return {path: certain_edits(items) for path, items in by_file(findings).items()}


def fixed_findings(findings: Sequence[Finding], report: FixReport) -> list[Finding]:
    """The findings that remain once `report`'s edits are made (for the lint report after --fix)."""
    done = {(path, e.line, e.column, e.rule, e.original) for path, e in report.applied}
    return [f for f in findings if (f.path, f.line, f.column, f.rule, f.span) not in done]


# ------------------------------------------------------------------------------- interactive

Ask = Callable[[str], str]


class Stop(Exception):
    """The editor asked to stop: keep what was chosen so far, ask nothing more."""


def choose_interactively(findings: Iterable[Finding], ask: Ask = input, say: Callable[[str], None] = print
                         ) -> dict[str, list[Edit]]:
    """Walk every finding that offers a fix; the editor picks one alternative, skips, or stops."""
    plan: dict[str, list[Edit]] = {}
    groups = {path: choosable(items) for path, items in by_file(findings).items()}
    total = sum(len(items) for items in groups.values())
    number = 0
    try:
        for path, items in groups.items():
            try:
                text = TextFile.read(path).text
            except FixError as error:
                say(f"figcheck: {error}")
                continue
            plan[path] = []
            for finding in items:
                number += 1
                edit = _ask_one(finding, text, f"[{number}/{total}]", ask, say)
                if edit is not None:
                    plan[path].append(edit)
    except Stop:
        pass
    return plan


def _ask_one(finding: Finding, text: str, counter: str, ask: Ask, say: Callable[[str], None]) -> Edit | None:
    say("")
    say(f"{counter} {finding.path}:{finding.line}:{finding.column}  {finding.severity}[{finding.rule}]")
    say(f"  {finding.message}")
    before, after = _context(text, finding)
    say(f"  now: {before}{finding.span}{after}")
    for number, replacement in enumerate(finding.fixes, 1):
        say(f"  {number}:   {before}{replacement}{after}")
    choices = "/".join(str(n) for n in range(1, len(finding.fixes) + 1))
    while True:
        try:
            answer = ask(f"  fix with {choices}, s to skip, q to stop: ").strip().lower()
        except EOFError:
            raise Stop from None
        if answer in ("q", "quit"):
            raise Stop
        if answer in ("s", "skip", ""):
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(finding.fixes):
            return Edit.of(finding, int(answer) - 1)
        say(f"  please answer {choices}, s or q")


def _context(text: str, finding: Finding) -> tuple[str, str]:
    """Up to CONTEXT_CHARS of the line on each side of the span, cut at a space, so both alternatives
    read in place."""
    index = LineIndex(text)
    start = index.offset(finding.line, finding.column)
    if start is None or finding.span is None:
        return "", ""
    end = start + len(finding.span)
    line_start = index.starts[finding.line - 1]
    line_end = index.starts[finding.line] if finding.line < len(index.starts) else len(text)
    before = text[max(line_start, start - CONTEXT_CHARS) : start]
    if start - CONTEXT_CHARS > line_start:
        before = "…" + before[before.find(" ") + 1 :] if " " in before else "…" + before
    after = text[end : min(end + CONTEXT_CHARS, line_end)].rstrip("\r\n")
    if end + CONTEXT_CHARS < line_end and " " in after:
        after = after[: after.rfind(" ")] + "…"
    return before, after
