"""`figcheck audit` on Dask finds exactly what the serial lint finds, and writes it safely."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.audit import AuditError, archive_files, audit, partition, read_findings
from checker.parallel import RuleSpec, WalkSpec, lint_parallel
from checker.pipeline import LintOptions
from checker.plan import LintRequest, plan_lint

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_d4ab128e2416e759.txt"
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) for the plan.\n"
RIGHT = "Officials set aside almost 700 billion yuan ($96 billion) last year.\n"


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    for year in ("2023", "2024"):
        folder = root / year
        folder.mkdir(parents=True)
        for number in range(5):
            body = RIGHT + "\n" + "A paragraph with no figures.\n\n" * number + (WRONG if number % 2 else RIGHT)
            (folder / f"story_{number}.txt").write_text(body, encoding="utf-8")
    (root / "2024" / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    records = [{"story": {"body": WRONG if i % 3 else RIGHT}, "published": f"2025-04-{10 + i}"} for i in range(7)]
    (root / "export.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return root


def _serial(root: Path, **walk) -> list[dict]:
    return lint_parallel(WalkSpec((str(root),), **walk), RuleSpec(), LintOptions(), 1).contract()["findings"]


def _sorted(findings) -> list[str]:
    return sorted(json.dumps(f, sort_keys=True) for f in findings)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as local:
        yield local


def test_findings_on_a_local_cluster_equal_the_serial_run(archive: Path, tmp_path: Path, cluster) -> None:
    output = tmp_path / "out"
    summary = audit([str(archive)], output, scheduler=cluster.scheduler_address, files_per_partition=3)
    serial = _serial(archive)
    assert len(serial) >= 5
    assert _sorted(read_findings(output)) == _sorted(serial)
    assert summary["files"] == 11 and summary["partitions"] == 4
    assert summary["summary"]["error"] == sum(f["severity"] == "error" for f in serial)
    assert json.loads((output / "_summary.json").read_text()) == summary


def test_jsonl_exports_with_fields_equal_the_serial_run(archive: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    plan = plan_lint(LintRequest(paths=[str(archive / "*.jsonl")], field="story.body", date_field="published",
                                 config=None))
    summary = audit([str(archive / "*.jsonl")], output, plan=plan, scheduler="synchronous")
    serial = _serial(archive / "export.jsonl", field="story.body", date_field="published")
    assert summary["documents"] == 7 and summary["files"] == 1
    assert _sorted(read_findings(output)) == _sorted(serial)
    assert len(serial) == 4


def test_local_processes_scheduler_equals_the_serial_run(archive: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    audit([str(archive)], output, scheduler="processes", workers=2)
    assert _sorted(read_findings(output)) == _sorted(_serial(archive))
    assert not list(output.glob(".*tmp")), "no temporary files are left behind"


def test_parquet_output_holds_the_same_findings(archive: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    output = tmp_path / "out"
    audit([str(archive)], output, format="parquet", scheduler="synchronous")
    rows = [row for part in sorted(output.glob("part-*.parquet")) for row in pq.read_table(part).to_pylist()]
    for row in rows:
        row["evidence"] = json.loads(row["evidence"])
    assert rows and _sorted(rows) == _sorted(_serial(archive))


def test_an_earlier_audit_is_not_overwritten_by_accident(archive: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    audit([str(archive)], output, scheduler="synchronous")
    with pytest.raises(AuditError, match="--overwrite"):
        audit([str(archive)], output, scheduler="synchronous")
    audit([str(archive)], output, scheduler="synchronous", files_per_partition=100, overwrite=True)
    assert [p.name for p in output.glob("part-*")] == ["part-00000.jsonl"]


def test_listing_and_partitioning(archive: Path) -> None:
    files = archive_files([str(archive), str(archive / "2023" / "*.txt")])
    assert len(files) == 11 and files == sorted(files)  # the glob adds nothing twice
    assert len(archive_files([str(archive)], records=True)) == 12
    parts = partition(files, 4)
    assert [len(p) for p in parts] == [4, 4, 3] and sum(parts, []) == files
    with pytest.raises(AuditError, match="no such file"):
        archive_files([str(archive / "nothing-*.txt")])


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", "audit", *args], cwd=ROOT, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_cli_prints_a_summary_and_rejects_bad_input_cleanly(archive: Path, tmp_path: Path) -> None:
    done = _cli(str(archive), "--output", str(tmp_path / "out"), "--scheduler", "synchronous")
    assert done.returncode == 0, done.stderr
    assert "11 files" in done.stdout and "currency-conversion" in done.stdout
    missing = _cli(str(tmp_path / "absent"), "--output", str(tmp_path / "other"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    bad_format = _cli(str(archive), "--output", str(tmp_path / "x"), "--format", "csv")
    assert bad_format.returncode == 2 and "Traceback" not in bad_format.stderr
