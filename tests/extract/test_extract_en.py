"""English extraction against annotated news sentences (tests/data/extract/en_*.yaml)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from checker.extract import extract_with_unparsed
from checker.resolve import extract_resolved as extract  # extract, then the block settles shared currency names

DATA = Path(__file__).parents[1] / "data" / "extract"


def _cases(name: str) -> list[dict]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _expected(case: dict) -> list[dict]:
    """Turn the compact [span, value, code, {extras}] rows into offsets and fields."""
    text, rows, cursor = case["t"], [], 0
    for row in case["q"]:
        span, value, code = row[0], float(row[1]), row[2]
        extras = row[3] if len(row) > 3 else {}
        start = text.index(span, cursor)
        cursor = start + len(span)
        rows.append({"text": span, "start": start, "end": cursor, "value": value, "code": code, **extras})
    return rows


def _check(case: dict) -> None:
    got = extract(case["t"])
    want = _expected(case)
    assert [(q.text, q.start) for q in got] == [(w["text"], w["start"]) for w in want], case["t"]
    for q, w in zip(got, want):
        assert math.isclose(q.value, w["value"], rel_tol=1e-3), (q, w)
        if w["code"] in ("percent", "percentage point", "basis point"):
            assert (q.kind, q.unit) == ("percent", w["code"]), q
        elif w["code"] is None and "unit" in w:
            # a currency name several countries share, and the text names none of them
            assert (q.kind, q.currency, q.unit) == ("money", None, w["unit"]), q
        elif w["code"] is None:
            assert q.kind == "number" and q.currency is None, q
        else:
            assert (q.kind, q.currency) == ("money", w["code"]), q
        if "high" in w:
            assert q.high is not None and math.isclose(q.high, float(w["high"]), rel_tol=1e-3), q
        else:
            assert q.high is None, q
        assert q.hedge == w.get("hedge"), q
        for field in ("per", "scale"):
            if field in w:
                assert getattr(q, field) == w[field], q
        if "sig" in w:
            assert q.sig_digits == w["sig"], q
        assert case["t"][q.start:q.end] == q.text


@pytest.mark.parametrize("case", _cases("en_money.yaml"), ids=lambda c: c["t"][:60])
def test_money(case):
    _check(case)


@pytest.mark.parametrize("case", _cases("en_numbers.yaml"), ids=lambda c: c["t"][:60])
def test_numbers_and_percentages(case):
    _check(case)


@pytest.mark.parametrize("text", _cases("en_never.yaml"))
def test_never_an_amount(text):
    assert [q.text for q in extract(text)] == []


def test_seed_document():
    seed = Path(__file__).parents[2] / "seeds" / "000_d4ab128e2416e759.txt"
    text = seed.read_text(encoding="utf-8")
    money = [(q.value, q.currency, q.hedge) for q in extract(text) if q.kind == "money"]
    assert money == [(700e9, "CNY", "almost"), (96e9, "USD", None), (600e9, "CNY", None), (8.5e9, "USD", None)]
    assert not [q for q in extract(text) if q.text in ("2014", "20", "H20")]


def test_yen_sign_keeps_its_ambiguity():
    (q,) = extract("The fund invested ¥700bn.")
    assert q.currency == "CNY" and q.alternatives == ("CNY", "JPY")


def test_parentheses_never_make_a_negative():
    (q,) = extract("($8.5 billion)")
    assert q.value == 8.5e9


def test_unparsed_currency_signs_are_reported():
    quantities, unparsed = extract_with_unparsed("The cost is $X million, or $5 million in all.")
    assert [q.text for q in quantities] == ["$5 million"]
    assert [u.text for u in unparsed] == ["$X"]


@pytest.mark.parametrize("bad", ["", "   ", "$", "$$$", "¥", "-", "(", "1e999999", "9" * 400])
def test_odd_input_does_not_crash(bad):
    quantities, _ = extract_with_unparsed(bad)
    for q in quantities:
        assert bad[q.start:q.end] == q.text
