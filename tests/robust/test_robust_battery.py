"""The robustness battery (issue 14): the README's reliability promises, one parametrised case each.

Every case builds its inputs in a fresh folder, runs the real command line, and afterwards checks
that every input file is byte for byte what it was (sha256). Each case also says what a trusted
tool does in the same spot (`trusted=`), which is the behaviour figcheck is held to.

Most cases run the Typer app in-process (fast); the ones about signals, pipes, closed descriptors
and resource limits run `python -m checker` as a subprocess, as a CI job would.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from typer.testing import CliRunner

from checker.cli import app
from tests.robust_helpers import ENV, ROOT

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI companies."
RIGHT = "The fund has raised almost 700 billion yuan ($96 billion) since 2014."
DATE = "2025-04-15"
WRONG_COLUMN = WRONG.index("600") + 1  # where the wrong pair starts on its line


# ---------------------------------------------------------------------------------------- harness


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    folder: Path

    @property
    def report(self) -> dict:
        return json.loads(self.stdout)

    def findings(self, rule: str | None = None) -> list[dict]:
        return [f for f in self.report["findings"] if rule is None or f["rule"] == rule]


def checksums(folder: Path, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    sums = {}
    for path in sorted(folder.rglob("*")):
        relative = str(path.relative_to(folder))
        if relative in skip or path.is_symlink() or not path.is_file():
            continue
        sums[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


def run_cli(folder: Path, args: list[str]) -> Outcome:
    """The CLI in-process, from inside `folder` (so relative paths and config discovery stay there)."""
    here = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, args, catch_exceptions=True)
    finally:
        os.chdir(here)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"internal error: {result.exception!r}\n{result.stderr}")
    return Outcome(result.exit_code, result.stdout, result.stderr, folder)


def run_process(folder: Path, args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=folder, env=ENV, capture_output=True,
                          text=True, timeout=240, **kwargs)


def one_line_error(text: str) -> None:
    assert "Traceback" not in text, text
    lines = text.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("figcheck: error:"), text


@dataclass
class Case:
    """One promise tested: inputs, command, what must hold, and what a trusted tool does."""

    id: str
    trusted: str
    files: dict[str, bytes | str] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    check: Callable[[Outcome], None] = lambda outcome: None
    outputs: frozenset[str] = frozenset()  # files the run may write (excluded from the checksums)
    setup: Callable[[Path], None] | None = None

    def build(self, folder: Path) -> None:
        for name, content in self.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        if self.setup:
            self.setup(folder)


def run_case(case: Case, tmp_path: Path) -> Outcome:
    case.build(tmp_path)
    before = checksums(tmp_path, case.outputs)
    outcome = run_cli(tmp_path, case.args)
    assert "Traceback" not in outcome.stderr, outcome.stderr
    case.check(outcome)
    after = checksums(tmp_path, case.outputs)
    assert {k: v for k, v in after.items() if k in before} == before, "an input was modified"
    return outcome


# -------------------------------------------------------------------------- 14.2: line endings


def wrong_pair_at(line: int, column: int = WRONG_COLUMN) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, outcome.stderr
        (finding,) = outcome.findings("currency-conversion")
        assert (finding["line"], finding["column"]) == (line, column), finding
    return check


def ending_cases() -> list[Case]:
    cases = []
    for name, end in (("CR", "\r"), ("CRLF", "\r\n"), ("LF", "\n")):
        text = f"Title{end}{end}{WRONG}{end}"
        cases += [
            Case(f"text-{name}", "an editor (vim, VS Code) shows line 3 for the pair", {"a.txt": text},
                 ["lint", "a.txt", "--format", "json", "--date", DATE], wrong_pair_at(3)),
            Case(f"markdown-{name}", "markdown-it and editors: a lone CR is a line end (CommonMark)",
                 {"a.md": f"# Title{end}{end}{WRONG}{end}"},
                 ["lint", "a.md", "--format", "json", "--date", DATE], wrong_pair_at(3)),
            Case(f"html-{name}", "browsers read CR and CRLF as line ends; view-source shows line 3",
                 {"a.html": f"<h1>Title</h1>{end}{end}<p>{WRONG}</p>{end}"},
                 ["lint", "a.html", "--format", "json", "--date", DATE], wrong_pair_at(3, WRONG_COLUMN + 3)),
        ]
    mixed = f"Title\r\nsub\r{WRONG}\n"
    cases.append(Case("text-mixed", "git and editors count each CRLF, CR and LF once", {"a.txt": mixed},
                      ["lint", "a.txt", "--format", "json", "--date", DATE], wrong_pair_at(3)))
    cases.append(Case("front-matter-CR", "a YAML reader takes CR as a line break; the date is read",
                      {"a.md": f"---\rdate: {DATE}\r---\r\r{WRONG}\r"}, ["lint", "a.md", "--format", "json"],
                      lambda o: (wrong_pair_at(5)(o),
                                 _assert("no date known" not in o.findings()[0]["message"], o.stdout))))
    cases.append(Case("config-CR", "yamllint reads a CR-only config; fail-on is honoured",
                      {"a.txt": WRONG + "\n", "figcheck.yaml": "date: 2025-04-15\rfail-on: never\r"},
                      ["lint", "a.txt", "--format", "json"],
                      lambda o: _assert(o.code == 0 and len(o.findings("currency-conversion")) == 1, o.stderr)))
    cases.append(Case("config-CRLF-toml", "tomllib reads CRLF; a lone CR is refused by TOML, read as LF here",
                      {"a.txt": WRONG + "\n", "pyproject.toml": "[tool.figcheck]\r\nfail-on = \"never\"\r\n"},
                      ["lint", "a.txt", "--format", "json", "--date", DATE], lambda o: _assert(o.code == 0, o.stderr)))
    cases.append(Case("pack-CR", "a YAML pack with CR line ends validates like its LF twin",
                      {"a.txt": WRONG + "\n",
                       "pack.yaml": "rules:\r  - id: currency-conversion\r    kind: currency-conversion\r"
                                    "    severity: warning\r"},
                      ["lint", "a.txt", "--format", "json", "--date", DATE, "--rules", "pack.yaml"],
                      lambda o: _assert(o.findings("currency-conversion")[0]["severity"] == "warning")))
    cases.append(Case("rates-CR", "Python's csv module reads CR-only rows (newline='')",
                      {"a.txt": WRONG + "\n", "r.csv": "date,currency,rate\r2025-04-10,XAU,0.0003\r"},
                      ["lint", "a.txt", "--format", "json", "--date", DATE, "--rates", "r.csv"],
                      wrong_pair_at(1)))
    return cases


def _assert(condition: bool, message: str = "") -> None:
    assert condition, message


@pytest.mark.parametrize("case", ending_cases(), ids=lambda c: c.id)
def test_line_endings(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# -------------------------------------------------------------------- 14.2: invisible characters

INVISIBLE = {
    "zwsp": "\u200b", "zwnj": "\u200c", "zwj": "\u200d", "word-joiner": "\u2060", "soft-hyphen": "\u00ad",
    "lrm": "\u200e", "rlm": "\u200f", "lre": "\u202a", "pdf": "\u202c", "lri": "\u2066", "pdi": "\u2069",
    "bom": "\ufeff", "alm": "\u061c",
}
SPACES = {"nbsp": "\u00a0", "narrow-nbsp": "\u202f", "thin": "\u2009", "figure-space": "\u2007"}


def _insert(text: str, after: str, char: str) -> str:
    index = text.index(after) + len(after)
    return text[:index] + char + text[index:]


@pytest.mark.parametrize("name", sorted(INVISIBLE))
def test_an_invisible_character_inside_a_right_figure_changes_nothing(name, tmp_path):
    """Trusted: a reader (and a browser's find-in-page) sees "$96 billion"; a correct pair stays silent."""
    text = _insert(RIGHT, "$9", INVISIBLE[name])
    case = Case(name, "browsers render nothing for it; find-in-page matches '$96'", {"a.txt": text + "\n"},
                ["lint", "a.txt", "--format", "json", "--date", DATE],
                lambda o: _assert(o.code == 0 and not o.findings("currency-conversion"), o.stdout))
    run_case(case, tmp_path)


@pytest.mark.parametrize("name", sorted(INVISIBLE))
def test_an_invisible_character_never_hides_a_wrong_figure(name, tmp_path):
    """Trusted: a reader sees "$8.5 billion"; the wrong pair is flagged at its original column."""
    text = _insert(WRONG, "$8.", INVISIBLE[name])
    case = Case(name, "a reader sees $8.5 billion; columns count every code point (LSP, SARIF)",
                {"a.txt": text + "\n"}, ["lint", "a.txt", "--format", "json", "--date", DATE])
    outcome = run_case(case, tmp_path)
    (finding,) = outcome.findings("currency-conversion")
    assert finding["column"] == WRONG_COLUMN
    span = text[finding["column"] - 1 : finding["end_column"] - 1].replace(INVISIBLE[name], "")
    assert span in ("600 billion yuan ($8.5 billion", "600 billion yuan ($8.5 billion)")  # ends where the original's does


@pytest.mark.parametrize("name", sorted(SPACES))
def test_a_no_break_or_thin_space_reads_as_a_space(name, tmp_path):
    """Trusted: typographers put NBSP/NNBSP between a figure and its scale word; it reads as a space."""
    text = WRONG.replace("$8.5 billion", f"$8.5{SPACES[name]}billion").replace("600 billion", f"600{SPACES[name]}billion")
    case = Case(name, "Unicode: a no-break space is a space that does not break", {"a.txt": text + "\n"},
                ["lint", "a.txt", "--format", "json", "--date", DATE], wrong_pair_at(1))
    run_case(case, tmp_path)


DIGITS = {
    "full-width": ("６００", "８．５"),
    "arabic-indic": ("٦٠٠", "٨٫٥"),
    "devanagari": ("६००", "८.५"),
    "bengali": ("৬০০", "৮.৫"),
}


@pytest.mark.parametrize("script", sorted(DIGITS))
def test_digits_of_other_scripts_are_read_as_digits(script, tmp_path):
    """Trusted: Python's int() and unicodedata.decimal() read these as 600 and 8.5."""
    big, small = DIGITS[script]
    text = WRONG.replace("600", big).replace("8.5", small)
    case = Case(script, "int('٦٠٠') == 600 in Python", {"a.txt": text + "\n"},
                ["lint", "a.txt", "--format", "json", "--date", DATE], wrong_pair_at(1))
    run_case(case, tmp_path)


def test_a_zero_width_space_in_html_keeps_the_column(tmp_path):
    text = "<p>" + _insert(WRONG, "$8.", "&#8203;") + "</p>\n"
    case = Case("html-zwsp-entity", "a browser renders &#8203; as nothing", {"a.html": text},
                ["lint", "a.html", "--format", "json", "--date", DATE], wrong_pair_at(1, WRONG_COLUMN + 3))
    run_case(case, tmp_path)


# ------------------------------------------------------------------------------ 14.1: outputs


def refuses(outcome: Outcome) -> None:
    assert outcome.code == 2, (outcome.code, outcome.stderr)
    one_line_error(outcome.stderr)
    assert "refusing" in outcome.stderr


def _link(target: str, name: str) -> Callable[[Path], None]:
    return lambda folder: os.symlink(target, folder / name)


def _hardlink(target: str, name: str) -> Callable[[Path], None]:
    return lambda folder: os.link(folder / target, folder / name)


OUTPUT_CASES = [
    Case("output-is-the-input-txt", "sort -o in.txt refuses nothing but ruff/black never write over a source; "
         "cp a a says 'are the same file'", {"a.txt": WRONG}, ["lint", "a.txt", "-o", "a.txt"], refuses),
    Case("output-is-the-input-md", "cp: 'a.md' and 'a.md' are the same file", {"a.md": WRONG},
         ["lint", "a.md", "--format", "json", "--output", "a.md"], refuses),
    Case("output-is-the-input-html", "cp refuses the same file", {"a.html": f"<p>{WRONG}</p>"},
         ["lint", "a.html", "--format", "html", "-o", "a.html"], refuses),
    Case("output-is-a-link-to-the-input", "cp compares inodes, not names", {"a.txt": WRONG},
         ["lint", "a.txt", "-o", "link.txt"], refuses, setup=_link("a.txt", "link.txt")),
    Case("output-is-a-hard-link-to-the-input", "cp: same device and inode is the same file", {"a.txt": WRONG},
         ["lint", "a.txt", "-o", "hard.txt"], refuses, setup=_hardlink("a.txt", "hard.txt")),
    Case("output-is-an-input-named-by-its-other-path", "realpath/samefile settle ./x and dir/../x",
         {"d/a.txt": WRONG}, ["lint", "d/a.txt", "-o", "d/../d/./a.txt"], refuses),
    Case("output-is-the-config", "a tool never writes over its own config", {"a.txt": WRONG, "figcheck.yaml": "fail-on: error\n"},
         ["lint", "a.txt", "-o", "figcheck.yaml"], refuses),
    Case("output-is-a-rule-pack", "a linter never writes over a rule file it loaded",
         {"a.txt": WRONG, "p.yaml": "rules: []\n"}, ["lint", "a.txt", "--rules", "p.yaml", "-o", "p.yaml"], refuses),
    Case("output-is-the-rates-file", "never overwrite data read by the run",
         {"a.txt": WRONG, "r.csv": "date,currency,rate\n2025-04-10,XAU,0.0003\n"},
         ["lint", "a.txt", "--rates", "r.csv", "-o", "r.csv"], refuses),
    Case("output-is-the-baseline-read", "the baseline is an input when it is only read",
         {"a.txt": WRONG, "b.json": '{"version": 1, "tool": "figcheck", "findings": []}\n'},
         ["lint", "a.txt", "--baseline", "b.json", "-o", "b.json"], refuses),
    Case("write-baseline-over-the-input", "black --check never writes; a baseline is never an article",
         {"a.txt": WRONG}, ["lint", "a.txt", "--baseline", "a.txt", "--write-baseline"], refuses),
    Case("output-met-while-walking-is-not-read", "ruff excludes its own cache; a report is not a document",
         {"docs/a.txt": WRONG, "docs/report.txt": "docs/a.txt:1:42: error[currency-conversion] 600 billion yuan "
                                                  "($8.5 billion) is wrong\n"},  # the last run's report
         ["lint", "docs", "--format", "json", "-o", "docs/report.txt", "--date", DATE],
         lambda o: (_assert(o.code == 1),
                    _assert([f["path"] for f in json.loads((o.folder / "docs/report.txt").read_text())["findings"]]
                            == ["docs/a.txt"])),
         outputs=frozenset({"docs/report.txt"})),
    Case("output-through-a-symlink-keeps-the-link", "GNU sed -i --follow-symlinks, tee: the link stays",
         {"a.txt": WRONG, "real.json": "old"}, ["lint", "a.txt", "--format", "json", "-o", "out.json"],
         lambda o: (_assert(os.path.islink(o.folder / "out.json")),
                    _assert(json.loads((o.folder / "real.json").read_text())["files"] == 1)),
         outputs=frozenset({"real.json"}), setup=_link("real.json", "out.json")),
    Case("output-through-a-dangling-symlink-creates-its-target", "tee writes through a dangling link",
         {"a.txt": WRONG}, ["lint", "a.txt", "--format", "json", "-o", "out.json"],
         lambda o: (_assert(os.path.islink(o.folder / "out.json")), _assert((o.folder / "new.json").is_file())),
         outputs=frozenset({"new.json"}), setup=_link("new.json", "out.json")),
    Case("output-in-a-new-folder", "mkdir -p then write, as the reports/ default needs",
         {"a.txt": WRONG}, ["lint", "a.txt", "--format", "json", "-o", "reports/new/r.json"],
         lambda o: _assert(json.loads((o.folder / "reports/new/r.json").read_text())["files"] == 1),
         outputs=frozenset({"reports/new/r.json"})),
    Case("output-is-a-directory", "cp: cannot overwrite directory with non-directory", {"a.txt": WRONG, "d/x": ""},
         ["lint", "a.txt", "-o", "d"], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
    Case("output-to-dev-full", "echo > /dev/full: 'No space left on device', exit 1 (here 2, one line)",
         {"a.txt": WRONG}, ["lint", "a.txt", "-o", "/dev/full"],
         lambda o: (_assert(o.code == 2), one_line_error(o.stderr), _assert("No space left" in o.stderr))),
    Case("output-to-dev-null", "any tool writes to /dev/null and leaves it a device",
         {"a.txt": WRONG}, ["lint", "a.txt", "-o", "/dev/null"],
         lambda o: (_assert(o.code == 1), _assert(not Path("/dev/null").is_file()))),
]


@pytest.mark.parametrize("case", OUTPUT_CASES, ids=lambda c: c.id)
def test_outputs(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


def test_output_to_dev_stdout_is_written_through_and_appends(tmp_path):
    """Trusted: `cmd -o /dev/stdout >> log` appends to the log, as `tee /dev/stdout` does."""
    (tmp_path / "a.txt").write_text(WRONG)
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    with log.open("a") as handle:
        run = subprocess.run([sys.executable, "-m", "checker", "lint", "a.txt", "--format", "json", "-o",
                              "/dev/stdout"], cwd=tmp_path, env=ENV, stdout=handle, stderr=subprocess.PIPE,
                             text=True, timeout=240)
    assert run.returncode == 1, run.stderr
    text = log.read_text()
    assert text.startswith("earlier line\n")
    assert json.loads(text.split("\n", 1)[1])["files"] == 1
    assert not os.path.islink(tmp_path / "log.txt")


def test_a_full_disk_keeps_the_old_report_and_leaves_no_temporary_file(tmp_path):
    """Trusted: rsync/cp on ENOSPC (here EFBIG under a file-size limit) report it and keep the old file."""
    (tmp_path / "a.txt").write_text(WRONG + "\n")
    report = tmp_path / "report.json"
    report.write_text("old\n")

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))

    run = run_process(tmp_path, ["lint", "a.txt", "--format", "json", "-o", "report.json"], preexec_fn=small_files)
    assert run.returncode == 2, run.stderr
    one_line_error(run.stderr)
    assert "report.json" in run.stderr
    assert report.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        outcome = run_cli(tmp_path, ["lint", "a.txt", "-o", "ro/r.txt"])
    finally:
        folder.chmod(0o755)
    assert outcome.code == 2
    one_line_error(outcome.stderr)
    assert list(folder.iterdir()) == []


def test_concurrent_runs_writing_one_report_all_succeed(tmp_path):
    """Trusted: N concurrent `rsync --inplace=no` to one target all succeed; one whole file is left."""
    (tmp_path / "a.txt").write_text(WRONG + "\n" + RIGHT + "\n")
    command = [sys.executable, "-m", "checker", "lint", "a.txt", "--format", "json", "-o", "r.json", "--date", DATE]
    runs = [subprocess.Popen(command, cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(4)]
    results = [(run.wait(timeout=240), run.stderr.read().decode()) for run in runs]
    for run in runs:
        run.stdout.close()
        run.stderr.close()
    assert all(code == 1 for code, _ in results), results
    assert json.loads((tmp_path / "r.json").read_text())["files"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "r.json"]


def test_sigterm_behaves_like_ctrl_c(tmp_path):
    """Trusted: make/pytest on SIGTERM stop their children and exit 128+15; nothing half-written stays."""
    assert_a_signal_stops_the_workers(tmp_path, signal.SIGTERM, files=4, chars=700_000)


def assert_a_signal_stops_the_workers(tmp_path, signum: int, files: int, chars: int) -> None:
    """Send `signum` to a `lint -j 2` run once its two workers are up: the run must exit 128 + signum
    with one line, leave no worker behind, the old report and every input intact, no temporary file."""
    paragraph = f"{WRONG}\n{RIGHT}\n\n"
    for index in range(files):
        (tmp_path / f"d{index}.txt").write_text(paragraph * (chars // len(paragraph)))
    (tmp_path / "r.json").write_text("old\n")
    before = checksums(tmp_path)
    run = subprocess.Popen([sys.executable, "-m", "checker", "lint", ".", "-j", "2", "--format", "json", "-o",
                            "r.json"], cwd=tmp_path, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
    children: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None and len(children) < 2:
        children = _children(run.pid)
        time.sleep(0.1)
    time.sleep(0.5)
    run.send_signal(signum)
    try:
        _, stderr = run.communicate(timeout=120)
    finally:
        for pid in children:  # never leave an orphan behind, even when the test fails
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert run.returncode == 128 + signum, stderr
    assert stderr == "figcheck: terminated\n"
    time.sleep(0.5)
    assert not any(_alive(pid) for pid in children), "a worker outlived the run"
    assert checksums(tmp_path) == before  # the old report and every input intact
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# ----------------------------------------------------------------------- 14.3, 14.4: inputs


def _fifo(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(folder / name)
    return make


def flagged_as_unreadable(name: str, others: int = 1) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, outcome.stderr
        unreadable = outcome.findings("unreadable-file")
        assert [f["path"] for f in unreadable] == [name] and unreadable[0]["severity"] == "error"
        assert len(outcome.findings("currency-conversion")) == others  # the other files were linted
    return check


def skipped_by_name(name: str) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 1, outcome.stderr
        assert f"skipped {name}" in outcome.stderr.replace(os.sep, "/"), outcome.stderr
        assert len(outcome.findings("currency-conversion")) == 1
    return check


def _zip(entries: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _zip_bomb(path: Path) -> None:
    """300 MB of spaces in about 300 KB, written in chunks (never held in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<x/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as stream:
            chunk = b" " * (1 << 20)
            for _ in range(300):
                stream.write(chunk)


LINT = ["--format", "json", "--date", DATE]
INPUT_CASES = [
    Case("named-fifo", "grep -r skips FIFOs; ruff reports E902 per unreadable path and checks the rest",
         {"ok.txt": WRONG}, ["lint", "pipe.txt", "ok.txt", *LINT], flagged_as_unreadable("pipe.txt"),
         setup=_fifo("pipe.txt")),
    Case("fifo-in-a-tree", "ripgrep skips non-regular files while walking", {"t/ok.txt": WRONG},
         ["lint", "t", *LINT], skipped_by_name("t/pipe.txt"), setup=_fifo("t/pipe.txt")),
    Case("named-char-device", "ruff/flake8 report a path they cannot lint and go on", {"ok.txt": WRONG},
         ["lint", "/dev/zero", "ok.txt", *LINT], flagged_as_unreadable("/dev/zero")),
    Case("named-symlink-loop", "cat: Too many levels of symbolic links; other files still read",
         {"ok.txt": WRONG}, ["lint", "loop.txt", "ok.txt", *LINT], flagged_as_unreadable("loop.txt"),
         setup=_link("loop.txt", "loop.txt")),
    Case("symlink-loop-in-a-tree", "find/ripgrep report the loop and go on", {"t/ok.txt": WRONG},
         ["lint", "t", *LINT], skipped_by_name("t/loop.txt"), setup=_link("loop.txt", "t/loop.txt")),
    Case("dangling-symlink-in-a-tree", "ripgrep skips a broken link", {"t/ok.txt": WRONG},
         ["lint", "t", *LINT], skipped_by_name("t/gone.txt"), setup=_link("nowhere.txt", "t/gone.txt")),
    Case("named-dangling-symlink", "cat: No such file; the others are linted", {"ok.txt": WRONG},
         ["lint", "gone.txt", "ok.txt", *LINT], flagged_as_unreadable("gone.txt"),
         setup=_link("nowhere.txt", "gone.txt")),
    Case("named-binary-among-others", "pre-commit passes many files; flake8 reports each bad one (E902)",
         {"bin.txt": b"\x00\x01\x02" * 100, "ok.txt": WRONG}, ["lint", "bin.txt", "ok.txt", *LINT],
         flagged_as_unreadable("bin.txt")),
    Case("named-corrupt-docx-among-others", "pandoc fails that one file; a linter reports it and goes on",
         {"bad.docx": b"PK\x03\x04 not a zip", "ok.txt": WRONG}, ["lint", "bad.docx", "ok.txt", *LINT],
         flagged_as_unreadable("bad.docx")),
    Case("named-docx-without-a-document", "python-docx raises; reported as that file's error",
         {"bad.docx": _zip({"hello.txt": b"hi"}), "ok.txt": WRONG}, ["lint", "bad.docx", "ok.txt", *LINT],
         flagged_as_unreadable("bad.docx")),
    Case("named-invalid-json-among-others", "jq reports the file and exits non-zero",
         {"bad.json": "{nope", "ok.txt": WRONG}, ["lint", "bad.json", "ok.txt", "--field", "body", *LINT],
         flagged_as_unreadable("bad.json")),
    Case("over-long-path", "open(2) gives ENAMETOOLONG; reported, not an internal error", {"ok.txt": WRONG},
         ["lint", "x" * 5000 + ".txt", "ok.txt", *LINT],
         lambda o: (_assert(o.code in (1, 2), o.stderr), _assert("Traceback" not in o.stderr))),
    Case("docx-zip-bomb", "unzip -l shows the declared size; tools cap it (exit 2 at once)", {},
         ["lint", "bomb.docx", *LINT], setup=lambda folder: _zip_bomb(folder / "bomb.docx"), check=
          lambda o: (_assert(o.code == 2), one_line_error(o.stderr),
                                                  _assert("zip bomb" in o.stderr))),
    Case("docx-element-bomb", "libxml2 caps huge trees; more tags than any article is refused",
         {"bomb.docx": _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<a/>" * 5_000_000})},
         ["lint", "bomb.docx", *LINT], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
    Case("html-unclosed-tags", "browsers (html5 parsing) handle 120 KB of unclosed tags in milliseconds",
         {"a.html": "<a " * 40_000 + f"<p>{WRONG}</p>"}, ["lint", "a.html", *LINT],
         lambda o: _assert(o.code in (0, 1))),
    Case("html-unclosed-bold", "libxml2 recovers and keeps the text", {"a.html": "<b>" * 40_000 + f"<p>{WRONG}</p>"},
         ["lint", "a.html", *LINT], lambda o: _assert(len(o.findings("currency-conversion")) == 1)),
    Case("html-deep-nesting", "lxml with huge_tree parses 10,000 levels", {"a.html": "<div>" * 10_000 + f"<p>{WRONG}</p>"},
         ["lint", "a.html", *LINT], lambda o: _assert(len(o.findings("currency-conversion")) == 1)),
    Case("html-unclosed-comment", "a browser hides the rest of the page", {"a.html": f"<p>{WRONG}</p><!-- x" * 2000},
         ["lint", "a.html", *LINT], lambda o: _assert(o.code in (0, 1))),
    Case("html-many-unclosed-comments", "the HTML standard: an unclosed <!-- runs to the end; read in one pass",
         {"a.html": f"<p>{WRONG}</p>" + "<!-- x" * 3000}, ["lint", "a.html", *LINT],
         lambda o: _assert(len(o.findings("currency-conversion")) == 1, o.stdout)),
    Case("html-many-unclosed-json-ld", "browsers stop at a <script> never closed; the date search ends there",
         {"a.html": f"<p>{WRONG}</p>" + '<script type="application/ld+json">{' * 3000},
         ["lint", "a.html", *LINT], lambda o: _assert(len(o.findings("currency-conversion")) == 1, o.stdout)),
    Case("config-duplicate-key", "yamllint key-duplicates: an error, never silently the last value",
         {"a.txt": WRONG, "figcheck.yaml": "fail-on: error\nfail-on: never\n"}, ["lint", "a.txt", *LINT],
         lambda o: (_assert(o.code == 2), one_line_error(o.stderr), _assert("duplicate key 'fail-on'" in o.stderr))),
    Case("pack-duplicate-key", "yamllint key-duplicates in a rule file",
         {"a.txt": WRONG, "p.yaml": "rules:\n  - id: x\n    id: y\n    kind: pattern\n"},
         ["lint", "a.txt", "--rules", "p.yaml", *LINT],
         lambda o: (_assert(o.code == 2), one_line_error(o.stderr), _assert("duplicate key" in o.stderr))),
    Case("front-matter-duplicate-date", "Hugo/Jekyll refuse duplicate front matter keys; the date is not guessed",
         {"a.md": f"---\ndate: {DATE}\ndate: 2001-01-01\n---\n\n{WRONG}\n"}, ["lint", "a.md", "--format", "json"],
         lambda o: _assert([f["line"] for f in o.findings("bad-front-matter")] == [3])),
    Case("config-alias-bomb", "PyYAML billion laughs: refused by a node cap",
         {"a.txt": WRONG, "figcheck.yaml": "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                                           "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                                           "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"},
         ["lint", "a.txt", *LINT], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
    Case("front-matter-alias-bomb", "a static site generator refuses it; here the date is not read",
         {"a.md": "---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                  f"date: {DATE}\n---\n\n{WRONG}\n"},
         ["lint", "a.md", "--format", "json"], lambda o: _assert(len(o.findings("bad-front-matter")) == 1)),
    Case("huge-integer", "Python int has no limit but a figure of 10^40 yuan is no real amount",
         {"a.txt": "It raised 99999999999999999999999999999999999999999 billion yuan ($8.5 billion).\n"},
         ["lint", "a.txt", *LINT], lambda o: _no_silly_numbers(o)),
    Case("float-near-max", "1e308 * rate overflows to inf in IEEE 754", {"a.txt": "It cost 1e308 yuan ($1e308).\n"},
         ["lint", "a.txt", *LINT], lambda o: _no_silly_numbers(o)),
    Case("float-near-min", "1e-320 is a denormal; a ratio with it overflows", {"a.txt": "It cost 1e-320 yuan ($5).\n"},
         ["lint", "a.txt", *LINT], lambda o: _no_silly_numbers(o)),
    Case("zero-amount", "0 yuan ($5 billion) has no ratio; no division by zero",
         {"a.txt": "It got 0 yuan ($5 billion). It got 5 billion yuan ($0).\n"},
         ["lint", "a.txt", *LINT], lambda o: _no_silly_numbers(o)),
]


def _no_silly_numbers(outcome: Outcome) -> None:
    assert outcome.code in (0, 1), outcome.stderr
    for finding in outcome.findings():
        message = finding["message"] + " " + (finding["suggestion"] or "")
        for bad in ("inf", "nan", "$0 ", "$0.0000"):
            assert bad not in message.lower().replace("info", ""), message
        assert max((len(word) for word in message.split()), default=0) < 40, message


@pytest.mark.parametrize("case", INPUT_CASES, ids=lambda c: c.id)
def test_inputs(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_an_unreadable_named_file_does_not_hide_the_others(tmp_path):
    (tmp_path / "secret.txt").write_text(WRONG)
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "ok.txt").write_text(WRONG)
    try:
        outcome = run_cli(tmp_path, ["lint", "secret.txt", "ok.txt", *LINT])
    finally:
        (tmp_path / "secret.txt").chmod(0o644)
    flagged_as_unreadable("secret.txt")(outcome)


# ------------------------------------------------------------------ 14.5: nothing falsely claimed


CLAIM_CASES = [
    Case("select-and-ignore-the-same-rule", "ruff --select X --ignore X warns nothing is checked; here exit 2",
         {"a.txt": WRONG}, ["lint", "a.txt", "--select", "currency-conversion", "--ignore", "currency-conversion"],
         lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
    Case("no-rules-at-all", "eslint with no rules configured errors out", {"a.txt": WRONG},
         ["lint", "a.txt", "--no-default-rules"], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
    Case("every-rule-ignored-by-config", "a run that checks nothing must not pass", {
        "a.txt": WRONG, "figcheck.yaml": "select: [currency-conversion]\nignore: [currency-conversion]\n"},
         ["lint", "a.txt"], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
    Case("empty-diff-ref", "git diff '' is an error ('ambiguous argument'); never an unfiltered run",
         {"a.txt": WRONG}, ["lint", "a.txt", "--diff", ""], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
    Case("blank-diff-ref", "an unset CI variable quoted with spaces is still empty", {"a.txt": WRONG},
         ["lint", "a.txt", "--diff", "  "], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
    Case("unknown-format", "every CLI refuses an unknown choice with exit 2", {"a.txt": WRONG},
         ["lint", "a.txt", "--format", "yaml"], lambda o: (_assert(o.code == 2), _assert("Traceback" not in o.stderr))),
    Case("jobs-past-the-machine", "make -j 100000 still runs; figcheck caps --jobs at the usable cores",
         {"a.txt": WRONG, "b.txt": WRONG}, ["lint", "a.txt", "b.txt", "-j", "100000", *LINT],
         lambda o: _assert(o.code == 1 and len(o.findings("currency-conversion")) == 2, o.stderr)),
    Case("write-baseline-without-baseline", "a flag that needs a file says so", {"a.txt": WRONG},
         ["lint", "a.txt", "--write-baseline"], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
]


@pytest.mark.parametrize("case", CLAIM_CASES, ids=lambda c: c.id)
def test_claims(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


def test_a_closed_stdout_is_one_line_and_exit_2(tmp_path):
    """Trusted: `ls >&-` prints 'write error: Bad file descriptor' on stderr and exits 2."""
    (tmp_path / "a.txt").write_text(WRONG)
    run = run_process(tmp_path, ["lint", "a.txt"], preexec_fn=lambda: os.close(1))
    assert run.returncode == 2
    one_line_error(run.stderr)


def test_a_closed_pipe_exits_1_whatever_the_findings(tmp_path):
    """Trusted: under `set -o pipefail`, a truncated report must never pass a gate (Click exits 1)."""
    (tmp_path / "a.txt").write_text(RIGHT + "\n")
    run = subprocess.Popen([sys.executable, "-m", "checker", "lint", "a.txt", "--format", "json", "--fail-on",
                            "never"], cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    run.stdout.close()  # the reader is gone before the report is written (start-up alone takes longer)
    stderr = run.stderr.read().decode()
    run.stderr.close()
    assert run.wait(timeout=240) == 1
    assert "Traceback" not in stderr


# ------------------------------------------------------- 14.3: memory bounds on packs and templates


def _pattern_pack(patterns: list[str], **params) -> str:
    extra = "".join(f"      {key}: {json.dumps(value)}\n" for key, value in params.items())
    return ("rules:\n  - id: my-pattern\n    kind: pattern\n    severity: warning\n"
            f"    params:\n      patterns: {json.dumps(patterns)}\n" + extra)


def _messages_at_most(limit: int) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code in (0, 1), outcome.stderr
        assert outcome.findings(), outcome.stdout
        assert all(len(f["message"]) <= limit and len(f["suggestion"] or "") <= limit for f in outcome.findings())
    return check


PACK_LIMIT_CASES = [
    Case("pattern-compile-bomb", "RE2 refuses patterns past its program-size limit; here a pack error, exit 2",
         {"a.txt": WRONG, "p.yaml": _pattern_pack(["(?:a{1000}){1000}"])},
         ["lint", "a.txt", "--rules", "p.yaml", *LINT],
         lambda o: (_assert(o.code == 2), one_line_error(o.stderr), _assert("too much memory" in o.stderr))),
    Case("pattern-matching-everything", "Vale caps alerts per rule; one error says the rule is too broad",
         {"a.txt": "x" * 5000 + "\n", "p.yaml": _pattern_pack(["x"])},
         ["lint", "a.txt", "--rules", "p.yaml", "--no-default-rules", *LINT],
         lambda o: (_assert(o.code == 1),
                    _assert(len(o.findings("my-pattern")) == 1001),
                    _assert(o.findings("my-pattern")[-1]["severity"] == "error"))),
    Case("pattern-backtracking-bomb", "the regex package's timeout= stops (a|aa)*$; one error, never a hang",
         {"a.txt": "a" * 3000 + "!\n", "p.yaml": _pattern_pack(["(a|aa)*$"], timeout_seconds=0.1)},
         ["lint", "a.txt", "--rules", "p.yaml", "--no-default-rules", *LINT],
         lambda o: _assert(o.code == 1 and o.findings("my-pattern")[0]["evidence"]["timeout"] is True, o.stdout)),
    Case("pattern-message-repeats-a-long-match", "a message shows a bounded excerpt of what matched",
         {"a.txt": "y" * 60_000 + "\n", "p.yaml": _pattern_pack(["y+"], message="{match}" * 70)},
         ["lint", "a.txt", "--rules", "p.yaml", "--no-default-rules", *LINT], _messages_at_most(20_000)),
    Case("pattern-fix-repeats-a-long-match", "a fix that would be megabytes is not offered",
         {"a.txt": "z" * 60_000 + "\n", "p.yaml": _pattern_pack(["z+"], fix="\\g<0>" * 80)},
         ["lint", "a.txt", "--rules", "p.yaml", "--no-default-rules", *LINT], _messages_at_most(20_000)),
    Case("message-template-repeats-a-field", "a rule message is one line of prose, not megabytes",
         {"a.txt": WRONG, "p.yaml": "rules:\n  - id: currency-conversion\n    kind: currency-conversion\n"
                                    "    severity: error\n    message: \"" + "{message}" * 220 + "\"\n"},
         ["lint", "a.txt", "--rules", "p.yaml", "--no-default-rules", *LINT], _messages_at_most(4_000)),
    Case("message-template-format-spec", "str.format('{:>999999999}') would allocate a gigabyte; specs are ignored",
         {"a.txt": WRONG, "p.yaml": "rules:\n  - id: currency-conversion\n    kind: currency-conversion\n"
                                    "    message: \"{message:>999999999}\"\n"},
         ["lint", "a.txt", "--rules", "p.yaml", "--no-default-rules", *LINT], _messages_at_most(4_000)),
    Case("message-template-too-long", "a pack is validated like a schema: a 5,000-character template is refused",
         {"a.txt": WRONG, "p.yaml": "rules:\n  - id: currency-conversion\n    kind: currency-conversion\n"
                                    "    message: \"" + "x" * 5000 + "\"\n"},
         ["lint", "a.txt", "--rules", "p.yaml", *LINT], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
]


@pytest.mark.parametrize("case", PACK_LIMIT_CASES, ids=lambda c: c.id)
def test_pack_limits(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# ----------------------------------------------------- 14.2: more line endings, more input types

ENDING_MORE_CASES = [
    Case("jsonl-CRLF", "jq and Python's json read CRLF-terminated records",
         {"a.jsonl": json.dumps({"body": WRONG}) + "\r\n" + json.dumps({"body": RIGHT}) + "\r\n"},
         ["lint", "a.jsonl", "--field", "body", *LINT],
         lambda o: _assert(o.code == 1 and [f["line"] for f in o.findings("currency-conversion")] == [1], o.stdout)),
    Case("jsonl-CR", "a lone CR ends a line, as in every other input", {
        "a.jsonl": json.dumps({"body": RIGHT}) + "\r" + json.dumps({"body": WRONG}) + "\r"},
         ["lint", "a.jsonl", "--field", "body", *LINT],
         lambda o: _assert([f["line"] for f in o.findings("currency-conversion")] == [2], o.stdout)),
    Case("json-CRLF", "json.loads ignores CRLF between tokens", {
        "a.json": '[\r\n  {"body": "' + WRONG + '"}\r\n]\r\n'}, ["lint", "a.json", "--field", "body", *LINT],
         lambda o: _assert([f["line"] for f in o.findings("currency-conversion")] == [2], o.stdout)),
    Case("rates-CRLF", "Python's csv module reads CRLF rows (RFC 4180's own line end)",
         {"a.txt": WRONG + "\n", "r.csv": "date,currency,rate\r\n2025-04-10,XAU,0.0003\r\n"},
         ["lint", "a.txt", "--rates", "r.csv", *LINT], wrong_pair_at(1)),
    Case("config-CRLF-yaml", "yamllint reads CRLF configs", {"a.txt": WRONG + "\n", "figcheck.yaml": "fail-on: never\r\n"},
         ["lint", "a.txt", *LINT], lambda o: _assert(o.code == 0 and o.findings("currency-conversion"), o.stderr)),
    Case("pack-CRLF", "a CRLF pack validates like its LF twin",
         {"a.txt": WRONG + "\n", "p.yaml": "rules:\r\n  - id: currency-conversion\r\n    kind: currency-conversion\r\n"
                                           "    severity: info\r\n"},
         ["lint", "a.txt", "--rules", "p.yaml", "--no-default-rules", *LINT],
         lambda o: _assert(o.code == 0 and o.findings("currency-conversion")[0]["severity"] == "info", o.stdout)),
    Case("markdown-mixed", "CommonMark: CRLF, CR and LF are each one line end",
         {"a.md": f"# T\r\nsub\r\r\n{WRONG}\n"}, ["lint", "a.md", *LINT], wrong_pair_at(4)),
    Case("html-mixed", "the HTML standard normalises CRLF and CR to LF before parsing",
         {"a.html": f"<p>a</p>\r<p>b</p>\r\n<p>{WRONG}</p>\n"}, ["lint", "a.html", *LINT],
         wrong_pair_at(3, WRONG_COLUMN + 3)),
]


@pytest.mark.parametrize("case", ENDING_MORE_CASES, ids=lambda c: c.id)
def test_more_line_endings(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# ------------------------------------------------------------- 14.4: audit skips and refuses clearly


def _audit_skipped(*names: str) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        assert outcome.code == 0, outcome.stderr
        for name in names:
            assert f"figcheck: skipped {name}:" in outcome.stderr.replace(os.sep, "/"), outcome.stderr
        summary = json.loads((outcome.folder / "out" / "_summary.json").read_text())
        assert summary["files"] == 1 and summary["rules"] == {"currency-conversion": 1}
    return check


AUDIT = ["audit", "t", "-o", "out", "--scheduler", "synchronous"]
AUDIT_CASES = [
    Case("audit-fifo-in-a-tree", "ripgrep skips a FIFO while walking; named, never opened", {"t/ok.txt": WRONG},
         AUDIT, _audit_skipped("t/pipe.txt"), outputs=frozenset({"out/_summary.json", "out/part-00000.jsonl"}),
         setup=_fifo("t/pipe.txt")),
    Case("audit-symlink-loop", "find reports 'Too many levels of symbolic links' and goes on", {"t/ok.txt": WRONG},
         AUDIT, _audit_skipped("t/loop.txt"), outputs=frozenset({"out/_summary.json", "out/part-00000.jsonl"}),
         setup=_link("loop.txt", "t/loop.txt")),
    Case("audit-dangling-link", "ripgrep skips a broken link, by name with --debug", {"t/ok.txt": WRONG},
         AUDIT, _audit_skipped("t/gone.txt"), outputs=frozenset({"out/_summary.json", "out/part-00000.jsonl"}),
         setup=_link("nowhere.txt", "t/gone.txt")),
    Case("audit-jsonl-without-field", "jq needs a filter to know what to read; exit 2 in one line",
         {"t/a.jsonl": json.dumps({"body": WRONG}) + "\n"}, ["audit", "t/a.jsonl", "-o", "out"],
         lambda o: (_assert(o.code == 2), one_line_error(o.stderr), _assert("--field" in o.stderr))),
    Case("audit-jsonl-glob-without-field", "the same through a glob", {"t/a.jsonl": json.dumps({"body": WRONG}) + "\n"},
         ["audit", "t/*.jsonl", "-o", "out"], lambda o: (_assert(o.code == 2), one_line_error(o.stderr))),
]


@pytest.mark.parametrize("case", AUDIT_CASES, ids=lambda c: c.id)
def test_audit(case, tmp_path):
    assert case.trusted
    run_case(case, tmp_path)


# ---------------------------------------------------- 14.2: extract reads text as lint reads it

EXTRACT_TEXTS = {
    "zwsp": ("It cost $8.\u200b5 billion.", 8.5e9),
    "word-joiner": ("It cost $8\u2060.5 billion.", 8.5e9),
    "soft-hyphen": ("It cost $8.5 bil\u00adlion.", 8.5e9),
    "bidi": ("It cost \u200e$8.5\u200f billion.", 8.5e9),
    "narrow-nbsp": ("It cost $8.5\u202fbillion.", 8.5e9),
    "nbsp": ("It cost $8.5\u00a0billion.", 8.5e9),
    "full-width": ("It cost $\uff18\uff0e\uff15 billion.", 8.5e9),
    "arabic-indic": ("It cost $\u0668\u066b\u0665 billion.", 8.5e9),
    "devanagari": ("It cost $\u096e.\u096b billion.", 8.5e9),
}


@pytest.mark.parametrize("name", sorted(EXTRACT_TEXTS))
def test_extract_normalises_like_lint_with_offsets_into_the_original(name, tmp_path):
    """Trusted: a reader sees $8.5 billion; offsets index the file as Python's str does (DESIGN.md)."""
    text, value = EXTRACT_TEXTS[name]
    (tmp_path / "a.txt").write_text(text + "\n")
    case = Case(name, "find-in-page matches '$8.5 billion'", args=["extract", "a.txt", "--format", "json"])
    outcome = run_case(case, tmp_path)
    (quantity,) = json.loads(outcome.stdout)["quantities"]
    assert quantity["value"] == value and quantity["currency"] == "USD"
    assert text[quantity["start"] : quantity["end"]] == quantity["text"]
    seen = "".join(char for char in quantity["text"] if char not in INVISIBLE.values())
    assert seen.startswith("$") and seen.endswith("billion")


# -------------------------------------------------- 14.3: a file that changes while it is read


def _read_then(change: Callable[[Path], None], tmp_path: Path) -> list:
    from checker.documents.loader import load_file

    path = tmp_path / "a.txt"
    path.write_text(WRONG + "\n")
    (document,) = list(load_file(str(path)))
    change(path)
    list(document)  # read the blocks, as lint does
    return [note for note in document.notes if note.rule == "file-changed"]


def _replace(path: Path) -> None:
    other = path.with_name("b.txt")
    other.write_text(WRONG + "\n")
    os.replace(other, path)


CHANGES = {
    "grows": lambda path: path.open("a").write(RIGHT + "\n"),
    "shrinks": lambda path: path.write_text("x\n"),
    "deleted": lambda path: path.unlink(),
    "replaced": _replace,
    "rewritten-same-size": lambda path: (path.write_text(WRONG.upper() + "\n"),
                                         os.utime(path, ns=(1, 1))),
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_file_that_changes_while_it_is_read_is_reported(name, tmp_path):
    """Trusted: GNU tar says 'file changed as we read it' and exits 1; rsync warns 'vanished'."""
    notes = _read_then(CHANGES[name], tmp_path)
    assert [(n.severity, n.message.split(" while ")[0]) for n in notes] == [("error", notes[0].message.split(" while ")[0])]
    assert "while it was checked" in notes[0].message


def test_a_file_that_does_not_change_is_not_reported(tmp_path):
    assert _read_then(lambda path: None, tmp_path) == []


def test_a_file_deleted_between_the_walk_and_its_worker_is_reported_not_skipped(tmp_path):
    """Trusted: rsync reports 'file has vanished' by name and exits 24, never silently."""
    from checker.parallel import _Unit, _Worker
    from checker.pipeline import lint_document

    (tmp_path / "a.txt").write_text(WRONG)
    worker = _Worker([], __import__("checker.pipeline", fromlist=["LintOptions"]).LintOptions(), False, None, None)
    (tmp_path / "a.txt").unlink()
    document = worker.document(_Unit(str(tmp_path / "a.txt"), 0, str(tmp_path / "a.txt"), None))
    (finding,) = lint_document(document, [], worker.options).findings
    assert (finding.rule, finding.severity, finding.path) == ("file-changed", "error", str(tmp_path / "a.txt"))


def test_an_export_that_lost_records_since_the_walk_is_reported(tmp_path):
    from checker.parallel import _Unit, _Worker
    from checker.pipeline import LintOptions, lint_document

    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"body": WRONG}) + "\n")
    worker = _Worker([], LintOptions(), False, "body", None)
    document = worker.document(_Unit(str(path), 1, f"{path}#2", "2"))  # the walk saw a second record
    (finding,) = lint_document(document, [], worker.options).findings
    assert finding.rule == "file-changed"


def test_a_vanished_working_folder_is_one_line(tmp_path):
    """Trusted: `git status` in a deleted folder says 'Unable to read current working directory'
    and exits 128; here one line, exit 2, never an internal error."""
    (tmp_path / "a.txt").write_text(WRONG)
    gone = tmp_path / "gone"
    gone.mkdir()
    before = checksums(tmp_path)
    run = subprocess.run(f"cd {gone} && rmdir {gone} && exec {sys.executable} -m checker lint {tmp_path / 'a.txt'} "
                         "-o r.json", shell=True, env=ENV, capture_output=True, text=True, timeout=240)
    assert run.returncode == 2, run.stderr
    one_line_error(run.stderr)
    assert "current folder no longer exists" in run.stderr
    assert checksums(tmp_path) == before
