"""The rule cache (checker/engine/rule_cache.py): a warm load gives the same rules without
validating, and any change to a file the load read (a pack, a pack it extends, a facts registry)
loads afresh, with exactly the errors a load without the cache gives."""

from __future__ import annotations

import pytest

from checker.engine import rule_cache
from checker.engine.packs import PackError, load_rules

FACTS = """facts:
  - entity: Big Fund III
    value: 344e9
    currency: CNY
    as_of: 2024-05-24
    source: https://example.org/big-fund
"""


def _pack(folder, tolerance="0.05", facts="facts.yaml"):
    (folder / "facts.yaml").write_text(FACTS, encoding="utf-8")
    (folder / "base.yaml").write_text(
        "rules:\n  - id: money\n    kind: currency-conversion\n"
        f"    params:\n      tolerance: {tolerance}\n", encoding="utf-8")
    pack = folder / "pack.yaml"
    pack.write_text(
        "extends: base.yaml\nrules:\n  - id: registry\n    kind: house-facts\n"
        f"    params:\n      path: {facts}\n", encoding="utf-8")
    return pack


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FIGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _rules_files(cache):
    return sorted(cache.glob("rules-*.pickle")) if cache.is_dir() else []


def _shape(rules):
    return [(r.id, r.kind.name, r.params.model_dump(), r.origin) for r in rules]


def test_a_warm_load_is_read_from_the_cache_and_gives_the_same_rules(tmp_path, cache):
    pack = _pack(tmp_path)
    first = load_rules([pack], with_default=False)
    assert len(_rules_files(cache)) == 1
    kept = rule_cache.read_rules(rule_cache.cache_file([pack], False))
    assert kept is not None and _shape(kept) == _shape(first)
    assert _shape(load_rules([pack], with_default=False)) == _shape(first)
    assert [r.params.path for r in first if r.id == "registry"] == [str(tmp_path / "facts.yaml")]


@pytest.mark.parametrize("edit", ["pack", "extended", "registry"])
def test_an_edit_to_any_file_the_load_read_loads_afresh(tmp_path, cache, edit):
    pack = _pack(tmp_path)
    load_rules([pack], with_default=False)
    if edit == "pack":
        pack.write_text(pack.read_text().replace("id: registry", "id: facts-check"), encoding="utf-8")
    elif edit == "extended":
        (tmp_path / "base.yaml").write_text((tmp_path / "base.yaml").read_text().replace("0.05", "0.25"))
    else:
        (tmp_path / "facts.yaml").write_text(FACTS.replace("344e9", "345e9"), encoding="utf-8")
    assert rule_cache.read_rules(rule_cache.cache_file([pack], False)) is None  # the entry no longer holds
    rules = {r.id: r for r in load_rules([pack], with_default=False)}
    if edit == "pack":
        assert set(rules) == {"money", "facts-check"}
    elif edit == "extended":
        assert rules["money"].params.tolerance == 0.25


def test_a_pack_broken_after_a_cached_load_gets_the_error_an_uncached_load_gets(tmp_path, cache, monkeypatch):
    pack = _pack(tmp_path)
    load_rules([pack], with_default=False)
    (tmp_path / "base.yaml").write_text(
        "rules:\n  - id: money\n    kind: currency-conversion\n    params:\n      tolerance: lots\n", encoding="utf-8")
    with pytest.raises(PackError) as cached:
        load_rules([pack], with_default=False)
    monkeypatch.setenv("FIGCHECK_CACHE_DIR", str(tmp_path / "another-cache"))
    with pytest.raises(PackError) as fresh:
        load_rules([pack], with_default=False)
    assert str(cached.value) == str(fresh.value)
    assert "base.yaml:5" in str(cached.value) and "tolerance" in str(cached.value)


def test_a_registry_broken_after_a_cached_load_is_an_error_again(tmp_path, cache):
    pack = _pack(tmp_path)
    load_rules([pack], with_default=False)
    (tmp_path / "facts.yaml").write_text(FACTS.replace("https://example.org/big-fund", "not a url"))
    with pytest.raises(PackError, match="source: Input should be a valid URL"):
        load_rules([pack], with_default=False)


def test_a_damaged_cache_file_is_passed_over(tmp_path, cache):
    pack = _pack(tmp_path)
    first = load_rules([pack], with_default=False)
    (kept,) = _rules_files(cache)
    kept.write_bytes(b"not a pickle")
    assert _shape(load_rules([pack], with_default=False)) == _shape(first)
