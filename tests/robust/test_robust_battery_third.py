"""The issue-14 battery, third part: hostile inputs and faults the other batteries do not try.

Copy saved in the legacy encodings a newsroom meets (GB18030, Big5, Windows-1252, Shift_JIS),
characters Unicode calls default-ignorable and combining marks inside figures, damaged documents
met while walking a folder (in every report format, on one process and on several), globs, rates
files and configs wrong in ways a CI file gets them wrong, empty file-name options (an unset
variable), binary data on stdin, and the web page and language server given bad requests.

Each case says what a trusted tool does (`trusted=`); `run_case` checks that no input changed
(sha256) and that no traceback was printed. Cases run the CLI in-process; those about the process's
own streams, the server and the language server start `python -m checker`.
"""

from __future__ import annotations

import io
import json
import signal
import socket
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from tests.robust.test_robust_battery import (DATE, RIGHT, WRONG, Case, Outcome, _assert, _zip, _zip_bomb, checksums,
                                              one_line_error, run_case, run_cli, run_process)
from tests.robust.test_robust_battery_hostile import _docx, usage_error
from tests.robust_helpers import ENV

LINT = ["--format", "json", "--date", DATE]
ZH_DATE = "2026-10-30"  # ECB: 6.653 yuan per dollar that day
ZH = ("据新华社报道，中国政府4月宣布再拨款600亿元人民币（约合8.5亿美元）支持人工智能初创企业，"
      "此前国家基金已累计投入近7000亿元（约合1050亿美元）。")
ZH_TRADITIONAL = ("據新華社報道，中國政府4月宣布再撥款600億元人民幣（約合8.5億美元）支持人工智能初創企業，"
                  "此前國家基金已累計投入近7000億元（約合1050億美元）。")
EN_1252 = ("The company said on Tuesday it would invest \u20ac600 million ($65 million) in the plant \u2014 "
           "\u201cour biggest bet yet,\u201d its chief executive said. It has already spent \u20ac700 million "
           "($780 million) on the site.")


def flags(count: int = 1, column: int | None = None, line: int | None = None) -> Callable[[Outcome], None]:
    """Exit 1, the wrong pair found `count` times (at `line`:`column` when given), nothing unreadable,
    and no message with inf, nan or $0 in it."""
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, (outcome.code, outcome.stderr)
        found = outcome.findings("currency-conversion")
        assert len(found) == count, outcome.findings()
        if column is not None:
            assert found[0]["column"] == column, found[0]
        if line is not None:
            assert found[0]["line"] == line, found[0]
        assert not outcome.findings("unreadable-file"), outcome.findings()
        for finding in outcome.findings():
            text = f" {finding['message']} {finding['suggestion'] or ''} ".lower()
            assert not any(bad in text for bad in (" inf", "nan ", "$0 ")), text
    return check


def silent(outcome: Outcome) -> None:
    """A right pair: exit 0, no conversion finding and no 'give a conversion' note."""
    assert outcome.code == 0, (outcome.code, outcome.findings())
    assert not outcome.findings("currency-conversion"), outcome.findings()
    assert not outcome.findings("number-style"), outcome.findings()


def unread(*names: str, others: int = 1) -> Callable[[Outcome], None]:
    """Exit 1: each of `names` an unreadable-file error, the other files linted (`others` pairs)."""
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, (outcome.code, outcome.stderr)
        errors = outcome.findings("unreadable-file")
        assert sorted(f["path"] for f in errors) == sorted(names), outcome.findings()
        assert all(f["severity"] == "error" for f in errors)
        assert len(outcome.findings("currency-conversion")) == others, outcome.findings()
        assert "skipped" not in outcome.stderr, outcome.stderr  # a finding, not a line on stderr
    return check


def one_line(*words: str, code: int = 2) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == code, (outcome.code, outcome.stdout, outcome.stderr)
        one_line_error(outcome.stderr)
        for word in words:
            assert word in outcome.stderr, outcome.stderr
    return check


# ------------------------------------------------ 14.2: copy in the legacy encodings of a newsroom
def _crlf(text: str) -> str:
    return f"Headline\r\n\r\n{text}\r\n"


LEGACY_CASES = [
    Case("gb18030-chinese", "uchardet and `file` name GB18030; a reader sees Chinese, and the slip is flagged",
         {"a.txt": _crlf(ZH).encode("gb18030")}, ["lint", "a.txt", "--format", "json", "--date", ZH_DATE],
         flags(1, ZH.index("600") + 1, 3)),
    Case("gbk-chinese-markdown", "GBK is GB18030's subset; Markdown reads the same",
         {"a.md": f"# 标题\n\n{ZH}\n".encode("gbk")}, ["lint", "a.md", "--format", "json", "--date", ZH_DATE],
         flags(1, ZH.index("600") + 1, 3)),
    Case("big5-traditional-chinese", "Windows-950 Big5, as Taiwan newsrooms saved it; answered in traditional",
         {"a.txt": _crlf(ZH_TRADITIONAL).encode("cp950")}, ["lint", "a.txt", "--format", "json", "--date", ZH_DATE],
         lambda o: (flags(1, ZH_TRADITIONAL.index("600") + 1, 3)(o),
                    _assert("億" in o.findings("currency-conversion")[0]["message"]))),
    Case("windows-1252-english", "uchardet: WINDOWS-1252; the euro signs and curly quotes read as written",
         {"a.txt": _crlf(EN_1252).encode("cp1252")}, ["lint", "a.txt", *LINT],
         lambda o: (flags(1, EN_1252.index("\u20ac600") + 1, 3)(o),
                    _assert("\u20ac600 million" in o.findings("currency-conversion")[0]["message"]))),
    Case("latin-1-pound-sign", "iconv -f latin1: 0xA3 is the pound sign, not Windows-1250's Ł",
         {"a.txt": "Shares raised \u00a3600 million ($76 million), the bank said.\n".encode("latin-1")},
         ["lint", "a.txt", *LINT], lambda o: (flags(1)(o),
                                               _assert("\u00a3600 million" in o.findings("currency-conversion")[0]["message"]))),
    Case("gb18030-html-without-meta", "a browser without a charset guesses from the bytes; the slip is read",
         {"a.html": f"<html><body><p>{ZH}</p></body></html>".encode("gb18030")},
         ["lint", "a.html", "--format", "json", "--date", ZH_DATE], flags(1)),
    Case("gb2312-declared-html", "the WHATWG standard decodes GB2312 as GB18030 (a superset)",
         {"a.html": f'<html><head><meta charset="gb2312"></head><body><p>{ZH}䶮</p></body></html>'.encode("gb18030")},
         ["lint", "a.html", "--format", "json", "--date", ZH_DATE], flags(1)),
    Case("gb18030-walked-on-two-processes", "the walk reads each file in its own encoding on every worker",
         {"t/a.txt": _crlf(ZH).encode("gb18030"), "t/b.txt": _crlf(EN_1252).encode("cp1252"),
          "t/c.txt": f"{WRONG}\n"},
         ["lint", "t", "--jobs", "2", "--format", "json", "--date", ZH_DATE], flags(3)),
    Case("utf8-with-a-stray-byte-stays-utf8", "Python's UTF-8 decoder flags the byte; the rest is UTF-8, not "
         "a guess", {"a.txt": "“Café” story: ".encode() + b"\xff " + WRONG.encode()}, ["lint", "a.txt", *LINT],
         lambda o: (flags(1)(o), _assert("replacement" in o.findings("invalid-utf8")[0]["message"]))),
    Case("too-few-bytes-to-tell", "no detector names an encoding from three characters; read as UTF-8 and said",
         {"a.txt": "拨款600亿元".encode("gb18030") + b"\n" + WRONG.encode()}, ["lint", "a.txt", *LINT],
         lambda o: (flags(1)(o), _assert("replacement" in o.findings("invalid-utf8")[0]["message"]))),
]


@pytest.mark.parametrize("case", LEGACY_CASES, ids=lambda c: c.id)
def test_copy_in_a_legacy_encoding_is_read_in_it(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


@pytest.mark.parametrize(("encoding", "intro"), [
    ("gb18030", "据新华社报道，中国政府宣布再拨款支持人工智能初创企业，此前国家基金已累计投入大量资金。"),
    ("cp1252", "\u201cIt cost \u20ac600 million,\u201d she said \u2014 caf\u00e9 \u00a33."),
], ids=["gb18030", "cp1252"])
def test_fix_diff_of_a_legacy_file_writes_nothing_and_fix_keeps_its_encoding(encoding, intro, tmp_path):
    """Trusted: `sed -i` on a Latin-1 file leaves every other byte alone; figcheck's fix writes the file
    back in its own encoding (CRLF kept), and `--diff` writes nothing."""
    typo = "Prices rose 5% percent last year."
    path = tmp_path / "story.txt"
    original = f"{intro}\r\n\r\n{typo}\r\n"
    path.write_bytes(original.encode(encoding))
    before = checksums(tmp_path)
    preview = run_cli(tmp_path, ["fix", "--diff", "story.txt", "--date", DATE])
    assert preview.code == 0 and "-Prices rose 5% percent last year." in preview.stdout, preview.stderr
    assert checksums(tmp_path) == before
    done = run_cli(tmp_path, ["fix", "story.txt", "--date", DATE])
    assert done.code == 0 and "fixed 1 finding in 1 file" in done.stderr, done.stderr
    assert path.read_bytes() == original.replace("5% percent", "5%").encode(encoding)


# -------------------------------- 14.2: characters a reader never sees, and marks set on a figure
_RIGHT_AT = RIGHT.index("$96")
INVISIBLE_CASES = [
    Case(f"{name}-in-a-right-figure", "a reader sees '$96 billion'; so does figcheck", {"a.txt": text + "\n"},
         ["lint", "a.txt", *LINT], silent)
    for name, text in [
        ("combining-grave", RIGHT.replace("$96", "$9\u03006")),
        ("variation-selector", RIGHT.replace("$96", "$\ufe0f96")),
        ("tag-character", RIGHT.replace("$96", "$9\U000e00416")),
        ("mongolian-free-variation-selector", RIGHT.replace("$96", "$9\u180b6")),
        ("keycap-on-a-digit", RIGHT.replace("$96", "$96\u20e3")),
    ]
] + [
    Case(f"{name}-hiding-a-wrong-figure", "the slip is still there to a reader, and is flagged at its column",
         {"a.txt": text + "\n"}, ["lint", "a.txt", *LINT], flags(1, WRONG.index("600") + 1))
    for name, text in [
        ("combining-marks", WRONG.replace("600", "6\u03030\u03010")),
        ("variation-selector", WRONG.replace("600", "600\ufe0f")),
        ("hangul-filler-as-a-space", WRONG.replace("600 billion", "600\u3164billion")),
        ("enclosing-keycap", WRONG.replace("$8.5", "$8\u20e3.5")),
    ]
] + [
    Case("combining-mark-on-a-letter-is-kept", "é written as e + U+0301 is a letter; the text is not changed",
         {"a.txt": "Le caf\u0065\u0301 a " + WRONG[0].lower() + WRONG[1:] + "\n"}, ["lint", "a.txt", *LINT],
         flags(1, len("Le café a ") + WRONG.index("600") + 2)),
    Case("right-to-left-override-around-a-wrong-pair", "bidi controls are drawn, not read; the slip is flagged",
         {"a.txt": "\u202e" + WRONG + "\u202c\n"}, ["lint", "a.txt", *LINT], flags(1, WRONG.index("600") + 2)),
]


@pytest.mark.parametrize("case", INVISIBLE_CASES, ids=lambda c: c.id)
def test_what_a_reader_does_not_see_changes_no_verdict(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# ------------------------- 14.4: a damaged document met while walking is that file's error, always
_DAMAGED = b"PK\x03\x04 this is not really a zip archive"


def _with_bomb(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        _zip_bomb(folder / name)
    return make


WALK_CASES = [
    Case("walked-corrupt-docx", "ruff reports E902 for a file it cannot read and checks the rest; the run fails",
         {"t/bad.docx": _DAMAGED, "t/ok.txt": WRONG}, ["lint", "t", *LINT], unread("t/bad.docx")),
    Case("walked-zip-bomb", "the zip bomb is refused unread; in a folder it is that file's error, not the run's",
         {"t/ok.txt": WRONG}, ["lint", "t", *LINT], unread("t/bomb.docx"), setup=_with_bomb("t/bomb.docx")),
    Case("walked-docx-with-a-dtd", "Word never writes a DTD; the file is refused by name, the rest linted",
         {"t/dtd.docx": _docx(WRONG, lambda xml: xml.replace("?>", '?><!DOCTYPE w:document [<!ENTITY a "b">]>', 1)),
          "t/ok.txt": WRONG}, ["lint", "t", *LINT], unread("t/dtd.docx")),
    Case("walked-docx-without-a-document", "Word: 'the file is corrupt'", {"t/empty.docx": _zip({"a.txt": b"x"}),
                                                                         "t/ok.txt": WRONG},
         ["lint", "t", *LINT], unread("t/empty.docx")),
    Case("walked-corrupt-docx-on-two-processes", "--jobs 2 reports what --jobs 1 reports",
         {"t/a.docx": _DAMAGED, "t/b.txt": WRONG, "t/c.txt": WRONG, "t/d.docx": _DAMAGED},
         ["lint", "t", "--jobs", "2", *LINT], unread("t/a.docx", "t/d.docx", others=2)),
    Case("walked-invalid-json-export", "jq: parse error, for that file; the other files are read",
         {"t/export.json": '{"body": "x",', "t/ok.txt": WRONG}, ["lint", "t", "--field", "body", *LINT],
         unread("t/export.json")),
    Case("walked-binary-stays-skipped", "git grep and ripgrep pass binary files over quietly",
         {"t/photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "t/ok.txt": WRONG}, ["lint", "t", *LINT],
         lambda o: (flags(1)(o), _assert(o.report["files"] == 1))),
    Case("docx-with-external-links", "Word shows a link and never fetches it; nothing is opened, the text read",
         {"a.docx": _docx(WRONG, extra={})}, ["lint", "a.docx", *LINT], flags(1),
         setup=lambda folder: _add_external_links(folder / "a.docx")),
    Case("docx-naming-a-missing-part", "pandoc reads the text and warns of the lost image; so does figcheck",
         {"a.docx": _docx(WRONG)}, ["lint", "a.docx", *LINT],
         lambda o: (flags(1)(o), _assert("does not hold" in o.findings("unparsed-markup")[0]["message"])),
         setup=lambda folder: _add_dangling_image(folder / "a.docx")),
]


def _patch_rels(path: Path, extra: bytes) -> None:
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", extra + b"</Relationships>")
            archive.writestr(item, body)
    path.write_bytes(out.getvalue())


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _add_external_links(path: Path) -> None:
    _patch_rels(path, (f'<Relationship Id="rId90" Type="{_REL}hyperlink" Target="http://127.0.0.1:9/x" '
                       f'TargetMode="External"/><Relationship Id="rId91" Type="{_REL}image" '
                       f'Target="file:///etc/passwd" TargetMode="External"/><Relationship Id="rId92" '
                       f'Type="{_REL}subDocument" Target="\\\\evil\\share\\x.docx" TargetMode="External"/>').encode())


def _add_dangling_image(path: Path) -> None:
    _patch_rels(path, f'<Relationship Id="rId93" Type="{_REL}image" Target="media/lost.png"/>'.encode())


@pytest.mark.parametrize("case", WALK_CASES, ids=lambda c: c.id)
def test_one_damaged_document_never_hides_the_others(case, tmp_path, monkeypatch):
    assert case.trusted
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled for this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    run_case(case, tmp_path)
    assert attempts == []  # nothing named in a document is ever fetched


@pytest.mark.parametrize(("format", "marker"), [
    ("rich", "unreadable-file"), ("concise", "t/bad.docx:1:1: error[unreadable-file]"),
    ("json", '"rule": "unreadable-file"'), ("sarif", '"ruleId": "unreadable-file"'),
    ("gitlab", '"check_name": "unreadable-file"'), ("github", "::error file=t/bad.docx,"),
])
def test_a_walked_corrupt_docx_is_an_error_in_every_format(format, marker, tmp_path):
    """Trusted: ruff's E902 is a diagnostic like any other in each of its output formats, and fails the run."""
    case = Case(f"walked-corrupt-docx-{format}", "ruff: E902 in every format", {"t/bad.docx": _DAMAGED, "t/ok.txt": WRONG},
                ["lint", "t", "--format", format, "--date", DATE],
                lambda o: (_assert(o.code == 1, o.stderr), _assert(marker in o.stdout, o.stdout[:2000]),
                           _assert("skipped" not in o.stderr, o.stderr)))
    run_case(case, tmp_path)


# --------------------------------------- 14.3: globs, rates files and configs a CI file gets wrong
def _rates(*rows: str, header: str = "date,currency,rate") -> str:
    return "\n".join([header, *rows]) + "\n"


BOUNDED_CASES = [
    Case("include-glob-with-a-backwards-range", "git: 'fatal: bad pattern'; figcheck names the glob",
         {"t/a.txt": WRONG}, ["lint", "t", "--include", "[z-a].txt", *LINT], one_line("[z-a].txt", "not a valid glob")),
    Case("exclude-glob-with-a-backwards-range", "the same for --exclude", {"t/a.txt": WRONG},
         ["lint", "t", "--exclude", "[9-0]*", *LINT], one_line("[9-0]*")),
    Case("config-exclude-with-a-bad-glob", "a config error names its file and line", {
        "t/a.txt": WRONG, "figcheck.yaml": "fail-on: error\nexclude: ['[z-a]']\n"}, ["lint", "t", *LINT],
         one_line("figcheck.yaml:2", "[z-a]")),
    Case("config-override-with-a-bad-glob", "an override's glob is checked when the config is read", {
        "a.txt": WRONG, "figcheck.yaml": "overrides:\n  - paths: ['[b-a]/**']\n    ignore: [currency-conversion]\n"},
         ["lint", "a.txt", *LINT], one_line("figcheck.yaml:2", "[b-a]/**")),
    Case("gitignore-with-a-bad-glob", "git passes a pattern it cannot read over and honours the rest",
         {"t/a.txt": WRONG, "t/skip.log.txt": WRONG, "t/.gitignore": "[z-a]\nskip.*\n"}, ["lint", "t", *LINT],
         lambda o: (flags(1)(o), _assert(o.findings()[0]["path"] == "t/a.txt"))),
    Case("gitignore-with-a-byte-order-mark", "git skips a UTF-8 BOM at the start of a .gitignore",
         {"t/a.txt": WRONG, "t/secret.txt": WRONG, "t/.gitignore": "\ufeffsecret.txt\n"}, ["lint", "t", *LINT],
         lambda o: (flags(1)(o), _assert(o.findings()[0]["path"] == "t/a.txt"))),
    Case("pyproject-with-a-byte-order-mark", "tomllib refuses a BOM, Notepad writes one; the table applies",
         {"a.txt": WRONG, "pyproject.toml": "\ufeff[tool.figcheck]\nfail-on = \"never\"\n"}, ["lint", "a.txt", *LINT],
         lambda o: _assert(o.code == 0 and len(o.findings("currency-conversion")) == 1, (o.code, o.stderr))),
    Case("rates-with-two-rates-on-one-day", "a table gives one rate a day; sqlite's UNIQUE refuses the second",
         {"a.txt": RIGHT, "rates.csv": _rates(f"{DATE},CNY,7.9", f"{DATE},CNY,79", f"{DATE},USD,1.1")},
         ["lint", "a.txt", "--rates", "rates.csv", *LINT], one_line("rates.csv:3", "line 2", "CNY")),
    Case("ecb-history-with-a-day-twice", "the same in the ECB's own wide form",
         {"a.txt": RIGHT, "rates.csv": _rates(f"{DATE},1.1,7.9", f"{DATE},1.1,0.79", header="Date,USD,CNY")},
         ["lint", "a.txt", "--rates", "rates.csv", *LINT], one_line("rates.csv:3", "CNY")),
    Case("rates-with-one-row-repeated", "a repeated identical row is no conflict",
         {"a.txt": WRONG, "rates.csv": _rates(f"{DATE},CNY,7.9", f"{DATE},CNY,7.9", f"{DATE},USD,1.1")},
         ["lint", "a.txt", "--rates", "rates.csv", *LINT], flags(1)),
    Case("a-figure-of-ten-thousand-digits", "bc prints it; figcheck reads no figure from it and says nothing "
         "of inf", {"a.txt": "It cost 1" + "0" * 10_000 + f" yuan ($8.5 billion). {WRONG}\n"},
         ["lint", "a.txt", *LINT], flags(1)),
    Case("a-markdown-table-of-five-thousand-rows", "markdown-it parses it in linear time; the slip in the "
         "last row is found", {"a.md": "| n | note |\n|---|---|\n" + "".join(f"| {i} | x |\n" for i in range(5_000))
                                + f"| 1 | {WRONG} |\n"}, ["lint", "a.md", *LINT], flags(1, line=5_003)),
    Case("html-tables-nested-three-thousand-deep", "libxml2 caps the depth and keeps the text",
         {"a.html": "<table><tr><td>" * 3000 + WRONG + "</td></tr></table>" * 3000}, ["lint", "a.html", *LINT],
         flags(1)),
]


@pytest.mark.parametrize("case", BOUNDED_CASES, ids=lambda c: c.id)
def test_inputs_at_their_edges_are_read_or_refused_in_one_line(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# --------------------------------- 14.5: an empty file name is an unset variable, never the folder
@pytest.mark.parametrize("option", ["--rates", "--config", "--rules", "--baseline", "--stdin-filename"])
def test_an_empty_file_name_option_is_one_line_naming_it(option, tmp_path):
    """Trusted: `cat ''` says 'No such file or directory', never reads the working folder; figcheck
    names the option and the unset variable, and reads nothing."""
    (tmp_path / "a.txt").write_text(WRONG)
    before = checksums(tmp_path)
    run = run_process(tmp_path, ["lint", "a.txt", option, "", *LINT])
    assert run.returncode == 2, (run.returncode, run.stdout)
    one_line_error(run.stderr)
    assert option in run.stderr and "empty" in run.stderr and "'.'" not in run.stderr, run.stderr
    assert checksums(tmp_path) == before


# ------------------------------------------------ 14.4: stdin is named like any file, bad or not
@pytest.mark.parametrize(("data", "name"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, None),
    (_DAMAGED, "story.docx"),
], ids=["binary", "damaged-docx"])
def test_bad_data_on_stdin_never_hides_the_files_named_beside_it(data, name, tmp_path):
    """Trusted: `ruff check - a.py` reports stdin's error and checks a.py; the run fails."""
    (tmp_path / "a.txt").write_text(WRONG)
    before = checksums(tmp_path)
    extra = ["--stdin-filename", name] if name else []
    run = subprocess.run([sys.executable, "-m", "checker", "lint", "-", "a.txt", *extra, *LINT], input=data,
                         cwd=tmp_path, env=ENV, capture_output=True, timeout=240)
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    rules = sorted((f["path"], f["rule"]) for f in report["findings"])
    assert rules == sorted([(name or "<stdin>", "unreadable-file"), ("a.txt", "currency-conversion")]), rules
    assert b"Traceback" not in run.stderr
    assert checksums(tmp_path) == before


def test_a_path_after_a_double_dash_may_start_with_a_dash(tmp_path):
    """Trusted: `grep -- -x file`: after `--`, a name starting with '-' is a file, not an option."""
    case = Case("dash-named-file", "POSIX utility syntax guideline 10", {"-x.txt": WRONG},
                ["lint", *LINT, "--", "-x.txt"], lambda o: (flags(1)(o), _assert(o.findings()[0]["path"] == "-x.txt")))
    run_case(case, tmp_path)


def test_a_report_whose_folder_is_a_file_is_one_line_and_the_file_survives(tmp_path):
    """Trusted: `echo x > a.txt/out` is 'Not a directory'; a.txt is never touched."""
    for args in (["-o", "a.txt/out.json"], ["--report", "json:a.txt/out.json"],
                 ["--baseline", "a.txt/b.json", "--write-baseline"], ["--baseline", "a.txt/b.json"]):
        case = Case("report-under-a-file", "sh: Not a directory", {"a.txt": WRONG}, ["lint", "a.txt", *LINT, *args],
                    one_line("a.txt/", "Not a directory"))
        run_case(case, tmp_path)


# ------------------------------------------- 14.5: the web page answers bad requests with a 400
@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    run = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0"], cwd=folder, env=ENV,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = run.stderr.readline()
        yield int(line.rsplit(":", 1)[1].split("/")[0])
    finally:
        run.send_signal(signal.SIGINT)
        _, errors = run.communicate(timeout=60)
        assert "Traceback" not in errors, errors


@pytest.mark.parametrize("body", [
    {"text": WRONG, "date": 20250415}, {"text": WRONG, "date": ["2025-04-15"]}, {"text": WRONG, "date": True},
    {"text": WRONG, "kind": ["text"]}, {"text": WRONG, "date": "2025-02-30"}, [WRONG], None,
], ids=["date-a-number", "date-a-list", "date-true", "kind-a-list", "date-not-a-day", "a-list", "null"])
def test_the_web_page_answers_a_bad_request_with_a_400(body, served):
    """Trusted: a JSON API answers a malformed request with 400 and a reason, never a 500."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(f"http://127.0.0.1:{served}/api/check", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=60)
    assert error.value.code == 400
    assert json.loads(error.value.read())["error"]


# --------------------------------------- 14.5: the language server survives a broken client message
def _message(payload: dict | str) -> bytes:
    body = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_the_language_server_answers_after_a_broken_message_and_prints_no_traceback(tmp_path):
    """Trusted: an LSP server replies to a malformed message with an error and keeps serving
    (JSON-RPC 2.0: -32700 parse error); figcheck logs one line, never a traceback."""
    pytest.importorskip("pygls")
    messages = (_message("{{{{{") + _message("[1, 2]")
                + _message({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                            "params": {"processId": None, "rootUri": None, "capabilities": {}}})
                + _message({"jsonrpc": "2.0", "method": "exit"}))
    run = subprocess.run([sys.executable, "-m", "checker", "server"], input=messages, cwd=tmp_path, env=ENV,
                         capture_output=True, timeout=120)
    errors = run.stderr.decode()
    assert "Traceback" not in errors, errors
    assert all(line.startswith("figcheck server: ") for line in errors.splitlines()), errors
    assert b'"id": 1' in run.stdout and b"capabilities" in run.stdout, run.stdout[:500]


def test_the_language_server_with_stdin_closed_is_one_line(tmp_path):
    """Trusted: a server with no client stream says so and exits 2, never an AttributeError."""
    pytest.importorskip("pygls")
    run = subprocess.run([sys.executable, "-c", "import os, sys; os.close(0); sys.stdin = None; "
                          "sys.argv = ['figcheck', 'server']; from checker.cli import main; main()"],
                         cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2, run.stderr
    one_line_error(run.stderr)
    assert "standard input" in run.stderr


# ------------------------------------------- 14.4: audit reads every good record of a broken export
def test_audit_reports_each_broken_line_of_an_export_and_checks_the_rest(tmp_path):
    """Trusted: `jq -c . < export.jsonl` stops at the first bad line; an audit must not: each bad
    line is a bad-record warning at its line, and the good records around them are checked."""
    pytest.importorskip("dask")
    good = json.dumps({"body": WRONG, "published": DATE})
    lines = [good, "{not json", "", "[1, 2]", '"a string"', json.dumps({"body": 5}), json.dumps({"title": "x"}),
             json.dumps({"body": RIGHT, "published": "2025-02-30"}), good]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "export.jsonl").write_text("\n".join(lines) + "\n")
    before = checksums(tmp_path)
    run = run_process(tmp_path, ["audit", "in", "-o", "out", "--field", "body", "--date-field", "published"])
    assert "Traceback" not in run.stderr, run.stderr
    rows = [json.loads(line) for path in sorted((tmp_path / "out").glob("part-*.jsonl"))
            for line in path.read_text().splitlines()]
    by_rule = {}
    for row in rows:
        by_rule.setdefault(row["rule"], []).append(row["line"])
    assert by_rule["currency-conversion"] == [1, 9], by_rule
    assert by_rule["bad-record"] == [2], by_rule
    assert by_rule["bad-date"] == [8], by_rule
    assert sorted(by_rule["missing-field"]) == [4, 5, 6, 7], by_rule
    summary = json.loads((tmp_path / "out" / "_summary.json").read_text())
    assert summary["documents"] == 8 and summary["skipped"] == [] and summary["not_checked"] == [], summary
    assert checksums(tmp_path, frozenset(str(p.relative_to(tmp_path)) for p in (tmp_path / "out").iterdir())) == before


# ------------------------------------------------------- 14.3: extract --jsonl reads only a file
@pytest.mark.parametrize("target", ["/dev/null", "folder"])
def test_extract_jsonl_of_a_device_or_folder_is_one_line(target, tmp_path):
    """Trusted: `jq . /dev/zero` never ends and a FIFO blocks `cat`; figcheck reads only a regular
    file here (as it does for the documents), so /dev/zero or a FIFO can never fill the memory or
    hang the run (/dev/null stands in for them: it is a device and ends at once)."""
    (tmp_path / "folder").mkdir()
    case = Case(f"extract-jsonl-{target}", "refused before reading", {"a.txt": WRONG},
                ["extract", "--jsonl", target], one_line("--jsonl", "regular file" if target.startswith("/dev") else
                                                         "directory"))
    run_case(case, tmp_path)


# ------------------------------- 14.2/14.3: a page's <meta charset> is read as a browser reads it
@pytest.mark.parametrize("label", ["punycode", "rot13", "base64", "zlib", "utf-7", "cp037", "replacement", "x-user-defined"])
def test_a_meta_charset_that_is_no_web_encoding_is_no_declaration(label, tmp_path):
    """Trusted: the WHATWG Encoding standard knows no such label (or refuses it), so a browser reads
    the page as if it declared nothing; figcheck did the same for an unknown name but handed Python
    codecs such as punycode, base64 or zlib the page and failed with an internal error."""
    page = (f'<html><head><meta charset="{label}"></head><body><p>{WRONG} More + more.</p></body></html>')
    case = Case(f"meta-charset-{label}", "browsers ignore a label the Encoding standard does not list",
                {"a.html": page}, ["lint", "a.html", *LINT], flags(1))
    run_case(case, tmp_path)


# ------------------------------- 14.5: a record that gives its body or date twice is said to be so
@pytest.mark.parametrize(("name", "export", "args"), [
    ("jsonl-body-twice", json.dumps({"body": WRONG})[:-1] + ', "body": "x"}\n', ["--field", "body"]),
    ("jsonl-date-twice", '{"body": "y", "published": "2019-01-01", "published": "2025-04-15"}\n',
     ["--field", "body", "--date-field", "published"]),
    ("json-nested-body-twice", '[{"a": {"body": "x", "body": "y"}}]', ["--field", "a.body"]),
], ids=["jsonl-body-twice", "jsonl-date-twice", "json-nested-body-twice"])
def test_a_record_giving_its_body_or_date_twice_is_a_warning(name, export, args, tmp_path):
    """Trusted: JSON readers keep the last of a key given twice (jq, JSON.parse) and say nothing;
    figcheck reads the last as they do, and warns (as it refuses a YAML config's key given twice),
    so a figure in the other copy is never silently left unchecked."""
    file = "export.json" if name.startswith("json-") else "export.jsonl"
    case = Case(name, "jq keeps the last; a linter says so", {file: export}, ["lint", file, *args, *LINT],
                lambda o: _assert(any("twice" in f["message"] for f in o.findings("bad-record")), o.findings()))
    run_case(case, tmp_path)
