"""Line-level suppressions in files past the 2 MB that are read whole: streamed, read as they go by.

A file over loader.SMALL_INPUT_BYTES is streamed block by block and never kept whole
(`Document.source` is None); its `figcheck:` directives are read from the same stream. Each file
here is generated past that size with cheap filler (a code fence, ruled lines) so the test stays fast,
and its directives sit before, after and well past the 2 MB mark.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from checker.cli import app
from checker.documents.loader import SMALL_INPUT_BYTES, load_file
from checker.documents.suppress import DirectiveScanner, line_directives

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."


def lint(path) -> list[tuple[int, str, str]]:
    run = CliRunner().invoke(app, ["lint", str(path), "-f", "json", "--date", "2025-04-15", "-j", "1"],
                             catch_exceptions=False)
    return [(f["line"], f["rule"], f["message"]) for f in json.loads(run.stdout)["findings"]]


def _markdown(filler_lines: int) -> str:
    return "".join([
        f"{WRONG}\n\n",                                                                         # 1: reported
        "<!-- figcheck: disable-next-line[currency-conversion] -- quoted as the minister said it -->\n",
        f"{WRONG}\n\n",                                                                         # 4: silenced
        "```\n", "x = 1  # the council met on Tuesday\n" * filler_lines, "```\n\n",
        "<!--\n  figcheck: disable[currency-conversion]\n-->\n\n",  # a comment over several lines
        f"{WRONG}\n\n",                                                                         # silenced
        "<!-- figcheck: enable[currency-conversion] -->\n\n",
        f"{WRONG}\n\n",                                                                         # reported
        "<!-- figcheck: disable-nxt-line -->\n",
        "<!-- figcheck: disable-next-line[curency-conversion] -->\n",
        f"{WRONG}\n",                                                                           # reported
    ])


def test_line_directives_work_past_2_mb_in_markdown(tmp_path):
    path = tmp_path / "big.md"
    filler = 70_000
    path.write_text(_markdown(filler), encoding="utf-8")
    assert path.stat().st_size > SMALL_INPUT_BYTES
    after = filler + 7  # the first line after the code fence
    found = lint(path)
    assert [(line, rule) for line, rule, _ in found] == [
        (1, "currency-conversion"), (after + 10, "currency-conversion"),
        (after + 12, "bad-suppression"), (after + 13, "bad-suppression"), (after + 14, "currency-conversion"),
    ]
    assert "unknown suppression directive 'disable-nxt-line'" in found[2][2]
    assert "unknown rule id(s): curency-conversion" in found[3][2]


def test_the_whole_file_form_at_the_end_of_a_large_text(tmp_path):
    path = tmp_path / "big.txt"
    rule = "=" * 70 + "\n"
    path.write_text(f"{WRONG}\n\n{rule * 33_000}\n{WRONG}\n\n"
                    "figcheck: disable-file[currency-conversion] -- archive copy, printed as published\n",
                    encoding="utf-8")
    assert path.stat().st_size > SMALL_INPUT_BYTES
    assert lint(path) == []


def test_a_large_file_is_streamed_once_and_its_directives_come_with_its_blocks(tmp_path):
    path = tmp_path / "big.md"
    path.write_text(_markdown(70_000), encoding="utf-8")
    (document,) = load_file(path)
    assert document.source is None  # never held whole
    blocks = list(document)
    assert len(blocks) > 3 and [d.action for d in document.directives] == [
        "disable-next-line", "disable", "enable", "disable-nxt-line", "disable-next-line"]
    assert document.directives[0].reason == "quoted as the minister said it"


def test_chunked_scanning_reads_what_a_whole_text_reads():
    text = ("a <!-- figcheck: disable[x] -- why --> b\nfigcheck: disable-line not in a comment\n"
            "<!--\nfigcheck: enable[x]\n\nfigcheck: disable-file -->\n`figcheck: disable` in code\n"
            + "y" * 3000 + " <!-- figcheck: disable-next-line -->")
    for comments_only in (True, False):
        whole = line_directives(text, comments_only)
        assert whole  # something to compare
        for size in (1, 2, 5, 64, 1000):
            scanner = DirectiveScanner(comments_only)
            for start in range(0, len(text), size):
                scanner.feed(text[start : start + size])
            assert scanner.finish() == whole, (comments_only, size)


def test_a_line_longer_than_the_scanner_holds_is_scanned_in_pieces():
    long_line = "z " * DirectiveScanner.MAX_PENDING_CHARS + "figcheck: disable-line -- at the very end"
    scanner = DirectiveScanner(comments_only=False)
    for start in range(0, len(long_line), 65536):
        scanner.feed(long_line[start : start + 65536])
        assert len(scanner._pending) <= DirectiveScanner.MAX_PENDING_CHARS + 65536
    assert [(d.line, d.action, d.reason) for d in scanner.finish()] == [(1, "disable-line", "at the very end")]
