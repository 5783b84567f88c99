"""More of the issue-14 battery: outputs named by another path or written into the walked tree, text
in every encoding a newsroom meets, Markdown and .docx built to hide words, numbers at the limits,
configs and options a CI file gets wrong.

Each case says what a trusted tool does (`trusted=`); `run_case` checks that no input changed
(sha256) and that no traceback was printed. Cases run the CLI in-process; only those about the
process's own streams and environment start `python -m checker`.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from tests.robust.test_robust_battery import (DATE, RIGHT, WRONG, Case, Outcome, _assert, _hardlink, _link, _zip,
                                              one_line_error, run_case, run_cli, run_process)
from tests.robust_helpers import ENV

LINT = ["--format", "json", "--date", DATE]
ZH_WRONG = "基金获得600亿元人民币（约合8.5亿美元）。"


def refused(outcome: Outcome) -> None:
    assert outcome.code == 2, (outcome.code, outcome.stderr)
    one_line_error(outcome.stderr)
    assert "refusing" in outcome.stderr


def usage_error(*words: str) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 2, (outcome.code, outcome.stdout, outcome.stderr)
        one_line_error(outcome.stderr)
        for word in words:
            assert word in outcome.stderr, outcome.stderr
    return check


def option_error(option: str) -> Callable[[Outcome], None]:
    """A bad option value: exit 2 naming the option (in-process Click prints its usage box; the
    one-line form `main()` gives it is checked across a process in `test_a_bad_option_is_one_line`)."""
    def check(outcome: Outcome) -> None:
        assert outcome.code == 2 and option in outcome.stderr and "Traceback" not in outcome.stderr, outcome.stderr
    return check


def flags_the_pair(count: int = 1, *notes: str) -> Callable[[Outcome], None]:
    """Exit 1, the wrong pair found `count` times, and each named note rule present."""
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, (outcome.code, outcome.stderr)
        assert len(outcome.findings("currency-conversion")) == count, outcome.findings()
        for rule in notes:
            assert outcome.findings(rule), (rule, outcome.findings())
        _bounded_messages(outcome)
    return check


def unreadable(name: str) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, outcome.stderr
        assert [f["path"] for f in outcome.findings("unreadable-file")] == [name], outcome.findings()
    return check


def _bounded_messages(outcome: Outcome) -> None:
    for finding in outcome.findings():
        text = f"{finding['message']} {finding['suggestion'] or ''}"
        assert len(text) < 2000, text[:200]
        assert "root:x:" not in text  # nothing read from /etc/passwd
        for bad in (" inf", "nan ", "$0 "):
            assert bad not in text.lower(), text


def _file(name: str) -> Callable[[Outcome], Path]:
    return lambda outcome: outcome.folder / name


def _json_report_at(name: str, files: int = 1) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, outcome.stderr
        assert json.loads((outcome.folder / name).read_text())["files"] == files
    return check


EARLIER_REPORT = json.dumps({"version": 1, "files": 1, "findings": [], "summary": {}}, indent=2)

# ------------------------------------------------------------------- 14.1: outputs and inputs
OUTPUT_CASES = [
    Case("output-is-an-article-in-the-walked-folder", "a linter never replaces a source it was asked to read; "
         "cp refuses to copy a file onto itself", {"d/a.txt": WRONG, "d/b.txt": RIGHT}, ["lint", "d", "-o", "d/a.txt"],
         refused),
    Case("output-is-an-article-in-the-walked-folder-by-absolute-path", "realpath settles the name",
         {"d/a.md": WRONG}, ["lint", "d", "-o", "ABS/d/a.md"], refused),
    Case("output-is-an-article-in-the-current-folder", "`figcheck lint . -o notes.md` must not eat notes.md",
         {"notes.md": WRONG}, ["lint", ".", "-o", "notes.md"], refused),
    Case("output-is-a-record-file-walked-with-field", "an export read with --field is an input too",
         {"d/r.jsonl": json.dumps({"body": WRONG}) + "\n"}, ["lint", "d", "--field", "body", "-o", "d/r.jsonl"],
         refused),
    Case("output-replaces-an-earlier-report-in-the-walked-folder", "the CI idiom: the last run's report is replaced",
         {"d/a.txt": WRONG, "d/report.json": EARLIER_REPORT}, ["lint", "d", *LINT, "-o", "d/report.json"],
         _json_report_at("d/report.json"), outputs=frozenset({"d/report.json"})),
    Case("output-of-a-type-the-walk-skips", "a .sarif in the tree is no article; written as asked",
         {"d/a.txt": WRONG, "d/r.sarif": "old"}, ["lint", "d", "--format", "sarif", "-o", "d/r.sarif"],
         lambda o: (_assert(o.code == 1), _assert("2.1.0" in (o.folder / "d/r.sarif").read_text())),
         outputs=frozenset({"d/r.sarif"})),
    Case("output-is-the-input-by-absolute-path", "cp compares the files, not the names", {"a.txt": WRONG},
         ["lint", "a.txt", "-o", "ABS/a.txt"], refused),
    Case("output-through-a-linked-folder-is-the-input", "realpath follows the folder link", {"d/a.txt": WRONG},
         ["lint", "d/a.txt", "-o", "e/a.txt"], refused, setup=_link("d", "e")),
    Case("output-is-a-dot-slash-name-of-the-input", "./x is x", {"a.txt": WRONG}, ["lint", "a.txt", "-o", "./a.txt"],
         refused),
    Case("report-option-is-the-input", "--report FORMAT:FILE is an output like --output", {"a.txt": WRONG},
         ["lint", "a.txt", "--report", "sarif:a.txt"], refused),
    Case("report-option-is-a-hard-link-to-the-input", "same inode, same file", {"a.txt": WRONG},
         ["lint", "a.txt", "--report", "json:h.txt"], refused, setup=_hardlink("a.txt", "h.txt")),
    Case("report-option-is-the-config", "a tool never writes over its config", {"a.txt": WRONG, "figcheck.yaml": ""},
         ["lint", "a.txt", "--report", "json:figcheck.yaml"], refused),
    Case("report-option-is-a-directory", "cp: cannot overwrite directory with non-directory",
         {"a.txt": WRONG, "d/x": ""}, ["lint", "a.txt", "--report", "sarif:d"], usage_error("d")),
    Case("report-option-to-dev-full", "echo > /dev/full: No space left on device", {"a.txt": WRONG},
         ["lint", "a.txt", "--report", "json:/dev/full"], usage_error("No space left")),
    Case("two-reports-into-one-file", "one would silently replace the other; refused up front", {"a.txt": WRONG},
         ["lint", "a.txt", "--format", "json", "-o", "r.json", "--report", "sarif:./r.json"], usage_error("r.json")),
    Case("output-dash-is-stdout", "pandoc/curl -o -: standard output, no file named '-'", {"a.txt": WRONG},
         ["lint", "a.txt", *LINT, "-o", "-"],
         lambda o: (_assert(o.code == 1), _assert(o.report["files"] == 1), _assert(not (o.folder / "-").exists()))),
    Case("write-baseline-over-the-config", "a baseline is never the config", {"a.txt": WRONG, "figcheck.yaml": ""},
         ["lint", "a.txt", "--baseline", "figcheck.yaml", "--write-baseline"], refused),
    Case("write-baseline-over-a-walked-article", "an article in the tree is an input", {"d/a.md": WRONG},
         ["lint", "d", "--baseline", "d/a.md", "--write-baseline"], refused),
    Case("write-baseline-into-a-directory", "cp: cannot overwrite directory", {"a.txt": WRONG, "d/x": ""},
         ["lint", "a.txt", "--baseline", "d", "--write-baseline"], usage_error("d")),
    Case("write-baseline-to-dev-full", "No space left on device, one line", {"a.txt": WRONG},
         ["lint", "a.txt", "--baseline", "/dev/full", "--write-baseline"], usage_error("No space left")),
    Case("baseline-read-is-a-directory", "a baseline that cannot be read is one line", {"a.txt": WRONG, "d/x": ""},
         ["lint", "a.txt", "--baseline", "d"], usage_error("d")),
    Case("baseline-read-is-not-json", "jq: parse error, exit 2", {"a.txt": WRONG, "b.json": "not json{"},
         ["lint", "a.txt", "--baseline", "b.json"], usage_error("b.json")),
    Case("audit-output-is-an-input-file", "mkdir: cannot create directory: File exists", {"t/a.txt": WRONG},
         ["audit", "t", "-o", "t/a.txt", "--scheduler", "synchronous"], usage_error("t/a.txt")),
    Case("audit-output-is-a-device", "mkdir /dev/full: File exists", {"t/a.txt": WRONG},
         ["audit", "t", "-o", "/dev/full", "--scheduler", "synchronous"], usage_error("/dev/full")),
    Case("audit-output-under-a-file", "mkdir -p a/b with a a file: Not a directory", {"t/a.txt": WRONG},
         ["audit", "t", "-o", "t/a.txt/out", "--scheduler", "synchronous"], usage_error("t/a.txt/out")),
]


@pytest.mark.parametrize("case", OUTPUT_CASES, ids=lambda c: c.id)
def test_outputs_never_lose_an_input(case, tmp_path):
    assert case.trusted
    case.args = [arg.replace("ABS", str(tmp_path)) for arg in case.args]
    run_case(case, tmp_path)
    assert not [p.name for p in tmp_path.rglob(".*.tmp")], "a temporary file was left"


def test_output_to_a_fifo_is_written_through(tmp_path):
    """Trusted: `tee fifo` writes into the pipe its reader holds open; the FIFO stays a FIFO."""
    (tmp_path / "a.txt").write_text(WRONG)
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    outcome = run_cli(tmp_path, ["lint", "a.txt", *LINT, "-o", "f"])
    reader.join(timeout=30)
    assert outcome.code == 1 and json.loads(got[0])["files"] == 1
    assert fifo.is_fifo()


# ------------------------------------------------------------------- 14.2: text in every encoding
def _docx(text: str, patch_xml: Callable[[str], str] | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    made = io.BytesIO()
    document.save(made)
    source = zipfile.ZipFile(io.BytesIO(made.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            body = source.read(item.filename)
            if patch_xml and item.filename == "word/document.xml":
                body = patch_xml(body.decode("utf-8")).encode("utf-8")
            archive.writestr(item, body)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_dtd(dtd: str, reference: str) -> Callable[[str], str]:
    def patch(xml: str) -> str:
        head, rest = xml.split("?>", 1)
        return f"{head}?>{dtd}{rest.replace('In April', f'{reference} In April')}"
    return patch


_LAUGHS = ('<!DOCTYPE w:document [<!ENTITY a "lol">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>")
_XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
_LONG_FRONT = "---\n" + "".join(f"k{i}: v{i}\n" for i in range(30_000)) + f"date: {DATE}\n---\n\n{WRONG}\n"

INPUT_CASES = [
    Case("utf16-le-with-bom", "Notepad's 'Unicode': every editor reads it by its BOM",
         {"a.txt": WRONG.encode("utf-16")}, ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf16-be-with-bom", "the big-endian BOM FE FF", {"a.txt": b"\xfe\xff" + WRONG.encode("utf-16-be")},
         ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf16-chinese-with-bom", "Chinese copy saved as UTF-16 reads as Chinese",
         {"a.txt": ZH_WRONG.encode("utf-16")}, ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("utf16-without-bom", "Notepad (IsTextUnicode) and `file` tell UTF-16 by its NUL bytes; read, not binary",
         {"a.txt": WRONG.encode("utf-16-le")}, ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("stray-ff-fe-before-utf8", "Python's utf-8 decoder flags 0xff; the article is still read as UTF-8",
         {"a.txt": b"\xff\xfe\xfa " + WRONG.encode()}, ["lint", "a.txt", *LINT], flags_the_pair(1, "invalid-utf8")),
    Case("latin-1-text", "iconv reports the byte; the figures are still read",
         {"a.txt": ("Caf\xe9 news: " + WRONG).encode("latin-1")}, ["lint", "a.txt", *LINT],
         flags_the_pair(1, "invalid-utf8")),
    Case("utf8-encoded-lone-surrogate", "ED A0 80 is invalid UTF-8 (Python refuses it); replaced and noted",
         {"a.txt": b"x \xed\xa0\x80 " + WRONG.encode()}, ["lint", "a.txt", *LINT], flags_the_pair(1, "invalid-utf8")),
    Case("nul-bytes-in-markdown", "git: binary; reported as that file's error, the other file still linted",
         {"a.md": b"# t\n\n" + WRONG.encode() + b"\0", "b.txt": WRONG}, ["lint", "a.md", "b.txt", *LINT],
         lambda o: (unreadable("a.md")(o), _assert(len(o.findings("currency-conversion")) == 1))),
    Case("markdown-list-nested-over-many-lines", "markdown-it stops at maxNesting and drops the rest; a "
         "reader still sees the paragraph, so it is read as text", {"a.md": "".join(
             "  " * i + "- x\n" for i in range(40)) + WRONG + "\n"}, ["lint", "a.md", *LINT],
         flags_the_pair(1, "unparsed-markup")),
    Case("markdown-quotes-nested-over-many-lines", "the same for block quotes opened one per line",
         {"a.md": "".join("> " * min(i, 15) + "  " * max(0, i - 15) + "- q\n" for i in range(40)) + WRONG + "\n"},
         ["lint", "a.md", *LINT], flags_the_pair(1)),
    Case("front-matter-longer-than-its-cap", "Hugo reads any length; here it is said and never read as prose",
         {"a.md": _LONG_FRONT}, ["lint", "a.md", "--format", "json"],
         lambda o: (_assert(o.code == 1), _assert(len(o.findings("bad-front-matter")) == 1),
                    _assert([f["line"] for f in o.findings("currency-conversion")] == [30_005]))),
    Case("long-prose-between-two-rules-is-prose", "a '---' rule is no front matter; no prose is blanked",
         {"a.md": "---\n" + ("Some words. " * 50 + "\n\n") * 600 + f"---\n\n{WRONG}\n"}, ["lint", "a.md", *LINT],
         flags_the_pair()),
    Case("front-matter-python-tag", "yaml.safe_load refuses !!python tags; nothing runs",
         {"a.md": f"---\ndate: !!python/object/apply:os.system ['touch PWNED']\n---\n\n{WRONG}\n"},
         ["lint", "a.md", "--format", "json"],
         lambda o: (_assert(o.code == 1), _assert(not (o.folder / "PWNED").exists()))),
    Case("docx-with-nested-zips", "Word ignores an embedded archive; the article is read, nothing unpacked",
         {"a.docx": _docx(WRONG, extra={"word/embeddings/x.zip": _zip({"y.zip": _zip({"z": b"0" * 1_000_000})})})},
         ["lint", "a.docx", *LINT], flags_the_pair()),
    Case("docx-that-is-only-a-zip-of-a-docx", "Word: 'the file is corrupt'; that file's error, exit 1",
         {"a.docx": _zip({"inner.docx": _docx(WRONG)})}, ["lint", "a.docx", *LINT], unreadable("a.docx")),
    Case("docx-with-an-external-entity", "Word refuses a DTD; nothing of /etc/passwd is read, the file is reported",
         {"a.docx": _docx(WRONG, _with_dtd(_XXE, "&xxe;"))}, ["lint", "a.docx", *LINT],
         lambda o: (unreadable("a.docx")(o), _bounded_messages(o))),
    Case("docx-billion-laughs", "libxml2 caps entity expansion; reported at once, the other file linted",
         {"a.docx": _docx(WRONG, _with_dtd(_LAUGHS, "&i;")), "b.txt": WRONG}, ["lint", "a.docx", "b.txt", *LINT],
         lambda o: (_assert(len(o.findings("unreadable-file")) == 1),
                    _assert(len(o.findings("currency-conversion")) == 1))),
    Case("docx-truncated", "unzip: 'End-of-central-directory signature not found'; that file's error",
         {"a.docx": _docx(WRONG)[:1500]}, ["lint", "a.docx", *LINT], unreadable("a.docx")),
    Case("html-declared-windows-1252", "browsers decode by <meta charset>: 0x80 is the euro sign",
         {"a.html": b'<html><head><meta charset="windows-1252"></head><body><p>It cost \x80600 million '
                    b'($6.5 billion), caf\xe9.</p></body></html>'}, ["lint", "a.html", *LINT],
         lambda o: (flags_the_pair()(o), _assert(not o.findings("invalid-encoding")),
                    _assert("€600 million" in o.findings("currency-conversion")[0]["message"]))),
    Case("html-declared-iso-8859-1", "the HTML standard reads latin1 as windows-1252; 0xa3 is the pound sign",
         {"a.html": b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
                    b'</head><body><p>It cost \xa3600 million ($6.5 billion).</p></body></html>'},
         ["lint", "a.html", *LINT], lambda o: (flags_the_pair()(o),
                                               _assert("£600 million" in o.findings("currency-conversion")[0]["message"]))),
    Case("json-integer-past-4300-digits", "Python's int() refuses it; the file is reported, the next one linted",
         {"a.json": '{"body": "x", "n": ' + "9" * 5000 + "}", "b.txt": WRONG},
         ["lint", "a.json", "b.txt", "--field", "body", *LINT],
         lambda o: (unreadable("a.json")(o), _assert(len(o.findings("currency-conversion")) == 1))),
    Case("jsonl-record-past-4300-digits", "one bad record of an export is that record's warning",
         {"a.jsonl": '{"n": ' + "9" * 5000 + "}\n" + json.dumps({"body": WRONG}) + "\n"},
         ["lint", "a.jsonl", "--field", "body", *LINT], flags_the_pair(1, "bad-record")),
    Case("json-ld-with-a-huge-integer", "a page's broken JSON-LD is no date, never a crash",
         {"a.html": '<html><head><script type="application/ld+json">{"datePublished": "2025-04-15", "n": '
                    + "9" * 5000 + f"}}</script></head><body><p>{WRONG}</p></body></html>"},
         ["lint", "a.html", "--format", "json"], lambda o: _assert(o.code == 1, o.stderr)),
    Case("lone-surrogate-in-a-json-record", "json.loads accepts \\ud800; every report format still writes",
         {"a.json": json.dumps({"body": "x \ud800 " + WRONG})}, ["lint", "a.json", "--field", "body", *LINT],
         flags_the_pair()),
]
for _format in ("rich", "sarif", "junit", "html", "github", "gitlab", "rdjsonl", "concise"):
    INPUT_CASES.append(Case(
        f"lone-surrogate-reported-as-{_format}", "a report writer never crashes on what it was handed",
        {"a.jsonl": json.dumps({"body": "x \ud800 " + WRONG}) + "\n"},
        ["lint", "a.jsonl", "--field", "body", "--date", DATE, "--format", _format],
        lambda o: _assert(o.code == 1 and o.stdout, o.stderr)))


@pytest.mark.parametrize("case", INPUT_CASES, ids=lambda c: c.id)
def test_inputs_are_read_or_reported(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# ----------------------------------------------------------------- 14.3: numbers at the limits
NUMBER_CASES = {
    # text: (how many currency-conversion findings, what a careful reader says)
    "It cost 1e309 yuan ($1e309).": (0, "1e309 is past a double; no figure, no inf in a message"),
    "It cost " + "9" * 400 + " yuan ($8.5 billion).": (0, "400 digits are data, not an amount"),
    "It cost " + ",".join(["999"] * 2000) + " yuan ($8.5 billion).": (0, "6,000 grouped digits are no amount"),
    "It cost 1." + "1" * 5000 + " billion yuan ($8.5 billion).": (0, "a figure 5,000 digits long is no figure"),
    "It cost 10^400 yuan ($8.5 billion).": (0, "a power past a double is no amount"),
    "It cost $0.0000001 (0.0000007 yuan).": (0, "a figure that small has no conversion to check"),
    "It got 600 billion yuan ($0.0000001).": (1, "flagged, without '$0' in the message"),
    "It lost −$5 billion (−36 billion yuan).": (0, "a Unicode minus is a minus; the pair is right"),
    "It lost −$5 billion (−360 billion yuan).": (1, "and a wrong one is still wrong"),
    "It got ٦٠٠ billion yuan ($٨٫٥ billion).": (1, "Arabic-Indic digits and decimal separator"),
    "It got ६०० billion yuan ($८.५ billion).": (1, "Devanagari digits"),
    "It got ６００ billion yuan (＄８.５ billion).": (1, "full-width digits and dollar sign"),
    "It got 6٠0 billion yuan ($8.५ billion).": (1, "digits of two scripts in one figure"),
    "It got \u202e600 billion yuan ($8.5 billion)\u202c.": (1, "a bidi override hides nothing"),
    "It got 0 yuan ($5 billion) and -0 yuan ($-0).": (0, "no ratio, no division by zero"),
    "Sales rose 1e308% from 5 to 6.": (0, "a percentage past any real change is not checked"),
}


@pytest.mark.parametrize("text", list(NUMBER_CASES), ids=lambda t: t[:40])
def test_numbers_at_the_limits(text, tmp_path):
    count, trusted = NUMBER_CASES[text]
    case = Case(text[:30], trusted, {"a.txt": text + "\n"}, ["lint", "a.txt", *LINT])
    outcome = run_case(case, tmp_path)
    assert outcome.code in (0, 1), outcome.stderr
    assert len(outcome.findings("currency-conversion")) == count, outcome.findings()
    _bounded_messages(outcome)


# --------------------------------------------------------------- 14.5: configs and options
CONFIG_CASES = [
    Case("config-unknown-key", "yamllint/ruff: unknown field, exit 2 naming the line",
         {"a.txt": WRONG, "figcheck.yaml": "fail-on: error\nbogus: 1\n"}, ["lint", "a.txt"], usage_error("bogus")),
    Case("config-wrong-type", "a schema error names the key", {"a.txt": WRONG, "figcheck.yaml": "include: 5\n"},
         ["lint", "a.txt"], usage_error("include")),
    Case("config-unknown-rule-id", "ruff: unknown rule selector, exit 2",
         {"a.txt": WRONG, "figcheck.yaml": "select: [no-such-rule]\n"}, ["lint", "a.txt"], usage_error("no-such-rule")),
    Case("config-python-tag", "yaml.safe_load refuses the tag; nothing runs",
         {"a.txt": WRONG, "figcheck.yaml": "fail-on: !!python/object/apply:os.system ['touch PWNED']\n"},
         ["lint", "a.txt"], lambda o: (usage_error("figcheck.yaml")(o), _assert(not (o.folder / "PWNED").exists()))),
    Case("config-not-utf8", "a config that is not text is one line", {"a.txt": WRONG, "figcheck.yaml": b"\xff\xfe\x00x"},
         ["lint", "a.txt"], usage_error("figcheck.yaml")),
    Case("config-named-is-missing", "--config nope: No such file, exit 2", {"a.txt": WRONG},
         ["lint", "a.txt", "--config", "nope.yaml"], usage_error("nope.yaml")),
    Case("config-named-is-a-directory", "a directory is no config", {"a.txt": WRONG, "d/x": ""},
         ["lint", "a.txt", "--config", "d"], usage_error("d")),
    Case("pyproject-with-our-table-is-broken", "ruff: 'Failed to parse pyproject.toml', exit 2; its fail-on "
         "must not silently lapse", {"a.txt": WRONG, "pyproject.toml": "[tool.figcheck]\nfail-on = [1\n"},
         ["lint", "a.txt"], usage_error("pyproject.toml")),
    Case("pyproject-broken-elsewhere-is-not-ours", "a broken [tool.black] is black's business; the lint runs",
         {"a.txt": WRONG, "pyproject.toml": "[tool.black]\nx = [1\n"}, ["lint", "a.txt", *LINT], flags_the_pair()),
    Case("jobs-zero", "xargs -P 0 means 'as many as possible' but make -j0 is refused; here exit 2, one line",
         {"a.txt": WRONG}, ["lint", "a.txt", "-j", "0"], option_error("--jobs")),
    Case("jobs-negative", "a negative count is a usage error", {"a.txt": WRONG}, ["lint", "a.txt", "-j", "-1"],
         option_error("--jobs")),
    Case("jobs-not-a-number", "Click: 'is not a valid integer'", {"a.txt": WRONG}, ["lint", "a.txt", "-j", "lots"],
         option_error("--jobs")),
    Case("diff-outside-git", "git diff outside a repository: 'not a git repository', exit 2", {"a.txt": WRONG},
         ["lint", "a.txt", "--diff", "main"], usage_error("git")),
    Case("select-with-nothing-valid", "ruff --select NOPE: unknown rule selector", {"a.txt": WRONG},
         ["lint", "a.txt", "--select", "nope"], usage_error("nope")),
    Case("date-not-a-date", "date -d 2025-13-45: invalid date", {"a.txt": WRONG},
         ["lint", "a.txt", "--date", "2025-13-45"], usage_error("2025-13-45")),
    Case("a-glob-the-shell-did-not-expand", "ls '*.md': No such file or directory, exit 2", {"a.txt": WRONG},
         ["lint", "*.md"], usage_error("*.md")),
    Case("show-settings-of-a-missing-path", "the same usage error as a lint of it", {"a.txt": WRONG},
         ["lint", "--show-settings", "nowhere"], usage_error("nowhere: no such file")),
    Case("stdin-named-twice", "stdin is one stream: read once", {}, ["lint", "-", "-", *LINT],
         lambda o: (_assert(o.code == 1), _assert(o.report["files"] == 1))),
]


@pytest.mark.parametrize("case", CONFIG_CASES, ids=lambda c: c.id)
def test_configs_and_options(case, tmp_path):
    assert case.trusted
    if case.id == "stdin-named-twice":
        case.build(tmp_path)
        here = os.getcwd()
        os.chdir(tmp_path)
        try:
            from typer.testing import CliRunner

            from checker.cli import app

            result = CliRunner().invoke(app, case.args, input=WRONG + "\n")
        finally:
            os.chdir(here)
        case.check(Outcome(result.exit_code, result.stdout, result.stderr, tmp_path))
        return
    run_case(case, tmp_path)


@pytest.mark.parametrize("spelling", ["d", "d/", "./d//"])
def test_a_folder_is_the_same_folder_with_or_without_a_slash(spelling, tmp_path):
    """Trusted: ruff and eslint report `d/a.txt` whether the folder was named `d` or `d/`."""
    outcome = run_case(Case(spelling, "ruff", {"d/a.txt": WRONG}, ["lint", spelling, *LINT]), tmp_path)
    assert [os.path.normpath(f["path"]) for f in outcome.findings("currency-conversion")] == ["d/a.txt"]


# ------------------------------------------------- the process's own streams and environment
def test_an_ascii_only_stdout_gets_escapes_not_a_crash(tmp_path):
    """Trusted: a tool writing to a stream that cannot hold 亿 escapes it (Python's backslashreplace)."""
    (tmp_path / "a.txt").write_text(ZH_WRONG)
    env = {**ENV, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    run = subprocess.run([sys.executable, "-m", "checker", "lint", "a.txt", *LINT], cwd=tmp_path, env=env,
                         capture_output=True, text=True, encoding="ascii", timeout=240)
    assert run.returncode == 1, run.stderr
    assert json.loads(run.stdout)["findings"][0]["message"].startswith("600亿元")  # \u escapes are valid JSON


@pytest.mark.parametrize("value", ["0", "-1", "10000x"])
def test_a_bad_option_is_one_line(value, tmp_path):
    """Trusted: ruff and Click-based tools print one error line for a bad value and exit 2."""
    (tmp_path / "a.txt").write_text(WRONG)
    run = run_process(tmp_path, ["lint", "a.txt", "--jobs", value])
    assert run.returncode == 2
    one_line_error(run.stderr)


def test_a_closed_stdin_named_as_input_is_one_line(tmp_path):
    """Trusted: `cat - <&-` says 'Bad file descriptor' on stderr and fails."""
    run = run_process(tmp_path, ["lint", "-"], stdin=None, preexec_fn=lambda: os.close(0))
    assert run.returncode == 2
    one_line_error(run.stderr)


@pytest.mark.parametrize("columns", ["1", "0", "-5", "abc", "99999999999"])
def test_any_columns_value_still_reports(columns, tmp_path, monkeypatch):
    """Trusted: GNU ls and git ignore a COLUMNS they cannot use; the report is still whole."""
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("NO_COLOR", "1")
    outcome = run_case(Case(columns, "ls", {"a.txt": WRONG}, ["lint", "a.txt", "--date", DATE]), tmp_path)
    assert outcome.code == 1 and "error[currency-conversion]" in outcome.stdout
    assert "\x1b[" not in outcome.stdout
