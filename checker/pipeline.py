"""One document through the whole flow: blocks -> extract -> resolve -> relate -> checks -> findings.

Blocks are processed one at a time and dropped, so a document's size does not set the memory
used; only the checks' own bounded state and the findings outlive a block.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from math import isfinite

from checker.asof import DateRule, as_of
from checker.builtin_rules import BUILTIN_RULES
from checker.documents.base import Block, Document
from checker.documents.loader import format_of
from checker.documents.suppress import LineSuppressions, directive_problems, line_directives
from checker.engine.packs import LoadedRule
from checker.kinds.base import AnalyzedBlock, Check, Env
from checker.extract import extract_with_unparsed
from checker.extract import prepare as prepare_extractors
from checker.findings import FileStats, Finding, LintResult, Severity
from checker.model import Location, Problem, Quantity
from checker.relate import relate
from checker.resolve import DocumentCurrencies, resolve_block
from checker.safety import BLOCK_PARSE_SECONDS, BLOCK_PARSE_WALL_SECONDS, TimeLimitExceeded, TimeLimits

MAX_UNPARSED_KEPT = 200


@dataclass(frozen=True)
class LintOptions:
    """What the caller decides for every document of a run (part of the run's frozen plan)."""

    date: dt.date | None = None  # --date: overrides every other date
    date_rules: tuple[DateRule, ...] = ()  # dates a config imposes on paths
    rates_file: str | None = None
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    extra: dict = field(default_factory=dict)
    # Keep where each relation (a conversion pair, a change, parts of a whole) sits, so a caller
    # can mark the figures that were checked and found right (`figcheck serve`, the LSP server).
    keep_relations: bool = False

    def wants(self, rule_id: str) -> bool:
        if self.select and rule_id not in self.select:
            return False
        return rule_id not in self.ignore


@dataclass(frozen=True, slots=True)
class CheckedSpan:
    """Where one relation the checks looked at sits in the original file (end column exclusive)."""

    kind: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass
class DocumentResult:
    path: str
    findings: list[Finding]
    stats: FileStats
    source: str | None = None
    file: str | None = None  # the real file (an export) when the document is one of its records
    record: bool = False
    relations: list[CheckedSpan] = field(default_factory=list)  # only with LintOptions.keep_relations
    date: dt.date | None = None  # the as-of date used, and where it came from
    date_source: str | None = None


def locate(block: Block, quantity: Quantity) -> Location:
    """The quantity's span in the original file; the end column is exclusive.

    In a block copied whole from the file (one piece: plain text), a span with no line end in it
    ends on its first line, as many columns on as it has characters: its end is not looked up
    again (Block.locate gives exactly that for it)."""
    line, column = block.locate(quantity.start)
    last = max(quantity.end - 1, quantity.start)
    if len(block.pieces) == 1 and "\n" not in block.text[quantity.start : last]:
        return Location(line, column, line, column + (last - quantity.start) + 1)
    end_line, end_column = block.locate(last)
    return Location(line, column, end_line, end_column + 1)


class _Suppressions:
    """Inline `figcheck: ignore[...]` comments, and whether each one suppressed anything."""

    def __init__(self) -> None:
        self.used: set[int] = set()
        self.seen: dict[int, frozenset[str]] = {}

    def register(self, block: Block) -> None:
        if block.suppress:
            self.seen.setdefault(block.suppress_line or 0, block.suppress)

    def applies(self, block: Block, rule_id: str) -> bool:
        if "*" in block.suppress or rule_id in block.suppress:
            self.used.add(block.suppress_line or 0)
            return True
        return False

    def unused(self) -> list[tuple[int, frozenset[str]]]:
        return [(line, rules) for line, rules in sorted(self.seen.items()) if line not in self.used]


def parse_limits() -> TimeLimits:
    """The per-block parse limits. A caller that lints a run of documents arms them once for the run
    (`with parse_limits() as limits:`) and hands them to each `lint_document`: arming sets two timers
    and two signal handlers, about as much as the rest of a small file's fixed cost."""
    return TimeLimits(BLOCK_PARSE_WALL_SECONDS, cpu_seconds=BLOCK_PARSE_SECONDS)


def lint_document(doc: Document, rules: list[LoadedRule], options: LintOptions,
                  limits: TimeLimits | None = None) -> DocumentResult:
    """One document's findings and coverage; `limits` are the run's armed parse limits (see
    `parse_limits`), or None to arm them for this document alone."""
    date, date_source = as_of(doc.path, (doc.date, doc.date_source), options.date, options.date_rules)
    env = Env(doc.path, date, date_source, options.rates_file, options.extra)
    active = [r for r in rules if options.wants(r.id)]
    checks: list[tuple[LoadedRule, Check]] = [(r, r.kind.check(r.rule, r.params, env)) for r in active]
    # not splitlines: U+2028, \f are no line ends. A record of an export has its export's lines instead.
    lines: list[str] | dict[int, str] | None = doc.source.split("\n") if doc.source is not None else doc.line_text
    path = doc.report_path
    stats = FileStats()
    findings: list[Finding] = []
    suppressions = _Suppressions()
    emitted: list[Finding] = []  # held until the line directives are all known (a streamed file's come with its blocks)
    context = DocumentCurrencies()
    kept: list[CheckedSpan] = []
    consumed_kinds = {kind for _, check in checks for kind in check.consumes}

    def emit(rule: LoadedRule, problem: Problem, block: Block | None) -> None:
        if block is not None and suppressions.applies(block, rule.id):
            return
        emitted.append(_finding(path, rule, problem, lines, block))

    blocks = _limited(doc, limits := parse_limits()) if limits is None else doc
    for block in blocks:
        suppressions.register(block)
        prepare_extractors(block.text)  # their first import is not the block's parse time
        try:
            with limits.block():
                quantities, unparsed = extract_with_unparsed(block.text)
        except TimeLimitExceeded as limit:
            line, column = block.locate(0)
            took = f"{BLOCK_PARSE_SECONDS:g} s of CPU time" if limit.cpu else f"{BLOCK_PARSE_WALL_SECONDS:g} s"
            findings.append(_plain_finding(
                path, line, "parse-timeout", "info",
                f"paragraph not checked: reading its figures took over {took}", lines, column,
            ))
            continue
        quantities, too_large = _checkable(quantities)
        unparsed = unparsed + too_large
        quantities = resolve_block(block.text, quantities, context.place)
        context.observe(block.text, quantities)
        quantities = context.resolve(quantities)
        for quantity in quantities:
            quantity.loc = locate(block, quantity)
        relations = relate(block.text, quantities)
        stats.amounts += len(quantities)
        # Coverage counts claims that tie figures together; a subject's figure stands alone (it is
        # remembered to hold a later mention against), so it is no claim of its own.
        claims = [relation for relation in relations if len(relation.quantities) > 1]
        stats.relations += len(claims)
        if options.keep_relations:  # only relations some active check reads: those are the checked ones
            kept.extend(_checked_span(block, relation) for relation in claims if relation.kind in consumed_kinds)
        for item in unparsed[: max(MAX_UNPARSED_KEPT - len(stats.unparsed), 0)]:
            line, column = block.locate(item.start)
            stats.unparsed.append(f"{path}:{line}:{column}: {item.text}")
        views: dict[tuple[str, ...], AnalyzedBlock] = {}  # one per set of relation types consumed
        for rule, check in checks:
            view = views.get(check.consumes)
            if view is None:
                consumed = [r for r in relations if r.kind in check.consumes]
                view = views[check.consumes] = AnalyzedBlock(block, quantities, consumed)
            for problem in check.block(view):
                emit(rule, problem, block)
    for rule, check in checks:
        for problem in check.finish():
            emit(rule, problem, problem.block)

    directives = _line_directives(doc)
    by_line = LineSuppressions(directives)
    findings.extend(f for f in emitted if not by_line.applies(f.line, f.rule))
    findings.extend(f for f in _note_findings(doc, lines) if not by_line.applies(f.line, f.rule))
    known = frozenset(r.id for r in rules) | frozenset(BUILTIN_RULES)
    for line, message in directive_problems(directives, known):
        findings.append(_plain_finding(path, line, "bad-suppression", "warning", message, lines))
    for directive in by_line.unused():
        if directive.rules <= {r.id for r in active} | {"*"}:
            findings.append(_plain_finding(
                path, directive.line, "unused-suppression", "info",
                f"{directive.action} of {', '.join(sorted(directive.rules))} suppresses nothing", lines,
            ))
    for line, rule_ids in suppressions.unused():
        findings.append(_plain_finding(
            path, line, "unused-suppression", "info",
            f"suppression of {', '.join(sorted(rule_ids))} suppresses nothing", lines,
        ))
    stats.checked = stats.relations - sum(1 for f in findings if f.evidence.get("unchecked"))
    if doc.record is not None:
        findings = [_with_record(f, doc) for f in findings]
    findings.sort(key=Finding.sort_key)
    return DocumentResult(doc.path, findings, stats, doc.source, doc.file, doc.record is not None,
                          kept, date, date_source)


def _limited(doc: Document, limits: TimeLimits):
    """The document's blocks, with the parse limits' timers armed from the first to the last."""
    with limits:
        yield from doc


def _line_directives(doc: Document) -> list:
    """The document's `figcheck:` line directives: read from its text, or (a streamed file, read
    after its blocks) gathered by the loader as the text went by."""
    if doc.directives is not None:
        return doc.directives
    if doc.source is not None and "figcheck:" in doc.source:
        return line_directives(doc.source, comments_only=format_of(doc.path) in ("markdown", "mdx", "html"))
    return []


def _checked_span(block: Block, relation) -> CheckedSpan:
    first, last = relation.quantities[0], relation.quantities[-1]
    start, end = min(q.start for q in relation.quantities), max(q.end for q in relation.quantities)
    closed = claim_end(block.text, start, end)  # like a finding, the claim runs to its closing bracket
    begin = locate(block, first)
    end_line, end_column = block.locate(max(closed - 1, start))
    return CheckedSpan(relation.kind, begin.line, begin.column, end_line, end_column + 1, block.text[start:closed])


MAX_CHECKED_VALUE = 1e21  # a thousand billion trillion: past any real amount, and far from float overflow
MIN_CHECKED_VALUE = 1e-12  # below it a ratio of two figures can overflow to inf


def _checkable(quantities: list[Quantity]) -> tuple[list[Quantity], list]:
    """Amounts a check can do arithmetic on, and the rest (1e308, 10^40, 1e-320 yuan) as unparsed: a
    conversion of such a figure would print inf, nan or $0, so it is reported as not checked."""
    from checker.extract import Unparsed

    kept, dropped = [], []
    for quantity in quantities:
        value, high = quantity.value, quantity.high
        if _checkable_value(value) and (high is None or _checkable_value(high)):
            kept.append(quantity)
        else:
            dropped.append(Unparsed(quantity.text, quantity.start, quantity.end))
    return kept, dropped


def _checkable_value(value: float) -> bool:
    return isfinite(value) and (value == 0 or MIN_CHECKED_VALUE <= abs(value) <= MAX_CHECKED_VALUE)


def _with_record(finding: Finding, doc: Document) -> Finding:
    """A finding in an export names its record (id or position, and headline) as evidence."""
    extra = {"record": doc.record} | ({"headline": doc.headline} if doc.headline else {})
    return finding.model_copy(update={"evidence": {**finding.evidence, **extra}})


_CLOSERS = {"(": ")", "（": "）", "[": "]", "【": "】"}


def claim_end(text: str, start: int, end: int) -> int:
    """Where the claim made by text[start:end] ends: after a bracket it opened but did not close.

    "600 billion yuan ($8.5 billion)" is the claim; the figures alone stop before the ")".
    """
    inside = text[start:end]
    for opener, closer in _CLOSERS.items():
        if inside.count(opener) > inside.count(closer):
            stop = end
            while stop < len(text) and text[stop] in " \t":
                stop += 1
            if text.startswith(closer, stop):
                return stop + len(closer)
    return end


def _finding(path: str, rule: LoadedRule, problem: Problem, lines: list[str] | dict[int, str] | None,
             block: Block | None = None) -> Finding:
    first, last = problem.quantities[0].loc, problem.quantities[-1].loc
    assert first is not None and last is not None, "quantities are located before checks run"
    end_line, end_column = last.end_line, last.end_column
    evidence = problem.evidence
    span, fixes = _span_text(problem, block), list(problem.fixes)
    if block is not None:
        stop = problem.quantities[-1].end
        closed = claim_end(block.text, problem.quantities[0].start, stop)
        if closed > stop:
            end_line, end_column = block.locate(closed - 1)
            end_column += 1
            evidence = _closed_replacements(evidence, block.text[stop:closed])
            span, fixes = span + block.text[stop:closed], [fix + block.text[stop:closed] for fix in fixes]
    message = rule.rule.render_message(problem.message, problem.suggestion, evidence)
    return Finding.model_construct(  # the values are already of the right types (see Finding)
        path=path,
        line=first.line,
        column=first.column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.id,
        severity="error" if problem.incomplete else _severity(problem.severity, rule.rule.severity),
        message=message,
        suggestion=problem.suggestion,
        evidence=evidence,
        source_line=_line(lines, first.line),
        span=span,
        fixes=fixes,
        fix_certain=problem.certain and len(problem.fixes) == 1,
    )


def _span_text(problem: Problem, block: Block | None) -> str:
    """The prose from the first quantity's start to the last one's end: what a fix replaces."""
    first, last = problem.quantities[0], problem.quantities[-1]
    if len(problem.quantities) == 1 or block is None or not (first.start < last.end <= len(block.text)):
        return first.text if len(problem.quantities) == 1 else f"{first.text}…{last.text}"
    return block.text[first.start : last.end]


def _closed_replacements(evidence: dict, tail: str) -> dict:
    """Exact replacements cover the figures' span; the span grew by `tail`, so must they."""
    if not isinstance(evidence.get("replacement"), str) and not evidence.get("replacements"):
        return evidence
    evidence = dict(evidence)
    if isinstance(evidence.get("replacement"), str):
        evidence["replacement"] += tail
    if isinstance(evidence.get("replacements"), list):
        evidence["replacements"] = [text + tail for text in evidence["replacements"]]
    return evidence


def _severity(problem: str | None, rule: str) -> str:
    """A problem's own severity only ever lowers its rule's: a check that says a finding is less sure
    ("warning", "info") never raises a rule its pack set lower. The one exception is "error" itself,
    which a check says only of the rule failing (a pattern that timed out or matched everywhere): that
    is an error whatever severity the rule's findings have."""
    if problem is None:
        return rule
    if problem == "error":
        return problem
    return min(problem, rule, key=Severity.of)


def _plain_finding(path: str, line: int, rule: str, severity: str, message: str,
                   lines: list[str] | None, column: int = 1) -> Finding:
    text = _line(lines, line)
    end = max(len(text), column) + 1 if text is not None else column + 1
    return Finding.model_construct(path=path, line=line, column=column, end_line=line, end_column=end,
                                   rule=rule, severity=severity, message=message, source_line=text)


def _note_findings(doc: Document, lines: list[str] | None) -> list[Finding]:
    return [_plain_finding(doc.report_path, n.line, n.rule, n.severity, n.message, lines, n.column)
            for n in doc.notes]


def _line(lines: list[str] | dict[int, str] | None, number: int) -> str | None:
    if isinstance(lines, dict):
        return lines.get(number)
    if lines is None or not 1 <= number <= len(lines):
        return None
    return lines[number - 1]


def add_outcome(result: LintResult, outcome: DocumentResult, keep_sources: bool = False) -> None:
    """Fold one document's findings and coverage into the run's result."""
    result.files += 1
    result.records += outcome.record
    real = outcome.file or outcome.path
    if not result.paths or result.paths[-1] != real:
        result.paths.append(real)
    result.findings.extend(outcome.findings)
    result.stats.amounts += outcome.stats.amounts
    result.stats.relations += outcome.stats.relations
    result.stats.checked += outcome.stats.checked
    result.stats.unparsed.extend(outcome.stats.unparsed)
    if keep_sources and outcome.source is not None:
        result.sources[outcome.path] = outcome.source
    if keep_sources:
        result.dates[outcome.path] = (outcome.date.isoformat() if outcome.date else None, outcome.date_source)
