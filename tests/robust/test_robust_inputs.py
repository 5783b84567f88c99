"""Any bytes in, a clean result out: hostile documents through the extractor and the whole CLI.

Each input is read in-process by the real extractor (so a failure names the input), and all of them
are linted together by the real CLI, whose JSON must hold to the DESIGN.md contract with no traceback.
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from pathlib import Path

import pytest

from checker.documents import DocumentError, load_path
from checker.extract import extract_with_unparsed
from tests.robust_helpers import check_lint_report, clean_exit, figcheck


def digit_scripts() -> dict[str, str]:
    """Every run of ten decimal digits Unicode has, named by its zero: Devanagari, Thai, full-width..."""
    scripts = {}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) == "Nd" and unicodedata.digit(char) == 0:
            run = "".join(chr(code + i) for i in range(10))
            if all(unicodedata.digit(c, -1) == i for i, c in enumerate(run)):
                scripts[unicodedata.name(char, f"U+{code:04X}").replace(" DIGIT ZERO", "")] = run
    return scripts


SCRIPTS = digit_scripts()


def in_script(number: str, digits: str) -> str:
    return "".join(digits[int(c)] if c.isdigit() else c for c in number)


HOSTILE_TEXTS = {
    "empty": "",
    "whitespace": " \t\n\r\n\x0b\x0c\u00a0\u2028\u2029" * 50,
    "nul-bytes": "It cost\x00 600 billion\x00 yuan ($8.5\x00 billion).\x00" * 20,
    "control-chars": "".join(chr(c) for c in range(32)) * 40 + " $5 ",
    "lone-surrogate-like": "cost \ufffd\ufffd $5 \ufffe\uffff billion",
    "million-digit-number": "It cost " + "9" * 1_000_000 + " yuan ($5 billion).",
    "million-digit-money": "$" + "1" * 200_000 + "." + "5" * 200_000 + " billion",
    "overflow-exponent": "It cost 1e309 dollars, $1e309, 1E+99999 yuan (1e-400 euros) and 10^400 won.",
    "huge-with-separators": "$" + ",".join(["999"] * 5000) + " (" + ",".join(["1"] * 3000) + " yuan)",
    "separator-soup": "It cost 1,,000 or 1,000,00 or ,,,5 or 1.000.000,50 or 1'000'000 or 1_000 or "
                      "1\u2009000\u202f000 or 1\u00a0000 yuan ($1, 2, 3, 4, 5 billion).",
    "number-word-flood": "one two three hundred thousand million billion trillion " * 3000,
    "scale-chains": "$5 billion billion trillion trillion million thousand hundred (" + "million " * 2000 + ")",
    "paren-flood": "(" * 20_000 + "$5 billion" + ")" * 20_000,
    "currency-flood": "$€£¥₹₩" * 10_000 + " 5",
    "ranges": "$5-6-7-8-9-10 billion, 1–2–3 yuan, 3-1/2-1/4 dollars, 5 to 6 to 7 to 8 million",
    "rtl-and-combining": "\u202e$5 billion\u202c (\u0665\u0660 \u0645\u0644\u064a\u0627\u0631 yuan) e\u0301\u0301\u0301" * 50,
    "emoji": "💰💵 $5 billion 🇨🇳 600 billion yuan (🇺🇸 $8.5 billion) 👨‍👩‍👧" * 100,
    "all-scripts": " ".join(f"It cost {in_script('600', d)} billion yuan (${in_script('8.5', d)} billion)."
                            for d in SCRIPTS.values()),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_hostile_text_extracts_within_its_spans(name):
    text = HOSTILE_TEXTS[name]
    quantities, unparsed = extract_with_unparsed(text)
    for item in [*quantities, *unparsed]:
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start:item.end] == item.text
    for quantity in quantities:
        assert quantity.value == quantity.value, quantity  # never NaN
        json.dumps(quantity.as_json())


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_amounts_in_every_script_with_digits(script):
    digits = SCRIPTS[script]
    text = f"It cost {in_script('600', digits)} billion yuan (${in_script('8.5', digits)} billion), " \
           f"{in_script('1,250.75', digits)} dollars."
    quantities, _ = extract_with_unparsed(text)
    for quantity in quantities:
        assert text[quantity.start:quantity.end] == quantity.text
        assert quantity.value == quantity.value  # never NaN


def test_every_unicode_digit_script_is_covered():
    assert {"DEVANAGARI", "ARABIC-INDIC", "THAI", "FULLWIDTH", "BENGALI"} <= set(SCRIPTS)
    assert len(SCRIPTS) > 50


HOSTILE_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "random.bin": random.Random(7).randbytes(200_000),
    "random.txt": random.Random(8).randbytes(200_000),
    "invalid-utf8.txt": b"It cost \xff\xfe 600 billion yuan (\xc3($8.5 billion).\n\xed\xa0\x80 surrogate\n",
    "utf16-le-bom.txt": "\ufeffIt cost 600 billion yuan ($8.5 billion).\n".encode("utf-16-le"),
    "utf16-be-bom.txt": "\ufeffIt cost 600 billion yuan ($8.5 billion).\n".encode("utf-16-be"),
    "utf32-bom.txt": "\ufeffIt cost $5.\n".encode("utf-32"),
    "nul.txt": b"It cost 600 billion yuan\x00 ($8.5 billion).\x00\x00\n" * 100,
    "deep-quote.md": b"> " * 20_000 + b"It cost 600 billion yuan ($8.5 billion).\n",
    "deep-list.md": b"".join(b"  " * i + b"- item $5 billion\n" for i in range(300)),  # read as text past 20 levels
    "deep-emphasis.md": b"*" * 50_000 + b"$5" + b"*" * 50_000 + b"\n",
    "deep-html.html": b"<div>" * 100_000 + b"It cost 600 billion yuan ($8.5 billion)." + b"</div>" * 100_000,
    "unclosed-html.html": b"<p>It cost <b><i><table><tr><td>600 billion yuan ($8.5 billion)" + b"<span " * 20_000,
    "html-entities.html": b"<p>It cost &#x36;00&nbsp;billion yuan (&dollar;8.5 billion) &#99999999; &#xD800;</p>",
    "front-matter-garbage.md": b"---\ndate: [[[[[\n  !!python/object/apply:os.system ['true']\n---\n$5 billion\n",
    "front-matter-bad-date.md": b"---\ndate: 99999-99-99\n---\nIt cost 600 billion yuan ($8.5 billion).\n",
    "fake.docx": b"PK\x03\x04 not really a zip",
    "fake.html": bytes(range(256)) * 100,
    # One line of 320 kB: five times plaintext.MAX_BLOCK_CHARS (64 KiB), so it is cut into blocks mid-line.
    "long-line.txt": b"It cost 600 billion yuan ($8.5 billion). " * 8_000,
    "million-digits.txt": b"It cost " + b"7" * 1_000_000 + b" yuan ($8.5 billion).\n",
    "crlf-cr.txt": b"It cost 600 billion yuan\r($8.5 billion).\r\r\n\r\nMore $5.\r",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_file_loads_or_is_a_document_error(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(HOSTILE_FILES[name])
    try:
        documents = list(load_path(str(path)))
    except DocumentError as error:
        assert "\n" not in str(error)
        return
    for document in documents:
        for block in document:
            quantities, _ = extract_with_unparsed(block.text)
            for quantity in quantities:
                line, column = block.locate(quantity.start)
                assert line >= 1 and column >= 1


def test_the_cli_lints_every_hostile_file_cleanly(tmp_path):
    for name, data in HOSTILE_FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "scripts.txt").write_text(HOSTILE_TEXTS["all-scripts"], encoding="utf-8")
    run = figcheck("lint", str(tmp_path), "--format", "json", "--date", "2025-04-15")
    clean_exit(run)
    report = json.loads(run.stdout)
    check_lint_report(report)
    # Binary files may be skipped; text in any encoding is read, and its wrong conversion still found.
    flagged = {Path(f["path"]).name for f in report["findings"] if f["rule"] == "currency-conversion"}
    missing = {"utf16-le-bom.txt", "utf16-be-bom.txt", "long-line.txt", "crlf-cr.txt",
            "deep-html.html", "scripts.txt"} - flagged
    assert not missing, missing


@pytest.mark.parametrize("data", [b"", b"\xff\xfe\x00", HOSTILE_FILES["nul.txt"], b"$" + b"9" * 100_000])
def test_the_cli_reads_hostile_stdin_cleanly(data):
    run = figcheck("lint", "-", "--format", "json", input=data)
    clean_exit(run)
    if b"\x00" in data and run.returncode == 2:  # NUL bytes outside UTF-16/32 mean binary: refused by name
        assert run.stderr.decode().startswith("figcheck: error: <stdin>: "), run.stderr
    else:
        check_lint_report(json.loads(run.stdout))
    run = figcheck("extract", "-", "--format", "json", input=data)
    clean_exit(run)
    assert isinstance(json.loads(run.stdout)["quantities"], list)


@pytest.mark.parametrize("args", [
    ["lint", "/nonexistent/path.txt"],
    ["lint", "-", "--date", "2025-13-45"],
    ["lint", "-", "--format", "yaml"],
    ["lint", "-", "--rules", "/nonexistent.yaml"],
    ["lint", "-", "--fail-on", "sometimes"],
    ["extract", "/nonexistent.txt"],
    ["rules", "validate", "/dev/null"],
    ["rules", "show", "no-such-rule"],
    ["rates", "XXX", "USD"],
])
def test_usage_errors_are_one_line_exit_2(args):
    run = figcheck(*args, input=b"It cost $5.")
    assert run.returncode == 2, run
    clean_exit(run)
