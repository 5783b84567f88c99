"""`lint --jobs N` gives exactly the serial run's output, in the same order."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.parallel import RuleSpec, WalkSpec, _numbered, _tasks, _Unit, lint_parallel
from checker.pipeline import LintOptions

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_d4ab128e2416e759.txt"
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578"  # the shared yardsticks beside the checkout

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) for the plan.\n"
RIGHT = "Officials set aside almost 700 billion yuan ($96 billion) last year.\n"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """Twelve small articles, most with a wrong conversion at a different line, plus a JSONL export."""
    for number in range(12):
        padding = "Nothing to check in this paragraph.\n\n" * number
        body = RIGHT + "\n" + padding + (WRONG if number % 3 else RIGHT)
        (tmp_path / f"article_{number:02d}.txt").write_text(body, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "seed.txt")
    records = [{"body": WRONG if i % 2 else RIGHT, "published": "2025-04-15"} for i in range(9)]
    (tmp_path / "export.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return tmp_path


def _contract(result) -> dict:
    return result.contract()


def _run(tree: Path, jobs: int, **walk) -> dict:
    spec = WalkSpec((str(tree),), **walk)
    return _contract(lint_parallel(spec, RuleSpec(), LintOptions(), jobs))


def test_two_and_three_jobs_match_one(tree: Path) -> None:
    serial = _run(tree, 1)
    assert serial["files"] == 13
    assert serial["summary"]["error"] >= 8  # the wrong conversions are really found
    assert _run(tree, 2) == serial
    assert _run(tree, 3) == serial


def test_jsonl_records_spread_over_workers_match_serial(tree: Path) -> None:
    serial = _run(tree, 1, field="body", date_field="published")
    assert serial["files"] == 14  # the export counts as one file however many records it holds
    assert _run(tree, 2, field="body", date_field="published") == serial


def test_coverage_figures_match_serial(tree: Path) -> None:
    spec = WalkSpec((str(tree),))
    serial = lint_parallel(spec, RuleSpec(), LintOptions(), 1)
    parallel = lint_parallel(spec, RuleSpec(), LintOptions(), 2)
    assert parallel.stats == serial.stats
    assert parallel.stats.amounts > 0


def test_one_document_and_stdin_stay_serial(tree: Path) -> None:
    one = WalkSpec((str(tree / "article_01.txt"),))
    result = lint_parallel(one, RuleSpec(), LintOptions(), 4)
    assert result.files == 1
    assert [f.rule for f in result.findings] == ["currency-conversion"]


def _task_spans(count: int) -> list[tuple[int, int]]:
    units = [_Unit(f"f{n}.txt", 0, f"f{n}.txt", None) for n in range(count)]
    tasks = _tasks(_numbered(units[:2], iter(units[2:])), jobs=2)
    return [(task.units[0][0], task.units[-1][0] + 1) for task in tasks]


def test_tasks_cover_every_position_once_in_order() -> None:
    for count in (2, 3, 17, 1000):
        spans = _task_spans(count)
        assert spans[0][0] == 0 and spans[-1][1] == count
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
        assert all(1 <= stop - start for start, stop in spans)


def test_tasks_start_small_and_grow() -> None:
    spans = _task_spans(5002)
    assert spans[0] == (0, 1)
    assert max(stop - start for start, stop in spans) > 1


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", "lint", *args], cwd=ROOT,
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_cli_jobs_output_is_byte_identical(tree: Path) -> None:
    one = _cli(str(tree), "--format", "json", "--jobs", "1")
    two = _cli(str(tree), "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert json.loads(one.stdout)["findings"]


def test_cli_rejects_zero_jobs(tree: Path) -> None:
    outcome = _cli(str(tree), "--jobs", "0")
    assert outcome.returncode == 2
    assert "Traceback" not in outcome.stderr


def test_missing_file_is_a_clean_error_with_jobs(tree: Path) -> None:
    outcome = _cli(str(tree), str(tree / "missing.txt"), "--jobs", "2")
    assert outcome.returncode == 2
    assert "missing.txt" in outcome.stderr and "Traceback" not in outcome.stderr


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the Reuters corpus is not on this machine")
def test_corpus_findings_match_serial(tmp_path: Path) -> None:
    """Real wire copy: the first half of two Reuters files (~0.75 MB, a thousand stories) and the
    corpus's two READMEs.

    A slice, not all 9 MB: what is promised is that workers split real copy and give the serial run's
    output byte for byte, which four files spread over two workers already shows.
    """
    names = ["README.md", "README-reuters21578-distribution.txt", "reut2-000.txt", "reut2-001.txt"]
    for name in names:
        text = (CORPUS / name).read_bytes()
        if name.startswith("reut2-"):  # up to the end of the paragraph that crosses the half
            text = text[: text.index(b"\n\n", len(text) // 2)] + b"\n"
        (tmp_path / name).write_bytes(text)
    one = _cli(str(tmp_path), "--format", "json", "--jobs", "1")
    two = _cli(str(tmp_path), "--format", "json", "--jobs", "2")
    assert one.stdout == two.stdout
    report = json.loads(one.stdout)
    assert report["files"] == len(names) and report["findings"]
