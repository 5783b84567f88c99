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
import os
import signal
import subprocess
import sys
from typing import Callable

import pytest

from tests.robust.test_robust_battery import (DATE, RIGHT, WRONG, Case, Outcome, _assert, checksums, one_line_error,
                                              run_case, run_process)
from tests.robust.test_robust_battery_hostile import usage_error
from tests.robust_helpers import ENV

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
_FILLER = ("Filler words of an ordinary article. " * 12 + "\n\n") * 2400  # 2.2 MB in UTF-16: past the read-whole limit

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


# ------------------------------------------------ 14.4, 14.5: file names no report format expected
_NOT_UTF8 = "a\udcff.txt"  # the byte 0xff in a Linux file name, as os.fsdecode hands it over
REPORT_FORMATS = ("json", "sarif", "junit", "html", "github", "gitlab", "rdjsonl", "concise", "rich")


@pytest.mark.parametrize("format", REPORT_FORMATS)
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(format, tmp_path):
    """Trusted: git and ripgrep lint (and list) a file whose name is not UTF-8; a report names it
    (SARIF as the percent-encoded byte, %FF, as `Path.as_uri` does) on stdout and through `-o`."""
    case = Case(f"not-utf8-name-{format}", "ripgrep searches a\\xff.txt like any other file", {_NOT_UTF8: WRONG},
                ["lint", ".", "--date", DATE, "--format", format, "-o", "r.out"],
                lambda o: _assert(o.code == 1 and (o.folder / "r.out").stat().st_size > 0, o.stderr),
                outputs=frozenset({"r.out"}))
    run_case(case, tmp_path)
    text = (tmp_path / "r.out").read_text(encoding="utf-8")  # the report itself is valid UTF-8
    if format == "sarif":
        assert '"uri": "./a%FF.txt"' in text
    if format in ("json", "gitlab", "rdjsonl"):
        assert "a\\udcff.txt" in text  # a JSON escape: json.loads gives the same name back
    if format == "json":  # stdout of a real process in a UTF-8 locale (the CLI sets its streams up in main())
        run = subprocess.run([sys.executable, "-m", "checker", "lint", ".", *LINT], cwd=tmp_path, capture_output=True,
                             env={**ENV, "LC_ALL": "C.UTF-8"}, timeout=240)
        assert run.returncode == 1 and b"Traceback" not in run.stderr, run.stderr
        assert json.loads(run.stdout.decode("utf-8"))["findings"][0]["path"] == "./" + _NOT_UTF8


def test_a_baseline_of_a_file_name_that_is_not_utf8_accepts_its_findings(tmp_path):
    """Trusted: a baseline written by a run is accepted by the next (ruff --add-noqa, eslint
    --baseline round-trip every name the walk found)."""
    run_case(Case("write", "baseline", {_NOT_UTF8: WRONG}, ["lint", ".", "--date", DATE, "--baseline", "b.json",
                                                             "--write-baseline"],
                  lambda o: _assert(o.code == 0, o.stderr), outputs=frozenset({"b.json"})), tmp_path)
    outcome = run_case(Case("read", "baseline", args=["lint", ".", *LINT, "--baseline", "b.json"]), tmp_path)
    assert outcome.code == 0 and outcome.findings() == [], outcome.stdout


# --------------------------------------- 14.3: files read beside the documents are bounded too
def _fifo(name: str) -> Callable:
    return lambda folder: os.mkfifo(folder / name)


_PACK = "rules:\n  - id: currency-conversion\n    kind: currency-conversion\n    severity: warning\n"
SIDE_FILE_CASES = [
    Case("rules-named-is-a-fifo", "a FIFO nobody writes to blocks open(2) forever; eslint -c on one hangs, here "
         "one line", {"a.txt": WRONG}, ["lint", "a.txt", "--rules", "p.yaml", *LINT],
         usage_error("p.yaml", "FIFO"), setup=_fifo("p.yaml")),
    Case("config-named-is-a-fifo", "the same for --config", {"a.txt": WRONG}, ["lint", "a.txt", "--config", "c.yaml"],
         usage_error("c.yaml", "FIFO"), setup=_fifo("c.yaml")),
    Case("pyproject-named-is-a-fifo", "and for a TOML config", {"a.txt": WRONG},
         ["lint", "a.txt", "--config", "pyproject.toml"], usage_error("pyproject.toml", "FIFO"),
         setup=_fifo("pyproject.toml")),
    Case("rates-named-is-a-fifo", "and for --rates", {"a.txt": WRONG}, ["lint", "a.txt", "--rates", "r.csv", *LINT],
         usage_error("r.csv", "FIFO"), setup=_fifo("r.csv")),
    Case("baseline-named-is-a-fifo", "and for --baseline", {"a.txt": WRONG},
         ["lint", "a.txt", "--baseline", "b.json", *LINT], usage_error("b.json", "FIFO"), setup=_fifo("b.json")),
    Case("discovered-config-is-a-fifo", "the nearest config governs: never silently passed over for none",
         {"a.txt": WRONG}, ["lint", "a.txt", *LINT], usage_error("figcheck.yaml", "FIFO"),
         setup=_fifo("figcheck.yaml")),
    Case("config-names-a-pack-that-is-a-fifo", "a pack the config names is read as --rules is",
         {"a.txt": WRONG, "figcheck.yaml": "rules: [p.yaml]\n"}, ["lint", "a.txt", *LINT],
         usage_error("p.yaml", "FIFO"), setup=_fifo("p.yaml")),
    Case("config-names-a-missing-pack", "ruff: 'extend' file not found, exit 2 naming the line",
         {"a.txt": WRONG, "figcheck.yaml": "date: 2025-04-15\nrules: [nope.yaml]\n"}, ["lint", "a.txt"],
         usage_error("figcheck.yaml:2", "nope.yaml")),
    Case("config-names-a-folder-as-pack", "a folder is no pack", {"a.txt": WRONG, "figcheck.yaml": "rules: [d]\n",
                                                                  "d/x": ""},
         ["lint", "a.txt", *LINT], usage_error("is a directory")),
    Case("rules-named-is-dev-zero", "/dev/zero never ends: refused before a byte is read", {"a.txt": WRONG},
         ["lint", "a.txt", "--rules", "/dev/zero", *LINT], usage_error("/dev/zero", "character device")),
    Case("config-named-is-dev-zero", "the same for --config", {"a.txt": WRONG},
         ["lint", "a.txt", "--config", "/dev/zero"], usage_error("/dev/zero")),
    Case("rates-named-is-dev-zero", "the same for --rates", {"a.txt": WRONG},
         ["lint", "a.txt", "--rates", "/dev/zero", *LINT], usage_error("/dev/zero")),
    Case("baseline-named-is-dev-zero", "the same for --baseline", {"a.txt": WRONG},
         ["lint", "a.txt", "--baseline", "/dev/zero", *LINT], usage_error("/dev/zero")),
    Case("extract-of-a-fifo", "`wc` on a FIFO waits for a writer; extract names the file and stops",
         {}, ["extract", "p.txt"], usage_error("p.txt", "FIFO"), setup=_fifo("p.txt")),
    Case("extract-of-dev-zero", "never read to the end of memory", {}, ["extract", "/dev/zero"],
         usage_error("/dev/zero")),
    Case("bom-in-a-pack", "yamllint and PyYAML read a UTF-8 BOM as nothing", {"a.txt": WRONG, "p.yaml": "\ufeff" + _PACK},
         ["lint", "a.txt", "--rules", "p.yaml", "--no-default-rules", *LINT],
         lambda o: _assert(o.code == 0 and o.findings("currency-conversion")[0]["severity"] == "warning", o.stdout)),
    Case("bom-in-a-yaml-config", "the same for a config: fail-on is honoured",
         {"a.txt": WRONG, "figcheck.yaml": "\ufefffail-on: never\n"}, ["lint", "a.txt", *LINT],
         lambda o: _assert(o.code == 0 and o.findings("currency-conversion"), o.stderr)),
    Case("bom-in-a-rates-file", "Excel saves CSV with a BOM; the header is still 'date'",
         {"a.txt": WRONG, "r.csv": "\ufeffdate,currency,rate\n2025-04-10,XAU,0.0003\n"},
         ["lint", "a.txt", "--rates", "r.csv", *LINT], flags_the_pair()),
    Case("utf16-pack-is-one-line", "a pack that is not UTF-8 is one line naming it",
         {"a.txt": WRONG, "p.yaml": _PACK.encode("utf-16")}, ["lint", "a.txt", "--rules", "p.yaml", *LINT],
         usage_error("p.yaml", "UTF-8")),
]


@pytest.mark.parametrize("case", SIDE_FILE_CASES, ids=lambda c: c.id)
def test_files_read_beside_the_documents_are_regular_files(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


FIX_CASES = [
    Case("fix-of-a-fifo", "ruff --fix reports E902 for a path it cannot read and exits 1, never 'fixed 0'", {},
         ["fix", "p.txt", "--date", DATE],
         lambda o: (_assert(o.code == 1, o.stderr), _assert("p.txt: not checked" in o.stderr, o.stderr)),
         setup=_fifo("p.txt")),
    Case("fix-of-a-binary-among-others", "the other files are still fixed; the run fails",
         {"bin.txt": b"\x00\x01\x02" * 50, "ok.txt": RIGHT}, ["fix", "bin.txt", "ok.txt", "--date", DATE],
         lambda o: (_assert(o.code == 1, o.stderr), _assert("bin.txt: not checked" in o.stderr, o.stderr))),
    Case("fix-of-a-tree-with-a-loop", "find names the loop; fix says it skipped it", {"t/ok.txt": RIGHT},
         ["fix", "t", "--date", DATE], lambda o: _assert("skipped t/loop.txt" in o.stderr, o.stderr),
         setup=lambda folder: os.symlink("loop.txt", folder / "t/loop.txt")),
]


@pytest.mark.parametrize("case", FIX_CASES, ids=lambda c: c.id)
def test_fix_never_claims_a_file_it_could_not_read(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


def _rates(cny_per_eur: float) -> str:
    return "date,currency,rate\n" + "".join(f"2025-04-{day:02d},CNY,{cny_per_eur}\n" for day in range(1, 16))


def test_a_rates_file_edited_between_two_api_calls_is_read_again(tmp_path):
    """Trusted: a long-running tool (an editor's language server, `figcheck serve`, a notebook
    calling the API) reads a file again once it changed, as make and pytest's cache do; never the
    first call's rates under the same name."""
    from checker import lint_text

    rates = tmp_path / "r.csv"
    rates.write_text(_rates(79.8))  # 600 billion yuan is $8.5 billion at these rates
    assert lint_text(WRONG, rates=str(rates), date=DATE) == []
    rates.write_text(_rates(8.25))
    os.utime(rates, ns=(rates.stat().st_atime_ns, rates.stat().st_mtime_ns + 1_000_000))
    assert [f.rule for f in lint_text(WRONG, rates=str(rates), date=DATE)] == ["currency-conversion"]


def test_a_relative_rates_name_in_another_folder_is_another_file(tmp_path):
    """Trusted: `cd a && tool --rates r.csv` then `cd b && ...` in one process reads b's r.csv."""
    for name, rate in (("a", 79.8), ("b", 8.25)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "r.csv").write_text(_rates(rate))
        (tmp_path / name / "x.txt").write_text(WRONG + "\n")
    first = run_case(Case("a", "its own rates", args=["lint", "x.txt", "--rates", "r.csv", *LINT]), tmp_path / "a")
    second = run_case(Case("b", "its own rates", args=["lint", "x.txt", "--rates", "r.csv", *LINT]), tmp_path / "b")
    assert (first.code, len(second.findings("currency-conversion"))) == (0, 1), (first.stdout, second.stdout)


# -------------------------------------------------------- 14.1, 14.5: output names at their edges
def _report_at(name: str) -> Callable[[Outcome], None]:
    return lambda o: _assert(o.code == 1 and json.loads((o.folder / name).read_text())["files"] == 1, o.stderr)


EARLIER = json.dumps({"version": 1, "files": 1, "findings": [], "summary": {}})
OUTPUT_NAME_CASES = [
    Case("output-with-a-trailing-slash-to-a-missing-folder", "`echo x > new/` says 'Is a directory'; cp refuses "
         "'new/': never a file named 'new'", {"a.txt": WRONG}, ["lint", "a.txt", *LINT, "-o", "new/"],
         lambda o: (usage_error("new/", "folder")(o), _assert(not (o.folder / "new").exists()))),
    Case("output-with-a-trailing-slash-after-a-file", "`cat > a.json/`: 'Not a directory'; a.json is not replaced",
         {"a.txt": WRONG, "old.json": EARLIER}, ["lint", "a.txt", *LINT, "-o", "old.json/"],
         usage_error("old.json/")),
    Case("report-option-with-a-trailing-slash", "--report FORMAT:FILE is held to -o's rules",
         {"a.txt": WRONG}, ["lint", "a.txt", "--report", "sarif:out/"],
         lambda o: (usage_error("out/")(o), _assert(not (o.folder / "out").exists()))),
    Case("output-is-an-empty-name", "`-o \"$REPORT\"` with REPORT unset: an error, never the current folder",
         {"a.txt": WRONG}, ["lint", "a.txt", *LINT, "-o", ""], usage_error("empty")),
    Case("output-into-missing-folders", "mkdir -p, then write (the reports/ idiom of a fresh clone)",
         {"a.txt": WRONG}, ["lint", "a.txt", *LINT, "-o", "a/b/c/r.json"], _report_at("a/b/c/r.json"),
         outputs=frozenset({"a/b/c/r.json"})),
]
@pytest.mark.parametrize("case", OUTPUT_NAME_CASES, ids=lambda c: c.id)
def test_output_names_at_their_edges(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# ------------------------------------------------ 14.1, 14.5: a full disk behind standard output
@pytest.mark.parametrize("args", [["lint", "a.txt", *LINT], ["lint", "a.txt", "--date", DATE, "--format", "rich"],
                                  ["extract", "a.txt"], ["--version"]], ids=lambda a: "-".join(a[:1] + a[-1:]))
def test_a_full_disk_behind_stdout_is_one_line(args, tmp_path):
    """Trusted: `echo x > /dev/full` says 'No space left on device' and fails; `figcheck lint >
    report.json` on a full disk is that one line (exit 2), never an internal error."""
    (tmp_path / "a.txt").write_text(WRONG + "\n")
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "checker", *args], cwd=tmp_path, env=ENV, stdout=full,
                             stderr=subprocess.PIPE, text=True, timeout=240)
    assert run.returncode == 2, run.stderr
    one_line_error(run.stderr)
    assert "No space left on device" in run.stderr and "internal error" not in run.stderr


# ------------------------------------------- 14.2, 14.6: one long line is read as a person reads it
LONG_LINE_CASES = {
    # a paragraph past the 64 K block limit, with no sentence end: cut between pairs, never inside one
    "english-pairs-without-a-full-stop": ("officials said the plan would go ahead " * 1550
                                          + "It got 600 billion yuan ($8.5 billion) " * 200, 200),
    "chinese-pairs-without-a-space": ("官员表示计划将继续推进" * 5600 + "它获得了600亿元人民币（约合8.5亿美元）" * 200, 200),
}


@pytest.mark.parametrize("name", sorted(LONG_LINE_CASES))
def test_a_paragraph_past_the_block_limit_loses_no_pair(name, tmp_path):
    """Trusted: a reader sees every pair of a long line; grep finds all 2,000. A block cut at a
    clause end (a closing parenthesis) keeps each pair whole, and adds no finding of its own."""
    text, count = LONG_LINE_CASES[name]
    outcome = run_case(Case(name, "grep -o counts every pair", {"a.txt": text + "\n"}, ["lint", "a.txt", *LINT]),
                       tmp_path)
    assert len(outcome.findings("currency-conversion")) == count
    assert {f["rule"] for f in outcome.findings()} == {"currency-conversion"}


# ----------------------------------------------------- 14.1: a hang-up mid-run with --jobs 2
def test_a_hang_up_mid_run_stops_the_workers_like_sigterm(tmp_path):
    """Trusted: make and pytest, their terminal gone (SIGHUP: an ssh session dropped, a CI runner's
    shell closed), stop their children and exit 128 + 1; the old report stays, no temporary file.
    Without a handler the parent died at once and its --jobs workers blocked on their queue forever."""
    from tests.robust.test_robust_battery import assert_a_signal_stops_the_workers

    assert_a_signal_stops_the_workers(tmp_path, signal.SIGHUP, files=3, chars=500_000)


# ------------------------------------------- 14.5: serve, audit and rates claim only what happened
def _taken_port(folder) -> None:
    import socket

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    _HELD.append(holder)
    (folder / "port").write_text(str(holder.getsockname()[1]))


_HELD: list = []

STARTUP_CASES = [
    Case("serve-on-a-taken-port", "python -m http.server on a taken port: 'Address already in use', exit 1; never "
         "'serving on' a page another program answers", {}, ["serve", "--port", "PORT"],
         usage_error("Address already in use"), setup=_taken_port),
    Case("serve-on-an-unknown-host", "a name that does not resolve is one line, before any URL is announced", {},
         ["serve", "--host", "no-such-host.invalid", "--port", "0"], usage_error("no-such-host.invalid")),
    Case("serve-on-an-empty-host", "`--host \"$HOST\"` unset would listen on every address; refused", {},
         ["serve", "--host", "", "--port", "0"], usage_error("--host is empty")),
    Case("audit-into-an-empty-output-name", "`-o \"$OUT\"` unset: never the current folder", {"t/a.txt": WRONG},
         ["audit", "t", "-o", "", "--scheduler", "synchronous"],
         lambda o: (usage_error("--output is empty")(o), _assert(not list(o.folder.glob("part-*"))))),
    Case("rates-window-past-the-calendar", "date arithmetic past year 9999 is one line, never an internal error", {},
         ["rates", "CNY", "USD", "--date", DATE, "--window", "999999999"], usage_error("--window")),
    Case("rates-of-empty-currency-codes", "`figcheck rates \"$A\" \"$B\"` unset: name two currencies", {},
         ["rates", "", ""], usage_error("name two currencies")),
]


@pytest.mark.parametrize("case", STARTUP_CASES, ids=lambda c: c.id)
def test_startup_claims_only_what_happened(case, tmp_path):
    assert case.trusted
    case.build(tmp_path)
    if (tmp_path / "port").exists():
        case.args = [arg.replace("PORT", (tmp_path / "port").read_text()) for arg in case.args]
    try:
        run_case(case, tmp_path)
    finally:
        while _HELD:
            _HELD.pop().close()


def test_serve_on_port_0_announces_the_port_it_listens_on(tmp_path):
    """Trusted: `python -m http.server 0` prints the port the system chose; figcheck said ':0/'."""
    import urllib.request

    run = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0"], cwd=tmp_path, env=ENV,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = run.stderr.readline()
        port = int(line.rsplit(":", 1)[1].split("/")[0])
        assert port > 0, line
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as page:
            assert page.status == 200
    finally:
        run.send_signal(signal.SIGINT)
        run.wait(timeout=60)
        run.stderr.close()


# ------------------------------------------- 14.1, 14.3: GITHUB_STEP_SUMMARY is an output like -o
@pytest.mark.parametrize("target", ["a.txt", "./a.txt", "fifo", "/dev/full"])
def test_a_step_summary_file_is_never_an_input_nor_a_blocking_fifo(target, tmp_path, monkeypatch):
    """Trusted: the runner's GITHUB_STEP_SUMMARY is a fresh regular file; a mistyped one naming the
    article (or a FIFO, a device) gets a warning annotation, never a table appended to the article
    nor a run blocked on a pipe nobody reads. The annotations themselves are all still written."""
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", target)
    case = Case(target, "actions/runner writes the summary file; tee never appends to its input",
                {"a.txt": WRONG + "\n"}, ["lint", "a.txt", "--date", DATE, "--format", "github"],
                lambda o: (_assert(o.code == 1 and "::error file=a.txt" in o.stdout, o.stdout),
                           _assert("could not write the step summary" in o.stdout, o.stdout)))
    run_case(case, tmp_path)


def test_a_step_summary_file_of_its_own_is_appended_to(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    (tmp_path / "summary.md").write_text("earlier step\n")
    case = Case("own", "the runner appends each step's summary", {"a.txt": WRONG + "\n"},
                ["lint", "a.txt", "--date", DATE, "--format", "github"], outputs=frozenset({"summary.md"}))
    assert run_case(case, tmp_path).code == 1
    text = (tmp_path / "summary.md").read_text()
    assert text.startswith("earlier step\n### figcheck: 1 error")


@pytest.mark.parametrize("format", ["rich", "concise"])
def test_a_file_name_with_terminal_controls_is_shown_escaped(format, tmp_path):
    """Trusted: `ls` and git show an ESC or BEL in a file name escaped, so a name cannot retitle or
    clear the terminal reading the report; the file is still linted."""
    name = "a\x1b]0;pwned\x07.txt"
    case = Case(name, "git quotes control characters in paths", {name: WRONG + "\n"},
                ["lint", ".", "--date", DATE, "--format", format],
                lambda o: (_assert(o.code == 1, o.stderr), _assert("\x1b" not in o.stdout and "\x07" not in o.stdout),
                           _assert("a\\x1b]0;pwned\\x07.txt:1:42:" in o.stdout, o.stdout)))
    run_case(case, tmp_path)


# ------------------------------------------------------------ 14.5: the Python API at its edges
def test_the_api_reads_one_path_given_as_a_string_and_checks_nothing_for_none(tmp_path, monkeypatch):
    """Trusted: an API taking paths treats `lint_paths("a.md")` as that file (not the letters a, .,
    m, d) and an empty list (a glob that matched nothing) as nothing to check, never the current folder."""
    from pathlib import Path

    from checker import lint_paths

    (tmp_path / "a.txt").write_text(WRONG + "\n")
    monkeypatch.chdir(tmp_path)
    assert [f.rule for f in lint_paths("a.txt", date=DATE).findings] == ["currency-conversion"]
    assert [f.rule for f in lint_paths(Path("a.txt"), date=DATE).findings] == ["currency-conversion"]
    nothing = lint_paths([], date=DATE)
    assert (nothing.files, nothing.findings) == (0, [])


def test_a_home_that_does_not_exist_is_not_made_for_the_cache(tmp_path):
    """Trusted: pip with HOME=/nonexistent (Debian's build sandboxes set it so) warns and caches
    nothing; figcheck lints and caches nothing rather than create the home folder."""
    (tmp_path / "a.txt").write_text(WRONG + "\n")
    home = tmp_path / "no-such-home"
    env = {key: value for key, value in ENV.items() if key not in ("XDG_CACHE_HOME", "FIGCHECK_CACHE_DIR")}
    run = subprocess.run([sys.executable, "-m", "checker", "lint", "a.txt", *LINT], cwd=tmp_path, timeout=240,
                         env={**env, "HOME": str(home)}, capture_output=True, text=True)
    assert run.returncode == 1 and json.loads(run.stdout)["findings"], run.stderr
    assert not home.exists()


# ------------------------------------------ 14.5: an empty option is an unset variable, not a default
EMPTY_OPTION_CASES = [
    Case(f"empty-{name}", "git diff '' and ruff --select '' refuse an empty value; never a run of every rule "
         "or every field", {"a.txt": WRONG}, ["lint", "a.txt", *args, *LINT], usage_error(option, "empty"))
    for name, option, args in [
        ("select", "--select", ["--select", ""]),
        ("select-of-commas", "--select", ["--select", " , "]),
        ("ignore", "--ignore", ["--ignore", ""]),
        ("field", "--field", ["--field", ""]),
        ("date-field", "--date-field", ["--date-field", " "]),
    ]
]


@pytest.mark.parametrize("case", EMPTY_OPTION_CASES, ids=lambda c: c.id)
def test_an_empty_option_value_is_a_usage_error(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


def test_a_trailing_comma_in_select_still_selects(tmp_path):
    """Trusted: ruff --select E501, (a list written with a trailing comma) selects E501."""
    (tmp_path / "a.txt").write_text(WRONG + "\n")
    outcome = run_process(tmp_path, ["lint", "a.txt", "--select", "currency-conversion,", *LINT])
    assert outcome.returncode == 1, outcome.stderr
    assert {f["rule"] for f in json.loads(outcome.stdout)["findings"]} == {"currency-conversion"}


def test_write_baseline_to_a_name_ending_in_a_slash_is_a_usage_error(tmp_path):
    """Trusted: `cp a new/` with no folder new says "Not a directory" and writes no file named "new"."""
    (tmp_path / "a.txt").write_text(WRONG + "\n")
    before = checksums(tmp_path)
    outcome = run_process(tmp_path, ["lint", "a.txt", "--baseline", "new/", "--write-baseline", *LINT])
    assert outcome.returncode == 2, outcome.stderr
    one_line_error(outcome.stderr)
    assert "new/" in outcome.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert checksums(tmp_path) == before
