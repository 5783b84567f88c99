"""Start-up work done once: the cached ECB table is the parsed one, and a bad cache is harmless."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from checker.rates import cache as rates_cache
from checker.rates import RateTable

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(rates_cache.CACHE_ENV, str(tmp_path))
    rates_cache.shipped_rates.cache_clear()
    yield tmp_path
    rates_cache.shipped_rates.cache_clear()


def _same_answers(a: RateTable, b: RateTable) -> None:
    assert a.currencies == b.currencies and a.source == b.source
    day = dt.date(2025, 4, 15)
    assert a.window("CNY", "USD", day).latest == b.window("CNY", "USD", day).latest


def test_first_run_writes_the_cache_and_the_second_reads_it(cache: Path) -> None:
    first = rates_cache.shipped_rates()
    files = list(cache.glob("ecb-rates-*.pickle"))
    assert len(files) == 1
    rates_cache.shipped_rates.cache_clear()
    second = rates_cache.shipped_rates()
    assert second is not first  # read back from disk, not the in-process copy
    _same_answers(second, RateTable.shipped())


def test_a_damaged_cache_falls_back_to_parsing(cache: Path) -> None:
    rates_cache.shipped_rates()
    (path,) = cache.glob("ecb-rates-*.pickle")
    path.write_bytes(b"not a pickle")
    rates_cache.shipped_rates.cache_clear()
    _same_answers(rates_cache.shipped_rates(), RateTable.shipped())


def test_an_unwritable_cache_directory_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv(rates_cache.CACHE_ENV, str(blocker / "figcheck"))
    rates_cache.shipped_rates.cache_clear()
    try:
        _same_answers(rates_cache.shipped_rates(), RateTable.shipped())
    finally:
        rates_cache.shipped_rates.cache_clear()


def test_linting_one_article_does_not_import_the_heavy_parsers(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from checker.api import lint_text\n"
        "lint_text('It raised 600 billion yuan ($8.5 billion).', date='2025-04-15')\n"
        "print(' '.join(m for m in ('quantulum3', 'pint', 'currency_converter') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert "quantulum3" not in out.stdout and "pint" not in out.stdout
