"""The issue-14 battery's held-out cases: inputs and faults the first two batteries do not try.

Text saved without a byte-order mark, legacy and wide encodings, odd file names, documents that
are directories, archives with hostile entry names, huge attributes and fences, options and
environment values at their edges, and closed pipes for every report format.

Each case says what a trusted tool does (`trusted=`); `run_case` checks that no input changed
(sha256) and that no traceback was printed. Cases run the CLI in-process; only those about the
process's own streams, signals and environment start `python -m checker`.
"""

from __future__ import annotations

import json
from typing import Callable

import pytest

from tests.robust.test_robust_battery import DATE, RIGHT, WRONG, Case, Outcome, _assert, one_line_error, run_case

LINT = ["--format", "json", "--date", DATE]
ZH_WRONG = "基金获得600亿元人民币（约合8.5亿美元）。"
ZH_RIGHT = "该基金自2014年以来已筹集近7000亿元人民币（960亿美元）。"


def flags_the_pair(count: int = 1) -> Callable[[Outcome], None]:
    """Exit 1, the wrong pair found `count` times, and no message with inf, nan or $0 in it."""
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, (outcome.code, outcome.stderr)
        assert len(outcome.findings("currency-conversion")) == count, outcome.findings()
        assert not outcome.findings("unreadable-file"), outcome.findings()
        for finding in outcome.findings():
            text = f" {finding['message']} {finding['suggestion'] or ''} ".lower()
            assert not any(bad in text for bad in (" inf", "nan ", "$0 ")), text
    return check


def unreadable(name: str, others: int = 0) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, outcome.stderr
        assert [f["path"] for f in outcome.findings("unreadable-file")] == [name], outcome.findings()
        assert len(outcome.findings("currency-conversion")) == others, outcome.findings()
    return check


# ------------------------------------------------------- 14.2: text saved without a byte-order mark
_PAGE = f"<html><body><p>{WRONG}</p></body></html>"
_FILLER = ("Filler words of an ordinary article. " * 12 + "\n\n") * 5000  # past the 2 MB read-whole limit

ENCODING_CASES = [
    Case("utf16-le-english-without-bom", "Notepad's IsTextUnicode and `file` tell UTF-16 by where its NULs fall",
         {"a.txt": WRONG.encode("utf-16-le")}, ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf16-be-english-without-bom", "the same with the NULs first: big-endian",
         {"a.txt": WRONG.encode("utf-16-be")}, ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf16-le-chinese-without-bom", "Chinese copy: the digits and line ends carry the NULs",
         {"a.txt": (ZH_WRONG + "\n").encode("utf-16-le")}, ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf16-be-chinese-without-bom", "big-endian Chinese copy", {"a.txt": (ZH_WRONG + "\n").encode("utf-16-be")},
         ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf16-le-chinese-right-pair-stays-silent", "read right, a right pair is no finding",
         {"a.txt": (ZH_RIGHT + "\n").encode("utf-16-le")}, ["lint", "a.txt", *LINT],
         lambda o: _assert(o.code == 0 and not o.findings(), o.stdout)),
    Case("utf32-le-without-bom", "`file`: 'Unicode text, UTF-32, little-endian'", {"a.txt": WRONG.encode("utf-32-le")},
         ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf32-be-without-bom", "the big-endian twin", {"a.txt": WRONG.encode("utf-32-be")},
         ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf32-chinese-with-bom", "the UTF-32 BOM (FF FE 00 00) is not read as UTF-16's",
         {"a.txt": ZH_WRONG.encode("utf-32")}, ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf16-markdown-without-bom", "Markdown is text like any other", {"a.md": f"# T\n\n{WRONG}\n".encode("utf-16-le")},
         ["lint", "a.md", *LINT], flags_the_pair()),
    Case("utf16-html-without-bom", "a browser sniffs UTF-16 without a BOM too; no <meta> overrides it",
         {"a.html": _PAGE.encode("utf-16-be")}, ["lint", "a.html", *LINT], flags_the_pair()),
    Case("utf16-jsonl-without-bom", "an export saved by a Windows tool", {
        "a.jsonl": (json.dumps({"body": WRONG}) + "\n").encode("utf-16-le")},
         ["lint", "a.jsonl", "--field", "body", *LINT], flags_the_pair()),
    Case("utf16-large-streamed-without-bom", "a file read chunk by chunk is decoded the same way",
         {"a.txt": (_FILLER + WRONG + "\n").encode("utf-16-le")}, ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf16-without-bom-in-a-walked-tree", "ripgrep's walk reads it as text, not as binary",
         {"t/a.txt": WRONG.encode("utf-16-le"), "t/b.txt": WRONG}, ["lint", "t", *LINT], flags_the_pair(2)),
    Case("a-stray-nul-in-utf8-is-still-binary", "git: one NUL byte in the first 8,000 means binary",
         {"a.txt": WRONG.encode() + b"\0\n", "b.txt": WRONG}, ["lint", "a.txt", "b.txt", *LINT],
         unreadable("a.txt", 1)),
    Case("binary-with-a-nul-every-other-byte", "control characters are no text in any encoding",
         {"a.txt": b"\x01\x00" * 400, "b.txt": WRONG}, ["lint", "a.txt", "b.txt", *LINT], unreadable("a.txt", 1)),
]


@pytest.mark.parametrize("case", ENCODING_CASES, ids=lambda c: c.id)
def test_text_is_read_in_any_unicode_encoding(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


def test_the_python_api_reads_utf16_without_a_bom(tmp_path):
    """Trusted: the API reads files as the CLI does (`lint_paths`)."""
    from checker import lint_paths

    path = tmp_path / "a.txt"
    path.write_bytes((ZH_WRONG + "\n").encode("utf-16-be"))
    report = lint_paths([str(path)], date=DATE)
    assert [f.rule for f in report.findings] == ["currency-conversion"], report.findings
