"""The issue-14 battery, fourth part: the edges the other three batteries leave alone.

File names no report format may mangle (a newline, a tab, a leading dash, glob characters, markup
characters, Chinese) in every format; reports on a stream that holds only ASCII; report and fixed
file names at the 255-byte limit; `fix` meeting read-only files, hard links, symbolic links and a
file-size limit; rates files and documents dated at the calendar's ends; rates no currency has
had; amounts past a float's range in `extract`; the web page given lone surrogates, deep JSON and a
malformed header; blank names in a config; rule packs whose examples are dated loosely or before
the rate table; closed pipes behind the other commands; and a language server client that edits
out of bounds and closes twice.

Each case says what a trusted tool does (`trusted=`); `run_case` checks that no input changed
(sha256) and that no traceback was printed. Cases run the CLI in-process; those about the process's
own streams, resource limits and the language server start `python -m checker`.
"""

from __future__ import annotations

import html
import json
import os
import re
import resource
import stat
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Callable

import pytest

from tests.robust.test_robust_battery import (DATE, WRONG, Case, Outcome, _assert, checksums, one_line_error,
                                              run_case, run_cli)
from tests.robust_helpers import ENV

ZH_DATE = "2026-10-30"
ZH = "据新华社报道，中国政府4月宣布再拨款600亿元人民币（约合8.5亿美元）支持人工智能初创企业。"
TYPO = "Prices rose 5% percent last year."
TYPO_FIXED = "Prices rose 5% last year."
LINT = ["--format", "json", "--date", DATE]


def one_line(*words: str, code: int = 2) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == code, (outcome.code, outcome.stdout, outcome.stderr)
        one_line_error(outcome.stderr)
        for word in words:
            assert word in outcome.stderr, outcome.stderr
    return check


def no_temporary_left(folder: Path) -> None:
    left = [p.name for p in folder.rglob("*.tmp")]
    assert not left, left


# ------------------------------------------------ every report format names every file as it is
ODD_NAMES = ["a\nb.txt", "t\tab.txt", "-dash.txt", "g[l]ob*?.txt", "pct%20,x:y.txt", 'amp&<lt>"q.txt',
             "中文 报道.txt", "h#ash.txt"]


def _plain(name: str) -> str:
    return name[2:] if name.startswith("./") else name


def _github_value(value: str) -> str:
    """A workflow command's property value, decoded as the runner decodes it."""
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


NAME_READERS: dict[str, Callable[[str], list[str]]] = {
    "json": lambda out: [f["path"] for f in json.loads(out)["findings"]],
    "sarif": lambda out: [urllib.parse.unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                          for r in json.loads(out)["runs"][0]["results"]],
    "gitlab": lambda out: [f["location"]["path"] for f in json.loads(out)],
    "rdjsonl": lambda out: [json.loads(line)["location"]["path"] for line in out.splitlines() if line.strip()],
    "junit": lambda out: [case.get("file") for case in ElementTree.fromstring(out.encode()).iter("testcase")],
    "html": lambda out: [html.unescape(name) for name in re.findall(r'<span class="path">(.*?)</span>', out, re.S)],
    "github": lambda out: [_github_value(m) for m in re.findall(r"^::error file=(.*?),line=", out, re.M)],
}
NAME_TRUSTED = {
    "json": "json.dumps escapes a newline and a tab as \\n and \\t; jq reads the name back",
    "sarif": "SARIF 2.1.0: artifactLocation.uri is a URI reference, so ? # [ ] % are percent-encoded",
    "gitlab": "GitLab Code Quality is JSON; the path reads back as written",
    "rdjsonl": "reviewdog's rdjsonl is one JSON object a line: a newline in a name stays inside its string",
    "junit": "XML attribute values escape & < > \" and newlines as references (ElementTree, lxml)",
    "html": "an HTML page escapes & < > \" in text (html.escape), so a name is text, never markup",
    "github": "GitHub's workflow commands escape % \\r \\n : , in property values (@actions/core)",
}


@pytest.mark.parametrize("fmt", sorted(NAME_READERS))
def test_every_format_names_every_odd_file_name_as_it_is(fmt, tmp_path):
    files = {f"d/{name}": WRONG + "\n" for name in ODD_NAMES}
    outcome = run_case(Case(f"names-{fmt}", NAME_TRUSTED[fmt], files,
                            ["lint", "d", "--format", fmt, "--date", DATE]), tmp_path)
    assert outcome.code == 1, outcome.stderr
    names = sorted(_plain(name) for name in NAME_READERS[fmt](outcome.stdout))
    assert names == sorted(f"d/{name}" for name in ODD_NAMES), names


def test_the_terminal_formats_keep_one_line_per_finding_for_odd_names(tmp_path):
    """Trusted: ruff's concise output escapes control characters in names, so a newline in a name never
    splits a finding in two (grep and editors' problem matchers read one line each)."""
    files = {f"d/{name}": WRONG + "\n" for name in ODD_NAMES}
    outcome = run_case(Case("names-concise", "ruff --output-format concise", files,
                            ["lint", "d", "--format", "concise", "--date", DATE]), tmp_path)
    lines = [line for line in outcome.stdout.splitlines() if "error[currency-conversion]" in line]
    assert len(lines) == len(ODD_NAMES) and all(line.startswith("d/") for line in lines), outcome.stdout


# ------------------------------------------------------------- a stream that holds only ASCII
def _ascii_run(tmp_path: Path, fmt: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    (tmp_path / "中文.txt").write_text(ZH + "\n", encoding="utf-8")
    before = checksums(tmp_path)
    run = subprocess.run([sys.executable, "-m", "checker", "lint", ".", "--format", fmt, "--date", ZH_DATE],
                         cwd=tmp_path, env={**ENV, **env}, capture_output=True, timeout=240)
    assert checksums(tmp_path) == before
    assert run.returncode == 1, run.stderr
    assert b"Traceback" not in run.stderr, run.stderr
    assert all(byte < 128 for byte in run.stdout), run.stdout[:300]
    return run


ASCII = {"PYTHONIOENCODING": "ascii"}


@pytest.mark.parametrize("fmt", ["junit", "html"])
def test_markup_on_an_ascii_stdout_gets_character_references(fmt, tmp_path):
    """Trusted: lxml and ElementTree write XML to an ASCII stream as &#20013; references, which every
    XML parser and browser reads back as the character; a \\u4e2d escape would be six letters of text
    naming another file."""
    run = _ascii_run(tmp_path, fmt, ASCII)
    text = run.stdout.decode("ascii")
    if fmt == "junit":
        cases = list(ElementTree.fromstring(run.stdout).iter("testcase"))
        assert [_plain(case.get("file")) for case in cases] == ["中文.txt"]
        assert "600亿元" in cases[0].find("failure").get("message")
    else:
        assert [_plain(html.unescape(n)) for n in re.findall(r'<span class="path">(.*?)</span>', text)] == ["中文.txt"]
        assert "\\u" not in text


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_on_an_ascii_stdout_reads_back_the_same(fmt, tmp_path):
    """Trusted: json.dumps(ensure_ascii=True): \\u escapes are JSON, and jq reads the same name back."""
    report = json.loads(_ascii_run(tmp_path, fmt, ASCII).stdout)
    if fmt == "json":
        assert [_plain(f["path"]) for f in report["findings"]] == ["中文.txt"]
    else:
        uri = report["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert _plain(urllib.parse.unquote(uri)) == "中文.txt"


LATIN_AND_ASTRAL = "The £5 fee rose 5% percent, the café said 😀."


@pytest.mark.parametrize("args", [["lint", ".", "--format", "json"], ["lint", ".", "--format", "gitlab"],
                                  ["lint", ".", "--format", "rdjsonl"], ["extract", "é😀.txt", "--format", "json"]],
                         ids=["json", "gitlab", "rdjsonl", "extract-json"])
def test_json_on_an_ascii_stdout_stays_json_with_latin_and_astral_characters(args, tmp_path):
    """Trusted: json.dumps(ensure_ascii=True) writes £ as \\u00a3 and 😀 as \\ud83d\\ude00; Python's
    backslashreplace (\\xa3, \\U0001f600) is no JSON escape, and jq stops at it."""
    (tmp_path / "é😀.txt").write_text(LATIN_AND_ASTRAL + "\n", encoding="utf-8")
    before = checksums(tmp_path)
    run = subprocess.run([sys.executable, "-m", "checker", *args], cwd=tmp_path, env={**ENV, **ASCII},
                         capture_output=True, timeout=240)
    assert b"Traceback" not in run.stderr and run.returncode in (0, 1), run.stderr
    assert all(byte < 128 for byte in run.stdout), run.stdout[:300]
    text = run.stdout.decode("ascii")
    documents = [json.loads(line) for line in text.splitlines() if line.strip()] if "rdjsonl" in args else [
        json.loads(text)]
    if "extract" in args:
        assert documents[0]["quantities"][0]["text"] == "£5"
    else:
        first = documents[0]
        path = (first["findings"][0]["path"] if "json" in args else first[0]["location"]["path"] if "gitlab" in args
                else first["location"]["path"])
        assert _plain(path) == "é😀.txt", path
    assert checksums(tmp_path) == before


def test_junit_under_the_c_locale_stays_a_valid_document(tmp_path):
    """Trusted: with LC_ALL=C and UTF-8 mode off, Python reads the name's bytes as surrogate escapes;
    the report must still parse (xmllint), naming the file by escapes, never by broken bytes."""
    run = _ascii_run(tmp_path, "junit", {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""})
    (case,) = ElementTree.fromstring(run.stdout).iter("testcase")
    assert case.get("file").endswith(".txt")


# ---------------------------------------------------------- names at the 255-byte limit
LONG_ASCII = "r" * 250 + ".json"  # 255 bytes: the longest name ext4 takes
LONG_CHINESE = "报" * 83 + ".json"  # 254 bytes in UTF-8


def _written(name: str, reader: Callable[[str], object] = json.loads) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code in (0, 1), outcome.stderr
        reader((outcome.folder / name).read_text(encoding="utf-8"))
        no_temporary_left(outcome.folder)
    return check


LONG_NAME_CASES = [
    Case("output-named-with-255-bytes", "`> rrr…r.json` writes it: 255 bytes is within NAME_MAX",
         {"a.txt": WRONG}, ["lint", "a.txt", *LINT, "-o", LONG_ASCII], _written(LONG_ASCII),
         outputs=frozenset({LONG_ASCII})),
    Case("output-named-in-254-bytes-of-chinese", "the limit counts bytes; 83 Chinese characters are 249",
         {"a.txt": WRONG}, ["lint", "a.txt", *LINT, "-o", LONG_CHINESE], _written(LONG_CHINESE),
         outputs=frozenset({LONG_CHINESE})),
    Case("report-option-named-with-255-bytes", "as -o: the shell writes such a file",
         {"a.txt": WRONG}, ["lint", "a.txt", *LINT, "--report", f"sarif:{LONG_ASCII}"], _written(LONG_ASCII),
         outputs=frozenset({LONG_ASCII})),
    Case("baseline-written-with-255-bytes", "as -o: the shell writes such a file",
         {"a.txt": WRONG}, ["lint", "a.txt", *LINT, "--baseline", LONG_ASCII, "--write-baseline"],
         lambda o: (_assert(o.code == 0, o.stderr), _written(LONG_ASCII)(o)), outputs=frozenset({LONG_ASCII})),
]


@pytest.mark.parametrize("case", LONG_NAME_CASES, ids=lambda c: c.id)
def test_a_report_named_at_the_length_limit_is_written(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


@pytest.mark.parametrize("command", [["fix"], ["lint", "--fix"]])
def test_a_file_named_at_the_length_limit_is_fixed(command, tmp_path):
    """Trusted: `sed -i` and ruff --fix rewrite a file whose name is 255 bytes long."""
    name = "x" * 251 + ".txt"
    outcome = run_case(Case("fix-long-name", "sed -i", {name: TYPO + "\n"}, [*command, name],
                            outputs=frozenset({name})), tmp_path)
    assert outcome.code == 0, outcome.stderr
    assert (tmp_path / name).read_text() == TYPO_FIXED + "\n"
    no_temporary_left(tmp_path)


# --------------------------------------------------------------------------- fix, faithfully
def _chmod(name: str, mode: int) -> Callable[[Path], None]:
    return lambda folder: os.chmod(folder / name, mode)


def _link(name: str, target: str, hard: bool = False) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (os.link if hard else os.symlink)(folder / target if hard else target, folder / name)
    return setup


def _left_alone(*words: str) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, (outcome.code, outcome.stderr)
        for word in words:
            assert word in outcome.stderr, outcome.stderr
        assert "fixed 0 findings" in outcome.stderr, outcome.stderr
    return check


def _reads(name: str, data: bytes, mode: int | None = None, link: bool = False) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        path = outcome.folder / name
        assert path.read_bytes() == data, path.read_bytes()
        if mode is not None:
            assert stat.S_IMODE(path.stat().st_mode) == mode
        no_temporary_left(outcome.folder)
    return check


FIX_CASES = [
    Case("read-only-file-is-left-alone", "ruff --fix and prettier --write get EACCES on a chmod a-w file; an "
         "atomic rename would replace it all the same", {"a.txt": TYPO + "\n"}, ["fix", "a.txt"],
         _left_alone("a.txt", "read-only"), setup=_chmod("a.txt", 0o444)),
    Case("read-only-file-is-left-alone-by-lint-fix", "as `fix`; lint still reports the finding",
         {"a.txt": TYPO + "\n"}, ["lint", "--fix", "a.txt", "--format", "json"],
         lambda o: (_assert("read-only" in o.stderr, o.stderr), _assert(len(o.findings("figure-typos")) == 1)),
         setup=_chmod("a.txt", 0o444)),
    Case("read-only-file-is-still-previewed", "a diff writes nothing, so a read-only file may be shown",
         {"a.txt": TYPO + "\n"}, ["fix", "--diff", "a.txt"],
         lambda o: _assert(o.code == 0 and f"+{TYPO_FIXED}" in o.stdout, o.stdout + o.stderr),
         setup=_chmod("a.txt", 0o444)),
    Case("hard-link-keeps-the-other-name", "sed -i and git replace the named file; its other hard link keeps "
         "the old text (the `cp -al` snapshot idiom relies on it)", {"a.txt": TYPO + "\n"}, ["fix", "a.txt"],
         lambda o: (_assert(o.code == 0, o.stderr), _reads("a.txt", (TYPO_FIXED + "\n").encode())(o),
                    _reads("b.txt", (TYPO + "\n").encode())(o)),
         outputs=frozenset({"a.txt"}), setup=_link("b.txt", "a.txt", hard=True)),
    Case("symbolic-link-is-written-through", "sed -i --follow-symlinks, editors: the target changes, the link "
         "stays", {"real.txt": TYPO + "\n"}, ["fix", "link.txt"],
         lambda o: (_assert(o.code == 0 and (o.folder / "link.txt").is_symlink(), o.stderr),
                    _reads("real.txt", (TYPO_FIXED + "\n").encode())(o)),
         outputs=frozenset({"real.txt"}), setup=_link("link.txt", "real.txt")),
    Case("bom-crlf-and-mode-are-kept", "an editor saving a file keeps its BOM, its CRLF and its permissions",
         {"a.txt": b"\xef\xbb\xbf" + (TYPO + "\r\n\r\nMore.\r\n").encode()}, ["fix", "a.txt"],
         lambda o: (_assert(o.code == 0, o.stderr),
                    _reads("a.txt", b"\xef\xbb\xbf" + (TYPO_FIXED + "\r\n\r\nMore.\r\n").encode(), 0o640)(o)),
         outputs=frozenset({"a.txt"}), setup=_chmod("a.txt", 0o640)),
    Case("nothing-to-fix-writes-nothing", "ruff --fix leaves a clean file's bytes and mtime alone",
         {"a.txt": "The fund raised $5 million.\n"}, ["fix", "a.txt"],
         lambda o: (_assert(o.code == 0 and "fixed 0 findings" in o.stderr, o.stderr), no_temporary_left(o.folder))),
]


@pytest.mark.parametrize("case", FIX_CASES, ids=lambda c: c.id)
def test_fix_is_faithful_to_the_file_it_rewrites(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


@pytest.mark.parametrize("command", [["fix"], ["lint", "--fix"]])
def test_a_fix_that_cannot_be_written_back_is_one_line_and_the_file_is_kept(command, tmp_path):
    """Trusted: under `ulimit -f` (RLIMIT_FSIZE) `sed -i` says "File too large" and leaves the file; a
    fix must name the file, keep it byte for byte and leave no temporary file, never an internal error."""
    story = tmp_path / "a.txt"
    story.write_text(TYPO + "\n" + "Filler words here. " * 200 + "\n")
    before = checksums(tmp_path)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))

    run = subprocess.run([sys.executable, "-m", "checker", *command, "a.txt"], cwd=tmp_path, env=ENV,
                         capture_output=True, text=True, timeout=240, preexec_fn=limit)
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert "a.txt: cannot write the fixed file (File too large)" in run.stderr, run.stderr
    assert run.returncode == (1 if command == ["fix"] else 0), run.stderr  # lint: a warning, not a failure
    assert checksums(tmp_path) == before
    no_temporary_left(tmp_path)


# ------------------------------------------------------------------ rates at the calendar's ends
SHORT = "In April authorities earmarked a further 600 billion yuan ($8.5 billion)."


def _rates(*rows: str) -> str:
    return "date,currency,rate\n" + "".join(f"{row}\n" for row in rows)


def _flags_at(rate_date: str) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, outcome.stderr
        (finding,) = outcome.findings("currency-conversion")
        assert rate_date in finding["message"], finding["message"]
    return check


def _rate_answer(rate_date: str) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 0, outcome.stderr
        assert f"rate date: {rate_date}" in outcome.stdout and "inf" not in outcome.stdout, outcome.stdout
    return check


YEAR_ONE = _rates("0001-01-01,CNY,7.3", "0001-01-01,USD,1.1")
YEAR_9999 = _rates("9999-12-31,CNY,7.3", "9999-12-31,USD,1.1")
RATE_CASES = [
    Case("rates-file-of-year-one-linted-on-its-day", "pandas and the csv module read 0001-01-01; the day "
         "before it does not exist, so nothing earlier is looked for", {"a.txt": SHORT, "r.csv": YEAR_ONE},
         ["lint", "a.txt", "--format", "json", "--date", "0001-01-01", "--rates", "r.csv"], _flags_at("0001-01-01")),
    Case("rates-command-on-year-one", "as lint", {"r.csv": YEAR_ONE},
         ["rates", "CNY", "USD", "--rates", "r.csv", "--date", "0001-01-01"], _rate_answer("0001-01-01")),
    Case("rates-command-days-into-year-one", "the ten-day look-back stops at the calendar's first day",
         {"r.csv": YEAR_ONE}, ["rates", "CNY", "USD", "--rates", "r.csv", "--date", "0001-01-05"],
         _rate_answer("0001-01-01")),
    Case("rates-file-of-year-one-undated", "an undated run reads the table's last year, whatever its first",
         {"a.txt": SHORT, "r.csv": YEAR_ONE}, ["lint", "a.txt", "--format", "json", "--rates", "r.csv"],
         lambda o: _assert(o.code == 1 and len(o.findings("currency-conversion")) == 1, o.stderr)),
    Case("rates-file-of-year-9999", "the calendar's last day is a day like another",
         {"a.txt": SHORT, "r.csv": YEAR_9999},
         ["lint", "a.txt", "--format", "json", "--date", "9999-12-31", "--rates", "r.csv"], _flags_at("9999-12-31")),
    Case("rate-too-small-for-any-currency", "no currency has been worth 1e-300 per euro; its cross rate would "
         "be inf: the file's error at its line, as a CSV validator says",
         {"a.txt": SHORT, "r.csv": _rates("2025-04-10,CNY,1e-300", "2025-04-10,USD,1.1")},
         ["lint", "a.txt", *LINT, "--rates", "r.csv"], one_line("r.csv:2", "CNY")),
    Case("rate-too-large-for-any-currency", "1e300 per euro makes the inverse rate 0 (a division by zero)",
         {"r.csv": _rates("2026-10-30,CNY,1e-3", "2026-10-30,JPY,1e300")},
         ["rates", "JPY", "CNY", "--rates", "r.csv"], one_line("r.csv:3", "JPY")),
    Case("ecb-wide-rate-too-large", "the ECB's own form is held to the same range",
         {"e.csv": "Date,USD,JPY,\n2026-10-30,1e31,160,\n"}, ["rates", "USD", "JPY", "--rates", "e.csv"],
         one_line("e.csv:2", "USD")),
]


@pytest.mark.parametrize("case", RATE_CASES, ids=lambda c: c.id)
def test_rates_at_the_calendars_ends_and_past_any_currency(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# ------------------------------------------------------------- documents dated at the edges
def _dated(day: str) -> str:
    return f"---\ndate: {day}\n---\n\n{SHORT}\n"


def _unchecked(words: str) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 0, outcome.stderr
        (finding,) = outcome.findings("currency-conversion")
        assert finding["severity"] == "info" and words in finding["message"], finding
    return check


DATED_CASES = [
    Case("front-matter-year-one", "no rate table reaches year 1: the pair is not checked, never passed",
         {"a.md": _dated("0001-01-01")}, ["lint", "a.md", "--format", "json"], _unchecked("could not check")),
    Case("front-matter-year-9999", "a date past the table is not checked, and says how far past",
         {"a.md": _dated("9999-12-31")}, ["lint", "a.md", "--format", "json"], _unchecked("after the")),
    Case("front-matter-february-29-of-a-common-year", "YAML readers refuse 2023-02-29; it is a bad-date warning "
         "and the pair is checked as undated", {"a.md": _dated("2023-02-29")}, ["lint", "a.md", "--format", "json"],
         lambda o: (_assert(o.code == 1 and len(o.findings("bad-date")) == 1, o.stdout),
                    _assert("no date known" in o.findings("currency-conversion")[0]["message"]))),
    Case("front-matter-february-29-of-a-leap-year", "2024-02-29 is a real day, checked at its rate",
         {"a.md": _dated("2024-02-29")}, ["lint", "a.md", "--format", "json"],
         lambda o: (_assert(o.code == 1 and not o.findings("bad-date"), o.stdout),
                    _assert("2024-02-2" in o.findings("currency-conversion")[0]["message"]))),
]


@pytest.mark.parametrize("case", DATED_CASES, ids=lambda c: c.id)
def test_documents_dated_at_the_edges(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# -------------------------------------------------------------------- amounts past a float's range
def _strict_json(text: str):
    def refuse(constant: str):
        raise AssertionError(f"not JSON: {constant}")
    return json.loads(text, parse_constant=refuse)


HUGE = "Growth was 1e400 pct, or 1e309 dollars."
EXTRACT_CASES = [
    Case("extract-json-of-amounts-past-a-float", "JSON has no Infinity: jq and JSON.parse refuse the bare word",
         {"a.txt": HUGE}, ["extract", "a.txt", "--format", "json"],
         lambda o: _assert([q["value"] for q in _strict_json(o.stdout)["quantities"]] == [None, None], o.stdout)),
    Case("extract-jsonl-of-an-amount-past-a-float", "each line one JSON object a JSON reader takes",
         {"a.jsonl": json.dumps(HUGE) + "\n"}, ["extract", "--jsonl", "a.jsonl"],
         lambda o: _assert(_strict_json(o.stdout.splitlines()[0])["quantities"][0]["value"] is None, o.stdout)),
    Case("extract-table-of-an-amount-past-a-float", "a table says the figure is too large, never 'inf'",
         {"a.txt": HUGE}, ["extract", "a.txt"],
         lambda o: _assert("too large" in o.stdout and " inf " not in o.stdout, o.stdout)),
]


@pytest.mark.parametrize("case", EXTRACT_CASES, ids=lambda c: c.id)
def test_extract_of_amounts_past_a_float_is_valid_output(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# ----------------------------------------------------------------------------- the web page
@pytest.fixture(scope="module")
def page():
    from starlette.testclient import TestClient

    from checker.serve.app import create_app

    return TestClient(create_app(), base_url="http://127.0.0.1", raise_server_exceptions=False)


def _finding_starts(answer) -> list[int]:
    return [f["start"] for f in answer.json()["findings"] if f["rule"] == "currency-conversion"]


SERVE_CASES = [
    ("lone-surrogate-in-the-text", "JSON.stringify sends a broken emoji as \\ud83d; a JSON API answers, and "
     "counts it as the one UTF-16 unit JavaScript counts",
     b'{"text": "\\ud83d ' + WRONG.encode() + b'", "date": "2025-04-15"}', {},
     lambda r: (_assert(r.status_code == 200, r.text), _assert(_finding_starts(r) == [2 + WRONG.index("600")]))),
    ("emoji-before-the-figure", "an astral character is two UTF-16 units, as the page's JavaScript counts",
     json.dumps({"text": "😀👍🏽 " + WRONG, "date": "2025-04-15"}).encode(), {},
     lambda r: _assert(_finding_starts(r) == [len("😀👍🏽 ".encode("utf-16-le")) // 2 + WRONG.index("600")], r.text)),
    ("lone-surrogate-in-the-date-source", "the name the page sends back is echoed, never a 500",
     b'{"text": "x", "date": "2025-04-15", "date_source": "\\udcff"}', {},
     lambda r: _assert(r.status_code == 200 and "\\udcff" in r.text, r.text)),
    ("json-nested-100000-deep", "Python's json module raises RecursionError; a server answers 400",
     b"[" * 100_000 + b"]" * 100_000, {}, lambda r: _assert(r.status_code == 400, r.text)),
    ("json-nested-deep-inside-the-text", "the same inside an object",
     b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", {}, lambda r: _assert(r.status_code == 400, r.text)),
    ("content-length-not-a-number", "RFC 9110: a malformed Content-Length is a 400, not '413 too large'",
     b"{}", {"content-length": "abc"},
     lambda r: _assert(r.status_code == 400 and "Content-Length" in r.text, r.text)),
]


@pytest.mark.parametrize(("body", "headers", "check"), [c[2:] for c in SERVE_CASES], ids=[c[0] for c in SERVE_CASES])
def test_the_web_page_answers_hostile_requests(body, headers, check, page):
    check(page.post("/api/check", content=body, headers={"content-type": "application/json", **headers}))


@pytest.mark.parametrize("path", ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/../app.py"])
def test_the_web_page_serves_no_file_outside_its_own(path, page):
    """Trusted: a static server (Starlette's router, nginx) answers a path outside its root with a 404."""
    answer = page.get(path)
    assert answer.status_code == 404 and "root:" not in answer.text


def test_an_imported_file_name_is_its_base_name_only(page):
    """Trusted: a browser sends only a file's base name; a name with ../ is read as that base name."""
    answer = page.post("/api/import?name=../../../etc/passwd.txt", content=WRONG.encode())
    assert answer.status_code == 200 and answer.json()["name"] == "passwd.txt", answer.text


# ----------------------------------------------------------------------- blank names in a config
def _config(text: str, name: str = "figcheck.yaml") -> dict[str, str]:
    return {"a.txt": WRONG, name: text}


BLANK_CASES = [
    Case("config-rates-blank", "an empty --rates is a usage error; a templated config with the variable unset "
         "is the same mistake, named at its line", _config('rates: ""\n'), ["lint", "a.txt", *LINT],
         one_line("figcheck.yaml:1", "rates", "empty")),
    Case("config-rules-blank", "as --rules ''", _config('rules: [""]\n'), ["lint", "a.txt", *LINT],
         one_line("figcheck.yaml:1", "rules", "empty")),
    Case("config-extends-blank", "as --rules ''", _config('extends: " "\n'), ["lint", "a.txt", *LINT],
         one_line("figcheck.yaml:1", "extends", "empty")),
    Case("config-field-blank", "as --field ''", _config('field: ""\n'), ["lint", "a.txt", *LINT],
         one_line("figcheck.yaml:1", "field", "empty")),
    Case("config-date-field-blank", "as --date-field ''", _config('date: 2025-04-15\ndate-field: ""\n'),
         ["lint", "a.txt", "--format", "json"], one_line("figcheck.yaml:2", "date-field", "empty")),
    Case("pyproject-rates-blank", "the same key in pyproject.toml", _config('[tool.figcheck]\nrates = ""\n',
                                                                            "pyproject.toml"),
         ["lint", "a.txt", *LINT], one_line("pyproject.toml:2", "rates", "empty")),
]


@pytest.mark.parametrize("case", BLANK_CASES, ids=lambda c: c.id)
def test_a_blank_name_in_a_config_is_one_line(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# ------------------------------------------------------------------------ rule packs' examples
def _pack(date_line: str) -> str:
    return ("rules:\n  - id: my-check\n    kind: currency-conversion\n    severity: error\n    examples:\n"
            f"      {date_line}\n      bad: [\"600 billion yuan ($8.5 billion)\"]\n"
            "      good: [\"700 billion yuan ($96 billion)\"]\n")


PACK_CASES = [
    Case("examples-date-unquoted", "a config's `date: 2025-04-15` is read unquoted; a pack's examples too",
         {"p.yaml": _pack("date: 2025-04-15")}, ["rules", "test", "p.yaml"],
         lambda o: _assert(o.code == 0 and "2 passed, 0 failed" in o.stdout, o.stdout + o.stderr)),
    Case("examples-date-that-is-no-day-validated", "yamllint and a schema check refuse 2025-02-30 at its line",
         {"p.yaml": _pack('date: "2025-02-30"')}, ["rules", "validate", "p.yaml"],
         one_line("p.yaml:6", "examples.date", "2025-02-30")),
    Case("examples-date-that-is-no-day-tested", "as validate, never an internal error",
         {"p.yaml": _pack('date: "2025-02-30"')}, ["rules", "test", "p.yaml"], one_line("p.yaml:6", "2025-02-30")),
    Case("examples-dated-before-the-rate-table", "a test runner fails a test that never ran its assertion: a bad "
         "example the rule could not check proves nothing",
         {"p.yaml": _pack('date: "0001-01-01"')}, ["rules", "test", "p.yaml"],
         lambda o: _assert(o.code == 1 and "FAIL my-check bad" in o.stdout and "not checked" in o.stdout, o.stdout)),
]


@pytest.mark.parametrize("case", PACK_CASES, ids=lambda c: c.id)
def test_rule_pack_examples_dated_loosely_or_early(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# --------------------------------------------------------- a closed pipe behind other commands
@pytest.mark.parametrize("args", [["extract", "a.txt"], ["extract", "--jsonl", "a.jsonl"], ["rules", "list"],
                                  ["rates", "CNY", "USD"], ["lint", ".", "--show-files"]],
                         ids=["extract-table", "extract-jsonl", "rules-list", "rates", "show-files"])
def test_a_closed_pipe_behind_any_command_exits_1_quietly(args, tmp_path):
    """Trusted: `figcheck … | head -1` under `set -o pipefail` fails, as Click's own EPIPE handling exits 1;
    one line or nothing on stderr, never a traceback."""
    (tmp_path / "a.txt").write_text(WRONG + "\n")
    (tmp_path / "a.jsonl").write_text(json.dumps(WRONG) + "\n")
    before = checksums(tmp_path)
    run = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=tmp_path, env=ENV,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    run.stdout.close()  # the reader is gone before anything is written
    stderr = run.stderr.read().decode()
    run.stderr.close()
    assert run.wait(timeout=240) == 1, stderr
    assert "Traceback" not in stderr and len(stderr.splitlines()) <= 1, stderr
    assert checksums(tmp_path) == before


# ------------------------------------------------------------------ the language server's client
def test_the_language_server_survives_a_client_that_edits_out_of_bounds_and_closes_twice(tmp_path):
    """Trusted: an LSP server clamps an edit past the end (as VS Code's document model does), counts
    UTF-16 units for emoji, ignores a second close and a change to a document never opened, and keeps
    answering; its stderr has no traceback."""
    pytest.importorskip("pygls")
    import asyncio

    from lsprotocol import types

    from tests.e2e.test_lsp_server import TIMEOUT, Client

    (tmp_path / "figcheck.yaml").write_text(f"date: {DATE}\n")
    before = checksums(tmp_path)
    prefix = "😀👍🏽 "
    seen: dict[str, object] = {}

    async def scenario() -> None:
        client = Client()
        await client.start(tmp_path)
        lsp = client.lsp
        uri, stranger = (tmp_path / "a.md").as_uri(), (tmp_path / "never-opened.md").as_uri()
        lsp.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="markdown", version=1, text=prefix + WRONG + "\n")))
        seen["first"] = (await client.diagnostics(uri, lambda found: bool(found)))[0].range.start.character
        far = types.Range(start=types.Position(line=50, character=9), end=types.Position(line=99, character=999))
        lsp.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=far, text=" More.")]))
        lsp.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=stranger, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=WRONG)]))
        hover = await asyncio.wait_for(lsp.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=10**6, character=10**6))), TIMEOUT)
        seen["hover"] = hover
        for _ in range(2):
            lsp.text_document_did_close(types.DidCloseTextDocumentParams(
                text_document=types.TextDocumentIdentifier(uri=uri)))
        other = (tmp_path / "b.md").as_uri()
        lsp.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=other, language_id="markdown", version=1, text=WRONG + "\n")))
        seen["after"] = len(await client.diagnostics(other, lambda found: bool(found)))
        await client.stop()
        seen["stderr"] = (await lsp._server.stderr.read()).decode()

    asyncio.run(scenario())
    assert seen["first"] == len(prefix.encode("utf-16-le")) // 2 + WRONG.index("600")
    assert seen["hover"] is None and seen["after"] == 1
    assert "Traceback" not in seen["stderr"], seen["stderr"]
    assert all(line.startswith("figcheck server: ") for line in seen["stderr"].splitlines()), seen["stderr"]
    assert checksums(tmp_path) == before


# ------------------------------------------------------------ what a check could not finish
def test_a_warning_pattern_that_stopped_searching_fails_the_run(tmp_path):
    """Trusted: Vale caps a rule's alerts and says so; a rule that stopped searching has left the rest
    of the document unchecked, which must fail the run whatever the rule's own severity."""
    pack = ("rules:\n  - id: my-pattern\n    kind: pattern\n    severity: warning\n"
            "    params:\n      patterns: [\"x\"]\n")
    outcome = run_case(Case("warning-pattern-past-its-cap", "Vale", {"a.txt": "x" * 5000 + "\n", "p.yaml": pack},
                            ["lint", "a.txt", "--rules", "p.yaml", "--no-default-rules", *LINT]), tmp_path)
    found = outcome.findings("my-pattern")
    assert outcome.code == 1 and len(found) == 1001, outcome.stderr
    assert found[0]["severity"] == "warning" and found[-1]["severity"] == "error", found[-1]


# ------------------------------------------------------------------------- the environment
def test_a_relative_xdg_cache_home_makes_no_folder_in_the_project(tmp_path):
    """Trusted: the XDG Base Directory spec has a relative $XDG_CACHE_HOME ignored (platformdirs, pip);
    a run must not create `relative/cache/` inside the folder it checks."""
    (tmp_path / "a.txt").write_text(WRONG + "\n")
    before = checksums(tmp_path)
    env = {key: value for key, value in ENV.items() if key != "FIGCHECK_CACHE_DIR"}
    run = subprocess.run([sys.executable, "-m", "checker", "lint", "a.txt", *LINT], cwd=tmp_path,
                         env={**env, "XDG_CACHE_HOME": "relative/cache"}, capture_output=True, text=True, timeout=240)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert checksums(tmp_path) == before
