"""The rules figcheck reports on its own, without a rule pack: notes about the input itself.

A rule pack's rules are checks; these are what the loaders and the pipeline say about a file
(bytes that were not UTF-8, a date that could not be read, a paragraph that took too long, a
suppression that suppressed nothing). They carry rule ids like any finding, so a user can
`--select`, `--ignore` or suppress them, and `rules list` / `rules show` document them. This is
the one list of them: an id emitted anywhere in checker/ and missing here is a test failure.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.findings import SeverityName


@dataclass(frozen=True, slots=True)
class BuiltinRule:
    """One built-in rule id: who emits it, at what severity, and what it means."""

    id: str
    severity: SeverityName
    summary: str  # one line for `rules list`
    doc: str  # what `rules show` prints
    emitted_by: str  # the stage that reports it


BUILTIN_RULES: dict[str, BuiltinRule] = {
    rule.id: rule
    for rule in (
        BuiltinRule(
            "invalid-utf8", "info", "A file that is not UTF-8: read in the legacy encoding detected, or with replacement characters",
            "The file is not valid UTF-8 at the position named. When charset-normalizer is sure of a legacy "
            "encoding (GB18030/GBK, Big5, Shift_JIS, Windows-1252 and the other Windows code pages), the file "
            "was read in it and the note names it; otherwise the bytes were decoded as U+FFFD, so a figure "
            "next to them may not have been read. Save the file as UTF-8 to be sure all of it is read.",
            "documents",
        ),
        BuiltinRule(
            "invalid-encoding", "info", "Bytes that are not valid in the file's declared encoding",
            "The file declares an encoding (an HTML meta charset, a byte-order mark) that some of its "
            "bytes do not follow; they were read as U+FFFD replacement characters.",
            "documents",
        ),
        BuiltinRule(
            "bad-date", "warning", "A document's own date could not be read and was ignored",
            "The as-of date in the front matter, a meta tag or a record field is not a real YYYY-MM-DD "
            "day. It was ignored, so the document's conversions were checked without it (or at --date). "
            "A wrong date would pick the wrong exchange rates, so the date is never guessed.",
            "documents",
        ),
        BuiltinRule(
            "bad-front-matter", "warning", "Front matter that is not valid YAML or TOML",
            "The Markdown front matter (YAML between --- lines, TOML between +++ lines) could not be parsed, so its date and "
            "settings were not read. The body was still checked.",
            "documents",
        ),
        BuiltinRule(
            "unparsed-markup", "info", "Markup that could not be parsed as it stands was read as well as it could be",
            "The Markdown nests too deeply to parse safely; it was read as plain text, so markup "
            "characters may sit inside the prose that was checked. Or a .docx names parts it does not "
            "hold (a lost image): its text was read without them, as Word's recovery and pandoc read it.",
            "documents",
        ),
        BuiltinRule(
            "bad-record", "warning", "A line of a JSON Lines export that is not valid JSON",
            "A record in a JSON/JSONL export could not be parsed; it was skipped and the other records "
            "were checked.",
            "documents",
        ),
        BuiltinRule(
            "missing-field", "info", "A record without the field holding its text",
            "A record in a JSON/JSONL export has no value at the --field path, so there was nothing of it "
            "to check.",
            "documents",
        ),
        BuiltinRule(
            "unreadable-file", "error", "A file named on the command line that could not be read was not checked",
            "The file exists but could not be read as a document: permission denied, binary, a damaged "
            ".docx, a FIFO or device, a broken link. It is reported as an error for that file, so the other "
            "files of the run are still linted and the run still fails.",
            "documents",
        ),
        BuiltinRule(
            "worker-died", "error", "A document whose worker process died twice was not checked",
            "With --jobs (or audit on its local pool) the process checking this document was killed "
            "(the out-of-memory killer, kill -9, a crash), and it died again when the document was "
            "tried once more on its own. The document was not checked, so the run fails.",
            "pipeline",
        ),
        BuiltinRule(
            "file-changed", "error", "A file that changed, grew or vanished while the run read it",
            "The file was written to, replaced or deleted between the moment the run found it and the "
            "moment it finished reading it, so what was checked is not what is on disk now (or nothing "
            "was). Check it again once the writer is done.",
            "documents",
        ),
        BuiltinRule(
            "parse-timeout", "info", "A paragraph whose figures took too long to read was not checked",
            "Reading the figures of one paragraph took longer than the per-paragraph limit, so the "
            "paragraph was skipped rather than letting one input stall the run.",
            "pipeline",
        ),
        BuiltinRule(
            "unused-suppression", "info", "A figcheck: ignore comment that suppresses nothing",
            "An inline suppression comment matched no finding. Remove it, so that it cannot hide a "
            "real problem added to the paragraph later.",
            "pipeline",
        ),
        BuiltinRule(
            "bad-suppression", "warning", "A figcheck: directive figcheck does not know, or an unknown rule id",
            "A suppression comment uses a directive other than ignore, disable, enable, disable-next-line, "
            "disable-line or disable-file, or names a rule id no loaded pack defines. It silences nothing; "
            "fix the spelling so it does what it says.",
            "pipeline",
        ),
    )
}
