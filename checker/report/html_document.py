"""One document's text as HTML with its findings marked in place.

Each line becomes a row; the words a finding points at are wrapped in <mark> (overlapping
findings split the text into segments, each marked with the most severe finding covering it),
followed by a numbered reference, and the finding's note (message, fix, evidence) sits right under
the line where it ends, so an editor reads the verdict next to the sentence it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable, Iterable

from checker.findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class Numbered:
    """A finding with its number in the report, which links the summary, the mark and the note."""

    number: int
    finding: Finding


NoteRenderer = Callable[[Numbered], str]


def document_lines(text: str) -> list[str]:
    """Lines as the loaders count them: split on \\n, a trailing \\r dropped."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def render_text(lines: dict[int, str], items: list[Numbered], note: NoteRenderer) -> str:
    """Rows for the given line numbers (all of a document, or only the lines findings quote).

    Gaps between non-consecutive line numbers are shown as an elision row; a finding whose lines
    are not shown still gets its note, at the end.
    """
    on_line: dict[int, list[Numbered]] = {}
    notes_after: dict[int, list[Numbered]] = {}
    last_line = max(lines, default=0)
    for item in items:
        shown = [n for n in range(item.finding.line, min(item.finding.end_line, last_line) + 1) if n in lines]
        for number in shown:
            on_line.setdefault(number, []).append(item)
        notes_after.setdefault(shown[-1] if shown else None, []).append(item)
    rows: list[str] = []
    previous = None
    for number in sorted(lines):
        if previous is not None and number != previous + 1:
            rows.append('<div class="row gap"><span class="ln">⋮</span><span class="tx"></span></div>')
        rows.append(_row(number, lines[number], on_line.get(number, [])))
        rows.extend(note(item) for item in notes_after.get(number, []))
        previous = number
    rows.extend(note(item) for item in notes_after.get(None, []))
    return "\n".join(rows)


def _row(number: int, line: str, items: list[Numbered]) -> str:
    body = _marked(number, line, items) if items else escape(line)
    return f'<div class="row" id="L{number}"><span class="ln">{number}</span><span class="tx">{body}</span></div>'


def _marked(number: int, line: str, items: list[Numbered]) -> str:
    spans = {item.number: _span_on_line(item.finding, number, line) for item in items}
    return marked_segments(line, spans, items, ends=lambda item: _ends_here(item, number))


def marked_segments(text: str, spans: dict[int, tuple[int, int]], items: list[Numbered],
                    ends: Callable[[Numbered], bool] = lambda item: True) -> str:
    """`text` escaped, each finding's [low, high) marked (overlaps split into segments), then its number."""
    cuts = sorted({0, len(text)} | {edge for span in spans.values() for edge in span})
    out: list[str] = []
    for low, high in zip(cuts, cuts[1:]):
        covering = [item for item in items if spans[item.number][0] <= low and high <= spans[item.number][1]]
        segment = escape(text[low:high])
        if covering:
            out.append(_mark(segment, covering, starts=[i for i in covering if spans[i.number][0] == low]))
        else:
            out.append(segment)
        out.extend(_reference(item) for item in items if spans[item.number][1] == high and ends(item))
    return "".join(out)


def _span_on_line(finding: Finding, number: int, line: str) -> tuple[int, int]:
    """Character range [low, high) of `line` that the finding covers (never empty on a non-empty line)."""
    low = finding.column - 1 if number == finding.line else 0
    high = finding.end_column - 1 if number == finding.end_line else len(line)
    low = min(max(low, 0), len(line))
    high = min(max(high, low), len(line))
    if high == low and low < len(line):
        high = low + 1
    elif high == low and low > 0:
        low -= 1
    return low, high


def _ends_here(item: Numbered, number: int) -> bool:
    return item.finding.end_line == number


def _mark(segment: str, covering: list[Numbered], starts: Iterable[Numbered]) -> str:
    worst = max(covering, key=lambda item: Severity.of(item.finding.severity)).finding.severity
    tooltip = "\n".join(f"[{i.number}] {i.finding.severity} {i.finding.rule}: {i.finding.message}" for i in covering)
    anchors = "".join(f'<span class="anchor" id="f{i.number}"></span>' for i in starts)
    refs = " ".join(f"f{i.number}" for i in covering)
    rules = " ".join(sorted({i.finding.rule for i in covering}))
    return (f'{anchors}<mark class="{worst}" title="{escape(tooltip)}" data-findings="{refs}" '
            f'data-rules="{escape(rules)}">{segment}</mark>')


def _reference(item: Numbered) -> str:
    return f'<sup class="ref {item.finding.severity}"><a href="#note-{item.number}">{item.number}</a></sup>'
